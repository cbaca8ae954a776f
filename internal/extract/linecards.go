package extract

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// An article's structured sections (a guide's cards, a review's product
// sections, a ranking's entries) are runs of short lines between
// paragraphs, which the other line features read as a list or a menu: on
// wcxb's worst article dumps they are most of the text dropped
// (docs/measurements/extraction.md, sessions 49-52: s49-dump to s52-dump).
// In the dump they keep the page's outline: a heading of one shape over
// each card, and the card's lines in the same order in every card (a name,
// a blurb, two facts). The card features tell a line whether it lies in
// such a series of cards, where in its card (the heading, the line under
// it, a later one), how large and how prose-like the series and its card
// are, and whether the other cards hold prose at its place (the k-th line
// of each card): a section's blurb is prose in every card, a teaser list's
// date line in none. They need no probability, so a one-stage model learns
// them; no word list is read, so they hold in any language.

// cardNames name the card features, in the order cardFeatures.put writes
// them.
var cardNames = []string{
	"card_place", "card_offset", "card_cards", "card_mean_lines", "card_series_prose", "card_prose",
	"card_place_prose", "card_dump_prose",
}

// The place of a line in its card (card_place): the trees read it as an
// ordinal, 0 for a line in no series.
const (
	cardPlaceNone    = 0
	cardPlaceHeading = 1 // the card's heading
	cardPlaceFirst   = 2 // the line under the heading (a blurb, a subtitle)
	cardPlaceLater   = 3 // any later line of the card
)

// The cut-offs of a series of cards: s51-dumpsect's outline series and
// s52-dump's card vote read series the same way (one variant, not swept;
// docs/measurements/extraction.md, "Session 51 ... (s51-dumpsect)").
const (
	// cardHeadingTokens: a card's heading is a short line (a name, a
	// number, a title of a few words); a longer line is a sentence.
	cardHeadingTokens = 15
	// cardMaxLines: a card (a heading and what follows it up to the next
	// heading of its shape) longer than this is no section of one outline
	// but two far lines that happen to share a shape (the longest cards
	// read by hand, a guide's plant card and a review's product section,
	// are 12-30 lines).
	cardMaxLines = 60
	// cardMinHeadings: a shape recurring three times, each followed by
	// prose, is a series; twice may be chance.
	cardMinHeadings = 3
	// cardMinOthers: card_place_prose is read over at least this many other
	// cards having the line's place (fewer is one card's accident); -1
	// below it.
	cardMinOthers = 2
)

// cardSeries is a run of headings of one shape, each followed by a card
// holding prose, with the counts its features read.
type cardSeries struct {
	headings    []int     // each card's heading line
	last        int       // the last card's last line
	proseLines  int       // the prose lines of its cards
	proseTokens float64   // and their tokens
	placeHave   []int     // the cards having each place (offset from the heading)
	placeProse  []int     // the cards whose line at each place is prose
	cardProse   []float64 // each card's share of lines that are prose
}

// cardEnd is the line after card k of s.
func (s *cardSeries) cardEnd(k int) int {
	if k+1 < len(s.headings) {
		return s.headings[k+1]
	}
	return s.last + 1
}

// before reports whether a line covered by both s and t is read in t
// rather than s: t has more cards, or as many and begins earlier. In a
// list of teasers (a headline, a snippet, a date) the date lines chain
// into a series of as many cards as the headlines, one line down; the
// headlines, above, are the cards' headings.
func (s *cardSeries) before(t *cardSeries) bool {
	if len(t.headings) != len(s.headings) {
		return len(t.headings) > len(s.headings)
	}
	return t.headings[0] < s.headings[0]
}

// lines is the number of lines s covers.
func (s *cardSeries) lines() int { return s.last - s.headings[0] + 1 }

// cardFeatures holds a dump's series of cards and, for each line, the
// series it is read in (the one with the most cards among those covering
// it, the earliest of equals; -1 for none) and its card in that series.
type cardFeatures struct {
	series     []cardSeries
	of, card   []int
	prose      []bool
	totalProse float64
}

