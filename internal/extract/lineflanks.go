package extract

import "math"

// An article's structured sections (a ranking table, code and its
// comments, a list of care tips under each of a guide's headings) are runs
// of short lines between two stretches of the same article's prose. The
// line's own features and its near neighbours' read such a run as a menu
// (docs/measurements/extraction.md, "Session 49" s49-dump: 11 of the 25
// worst held-out wcxb article dumps). What sets it apart is its wider
// context: the prose stretches right above and below the run, how large
// they are, whether they are one article (their words shared), and whether
// the run's own words are the words of that prose. The flank features
// read these, with the teaser features' word weights (wordWeights: an
// inverse document frequency over the dump's own prose lines, so function
// words weigh nothing in any language, with no word list).

// flankNames name the flank features, in the order flankFeatures.put
// writes them.
var flankNames = []string{
	"run_lines", "run_shape_share", "run_body_overlap", "run_flank_overlap",
	"flank_before_share", "flank_after_share", "flank_before_dist", "flank_after_dist",
	"flanks_overlap", "flanks_largest",
}

// flankFeatures holds what the flank features of a dump's lines are read
// from. A line's run is its maximal run of consecutive lines that are not
// prose (isProseBlock); a prose line's run is the line alone. Its flanks
// are the prose segments (the widest gap's, see proseGaps) of the nearest
// prose line above the run and below it.
type flankFeatures struct {
	runStart, runEnd []int     // each line's run, [start, end)
	before, after    []int     // the segment above and below each line's run, -1 for none
	runBody, runFlnk []float64 // each line's run's weighed word share found in the largest segment, in its flanks
	shapeShare       []float64 // share of each line's run with its shape, -1 for a prose line
	flanksOverlap    []float64 // see put
	seg              *proseSegments
}

// newFlankFeatures reads a dump's lines against its prose segments s (the
// widest gap's) and the teaser features' words and weights t.
func newFlankFeatures(ls []lineInfo, s *proseSegments, t *teaserFeatures) flankFeatures {
	n := len(ls)
	f := flankFeatures{runStart: make([]int, n), runEnd: make([]int, n), before: make([]int, n), after: make([]int, n),
		runBody: make([]float64, n), runFlnk: make([]float64, n), shapeShare: make([]float64, n),
		flanksOverlap: make([]float64, n), seg: s}
	segWords := segmentWords(ls, s, t.words)
	shapes := make([]int, n)
	for i := range ls {
		shapes[i] = shapeOf(&ls[i])
	}
	for i := 0; i < n; {
		j := i + 1
		if !isProseBlock(&ls[i].block) {
			for j < n && !isProseBlock(&ls[j].block) {
				j++
			}
		}
		f.readRun(ls, i, j, shapes, segWords, t)
		i = j
	}
	return f
}

// segmentWords gives, for each prose segment, the words of its prose lines.
func segmentWords(ls []lineInfo, s *proseSegments, words [][]string) []map[string]bool {
	out := make([]map[string]bool, len(s.tokens))
	for k := range out {
		out[k] = map[string]bool{}
	}
	for i, k := range s.of {
		if k >= 0 && isProseBlock(&ls[i].block) {
			for _, w := range words[i] {
				out[k][w] = true
			}
		}
	}
	return out
}

// readRun fills the flank features of the run of lines [lo, hi).
func (f *flankFeatures) readRun(ls []lineInfo, lo, hi int, shapes []int, segWords []map[string]bool, t *teaserFeatures) {
	a, b := -1, -1
	for j := lo - 1; j >= 0 && a < 0; j-- {
		if isProseBlock(&ls[j].block) {
			a = f.seg.of[j]
		}
	}
	for j := hi; j < len(ls) && b < 0; j++ {
		if isProseBlock(&ls[j].block) {
			b = f.seg.of[j]
		}
	}
	var body, bodyTotal, flank float64
	for i := lo; i < hi; i++ {
		body += t.shared[i]
		bodyTotal += t.total[i]
		for _, w := range t.words[i] {
			if (a >= 0 && segWords[a][w]) || (b >= 0 && segWords[b][w]) {
				flank += t.weight[w]
			}
		}
	}
	overlap := -1.0
	switch {
	case a >= 0 && a == b:
		overlap = 1
	case a >= 0 && b >= 0:
		overlap = wordSetOverlap(segWords[a], segWords[b], t.weight)
	}
	prose := hi-lo == 1 && isProseBlock(&ls[lo].block)
	for i := lo; i < hi; i++ {
		f.runStart[i], f.runEnd[i], f.before[i], f.after[i] = lo, hi, a, b
		f.runBody[i], f.runFlnk[i], f.flanksOverlap[i] = share(body, bodyTotal), -1, overlap
		if a >= 0 || b >= 0 {
			f.runFlnk[i] = share(flank, bodyTotal)
		}
		f.shapeShare[i] = -1
		if !prose {
			same := 0
			for j := lo; j < hi; j++ {
				same += int(bool01(shapes[j] == shapes[i]))
			}
			f.shapeShare[i] = float64(same) / float64(hi-lo)
		}
	}
}

// wordSetOverlap is the weighed share of the smaller set's words found in
// the larger (-1 when the smaller has no word that weighs): two stretches
// of one article share their topic's words, an article and a footer's
// blurb few.
func wordSetOverlap(x, y map[string]bool, weight map[string]float64) float64 {
	if len(x) > len(y) {
		x, y = y, x
	}
	var shared, total float64
	for w := range x {
		total += weight[w]
		if y[w] {
			shared += weight[w]
		}
	}
	return share(shared, total)
}

// put writes line i's flank features (flankNames): its run's lines (log;
// 0 for a prose line), the share of its run with its shape (-1 for a prose
// line), the weighed share of the run's words found in the rest of the
// largest segment and in its flanks (-1 without a word that weighs or a
// flank); each flank's share of the dump's prose tokens (0 for none) and
// its distance in lines from the line (log, farLines for none); the
// weighed overlap of the two flanks' words (1 when they are one segment,
// -1 without both), and how many flanks are the largest segment.
func (f *flankFeatures) put(put func(float64), i int, ls []lineInfo) {
	if isProseBlock(&ls[i].block) {
		put(0)
	} else {
		put(math.Log1p(float64(f.runEnd[i] - f.runStart[i])))
	}
	put(f.shapeShare[i])
	put(f.runBody[i])
	put(f.runFlnk[i])
	largest := 0.0
	for _, k := range [2]int{f.before[i], f.after[i]} {
		if k < 0 {
			put(0)
			continue
		}
		put(f.seg.tokens[k] / max(1, f.seg.total))
		largest += bool01(k == f.seg.largest)
	}
	put(f.distance(f.before[i], i-f.lastOf(f.before[i])))
	put(f.distance(f.after[i], f.firstOf(f.after[i])-i))
	put(f.flanksOverlap[i])
	put(largest)
}

// lastOf and firstOf are segment k's last and first lines (-1 for none).
func (f *flankFeatures) lastOf(k int) int {
	if k < 0 {
		return -1
	}
	return f.seg.last[k]
}

func (f *flankFeatures) firstOf(k int) int {
	if k < 0 {
		return -1
	}
	return f.seg.first[k]
}

// distance is the log of d lines to flank k, log(farLines) for no flank.
func (f *flankFeatures) distance(k, d int) float64 {
	if k < 0 {
		return math.Log1p(farLines)
	}
	return math.Log1p(float64(min(farLines, max(0, d))))
}
