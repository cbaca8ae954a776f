package extract

import (
	"math"
	"slices"

	"github.com/storyline-news/storyline/internal/learn"
)

// forest is a learn.Boosted laid out for speed. Extraction evaluates one
// for every block of every page and for every metadata candidate, so its
// walk matters: the forests took a tenth of extraction time (session 29's
// preorder layout; this one takes about 3% less of a page's CPU time).
//
// Every tree is padded to the forest's depth (the deepest tree's) and laid
// out as a complete binary tree, breadth first: the 2^depth-1 splits of
// tree t from t*(2^depth-1) in splits, its 2^depth leaves from t*2^depth in
// leafOf. A leaf above the bottom becomes a subtree of padding splits that
// always go left (threshold +Inf) and leaves that all hold its value, so
// every row reaches the value the learn model gives it. A walk is then
// depth steps of i = 2i+1, +1 when x[feature] > threshold, with no test
// for a leaf: no branch a processor can mispredict, and several rows walk
// a tree at once without waiting on each other (see leaves4). The embedded
// models are 4 to 6 deep (leaves at depth 5.1-5.7 on average), so padding
// adds few steps.
//
// Splits and leaves hold 16-bit indexes into the forest's distinct
// thresholds and leaf values, not the float64s themselves: a split is 4
// bytes and a leaf 2. The byline ranker's 1,000 padded trees are so 380 KB
// and its 21,638 distinct leaf values 170 KB, against 1.3 MB as float64s
// (the preorder layout of session 29 was 680 KB). The walks' CPU time
// barely differs on the rankers' rows alone (session 30); the smaller
// layout leaves more of the cache to the rest of a page's extraction.
//
// A forest deeper than maxPaddedDepth, or with more than 65,536 distinct
// features, thresholds or leaf values, is walked in preorder instead (see
// preorderForest).
type forest struct {
	bias       float64
	trees      int
	depth      int
	splits     []split
	leafOf     []uint16        // index of a leaf's value in values
	thresholds []float64       // the distinct thresholds of the splits, +Inf for padding
	values     []float64       // the distinct leaf values
	pre        *preorderForest // set instead of the padded layout
	// restMax[t] bounds from above what trees t.. can add to a row's score:
	// the sum of their greatest leaves (restMax[trees] is 0), for bestRow.
	restMax []float64
}

// split sends x right when x[feature] > thresholds[threshold].
type split struct {
	feature, threshold uint16
}

// maxPaddedDepth is the deepest forest laid out padded: 2^8 leaves a tree;
// the embedded models are at most 6 deep (`storyline eval ... --depth`
// can fit deeper ones).
const maxPaddedDepth = 8

func compile(m *learn.Boosted) *forest {
	if m == nil {
		return nil
	}
	f := &forest{bias: m.Bias, trees: len(m.Trees)}
	for _, t := range m.Trees {
		f.depth = max(f.depth, boostedTreeDepth(t.Nodes, 0))
	}
	if f.depth > maxPaddedDepth || !f.padAll(m) {
		f = &forest{bias: m.Bias, trees: len(m.Trees), pre: compilePreorder(m)}
	}
	return f
}

// padAll lays out every tree of m padded; false when a split's feature, or
// the distinct thresholds or leaf values, do not fit 16 bits.
func (f *forest) padAll(m *learn.Boosted) bool {
	splits, leaves := 1<<f.depth-1, 1<<f.depth
	f.splits = make([]split, f.trees*splits)
	f.leafOf = make([]uint16, f.trees*leaves)
	t := tables{thresholds: map[uint64]int{}, values: map[uint64]int{}}
	for i, tr := range m.Trees {
		if !f.pad(&t, tr.Nodes, 0, i*splits, i*leaves, 0, 0) {
			return false
		}
	}
	f.thresholds, f.values = t.thresholdList, t.valueList
	f.restMax = make([]float64, f.trees+1)
	for i := f.trees - 1; i >= 0; i-- {
		most := math.Inf(-1)
		for _, v := range f.leafOf[i*leaves : (i+1)*leaves] {
			most = max(most, f.values[v])
		}
		f.restMax[i] = f.restMax[i+1] + most
	}
	return true
}

