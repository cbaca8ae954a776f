package extract

// An article that goes on in repeated boxes (ranked entries each in a card
// with a heading, sections in sibling <section>s, a table's rows of facts)
// has its blocks scored one by one, and a box whose own text is short looks
// like a related-story teaser: the body's later boxes fall under the
// threshold (docs/measurements/extraction.md, "Session 53" s53-recall: 10
// of the 25 held-out article pages that lose the most gold words, their
// boxes at 0.1-0.75 of the threshold). Session 47 gave the classifier the
// run's text as a whole (its share of the page's unlinked text, its link
// density) and it did not separate the body's boxes from teasers. The box
// run features say instead how the block's box stands beside the other
// boxes of its run: whether those boxes hold prose, how high the best of
// them scores as an article container (the Readability-style score the
// page's top container is chosen by), and whether the page's top container
// itself lies in a box of the run (the article's own box repeats). They are
// read from itemRuns's boxes (the bounded climb every page gets, whatever
// its kind) in one pass over the blocks.

// boxRunNames name the box run features, appended after the page features
// so that a model fitted before them (which reads the first features by
// their place) still reads the same columns.
var boxRunNames = []string{"run_prose_box_share", "run_sibling_best_score", "run_holds_top"}

// boxRunNone is every box run feature of a block in no item run: no value
// a block of a run takes (shares, scores and the top's place are 0 or
// more).
const boxRunNone = -1

// runSummary sums one item run's boxes: how many hold a block, how many
// hold a prose block (isProseBlock), and the two best container scores
// among its boxes, with the box of the best, so that every box can read the
// best of the others.
type runSummary struct {
	boxes, proseBoxes int
	best, second      float64
	bestBox           int32
}

// boxRuns holds what the box run features of a page's blocks are read from.
type boxRuns struct {
	runs, boxes []int32      // each block's run and box (itemRuns), -1 for none
	sums        []runSummary // by run
	topRun      int32        // the run one of whose boxes holds the page's top container, -1 for none
	topBox      int32        // that box, -1 for none
	topScore    float64      // the top container's score (the scores' scale)
}

// newBoxRuns reads the item runs of a page (the bounded climb of a page not
// called a list: the features do not wait for the page's kind) and sums
// their boxes; top is the element of the highest container score
// (topScore), -1 for none.
func newBoxRuns(pb *pageBlocks, top int32, topScore float64) *boxRuns {
	runs, boxes, n := itemRuns(pb, false)
	br := &boxRuns{runs: runs, boxes: boxes, sums: make([]runSummary, n), topRun: -1, topBox: -1,
		topScore: max(1, topScore)}
	seen := make(map[int32]bool) // boxes counted
	prose := make(map[int32]bool)
	runOfBox := make(map[int32]int32)
	for i := range pb.blocks {
		r, a := runs[i], boxes[i]
		if r < 0 {
			continue
		}
		s := &br.sums[r]
		if !seen[a] {
			seen[a] = true
			runOfBox[a] = r
			s.boxes++
			s.addScore(a, pb.elems[a].score)
		}
		if !prose[a] && isProseBlock(&pb.blocks[i]) {
			prose[a] = true
			s.proseBoxes++
		}
	}
	for e := top; e >= 0; e = pb.elems[e].parent {
		if r, ok := runOfBox[e]; ok {
			br.topRun, br.topBox = r, e
			break
		}
	}
	return br
}

// addScore counts box a's container score among the run's two best.
func (s *runSummary) addScore(a int32, score float64) {
	switch {
	case s.boxes == 1 || score > s.best:
		if s.boxes > 1 {
			s.second = s.best
		}
		s.best, s.bestBox = score, a
	case score > s.second:
		s.second = score
	}
}

// put appends block i's box run features: the share of its run's boxes
// that hold prose, the best container score among the other boxes of its
// run over the page's top score, and where the page's top container lies:
// 1 in another box of its run, 0.5 in its own box, 0 in no box of its run.
// A block in no run gets boxRunNone for each.
func (br *boxRuns) put(put func(float64), i int) {
	r := br.runs[i]
	if r < 0 {
		for range boxRunNames {
			put(boxRunNone)
		}
		return
	}
	s := &br.sums[r]
	put(float64(s.proseBoxes) / float64(max(1, s.boxes)))
	others := s.best
	if s.bestBox == br.boxes[i] {
		others = s.second
	}
	put(others / br.topScore)
	switch {
	case br.topRun != r:
		put(0)
	case br.topBox == br.boxes[i]:
		put(0.5)
	default:
		put(1)
	}
}
