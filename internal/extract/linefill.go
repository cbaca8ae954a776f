package extract

// contentRunLines is how many lines a run of lines that are not prose must
// hold for fillContentRuns to read it as a whole: the items of a listing, a
// table's cells, a shop grid's names and prices, a reference page's rows.
// Below it the bridge (bridgeLines, gaps of up to runBridge lines) is the
// rule. Six is session 29's "run of six short lines or more", where wcxb's
// non-article dumps hold most of the gold they lose; 12 was measured beside
// it on the quick check's fold models (session 56,
// docs/measurements/extraction.md): wcxb +.0024 against +.0027 at 6, both
// without the stops and the span, the news sets alike within .0005.
const contentRunLines = 6

// contentRunShare is the mean probability, as a share of the dump's line
// threshold, at which a run of contentRunLines lines or more that are not
// prose reads as content: a listing's items score 0.1-0.4 under thresholds
// of 0.28-0.43, a menu, a language list or a footer's links 0.01-0.1, read
// on the 20 wcxb non-article dumps that lose the most gold held out
// (session 56). 0.4-0.7 were screened on the held-out line traces (tokens
// kept, not the shingle F1): all gain on wcxb, 0.4 the most and 0.7 a
// third of it, the news sets within .0005; 0.5 was taken before the fold
// models were rescored, and no other value was rescored.
const contentRunShare = 0.5

// fillContentRuns keeps, in keep (the lines at the dump's threshold th and
// the bridged ones), the lines of the runs that read as content as a whole:
// a maximal run of at least contentRunLines lines that are neither prose
// (isProseBlock) nor stops (runStops: a thread's posts and an article's
// comments are cut at them), lying after the dump's first kept line and
// before its last, whose mean probability is at least contentRunShare of
// th. Its bridgeable lines are kept (at lineBridgeShare of th or more, not
// boilerplate nor chrome); its weakest (a menu entry inside a table, a
// rating widget's label) stay out. probs are the lines' probabilities. The
// bridge reads a gap of a few lines between two kept lines; this reads a
// long run by its mean, which a listing's items reach and the menus and
// link lists around them do not. Measured on the quick check's two site
// folds, each dump read by the fold model that never saw its site (`eval
// extract --text --fold-models`; docs/measurements/extraction.md, "Session
// 56"), on two fits (seeds 1 and 2): wcxb 0.8038 -> 0.8068 and 0.8015 ->
// 0.8045 (listings +.017 on both), five news pooled +.0002 and +.0001,
// cleaneval +.0006 and +.0002, readability +.0011 on both. Its losses: a
// related-posts list or a sidebar between the article and chrome kept below
// it, which the kept span lets in. stops gives the dump's stops (runStops).
func fillContentRuns(ls []lineInfo, probs []float64, th float64, keep []bool, t *Template, stops *lineStops) {
	first, last := keptSpan(keep)
	if first < 0 || !hasLongRun(ls, first, last) {
		return // stops only cut runs shorter: the dump's stops are not needed
	}
	stop := stops.get()
	outside := func(i int) bool { return stop[i] || isProseBlock(&ls[i].block) }
	for i := first + 1; i < last; {
		if outside(i) {
			i++
			continue
		}
		j, sum := i, 0.0
		for j < last && !outside(j) {
			sum += probs[j]
			j++
		}
		if j-i >= contentRunLines && sum >= contentRunShare*th*float64(j-i) {
			for k := i; k < j; k++ {
				keep[k] = keep[k] || bridgeable(ls, probs, th, t, k)
			}
		}
		i = j
	}
}

// hasLongRun reports whether the lines strictly between first and last hold
// contentRunLines lines or more in a row that are not prose: without one,
// no run fillContentRuns reads can be long enough, whatever its stops.
func hasLongRun(ls []lineInfo, first, last int) bool {
	n := 0
	for i := first + 1; i < last; i++ {
		if isProseBlock(&ls[i].block) {
			n = 0
			continue
		}
		if n++; n >= contentRunLines {
			return true
		}
	}
	return false
}

// keptSpan returns the first and last lines keep keeps, -1 and -1 for none.
func keptSpan(keep []bool) (first, last int) {
	first, last = -1, -1
	for i, k := range keep {
		if k {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}
