package extract

import "math"

// A listing's or a shop's items and its menus are both runs of lines that
// are not prose, and line by line they look alike (short, title-cased, few
// function words). What tells them apart on any site, in any language, is how
// the run sits in its own page: a menu or a footer's links are printed again
// elsewhere in the dump (the header's menu in the footer, a breadcrumb over
// and under the list) and sit at the dump's edges with few tokens, while an
// item grid is the bulk of the page's text, in its middle, its lines printed
// once (a button such as "Add to cart" repeats, but a few lines apart, at the
// grid's period). The features below read, for each line, how far away its
// text is printed again, the share of its neighbours printed again far away,
// and its run of non-prose lines against the rest of its dump
// (docs/measurements/extraction.md, "Session 31"). They read no word list.
// A grid and the footer under it often make one run (nothing but short lines
// between them), so the run's measures are blurred where the echo features
// are not.

// echoFarLines is the distance (in lines) beyond which a line's text printed
// again is a page's template printed twice rather than an item's button or
// label repeated at the list's period: three periods of the longest teaser
// the shape features look for (shapeRepeats times maxShapePeriod lines).
const echoFarLines = shapeRepeats * maxShapePeriod

// echoWindow is how many lines either side echo_far_win reads: about one
// menu's length (menus hold some 5-15 entries).
const echoWindow = 5

// runNames name the non-prose run features, in the order runFeatures.put
// writes them.
var runNames = []string{
	"echo_nearest", "echo_far_win", "np_run_lines", "np_run_token_share", "np_run_largest", "np_run_echo_far",
	"np_run_distinct", "np_run_edge_dist", "np_run_mean_tokens",
}

// npRun is one run of consecutive non-prose lines of a dump: lines
// [start, end) and what the run features read of it.
type npRun struct {
	start, end int
	tokens     float64
	echoFar    float64 // share of its lines whose text is printed again echoFarLines or more away
	distinct   float64 // distinct texts per line
	largest    bool    // the dump's non-prose run with the most tokens
}

// runFeatures holds a dump's non-prose runs and, per line, the run it is in
// (-1 for a prose line) and the distance to the nearest other line of its
// text (-1 for none).
type runFeatures struct {
	runs        []npRun
	runOf       []int
	nearest     []int
	n           int
	totalTokens float64
}

// newRunFeatures measures each line's echoes and cuts the dump's lines into
// runs of non-prose lines (see isProseBlock), each measured against the
// whole dump.
func newRunFeatures(ls []lineInfo) runFeatures {
	n := len(ls)
	rf := runFeatures{runOf: make([]int, n), nearest: echoDistances(ls), n: n}
	for i := range ls {
		rf.totalTokens += float64(ls[i].tokens)
		rf.runOf[i] = -1
	}
	best := -1
	for i := 0; i < n; {
		if isProseBlock(&ls[i].block) {
			i++
			continue
		}
		r := npRun{start: i}
		for i < n && !isProseBlock(&ls[i].block) {
			i++
		}
		r.end = i
		r.measure(ls, rf.nearest)
		for k := r.start; k < r.end; k++ {
			rf.runOf[k] = len(rf.runs)
		}
		if best < 0 || r.tokens > rf.runs[best].tokens {
			best = len(rf.runs)
		}
		rf.runs = append(rf.runs, r)
	}
	if best >= 0 {
		rf.runs[best].largest = true
	}
	return rf
}

// echoDistances gives, for each line, how many lines away the nearest other
// line of the same text lies; -1 when its text is printed once.
func echoDistances(ls []lineInfo) []int {
	out := make([]int, len(ls))
	last := make(map[uint64]int, len(ls))
	for i := range ls {
		out[i] = -1
		if j, ok := last[ls[i].fp]; ok {
			out[i] = i - j
			if out[j] < 0 || i-j < out[j] {
				out[j] = i - j
			}
		}
		last[ls[i].fp] = i
	}
	return out
}

// isEchoFar reports whether a line's nearest echo (see echoDistances) lies
// echoFarLines or more away.
func isEchoFar(nearest int) bool { return nearest >= echoFarLines }

// measure fills a run's tokens, its distinct texts and the share of its lines
// printed again far away (nearest: echoDistances).
func (r *npRun) measure(ls []lineInfo, nearest []int) {
	texts := make(map[uint64]bool, r.end-r.start)
	far := 0
	for k := r.start; k < r.end; k++ {
		texts[ls[k].fp] = true
		r.tokens += float64(ls[k].tokens)
		far += int(bool01(isEchoFar(nearest[k])))
	}
	lines := float64(r.end - r.start)
	r.echoFar = float64(far) / lines
	r.distinct = float64(len(texts)) / lines
}

// put writes line i's echo and run features; the run's are all -1 for a
// prose line (in no run).
func (rf *runFeatures) put(put func(float64), i int) {
	if d := rf.nearest[i]; d >= 0 {
		put(math.Log1p(float64(d)))
	} else {
		put(-1)
	}
	var far, lines float64
	for j := max(0, i-echoWindow); j <= min(rf.n-1, i+echoWindow); j++ {
		if j != i {
			far += bool01(isEchoFar(rf.nearest[j]))
			lines++
		}
	}
	put(far / max(1, lines))
	ri := rf.runOf[i]
	if ri < 0 {
		for range len(runNames) - 2 {
			put(-1)
		}
		return
	}
	r := &rf.runs[ri]
	n := r.end - r.start
	put(math.Log1p(float64(n)))
	put(r.tokens / max(1, rf.totalTokens))
	put(bool01(r.largest))
	put(r.echoFar)
	put(r.distinct)
	put(float64(min(r.start, rf.n-r.end)) / float64(max(1, rf.n)))
	put(math.Log1p(r.tokens / float64(n)))
}
