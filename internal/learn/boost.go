package learn

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"runtime"
	"slices"
	"sync"
)

// Boosted is a fitted ensemble of regression trees for binary classification
// (gradient boosting on the logistic loss, second-order steps as in XGBoost):
//
//	score(x) = Bias + Σ_trees leaf value reached by x
//	P(y | x) = 1 / (1 + e^-score(x))
//
// A tree sends x left at a node when x[Feature] <= Threshold (NaN goes left).
type Boosted struct {
	Features []string  `json:"features,omitempty"` // names of the features, for reading the model
	Bias     float64   `json:"bias"`               // log-odds of the training prior
	Trees    []Tree    `json:"trees"`
	Gain     []float64 `json:"gain,omitempty"` // total loss reduction of each feature's splits
}

// Tree is one regression tree, nodes in a flat slice with the root first.
type Tree struct {
	Nodes []Node `json:"nodes"`
}

// Node is a split (Feature >= 0) or a leaf (Feature == -1, score Value).
type Node struct {
	Feature   int     `json:"f"`
	Threshold float64 `json:"t,omitempty"`
	Left      int     `json:"l,omitempty"`
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v,omitempty"`
}

// BoostOptions control FitBoosted. The zero value of a field takes the
// default named beside it; the defaults are the usual starting point of
// gradient-boosting libraries, not tuned to any data set here.
type BoostOptions struct {
	Trees         int     // boosting rounds; default 200
	Depth         int     // maximum depth of a tree; default 6
	LearningRate  float64 // shrinkage applied to every leaf; default 0.1
	MinLeaf       float64 // least sum of hessians (about rows × p(1-p)) in a leaf; default 1
	L2            float64 // penalty on leaf values; default 1
	Subsample     float64 // share of rows drawn (without replacement) for each tree; default 1
	FeatureSample float64 // share of features a tree may split on; default 1
	Bins          int     // most bins a feature is cut into, at most 256; default 64
	Seed          int64   // seed of the row and feature draws
}

func (o BoostOptions) withDefaults() BoostOptions {
	if o.Trees <= 0 {
		o.Trees = 200
	}
	if o.Depth <= 0 {
		o.Depth = 6
	}
	if o.LearningRate <= 0 {
		o.LearningRate = 0.1
	}
	if o.MinLeaf <= 0 {
		o.MinLeaf = 1
	}
	if o.L2 <= 0 {
		o.L2 = 1
	}
	if o.Subsample <= 0 || o.Subsample > 1 {
		o.Subsample = 1
	}
	if o.FeatureSample <= 0 || o.FeatureSample > 1 {
		o.FeatureSample = 1
	}
	if o.Bins <= 1 || o.Bins > 256 {
		o.Bins = 64
	}
	return o
}

// Score returns the model's log-odds for x.
func (m *Boosted) Score(x []float64) float64 {
	s := m.Bias
	for i := range m.Trees {
		nodes := m.Trees[i].Nodes
		n := 0
		for nodes[n].Feature >= 0 {
			nd := &nodes[n]
			if v := x[nd.Feature]; v <= nd.Threshold || v != v {
				n = nd.Left
			} else {
				n = nd.Right
			}
		}
		s += nodes[n].Value
	}
	return s
}

// Predict returns the model's probability that x is positive.
func (m *Boosted) Predict(x []float64) float64 {
	return sigmoid(m.Score(x))
}

// Importance returns each feature's share of the total split gain.
func (m *Boosted) Importance() []float64 {
	total := 0.0
	for _, g := range m.Gain {
		total += g
	}
	out := make([]float64, len(m.Gain))
	for i, g := range m.Gain {
		if total > 0 {
			out[i] = g / total
		}
	}
	return out
}

// Validate checks that a loaded model is well formed for inputs of n
// features, so that a damaged data file fails at load, not inside Score.
func (m *Boosted) Validate(n int) error {
	if len(m.Features) > 0 && len(m.Features) != n {
		return fmt.Errorf("model has %d features, inputs have %d", len(m.Features), n)
	}
	for t, tr := range m.Trees {
		if len(tr.Nodes) == 0 {
			return fmt.Errorf("tree %d has no nodes", t)
		}
		for i, nd := range tr.Nodes {
			if nd.Feature < 0 {
				continue
			}
			if nd.Feature >= n {
				return fmt.Errorf("tree %d node %d splits on feature %d of %d", t, i, nd.Feature, n)
			}
			// Children come after their parent, so every walk ends.
			if nd.Left <= i || nd.Right <= i || nd.Left >= len(tr.Nodes) || nd.Right >= len(tr.Nodes) {
				return fmt.Errorf("tree %d node %d has children %d and %d out of order", t, i, nd.Left, nd.Right)
			}
		}
	}
	return nil
}

