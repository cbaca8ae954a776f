package extract

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// A text dump is classified line by line, as HTML is block by block: each
// line (a block of the page it was dumped from) gets features of its own
// text, of its neighbours, of where it lies, and of the region the old
// prose-run heuristic (bestRun over scoreLines) picks, and the model's line
// classifier keeps the lines at or above its threshold.

// lineInfo is one non-empty line of a dump with its measures.
type lineInfo struct {
	block      // text measures (elem and container unused)
	line  line // the prose-run heuristic's measures
}

// dumpLines cuts a dump into its non-empty lines and measures them; tids
// (nil for none) names the text words of short lines, whose ids go to the
// returned arena.
func dumpLines(body []byte, tids wordIDs) ([]lineInfo, []int32) {
	body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	scored := scoreLines(string(body))
	out := make([]lineInfo, len(scored))
	var arena []int32
	for i, l := range scored {
		out[i] = lineInfo{block: measureBlock(l.text), line: l}
		if tids != nil {
			arena, out[i].twords = appendTextWords(arena, l.text, out[i].tokens, tids)
		}
	}
	return out, arena
}

// lineFeatureNames names the line classifier's features in vector order.
var lineFeatureNames = func() []string {
	names := []string{
		"tokens", "chars", "punct_per_char", "commas_per_token", "stops_per_token", "ends_sentence",
		"digit_share", "upper_share", "chars_per_token", "chrome_phrases", "photo_credit", "byline_or_date",
		"starts_lower", "pipes", "ends_colon", "comment_header", "heuristic_score", "same_text_in_page",
		"common_word_share", "title_case_share", "link_like", "separators", "starts_bullet", "ends_digit",
		"short_run", "prose_dist_before", "prose_dist_after", "seen_before", "tokens_vs_page",
		"pos_lines", "pos_tokens", "first_line", "in_best_run", "run_start_dist", "run_end_dist",
		"prose_before", "prose_after", "page_lines", "page_tokens", "page_prose_share",
	}
	for _, off := range []string{"m3", "m2", "m1", "p1", "p2", "p3"} {
		for _, f := range []string{"tokens", "ends_sentence", "chrome", "heuristic_score"} {
			names = append(names, off+"_"+f)
		}
	}
	names = append(names, "win5_prose", "win5_tokens", "win10_prose", "win3_common", "m1_common", "p1_common")
	for _, g := range proseGaps {
		for _, f := range []string{"tokens", "share", "largest", "lines", "dist_largest", "between_largest"} {
			names = append(names, fmt.Sprintf("seg%d_%s", g, f))
		}
	}
	names = append(names, "shape_period", "after_comment_header",
		"stamp", "stamps_near", "stamps_before", "stamps_after", "stamps_since_largest", "title_share", "after_title",
		"stamps_total", "stamp_gap_spread", "prose_before_first_stamp", "prose_between_stamps", "largest_stamp_part",
		"stamp_part_share", "stamp_part_vs_largest", "stamp_parts_after_largest", "stamp_part_closed")
	names = append(names, boundaryNames...)
	names = append(names, teaserNames...)
	for _, k := range pageKinds { // kindProbs' columns, in its order
		names = append(names, "kind_"+k)
	}
	for _, n := range dumpPageFeatureNames {
		names = append(names, "page_"+n)
	}
	return names
}()

var numLineFeatures = len(lineFeatureNames)

// dumpPageRow is the page part of a dump's line features (see
// lineFeatures): its kind probabilities, then its page-kind features.
func dumpPageRow(kinds, page []float64) []float64 {
	return append(append(make([]float64, 0, len(kinds)+len(page)), kinds...), page...)
}

