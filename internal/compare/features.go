package compare

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/text"
)

// profile is what the aligner measures of one sentence, computed once. Its
// sets are sorted hashes (hset), whose overlaps are merges: the pairs of a
// story's sentences make this the hot loop of a comparison.
type profile struct {
	weighted sentenceFeatures // stemmed content words, names and numbers weighing 2
	words    []string         // lower-cased words, stop words kept
	content  hset             // stemmed content words
	numbers  hset
	names    hset
	negated  bool    // an odd number of negations
	grams    *ngrams // for the pair model only, made when it first needs them
	sem      *lazySemantic
	raw      string
}

// lazySemantic is a sentence's semantic profile, made when the pair model
// first needs it.
type lazySemantic struct {
	made bool
	s    semantic
}

// semanticOf returns a profile's semantic profile, making it the first time.
func (p profile) semantic() *semantic {
	if !p.sem.made {
		p.sem.s = semanticOf(p.raw)
		p.sem.made = true
	}
	return &p.sem.s
}

// ngrams are the word and character n-grams of a sentence, which only the
// pair model reads: most sentences of a story are never scored by it.
type ngrams struct {
	made     bool
	wordSet  hset
	bigrams  hset
	trigrams hset
	chars    hset // character 4-grams of the normalised text
}

// ngramsOf returns a profile's n-grams, making them the first time.
func (p profile) ngramsOf() *ngrams {
	g := p.grams
	if g.made {
		return g
	}
	var wordSet, bigrams, trigrams, chars []uint64
	for i, w := range p.words {
		wordSet = append(wordSet, text.Hash(w))
		if i+1 < len(p.words) {
			h := text.HashMore(text.HashMore(text.Hash(w), " "), p.words[i+1])
			bigrams = append(bigrams, h)
			if i+2 < len(p.words) {
				trigrams = append(trigrams, text.HashMore(text.HashMore(h, " "), p.words[i+2]))
			}
		}
	}
	// Character 4-grams: windows of four runes over the words joined by
	// spaces, hashed where they lie in the joined text.
	norm := strings.Join(p.words, " ")
	starts := make([]int, 0, len(norm)+1)
	for i := range norm {
		starts = append(starts, i)
	}
	starts = append(starts, len(norm))
	for i := 0; i+4 < len(starts); i++ {
		chars = append(chars, text.Hash(norm[starts[i]:starts[i+4]]))
	}
	g.wordSet, g.bigrams, g.trigrams, g.chars = newHset(wordSet), newHset(bigrams), newHset(trigrams), newHset(chars)
	g.made = true
	return g
}

func profileOf(s string) profile {
	raw := text.Words(text.Fold(s))
	p := profile{weighted: featuresOfWords(raw), grams: &ngrams{}, sem: &lazySemantic{}, raw: s}
	var content, numbers, names []uint64
	for i, w := range raw {
		lw := strings.ToLower(w)
		p.words = append(p.words, lw)
		switch {
		case unicode.IsDigit([]rune(w)[0]):
			numbers = append(numbers, text.Hash(strings.TrimLeft(lw, "0")))
		case i > 0 && text.IsUpperInitial(w):
			names = append(names, text.Hash(lw))
		}
		if !text.IsStopWord(lw) {
			content = append(content, text.Hash(stem5(lw)))
		}
		if negations[lw] {
			p.negated = !p.negated
		}
	}
	p.content, p.numbers, p.names = newHset(content), newHset(numbers), newHset(names)
	return p
}

// hset is a set of strings as their sorted, distinct 64-bit hashes.
type hset []uint64

func newHset(xs []uint64) hset {
	slices.Sort(xs)
	return hset(slices.Compact(xs))
}

// meet counts the members two sets share, by merging them.
func meet(a, b hset) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

func hJaccard(a, b hset) float64 {
	union := len(a) + len(b) - meet(a, b)
	if union == 0 {
		return 0
	}
	return float64(meet(a, b)) / float64(union)
}

func hDice(a, b hset) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(meet(a, b)) / float64(len(a)+len(b))
}

// hDiceOrOne is hDice, but 1 when neither side has any member (no names to
// disagree about).
func hDiceOrOne(a, b hset) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return hDice(a, b)
}

// hContainment is the share of a's members that are in b.
func hContainment(a, b hset) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(meet(a, b)) / float64(len(a))
}

var negations = map[string]bool{"not": true, "no": true, "never": true, "nor": true, "t": true, "without": true, "nobody": true, "nothing": true}