// tables numbers the distinct thresholds and leaf values of a forest.
type tables struct {
	thresholds, values       map[uint64]int // keyed by their bits: 0 and -0 apart
	thresholdList, valueList []float64
}

// tableIndex returns v's number in seen (list in order), adding it if new, and
// false when it would not fit 16 bits.
func tableIndex(seen map[uint64]int, list *[]float64, v float64) (uint16, bool) {
	i, ok := seen[math.Float64bits(v)]
	if !ok {
		i = len(*list)
		seen[math.Float64bits(v)] = i
		*list = append(*list, v)
	}
	return uint16(i), i <= math.MaxUint16
}

// boostedTreeDepth is the depth of the subtree of nodes rooted at i (0 for a leaf).
func boostedTreeDepth(nodes []learn.Node, i int) int {
	if nodes[i].Feature < 0 {
		return 0
	}
	return 1 + max(boostedTreeDepth(nodes, nodes[i].Left), boostedTreeDepth(nodes, nodes[i].Right))
}

// pad lays out the subtree of nodes rooted at i as the node at breadth-first
// position pos (0 the root) and level d of the padded tree whose splits
// begin at splits and leaves at leaves; false when an index does not fit.
func (f *forest) pad(t *tables, nodes []learn.Node, i, splits, leaves, pos, d int) bool {
	n := nodes[i]
	if d == f.depth { // a leaf at the bottom
		v, ok := tableIndex(t.values, &t.valueList, n.Value)
		f.leafOf[leaves+pos-(1<<f.depth-1)] = v
		return ok
	}
	feature, threshold, left, right := n.Feature, n.Threshold, n.Left, n.Right
	if n.Feature < 0 { // a leaf above the bottom: a split that always goes left, its value on both sides
		feature, threshold, left, right = 0, math.Inf(1), i, i
	}
	th, ok := tableIndex(t.thresholds, &t.thresholdList, threshold)
	if !ok || feature > math.MaxUint16 {
		return false
	}
	f.splits[splits+pos] = split{feature: uint16(feature), threshold: th}
	return f.pad(t, nodes, left, splits, leaves, 2*pos+1, d+1) && f.pad(t, nodes, right, splits, leaves, 2*pos+2, d+1)
}

// predict returns the probability the forest gives x; it equals the
// learn.Boosted's Predict.
func (f *forest) predict(x []float64) float64 {
	if f.pre != nil {
		return f.pre.predict(x)
	}
	s := f.bias
	for t := range f.trees {
		s += f.leaf(t, x)
	}
	return sigmoid(s)
}

func sigmoid(s float64) float64 { return 1 / (1 + math.Exp(-s)) }

// leaf returns the value of the leaf x reaches in tree t (a missing value,
// NaN, goes left: NaN > threshold is false).
func (f *forest) leaf(t int, x []float64) float64 {
	n := 1<<f.depth - 1
	splits, thresholds := f.splits[t*n:(t+1)*n], f.thresholds
	i := 0
	for range f.depth {
		s := splits[i]
		right := 0 // set without a branch (SETcc): the compiler keeps this form branch-free
		if x[s.feature] > thresholds[s.threshold] {
			right = 1
		}
		i = 2*i + 1 + right
	}
	return f.values[f.leafOf[t*(n+1)+i-n]]
}