// LoadBoosted reads a model written with encoding/json and validates it for
// inputs of n features.
func LoadBoosted(data []byte, n int) (*Boosted, error) {
	var m Boosted
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read boosted model: %w", err)
	}
	if err := m.Validate(n); err != nil {
		return nil, fmt.Errorf("read boosted model: %w", err)
	}
	return &m, nil
}

// FitBoosted fits a boosted model to rows xs (all of one length) with labels
// ys and optional per-row weights (nil: all 1). Features are cut into at most
// opt.Bins quantile bins once, so fitting is linear in rows per tree level.
// It stops when ctx ends (checked between features while binning and
// between boosting rounds, each a second or so on the block classifier's
// rows) and returns ctx's error, with no model.
func FitBoosted(ctx context.Context, xs [][]float64, ys []bool, weights []float64, opt BoostOptions) (*Boosted, error) {
	if len(xs) == 0 {
		return nil, errors.New("fit boosted model: no rows")
	}
	if len(ys) != len(xs) || (weights != nil && len(weights) != len(xs)) {
		return nil, fmt.Errorf("fit boosted model: %d rows, %d labels, %d weights", len(xs), len(ys), len(weights))
	}
	nf := len(xs[0])
	for i, x := range xs {
		if len(x) != nf {
			return nil, fmt.Errorf("fit boosted model: row %d has %d features, row 0 has %d", i, len(x), nf)
		}
	}
	opt = opt.withDefaults()
	f, err := newFitter(ctx, xs, ys, weights, opt)
	if err != nil {
		return nil, fmt.Errorf("fit boosted model: %w", err)
	}
	m, err := f.fit(ctx)
	if err != nil {
		return nil, fmt.Errorf("fit boosted model: stopped after %d of %d trees: %w", len(m.Trees), opt.Trees, err)
	}
	return m, nil
}

// fitter holds the binned training data and the running scores.
type fitter struct {
	opt     BoostOptions
	xs      [][]float64
	n, nf   int
	bins    [][]uint8   // bins[feature][row]
	edges   [][]float64 // edges[feature][b]: upper value of bin b (x <= edge falls in b or below)
	y, w    []float64
	score   []float64
	grad    []float64
	hess    []float64
	rng     *rand.Rand
	workers int
}

// newFitter bins the rows' features, checking ctx between features (a
// feature's sort of a million rows takes a tenth of a second).
func newFitter(ctx context.Context, xs [][]float64, ys []bool, weights []float64, opt BoostOptions) (*fitter, error) {
	n, nf := len(xs), len(xs[0])
	f := &fitter{opt: opt, xs: xs, n: n, nf: nf, y: make([]float64, n), w: make([]float64, n),
		score: make([]float64, n), grad: make([]float64, n), hess: make([]float64, n),
		rng: rand.New(rand.NewSource(opt.Seed)), workers: runtime.GOMAXPROCS(0)}
	for i := range ys {
		if ys[i] {
			f.y[i] = 1
		}
		f.w[i] = 1
		if weights != nil {
			f.w[i] = weights[i]
		}
	}
	f.bins = make([][]uint8, nf)
	f.edges = make([][]float64, nf)
	col := make([]float64, n)
	for j := 0; j < nf; j++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i := range xs {
			col[i] = xs[i][j]
		}
		f.edges[j] = quantileEdges(col, opt.Bins)
		b := make([]uint8, n)
		for i, v := range col {
			b[i] = binOf(f.edges[j], v)
		}
		f.bins[j] = b
	}
	return f, nil
}

// quantileEdges cuts a column's values into at most k bins; the last edge
// is +Inf so every value has a bin. NaN values fall in bin 0. A column of
// at most k distinct values (flags, counts) gets a bin for each value, so
// that a rare value (a flag set on 1% of the rows) can still be split off;
// other columns are cut into bins of about equal counts, a run of one value
// always in one bin.
func quantileEdges(col []float64, k int) []float64 {
	vals := make([]float64, 0, len(col))
	for _, v := range col {
		if v == v {
			vals = append(vals, v)
		}
	}
	slices.Sort(vals)
	if len(vals) == 0 {
		return []float64{math.Inf(1)}
	}
	if distinct := slices.Compact(slices.Clone(vals)); len(distinct) <= k {
		return append(distinct[:len(distinct)-1], math.Inf(1))
	}
	var edges []float64
	step := float64(len(vals)) / float64(k)
	for b := 1; b < k; b++ {
		at := int(float64(b) * step)
		if at <= 0 || at >= len(vals) {
			continue
		}
		// The edge is the last value of the bin, so equal values stay
		// together: a run of one value across the cut falls in this bin.
		if e := vals[at-1]; len(edges) == 0 || e > edges[len(edges)-1] {
			edges = append(edges, e)
		}
	}
	return append(edges, math.Inf(1))
}

