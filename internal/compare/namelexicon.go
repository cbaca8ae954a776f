package compare

import (
	_ "embed"
	"strings"
	"sync"
)

// lexiconText is the name lexicon generated from the npm package compromise
// (MIT licence) by scripts/lexicon/generate.mjs: one class a line, a tab,
// then lower-case entries joined by "|".
//
//go:embed lexicon.txt
var lexiconText string

// lexicon maps each lower-case entry to the classes that list it (first,
// male, female, last, person, city, country, region, place, org, demonym,
// honorific, orgword, placeword; and unisex, the first names of a gender
// that US births do not tie to it, appended by scripts/lexicon/unisex).
// The file's "role" line is no class of names (roleNouns).
type lexicon map[string][]string

var (
	lexOnce  sync.Once
	lex      lexicon
	lexRoles map[string]bool
)

// names returns the parsed lexicon, built once and only read afterwards.
// Its "role" line is no class of names: it is read into roleNouns.
func names() lexicon {
	lexOnce.Do(func() {
		l, roles := lexicon{}, map[string]bool{}
		for _, line := range strings.Split(lexiconText, "\n") {
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
		lex, lexRoles = l, roles
	})
	return lex
}

// roleNouns returns the lexicon's nouns of a person's role ("god",
// "moderator", "farmer", "citizens"; compromise's Actor tag): words for
// what someone is, not names.
func roleNouns() map[string]bool {
	names()
	return lexRoles
}

// has reports whether the lower-case entry w is listed in class.
func (l lexicon) has(w, class string) bool {
	for _, c := range l[w] {
		if c == class {
			return true
		}
	}
	return false
}
