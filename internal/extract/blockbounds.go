package extract

import (
	"math"
	"slices"
	"strings"
)

// A news article's end is rarely marked in the markup: readers' comments,
// teaser lists and sponsored copy follow its last paragraph in elements
// whose class words often do not name them, and their own paragraphs look
// like the article's. What does mark it is their place: past the end of
// the run of prose that follows the headline, usually below a heading or a
// line of chrome ("More stories", "3 comments", "Add a comment"). The
// article-end features below give each block its place against the
// headline's prose segment (the first segment of prose blocks to end after
// the headline's block; segmentProse over the blocks, as the text dumps'
// lines read it) and the headings and boundary chrome between them
// (docs/measurements/extraction.md, "Session 27" and "Session 28"). The
// headline's block is the one whose words match the page's <title> or
// og:title (headlineBlock), else the first h1: one news page in five has
// no h1, and on others the h1 holds the site's name. The page's largest
// segment was tried as the anchor and not kept: on a short article it is
// often a gallery's captions or a comment thread.

// blockSegmentGap is the gap of non-prose blocks a prose segment of blocks
// bridges: 3, as the dumps' wider segments (proseGaps), so that a
// sub-heading, a figure and its caption and credit inside an article do not
// end it, while a teaser's headline, date and link line, or a comment's
// name, date and "reply" line, usually do not bridge two prose blocks
// either. Not swept.
const blockSegmentGap = 3

// articleEndNames name the article-end block features, in the order
// articleEnd.put writes them. The two chrome counts and closing_cue carry
// the dumps' line features' names, so that Model.Blanked blanks them at the
// same level (blankCols).
var articleEndNames = []string{
	"closing_cue", "in_headline_segment", "to_headline_blocks", "headings_to_headline",
	"chrome_to_headline_blocks", "chrome_to_headline_tokens",
}

// articleEnd holds what a page's article-end features are read from.
type articleEnd struct {
	seg           proseSegments
	bounds        boundaryFeatures // boundary chrome (runLo unused: the blocks have no best run)
	headingBefore []int            // heading blocks before each block (n+1 entries)
	headline      int              // the headline's segment: the first to end after the headline's block; -1 for none
	chrome        []int            // each block's chrome phrases (chromeScore; 0 for blocks over cueMaxTokens), read once for blockFeatures too
}

// newArticleEnd reads a page's prose segments, headings and boundary
// chrome; firstH1 is the page's first h1 block, -1 for none, the headline's
// block when no block matches the page's titles.
func newArticleEnd(pb *pageBlocks, firstH1 int) articleEnd {
	n := len(pb.blocks)
	ls := make([]lineInfo, n)
	a := articleEnd{headingBefore: make([]int, n+1), chrome: make([]int, n)}
	closing := make([]int, n) // closingCue of each block, read with its chrome phrases
	for i := range pb.blocks {
		b := &pb.blocks[i]
		ls[i].block = *b
		ls[i].line = line{text: b.text, words: int(b.tokens)}
		if b.tokens <= cueMaxTokens { // as blockFeatures' chrome_phrases: long prose is no chrome label
			ls[i].line.chrome, closing[i] = chromeAndClosing(b.text)
			a.chrome[i] = ls[i].line.chrome
		} else {
			closing[i] = closingCue(&ls[i])
		}
		a.headingBefore[i+1] = a.headingBefore[i] + int(bool01(isHeadingBlock(pb, b)))
	}
	a.seg = segmentProse(ls, blockSegmentGap)
	a.bounds = newBoundaryFeatures(ls, -1, -1, &a.seg, closing)
	a.headline = -1
	anchor := headlineBlock(pb)
	if anchor < 0 {
		anchor = firstH1
	}
	if anchor >= 0 {
		for k, last := range a.seg.last {
			if last > anchor {
				a.headline = k
				break
			}
		}
	}
	for i := range ls {
		if pb.blocks[i].tokens > cueMaxTokens {
			a.bounds.closing[i] = 0 // a closing phrase in long prose is a mention, not a cue
		}
	}
	return a
}

// isHeadingBlock reports whether a block is (inside) a heading element.
func isHeadingBlock(pb *pageBlocks, b *block) bool {
	return pb.elems[b.elem].inherited&flagHeading != 0 || headingLevel(pb.elems[b.container].tag) > 0
}

// put writes block i's article-end features (articleEndNames): its
// closing phrases; whether it is in the headline's segment, its signed
// distance in blocks to it, and the headings and boundary chrome (blocks,
// log tokens) strictly between them. Distances are -farLines and counts -1
// on a page without a headline segment.
func (a *articleEnd) put(put func(float64), i int) {
	put(float64(a.bounds.closing[i]))
	put(bool01(a.headline >= 0 && a.seg.of[i] == a.headline))
	lines, tok := a.putPlace(put, i, a.headline)
	put(lines)
	if tok < 0 {
		put(-1)
	} else {
		put(math.Log1p(tok))
	}
}

