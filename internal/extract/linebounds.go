package extract

import (
	"math"
	"sync"
)

// An article in a text dump usually ends where chrome begins: share
// buttons, a "most read" list, a comment form, a membership pitch. What
// follows that chrome (related teasers, readers' comments, other articles'
// snippets) is often prose the line classifier keeps by its own shape. The
// chrome-boundary features below say, for each line, how much boundary
// chrome lies between it and the article's main prose (the prose-run
// heuristic's best run, and the largest prose segment), so that a prose
// line below such chrome can be told from the article's own paragraphs
// (docs/measurements/extraction.md, "Session 23" and "Session 24").

// closingPhrases are phrases many outlets print where an article ends and
// something else begins: comment openers, related-article lists, and
// membership or donation pitches, in several languages. Written from
// general knowledge of news pages, not from any page of the benchmark sets.
// They are read by the boundary features of text dumps' lines and of HTML
// blocks (articleEnd), never by boilerplatePhrases' users.
// Some are ordinary prose words too ("donate", "more from", "we
// recommend"): on the gold text of the eight extraction sets 167 of 187,488
// lines under 40 words hold one (0.09%; session 25 review), so a line they
// flag is a weak cue the classifier weighs, never a cut on its own.
var closingPhrases = []string{
	// comment openers
	"have your say", "add your comment", "add a comment", "add comment", "comments are now closed",
	"join the discussion", "join the conversation", "show comments", "view comments", "post a comment",
	"write a comment", "load comments",
	// related and further reading
	"you might also like", "you may also like", "more stories", "more from", "don't miss", "most viewed",
	"most shared", "read next", "up next", "what to read next", "related coverage", "related content",
	"more on this story", "more videos", "around the web", "from around the web", "we recommend",
	"das könnte sie auch interessieren", "auch interessant", "meistgelesen", "zum thema",
	"à lire également", "sur le même sujet", "les plus lus", "vous aimerez aussi",
	"te puede interesar", "lo más leído", "más noticias", "noticias relacionadas",
	"potrebbe interessarti", "i più letti", "leggi anche",
	"самое читаемое", "по теме", // "читайте также" is a boilerplate phrase already
	// pitches
	"become a member", "chip in", "any amount", "reader-supported", "reader supported",
	"independent journalism", "donate", "support independent", "make a contribution",
	"mitglied werden", "jetzt unterstützen", "faire un don", "soutenez", "hazte socio", "dona ahora",
	"sostienici", "поддержать",
}

var closingMatcher = sync.OnceValue(func() *phraseMatcher { return newPhraseMatcher(closingPhrases) })

// closingCue counts the closing phrases in a line.
func closingCue(l *lineInfo) int { return closingMatcher().count(l.text) }

// proseMentionWords is how many words a prose line may have per chrome
// phrase and still count as chrome: scoreBlock's rule (a line of 40 words
// or more per phrase is prose that mentions one in passing), kept the same
// so that the boundary reads chrome as the prose-run heuristic does.
const proseMentionWords = 40

// isBoundaryChrome reports whether a line is chrome that may close an
// article: it carries a boilerplate or closing phrase (and is not long
// prose mentioning one in passing) or opens a comment section. closing is
// the line's closingCue.
func isBoundaryChrome(l *lineInfo, closing int) bool {
	if isCommentHeader(l.text, l.line.words) {
		return true
	}
	c := l.line.chrome + closing
	if c == 0 {
		return false
	}
	return !isProseBlock(&l.block) || l.line.words < proseMentionWords*c
}

// boundaryNames name the chrome-boundary features, in the order
// boundaryFeatures.put writes them.
var boundaryNames = []string{
	"chrome_to_run_lines", "chrome_to_run_tokens", "chrome_to_largest_lines", "chrome_to_largest_tokens",
	"chrome_before_share", "closing_cue",
}

// boundaryFeatures holds what the chrome-boundary features of a dump's
// lines are read from.
type boundaryFeatures struct {
	closing     []int     // closingCue of each line
	linesBefore []int     // boundary-chrome lines before each line (n+1 entries)
	tokBefore   []float64 // their tokens
	runLo       int       // the prose-run heuristic's best run, [runLo, runHi); -1 for none
	runHi       int
	largeLo     int // the largest prose segment's first and last line; -1 for none
	largeHi     int
}

// newBoundaryFeatures reads a dump's boundary chrome; [start, end) is
// bestRun's run, s the prose segments whose largest is the article's.
// closing is each line's closingCue when the caller has read it already
// (newArticleEnd, with the chrome phrases), nil to read it here.
func newBoundaryFeatures(ls []lineInfo, start, end int, s *proseSegments, closing []int) boundaryFeatures {
	n := len(ls)
	if closing == nil {
		closing = make([]int, n)
		for i := range ls {
			closing[i] = closingCue(&ls[i])
		}
	}
	b := boundaryFeatures{closing: closing, linesBefore: make([]int, n+1), tokBefore: make([]float64, n+1),
		runLo: start, runHi: end, largeLo: -1, largeHi: -1}
	for i := range ls {
		b.linesBefore[i+1], b.tokBefore[i+1] = b.linesBefore[i], b.tokBefore[i]
		if isBoundaryChrome(&ls[i], b.closing[i]) {
			b.linesBefore[i+1]++
			b.tokBefore[i+1] += float64(ls[i].tokens)
		}
	}
	if s.largest >= 0 {
		b.largeLo, b.largeHi = s.first[s.largest], s.last[s.largest]
	}
	return b
}

// between gives the boundary-chrome lines and tokens strictly between line
// i and the range [lo, hi] (0 inside it); -1, -1 when there is no range.
func (b *boundaryFeatures) between(i, lo, hi int) (float64, float64) {
	switch {
	case lo < 0:
		return -1, -1
	case i < lo:
		return float64(b.linesBefore[lo] - b.linesBefore[i+1]), b.tokBefore[lo] - b.tokBefore[i+1]
	case i > hi:
		return float64(b.linesBefore[i] - b.linesBefore[hi+1]), b.tokBefore[i] - b.tokBefore[hi+1]
	}
	return 0, 0
}

// put writes line i's chrome-boundary features (boundaryNames): the
// boundary-chrome lines and tokens (log) between it and the best run, and
// between it and the largest prose segment; the share of the dump's
// boundary-chrome lines above it; its closing phrases.
func (b *boundaryFeatures) put(put func(float64), i int) {
	runHi := b.runHi - 1
	if b.runLo < 0 {
		runHi = -1
	}
	for _, r := range [2][2]int{{b.runLo, runHi}, {b.largeLo, b.largeHi}} {
		lines, tok := b.between(i, r[0], r[1])
		put(lines)
		if tok < 0 {
			put(-1)
		} else {
			put(math.Log1p(tok))
		}
	}
	n := len(b.closing)
	put(float64(b.linesBefore[i]) / float64(max(1, b.linesBefore[n])))
	put(float64(b.closing[i]))
}
