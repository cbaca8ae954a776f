package extract

import (
	"fmt"
	"math"
	"slices"
)

// BlockDecoder chooses a page's blocks by a two-state (content / other)
// Viterbi decode over its blocks in document order, instead of the
// threshold and bridge (bridgeBlocks): each block's unary score is
// logit(p) - logit(t), t the page's threshold, and every change of state
// between two adjacent blocks costs Near when their containers meet within
// Levels elements of both, Far otherwise (a list item or subheading inside
// an article's body meets the paragraphs around it a level or two up; a
// sidebar or footer meets the article only at the page's wrapper). With
// both costs 0 it keeps the blocks at t or above, plain thresholding.
// The costs are fitted (ChooseDecoder), never set by hand: issue 13,
// session 22 (README).
type BlockDecoder struct {
	Near   float64 `json:"near"`
	Far    float64 `json:"far"`
	Levels int     `json:"levels"`
	// Tokens, when above 0, scales a block's unary score by its share of
	// Tokens tokens (1 at Tokens or more): a short block (a list item, a
	// subheading, a share button) carries little evidence either way, so
	// a run of them follows its neighbours.
	Tokens int `json:"tokens,omitempty"`
	// Bridge, when set, keeps after the decode the blocks at bridgeShare
	// of the threshold or above that lie between two decoded ones, as
	// bridgeBlocks does between blocks over the threshold.
	Bridge bool `json:"bridge,omitempty"`
	// Command is how the costs were chosen, for the reader.
	Command string `json:"command,omitempty"`
}

func (d BlockDecoder) String() string {
	return fmt.Sprintf("near %.2f far %.2f levels %d tokens %d bridge %v", d.Near, d.Far, d.Levels, d.Tokens, d.Bridge)
}

// decodeProbClamp keeps logit finite: a dropped block's probability is 0
// and the trees' leaves reach 0.999 and over. 0.001 is under the lowest
// threshold of the grid (0.05) by a factor of 50, so no block that a
// threshold would keep is clamped.
const decodeProbClamp = 0.001

func logit(p float64) float64 {
	p = min(max(p, decodeProbClamp), 1-decodeProbClamp)
	return math.Log(p / (1 - p))
}

// decodedBlocks returns which blocks to keep at threshold th by d, the
// blocks dropped whatever their probability (see keptBlocks) left out of
// the chain: they are never kept and do not cut it, as they neither anchor
// nor stop the bridge.
func decodedBlocks(pb *pageBlocks, probs []float64, th float64, d *BlockDecoder, dropped func(i int) bool) []bool {
	idx := make([]int, 0, len(probs))
	for i := range probs {
		if dropped(i) {
			probs[i] = 0
			continue
		}
		idx = append(idx, i)
	}
	u := make([]float64, len(idx))
	lt := logit(th)
	for k, i := range idx {
		u[k] = (logit(probs[i]) - lt) * d.tokenWeight(pb.blocks[i].tokens)
	}
	near := boundaryNear(pb, idx, d.Levels)
	keep := make([]bool, len(probs))
	for k, c := range viterbi2(u, func(k int) float64 {
		if near[k] {
			return d.Near
		}
		return d.Far
	}) {
		keep[idx[k]] = c
	}
	if d.Bridge {
		bridgeKept(probs, th, keep)
	}
	if !slices.Contains(keep, true) {
		// A page's only strong block alone in its chrome (a short post's
		// one paragraph): the decode drops it and the page would give no
		// text; the threshold and bridge keep what they keep.
		return bridgeBlocks(probs, th)
	}
	return keep
}

// bridgeKept also keeps the blocks at bridgeShare*th or above that lie
// between two kept blocks.
func bridgeKept(probs []float64, th float64, keep []bool) {
	first, last := len(keep), -1
	for i, k := range keep {
		if k {
			first, last = min(first, i), i
		}
	}
	for i := first + 1; i < last; i++ {
		if probs[i] >= bridgeShare*th {
			keep[i] = true
		}
	}
}

// tokenWeight is the share of the unary score a block of n tokens keeps.
func (d *BlockDecoder) tokenWeight(n int32) float64 {
	if d.Tokens <= 0 {
		return 1
	}
	return min(1, float64(n)/float64(d.Tokens))
}