// putPlace writes block i's signed distance in blocks to segment k and the
// headings strictly between them, and returns the boundary-chrome blocks
// and tokens between them (-1, -1 for k < 0).
func (a *articleEnd) putPlace(put func(float64), i, k int) (float64, float64) {
	if k < 0 {
		put(-farLines)
		put(-1)
		return -1, -1
	}
	lo, hi := a.seg.first[k], a.seg.last[k]
	switch {
	case i < lo:
		put(float64(max(-farLines, i-lo)))
		put(float64(a.headingBefore[lo] - a.headingBefore[i+1]))
	case i > hi:
		put(float64(min(farLines, i-hi)))
		put(float64(a.headingBefore[i] - a.headingBefore[hi+1]))
	default:
		put(0)
		put(0)
	}
	return a.bounds.between(i, lo, hi)
}

// headlineMaxTokens bounds the blocks headlineBlock reads: a headline is
// rarely over 30 words, and a page's <title> joins it to a site name or a
// section, so 40 leaves room without letting an article's paragraph
// (which may repeat most of the headline's words) compete. Not swept.
const headlineMaxTokens = 40

// headlineMinMatch is the least word overlap (headlineMatch) a block needs
// with one of the page's titles to be read as the headline: a half means
// the block and the title share most of their words, which a headline
// does with "Headline | Site" (8 words of 10: 0.89) and a site-name h1
// does not (2 of 10: 0.33). Not swept.
const headlineMinMatch = 0.5

// headlineBlock returns the block of the page's headline: a heading whose
// words are those of one of the page's whole titles (wholeTitleHeading),
// else the block of at most headlineMaxTokens words whose words best match
// the page's first title without the site's name (pb.titles, og:title
// first: it is the bare headline more often than <title>, which some
// sites fill with their name alone) that any block matches to
// headlineMinMatch, else the same for the whole titles (pb.wholeTitles);
// a heading before a non-heading and the first on a tie; -1 when no title
// is matched. Link blocks are read too: many blogs link their post's
// headline to the post itself.
func headlineBlock(pb *pageBlocks) int {
	if len(pb.titles) == 0 && len(pb.wholeTitles) == 0 {
		return -1
	}
	blockWords := headlineCandidateWords(pb) // each block's distinct words, read once for every title tried
	if at := wholeTitleHeading(pb, blockWords); at >= 0 {
		return at
	}
	if at := firstTitleMatched(pb, blockWords, pb.titles); at >= 0 {
		return at
	}
	return firstTitleMatched(pb, blockWords, pb.wholeTitles)
}

// firstTitleMatched returns blockMatching's block for the first of titles
// that any block matches, -1 when none is matched.
func firstTitleMatched(pb *pageBlocks, blockWords [][]string, titles []string) int {
	for _, t := range titles {
		if title := wordSet(t); len(title) > 0 {
			if at := blockMatching(pb, blockWords, title); at >= 0 {
				return at
			}
		}
	}
	return -1
}

// wholeTitleHeading returns the first heading whose distinct words are those
// of a whole title that cutting the site's name changed and no heading says
// the cut title, -1 when there is none. The cut reads a title's shape, not
// the page, and takes a headline's subtitle for a tagline ("Zero Waste - A
// Beginner's Guide") or splits an identifier at "_"; a heading that repeats
// the whole title says the page's headline is all of it (wcxb, s45-refit's
// reading: 5 of 15 pages whose anchor moved further from the headline). A
// heading that says the cut title too is the bare headline, and a heading of
// the whole title the page's own title in its header ("Catering Tips |
// Cookshack" above the thread's "Catering Tips").
func wholeTitleHeading(pb *pageBlocks, blockWords [][]string) int {
	for k, whole := range pb.wholeTitles {
		if k >= len(pb.titles) || pb.titles[k] == whole || headingSaying(pb, blockWords, pb.titles[k]) >= 0 {
			continue
		}
		if at := headingSaying(pb, blockWords, whole); at >= 0 {
			return at
		}
	}
	return -1
}

// headingSaying returns the first heading whose distinct words are those
// of text, -1 when there is none or text has no words.
func headingSaying(pb *pageBlocks, blockWords [][]string, text string) int {
	words := wordSet(text)
	if len(words) == 0 {
		return -1
	}
	for i := range pb.blocks {
		if len(blockWords[i]) == len(words) && headlineMatch(blockWords[i], words) == 1 && isHeadingBlock(pb, &pb.blocks[i]) {
			return i
		}
	}
	return -1
}

