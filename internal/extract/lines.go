package extract

import (
	"bytes"
	"strings"
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
		"starts_lower", "pipes", "text_words_mean", "text_words_min", "text_words_max", "ends_colon", "comment_header", "heuristic_score", "same_text_in_page",
		"pos_lines", "pos_tokens", "first_line", "in_best_run", "run_start_dist", "run_end_dist",
		"prose_before", "prose_after", "page_lines", "page_tokens", "page_prose_share",
	}
	for _, off := range []string{"m3", "m2", "m1", "p1", "p2", "p3"} {
		for _, f := range []string{"tokens", "ends_sentence", "chrome", "heuristic_score"} {
			names = append(names, off+"_"+f)
		}
	}
	return append(names, "win5_prose", "win5_tokens", "win10_prose")
}()

var numLineFeatures = len(lineFeatureNames)

// lineFeatures returns the feature vectors of a dump's lines, in one flat
// slice.
func lineFeatures(ls []lineInfo, arena []int32, textLogOdds []float64) []float64 {
	n := len(ls)
	out := make([]float64, n*numLineFeatures)
	if n == 0 {
		return out
	}
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
		credit, byline := false, false
		if l.tokens <= 80 {
			credit, byline = textCues(&l.block)
		}
		put(bool01(credit))
		put(bool01(byline))
		put(bool01(startsLower(l.text)))
		put(float64(countByte(l.text, '|')))
		tm, tlo, thi := textWordScores(arena[l.twords[0]:l.twords[1]], textLogOdds)
		put(tm)
		put(tlo)
		put(thi)
		put(bool01(strings.HasSuffix(l.text, ":")))
		put(bool01(isCommentHeader(l.text, int(l.tokens))))
		put(clampF(l.line.score, -100, 100))
		put(float64(fpCount[l.fp] - 1))
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
