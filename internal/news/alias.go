package news

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// OutletAlias files the articles of one outlet key under another's: a
// short code the user names an outlet by (storyline sources alias: "fox"
// for Fox News), or a domain that spells a stored name with its "the"
// (thehill.com under "The Hill", TheNameAlias). Lists, filters, the
// sources page and outlet pages read the key an article is filed under.
// An alias keeps the outlet it was given (Named) and is filed where that
// leads (Outlet): when Named is an alias itself, its outlet, and so on, so
// that removing the middle one of a chain leaves the first where the user
// put it.
type OutletAlias struct {
	Alias  string `json:"alias"`  // the key filed under Outlet (OutletKey of Name)
	Name   string `json:"name"`   // the name as the user gave it, or the stored name the alias came from
	Named  string `json:"named"`  // the key of the outlet the user named (or the "The" name's key): what Outlet is resolved from
	Outlet string `json:"outlet"` // the key it is filed under: Named, or the outlet Named is filed under; Alias itself for a name kept apart
	Given  bool   `json:"given"`  // given by the user; false for TheNameAlias's
}

// KeptApart tells an alias that keeps its key an outlet of its own: what
// removing an automatic alias leaves, so that the rule does not join the
// two again.
func (a OutletAlias) KeptApart() bool { return a.Alias == a.Outlet }

// ErrSameOutlet is what giving an alias says when the name is already
// the outlet's (or the outlet is filed under the name).
var ErrSameOutlet = errors.New("already one outlet")

// ErrNamelessLabel is what giving an alias says when the name is the
// label of an article of no outlet ("“Its headline”", as the sources' list
// names it) and no outlet has its key: an alias of it would move nothing.
// Such an article takes an outlet when added again with one named
// (--source, a JSONL line's source).
var ErrNamelessLabel = errors.New("names an article of no outlet, not an outlet")

// LooksLikeNamelessLabel reports whether name is written as SourceLabel
// names an article of no outlet: its headline in curly quotation marks.
func LooksLikeNamelessLabel(name string) bool {
	name = strings.TrimSpace(name)
	return strings.HasPrefix(name, "“") && strings.Contains(name, "”")
}

// ErrNoOutletKey is what giving an alias says when the name or the
// outlet has no letters or digits to key an outlet by.
var ErrNoOutletKey = errors.New("no letters or digits to key an outlet by")

// ErrNameTooLong is what giving an alias says when the name or the outlet
// is longer than MaxAliasRunes.
var ErrNameTooLong = errors.New("longer than an outlet's name can be")

// MaxAliasRunes bounds the name of an alias and of the outlet it names, in
// characters: an outlet's name is a few words (the longest of the 3,514
// outlet names and hosts counted in session 35, /tmp/s35-arev/names.txt, has
// 37), so 200 leaves room for any real one, while a 200,000-character name
// (stored as given before session 38) filled the sources page.
const MaxAliasRunes = 200

// CheckAliasName refuses a name (of an alias, or of the outlet it names:
// what says which) longer than MaxAliasRunes, naming its start and length.
// Characters are counted composed (Unicode NFC, as AliasKey keys them), so
// that an accented name typed as letters and separate marks is not counted
// twice as long as it reads.
func CheckAliasName(what, name string) error {
	if n := utf8.RuneCountInString(norm.NFC.String(name)); n > MaxAliasRunes {
		return fmt.Errorf("%s %q is %d characters, %w (at most %d)", what, shortName(name), n, ErrNameTooLong, MaxAliasRunes)
	}
	return nil
}

// shortName is a name cut to its first shownNameRunes characters, with
// "..." when cut: what an error quotes of a long input.
func shortName(name string) string {
	if utf8.RuneCountInString(name) <= shownNameRunes {
		return name
	}
	return string([]rune(name)[:shownNameRunes]) + "..."
}

// shownNameRunes is how much of a too-long name an error quotes: enough to
// recognise it on one line of a terminal.
const shownNameRunes = 40

// AliasKeys are the keys of an alias the user gives: the name's and the
// outlet's (OutletKey), or an error naming the input that is too long
// (CheckAliasName), has no key or names the outlet itself.
func AliasKeys(name, outlet string) (alias, key string, err error) {
	if err := CheckAliasName("alias", name); err != nil {
		return "", "", err
	}
	if err := CheckAliasName("outlet", outlet); err != nil {
		return "", "", err
	}
	alias, key = AliasKey(name), AliasKey(outlet)
	switch {
	case alias == "":
		return "", "", fmt.Errorf("alias %q has %w", name, ErrNoOutletKey)
	case key == "":
		return "", "", fmt.Errorf("outlet %q has %w", outlet, ErrNoOutletKey)
	case alias == key:
		return "", "", fmt.Errorf("%q and %q: %w (both are %q)", name, outlet, ErrSameOutlet, key)
	}
	return alias, key, nil
}

// AliasKey is the key of a name the user typed (an alias, the outlet it
// names, an alias to remove): OutletKey of its composed form (Unicode
// NFC), so that a name typed with its accents as separate marks ("e" and
// a combining acute, as some keyboards and pastes give) keys as the same
// name typed composed does, and not as the name without accents
// (OutletKey keeps letters and drops marks). Pages' names are almost
// always composed already, so this files a typed name where its outlet's
// articles are.
//
// The key is composed again: dropping what OutletKey drops can leave
// combining marks side by side out of their canonical order (marks with
// no letter, split by control characters: a fuzzer's input), and a key
// must be its own key.
func AliasKey(name string) string {
	return norm.NFC.String(OutletKey(norm.NFC.String(name)))
}

// ResolveOutlet is the key an article of key is filed under, given the
// stored aliases by key: the alias's outlet, else key itself.
func ResolveOutlet(key string, aliases map[string]string) string {
	if to, ok := aliases[key]; ok {
		return to
	}
	return key
}

// NameAliases gives each outlet of list the names the user gave it
// (OutletAlias.Given, not kept apart), in alias order.
func NameAliases(list []SourceSummary, aliases []OutletAlias) []SourceSummary {
	names := map[string][]string{}
	for _, a := range aliases {
		if a.Given && !a.KeptApart() {
			names[a.Outlet] = append(names[a.Outlet], a.Name)
		}
	}
	for i := range list {
		list[i].Aliases = names[list[i].Key]
	}
	return list
}

// OutletNamesShown gives a story's outlet names (one for each outlet) with each
// name that is an alias's spelling (its key filed under another by
// filed, alias key -> outlet key) replaced by the name its outlet is shown
// under (shown, by key), when one is; a new slice, the others as they are.
// The label of an article of no outlet (SourceLabel: a headline in
// quotation marks, an id in brackets) is no outlet's name and is kept,
// even when its words spell an aliased key (a headline "Fox").
func OutletNamesShown(names []string, filed, shown map[string]string) []string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = name
		if namelessLabel(name) {
			continue
		}
		if to, ok := filed[OutletKey(name)]; ok && shown[to] != "" {
			out[i] = shown[to]
		}
	}
	return out
}

// namelessLabel tells the label SourceLabel gives an article of no outlet
// (“its headline”, [its id]) from an outlet's name.
func namelessLabel(name string) bool {
	return strings.HasPrefix(name, "“") && strings.HasSuffix(name, "”") || strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]")
}
