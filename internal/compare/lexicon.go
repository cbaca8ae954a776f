package compare

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/text"
)

// Lexicon is a pair model's learned word weights: how much it tells about
// the decision that a term (a content-word stem or a pair of adjacent
// words, see LexiconTerms) is in both sentences rather than in one only. A weight is the KL divergence
// between the chance that a word in either sentence is in both, among the
// pairs labelled "same" and among the others (TF-KLD, Ji and Eisenstein
// 2013): "said" is in both sentences as often either way and weighs nearly
// nothing; a figure, a name or a verb that paraphrases keep and other
// pairs do not weighs much. Fitted by `storyline eval pairs --lexicon`.
type Lexicon struct {
	Weights map[string]float64 `json:"weights"`
	Default float64            `json:"default"` // the weight of a stem not in Weights

	hashed     map[uint64]float64
	hashedOnce sync.Once
}

// LexiconFeatureNames name the values a lexicon adds to a model's features.
var LexiconFeatureNames = []string{
	"lexicon cosine", "lexicon min cont", "lexicon max cont", "lexicon shared", "lexicon unmatched max", "lexicon unmatched sum",
}

// Validate checks that a lexicon's weights are finite and not negative.
func (l *Lexicon) Validate() error {
	if math.IsNaN(l.Default) || math.IsInf(l.Default, 0) || l.Default < 0 {
		return fmt.Errorf("lexicon: default weight %v", l.Default)
	}
	for w, x := range l.Weights {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return fmt.Errorf("lexicon: weight of %q is %v", w, x)
		}
	}
	return nil
}

// weight returns the weight of a stem's hash.
func (l *Lexicon) weight(h uint64) float64 {
	l.hashedOnce.Do(func() {
		l.hashed = make(map[uint64]float64, len(l.Weights))
		for w, x := range l.Weights {
			l.hashed[text.Hash(w)] = x
		}
	})
	if x, ok := l.hashed[h]; ok {
		return x
	}
	return l.Default
}

// Features measures two sentences' terms (from LexiconTerms) by the
// lexicon's weights: see LexiconFeatureNames.
func (l *Lexicon) Features(a, b []string) []float64 {
	return l.features(termHashes(a), termHashes(b))
}

func termHashes(terms []string) hset {
	hs := make([]uint64, len(terms))
	for i, s := range terms {
		hs[i] = text.Hash(s)
	}
	return newHset(hs)
}

// lexiconScale is the weight at which the shared and unmatched sums
// saturate: on MSRP the weights run from about 0 to 0.5, so 1 is two to
// four telling words.
const lexiconScale = 1.0

// features gives, in [0,1] and symmetric, the weighted cosine of the two
// stem sets, the weighted share of each covered by the other (lower and
// higher), the weight they share, and the weight each has that the other
// lacks (the larger side's, and both sides').
func (l *Lexicon) features(a, b hset) []float64 {
	var totalA, totalB, sqA, sqB, shared, sqShared float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			w := l.weight(a[i])
			totalA, sqA = totalA+w, sqA+w*w
			i++
		case i == len(a) || b[j] < a[i]:
			w := l.weight(b[j])
			totalB, sqB = totalB+w, sqB+w*w
			j++
		default:
			w := l.weight(a[i])
			totalA, sqA, totalB, sqB = totalA+w, sqA+w*w, totalB+w, sqB+w*w
			shared, sqShared = shared+w, sqShared+w*w
			i++
			j++
		}
	}
	var cos, minC, maxC float64
	if sqA > 0 && sqB > 0 {
		cos = sqShared / math.Sqrt(sqA*sqB)
	}
	if totalA > 0 && totalB > 0 {
		minC, maxC = minMax(shared/totalA, shared/totalB)
	}
	unA, unB := totalA-shared, totalB-shared
	return []float64{
		cos, minC, maxC,
		math.Min(1, shared/lexiconScale),
		math.Min(1, math.Max(unA, unB)/lexiconScale),
		math.Min(1, (unA+unB)/lexiconScale),
	}
}

// LexiconTerms are the terms of a sentence a lexicon weighs, each once: the
// stems of its content words (lower-cased words without stop words, folded
// by the synonym list and cut to five letters) and its pairs of adjacent
// lower-cased words, stop words kept ("did not", "the bill"): TF-KLD on
// MSRP reads word pairs too, and they add to its ranking (10-fold ROC-AUC
// .842 with stems alone, .849 with pairs).
func LexiconTerms(s string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	ws := text.Words(text.Fold(s))
	for i, w := range ws {
		lw := strings.ToLower(w)
		if !text.IsStopWord(lw) {
			add(stem5(lw))
		}
		if i+1 < len(ws) {
			add(lw + " " + strings.ToLower(ws[i+1]))
		}
	}
	return out
}