// lineFeatures returns the feature vectors of a dump's lines, in one flat
// slice.
//
// Most features read no word list: a line's words are compared with the
// dump's own common words (see commonWordShares), which are the function
// words of whatever language the page is in. These read fixed word lists
// of a few languages (each list has its own: English, German, French,
// Spanish, Dutch, Russian, Chinese among them): chrome_phrases and
// heuristic_score (chromeScore's boilerplate phrases; the score also
// photoCredit), with the neighbours' copies of both and the best run's
// features (bestRun reads the scores); photo_credit
// (mayBeCredit's words and photoCredit); byline_or_date (startsByline's
// words and findDate's month names); comment_header and
// after_comment_header (commentHeader); and the stamp features and the
// stamp parts' (the byline_or_date cue; stamps in figures read none); and the
// chrome-boundary features (boundaryNames: chromeScore's phrases, closingPhrases
// and commentHeader) and the teaser feature chrome_in_largest_before, which
// counts the same boundary chrome (isBoundaryChrome). On a page in a language the lists lack, these read as on a
// page without such lines.
//
// page is what every line of the dump shares (dumpPageRow): the dump's
// page-kind probabilities (kindProbs, one per pageKinds entry) and the
// page-kind features they are read from (dumpPageFeatures), so that the
// classifier may learn that posts under stamps are the content of a forum
// thread and readers' comments under a news article. In the fit the
// probabilities are out of fold (see oofDumpKinds), as they are on the
// pages a fitted model reads. Nil leaves them all 0.
func lineFeatures(ls []lineInfo, page []float64) []float64 {
	n := len(ls)
	out := make([]float64, n*numLineFeatures)
	if n == 0 {
		return out
	}
	words := lineWords(ls)
	common := commonWordSharesOf(ls, words)
	shortRun := shortRuns(ls)
	proseBeforeDist, proseAfterDist := proseDistances(ls)
	medianTokens := medianProseTokens(ls)
	seen := make(map[uint64]bool, n)
	plain := make([]line, n)
	prose := make([]float64, n) // prose tokens per line
	var totalTok, totalProse float64
	fpCount := make(map[uint64]int, n)
	for i := range ls {
		plain[i] = ls[i].line
		if isProseBlock(&ls[i].block) {
			prose[i] = float64(ls[i].tokens)
		}
		totalTok += float64(ls[i].tokens)
		totalProse += prose[i]
		fpCount[ls[i].fp]++
	}
	start, end := bestRun(plain)
	segs := make([]proseSegments, len(proseGaps))
	for k, g := range proseGaps {
		segs[k] = segmentProse(ls, g)
	}
	period := shapePeriods(ls)
	afterComments := afterCommentHeader(ls)
	credits, bylines := lineCues(ls)
	stamps := stampLines(ls, bylines)
	stampsBefore := make([]int, n+1) // stamp lines before each line
	for i := range ls {
		stampsBefore[i+1] = stampsBefore[i] + int(bool01(stamps[i]))
	}
	largest := &segs[len(segs)-1] // the widest gap's segments
	parts := cutAtStamps(stamps, stampsBefore, prose)
	bounds := newBoundaryFeatures(ls, start, end, largest, nil)
	teasers := newTeaserFeatures(ls, words, largest, &bounds)
	titleShare := titleShares(words)
	lastTitle := -1 // the last line before i that repeats the title
	var tokBefore, proseBefore float64
	for i := range ls {
		l := &ls[i]
		f := out[i*numLineFeatures : (i+1)*numLineFeatures]
		k := 0
		put := func(v float64) { f[k] = v; k++ }
		chars := float64(max(1, l.chars))
		tokens := float64(max(1, l.tokens))
		put(log1p(l.tokens))
		put(log1p(l.chars))
		put(float64(l.punct) / chars)
		put(float64(l.commas) / tokens)
		put(float64(l.stops) / tokens)
		put(bool01(endsSentence(l.text)))
		put(float64(l.digits) / chars)
		put(float64(l.upper) / float64(max(1, l.letters)))
		put(chars / tokens)
		put(float64(l.line.chrome))
		put(bool01(credits[i]))
		put(bool01(bylines[i]))
		put(bool01(startsLower(l.text)))
		put(float64(countByte(l.text, '|')))
		put(bool01(strings.HasSuffix(l.text, ":")))
		put(bool01(isCommentHeader(l.text, int(l.tokens))))
		put(clampF(l.line.score, -100, 100))
		put(float64(fpCount[l.fp] - 1))
		put(common[i])
		put(titleCaseShare(l.text))
		put(float64(linkLike(l.text)))
		put(float64(separators(l.text)))
		put(bool01(startsBullet(l.text)))
		put(bool01(endsDigit(l.text)))
		put(log1p(int32(shortRun[i])))
		put(float64(proseBeforeDist[i]))
		put(float64(proseAfterDist[i]))
		put(bool01(seen[l.fp]))
		seen[l.fp] = true
		put(log1p(l.tokens) - math.Log1p(medianTokens))
		put(float64(i) / float64(n))
		put(tokBefore / max(1, totalTok))
		put(bool01(i == 0))
		put(bool01(i >= start && i < end))
		if start >= 0 {
			put(float64(clamp(i-start, -100, 100)))
			put(float64(clamp(i-end, -100, 100)))
		} else {
			put(-100)
			put(-100)
		}
		put(proseBefore / max(1, totalProse))
		put((totalProse - proseBefore - prose[i]) / max(1, totalProse))
		put(log1p(int32(n)))
		put(log1p(int32(totalTok)))
		put(totalProse / max(1, totalTok))
		for _, off := range [6]int{-3, -2, -1, 1, 2, 3} {
			j := i + off
			if j < 0 || j >= n {
				put(-1)
				put(-1)
				put(-1)
				put(0)
				continue
			}
			put(log1p(ls[j].tokens))
			put(bool01(endsSentence(ls[j].text)))
			put(float64(ls[j].line.chrome))
			put(clampF(ls[j].line.score, -100, 100))
		}
		put(windowShare(prose, ls, i, 5))
		var wt, wn float64
		for j := max(0, i-5); j <= min(n-1, i+5); j++ {
			if j != i {
				wt += log1p(ls[j].tokens)
				wn++
			}
		}
		put(wt / max(1, wn))
		put(windowShare(prose, ls, i, 10))
		var cw, cn float64
		for j := max(0, i-3); j <= min(n-1, i+3); j++ {
			if j != i {
				cw += common[j] * float64(ls[j].tokens)
				cn += float64(ls[j].tokens)
			}
		}
		put(cw / max(1, cn))
		if i > 0 {
			put(common[i-1])
		} else {
			put(-1)
		}
		if i+1 < n {
			put(common[i+1])
		} else {
			put(-1)
		}
		for k := range segs {
			segs[k].put(i, put)
		}
		put(period[i])
		put(bool01(afterComments[i]))
		putStamps(put, stamps, stampsBefore, largest, i)
		put(titleShare[i])
		if lastTitle >= 0 {
			put(math.Log1p(float64(min(farLines, i-lastTitle))))
		} else {
			put(-1)
		}
		parts.put(put, i)
		bounds.put(put, i)
		teasers.put(put, i)
		for _, v := range page {
			put(v)
		}
		if titleShare[i] >= headlineShare && l.tokens >= headlineTokens {
			lastTitle = i
		}
		tokBefore += float64(l.tokens)
		proseBefore += prose[i]
	}
	return out
}

