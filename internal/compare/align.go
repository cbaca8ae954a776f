package compare

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/text"
)

// factScore says how surely two sentences state the same fact; 1 or more
// means they do: the fact model's probability over its threshold (see
// Model(Fact)). Pairs that share less than candidateFloor of their weighted
// words are not scored, and two different quotations (DifferentStatements)
// score 0.
func factScore(a, b profile) float64 {
	if similarity(a.weighted, b.weighted) < candidateFloor {
		return 0
	}
	m := Model(Fact)
	sc := m.score(a, b) / m.Threshold
	if sc >= nearlyShared && DifferentStatements(a.raw, b.raw) {
		return 0 // two quotations with other words: two statements
	}
	return sc
}

// candidateFloor is the weighted overlap below which two sentences are not
// scored by a model at all: they share too little to state the same thing,
// and skipping them keeps large stories fast. On duc_scu_dev (sentences of
// different articles that state a common fact) 3% of the positive pairs
// fall below it.
const candidateFloor = 0.15

// synonyms fold the forms of a few words that news writes in several ways
// to one: reporting verbs, "percent", country abbreviations and the names
// of the months ("Feb. 28" is "February 28"). Words of like meaning are
// matched by their vectors (see semantic.go), not listed here.
var synonyms = map[string]string{
	"says": "say", "said": "say", "told": "say", "stated": "say", "states": "say", "added": "say",
	"percent": "%", "per cent": "%", "pct": "%",
	"us": "united states", "u.s": "united states", "usa": "united states", "america": "united states",
	"uk": "united kingdom", "britain": "united kingdom",
	"january": "jan", "february": "feb", "march": "mar", "april": "apr", "june": "jun", "july": "jul",
	"august": "aug", "aug": "aug", "september": "sep", "sept": "sep", "october": "oct", "november": "nov", "december": "dec",
}

// features of a sentence for alignment: stemmed content words, with names and
// numbers marked.
type sentenceFeatures struct {
	terms []weighted // sorted by hash, each term once with its largest weight
	total float64
}

// weighted is a term's hash and weight.
type weighted struct {
	h uint64
	w float64
}

// sentenceFeaturesOf weighs a sentence's words: a content word 1, a name
// (capitalised, not first) or a number 2; stop words are left out; words are
// folded by the synonym list and cut to a five-letter stem.
func sentenceFeaturesOf(s string) sentenceFeatures {
	return featuresOfWords(text.Words(text.Fold(s)))
}

// featuresOfWords is sentenceFeaturesOf for a sentence's folded words.
func featuresOfWords(words []string) sentenceFeatures {
	var f sentenceFeatures
	for i, w := range words {
		lw := strings.ToLower(w)
		if text.IsStopWord(lw) && lw != "us" {
			continue
		}
		weight := 1.0
		if unicode.IsDigit([]rune(w)[0]) || (i > 0 && text.IsUpperInitial(w)) {
			weight = 2
		}
		if syn, ok := synonyms[lw]; ok {
			lw = syn
		} else if r := []rune(lw); len(r) > 5 && !unicode.IsDigit(r[0]) {
			lw = string(r[:5])
		}
		f.terms = append(f.terms, weighted{text.Hash(lw), weight})
	}
	// Keep each term once, with its largest weight.
	slices.SortFunc(f.terms, func(x, y weighted) int {
		switch {
		case x.h != y.h:
			return cmp.Compare(x.h, y.h)
		default:
			return cmp.Compare(y.w, x.w)
		}
	})
	f.terms = slices.CompactFunc(f.terms, func(x, y weighted) bool { return x.h == y.h })
	for _, t := range f.terms {
		f.total += t.w
	}
	return f
}

// Similarity is the probability that two sentences are paraphrases: the
// paraphrase model over their features (see PairFeatures and Model).
func Similarity(a, b string) float64 {
	return Score(Paraphrase, a, b)
}

// Score is a mode's model's probability that two sentences are the same in
// that mode's sense.
func Score(mode Mode, a, b string) float64 {
	return Model(mode).score(profileOf(a), profileOf(b))
}

// Same is a mode's decision on two sentences, as the comparison makes it
// (pairs that share less than candidateFloor of their weighted words are
// never the same, and in fact mode neither are two different quotations,
// see DifferentStatements), with the model's score.
func Same(mode Mode, a, b string) (bool, float64) {
	pa, pb := profileOf(a), profileOf(b)
	m := Model(mode)
	s := m.score(pa, pb)
	return decide(mode, s, m.Threshold, pa, pb), s
}

// Decide is the decision Same makes on two sentences from a model's
// probability prob and threshold: what a model fitted elsewhere (a
// cross-validation fold) would decide in the comparison.
func Decide(mode Mode, prob, threshold float64, a, b string) bool {
	return decide(mode, prob, threshold, profileOf(a), profileOf(b))
}

// decide is Decide on the sentences' profiles: the probability reaches the
// threshold, the two share at least candidateFloor of their weighted words,
// and in fact mode they are not two different quotations.
func decide(mode Mode, prob, threshold float64, a, b profile) bool {
	if prob < threshold || similarity(a.weighted, b.weighted) < candidateFloor {
		return false
	}
	return mode != Fact || !DifferentStatements(a.raw, b.raw)
}

// similarity is the weighted Dice overlap of two sentences' features,
//
//	2 x Σ weight(shared) / (Σ weight(a) + Σ weight(b))
//
// where names and numbers weigh 2 and other content words 1, after synonym
// folding and stemming. It is the model's first feature and its cheap filter.
func similarity(a, b sentenceFeatures) float64 {
	if a.total == 0 || b.total == 0 {
		return 0
	}
	shared := 0.0
	for i, j := 0, 0; i < len(a.terms) && j < len(b.terms); {
		switch x, y := a.terms[i], b.terms[j]; {
		case x.h == y.h:
			shared += min(x.w, y.w)
			i++
			j++
		case x.h < y.h:
			i++
		default:
			j++
		}
	}
	return 2 * shared / (a.total + b.total)
}
