package extract

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// An article's structured sections (a guide's plant cards, a review's
// product sections, a ranking's entries) are runs of short lines between
// paragraphs that the line features read as a list or a menu
// (docs/measurements/extraction.md, sessions 49 and 50: s49-dump, s50-dump).
// In the page they sit under the article's own outline: a heading of one
// shape over each section. A dump keeps that outline as lines of one shape
// (shapeOf) recurring at intervals, each followed by a card holding prose.
// A menu's or a footer's lines of one shape follow one another with no
// prose between them, so they make no cards. The outline features tell a
// line whether it lies in such a series of cards and how large the series
// is; no word list is read, so they hold in any language.

// outlineNames name the outline features, in the order outlineFeatures.put
// writes them.
var outlineNames = []string{
	"outline_heading", "outline_cards", "outline_card_lines", "outline_prose_share", "outline_has_largest",
}

// The cut-offs of a series of cards. They are the sizes of the things told
// apart, not values fitted to a set (one variant was measured, see
// docs/measurements/extraction.md "Session 51: ... (s51-dumpsect)").
const (
	// outlineHeadingTokens: a section's heading is a short line (a name, a
	// number, a title of a few words); a line longer than this is a
	// sentence, whatever its end.
	outlineHeadingTokens = 15
	// outlineCardLines: a card (a heading and what follows it up to the
	// next heading of its shape) longer than this is no section of one
	// outline but two far lines that happen to share a shape (the longest
	// cards read by hand, a guide's plant card and a review's product
	// section, are 12-30 lines).
	outlineCardLines = 60
	// outlineMinHeadings: a shape recurring three times, each followed by
	// prose, is an outline; twice may be chance.
	outlineMinHeadings = 3
)

// outlineSeries is a run of headings of one shape, each followed by a card
// holding prose.
type outlineSeries struct {
	first, last  int     // the first heading's line and the last card's last line
	headings     int     // its headings (cards)
	proseTokens  float64 // the prose tokens of its cards
	hasLargest   bool    // whether it holds a line of the dump's largest prose segment
	headingLines []int
}

// outlineFeatures holds each line's series (the one with the most cards
// among those covering it, -1 for none).
type outlineFeatures struct {
	series     []outlineSeries
	of         []int
	heading    []bool
	totalProse float64
}

// newOutlineFeatures finds a dump's series of cards; largest is the widest
// gap's prose segments.
func newOutlineFeatures(ls []lineInfo, largest *proseSegments) outlineFeatures {
	n := len(ls)
	o := outlineFeatures{of: make([]int, n), heading: make([]bool, n)}
	proseBefore := make([]float64, n+1) // prose tokens before each line
	for i := range ls {
		p := 0.0
		if isProseBlock(&ls[i].block) {
			p = float64(ls[i].tokens)
		}
		proseBefore[i+1] = proseBefore[i] + p
	}
	o.totalProse = proseBefore[n]
	byShape := map[int][]int{} // heading-like lines by shape, in order
	for i := range ls {
		if isOutlineHeading(&ls[i]) {
			s := outlineShape(&ls[i])
			byShape[s] = append(byShape[s], i)
		}
	}
	for _, shape := range slices.Sorted(maps.Keys(byShape)) { // in a fixed order, so ties fall the same way
		o.series = append(o.series, cardSeries(byShape[shape], proseBefore)...)
	}
	for k := range o.series {
		s := &o.series[k]
		if largest.largest >= 0 {
			lo, hi := largest.first[largest.largest], largest.last[largest.largest]
			s.hasLargest = s.first <= hi && s.last >= lo
		}
	}
	for i := range o.of {
		o.of[i] = -1
	}
	for k, s := range o.series {
		for _, h := range s.headingLines {
			o.heading[h] = true
		}
		for i := s.first; i <= s.last; i++ {
			if j := o.of[i]; j < 0 || s.headings > o.series[j].headings {
				o.of[i] = k
			}
		}
	}
	return o
}

// isOutlineHeading reports whether a line may head a section: a short line
// that is not prose.
func isOutlineHeading(l *lineInfo) bool {
	return l.tokens > 0 && l.tokens <= outlineHeadingTokens && !isProseBlock(&l.block)
}

// outlineShape is a heading-like line's shape: shapeOf's, and whether it
// holds a colon (a "label: value" fact of a card) and whether every word of
// it begins with a capital (a name or a title), which tell a card's heading
// from the short facts under it when both are of one length.
func outlineShape(l *lineInfo) int {
	return shapeOf(l)<<2 | int(bool01(strings.ContainsAny(l.text, ":：")))<<1 | int(bool01(titleCaseShare(l.text) == 1))
}

// cardSeries cuts the lines at (heading-like lines of one shape, in order)
// into series: consecutive headings whose card (the lines from one to the
// next) holds prose and is at most outlineCardLines long. The last
// heading's card runs for the cards' mean length, or on to its last prose
// line within the series' longest card. proseBefore gives the prose tokens before each line.
func cardSeries(at []int, proseBefore []float64) []outlineSeries {
	var out []outlineSeries
	n := len(proseBefore) - 1
	start := 0
	flush := func(end int) { // headings at[start..end] make a series
		if end-start+1 < outlineMinHeadings {
			return
		}
		longest := 0
		for k := start; k < end; k++ {
			longest = max(longest, at[k+1]-at[k])
		}
		h := at[end]
		mean := (h - at[start] + end - start - 1) / (end - start) // the cards' mean length, rounded up
		last := min(n-1, h+mean-1)
		for j := last + 1; j < min(n, h+longest); j++ {
			if proseBefore[j+1] > proseBefore[j] {
				last = j
			}
		}
		s := outlineSeries{first: at[start], last: last, headings: end - start + 1,
			proseTokens:  proseBefore[last+1] - proseBefore[at[start]],
			headingLines: append([]int(nil), at[start:end+1]...)}
		out = append(out, s)
	}
	for k := 0; k+1 < len(at); k++ {
		a, b := at[k], at[k+1]
		if b-a > outlineCardLines || proseBefore[b] == proseBefore[a+1] {
			flush(k)
			start = k + 1
		}
	}
	if len(at) > 0 {
		flush(len(at) - 1)
	}
	return out
}

// put writes line i's outline features (outlineNames): whether it heads a
// card of a series, and of its series (0 for none): the number of cards
// (log), the mean card length in lines (log), the share of the dump's
// prose in its cards, and whether it holds a line of the largest prose
// segment.
func (o *outlineFeatures) put(put func(float64), i int) {
	put(bool01(o.heading[i]))
	k := o.of[i]
	if k < 0 {
		put(0)
		put(0)
		put(0)
		put(0)
		return
	}
	s := &o.series[k]
	put(math.Log1p(float64(s.headings)))
	put(math.Log1p(float64(s.last-s.first+1) / float64(s.headings)))
	put(s.proseTokens / max(1, o.totalProse))
	put(bool01(s.hasLargest))
}

// cards is the number of cards of line i's series, 0 for none, negated
// when the series holds no line of the largest prose segment.
func (o *outlineFeatures) cards(i int) int {
	if k := o.of[i]; k >= 0 {
		if !o.series[k].hasLargest {
			return -o.series[k].headings
		}
		return o.series[k].headings
	}
	return 0
}