// newCardFeatures finds a dump's series of cards and counts their places.
func newCardFeatures(ls []lineInfo) cardFeatures {
	n := len(ls)
	c := cardFeatures{of: make([]int, n), card: make([]int, n), prose: make([]bool, n)}
	proseBefore := make([]float64, n+1) // prose tokens before each line
	byShape := map[int][]int{}          // heading-like lines by shape, in order
	for i := range ls {
		c.prose[i] = isProseBlock(&ls[i].block)
		proseBefore[i+1] = proseBefore[i]
		if c.prose[i] {
			proseBefore[i+1] += float64(ls[i].tokens)
		}
		if ls[i].tokens > 0 && ls[i].tokens <= cardHeadingTokens && !c.prose[i] {
			s := cardHeadingShape(&ls[i])
			byShape[s] = append(byShape[s], i)
		}
	}
	c.totalProse = proseBefore[n]
	for _, shape := range slices.Sorted(maps.Keys(byShape)) { // a fixed order, so ties fall the same way
		for _, s := range chainCards(byShape[shape], proseBefore) {
			c.series = append(c.series, c.countPlaces(s, proseBefore))
		}
	}
	for i := range c.of {
		c.of[i] = -1
	}
	for k := range c.series {
		s := &c.series[k]
		for j := range s.headings {
			for i := s.headings[j]; i < s.cardEnd(j); i++ {
				if o := c.of[i]; o < 0 || c.series[o].before(s) {
					c.of[i], c.card[i] = k, j
				}
			}
		}
	}
	return c
}

// cardHeadingShape is a heading-like line's shape: shapeOf's, and whether
// it holds a colon (a "label: value" fact of a card) and whether every word
// of it begins with a capital (a name or a title), which tell a card's
// heading from the short facts under it when both are of one length.
func cardHeadingShape(l *lineInfo) int {
	return shapeOf(l)<<2 | int(bool01(strings.ContainsAny(l.text, ":：")))<<1 | int(bool01(titleCaseShare(l.text) == 1))
}

// chainCards cuts the lines at (heading-like lines of one shape, in order)
// into series: consecutive headings whose card (the lines from one to the
// next) holds prose and is at most cardMaxLines long. The last heading's
// card runs for the cards' mean length, or on to its last prose line within
// the series' longest card. proseBefore gives the prose tokens before each
// line. A menu's or a footer's lines of one shape follow one another with
// no prose between them and make no series.
func chainCards(at []int, proseBefore []float64) []cardSeries {
	var out []cardSeries
	n := len(proseBefore) - 1
	start := 0
	flush := func(end int) { // headings at[start..end] make a series
		if end-start+1 < cardMinHeadings {
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
		out = append(out, cardSeries{headings: slices.Clone(at[start : end+1]), last: last})
	}
	for k := 0; k+1 < len(at); k++ {
		a, b := at[k], at[k+1]
		if b-a > cardMaxLines || proseBefore[b] == proseBefore[a+1] {
			flush(k)
			start = k + 1
		}
	}
	if len(at) > 0 {
		flush(len(at) - 1)
	}
	return out
}

// countPlaces fills s's prose counts: over its cards, the prose lines and
// tokens, each card's prose share, and at each place (offset from the
// card's heading) the cards having it and the cards whose line there is
// prose.
func (c *cardFeatures) countPlaces(s cardSeries, proseBefore []float64) cardSeries {
	s.proseTokens = proseBefore[s.last+1] - proseBefore[s.headings[0]]
	s.cardProse = make([]float64, len(s.headings))
	for k, h := range s.headings {
		end := s.cardEnd(k)
		prose := 0
		for i := h; i < end; i++ {
			off := i - h
			if off == len(s.placeHave) {
				s.placeHave, s.placeProse = append(s.placeHave, 0), append(s.placeProse, 0)
			}
			s.placeHave[off]++
			if c.prose[i] {
				s.placeProse[off]++
				prose++
			}
		}
		s.proseLines += prose
		s.cardProse[k] = float64(prose) / float64(end-h)
	}
	return s
}

// put writes line i's card features (cardNames): its place in its card and
// its offset from the heading (log; -1 for none), and of its series (0 for
// none): the number of cards (log), the mean card length in lines (log),
// the share of the series' lines that are prose, its card's share, the
// share of the other cards having its place whose line there is prose (-1
// for none or fewer than cardMinOthers), and the series' share of the
// dump's prose tokens.
func (c *cardFeatures) put(put func(float64), i int) {
	k := c.of[i]
	if k < 0 {
		put(cardPlaceNone)
		put(-1)
		put(0)
		put(0)
		put(0)
		put(0)
		put(-1)
		put(0)
		return
	}
	s := &c.series[k]
	off := i - s.headings[c.card[i]]
	switch off {
	case 0:
		put(cardPlaceHeading)
	case 1:
		put(cardPlaceFirst)
	default:
		put(cardPlaceLater)
	}
	put(math.Log1p(float64(off)))
	put(math.Log1p(float64(len(s.headings))))
	put(math.Log1p(float64(s.lines()) / float64(len(s.headings))))
	put(float64(s.proseLines) / float64(s.lines()))
	put(s.cardProse[c.card[i]])
	others := s.placeHave[off] - 1
	if others < cardMinOthers {
		put(-1)
	} else {
		put(float64(s.placeProse[off]-int(bool01(c.prose[i]))) / float64(others))
	}
	put(s.proseTokens / max(1, c.totalProse))
}