// boundaryNear reports for each pair of adjacent blocks in idx (k and k+1)
// whether their containers meet within levels elements of both.
func boundaryNear(pb *pageBlocks, idx []int, levels int) []bool {
	out := make([]bool, max(0, len(idx)-1))
	for k := 0; k+1 < len(idx); k++ {
		a, b := pb.blocks[idx[k]].container, pb.blocks[idx[k+1]].container
		da, db := pb.elemDepth(a), pb.elemDepth(b)
		// Climb the deeper one first, then both, counting the levels of
		// the one that climbed most.
		ua, ub := 0, 0
		for da > db {
			a, da, ua = pb.elemParent(a), da-1, ua+1
		}
		for db > da {
			b, db, ub = pb.elemParent(b), db-1, ub+1
		}
		for a != b {
			a, b = pb.elemParent(a), pb.elemParent(b)
			ua, ub = ua+1, ub+1
		}
		out[k] = max(ua, ub) <= levels
	}
	return out
}

// elemDepth is element e's depth, -1 for the body (e < 0).
func (pb *pageBlocks) elemDepth(e int32) int {
	if e < 0 {
		return -1
	}
	return int(pb.elems[e].depth)
}

func (pb *pageBlocks) elemParent(e int32) int32 {
	if e < 0 {
		return -1
	}
	return pb.elems[e].parent
}

// viterbi2 decodes the most likely content (true) / other (false) sequence
// for unary scores u (content's score over other's) and the cost of a
// change of state between k and k+1, cost(k). Ties go to content, so that
// with no costs a block of score 0 (probability at the threshold) is kept,
// as bridgeBlocks keeps it.
func viterbi2(u []float64, cost func(k int) float64) []bool {
	n := len(u)
	if n == 0 {
		return nil
	}
	// back[k][s]: the state at k-1 on the best path ending in state s at k.
	back := make([][2]bool, n)
	so, sc := 0.0, u[0]
	for k := 1; k < n; k++ {
		c := cost(k - 1)
		// To content.
		nc, bc := sc, true
		if so-c > nc {
			nc, bc = so-c, false
		}
		// To other.
		no, bo := so, false
		if sc-c >= no {
			no, bo = sc-c, true
		}
		back[k] = [2]bool{bo, bc}
		so, sc = no, nc+u[k]
	}
	out := make([]bool, n)
	s := sc >= so
	for k := n - 1; k >= 0; k-- {
		out[k] = s
		if k > 0 {
			if s {
				s = back[k][1]
			} else {
				s = back[k][0]
			}
		}
	}
	return out
}

// decoderGrid is the costs and levels ChooseDecoder tries: changes of
// state cost 0 to 4 in logit units (a block at half the threshold's odds
// scores -0.69; at 4, two changes outweigh a run of blocks down to about
// a 20th of the threshold's odds), and containers meeting within 1, 2 or
// 3 levels count as near.
var (
	decoderCosts  = []float64{0, 0.25, 0.5, 1, 1.5, 2, 3}
	decoderLevels = []int{1, 2, 3}
	decoderTokens = []int{0}
)

// DecoderFit is one candidate of ChooseDecoder and its F1 on the samples.
type DecoderFit struct {
	Decoder BlockDecoder
	F1      float64
}

// PageScorer scores the text of the blocks kept on a sample's page against
// its gold: precision and recall, and whether there was output and gold
// (as the benchmark's shingle metric, eval.ScorePage, counts them).
type PageScorer func(gold string, kept []string) (p, r float64, out, hasGold bool)

