package compare

import (
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// This file finds the organisation a description of a body stands for
// ("the company said", "the agency reported", "the committee said") when
// no organisation fitting it is the subject of the last few sentences
// (antecedent): news goes on quoting a body it has quoted before, and
// calls a body by the noun it once named it with ("the official news
// agency Kora ... the agency reported"), however far back.

// describedBodyBefore returns the organisation, named before byte at,
// that the description noun stands for when the nearest sentences name
// none: the one that spoke a quote before (a.spoken) and fits the noun
// (orgMatchesNoun), else the one the article names with the noun itself
// right before or in apposition ("news agency Kora", "Kora, a news
// agency"). "" when none, or two different ones, fit.
func (a *attributor) describedBodyBefore(noun string, at int) string {
	if who := a.spokenBody(noun, at); who != "" {
		return who
	}
	return a.bodyNamedWithNoun(noun, at)
}

// spokenBody returns the organisation that spoke a quote before byte at
// and fits noun, "" when none or two different ones did.
func (a *attributor) spokenBody(noun string, at int) string {
	who := ""
	for _, sp := range a.spoken {
		e := a.entities[sp.entity]
		if sp.at >= at || e.Kind != news.Org || !orgMatchesNoun(e.Name, noun) {
			continue
		}
		if who != "" && who != e.Name {
			return ""
		}
		who = e.Name
	}
	return who
}

// bodyNamedWithNoun returns the organisation the article names, before
// byte at, right after the noun ("news agency Kora", "the software company
// Velocore") or with the noun in apposition ("Kora, the official news
// agency,"), "" when none or two different ones are.
func (a *attributor) bodyNamedWithNoun(noun string, at int) string {
	who := ""
	for i := 0; i < len(a.mentions) && a.mentions[i].offset < at; i++ {
		m := a.mentions[i]
		if m.kind != news.Org || a.quoted(m.offset) {
			continue
		}
		before := strings.TrimRight(a.t[max(0, m.offset-maxNounBytes):m.offset], " ")
		if !endsWithWords(before, noun) && !bodyAppositionNoun(a.t[m.end:min(len(a.t), m.end+2*maxNounBytes)], noun) {
			continue
		}
		if name := a.nameOf(i); who == "" {
			who = name
		} else if who != name {
			return ""
		}
	}
	return who
}

// bodyAppositionNoun reports whether s, the text right after an
// organisation's name, describes it in apposition with noun: a comma, an
// article, at most maxAppositionModifiers lower-case words and the noun,
// which ends the phrase ("Kora, the official news agency," "Velocore, a
// software company that ...").
func bodyAppositionNoun(s, noun string) bool {
	rest, ok := strings.CutPrefix(s, ", ")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) < 2 || !articles[strings.ToLower(words[0])] {
		return false
	}
	for i := 1; i < len(words) && i <= 1+maxAppositionModifiers; i++ {
		w := strings.TrimRight(words[i], ",.;:")
		if w == noun {
			return w != words[i] || i+1 == len(words) || appositionEnders[words[i+1]] || words[i+1] == "that"
		}
		if !lowerCaseWords(w, 1) || functionWords[w] || w != words[i] {
			return false
		}
	}
	return false
}
