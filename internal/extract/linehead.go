package extract

import "math"

// A news dump holds its page's chrome (menus, a search form, a breadcrumb)
// above the article, and the article begins at its headline: the first line
// below the dump's <title> line that repeats it (repeatsHeadline). The
// features title_share and after_title read the distance below the last
// such line; these read the lines above the first one, which after_title
// leaves at one value whatever their place: how far above the headline a
// line lies (a standfirst or a kicker is one or two lines above it, the menu
// many), whether the line is the headline itself, and how much of the
// dump's prose lies above it (when most does, the first repeat is no
// headline but a later echo of the title, a share line or a teaser, and the
// anchor is not to be trusted). Read from the <title> line's words alone:
// no word list, any language. The dump title ranker's choice (dumpMetadata)
// is not read: it reads the kept lines, which these features help choose.

// headlineNames name the headline-anchor features, in the order
// headlineAnchor.put writes them.
var headlineNames = []string{"to_headline", "is_headline", "prose_above_headline"}

// headlineAnchor is the first line that repeats a dump's title (-1 for
// none) and the share of the dump's prose tokens above it.
type headlineAnchor struct {
	line       int
	proseAbove float64
}

// newHeadlineAnchor finds the headline of a dump's lines (see
// repeatsHeadline); titleShare is titleShares' and prose each line's prose
// tokens.
func newHeadlineAnchor(ls []lineInfo, titleShare, prose []float64) headlineAnchor {
	a := headlineAnchor{line: -1}
	var above, total float64
	for i := range ls {
		if a.line < 0 && repeatsHeadline(&ls[i], titleShare[i]) {
			a.line = i
			above = total
		}
		total += prose[i]
	}
	if a.line >= 0 {
		a.proseAbove = above / max(1, total)
	}
	return a
}

// repeatsHeadline says whether a line with this title share repeats the
// dump's headline (headlineShare, headlineTokens).
func repeatsHeadline(l *lineInfo, titleShare float64) bool {
	return titleShare >= headlineShare && l.tokens >= headlineTokens
}

// put writes line i's headline-anchor features: the log of its distance in
// lines to the headline below it (capped at farLines; 0 at the headline and
// below it), whether it is the headline, and the dump's prose share above
// the headline. A dump without a headline reads -1 in all three.
func (a *headlineAnchor) put(put func(float64), i int) {
	if a.line < 0 {
		put(-1)
		put(-1)
		put(-1)
		return
	}
	put(math.Log1p(float64(min(farLines, max(0, a.line-i)))))
	put(bool01(i == a.line))
	put(a.proseAbove)
}