// ChooseDecoder returns the decoder of decoderGrid whose kept blocks
// maximise the F1 of the HTML samples, each page at m's threshold for its
// gold kind (ArticleThreshold for articles when set, as ChooseThresholds
// chose them) and pageThreshold's fallback, and the bridge's F1 on the same
// samples for comparison; all is every candidate's F1, plain thresholding
// first. probs are out-of-fold probabilities, as for ChooseThresholds.
// With score nil a page's precision and recall are keptF1's (tokens by the
// blocks' gold cover: the thresholds' own measure); else score's, on the
// kept blocks' text (a shingle metric also sees what a dropped block
// between two kept ones cuts, which the tokens do not).
func (m *Model) ChooseDecoder(samples []*Sample, probs [][]float64, score PageScorer) (best DecoderFit, bridge float64, all []DecoderFit) {
	type page struct {
		s      *Sample
		p      []float64 // the probabilities, dropped blocks' 0
		th     float64
		u      []float64
		tok    []int32
		idx    []int
		near   [4][]bool // by levels
		bridge []bool
		memo   map[string][4]float64 // score's result by the kept blocks
	}
	var pages []page
	for k, s := range samples {
		if s.pb == nil || probs[k] == nil {
			continue
		}
		th := m.Threshold
		if s.Kind == kindArticle && m.ArticleThreshold > 0 {
			th = m.ArticleThreshold
		}
		p := append([]float64(nil), probs[k]...)
		dropped := func(i int) bool { return isCreditedCaption(s.pb, i) || inNav(s.pb, i) || inControl(s.pb, i) }
		th = pageThreshold(p, th) // before the dropped blocks' are set to 0, as selectBlocks reads it
		for i := range p {
			if dropped(i) {
				p[i] = 0
			}
		}
		pg := page{s: s, p: p, th: th, bridge: bridgeBlocks(p, th), memo: map[string][4]float64{}}
		lt := logit(th)
		for i := range p {
			if !dropped(i) {
				pg.idx = append(pg.idx, i)
				pg.u = append(pg.u, logit(p[i])-lt)
				pg.tok = append(pg.tok, s.pb.blocks[i].tokens)
			}
		}
		for _, l := range decoderLevels {
			pg.near[l] = boundaryNear(s.pb, pg.idx, l)
		}
		pages = append(pages, pg)
	}
	pageScore := func(pg *page, keep []bool) (p, r float64, out, gold bool) {
		if score != nil {
			key := make([]byte, len(keep))
			var texts []string
			for i, c := range keep {
				if c {
					key[i] = 1
					texts = append(texts, pg.s.pb.blocks[i].text)
				}
			}
			if v, ok := pg.memo[string(key)]; ok {
				return v[0], v[1], v[2] > 0, v[3] > 0
			}
			p, r, out, gold = score(pg.s.Gold, texts)
			v := [4]float64{p, r, 0, 0}
			if out {
				v[2] = 1
			}
			if gold {
				v[3] = 1
			}
			pg.memo[string(key)] = v
			return p, r, out, gold
		}
		var keptTok, keptGold, goldTok float64
		for b := range pg.s.cover {
			tok := float64(pg.s.tokens(b))
			g := pg.s.cover[b] * tok
			goldTok += g
			if keep[b] {
				keptTok += tok
				keptGold += g
			}
		}
		if keptTok > 0 {
			p = keptGold / keptTok
		}
		if goldTok > 0 {
			r = keptGold / goldTok
		}
		return p, r, keptTok > 0, goldTok > 0
	}
	f1 := func(kept func(pg *page) []bool) float64 {
		var sp, sr float64
		var np, nr int
		for i := range pages {
			p, r, out, gold := pageScore(&pages[i], kept(&pages[i]))
			if out {
				sp += p
				np++
			}
			if gold {
				sr += r
				nr++
			}
		}
		p, r := sp/float64(max(1, np)), sr/float64(max(1, nr))
		return 2 * p * r / math.Max(p+r, 1e-9)
	}
	bridge = f1(func(pg *page) []bool { return pg.bridge })
	best.F1 = -1
	for _, br := range []bool{false, true} {
		for _, tk := range decoderTokens {
			for _, l := range decoderLevels {
				for _, near := range decoderCosts {
					for _, far := range decoderCosts {
						if l > decoderLevels[0] && near == far {
							continue // levels do not matter: tried at the first
						}
						d := BlockDecoder{Near: near, Far: far, Levels: l, Tokens: tk, Bridge: br}
						f := f1(func(pg *page) []bool {
							u := pg.u
							if tk > 0 {
								u = make([]float64, len(pg.u))
								for k := range u {
									u[k] = pg.u[k] * d.tokenWeight(pg.tok[k])
								}
							}
							keep := make([]bool, len(pg.s.cover))
							for k, c := range viterbi2(u, func(k int) float64 {
								if pg.near[l][k] {
									return near
								}
								return far
							}) {
								keep[pg.idx[k]] = c
							}
							if br {
								bridgeKept(pg.p, pg.th, keep)
							}
							return keep
						})
						all = append(all, DecoderFit{d, f})
						if f > best.F1 {
							best = DecoderFit{d, f}
						}
					}
				}
			}
		}
	}
	return best, bridge, all
}

// decodeBlocks is selectBlocks' choice by m.Decoder, at pageThreshold's
// threshold read before the dropped blocks' probabilities are set to 0, as
// keptBlocks' caller reads it.
func (m *Model) decodeBlocks(pb *pageBlocks, probs []float64, th float64, dropped func(i int) bool) []bool {
	return decodedBlocks(pb, probs, pageThreshold(probs, th), m.Decoder, dropped)
}
