package extract

import (
	"fmt"
	"hash/fnv"
	"math"
	"sync"
)

// A two-state (content / other) sequence decode over a dump's lines
// (issue 13, session 22): in place of keeping each line at the dump's
// threshold and bridging short gaps (bridgeLines), the lines' states are
// chosen together by Viterbi, as Web2Text decodes its unary and pairwise
// potentials: a line in the content state scores logit(p) - logit(th)
// (th the dump's threshold, so with no switch cost the decode is plain
// thresholding), and each change of state between two adjacent lines
// costs LineSwitchCost, or LineStopSwitchCost when a stamp line or a
// comment-section header lies at the change (a post or a comment begins
// there: the same stops as the bridge's).

// lineStops marks the stamp lines and comment-section headers of a dump:
// where a post or a comment begins (stampLines, isCommentHeader).
func lineStops(ls []lineInfo) []bool {
	_, bylines := lineCues(ls)
	stop := stampLines(ls, bylines)
	for j := range ls {
		stop[j] = stop[j] || isCommentHeader(ls[j].text, int(ls[j].tokens))
	}
	return stop
}

// logitClip bounds the probabilities the decode reads away from 0 and 1,
// whose logits are infinite: 1e-4 is far below any threshold on the grid
// (0.05), so it only keeps the sums finite.
const logitClip = 1e-4

func logit(p float64) float64 {
	p = math.Min(math.Max(p, logitClip), 1-logitClip)
	return math.Log(p / (1 - p))
}

// decodeLines returns the content states of a dump's lines by Viterbi: the
// sequence of states that maximises the sum of logit(probs[i]) - logit(th)
// over the lines in the content state, less switch for each change of
// state between two adjacent lines (stopSwitch when a line of stop lies
// after the first and up to the second). Lines with ruled set are never
// content and are left out of the chain (a byline or a boilerplate line
// inside an article does not break it, as it does not stop the bridge).
func decodeLines(probs []float64, th float64, ruled, stop []bool, switchCost, stopSwitch float64) []bool {
	n := len(probs)
	keep := make([]bool, n)
	lt := logit(th)
	// back[i][s] is the state of the previous chained line when line i is
	// in state s on the best path.
	type step struct {
		i    int
		back [2]int8
	}
	var path []step
	var score [2]float64 // best score ending in state 0 (other), 1 (content)
	prev := -1
	atStop := false // a stop line since the previous chained line
	for i := range n {
		if stop != nil && stop[i] {
			atStop = true
		}
		if ruled[i] {
			continue
		}
		u := logit(probs[i]) - lt
		if prev < 0 {
			score = [2]float64{0, u}
			path = append(path, step{i, [2]int8{-1, -1}})
		} else {
			c := switchCost
			if atStop {
				c = stopSwitch
			}
			var next [2]float64
			var back [2]int8
			for s := range 2 {
				stay, other := score[s], score[1-s]-c
				if stay >= other {
					next[s], back[s] = stay, int8(s)
				} else {
					next[s], back[s] = other, int8(1-s)
				}
			}
			next[1] += u
			score = next
			path = append(path, step{i, back})
		}
		prev, atStop = i, false
	}
	if len(path) == 0 {
		return keep
	}
	s := int8(0)
	if score[1] > score[0] {
		s = 1
	}
	for k := len(path) - 1; k >= 0; k-- {
		keep[path[k].i] = s == 1
		s = path[k].back[s]
	}
	return keep
}

// decodeKeep is keepLines with the decode: the lines a rule drops
// (boilerplate, isLineChrome) stay dropped, the others are decoded.
func (m *Model) decodeKeep(ls []lineInfo, p []float64, th float64, t *Template) []bool {
	ruled := make([]bool, len(ls))
	for i := range ls {
		ruled[i] = t.Boilerplate(ls[i].fp) || isLineChrome(&ls[i])
	}
	return decodeLines(p, th, ruled, lineStops(ls), m.LineSwitchCost, m.LineStopSwitchCost)
}

// lineProbsMemo, when set (MemoLineProbs), keeps each dump's line
// probabilities by its lines' text, so that a study rescoring the same
// dumps under many settings of the decode computes them once. Measurement
// only: extraction never sets it.
var lineProbsMemo struct {
	sync.Mutex
	on bool
	m  map[memoK][]float64
}

type memoK struct {
	f *forest
	h uint64
}

// MemoLineProbs turns the line probabilities' memo on or off (off clears
// it). The memo is keyed by the dump's text only, so it must be cleared
// before the model changes: for studies that vary only how lines are
// chosen from the probabilities (eval's TestDumpRescore grid).
func MemoLineProbs(on bool) {
	lineProbsMemo.Lock()
	defer lineProbsMemo.Unlock()
	lineProbsMemo.on, lineProbsMemo.m = on, nil
}

// memoLineProbs returns m.lineProbs through the memo when it is on.
func (m *Model) memoLineProbs(ls []lineInfo, page []float64, probs func() []float64) []float64 {
	lineProbsMemo.Lock()
	on := lineProbsMemo.on
	lineProbsMemo.Unlock()
	if !on {
		return probs()
	}
	k := memoK{m.lines, memoKey(ls, page)}
	lineProbsMemo.Lock()
	p, ok := lineProbsMemo.m[k]
	lineProbsMemo.Unlock()
	if ok {
		return p
	}
	p = probs()
	lineProbsMemo.Lock()
	if lineProbsMemo.m == nil {
		lineProbsMemo.m = map[memoK][]float64{}
	}
	lineProbsMemo.m[k] = p
	lineProbsMemo.Unlock()
	return p
}

