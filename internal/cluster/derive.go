package cluster

import (
	"sort"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// DerivationThreshold is the score above which one article is taken to copy
// or rewrite another. On the Clough-Stevenson text-reuse pairs (`storyline
// eval derive`) accuracy is 0.958 from 0.25 to 0.29; the upper half of that
// plateau flags fewest pairs of independently written reports of one event
// (BASIL, NewsWCL50: 12% at 0.28, 25% at 0.23).
const DerivationThreshold = 0.28

// CopyThreshold is the containment above which a derivation is a copy rather
// than a rewrite.
const CopyThreshold = 0.8

// Derive finds, among a story's articles, those that copy or rewrite another.
//
// For an ordered pair (origin, later) the score is the share of the later
// article's 3-word shingles that occur in the origin (containment), blended
// with the share of its content terms found there, which still sees a rewrite
// whose wording changed:
//
//	score = 0.5 x shingle containment + 0.5 x term containment
//
// The origin is the earlier article; with equal or unknown times, the longer
// one. Each later article is credited to the origin it scores highest with,
// when that score reaches DerivationThreshold.
func Derive(articles []news.Article) []news.Derivation {
	type prepared struct {
		a        news.Article
		shingles map[string]bool
		terms    map[string]bool
		words    int
	}
	ps := make([]prepared, len(articles))
	for i, a := range articles {
		words := text.Words(text.Normalize(a.Text))
		ps[i] = prepared{a: a, shingles: set(text.Shingles(words, 3)), terms: set(text.Terms(a.Text)), words: len(words)}
	}
	earlier := func(x, y prepared) bool { // x is the origin of y
		if !x.a.Published.IsZero() && !y.a.Published.IsZero() && !x.a.Published.Equal(y.a.Published) {
			return x.a.Published.Before(y.a.Published)
		}
		if x.words != y.words {
			return x.words > y.words
		}
		return x.a.ID < y.a.ID
	}
	var out []news.Derivation
	for j, later := range ps {
		best, bestScore := -1, 0.0
		for i, origin := range ps {
			if i == j || !earlier(origin, later) || len(later.shingles) == 0 {
				continue
			}
			score := derivationScore(later.shingles, origin.shingles, later.terms, origin.terms)
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best >= 0 && bestScore >= DerivationThreshold {
			kind := "rewrite"
			if bestScore >= CopyThreshold {
				kind = "copy"
			}
			out = append(out, news.Derivation{From: ps[best].a.ID, To: later.a.ID, Score: round2(bestScore), Kind: kind})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].To < out[j].To
	})
	return out
}

// DerivationScore is how much of later comes from origin, as Derive scores
// it: 0.5 x 3-shingle containment + 0.5 x term containment, in [0, 1].
func DerivationScore(origin, later string) float64 {
	ow, lw := text.Words(text.Normalize(origin)), text.Words(text.Normalize(later))
	return derivationScore(set(text.Shingles(lw, 3)), set(text.Shingles(ow, 3)), set(text.Terms(later)), set(text.Terms(origin)))
}

func derivationScore(laterShingles, originShingles, laterTerms, originTerms map[string]bool) float64 {
	if len(laterShingles) == 0 {
		return 0
	}
	return 0.5*containment(laterShingles, originShingles) + 0.5*containment(laterTerms, originTerms)
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// containment is the share of a's members that are in b.
func containment(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for x := range a {
		if b[x] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
