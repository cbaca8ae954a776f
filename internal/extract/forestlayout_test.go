package extract

import (
	"math"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

// TestCompileLaysTreesOutInPreorder checks the compiled layout of a tree
// fitted in breadth-first order: every split's left child right after it,
// its right child where right says, and the leaves reached as the learn
// model reaches them (a missing value going left).
func TestCompileLaysTreesOutInPreorder(t *testing.T) {
	// x0 <= 1 ? (x1 <= 5 ? 0.1 : 0.2) : 0.3, in breadth-first order.
	b := &learn.Boosted{Bias: 0.5, Trees: []learn.Tree{{Nodes: []learn.Node{
		{Feature: 0, Threshold: 1, Left: 1, Right: 2},
		{Feature: 1, Threshold: 5, Left: 3, Right: 4},
		{Feature: -1, Value: 0.3},
		{Feature: -1, Value: 0.1},
		{Feature: -1, Value: 0.2},
	}}}}
	f := compile(b)
	want := []fnode{{feature: 0, right: 4, value: 1}, {feature: 1, right: 3, value: 5}, {feature: -1, value: 0.1}, {feature: -1, value: 0.2}, {feature: -1, value: 0.3}}
	if len(f.nodes) != len(want) {
		t.Fatalf("compiled %d nodes, want %d", len(f.nodes), len(want))
	}
	for i := range want {
		if f.nodes[i] != want[i] {
			t.Errorf("node %d = %+v, want %+v", i, f.nodes[i], want[i])
		}
	}
	for _, x := range [][]float64{{0, 4}, {0, 9}, {3, 0}, {math.NaN(), 9}, {2, math.NaN()}} {
		if got, want := f.predict(x), b.Predict(x); got != want {
			t.Errorf("predict(%v) = %v, learn model %v", x, got, want)
		}
	}
}

// TestKindModelsCompiled checks that the embedded model's page-kind
// classifiers are compiled when it loads and give the learn models'
// probabilities exactly, on rows with missing values too.
func TestKindModelsCompiled(t *testing.T) {
	m := DefaultModel()
	for _, kinds := range [][]KindModel{m.Kinds, m.DumpKinds} {
		for i := range kinds {
			k := &kinds[i]
			if k.fast == nil {
				t.Fatalf("kind %q not compiled", k.Kind)
			}
			nf := 0
			for _, tr := range k.Model.Trees {
				for _, nd := range tr.Nodes {
					nf = max(nf, nd.Feature+1)
				}
			}
			for r := 0; r < 50; r++ {
				x := make([]float64, nf)
				for j := range x {
					switch (r + j) % 5 {
					case 0:
						x[j] = math.NaN()
					default:
						x[j] = float64((r*7+j*3)%11) / 4
					}
				}
				if got, want := k.predict(x), k.Model.Predict(x); got != want {
					t.Fatalf("kind %q row %d: compiled %v, learn model %v", k.Kind, r, got, want)
				}
			}
		}
	}
}

// TestWithDumpPartsLeavesTheBaseModel checks that a model made from
// another by WithDumpParts compiles its kind classifiers into its own
// lists: the base model's (here the shared default, which other tests
// read at the same time) keep their compiled forests untouched.
func TestWithDumpPartsLeavesTheBaseModel(t *testing.T) {
	base := DefaultModel()
	if len(base.Kinds) == 0 || len(base.DumpKinds) == 0 {
		t.Skip("the embedded model has no kind classifiers")
	}
	kindFast, dumpFast := base.Kinds[0].fast, base.DumpKinds[0].fast
	if _, err := base.WithDumpParts(base, "text dumps: the same parts"); err != nil {
		t.Fatal(err)
	}
	if base.Kinds[0].fast != kindFast || base.DumpKinds[0].fast != dumpFast {
		t.Fatal("WithDumpParts wrote the base model's compiled kind classifiers")
	}
}
