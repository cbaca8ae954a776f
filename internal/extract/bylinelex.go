package extract

import (
	"strings"

	"github.com/storyline-news/storyline/internal/text"
)

// lexiconNames counts how a candidate's names read against the name
// lexicon (internal/text): a byline names people ("Jane Doe", "Dr Marna
// van der Merwe"), and a false one on a page whose gold names no one is
// most often an organisation, a team or a site ("Cleveland Clinic",
// "Clemson News", "Obesity Medicine Association").
type lexiconNames struct {
	firstNames int // names whose first word, honorifics passed, is a first name
	surnames   int // names whose last word is a surname
	orgs       int // names the lexicon lists as organisations or holding a word of one
}

// readLexiconNames reads names against the name lexicon.
func readLexiconNames(names []string) lexiconNames {
	var out lexiconNames
	lex := text.Names()
	for _, name := range names {
		words := lexiconWords(name)
		if len(words) == 0 {
			continue
		}
		if first := firstAfterHonorifics(lex, words); first != "" && lex.Has(first, "first") {
			out.firstNames++
		}
		if lex.Has(words[len(words)-1], "last") {
			out.surnames++
		}
		if namesLexiconOrg(lex, words) {
			out.orgs++
		}
	}
	return out
}

// lexiconWords gives a name's words in lower case, without the dots and
// commas around them ("Jr.", "J.,"), as the lexicon lists its entries.
func lexiconWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if w = strings.Trim(w, ".,;:()"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// firstAfterHonorifics is the first word of words that is no honorific of
// the lexicon ("dr", "prof", "mrs"), "" when every word is one.
func firstAfterHonorifics(lex text.NameLexicon, words []string) string {
	for _, w := range words {
		if !lex.Has(w, "honorific") {
			return w
		}
	}
	return ""
}

// namesLexiconOrg reports whether the lexicon lists the whole name as an
// organisation or one of its words as a word of organisations' names
// ("association", "clinic", "news", "university").
func namesLexiconOrg(lex text.NameLexicon, words []string) bool {
	if lex.Has(strings.Join(words, " "), "org") {
		return true
	}
	for _, w := range words {
		if lex.Has(w, "orgword") {
			return true
		}
	}
	return false
}

// lexiconFeatures adds the shares of a candidate's names that open with a
// first name, end in a surname and name an organisation (readLexiconNames).
func lexiconFeatures(r *featureRow, names []string) {
	lx := readLexiconNames(names)
	k := float64(max(len(names), 1))
	r.add("lex_first_names", float64(lx.firstNames)/k)
	r.add("lex_surnames", float64(lx.surnames)/k)
	r.add("lex_org_names", float64(lx.orgs)/k)
}
