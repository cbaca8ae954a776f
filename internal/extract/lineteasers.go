package extract

import "math"

// A related article's teaser often follows an article's last paragraph
// with no chrome between them: its headline, then a snippet of prose, which
// the prose segments and the chrome-boundary features read as the
// article's own (docs/measurements/extraction.md, "Session 24"). What sets
// it apart is its words: an article's paragraphs share their names and
// topic words with one another, a teaser about another story shares few.
// The teaser features compare each line's words with those of the rest of
// the dump's largest prose segment, each word weighed by how few of the
// dump's prose lines hold it (an inverse document frequency over the
// dump's own prose lines): a function word, in every prose line, weighs
// nothing, in any language and with no word list.

// teaserNames name the teaser features, in the order teaserFeatures.put
// writes them.
var teaserNames = []string{
	"body_overlap", "pair_overlap", "next_prose_overlap", "suffix_overlap", "prefix_overlap", "to_largest_end",
	"chrome_in_largest_before",
}

// teaserFeatures holds what the teaser features of a dump's lines are read
// from.
type teaserFeatures struct {
	words   [][]string         // each line's distinct words
	weight  map[string]float64 // each word's weight (see wordWeights)
	inBody  map[string]int     // the largest segment's lines holding each word
	lo, hi  int                // the largest segment's first and last line, -1 for none
	shared  []float64          // each line's words' weight found in the rest of the largest segment
	total   []float64          // each line's words' weight
	nextPro []int              // the first prose line within nextProseLines below each line, -1 for none
	// suffix[i] and suffixTotal[i] sum shared and total over the largest
	// segment's lines from i to hi (n+1 entries, 0 outside).
	suffix, suffixTotal []float64
	chromeIn            []int // boundary-chrome lines of the largest segment before each line (see put)
}

// nextProseLines: a teaser's headline is followed by its snippet at once,
// or after a date or byline line: two lines below at most (the usual
// shape of a teaser, as shapePeriods' lists; not swept: the features were
// measured together, docs/measurements/extraction.md "Session 24").
const nextProseLines = 2

// newTeaserFeatures reads a dump's lines' words (lineWords) against its
// largest prose segment (s's largest); bounds gives the boundary chrome.
func newTeaserFeatures(ls []lineInfo, words [][]string, s *proseSegments, bounds *boundaryFeatures) teaserFeatures {
	n := len(ls)
	t := teaserFeatures{words: make([][]string, n), inBody: map[string]int{}, lo: -1, hi: -1,
		shared: make([]float64, n), total: make([]float64, n), nextPro: make([]int, n),
		suffix: make([]float64, n+1), suffixTotal: make([]float64, n+1), chromeIn: make([]int, n)}
	for i, ws := range words {
		t.words[i] = distinct(ws)
	}
	t.weight = wordWeights(ls, t.words)
	if s.largest >= 0 {
		t.lo, t.hi = s.first[s.largest], s.last[s.largest]
		for i := t.lo; i <= t.hi; i++ {
			for _, w := range t.words[i] {
				t.inBody[w]++
			}
		}
	}
	for i := range ls {
		t.shared[i], t.total[i] = t.sharedWeight(t.words[i], i, -1)
	}
	for i := t.hi; i >= t.lo && i >= 0; i-- {
		t.suffix[i] = t.suffix[i+1] + t.shared[i]
		t.suffixTotal[i] = t.suffixTotal[i+1] + t.total[i]
	}
	next := -1
	for i := n - 1; i >= 0; i-- {
		t.nextPro[i] = -1
		if next >= 0 && next-i <= nextProseLines {
			t.nextPro[i] = next
		}
		if isProseBlock(&ls[i].block) {
			next = i
		}
	}
	if t.lo >= 0 {
		for i := t.lo + 1; i < n; i++ {
			t.chromeIn[i] = bounds.linesBefore[i] - bounds.linesBefore[t.lo]
		}
	}
	return t
}

// wordWeights weighs each word of a dump by log((P+1)/(df+1)), P its prose
// lines and df those holding the word: 0 for a word in every prose line
// (a function word), the most for words no prose line holds.
func wordWeights(ls []lineInfo, words [][]string) map[string]float64 {
	df := map[string]int{}
	prose := 0
	for i, ws := range words {
		if !isProseBlock(&ls[i].block) {
			continue
		}
		prose++
		for _, w := range ws {
			df[w]++
		}
	}
	out := map[string]float64{}
	for _, ws := range words {
		for _, w := range ws {
			if _, ok := out[w]; !ok {
				out[w] = math.Log(float64(prose+1) / float64(df[w]+1))
			}
		}
	}
	return out
}

// distinct returns ws without repeats, in order.
func distinct(ws []string) []string {
	out := make([]string, 0, len(ws))
	seen := make(map[string]bool, len(ws))
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// sharedWeight gives the weight of the words of ws found in a line of the
// largest segment other than lines a and b (the lines ws was read from; b
// -1 for none), and the weight of all of them.
func (t *teaserFeatures) sharedWeight(ws []string, a, b int) (shared, total float64) {
	own := map[string]int{} // the body lines among a and b that hold each word
	for _, j := range [2]int{a, b} {
		if j >= 0 && j >= t.lo && j <= t.hi {
			for _, w := range t.words[j] {
				own[w]++
			}
		}
	}
	for _, w := range ws {
		total += t.weight[w]
		if t.inBody[w]-own[w] > 0 {
			shared += t.weight[w]
		}
	}
	return shared, total
}

// share is shared over total, -1 when total is 0 (no word that weighs).
func share(shared, total float64) float64 {
	if total <= 0 {
		return -1
	}
	return shared / total
}

// put writes line i's teaser features (teaserNames): the weighed share of
// its words found in the rest of the largest segment; the same for it and
// the next line together (a headline and its snippet); for the first prose
// line within nextProseLines below it; over the largest segment's lines
// from it to the segment's end, and from the segment's start to the line
// before it (-1 for a line outside the segment); the lines from it to the
// segment's end (log; -1 outside); and the boundary-chrome lines (see
// isBoundaryChrome) from the segment's first line to it (the segments
// bridge up to three non-prose lines, which may be a "more stories" header
// above a teaser; 0 before the segment). Every share is -1 without a word
// that weighs or without a largest segment.
func (t *teaserFeatures) put(put func(float64), i int) {
	if t.lo < 0 {
		for range teaserNames {
			put(-1)
		}
		return
	}
	put(share(t.shared[i], t.total[i]))
	if j := i + 1; j < len(t.words) {
		put(share(t.sharedWeight(distinct(append(append([]string(nil), t.words[i]...), t.words[j]...)), i, j)))
	} else {
		put(share(t.shared[i], t.total[i]))
	}
	if j := t.nextPro[i]; j >= 0 {
		put(share(t.shared[j], t.total[j]))
	} else {
		put(-1)
	}
	if i < t.lo || i > t.hi {
		put(-1)
		put(-1)
		put(-1)
	} else {
		put(share(t.suffix[i], t.suffixTotal[i]))
		put(share(t.suffix[t.lo]-t.suffix[i], t.suffixTotal[t.lo]-t.suffixTotal[i]))
		put(math.Log1p(float64(t.hi - i)))
	}
	put(float64(t.chromeIn[i]))
}
