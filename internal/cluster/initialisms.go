package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// initialismTerm returns the term of words[i] when it is an initialism, a
// name written in capital letters ("U.S.", "US", "U.N.", "WHO"): its
// letters lower-cased without dots ("us", "un", "who"), so that the dotted
// and undotted forms are one term. text.TermsOf drops them: the dotted form
// splits into single letters and several undotted ones spell a stop word
// ("us", "who", "it"), so the country most named in English news gave no
// term at all. The pronoun, written in lower case, stays a stop word. An
// undotted capital word counts only when neither neighbour is in capitals
// too: a headline or a passage set in capitals ("LET US KNOW") spells its
// stop words so. words are as text.AppendWordsKeepingInitialisms splits them.
func initialismTerm(words []string, i int) (string, bool) {
	w := words[i]
	if strings.IndexByte(w, '.') >= 0 {
		return strings.ToLower(strings.ReplaceAll(w, ".", "")), true
	}
	if !allCapitals(w) {
		return "", false
	}
	lw := strings.ToLower(w)
	if !text.IsStopWord(lw) {
		return lw, true // the term text.TermsOf gives it too ("uk", "nato")
	}
	if i > 0 && allCapitals(words[i-1]) || i+1 < len(words) && allCapitals(words[i+1]) {
		return "", false
	}
	return lw, true
}

// allCapitals reports whether w is two letters or more, every one upper
// case, or a dotted initialism ("U.S.").
func allCapitals(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}

// appendTerms appends the index terms of words (as
// text.AppendWordsKeepingInitialisms splits them) to out: text.TermsOf's,
// with the initialisms it drops kept (see initialismTerm).
func appendTerms(out []string, words []string) []string {
	for i := range words {
		if t, ok := initialismTerm(words, i); ok {
			out = append(out, t)
			continue
		}
		out = text.AppendTermsOf(out, words[i:i+1])
	}
	return out
}
