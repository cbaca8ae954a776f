package extract

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/storyline-news/storyline/internal/learn"
)

// Both classifiers work in two stages. The first labels each block (or line)
// from its own features; the second sees the same features and the first
// stage's probabilities around the block: its neighbours', its containers'
// and the page's, and how much predicted content lies before and after it.
// So a caption between two paragraphs of an article is judged with the
// article around it, and a lone paragraph in a column of teasers with the
// teasers. The second stage is fitted on out-of-fold first-stage
// probabilities (two folds of sites), as the first stage will be on pages
// it has never seen.

// contextNames names the second stage's extra features.
var contextNames = []string{
	"p", "p_m1", "p_p1", "p_m2", "p_p2", "p_m3", "p_p3", "p_win5", "p_win15", "p_max5",
	"p_page", "content_before", "content_after", "dist_prev_content", "dist_next_content",
	"p_g0", "p_g1", "p_g2",
}

var numContext = len(contextNames)

// contextFeatures returns the second stage's extra features of each item,
// flat: p are the first stage's probabilities, tokens the items' lengths,
// groups (nil for text dumps) the ids of up to three nested containers of
// each item (-1 for none), among ngroups.
func contextFeatures(p []float64, tokens []int32, groups [][3]int32, ngroups int) []float64 {
	n := len(p)
	out := make([]float64, n*numContext)
	var gSum, gTok []float64
	if groups != nil {
		gSum, gTok = make([]float64, ngroups), make([]float64, ngroups)
		for i, g := range groups {
			for _, e := range g {
				if e >= 0 {
					gSum[e] += p[i] * float64(tokens[i]+1)
					gTok[e] += float64(tokens[i] + 1)
				}
			}
		}
	}
	var pageP, pageTok, contentTok float64
	for i := range p {
		w := float64(tokens[i] + 1)
		pageP += p[i] * w
		pageTok += w
		if p[i] >= 0.5 {
			contentTok += float64(tokens[i])
		}
	}
	prevContent := -1
	nextContent := make([]int, n)
	next := -1
	for i := n - 1; i >= 0; i-- {
		nextContent[i] = next
		if p[i] >= 0.5 {
			next = i
		}
	}
	var before float64
	at := func(j int) float64 {
		if j < 0 || j >= n {
			return -1
		}
		return p[j]
	}
	window := func(i, r int) (mean, mx float64) {
		var s, t float64
		for j := max(0, i-r); j <= min(n-1, i+r); j++ {
			if j == i {
				continue
			}
			w := float64(tokens[j] + 1)
			s += p[j] * w
			t += w
			mx = max(mx, p[j])
		}
		if t == 0 {
			return -1, -1
		}
		return s / t, mx
	}
	for i := range p {
		f := out[i*numContext : (i+1)*numContext]
		w5, mx5 := window(i, 5)
		w15, _ := window(i, 15)
		f[0], f[1], f[2], f[3], f[4], f[5], f[6] = p[i], at(i-1), at(i+1), at(i-2), at(i+2), at(i-3), at(i+3)
		f[7], f[8], f[9] = w5, w15, mx5
		f[10] = pageP / max(1, pageTok)
		f[11] = before / max(1, contentTok)
		mine := 0.0
		if p[i] >= 0.5 {
			mine = float64(tokens[i])
		}
		f[12] = (contentTok - before - mine) / max(1, contentTok)
		f[13], f[14] = 50, 50
		if prevContent >= 0 {
			f[13] = float64(min(50, i-prevContent))
		}
		if nextContent[i] >= 0 {
			f[14] = float64(min(50, nextContent[i]-i))
		}
		for k := 0; k < 3; k++ {
			f[15+k] = -1
			if groups != nil {
				if e := groups[i][k]; e >= 0 && gTok[e] > 0 {
					f[15+k] = gSum[e] / gTok[e]
				}
			}
		}
		if p[i] >= 0.5 {
			before += float64(tokens[i])
			prevContent = i
		}
	}
	return out
}

// staged is a two-stage classifier's training data: per sample, its flat
// first-stage rows, and what the second stage needs to compute context.
type staged struct {
	rows    [][]float64 // per sample, flat rows of nf features
	nf      int
	context func(k int, p []float64) []float64 // sample k's context rows for first-stage probabilities p
	label   func(k, i int) (bool, float64)     // label and weight of item i of sample k
	site    func(k int) string
	items   func(k int) int
	short   func(k, i int) bool // a short item, of which negatives are thinned (see shortNegativeRate)
}

// shortNegativeRate is the share of short negative items (menu entries,
// labels: most of a page's blocks, and the easiest to tell) kept for
// fitting, each weighted up by its inverse, so that the thirteen fits of
// `eval extract --cv` stay affordable on a two-core machine. Its cost in
// held-out F1 is not measured yet.
const shortNegativeRate = 0.25

// thinned reports whether item i of sample k is left out of the fit.
func thinned(k, i int) bool {
	x := uint64(k)*0x9E3779B97F4A7C15 + uint64(i)*0xBF58476D1CE4E5B9
	x ^= x >> 31
	x *= 0x94D049BB133111EB
	x ^= x >> 29
	return float64(x%1000)/1000 >= shortNegativeRate
}

