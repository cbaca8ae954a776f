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
	pred     *lazyPredicates
	raw      string
}

// lazyPredicates is a sentence's predicate structure, made when the pair
// model first needs it.
type lazyPredicates struct {
	made bool
	p    predicates
}

// predicates returns a profile's predicate structure, making it the first
// time (with the semantic profile's cache of word meanings).
func (p profile) predicates() *predicates {
	if !p.pred.made {
		cache := p.sem.cache
		if cache == nil {
			cache = meanings{}
		}
		p.pred.p = predicatesOf(p.raw, cache)
		p.pred.made = true
	}
	return &p.pred.p
}

// lazySemantic is a sentence's semantic profile, made when the pair model
// first needs it.
type lazySemantic struct {
	made  bool
	s     semantic
	cache meanings // the comparison's word meanings, or nil
}

// semanticOf returns a profile's semantic profile, making it the first time.
func (p profile) semantic() *semantic {
	if !p.sem.made {
		p.sem.s = semanticWith(p.raw, p.sem.cache)
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
	// bags[n-1] are the sentence's n-grams (n = 1 to 4) with repeats,
	// sorted, for the clipped precisions.
	bags   [4][]uint64
	hashes []uint64 // every word, in order, for the longest common subsequence
	terms  hset     // content stems and bigrams, for a lexicon; made when first read
	stems  []uint64 // every word's stem, in order, for the edit distance
}

// ngramsOf returns a profile's n-grams, making them the first time.
func (p profile) ngramsOf() *ngrams {
	g := p.grams
	if g.made {
		return g
	}
	var chars []uint64
	for n := range g.bags {
		g.bags[n] = make([]uint64, 0, max(0, len(p.words)-n))
	}
	g.stems = make([]uint64, len(p.words))
	for i, w := range p.words {
		h := text.Hash(w)
		g.bags[0] = append(g.bags[0], h)
		g.hashes = append(g.hashes, h)
		for n := 1; n < len(g.bags) && i+n < len(p.words); n++ {
			h = text.HashMore(text.HashMore(h, " "), p.words[i+n])
			g.bags[n] = append(g.bags[n], h)
		}
		g.stems[i] = text.Hash(stem5(w))
	}
	for _, b := range g.bags {
		slices.Sort(b)
	}
	// The sets are the sorted bags without repeats.
	g.wordSet = slices.Compact(slices.Clone(g.bags[0]))
	g.bigrams = slices.Compact(slices.Clone(g.bags[1]))
	g.trigrams = slices.Compact(slices.Clone(g.bags[2]))
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
	g.chars = newHset(chars)
	g.made = true
	return g
}

func profileOf(s string) profile { return profileWith(s, nil) }

// profileWith is profileOf with the words' meanings, when the pair model
// reads them, taken from a comparison's cache (nil for none).
func profileWith(s string, cache meanings) profile {
	raw := text.Words(text.Fold(s))
	p := profile{weighted: featuresOfWords(raw), grams: &ngrams{}, sem: &lazySemantic{cache: cache}, pred: &lazyPredicates{}, raw: s}
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

// lexiconTerms are the hashes of a profile's LexiconTerms: its content
// stems and its word pairs (the n-grams' bigrams hash "w1 w2" the same way).
func (p profile) lexiconTerms() hset {
	g := p.ngramsOf()
	if g.terms == nil {
		g.terms = newHset(append(slices.Clone(p.content), g.bigrams...))
	}
	return g.terms
}

// contentOf is a text's set of content-word stems, as its profile's
// content.
func contentOf(s string) hset {
	var out []uint64
	for _, w := range text.Words(text.Fold(s)) {
		if lw := strings.ToLower(w); !text.IsStopWord(lw) {
			out = append(out, text.Hash(stem5(lw)))
		}
	}
	return newHset(out)
}

// hset is a set of strings as their sorted, distinct 64-bit hashes.
type hset []uint64

func newHset(xs []uint64) hset {
	slices.Sort(xs)
	return hset(slices.Compact(xs))
}

// meet counts the members two sets share, by merging them; of two sorted
// bags (repeats kept) it counts each member as often as the bag with fewer
// of it has it.
func meet(a, b []uint64) int {
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

func init() {
	FeatureNames = append(append(FeatureNames, semanticFeatureNames...), predicateFeatureNames...)
}

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
	// Each pair of sets is merged once; the measures are read off the counts.
	content, words := meetOf(a.content, b.content), meetOf(ga.wordSet, gb.wordSet)
	bigrams, trigrams := meetOf(ga.bigrams, gb.bigrams), meetOf(ga.trigrams, gb.trigrams)
	chars := meetOf(ga.chars, gb.chars)
	numberSets, names := meetOf(a.numbers, b.numbers), meetOf(a.names, b.names)
	numbers, nested := 1.0, 1.0
	if numberSets.a+numberSets.b > 0 {
		numbers = numberSets.jaccard()
		if numberSets.shared < min(numberSets.a, numberSets.b) {
			nested = 0
		}
	}
	unmatched := math.Max(float64(content.a-content.shared), float64(content.b-content.shared))
	negation := 0.0
	if a.negated != b.negated {
		negation = 1
	}
	cMin, cMax := content.containments()
	bMin, bMax := bigrams.containments()
	chMin, chMax := chars.containments()
	x := []float64{
		similarity(a.weighted, b.weighted),
		words.jaccard(),
		cMin, cMax, bMin, bMax,
		trigrams.dice(),
		lcsRatio(ga.hashes, gb.hashes),
		lengthRatio,
		numbers, nested,
		names.diceOrOne(),
		chMin, chMax,
		math.Min(1, unmatched/10),
		math.Min(1, math.Abs(la-lb)/20),
		negation,
		cMin * cMin,
		chMin * chMin,
		math.Min(1, math.Max(float64(words.a-words.shared), float64(words.b-words.shared))/15),
		math.Min(1, float64(names.a+names.b-2*names.shared)/4),
		math.Min(1, float64(numberSets.a+numberSets.b-2*numberSets.shared)/4),
		bleu(words, bigrams, trigrams),
	}
	x = append(x, ngramPrecisions(ga, gb)...)
	x = append(x, lexicalFeatures(a, b)...)
	x = append(x, semanticFeatures(a.semantic(), b.semantic())...)
	return append(x, predicateFeatures(a.predicates(), b.predicates())...)
}

// setMeet is what two sets share and their sizes, from one merge.
type setMeet struct{ shared, a, b int }

func meetOf(a, b hset) setMeet { return setMeet{meet(a, b), len(a), len(b)} }

func (m setMeet) jaccard() float64 {
	union := m.a + m.b - m.shared
	if union == 0 {
		return 0
	}
	return float64(m.shared) / float64(union)
}

func (m setMeet) dice() float64 {
	if m.a+m.b == 0 {
		return 0
	}
	return 2 * float64(m.shared) / float64(m.a+m.b)
}

// diceOrOne is dice, but 1 when neither side has any member (no names to
// disagree about).
func (m setMeet) diceOrOne() float64 {
	if m.a+m.b == 0 {
		return 1
	}
	return m.dice()
}

// containments are the shares of each set found in the other, the lower
// first (0 for an empty set).
func (m setMeet) containments() (float64, float64) {
	share := func(n int) float64 {
		if n == 0 {
			return 0
		}
		return float64(m.shared) / float64(n)
	}
	return minMax(share(m.a), share(m.b))
}

// ngramPrecisions are the clipped n-gram precisions of BLEU for n = 1 to 4
// (the share of one sentence's n-grams, counted with repeats, that the
// other has), the lower and the higher of the two directions for each n:
// the features of the MT-metric paraphrase systems (Madnani et al. 2012),
// with stop words kept, as word order and function words tell a rewording
// from a different statement.
func ngramPrecisions(a, b *ngrams) []float64 {
	out := make([]float64, 0, 2*len(a.bags))
	for n := range a.bags {
		// Each n-gram counts at most as often as the other sentence has
		// it, so the clipped hits are the same both ways: the bags' common
		// part, which a merge of the sorted bags counts.
		hits := meet(a.bags[n], b.bags[n]) // a merge counts bags' common part as it does sets'

		x, y := share(hits, len(a.bags[n])), share(hits, len(b.bags[n]))
		out = append(out, math.Min(x, y), math.Max(x, y))
	}
	return out
}

// share is hits over total, or 1 when there is nothing to count (a
// sentence too short for n-grams of a length disagrees with nothing).
func share(hits, total int) float64 {
	if total == 0 {
		return 1
	}
	return float64(hits) / float64(total)
}

// lexicalFeatures are the word edit distance between the two sentences'
// stemmed words over the longer's length (TER without shifts), whether they
// give the same set of numbers, and the difference of their lengths over
// the longer's.
func lexicalFeatures(a, b profile) []float64 {
	sa, sb := a.ngramsOf().stems, b.ngramsOf().stems
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
func editDistance(a, b []uint64) int {
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
func bleu(words, bigrams, trigrams setMeet) float64 {
	smooth := func(m setMeet) float64 {
		return (2*float64(m.shared) + 1) / (float64(m.a+m.b) + 1)
	}
	return math.Cbrt(smooth(words) * smooth(bigrams) * smooth(trigrams))
}

func minMax(x, y float64) (float64, float64) { return math.Min(x, y), math.Max(x, y) }

// lcsRatio is the longest common subsequence of words over the longer
// sentence's length.
func lcsRatio(a, b []uint64) float64 {
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