func stem5(w string) string {
	if syn, ok := synonyms[w]; ok {
		return syn
	}
	if r := []rune(w); len(r) > 5 {
		return string(r[:5])
	}
	return w
}

// FeatureNames name the values PairFeatures returns, in order.
var FeatureNames = []string{
	"weighted dice", "word jaccard", "content min cont", "content max cont", "bigram min cont", "bigram max cont",
	"trigram dice", "lcs ratio", "length ratio", "number jaccard", "numbers nested", "name dice", "char4 min cont",
	"char4 max cont", "unmatched content", "length gap", "negation differs", "content min cont²", "char4 min cont²",
	"unmatched words", "unmatched names", "unmatched numbers", "bleu",
}

func init() { FeatureNames = append(FeatureNames, semanticFeatureNames...) }

// PairFeatures measures how two sentences overlap; each value is in [0,1]
// and none depends on which sentence comes first. The aligner's score is a
// logistic model over them (see Similarity).
func PairFeatures(a, b string) []float64 {
	return pairFeatures(profileOf(a), profileOf(b))
}

func pairFeatures(a, b profile) []float64 {
	ga, gb := a.ngramsOf(), b.ngramsOf()
	la, lb := float64(len(a.words)), float64(len(b.words))
	lengthRatio := 0.0
	if la > 0 && lb > 0 {
		lengthRatio = math.Min(la, lb) / math.Max(la, lb)
	}
	numbers, nested := 1.0, 1.0
	if len(a.numbers)+len(b.numbers) > 0 {
		numbers = hJaccard(a.numbers, b.numbers)
		if meet(a.numbers, b.numbers) < min(len(a.numbers), len(b.numbers)) {
			nested = 0
		}
	}
	shared := meet(a.content, b.content)
	unmatched := math.Max(float64(len(a.content)-shared), float64(len(b.content)-shared))
	negation := 0.0
	if a.negated != b.negated {
		negation = 1
	}
	cMin, cMax := minMax(hContainment(a.content, b.content), hContainment(b.content, a.content))
	bMin, bMax := minMax(hContainment(ga.bigrams, gb.bigrams), hContainment(gb.bigrams, ga.bigrams))
	chMin, chMax := minMax(hContainment(ga.chars, gb.chars), hContainment(gb.chars, ga.chars))
	return append([]float64{
		similarity(a.weighted, b.weighted),
		hJaccard(ga.wordSet, gb.wordSet),
		cMin, cMax, bMin, bMax,
		hDice(ga.trigrams, gb.trigrams),
		lcsRatio(a.words, b.words),
		lengthRatio,
		numbers, nested,
		hDiceOrOne(a.names, b.names),
		chMin, chMax,
		math.Min(1, unmatched/10),
		math.Min(1, math.Abs(la-lb)/20),
		negation,
		cMin * cMin,
		chMin * chMin,
		math.Min(1, math.Max(float64(len(ga.wordSet)-meet(ga.wordSet, gb.wordSet)), float64(len(gb.wordSet)-meet(ga.wordSet, gb.wordSet)))/15),
		math.Min(1, float64(len(a.names)+len(b.names)-2*meet(a.names, b.names))/4),
		math.Min(1, float64(len(a.numbers)+len(b.numbers)-2*meet(a.numbers, b.numbers))/4),
		bleu(ga, gb),
	}, semanticFeatures(a.semantic(), b.semantic())...)
}

// bleu is a symmetric BLEU-like score: the geometric mean of the unigram,
// bigram and trigram overlaps (Dice, smoothed by one).
func bleu(a, b *ngrams) float64 {
	smooth := func(x, y hset) float64 {
		return (2*float64(meet(x, y)) + 1) / (float64(len(x)+len(y)) + 1)
	}
	return math.Cbrt(smooth(a.wordSet, b.wordSet) * smooth(a.bigrams, b.bigrams) * smooth(a.trigrams, b.trigrams))
}

func minMax(x, y float64) (float64, float64) { return math.Min(x, y), math.Max(x, y) }

func overlap(a, b map[string]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for x := range a {
		if b[x] {
			n++
		}
	}
	return n
}

func containment(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(overlap(a, b)) / float64(len(a))
}

// lcsRatio is the longest common subsequence of words over the longer
// sentence's length.
func lcsRatio(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > 200 || len(b) > 200 {
		a, b = a[:min(len(a), 200)], b[:min(len(b), 200)]
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(b)]) / float64(max(len(a), len(b)))
}