// binOf returns the first bin whose edge is at least v.
func binOf(edges []float64, v float64) uint8 {
	if v != v {
		return 0
	}
	lo, hi := 0, len(edges)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if v <= edges[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return uint8(lo)
}

// fit grows the trees, checking ctx before each round. When ctx ends it
// returns the trees grown so far with ctx's error (for tests: FitBoosted
// keeps no part of a stopped fit).
func (f *fitter) fit(ctx context.Context) (*Boosted, error) {
	m := &Boosted{Gain: make([]float64, f.nf)}
	sw, sy := 0.0, 0.0
	for i := range f.y {
		sw += f.w[i]
		sy += f.w[i] * f.y[i]
	}
	prior := math.Min(math.Max(sy/sw, 1e-6), 1-1e-6)
	m.Bias = math.Log(prior / (1 - prior))
	for i := range f.score {
		f.score[i] = m.Bias
	}
	rows := make([]int32, 0, f.n)
	for t := 0; t < f.opt.Trees; t++ {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		for i := range f.score {
			p := sigmoid(f.score[i])
			f.grad[i] = f.w[i] * (p - f.y[i])
			f.hess[i] = f.w[i] * math.Max(p*(1-p), 1e-12)
		}
		rows = f.sample(rows[:0])
		tree := f.grow(rows, f.features(), m.Gain)
		m.Trees = append(m.Trees, tree)
		for i := range f.score {
			f.score[i] += f.leafOf(tree, i)
		}
	}
	return m, nil
}

// sample draws the rows of one tree.
func (f *fitter) sample(rows []int32) []int32 {
	for i := 0; i < f.n; i++ {
		if f.opt.Subsample >= 1 || f.rng.Float64() < f.opt.Subsample {
			rows = append(rows, int32(i))
		}
	}
	if len(rows) == 0 {
		rows = append(rows, int32(f.rng.Intn(f.n)))
	}
	return rows
}

// features draws the features one tree may split on.
func (f *fitter) features() []int {
	all := make([]int, f.nf)
	for j := range all {
		all[j] = j
	}
	if f.opt.FeatureSample >= 1 {
		return all
	}
	f.rng.Shuffle(len(all), func(a, b int) { all[a], all[b] = all[b], all[a] })
	k := max(1, int(math.Round(f.opt.FeatureSample*float64(f.nf))))
	return all[:k]
}

// leafOf walks a tree with a training row, as Score does.
func (f *fitter) leafOf(t Tree, row int) float64 {
	x := f.xs[row]
	n := 0
	for t.Nodes[n].Feature >= 0 {
		nd := &t.Nodes[n]
		if v := x[nd.Feature]; v <= nd.Threshold || v != v {
			n = nd.Left
		} else {
			n = nd.Right
		}
	}
	return t.Nodes[n].Value
}

// histogram holds, for each feature a tree may split on, the sums of
// gradients and hessians of a node's rows per bin.
type histogram [][256]gradPair

type gradPair struct{ g, h float64 }

// grow builds one tree breadth-first over the node's rows, partitioning the
// row slice in place as nodes split. Only the smaller child of a split has
// its histogram counted; the larger one's is the parent's minus it.
func (f *fitter) grow(rows []int32, feats []int, gain []float64) Tree {
	type pending struct {
		node       int
		start, end int
		depth      int
		hist       histogram
	}
	t := Tree{Nodes: []Node{{Feature: -1}}}
	queue := []pending{{0, 0, len(rows), 0, f.histogram(rows, feats)}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		part := rows[p.start:p.end]
		g, h := f.sums(part)
		t.Nodes[p.node] = Node{Feature: -1, Value: -g / (h + f.opt.L2) * f.opt.LearningRate}
		if p.depth >= f.opt.Depth || h < 2*f.opt.MinLeaf {
			continue
		}
		best := f.bestSplit(p.hist, feats, g, h)
		if best.gain <= 0 {
			continue
		}
		// Partition: rows going left first.
		col := f.bins[feats[best.slot]]
		i, j := 0, len(part)-1
		for i <= j {
			if int(col[part[i]]) <= best.bin {
				i++
			} else {
				part[i], part[j] = part[j], part[i]
				j--
			}
		}
		feat := feats[best.slot]
		left, right := len(t.Nodes), len(t.Nodes)+1
		t.Nodes = append(t.Nodes, Node{Feature: -1}, Node{Feature: -1})
		t.Nodes[p.node] = Node{Feature: feat, Threshold: f.edges[feat][best.bin], Left: left, Right: right}
		gain[feat] += best.gain
		if p.depth+1 >= f.opt.Depth {
			// The children will be leaves: no histograms needed.
			queue = append(queue, pending{left, p.start, p.start + i, p.depth + 1, nil}, pending{right, p.start + i, p.end, p.depth + 1, nil})
			continue
		}
		small, large := part[:i], part[i:]
		if len(small) > len(large) {
			small, large = large, small
		}
		hs := f.histogram(small, feats)
		hl := p.hist // reused in place: the parent is done with it
		for k := range hl {
			for b := range hl[k] {
				hl[k][b].g -= hs[k][b].g
				hl[k][b].h -= hs[k][b].h
			}
		}
		hLeft, hRight := hs, hl
		if i > len(part)-i {
			hLeft, hRight = hl, hs
		}
		queue = append(queue, pending{left, p.start, p.start + i, p.depth + 1, hLeft}, pending{right, p.start + i, p.end, p.depth + 1, hRight})
	}
	return t
}

func (f *fitter) sums(rows []int32) (g, h float64) {
	for _, r := range rows {
		g += f.grad[r]
		h += f.hess[r]
	}
	return g, h
}

// histogram counts the rows' gradients and hessians per bin of each feature,
// features in parallel when there are rows enough to pay for it.
func (f *fitter) histogram(rows []int32, feats []int) histogram {
	hist := make(histogram, len(feats))
	workers := f.workers
	if len(rows) < 2000 {
		workers = 1
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := w; k < len(feats); k += workers {
				col := f.bins[feats[k]]
				hk := &hist[k]
				for _, r := range rows {
					b := &hk[col[r]]
					b.g += f.grad[r]
					b.h += f.hess[r]
				}
			}
		}(w)
	}
	wg.Wait()
	return hist
}

