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
// NaN) or a leaf (feature < 0: value is its score).
type fnode struct {
	feature     int32
	left, right int32
	value       float64
}

func compile(m *learn.Boosted) *forest {
	if m == nil {
		return nil
	}
	f := &forest{bias: m.Bias}
	for _, t := range m.Trees {
		base := int32(len(f.nodes))
		f.roots = append(f.roots, base)
		for _, n := range t.Nodes {
			if n.Feature < 0 {
				f.nodes = append(f.nodes, fnode{feature: -1, value: n.Value})
				continue
			}
			f.nodes = append(f.nodes, fnode{feature: int32(n.Feature), left: base + int32(n.Left), right: base + int32(n.Right), value: n.Threshold})
		}
	}
	return f
}

// predict returns the probability the forest gives x; it equals the
// learn.Boosted's Predict.
func (f *forest) predict(x []float64) float64 {
	s := f.bias
	nodes := f.nodes
	for _, r := range f.roots {
		n := &nodes[r]
		for n.feature >= 0 {
			if v := x[n.feature]; v <= n.value || v != v {
				n = &nodes[n.left]
			} else {
				n = &nodes[n.right]
			}
		}
		s += n.value
	}
	return 1 / (1 + math.Exp(-s))
}