// fitTwoStages fits the first stage on all samples, the second on the
// samples' features and out-of-fold first-stage context, and returns both
// with the second stage's in-sample probabilities. It stops when ctx ends
// (see learn.FitBoosted).
func fitTwoStages(ctx context.Context, d staged, nsamples int, opt FitOptions, names []string) (*learn.Boosted, *learn.Boosted, [][]float64, error) {
	boost := opt.Boost
	fitRows := func(use func(k int) bool) (*learn.Boosted, error) {
		var xs [][]float64
		var ys []bool
		var ws []float64
		for k := 0; k < nsamples; k++ {
			if !use(k) {
				continue
			}
			for i := range d.items(k) {
				y, w := d.label(k, i)
				if !y && d.short(k, i) {
					if thinned(k, i) {
						continue
					}
					w /= shortNegativeRate
				}
				xs = append(xs, d.rows[k][i*d.nf:(i+1)*d.nf])
				ys = append(ys, y)
				ws = append(ws, w)
			}
		}
		if opt.UnitWeights {
			unitMean(ws)
		}
		return learn.FitBoosted(ctx, xs, ys, ws, boost)
	}
	predict := func(m *learn.Boosted, k int) []float64 {
		p := make([]float64, d.items(k))
		for i := range p {
			p[i] = m.Predict(d.rows[k][i*d.nf : (i+1)*d.nf])
		}
		return p
	}
	fold := innerFolds(nsamples, d.site)
	if opt.OneStage {
		first, err := fitRows(func(int) bool { return true })
		if err != nil {
			return nil, nil, nil, fmt.Errorf("first stage: %w", err)
		}
		first.Features = names
		probs := make([][]float64, nsamples)
		for k := range probs {
			probs[k] = predict(first, k)
		}
		return first, nil, probs, nil
	}
	oof := make([][]float64, nsamples)
	for half := 0; half < 2; half++ {
		m, err := fitRows(func(k int) bool { return fold(k) != half })
		if err != nil {
			return nil, nil, nil, fmt.Errorf("first stage, fold %d: %w", half, err)
		}
		for k := 0; k < nsamples; k++ {
			if fold(k) == half {
				oof[k] = predict(m, k)
			}
		}
	}
	first, err := fitRows(func(int) bool { return true })
	if err != nil {
		return nil, nil, nil, fmt.Errorf("first stage: %w", err)
	}
	first.Features = names
	nf2 := d.nf + numContext
	second := make([][]float64, nsamples)
	for k := 0; k < nsamples; k++ {
		second[k] = joinRows(d.rows[k], d.nf, d.context(k, oof[k]), d.items(k))
	}
	d2 := d
	d2.rows, d2.nf = second, nf2
	var xs [][]float64
	var ys []bool
	var ws []float64
	for k := 0; k < nsamples; k++ {
		for i := range d.items(k) {
			y, w := d.label(k, i)
			if !y && d.short(k, i) {
				if thinned(k, i) {
					continue
				}
				w /= shortNegativeRate
			}
			xs = append(xs, second[k][i*nf2:(i+1)*nf2])
			ys = append(ys, y)
			ws = append(ws, w)
		}
	}
	if opt.UnitWeights {
		unitMean(ws)
	}
	sec, err := learn.FitBoosted(ctx, xs, ys, ws, boost)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("second stage: %w", err)
	}
	sec.Features = append(append([]string(nil), names...), contextNames...)
	probs := make([][]float64, nsamples)
	for k := 0; k < nsamples; k++ {
		p := make([]float64, d.items(k))
		for i := range p {
			p[i] = sec.Predict(second[k][i*nf2 : (i+1)*nf2])
		}
		probs[k] = p
	}
	return first, sec, probs, nil
}

// innerFolds returns the fold (0 or 1) of each sample for the second
// stage's out-of-fold probabilities: two folds of sites, by the low bit of
// the site's FNV-1a hash. That bit is the one eval's `--site-folds 2` splits
// on (FNV-1a's low bit is the parity of its bytes' low bits, whatever is
// hashed with them), so when the samples all share it, as in one such fold,
// a high bit of the hash splits them instead.
func innerFolds(nsamples int, site func(k int) string) func(k int) int {
	low, high := make([]int, nsamples), make([]int, nsamples)
	var ones int
	for k := range nsamples {
		h := fnv.New32a()
		h.Write([]byte(site(k)))
		low[k], high[k] = int(h.Sum32()%2), int(h.Sum32()>>16%2)
		ones += low[k]
	}
	if ones == 0 || ones == nsamples {
		return func(k int) int { return high[k] }
	}
	return func(k int) int { return low[k] }
}

// joinRows appends each item's context row to its feature row.
func joinRows(rows []float64, nf int, ctx []float64, n int) []float64 {
	out := make([]float64, 0, n*(nf+numContext))
	for i := 0; i < n; i++ {
		out = append(out, rows[i*nf:(i+1)*nf]...)
		out = append(out, ctx[i*numContext:(i+1)*numContext]...)
	}
	return out
}

// blockContext is the context rows of a page's blocks.
func blockContext(pb *pageBlocks, p []float64) []float64 {
	tokens := make([]int32, len(pb.blocks))
	groups := make([][3]int32, len(pb.blocks))
	for i := range pb.blocks {
		tokens[i] = pb.blocks[i].tokens
		e := pb.blocks[i].container
		for k := 0; k < 3; k++ {
			groups[i][k] = e
			if e >= 0 {
				e = pb.elems[e].parent
			}
		}
	}
	return contextFeatures(p, tokens, groups, len(pb.elems))
}

// lineContext is the context rows of a dump's lines.
func lineContext(ls []lineInfo, p []float64) []float64 {
	tokens := make([]int32, len(ls))
	for i := range ls {
		tokens[i] = ls[i].tokens
	}
	return contextFeatures(p, tokens, nil, 0)
}

// unitMean scales weights to a mean of 1.
func unitMean(ws []float64) {
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	if sum <= 0 {
		return
	}
	k := float64(len(ws)) / sum
	for i := range ws {
		ws[i] *= k
	}
}