// leaves4 adds to p0..p3 the values of the leaves rows x0..x3 reach in
// tree t. The four walks do not depend on each other, so the processor
// overlaps their memory reads; a walk alone waits on each read in turn.
func (f *forest) leaves4(t int, x0, x1, x2, x3 []float64, p0, p1, p2, p3 *float64) {
	n := 1<<f.depth - 1
	splits, thresholds := f.splits[t*n:(t+1)*n], f.thresholds
	i0, i1, i2, i3 := 0, 0, 0, 0
	for range f.depth {
		s0, s1, s2, s3 := splits[i0], splits[i1], splits[i2], splits[i3]
		var r0, r1, r2, r3 int // 1 to go right, set without branches
		if x0[s0.feature] > thresholds[s0.threshold] {
			r0 = 1
		}
		if x1[s1.feature] > thresholds[s1.threshold] {
			r1 = 1
		}
		if x2[s2.feature] > thresholds[s2.threshold] {
			r2 = 1
		}
		if x3[s3.feature] > thresholds[s3.threshold] {
			r3 = 1
		}
		i0, i1, i2, i3 = 2*i0+1+r0, 2*i1+1+r1, 2*i2+1+r2, 2*i3+1+r3
	}
	leafOf, values := f.leafOf[t*(n+1):(t+1)*(n+1)], f.values
	*p0 += values[leafOf[i0-n]]
	*p1 += values[leafOf[i1-n]]
	*p2 += values[leafOf[i2-n]]
	*p3 += values[leafOf[i3-n]]
}

// predictRows sets p[i] to the probability the forest gives row(i), for
// each i < len(p). It walks each tree for every row before the next tree,
// so that a tree's nodes are read from memory once per page rather than
// once per row, and four rows at a time (leaves4); each row's sum still
// adds the bias and then the trees in order, so p[i] equals
// predict(row(i)) exactly. row is called once per row, not once per row
// and tree: the call through the function value cost a quarter of the
// byline ranker's walks (its 1,000 trees, 24 rows). All rows are
// therefore held at once: row(i) must give a slice of its own, not a
// buffer that row(i+1) fills again (the callers give slices of their
// candidates' features or of one page-wide array).
func (f *forest) predictRows(p []float64, row func(int) []float64) {
	rows := make([][]float64, len(p))
	for i := range p {
		p[i] = f.bias
		rows[i] = row(i)
	}
	if f.pre != nil {
		f.pre.sumRows(p, rows)
	} else {
		live := make([]int, len(rows))
		for i := range live {
			live[i] = i
		}
		f.sumRows(p, rows, live, math.Inf(-1))
	}
	for i, s := range p {
		p[i] = sigmoid(s)
	}
}

// pruneEvery is how many trees bestRow walks between its tests of which
// rows can still reach the least score (chosen, not tuned: a test is one
// comparison a row, a twenty-fifth of the walks between tests). With it
// the byline ranker (1,000 trees, 4.6 rows a page on msv-chaos) walks 86%
// of its rows' trees: the bound, the greatest leaves of the trees left,
// stays loose until the last trees.
const pruneEvery = 25

// pruneMargin is how far (in log-odds) below the least score a row's bound
// must be for bestRow to drop it: far above the rounding of a sum of 1,000
// leaves (about 1e-12), so that a dropped row can never reach the least
// score, and far below any score difference that decides a pick.
const pruneMargin = 1e-6

// bestRow returns the index of the row with the greatest probability (the
// first of equals), as predictRows would give it, when that probability
// reaches threshold, and -1 when no row's does. It walks the trees in order
// as predictRows does, but stops walking a row once the row's score so far
// plus the most the remaining trees can add (restMax) is below the
// threshold's log-odds: that row can no longer reach the threshold, so it
// can be neither the pick nor tie with it. The rows it walks to the end get
// predictRows' very sums, so the pick is predictRows' exactly.
func (f *forest) bestRow(rows [][]float64, threshold float64) int {
	p := make([]float64, len(rows))
	live := make([]int, len(rows))
	for i := range rows {
		p[i], live[i] = f.bias, i
	}
	switch {
	case f.pre != nil:
		f.pre.sumRows(p, rows)
	case threshold <= 0 || threshold >= 1: // no score is surely below it
		f.sumRows(p, rows, live, math.Inf(-1))
	default:
		live = f.sumRows(p, rows, live, math.Log(threshold/(1-threshold))-pruneMargin)
	}
	best, bestP := -1, -1.0
	for _, i := range live { // in row order: sumRows keeps it
		if pi := sigmoid(p[i]); pi > bestP {
			best, bestP = i, pi
		}
	}
	if bestP < threshold {
		return -1
	}
	return best
}

