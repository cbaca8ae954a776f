package extract

import (
	"math"
	"slices"
	"sort"
)

// The bounded blend of line thresholds: the pair (article, other) of
// ChooseLineBlend with the other threshold held at or above the article
// threshold minus a margin, the margin itself chosen by how well each
// candidate's pair, chosen without one held-out group of dumps, reads that
// group (a nested out-of-fold choice), so that no single set sets it.
// Session 36 found the unbounded pair chosen on out-of-fold probabilities
// running to the grid's ends (article 0.425, other 0.150) where the fits'
// own pairs stay within .125 of each other
// (docs/measurements/extraction.md, sessions 30, 36 and 37).

// gridCells is the number of (article, other) pairs of blendThresholds'
// grid.
const gridCells = (thresholdSteps + 1) * (thresholdSteps + 1)

// blendSums are keptF1's sums over a group of dumps at every pair of the
// grid, cell sa*(thresholdSteps+1)+so: the summed per-dump precision and
// recall and how many dumps have each.
type blendSums struct {
	sp, sr []float64
	np, nr []int
}

// newBlendSums is an empty blendSums.
func newBlendSums() *blendSums {
	return &blendSums{sp: make([]float64, gridCells), sr: make([]float64, gridCells), np: make([]int, gridCells), nr: make([]int, gridCells)}
}

// add adds o's sums to b's.
func (b *blendSums) add(o *blendSums) {
	for c := range gridCells {
		b.sp[c] += o.sp[c]
		b.sr[c] += o.sr[c]
		b.np[c] += o.np[c]
		b.nr[c] += o.nr[c]
	}
}

// f1 is keptF1 of the summed dumps at cell c.
func (b *blendSums) f1(c int) float64 {
	p, r := b.sp[c]/float64(max(1, b.np[c])), b.sr[c]/float64(max(1, b.nr[c]))
	return 2 * p * r / math.Max(p+r, 1e-9)
}

// cellThresholds is the (article, other) pair of grid cell c.
func cellThresholds(c int) (float64, float64) {
	return thresholdAt(c / (thresholdSteps + 1)), thresholdAt(c % (thresholdSteps + 1))
}

// addDump adds one dump's precision and recall at every cell to b, the
// dump's threshold at a cell being the cell's pair blended by its article
// probability pa (as keptF1 reads it under blendThresholds).
func (b *blendSums) addDump(s *Sample, probs []float64, pa float64) {
	order := make([]int, len(probs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return probs[order[x]] > probs[order[y]] })
	sorted := make([]float64, len(order)) // probabilities, highest first
	keptTok := make([]float64, len(order)+1)
	keptGold := make([]float64, len(order)+1)
	for j, i := range order {
		tok := float64(s.tokens(i))
		sorted[j] = probs[i]
		keptTok[j+1] = keptTok[j] + tok
		keptGold[j+1] = keptGold[j] + s.cover[i]*tok
	}
	gold := keptGold[len(order)]
	for c := range gridCells {
		ta, to := cellThresholds(c)
		t := blendThreshold(ta, to, pa)
		n, _ := slices.BinarySearchFunc(sorted, t, func(p, t float64) int {
			if p >= t {
				return -1
			}
			return 1
		})
		if keptTok[n] > 0 {
			b.sp[c] += keptGold[n] / keptTok[n]
			b.np[c]++
		}
		if gold > 0 {
			b.sr[c] += keptGold[n] / gold
			b.nr[c]++
		}
	}
}

// bestBoundedCell is the cell of b's best F1 among the pairs whose other
// threshold is at or above the article threshold minus margin: the best
// single threshold (the grid's diagonal) unless a pair beats it, as
// blendThresholds chooses.
func (b *blendSums) bestBoundedCell(margin float64) int {
	best, bestF := 0, -1.0
	for s := 0; s <= thresholdSteps; s++ {
		c := s*(thresholdSteps+1) + s
		if f := b.f1(c); f > bestF {
			best, bestF = c, f
		}
	}
	for c := range gridCells {
		ta, to := cellThresholds(c)
		if to < ta-margin-1e-9 {
			continue
		}
		if f := b.f1(c); f > bestF {
			best, bestF = c, f
		}
	}
	return best
}

// ChooseBoundedLineBlend sets m's line thresholds as ChooseLineBlend does
// (LineThreshold on every dump; the pair on the dumps with an article
// probability pa[k]), but with the pair's other threshold held at or above
// its article threshold minus a margin, one of margins (in order of
// preference on a tie). The margin is chosen out of fold: group[k] names
// the held-out group of dump k (the fold whose model gave its
// probabilities); for each margin, each group is read at the pair chosen
// on the other groups, and the margin whose pooled F1 over the groups so
// read is best is kept. It returns the margin and that F1 of each margin
// (NaN each, and the last margin, with fewer than two groups). HTML samples
// are not read; with no dump at all m is unchanged and margin is NaN.
func (m *Model) ChooseBoundedLineBlend(samples []*Sample, probs [][]float64, pa []float64, group []int, margins []float64) (margin float64, heldOutF1 []float64) {
	heldOutF1 = make([]float64, len(margins))
	for i := range heldOutF1 {
		heldOutF1[i] = math.NaN()
	}
	var ts []*Sample
	var tp [][]float64
	sums := map[int]*blendSums{}
	for k, s := range samples {
		if s.pb != nil {
			continue
		}
		ts, tp = append(ts, s), append(tp, probs[k])
		if math.IsNaN(pa[k]) {
			continue
		}
		if sums[group[k]] == nil {
			sums[group[k]] = newBlendSums()
		}
		sums[group[k]].addDump(s, probs[k], pa[k])
	}
	if len(ts) == 0 {
		return math.NaN(), heldOutF1
	}
	m.SetOneLineThreshold(bestThreshold(ts, tp))
	if len(sums) == 0 || len(margins) == 0 {
		return math.NaN(), heldOutF1
	}
	margin = margins[len(margins)-1]
	if len(sums) > 1 {
		heldOutF1 = marginsHeldOut(sums, margins)
		best := -1.0
		for i, f := range heldOutF1 {
			if f > best {
				margin, best = margins[i], f
			}
		}
	}
	all := newBlendSums()
	for _, g := range sortedGroups(sums) {
		all.add(sums[g])
	}
	m.LineArticleThreshold, m.LineOtherThreshold = cellThresholds(all.bestBoundedCell(margin))
	return margin, heldOutF1
}

// marginsHeldOut is, for each margin, the F1 of every group of sums read
// at the bounded pair chosen on the other groups, pooled over the groups.
func marginsHeldOut(sums map[int]*blendSums, margins []float64) []float64 {
	groups := sortedGroups(sums)
	out := make([]float64, len(margins))
	for i, margin := range margins {
		var sp, sr float64
		var np, nr int
		for _, g := range groups {
			others := newBlendSums()
			for _, o := range groups {
				if o != g {
					others.add(sums[o])
				}
			}
			c := others.bestBoundedCell(margin)
			sp, sr, np, nr = sp+sums[g].sp[c], sr+sums[g].sr[c], np+sums[g].np[c], nr+sums[g].nr[c]
		}
		p, r := sp/float64(max(1, np)), sr/float64(max(1, nr))
		out[i] = 2 * p * r / math.Max(p+r, 1e-9)
	}
	return out
}

// sortedGroups is the groups of sums in order, so that sums add up the
// same way on every run.
func sortedGroups(sums map[int]*blendSums) []int {
	var gs []int
	for g := range sums {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	return gs
}
