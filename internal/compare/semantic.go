package compare

import (
	"math"
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// semantic is what the aligner knows of a sentence's meaning beyond its
// exact words: each content word with its GloVe vector (unit length) and
// its SIF weight (rare words weigh more: a general frequency, not one of
// any set here), and the sentence's clauses as ranges of those words.
type semantic struct {
	words   []string
	vecs    []wordvec.Vec // unit vectors; the zero vector for a word outside the table
	weights []float64     // SIF weights
	total   float64       // Σ weights
	mean    wordvec.Vec   // SIF-weighted mean of the vectors, unit length
	clauses [][2]int      // [start, end) into words
}

// clauseBreak separates the clauses of a sentence for alignment: commas,
// semicolons, colons, dashes and parentheses, and the conjunctions and
// relative words that start a new proposition.
var clauseBreak = regexp.MustCompile(`(?i)[,;:()]|\s[-–—]+\s|\b(?:and|but|while|whereas|which|who|after|before|because|although|though|when)\b`)

// semanticOf reads a sentence's content words (stop words and single
// characters left out) and clauses.
func semanticOf(s string) semantic {
	var sm semantic
	var meanAcc wordvec.Vec
	folded := text.Fold(s)
	cuts := clauseBreak.FindAllStringIndex(folded, -1)
	pos := 0 // byte offset in folded of the next word search
	ci := 0
	start := 0
	for _, w := range wordvec.Words(folded) {
		// Find the word's place to know which clause it is in.
		at := strings.Index(strings.ToLower(folded[pos:]), w)
		if at >= 0 {
			at += pos
			pos = at + len(w)
		} else {
			at = pos
		}
		for ci < len(cuts) && cuts[ci][1] <= at {
			if len(sm.words) > start {
				sm.clauses = append(sm.clauses, [2]int{start, len(sm.words)})
				start = len(sm.words)
			}
			ci++
		}
		if len([]rune(w)) < 2 || text.IsStopWord(w) {
			continue
		}
		v, ok := wordvec.Lookup(w)
		if ok {
			v.Normalize()
		}
		wt := wordvec.SIF(w)
		sm.words = append(sm.words, w)
		sm.vecs = append(sm.vecs, v)
		sm.weights = append(sm.weights, wt)
		sm.total += wt
		if ok {
			for d := range meanAcc {
				meanAcc[d] += v[d] * float32(wt)
			}
		}
	}
	if len(sm.words) > start {
		sm.clauses = append(sm.clauses, [2]int{start, len(sm.words)})
	}
	meanAcc.Normalize()
	sm.mean = meanAcc
	return sm
}

// wordSim is how close two content words are in meaning: 1 for the same
// word, else the cosine of their vectors (0 when either is unknown, or
// below zero).
func wordSim(a, b *semantic, i, j int) float64 {
	if a.words[i] == b.words[j] {
		return 1
	}
	c := wordvec.Dot(&a.vecs[i], &b.vecs[j])
	if c < 0 {
		return 0
	}
	return c
}

// softMatch holds, for each content word of a, its best match in b.
func softMatch(a, b *semantic) []float64 {
	best := make([]float64, len(a.words))
	for i := range a.words {
		for j := range b.words {
			if s := wordSim(a, b, i, j); s > best[i] {
				best[i] = s
			}
		}
	}
	return best
}

// weightedMean is Σ weight×x / Σ weight over the words in [lo, hi).
func weightedMean(xs, weights []float64, lo, hi int) float64 {
	num, den := 0.0, 0.0
	for i := lo; i < hi; i++ {
		num += weights[i] * xs[i]
		den += weights[i]
	}
	if den == 0 {
		return 0
	}
	return num / den
}

// matchedMass is the SIF weight of a's words whose best match in b reaches
// at: how much informative content a shares with b, not normalised by
// length (a long sentence that states a short one's fact among others still
// shares all of it).
func matchedMass(best, weights []float64, at float64) float64 {
	m := 0.0
	for i, s := range best {
		if s >= at {
			m += weights[i]
		}
	}
	return m
}

// semanticFeatureNames name semanticFeatures' values, in order.
var semanticFeatureNames = []string{
	"sif mean cosine", "soft align min", "soft align max", "exact sif dice",
	"shared mass", "soft shared mass", "clause align best", "clause align min side",
	"unmatched mass",
}

// massScale is the SIF weight at which shared content counts as much as it
// can: about four rare words (a name, a place, a figure, a verb), the
// content of one short proposition.
const massScale = 4.0

// softAt is the cosine from which two different words are taken as the same
// in meaning for the mass features (GloVe 100-d: "killed"/"died" .8,
// "envoy"/"ambassador" .7, "said"/"told" .8; unrelated news words
// mostly below .5).
const softAt = 0.6

// semanticFeatures measures, in [0,1] and symmetric in a and b, how much
// meaning two sentences share: the cosine of their mean vectors; each
// word's best match in the other sentence, averaged by SIF weight (the lower
// and the higher of the two directions); the SIF-weighted overlap of exact
// words; the shared informative mass, exact and soft; the best-aligned
// clause (a sentence that states several facts shares one of them); and
// the informative mass left unmatched on the side that has more.
func semanticFeatures(a, b *semantic) []float64 {
	if len(a.words) == 0 || len(b.words) == 0 {
		return make([]float64, len(semanticFeatureNames))
	}
	ab, ba := softMatch(a, b), softMatch(b, a)
	alignAB := weightedMean(ab, a.weights, 0, len(ab))
	alignBA := weightedMean(ba, b.weights, 0, len(ba))
	exactA := matchedMass(ab, a.weights, 1)
	exactB := matchedMass(ba, b.weights, 1)
	softA := matchedMass(ab, a.weights, softAt)
	softB := matchedMass(ba, b.weights, softAt)
	clauseBest, clauseMin := 0.0, 0.0
	for _, side := range []struct {
		best []float64
		sm   *semantic
	}{{ab, a}, {ba, b}} {
		for _, c := range side.sm.clauses {
			if c[1]-c[0] < 2 {
				continue
			}
			x := weightedMean(side.best, side.sm.weights, c[0], c[1])
			if x > clauseBest {
				clauseBest = x
			}
		}
	}
	// clauseMin: the best clause of the side whose best clause is worse.
	bestOf := func(best []float64, sm *semantic) float64 {
		m := 0.0
		for _, c := range sm.clauses {
			if c[1]-c[0] >= 2 {
				m = math.Max(m, weightedMean(best, sm.weights, c[0], c[1]))
			}
		}
		return m
	}
	clauseMin = math.Min(bestOf(ab, a), bestOf(ba, b))
	unmatched := math.Max(a.total-softA, b.total-softB)
	return []float64{
		math.Max(0, wordvec.Dot(&a.mean, &b.mean)),
		math.Min(alignAB, alignBA), math.Max(alignAB, alignBA),
		(exactA + exactB) / (a.total + b.total),
		math.Min(1, math.Min(exactA, exactB)/massScale),
		math.Min(1, math.Min(softA, softB)/massScale),
		clauseBest, clauseMin,
		math.Min(1, unmatched/(3*massScale)),
	}
}
