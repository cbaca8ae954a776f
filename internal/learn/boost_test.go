package learn

import (
	"context"
	"encoding/json"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// xorData draws points whose label is the XOR of two thresholds: no linear
// model separates them, a depth-2 tree does.
func xorData(r *rand.Rand, n int) ([][]float64, []bool) {
	var xs [][]float64
	var ys []bool
	for i := 0; i < n; i++ {
		a, b, noise := r.Float64(), r.Float64(), r.Float64()
		xs = append(xs, []float64{a, b, noise})
		ys = append(ys, (a > 0.5) != (b > 0.3))
	}
	return xs, ys
}

func accuracy(m *Boosted, xs [][]float64, ys []bool) float64 {
	right := 0
	for i, x := range xs {
		if (m.Predict(x) > 0.5) == ys[i] {
			right++
		}
	}
	return float64(right) / float64(len(xs))
}

func TestFitBoostedLearnsXOR(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	xs, ys := xorData(r, 4000)
	m, err := FitBoosted(context.Background(), xs, ys, nil, BoostOptions{Trees: 30, Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	testX, testY := xorData(r, 2000)
	if got := accuracy(m, testX, testY); got < 0.97 {
		t.Errorf("held-out accuracy %.3f, want at least 0.97", got)
	}
	imp := m.Importance()
	if imp[2] > 0.05 {
		t.Errorf("the noise feature has %.2f of the gain, want almost none", imp[2])
	}
}

func TestBoostedRoundTripsThroughJSON(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	xs, ys := xorData(r, 1000)
	m, err := FitBoosted(context.Background(), xs, ys, nil, BoostOptions{Trees: 10, Depth: 3, Subsample: 0.8, FeatureSample: 0.67, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadBoosted(data, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range xs[:100] {
		if got, want := back.Score(x), m.Score(x); math.Abs(got-want) > 1e-12 {
			t.Fatalf("score after JSON %.6f, before %.6f", got, want)
		}
	}
}

func TestBoostedHonoursWeights(t *testing.T) {
	// One feature that says nothing; the label is positive on a third of the
	// rows. Weighting the negatives down makes the prior, and so every
	// prediction, lean positive.
	var xs [][]float64
	var ys []bool
	var ws []float64
	for i := 0; i < 300; i++ {
		xs = append(xs, []float64{float64(i % 7)})
		pos := i%3 == 0
		ys = append(ys, pos)
		if pos {
			ws = append(ws, 1)
		} else {
			ws = append(ws, 0.1)
		}
	}
	m, err := FitBoosted(context.Background(), xs, ys, ws, BoostOptions{Trees: 5, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	if p := m.Predict([]float64{3}); p < 0.7 {
		t.Errorf("weighted prediction %.2f, want above 0.7 (positives weigh 5 to 1)", p)
	}
}

func TestBoostedHandlesNaN(t *testing.T) {
	xs := [][]float64{{math.NaN()}, {1}, {2}, {3}, {math.NaN()}, {4}}
	ys := []bool{true, false, false, false, true, false}
	m, err := FitBoosted(context.Background(), xs, ys, nil, BoostOptions{Trees: 20, Depth: 2, MinLeaf: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if p := m.Predict([]float64{math.NaN()}); p < 0.5 {
		t.Errorf("NaN row predicted %.2f, want positive like its training rows", p)
	}
}

func TestLoadBoostedRejectsDamage(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"not json", "{"},
		{"feature out of range", `{"bias":0,"trees":[{"nodes":[{"f":5,"t":1,"l":1,"r":2},{"f":-1},{"f":-1}]}]}`},
		{"child before parent", `{"bias":0,"trees":[{"nodes":[{"f":0,"t":1,"l":0,"r":2},{"f":-1},{"f":-1}]}]}`},
		{"empty tree", `{"bias":0,"trees":[{"nodes":[]}]}`},
		{"names disagree", `{"features":["a"],"bias":0,"trees":[]}`},
	} {
		if _, err := LoadBoosted([]byte(tc.data), 2); err == nil {
			t.Errorf("%s: loaded without error", tc.name)
		}
	}
}

func TestFitBoostedRejectsRaggedRows(t *testing.T) {
	if _, err := FitBoosted(context.Background(), [][]float64{{1, 2}, {1}}, []bool{true, false}, nil, BoostOptions{}); err == nil {
		t.Error("ragged rows fitted without error")
	}
	if _, err := FitBoosted(context.Background(), nil, nil, nil, BoostOptions{}); err == nil {
		t.Error("no rows fitted without error")
	}
}

func BenchmarkFitBoosted(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	var xs [][]float64
	var ys []bool
	for i := 0; i < 100000; i++ {
		x := make([]float64, 40)
		for j := range x {
			x[j] = r.Float64()
		}
		xs = append(xs, x)
		ys = append(ys, x[0]+x[1]*x[2] > 0.7)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := FitBoosted(context.Background(), xs, ys, nil, BoostOptions{Trees: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// A flag set on a few rows decides the label: the trees must be able to
// split on it, however rare it is.
func TestFitBoostedSplitsOnRareFlags(t *testing.T) {
	for _, share := range []float64{0.05, 0.5, 0.95} {
		var xs [][]float64
		var ys []bool
		for i := 0; i < 2000; i++ {
			flag := float64(i) < share*2000
			x := 0.0
			if flag {
				x = 1
			}
			xs = append(xs, []float64{x, float64(i % 7)})
			ys = append(ys, flag)
		}
		m, err := FitBoosted(context.Background(), xs, ys, nil, BoostOptions{Trees: 50, Depth: 2})
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Predict([]float64{1, 3}); got < 0.9 {
			t.Errorf("flag on %.1f%% of rows: P(flag set) = %.3f, want >= 0.9", 100*share, got)
		}
		if got := m.Predict([]float64{0, 3}); got > 0.1 {
			t.Errorf("flag on %.1f%% of rows: P(flag unset) = %.3f, want <= 0.1", 100*share, got)
		}
	}
}

func TestQuantileEdges(t *testing.T) {
	for _, tc := range []struct {
		name string
		col  []float64
		k    int
		want []float64
	}{
		{"a flag", []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 4, []float64{0, math.Inf(1)}},
		{"few counts", []float64{3, 1, 2, 2, 1}, 4, []float64{1, 2, math.Inf(1)}},
		{"many values, runs kept whole", []float64{1, 1, 1, 1, 2, 3, 4, 5}, 2, []float64{1, math.Inf(1)}},
		{"no values", []float64{math.NaN()}, 4, []float64{math.Inf(1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := quantileEdges(tc.col, tc.k); !slices.Equal(got, tc.want) {
				t.Errorf("quantileEdges(%v, %d) = %v, want %v", tc.col, tc.k, got, tc.want)
			}
		})
	}
}

// A bagged ranker scores a candidate with the mean log-odds of its models.
func TestAverageScoresTheMeanLogOdds(t *testing.T) {
	leaf := func(v float64) Tree { return Tree{Nodes: []Node{{Feature: -1, Value: v}}} }
	split := Tree{Nodes: []Node{{Feature: 0, Threshold: 0.5, Left: 1, Right: 2}, {Feature: -1, Value: -1}, {Feature: -1, Value: 3}}}
	a := &Boosted{Bias: 0.2, Trees: []Tree{leaf(1), split}, Gain: []float64{4}}
	b := &Boosted{Bias: -0.4, Trees: []Tree{leaf(0.5)}, Gain: []float64{2}}
	m := Average([]*Boosted{a, b})
	for _, x := range [][]float64{{0}, {1}} {
		want := (a.Score(x) + b.Score(x)) / 2
		if got := m.Score(x); math.Abs(got-want) > 1e-12 {
			t.Errorf("averaged score of %v = %v, want %v", x, got, want)
		}
	}
	if a.Trees[1].Nodes[2].Value != 3 {
		t.Error("averaging changed a model it was given")
	}
}
