package extract

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

// TestCompilePadsTrees checks the padded layout of a tree fitted in
// breadth-first order with a leaf above the bottom: the splits breadth
// first, the short branch padded with splits that always go left and its
// value in every leaf below, and the leaves reached as the learn model
// reaches them (a missing value going left).
func TestCompilePadsTrees(t *testing.T) {
	// x0 <= 1 ? (x1 <= 5 ? 0.1 : 0.2) : 0.3, in breadth-first order.
	b := &learn.Boosted{Bias: 0.5, Trees: []learn.Tree{{Nodes: []learn.Node{
		{Feature: 0, Threshold: 1, Left: 1, Right: 2},
		{Feature: 1, Threshold: 5, Left: 3, Right: 4},
		{Feature: -1, Value: 0.3},
		{Feature: -1, Value: 0.1},
		{Feature: -1, Value: 0.2},
	}}}}
	f := compile(b)
	inf := math.Inf(1)
	if f.pre != nil || f.depth != 2 {
		t.Fatalf("compiled depth %d, preorder %v", f.depth, f.pre != nil)
	}
	var features []uint16
	var thresholds, leaves []float64
	for _, s := range f.splits {
		features, thresholds = append(features, s.feature), append(thresholds, f.thresholds[s.threshold])
	}
	for _, v := range f.leafOf {
		leaves = append(leaves, f.values[v])
	}
	if !slices.Equal(features, []uint16{0, 1, 0}) || !slices.Equal(thresholds, []float64{1, 5, inf}) ||
		!slices.Equal(leaves, []float64{0.1, 0.2, 0.3, 0.3}) || len(f.values) != 3 {
		t.Fatalf("compiled features %v, thresholds %v, leaves %v (values %v)", features, thresholds, leaves, f.values)
	}
	for _, x := range [][]float64{{0, 4}, {0, 9}, {3, 0}, {math.NaN(), 9}, {2, math.NaN()}, {inf, inf}} {
		if got, want := f.predict(x), b.Predict(x); got != want {
			t.Errorf("predict(%v) = %v, learn model %v", x, got, want)
		}
	}
}

// TestCompileDeepForestInPreorder checks that a forest deeper than
// maxPaddedDepth is laid out in preorder (every split's left child right
// after it, its right child where right says) and still gives the learn
// model's probabilities.
func TestCompileDeepForestInPreorder(t *testing.T) {
	// a chain of maxPaddedDepth+1 splits on x0 <= k, each with a leaf on the right.
	var nodes []learn.Node
	for k := range maxPaddedDepth + 1 {
		nodes = append(nodes, learn.Node{Feature: 0, Threshold: float64(k), Left: len(nodes) + 2, Right: len(nodes) + 1},
			learn.Node{Feature: -1, Value: float64(k)})
	}
	nodes = append(nodes, learn.Node{Feature: -1, Value: -1})
	b := &learn.Boosted{Bias: 0.25, Trees: []learn.Tree{{Nodes: nodes}}}
	f := compile(b)
	if f.pre == nil || f.splits != nil {
		t.Fatal("a deep forest was padded")
	}
	if n := f.pre.nodes[0]; n.feature != 0 || n.right != int32(len(nodes)-1) || f.pre.nodes[1].feature != 0 {
		t.Errorf("root %+v, next %+v: not preorder", n, f.pre.nodes[1])
	}
	rows := [][]float64{{-1}, {0.5}, {3.5}, {100}, {math.NaN()}}
	p := make([]float64, len(rows))
	f.predictRows(p, func(i int) []float64 { return rows[i] })
	for i, x := range rows {
		if want := b.Predict(x); p[i] != want || f.predict(x) != want {
			t.Errorf("row %v: predictRows %v, predict %v, learn model %v", x, p[i], f.predict(x), want)
		}
	}
}

// TestPredictRowsAnyCount checks predictRows on 0 to 9 rows: rows walk
// four at a time and the rest one by one, and every count gives each row
// the learn model's probability.
func TestPredictRowsAnyCount(t *testing.T) {
	b := DefaultMetaModel().Byline.Model
	f := compile(b)
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 10 {
		rows := make([][]float64, n)
		for i := range rows {
			rows[i] = make([]float64, len(b.Features))
			for j := range rows[i] {
				rows[i][j] = float64(r.IntN(4)) - 1
			}
		}
		p := make([]float64, n)
		f.predictRows(p, func(i int) []float64 { return rows[i] })
		for i, x := range rows {
			if want := b.Predict(x); p[i] != want {
				t.Fatalf("%d rows, row %d: predictRows %v, learn model %v", n, i, p[i], want)
			}
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

// TestBestRowAsPredictRows checks bestRow's pick, which stops walking the
// rows that cannot reach the threshold, against the pick made from
// predictRows' probabilities (the first greatest, -1 below the threshold),
// on the byline ranker with rows of 1 to 12 candidates and thresholds from
// none to all but sure.
func TestBestRowAsPredictRows(t *testing.T) {
	b := DefaultMetaModel().Byline.Model
	f := compile(b)
	r := rand.New(rand.NewPCG(5, 6))
	dropped := 0
	for round := range 400 {
		rows := make([][]float64, 1+round%12)
		for i := range rows {
			rows[i] = make([]float64, len(b.Features))
			for j := range rows[i] {
				switch r.IntN(5) {
				case 0:
					rows[i][j] = math.NaN()
				case 1:
					rows[i][j] = r.NormFloat64() * 3
				default:
					rows[i][j] = float64(r.IntN(3))
				}
			}
		}
		if round%7 == 0 {
			rows = append(rows, rows[0]) // a tie: the first one wins
		}
		p := make([]float64, len(rows))
		f.predictRows(p, func(i int) []float64 { return rows[i] })
		for _, threshold := range []float64{0, 0.01, 0.18, 0.5, 0.9, 0.999, 1} {
			want := -1
			for i := range p {
				if p[i] >= threshold && (want < 0 || p[i] > p[want]) {
					want = i
				}
			}
			if got := f.bestRow(rows, threshold); got != want {
				t.Fatalf("round %d threshold %v: bestRow %d, predictRows' pick %d (p %v)", round, threshold, got, want, p)
			}
			if want < 0 {
				dropped++
			}
		}
	}
	if dropped == 0 {
		t.Error("no pick fell under its threshold: the test does not try the pruning")
	}
}

// TestCompileManyValuesInPreorder checks that a forest with more distinct
// leaf values than a 16-bit index holds falls back to the preorder layout,
// with the learn model's probabilities.
func TestCompileManyValuesInPreorder(t *testing.T) {
	b := &learn.Boosted{}
	for i := range math.MaxUint16 + 2 { // one leaf a tree, each of its own value
		b.Trees = append(b.Trees, learn.Tree{Nodes: []learn.Node{{Feature: -1, Value: float64(i) * 1e-9}}})
	}
	f := compile(b)
	if f.pre == nil {
		t.Fatal("a forest of 65,537 distinct leaf values was padded")
	}
	x := []float64{1}
	p := make([]float64, 1)
	f.predictRows(p, func(int) []float64 { return x })
	if want := b.Predict(x); p[0] != want || f.predict(x) != want || f.bestRow([][]float64{x}, 0.5) != 0 {
		t.Errorf("predictRows %v, predict %v, learn model %v", p[0], f.predict(x), want)
	}
}