// blockMatching returns the block of at most headlineMaxTokens words
// (those blockWords, from headlineCandidateWords, holds) that best matches
// a title's words (headlineMatch), a heading before a non-heading and the
// first on a tie; -1 when none reaches headlineMinMatch. On a title of
// two words or more a heading that reaches headlineMinMatch is preferred
// to a one-word block that is not a heading (isStrayWord), whatever their
// scores.
func blockMatching(pb *pageBlocks, blockWords [][]string, title map[string]bool) int {
	best, bestScore, bestHeading, bestStray := -1, headlineMinMatch, false, false
	for i := range pb.blocks {
		b := &pb.blocks[i]
		if blockWords[i] == nil {
			continue
		}
		score := headlineMatch(blockWords[i], title)
		heading := isHeadingBlock(pb, b)
		stray := isStrayWord(blockWords[i], heading, title)
		var better bool
		switch {
		case score < headlineMinMatch:
			better = false
		case best >= 0 && heading && bestStray:
			better = true
		case best >= 0 && stray && bestHeading:
			better = false
		default:
			better = score > bestScore || score == bestScore && (best < 0 || heading && !bestHeading)
		}
		if better {
			best, bestScore, bestHeading, bestStray = i, score, heading, stray
		}
	}
	return best
}

// isStrayWord reports whether a block is one word, not a heading, matched
// against a title of two words or more: a menu link ("Shop") or a filter's
// label that shares one word with a short title scores 0.67 against it
// (headlineMatch), above the page's heading that shares one word too and
// has one of its own ("Shop Headphones" against "All Headphones": 0.5).
// One word of a title is no more evidence in a link than in a heading.
func isStrayWord(words []string, heading bool, title map[string]bool) bool {
	return !heading && len(words) == 1 && len(title) >= 2
}

// headlineCandidateWords gives the distinct words (wordSet's, as a sorted
// slice: a map per block was a tenth of newArticleEnd's time) of every
// block that may be the headline (1 to headlineMaxTokens words), nil for
// the others. The blocks' lower-case texts are written into one string
// and their words into one array (pageLowerWords), not a string and an
// array for each block: the same words, two allocations a block fewer.
func headlineCandidateWords(pb *pageBlocks) [][]string {
	out := make([][]string, len(pb.blocks))
	var texts []string
	tokens := 0
	for i := range pb.blocks {
		if b := &pb.blocks[i]; isHeadlineCandidate(b) {
			texts = append(texts, b.text)
			tokens += int(b.tokens)
		}
	}
	words := pageLowerWords(texts, tokens)
	k := 0
	for i := range pb.blocks {
		if isHeadlineCandidate(&pb.blocks[i]) {
			w := words[k]
			slices.Sort(w)
			out[i] = slices.Compact(w)
			k++
		}
	}
	return out
}

// isHeadlineCandidate reports whether a block may be the headline: 1 to
// headlineMaxTokens words.
func isHeadlineCandidate(b *block) bool { return b.tokens > 0 && b.tokens <= headlineMaxTokens }

// pageLowerWords gives wordsOf of each text, their lower-case forms
// written into one string and their words sliced from one array, made for
// sizeHint words (the blocks' token count: near their words' number). Each
// text's words are a slice of their own (capacity cut to length), so that
// sorting or compacting one leaves the others be.
func pageLowerWords(texts []string, sizeHint int) [][]string {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	lower := make([]byte, 0, size) // ToLower keeps an ASCII text's length and most others'
	ends := make([]int, len(texts))
	for i, t := range texts {
		if isASCII(t) {
			lower = appendLowerASCII(lower, t)
		} else {
			lower = append(lower, strings.ToLower(t)...)
		}
		ends[i] = len(lower)
	}
	all := string(lower)
	arena := make([]string, 0, sizeHint)
	out := make([][]string, len(texts))
	start := 0
	for i, t := range texts {
		l := all[start:ends[i]]
		from := len(arena)
		if isASCII(t) {
			arena = appendASCIIWords(arena, l)
		} else {
			arena = append(arena, strings.FieldsFunc(l, isNotWordRune)...)
		}
		out[i] = arena[from:len(arena):len(arena)]
		start = ends[i]
	}
	return out
}

// appendLowerASCII appends an ASCII text in lower case, as strings.ToLower
// writes it.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// headlineMatch is the F1 of a block's distinct words and a title's word
// set: twice the words both hold over the sum of their sizes.
func headlineMatch(a []string, b map[string]bool) float64 {
	both := 0
	for _, w := range a {
		if b[w] {
			both++
		}
	}
	return 2 * float64(both) / float64(len(a)+len(b))
}