// sumRows adds to s[i] the leaves rows[i] reaches, tree by tree, for the
// rows i of live, four at a time; every pruneEvery trees it drops the rows
// whose score cannot reach least, and it returns the rows left (in the
// order of live).
func (f *forest) sumRows(s []float64, rows [][]float64, live []int, least float64) []int {
	for t := range f.trees {
		if t%pruneEvery == 0 && least > math.Inf(-1) {
			live = slices.DeleteFunc(live, func(i int) bool { return s[i]+f.restMax[t] < least })
		}
		whole := len(live) &^ 3
		for k := 0; k < whole; k += 4 {
			a, b, c, d := live[k], live[k+1], live[k+2], live[k+3]
			f.leaves4(t, rows[a], rows[b], rows[c], rows[d], &s[a], &s[b], &s[c], &s[d])
		}
		for _, i := range live[whole:] {
			s[i] += f.leaf(t, rows[i])
		}
	}
	return live
}

// preorderForest is the layout of a forest too deep to pad: every tree's
// nodes in one slice of small nodes, in preorder, children by absolute
// index.
type preorderForest struct {
	bias  float64
	roots []int32
	nodes []fnode
}

// fnode is a split (feature >= 0: go left when x[feature] <= value or x is
// NaN) or a leaf (feature < 0: value is its score). The nodes of a tree
// are laid out in preorder: a split's left child is the node right after
// it, its right child at right.
type fnode struct {
	feature int32
	right   int32
	value   float64
}

func compilePreorder(m *learn.Boosted) *preorderForest {
	f := &preorderForest{bias: m.Bias}
	for _, t := range m.Trees {
		f.roots = append(f.roots, int32(len(f.nodes)))
		f.appendPreorder(t.Nodes, 0)
	}
	return f
}

// appendPreorder appends the subtree of nodes rooted at i in preorder.
func (f *preorderForest) appendPreorder(nodes []learn.Node, i int) {
	n := nodes[i]
	if n.Feature < 0 {
		f.nodes = append(f.nodes, fnode{feature: -1, value: n.Value})
		return
	}
	at := len(f.nodes)
	f.nodes = append(f.nodes, fnode{feature: int32(n.Feature), value: n.Threshold})
	f.appendPreorder(nodes, n.Left)
	f.nodes[at].right = int32(len(f.nodes))
	f.appendPreorder(nodes, n.Right)
}

func (f *preorderForest) predict(x []float64) float64 {
	s := f.bias
	for _, r := range f.roots {
		s += f.leaf(r, x)
	}
	return sigmoid(s)
}

// leaf returns the value of the leaf x reaches in the tree rooted at node
// r (a missing value, NaN, goes left).
func (f *preorderForest) leaf(r int32, x []float64) float64 {
	nodes := f.nodes
	n := &nodes[r]
	for n.feature >= 0 {
		if v := x[n.feature]; v <= n.value || v != v {
			r++ // the left child follows its parent (preorder)
		} else {
			r = n.right
		}
		n = &nodes[r]
	}
	return n.value
}

// sumRows adds to each p[i] the leaves rows[i] reaches, tree by tree.
func (f *preorderForest) sumRows(p []float64, rows [][]float64) {
	for _, r := range f.roots {
		for i, x := range rows {
			p[i] += f.leaf(r, x)
		}
	}
}