// split is the best cut found for one node.
type split struct {
	slot int // index into the tree's features
	bin  int // rows with bin <= this go left
	gain float64
}

// bestSplit scans each feature's histogram for the cut with the largest
// gain, G_L²/(H_L+λ) + G_R²/(H_R+λ) - G²/(H+λ), both sides holding at least
// MinLeaf of hessian.
func (f *fitter) bestSplit(hist histogram, feats []int, g, h float64) split {
	parent := g * g / (h + f.opt.L2)
	best := split{gain: 0}
	for k, feat := range feats {
		gl, hl := 0.0, 0.0
		last := len(f.edges[feat]) - 1
		for b := 0; b < last; b++ {
			gl += hist[k][b].g
			hl += hist[k][b].h
			hr := h - hl
			if hl < f.opt.MinLeaf || hr < f.opt.MinLeaf {
				continue
			}
			gr := g - gl
			if gain := gl*gl/(hl+f.opt.L2) + gr*gr/(hr+f.opt.L2) - parent; gain > best.gain {
				best = split{slot: k, bin: b, gain: gain}
			}
		}
	}
	return best
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Average is one model whose score (log-odds) is the mean of the models'
// scores: their biases averaged, and every tree of every model kept with
// its leaves divided by the number of models (a bagged ensemble as one
// Boosted). The models are left as they were; their gains are averaged.
func Average(models []*Boosted) *Boosted {
	k := float64(len(models))
	out := &Boosted{Features: models[0].Features}
	for _, m := range models {
		out.Bias += m.Bias / k
		for _, t := range m.Trees {
			nodes := slices.Clone(t.Nodes)
			for i := range nodes {
				if nodes[i].Feature < 0 {
					nodes[i].Value /= k
				}
			}
			out.Trees = append(out.Trees, Tree{Nodes: nodes})
		}
		if out.Gain == nil {
			out.Gain = make([]float64, len(m.Gain))
		}
		for i, g := range m.Gain {
			if i < len(out.Gain) {
				out.Gain[i] += g / k
			}
		}
	}
	return out
}
