package extract

import (
	"hash/fnv"
	"slices"
	"strings"
)

// WordBlank is how much of what the features read of a page's words is
// taken away, to measure (and fit for) a page in a language the fit never
// read: the labelled sets are almost all English (docs/measurements/extraction.md, "pages in other
// languages").
type WordBlank int

const (
	// BlankNone reads every feature as it is.
	BlankNone WordBlank = iota
	// BlankTextWords reads every text word as unknown to the learned
	// vocabulary (TextWords): text_words_mean, _min and _max read as on a
	// block with no known word.
	BlankTextWords
	// BlankWordCues also finds none of the fixed word lists' cues:
	// chrome phrases, photo credits, bylines and dates, comment headers
	// (and their neighbours' copies in text dumps). Not blanked: a text
	// dump's heuristic_score (and its neighbours' copies, and the best
	// run's features), which mixes chromeScore's phrases with measures no
	// word list gives, so that no one value stands for "no cue found": the
	// dumps' figures at this level still read those phrases.
	BlankWordCues
	// BlankClassWords also reads every class/id word as unknown to the
	// learned ones (ClassWords): a site that names its elements in its own
	// language.
	BlankClassWords
)

// blankValue is what a blanked feature reads: what it reads on a block
// whose words no list knows.
type blankValue struct {
	col int
	v   float64
	// absent, when not -1, is a column that reads -1 where the feature's
	// block is missing (a neighbour beyond the page's ends), which keeps
	// the -1 it reads there.
	absent int
}

// blankCols lists the block features each WordBlank level sets, by name.
func blankCols(names []string, level WordBlank) []blankValue {
	var out []blankValue
	add := func(name string, v float64) {
		if i := slices.Index(names, name); i >= 0 {
			absent := -1
			if off, _, ok := strings.Cut(name, "_"); ok && len(off) == 2 && (off[0] == 'm' || off[0] == 'p') {
				absent = slices.Index(names, off+"_tokens") // a neighbour's: -1 beyond the page's ends
			}
			out = append(out, blankValue{i, v, absent})
		}
	}
	if level >= BlankTextWords {
		for _, n := range []string{"text_words_mean", "text_words_min", "text_words_max"} {
			add(n, -9) // textWordScores' value for a block without a known word
		}
	}
	if level >= BlankWordCues {
		for _, n := range []string{"chrome_phrases", "photo_credit", "byline_or_date", "comment_header", "after_comment_header",
			"m3_chrome", "m2_chrome", "m1_chrome", "p1_chrome", "p2_chrome", "p3_chrome",
			"chrome_to_run_lines", "chrome_to_run_tokens", "chrome_to_largest_lines", "chrome_to_largest_tokens",
			"chrome_before_share", "closing_cue", "chrome_in_largest_before"} {
			add(n, 0)
		}
	}
	if level >= BlankClassWords {
		for _, n := range names {
			if strings.HasPrefix(n, "class_") || strings.HasSuffix(n, "_class") {
				add(n, 0) // scoreClasses' values where no element carries a known word
			}
		}
	}
	return out
}

// blankRows sets the blanked columns of rows (n features each) of one page.
func blankRows(rows []float64, n int, cols []blankValue) {
	for r := 0; r+n <= len(rows); r += n {
		for _, c := range cols {
			if c.absent < 0 || rows[r+c.absent] != -1 {
				rows[r+c.col] = c.v
			}
		}
	}
}

// Blanked returns a copy of m that reads every page with the features of
// level blanked (see WordBlank): the same classifiers, scoring a page as
// they would one whose words they never saw.
func (m *Model) Blanked(level WordBlank) *Model {
	c := *m
	c.blank = level
	return &c
}

// blankedInFit reports whether a fitting page's rows are fitted blanked
// (FitOptions.BlankShare): a hash of its site and gold, so that a page is
// blanked or not in every fold alike, whatever the fold's order.
func blankedInFit(l Label, share float64) bool {
	if share <= 0 {
		return false
	}
	h := fnv.New64a()
	h.Write([]byte(l.Site))
	h.Write([]byte{0})
	h.Write([]byte(l.Gold))
	return float64(h.Sum64()>>11)/(1<<53) < share
}