// windowShare is the share of the tokens within r lines of line i (itself
// left out) that are prose.
func windowShare(prose []float64, ls []lineInfo, i, r int) float64 {
	var p, t float64
	for j := max(0, i-r); j <= min(len(ls)-1, i+r); j++ {
		if j != i {
			p += prose[j]
			t += float64(ls[j].tokens)
		}
	}
	return p / max(1, t)
}

func clampF(v, lo, hi float64) float64 { return max(lo, min(hi, v)) }

// Language-free measures of a dump's lines. Their cut-offs are the usual
// sizes of the things they tell apart, not values fitted to a set: a menu
// entry or label has at most 5 words, a sentence of prose at least 8.
const (
	shortLineTokens = 5  // at most this many tokens and no sentence end: a menu-like line
	proseLineTokens = 8  // at least this many tokens: a line whose words show the page's language
	maxLineDistance = 20 // distances to prose are capped here (beyond, "far" is all they say)
	minCommonLines  = 3  // a word is common when this many prose lines hold it
)

// commonWordShares gives, for each line, the share of its words that are
// common words of the dump: words found in minCommonLines or more of its
// prose-length lines. On any page in any language written with spaces these
// are mostly its function words (the, der, de, и, ...), which prose is full
// of and menus, labels and names lack; they are learned from the page itself,
// so no language's list is needed. Scripts without spaces (Chinese) give one
// "word" per run of characters and so few common words: the classifier reads
// the share beside the other measures.
func commonWordShares(ls []lineInfo) []float64 {
	return commonWordSharesOf(ls, lineWords(ls))
}

