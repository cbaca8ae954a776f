package extract

import (
	"math"

	"github.com/storyline-news/storyline/internal/learn"
)

// forest is a learn.Boosted laid out for speed: every tree's nodes in one
// slice of small nodes, children by absolute index. Extraction evaluates it
// for every block of every page, so its memory layout matters.
type forest struct {
	bias  float64
	roots []int32
	nodes []fnode
}

// fnode is a split (feature >= 0: go left when x[feature] <= value or x is
// NaN) or a leaf (feature < 0: value is its score). The nodes of a tree
// are laid out in preorder: a split's left child is the node right after
// it, its right child at right. 16 bytes a node and the left child on the
// same cache line keep a tree walk's memory reads few (the byline ranker's
// 1,000 trees hold 42,000 nodes: as 24-byte nodes in the fitted
// breadth-first order, with both children's places, they did not fit in
// the cache, and the rankers and the block classifier took an eighth of
// extraction time).
type fnode struct {
	feature int32
	right   int32
	value   float64
}

func compile(m *learn.Boosted) *forest {
	if m == nil {
		return nil
	}
	f := &forest{bias: m.Bias}
	for _, t := range m.Trees {
		f.roots = append(f.roots, int32(len(f.nodes)))
		f.appendPreorder(t.Nodes, 0)
	}
	return f
}

// appendPreorder appends the subtree of nodes rooted at i in preorder.
func (f *forest) appendPreorder(nodes []learn.Node, i int) {
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

// predict returns the probability the forest gives x; it equals the
// learn.Boosted's Predict.
func (f *forest) predict(x []float64) float64 {
	s := f.bias
	for _, r := range f.roots {
		s += f.leaf(r, x)
	}
	return 1 / (1 + math.Exp(-s))
}

// leaf returns the value of the leaf x reaches in the tree rooted at node
// r (a missing value, NaN, goes left).
func (f *forest) leaf(r int32, x []float64) float64 {
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

// predictRows sets p[i] to the probability the forest gives row(i), for
// each i < len(p). It walks each tree for every row before the next tree,
// so that a tree's nodes are read from memory once per page rather than
// once per row; each row's sum still adds the bias and then the trees in
// order, so p[i] equals predict(row(i)) exactly. row is called once per
// row, not once per row and tree: the call through the function value
// cost a quarter of the byline ranker's walks (its 1,000 trees, 24 rows).
// All rows are therefore held at once: row(i) must give a slice of its
// own, not a buffer that row(i+1) fills again (the callers give slices
// of their candidates' features or of one page-wide array).
func (f *forest) predictRows(p []float64, row func(int) []float64) {
	rows := make([][]float64, len(p))
	for i := range p {
		p[i] = f.bias
		rows[i] = row(i)
	}
	for _, r := range f.roots {
		for i, x := range rows {
			p[i] += f.leaf(r, x)
		}
	}
	for i, s := range p {
		p[i] = 1 / (1 + math.Exp(-s))
	}
}
