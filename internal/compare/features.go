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
	"1-gram min prec", "1-gram max prec", "2-gram min prec", "2-gram max prec", "3-gram min prec", "3-gram max prec",
	"4-gram min prec", "4-gram max prec", "stem edit distance", "numbers agree", "length difference",
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
	x := []float64{
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
	}
	x = append(x, ngramPrecisions(a.words, b.words)...)
	x = append(x, lexicalFeatures(a, b)...)
	return append(x, semanticFeatures(a.semantic(), b.semantic())...)
}

// ngramPrecisions are the clipped n-gram precisions of BLEU for n = 1 to 4
// (the share of one sentence's n-grams, counted with repeats, that the
// other has), the lower and the higher of the two directions for each n:
// the features of the MT-metric paraphrase systems (Madnani et al. 2012),
// with stop words kept, as word order and function words tell a rewording
// from a different statement.
func ngramPrecisions(a, b []string) []float64 {
	out := make([]float64, 0, 8)
	for n := 1; n <= 4; n++ {
		ga, gb := countGrams(a, n), countGrams(b, n)
		x, y := clippedPrecision(ga, gb), clippedPrecision(gb, ga)
		out = append(out, math.Min(x, y), math.Max(x, y))
	}
	return out
}

// countGrams counts the n-grams of words by hash.
func countGrams(words []string, n int) map[uint64]int {
	out := make(map[uint64]int, len(words))
	for i := 0; i+n <= len(words); i++ {
		h := text.Hash(words[i])
		for _, w := range words[i+1 : i+n] {
			h = text.HashMore(text.HashMore(h, " "), w)
		}
		out[h]++
	}
	return out
}

// clippedPrecision is the share of a's n-grams (with repeats) found in b,
// each counted at most as often as b has it; 1 when a has none (a sentence
// too short for n-grams of that length disagrees with nothing).
func clippedPrecision(a, b map[uint64]int) float64 {
	total, hit := 0, 0
	for g, c := range a {
		total += c
		hit += min(c, b[g])
	}
	if total == 0 {
		return 1
	}
	return float64(hit) / float64(total)
}

// lexicalFeatures are the word edit distance between the two sentences'
// stemmed words over the longer's length (TER without shifts), whether they
// give the same set of numbers, and the difference of their lengths over
// the longer's.
func lexicalFeatures(a, b profile) []float64 {
	sa, sb := make([]string, len(a.words)), make([]string, len(b.words))
	for i, w := range a.words {
		sa[i] = stem5(w)
	}
	for i, w := range b.words {
		sb[i] = stem5(w)
	}
	longer := float64(max(len(a.words), len(b.words), 1))
	agree := 0.0
	if slices.Equal(a.numbers, b.numbers) {
		agree = 1
	}
	return []float64{
		math.Min(1, float64(editDistance(sa, sb))/longer),
		agree,
		math.Abs(float64(len(a.words)-len(b.words))) / longer,
	}
}

// editDistance is the Levenshtein distance between two word sequences
// (the first 200 words of each, as lcsRatio).
func editDistance(a, b []string) int {
	a, b = a[:min(len(a), 200)], b[:min(len(b), 200)]
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
