package text

import (
	_ "embed"
	"strings"
	"sync"
)

// nameLexiconText is the name lexicon generated from the npm package
// compromise (MIT licence) by scripts/lexicon/generate.mjs: one class a
// line, a tab, then lower-case entries joined by "|".
//
//go:embed namelexicon.txt
var nameLexiconText string

// NameLexicon maps each lower-case entry to the classes that list it (first,
// male, female, last, person, city, country, region, place, org, demonym,
// honorific, orgword, placeword; and unisex, the first names of a gender
// that US births do not tie to it, appended by scripts/lexicon/unisex).
// The file's "role" line is no class of names (RoleNouns).
type NameLexicon map[string][]string

var (
	nameLexOnce  sync.Once
	nameLex      NameLexicon
	nameLexRoles map[string]bool
)

// Names returns the parsed name lexicon, built once and only read afterwards
// (callers must not change it).
func Names() NameLexicon {
	nameLexOnce.Do(func() {
		nameLex, nameLexRoles = parseNameLexicon(nameLexiconText)
	})
	return nameLex
}

// parseNameLexicon reads the lexicon's lines into the classes of each entry
// and, apart, the "role" line's nouns.
func parseNameLexicon(src string) (NameLexicon, map[string]bool) {
	l, roles := NameLexicon{}, map[string]bool{}
	for _, line := range strings.Split(src, "\n") {
		class, entries, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for _, e := range strings.Split(entries, "|") {
			if class == "role" {
				roles[e] = true
				continue
			}
			l[e] = append(l[e], class)
		}
	}
	return l, roles
}

// RoleNouns returns the lexicon's nouns of a person's role ("god",
// "moderator", "farmer", "citizens"; compromise's Actor tag): words for what
// someone is, not names.
func RoleNouns() map[string]bool {
	Names()
	return nameLexRoles
}

// Has reports whether the lower-case entry w is listed in class.
func (l NameLexicon) Has(w, class string) bool {
	for _, c := range l[w] {
		if c == class {
			return true
		}
	}
	return false
}

// IsFirstName reports whether the lexicon lists the lower-case word w as a
// first name.
func IsFirstName(w string) bool { return Names().Has(w, "first") }