// lineWords gives each line's words in lower case (text.Words), read once
// for the features that compare lines' words.
func lineWords(ls []lineInfo) [][]string {
	words := make([][]string, len(ls))
	for i := range ls {
		words[i] = text.Words(strings.ToLower(ls[i].text))
	}
	return words
}

// commonWordSharesOf is commonWordShares of lines whose words are words.
func commonWordSharesOf(ls []lineInfo, words [][]string) []float64 {
	df := map[string]int{}
	for i, ws := range words {
		if ls[i].tokens < proseLineTokens {
			continue
		}
		seen := map[string]bool{}
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	out := make([]float64, len(ls))
	for i, ws := range words {
		c := 0
		for _, w := range ws {
			if df[w] >= minCommonLines {
				c++
			}
		}
		out[i] = float64(c) / float64(max(1, len(ws)))
	}
	return out
}

// isShortLine reports whether a line looks like a menu entry or label: a few
// tokens and no sentence end.
func isShortLine(l *lineInfo) bool {
	return l.tokens <= shortLineTokens && !endsSentence(l.text)
}

// shortRuns gives, for each short line (see isShortLine), the number of
// consecutive short lines around it, itself included (a menu is a long run of
// them, a sub-heading a run of one); 0 for other lines.
func shortRuns(ls []lineInfo) []int {
	out := make([]int, len(ls))
	for i := 0; i < len(ls); {
		if !isShortLine(&ls[i]) {
			i++
			continue
		}
		j := i
		for j < len(ls) && isShortLine(&ls[j]) {
			j++
		}
		for k := i; k < j; k++ {
			out[k] = j - i
		}
		i = j
	}
	return out
}

// proseDistances gives, for each line, how many lines back and forward the
// nearest prose line (see isProseBlock) lies, capped at maxLineDistance.
func proseDistances(ls []lineInfo) ([]int, []int) {
	n := len(ls)
	before, after := make([]int, n), make([]int, n)
	last := -1
	for i := range ls {
		before[i] = maxLineDistance
		if last >= 0 {
			before[i] = min(maxLineDistance, i-last)
		}
		if isProseBlock(&ls[i].block) {
			last = i
		}
	}
	next := -1
	for i := n - 1; i >= 0; i-- {
		after[i] = maxLineDistance
		if next >= 0 {
			after[i] = min(maxLineDistance, next-i)
		}
		if isProseBlock(&ls[i].block) {
			next = i
		}
	}
	return before, after
}

// medianProseTokens is the median token count of the dump's lines of
// proseLineTokens or more (the page's paragraph length), proseLineTokens
// when it has none.
func medianProseTokens(ls []lineInfo) float64 {
	var ts []int
	for i := range ls {
		if ls[i].tokens >= proseLineTokens {
			ts = append(ts, int(ls[i].tokens))
		}
	}
	if len(ts) == 0 {
		return proseLineTokens
	}
	slices.Sort(ts)
	return float64(ts[len(ts)/2])
}

// titleCaseShare is the share of a line's words (in scripts with case) that
// begin with a capital: high in menus, headlines and names, low in prose.
func titleCaseShare(s string) float64 {
	cased, upper := 0, 0
	for _, w := range text.Words(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return float64(upper) / float64(max(1, cased))
}

// linkLike counts the addresses in a line: URLs, "www." names and e-mail
// addresses, which are written the same in every language.
func linkLike(s string) int {
	n := strings.Count(s, "://") + strings.Count(s, "www.")
	for _, f := range strings.Fields(s) {
		if at := strings.IndexByte(f, '@'); at > 0 && strings.Contains(f[at:], ".") {
			n++
		}
	}
	return n
}

// separators counts the characters that separate menu entries and
// breadcrumbs rather than words of a sentence.
// A "/" or ">" counts only standing alone ("News / World"), not inside a
// word or an address.
func separators(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if f == "/" || f == ">" {
			n++
			continue
		}
		for _, r := range f {
			switch r {
			case '|', '»', '«', '›', '‹', '·', '•', '→', '←', '▸', '►', '▶', '◄', '∙', '⋅', '¦':
				n++
			}
		}
	}
	return n
}

// startsBullet reports whether a line begins with a list mark or other
// non-word character (other than an opening quote or bracket).
func startsBullet(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '“', '„', '«', '‘', '(', '[', '¿', '¡':
		return false
	}
	return r != utf8.RuneError && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// endsDigit reports whether a line ends with a digit (dates, counts, prices,
// page numbers).
func endsDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

// proseGaps are the gaps (in non-prose lines) that a prose segment bridges,
// each giving its own segment features: 1 bridges a sub-heading, 3 a
// heading, a caption and a credit, and also a comment's name, date and
// "reply" lines (so the classifier, not a constant, tells which of the two
// splits an article from what follows it).
var proseGaps = []int{1, 3}

// proseSegments are a dump's runs of prose lines (see isProseBlock) with at
// most gap non-prose lines between two of them: an article's body is one
// long segment, a teaser's snippet or a comment a short one of its own.
type proseSegments struct {
	of             []int     // each line's segment, -1 for a line outside every segment
	tokens         []float64 // each segment's prose tokens
	lines          []int     // each segment's prose lines
	first          []int     // each segment's first and last line
	last           []int
	largest        int // the segment with the most prose tokens, -1 for none
	total          float64
	nonProseBefore []int // non-prose lines before each line
}

// segmentProse cuts a dump's lines into prose segments bridging gaps of at
// most gap non-prose lines.
func segmentProse(ls []lineInfo, gap int) proseSegments {
	s := proseSegments{of: make([]int, len(ls)), largest: -1, nonProseBefore: make([]int, len(ls)+1)}
	lastProse := -1
	for i := range ls {
		s.of[i] = -1
		isProse := isProseBlock(&ls[i].block)
		s.nonProseBefore[i+1] = s.nonProseBefore[i] + 1 - int(bool01(isProse))
		if !isProse {
			continue
		}
		if lastProse < 0 || i-lastProse-1 > gap {
			s.tokens, s.lines = append(s.tokens, 0), append(s.lines, 0)
			s.first, s.last = append(s.first, i), append(s.last, i)
		}
		k := len(s.tokens) - 1
		for j := lastProse + 1; j <= i; j++ {
			if j >= s.first[k] {
				s.of[j] = k
			}
		}
		s.tokens[k] += float64(ls[i].tokens)
		s.lines[k]++
		s.last[k] = i
		s.total += float64(ls[i].tokens)
		lastProse = i
	}
	for k, t := range s.tokens {
		if s.largest < 0 || t > s.tokens[s.largest] {
			s.largest = k
		}
	}
	return s
}

// put writes line i's segment features: its segment's prose tokens, share
// of the dump's prose, whether it is the largest, its prose lines, the
// signed distance in lines to the largest segment and the non-prose lines
// between them.
func (s *proseSegments) put(i int, put func(float64)) {
	k := s.of[i]
	if k >= 0 {
		put(math.Log1p(s.tokens[k]))
		put(s.tokens[k] / max(1, s.total))
		put(bool01(k == s.largest))
		put(math.Log1p(float64(s.lines[k])))
	} else {
		put(0)
		put(0)
		put(0)
		put(0)
	}
	if s.largest < 0 {
		put(-farLines)
		put(-1)
		return
	}
	lo, hi := s.first[s.largest], s.last[s.largest]
	switch {
	case i < lo:
		put(float64(max(-farLines, i-lo)))
		put(math.Log1p(float64(s.nonProseBefore[lo] - s.nonProseBefore[i+1])))
	case i > hi:
		put(float64(min(farLines, i-hi)))
		put(math.Log1p(float64(s.nonProseBefore[i] - s.nonProseBefore[hi+1])))
	default:
		put(0)
		put(0)
	}
}

// shapeOf is a line's shape: its length class (log2 of its tokens) and
// whether it ends a sentence, begins with a bullet or ends with a digit.
func shapeOf(l *lineInfo) int {
	b := 0
	for t := l.tokens; t > 0; t >>= 1 {
		b++
	}
	return b<<3 | int(bool01(endsSentence(l.text)))<<2 | int(bool01(startsBullet(l.text)))<<1 | int(bool01(endsDigit(l.text)))
}

// farLines caps a line's distance (in lines) to the dump's largest prose
// segment, and stands for "no segment at all" (negated): farther than any
// page's chrome runs, so the cap loses nothing the trees could split on
// while keeping the feature's range fixed.
const farLines = 1000

// A teaser in a list takes one to four lines (headline; snippet; date;
// byline or "read more"), so shapes are compared at periods of 1 to
// maxShapePeriod lines, shapeRepeats periods before and after the line:
// enough repeats to tell a list from two look-alike paragraphs, few enough
// to stay inside a short list.
const (
	maxShapePeriod = 4
	shapeRepeats   = 3
)

// shapePeriods gives, for each line, how regularly its shape recurs at a
// fixed period around it: the largest share, over periods of 1 to
// maxShapePeriod lines, of the lines at up to shapeRepeats periods before
// and after it that have its shape. A list of teasers (headline, snippet, date; headline, snippet,
// date) repeats its shapes at its period; an article's paragraphs and
// sub-headings do not keep one.
func shapePeriods(ls []lineInfo) []float64 {
	shapes := make([]int, len(ls))
	for i := range ls {
		shapes[i] = shapeOf(&ls[i])
	}
	out := make([]float64, len(ls))
	for i := range ls {
		for p := 1; p <= maxShapePeriod; p++ {
			same, n := 0, 0
			for k := -shapeRepeats; k <= shapeRepeats; k++ {
				if j := i + k*p; k != 0 && j >= 0 && j < len(ls) {
					n++
					if shapes[j] == shapes[i] {
						same++
					}
				}
			}
			if n > 0 {
				out[i] = max(out[i], float64(same)/float64(n))
			}
		}
	}
	return out
}

// afterCommentHeader reports, for each line, whether a comment-section
// header (see isCommentHeader) comes before it.
func afterCommentHeader(ls []lineInfo) []bool {
	out := make([]bool, len(ls))
	seen := false
	for i := range ls {
		out[i] = seen
		seen = seen || isCommentHeader(ls[i].text, int(ls[i].tokens))
	}
	return out
}

// stampNear is how many lines either side of a line stampsNear counts: a
// comment's name-and-date line and its text take two to four lines, so a
// thread shows two or more stamps in this window and an article's body, with
// its one dateline near the headline, at most one. Not swept: the stamp
// features were checked together, as one change, on the site-fold command
// of commit 6e21809 (eval extract --text --cv --site-folds 2, all eight
// sets: five news pooled .896 -> .910), with this value only.
const stampNear = 6

// A timestamp of a post or comment written in figures, in any language:
// a time of day ("13:24", "9:02 PM", "@09:04AM") or a date of figures
// ("07.08.12", "2012-07-08", "7/8/2012").
var figureStamp = regexp.MustCompile(`(^|[^\d:])\d{1,2}:\d{2}($|[^\d:])|(^|[^\d.])\d{1,4}[./-]\d{1,2}[./-]\d{2,4}($|[^\d.])`)

// stampMaxTokens bounds a stamp line: a name, "posted by", a date and a time
// fit in 15 tokens; longer lines that hold a date are prose that mentions one.
// Not swept (checked with the other stamp constants, see stampNear).
const stampMaxTokens = 15

// cueMaxTokens bounds the lines lineCues reads and the blocks whose cues
// the block features read: textCues' phrase tests cost, and a long prose line is no credit or
// dateline (textCues reads bylines and dates only in lines of 12 tokens or
// fewer anyway). Not swept.
const cueMaxTokens = 80

// lineCues gives textCues of each line of at most cueMaxTokens tokens
// (false for longer lines), computed once for the line features and
// stampLines.
func lineCues(ls []lineInfo) (credit, byline []bool) {
	credit, byline = make([]bool, len(ls)), make([]bool, len(ls))
	for i := range ls {
		if ls[i].tokens <= cueMaxTokens {
			credit[i], byline[i] = textCues(&ls[i].block)
		}
	}
	return credit, byline
}

// stampLines reports, for each line, whether it is a short line that
// carries a timestamp: a byline or date (bylines, from lineCues) or a time
// or date in figures. Readers' comments each carry one ("Peter Flom 07.08.12
// at 13:24", "Posted by: Dave at November 7, 2012 3:12 PM"), an article's
// body rarely does, so their density tells a thread from the article before
// it. A line needs two digits (a time of day or a day of the month) to be
// one: relative times ("2 hours ago", "vor 3 Stunden") are therefore not
// stamps, a limit the model was fitted with (not swept).
func stampLines(ls []lineInfo, bylines []bool) []bool {
	out := make([]bool, len(ls))
	for i := range ls {
		l := &ls[i]
		if l.tokens > stampMaxTokens || l.digits < 2 {
			continue
		}
		out[i] = bylines[i] || figureStamp.MatchString(l.text)
	}
	return out
}

// putStamps writes line i's timestamp features: whether it is a stamp line,
// the stamp lines within stampNear lines of it (itself left out), before and
// after it, and between the largest prose segment's first line and it (0
// for a line before that: an article's body holds none, while a thread
// after it, which the segment bridges when its stamps stand alone between
// comments, holds one a comment).
func putStamps(put func(float64), stamps []bool, before []int, s *proseSegments, i int) {
	n := len(stamps)
	lo, hi := max(0, i-stampNear), min(n, i+stampNear+1)
	put(bool01(stamps[i]))
	put(float64(before[hi] - before[lo] - int(bool01(stamps[i]))))
	put(math.Log1p(float64(before[i])))
	put(math.Log1p(float64(before[n] - before[i+1])))
	since := 0
	if s.largest >= 0 {
		if first := s.first[s.largest]; i > first {
			since = before[i] - before[first]
		}
	}
	put(math.Log1p(float64(since)))
}

// A line repeats the headline when at least headlineShare of its words
// (text.Words, the unit titleShares counts) are words of the dump's first
// line, the page's <title> (which adds the site's name, so the share is of
// the line's words, not the title's), and the line has headlineTokens or
// more tokens (lineInfo.tokens, the metric's unit: runs of word characters,
// plus one per two CJK characters; so "桥梁重建", one word of text.Words,
// is three tokens and may repeat a headline): most articles begin right
// below their headline. The line model is fitted on this feature as it is.
// Neither value was swept: checked with the stamp features, see stampNear.
const (
	headlineShare  = 0.8
	headlineTokens = 3
)

// titleShares gives, for each line but the first (the dump's <title>), the
// share of its words that are words of the first line; 0 for the first.
// words are the lines' words (lineWords).
func titleShares(words [][]string) []float64 {
	out := make([]float64, len(words))
	if len(words) == 0 {
		return out
	}
	title := map[string]bool{}
	for _, w := range words[0] {
		title[w] = true
	}
	for i := 1; i < len(words); i++ {
		ws := words[i]
		c := 0
		for _, w := range ws {
			if title[w] {
				c++
			}
		}
		out[i] = float64(c) / float64(max(1, len(ws)))
	}
	return out
}

// A thread's posts each sit under a stamp (the poster's name and date), and
// so do the readers' comments under an article: the stamp features above
// see both alike. What tells them apart is where the prose lies between the
// stamps. Under an article most of it is in one part (the article's body,
// before the first comment's stamp) and the comments are short; in a
// thread it is spread over the posts, each closed by the next post's stamp.
// stampParts are the parts a dump's stamp lines cut it into: part 0 before
// the first stamp, part j from the j-th stamp to the line before the next.
type stampParts struct {
	of            []int     // each line's part
	prose         []float64 // each part's prose tokens
	largest       int       // the part with the most prose
	total         float64   // the dump's prose tokens
	stamps        int       // stamp lines in the dump
	gapSpread     float64   // spread of the gaps between stamps (see gapSpread), -1 under three stamps
	beforeFirst   float64   // share of the prose before the first stamp
	betweenStamps float64   // share of the prose in parts closed by a stamp (parts 1 to stamps-1)
}

// cutAtStamps cuts a dump's lines into stampParts; stampsBefore counts the
// stamp lines before each line (and the dump's at n), prose each line's
// prose tokens.
func cutAtStamps(stamps []bool, stampsBefore []int, prose []float64) stampParts {
	n := len(stamps)
	p := stampParts{of: make([]int, n), stamps: stampsBefore[n], prose: make([]float64, stampsBefore[n]+1)}
	var at []int // the stamp lines
	for i := range stamps {
		p.of[i] = stampsBefore[i+1]
		p.prose[p.of[i]] += prose[i]
		p.total += prose[i]
		if stamps[i] {
			at = append(at, i)
		}
	}
	for j, t := range p.prose {
		if t > p.prose[p.largest] {
			p.largest = j
		}
		if j >= 1 && j < p.stamps {
			p.betweenStamps += t
		}
	}
	p.beforeFirst = p.prose[0] / max(1, p.total)
	p.betweenStamps /= max(1, p.total)
	p.gapSpread = gapSpread(at)
	return p
}

// gapSpread is the coefficient of variation (standard deviation over mean)
// of the gaps in lines between consecutive stamp lines, -1 when there are
// fewer than two gaps: a thread's posts under a fixed template, or a list
// of dated items, space their stamps more evenly than a dateline above an
// article and its comments far below.
func gapSpread(at []int) float64 {
	if len(at) < 3 {
		return -1
	}
	var sum, sq float64
	for k := 1; k < len(at); k++ {
		g := float64(at[k] - at[k-1])
		sum += g
		sq += g * g
	}
	m := sum / float64(len(at)-1)
	v := sq/float64(len(at)-1) - m*m
	return math.Sqrt(max(0, v)) / m
}

// put writes line i's stamp-part features: the dump's stamp lines, the
// spread of their gaps, the share of its prose before the first stamp and
// between two stamps, the largest part's share of it; the line's part's
// share of the prose and ratio to the largest part, how many parts after
// the largest it lies (negative before it), and whether its part is closed
// by a stamp below (a thread's post or a comment, not what follows the
// last one).
func (p *stampParts) put(put func(float64), i int) {
	put(math.Log1p(float64(p.stamps)))
	put(p.gapSpread)
	put(p.beforeFirst)
	put(p.betweenStamps)
	put(p.prose[p.largest] / max(1, p.total))
	j := p.of[i]
	put(p.prose[j] / max(1, p.total))
	put(p.prose[j] / max(1, p.prose[p.largest]))
	put(float64(clamp(j-p.largest, -100, 100)))
	put(bool01(j < p.stamps))
}