// SetLineDecode sets the decode's switch costs (LineSwitchCost,
// LineStopSwitchCost) and whether the bridge runs after it (bridgeLines
// over the decoded lines): for studies of the decode over kept models.
func (m *Model) SetLineDecode(switchCost, stopSwitch float64, bridge bool) {
	m.LineSwitchCost, m.LineStopSwitchCost, m.LineDecodeBridge = switchCost, stopSwitch, bridge
}

func memoKey(ls []lineInfo, page []float64) uint64 {
	h := fnv.New64a()
	for i := range ls {
		h.Write([]byte(ls[i].text))
		h.Write([]byte{'\n'})
	}
	for _, v := range page {
		var b [8]byte
		u := math.Float64bits(v)
		for k := range b {
			b[k] = byte(u >> (8 * k))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

// decodeSwitchCosts is the grid of switch costs the fit chooses
// LineSwitchCost on (chooseLineDecode), in logit units: 0.25 lets a line a
// quarter of a logit over the threshold stand alone; at 3 a run of weak
// lines of logit -1 (p 0.16 at a threshold of 0.35) up to five lines long
// is kept between two strong ones.
var decodeSwitchCosts = []float64{0.25, 0.5, 0.75, 1, 1.5, 2, 3}

// chooseLineDecode sets m's decode (LineSwitchCost, LineStopSwitchCost; both
// 0: the threshold and the bridge) by the F1 of the fitting dumps' kept
// lines (keptF1's) under out-of-fold line probabilities: the first stage
// fitted on each half of the sites (innerFolds) reads the other half. The
// decode's costs are in logit units around a threshold, so they are chosen
// where the probabilities are as sure as on unseen pages; the dumps'
// thresholds for it are chosen on the same out-of-fold probabilities (one,
// then the blend by article probability pa, as fitLines does in sample).
// Each cost of decodeSwitchCosts is tried with the stops free (a change of
// state at a stamp line or a comment header costs 0) and not (the same
// cost), each with and without the bridge after it.
func (m *Model) chooseLineDecode(d staged, samples []*Sample, pa []float64, opt FitOptions) error {
	n := len(samples)
	fold := innerFolds(n, d.site)
	oof := make([][]float64, n)
	for half := range 2 {
		f, err := fitStagedRows(d, n, opt, func(k int) bool { return fold(k) != half })
		if err != nil {
			return fmt.Errorf("line classifier on half %d of the sites: %w", half, err)
		}
		for k := range n {
			if fold(k) != half {
				continue
			}
			p := make([]float64, d.items(k))
			for i := range p {
				p[i] = f.Predict(d.rows[k][i*d.nf : (i+1)*d.nf])
			}
			oof[k] = p
		}
	}
	one := bestThreshold(samples, oof)
	ta, to := blendThresholds(samples, oof, pa, one)
	th := make([]float64, n)
	ruled := make([][]bool, n)
	stops := make([][]bool, n)
	for k, s := range samples {
		th[k] = pageThreshold(oof[k], blendThreshold(ta, to, pa[k]))
		ruled[k] = make([]bool, len(s.lines))
		for i := range s.lines {
			ruled[k][i] = isLineChrome(&s.lines[i])
		}
		stops[k] = lineStops(s.lines)
	}
	score := func(sw, stop float64, bridge bool) float64 {
		keeps := make([][]bool, n)
		for k, s := range samples {
			if sw > 0 {
				keeps[k] = decodeLines(oof[k], th[k], ruled[k], stops[k], sw, stop)
			} else {
				keeps[k] = make([]bool, len(s.lines))
				for i := range s.lines {
					keeps[k][i] = oof[k][i] >= th[k] && !ruled[k][i]
				}
			}
			if bridge {
				bridgeLines(s.lines, oof[k], th[k], keeps[k], nil)
			}
		}
		return keptF1Of(samples, func(k, i int) bool { return keeps[k][i] })
	}
	bestSw, bestStop, bestF := 0.0, 0.0, score(0, 0, true)
	bestBridge := true
	for _, sw := range decodeSwitchCosts {
		for _, stop := range []float64{0, sw} {
			for _, br := range []bool{false, true} {
				if f := score(sw, stop, br); f > bestF {
					bestSw, bestStop, bestBridge, bestF = sw, stop, br, f
				}
			}
		}
	}
	m.LineSwitchCost, m.LineStopSwitchCost, m.LineDecodeBridge = bestSw, bestStop, bestSw > 0 && bestBridge
	return nil
}

// keptF1Of is keptF1 for the items kept by keep(k, i).
func keptF1Of(samples []*Sample, keep func(k, i int) bool) float64 {
	var sp, sr float64
	var np, nr int
	for k, s := range samples {
		var keptTok, keptGold, gold float64
		for i := range s.cover {
			tok := float64(s.tokens(i))
			g := s.cover[i] * tok
			gold += g
			if keep(k, i) {
				keptTok += tok
				keptGold += g
			}
		}
		if keptTok > 0 {
			sp += keptGold / keptTok
			np++
		}
		if gold > 0 {
			sr += keptGold / gold
			nr++
		}
	}
	p, r := sp/float64(max(1, np)), sr/float64(max(1, nr))
	return 2 * p * r / math.Max(p+r, 1e-9)
}
