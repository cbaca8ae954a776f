package learn

import (
	"context"
	"errors"
	"math"
	"math/rand"
	"testing"
)

// threeClassData draws points of three classes cut by two thresholds on
// two features (a third is noise): class 0 under a = 0.3, then class 1 or
// 2 by b = 0.5. One class in ten draws is 0, so it is the rare one.
func threeClassData(r *rand.Rand, n int) ([][]float64, []int) {
	var xs [][]float64
	var ys []int
	for i := 0; i < n; i++ {
		a, b, noise := r.Float64(), r.Float64(), r.Float64()
		a = 0.3 + 0.7*a
		if r.Intn(10) == 0 {
			a = 0.3 * a
		}
		y := 2
		switch {
		case a < 0.3:
			y = 0
		case b < 0.5:
			y = 1
		}
		xs = append(xs, []float64{a, b, noise})
		ys = append(ys, y)
	}
	return xs, ys
}

func TestFitSoftmaxLearnsThreeClasses(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	xs, ys := threeClassData(r, 3000)
	ms, err := FitSoftmax(context.Background(), xs, ys, 3, nil, BoostOptions{Trees: 30, Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 {
		t.Fatalf("%d models, want one a class (3)", len(ms))
	}
	testX, testY := threeClassData(r, 1000)
	right := 0
	for i, x := range testX {
		scores := []float64{ms[0].Score(x), ms[1].Score(x), ms[2].Score(x)}
		p := Softmax(scores)
		if sum := p[0] + p[1] + p[2]; math.Abs(sum-1) > 1e-9 {
			t.Fatalf("probabilities %v sum to %v, want 1", p, sum)
		}
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		if best == testY[i] {
			right++
		}
	}
	if acc := float64(right) / float64(len(testX)); acc < 0.97 {
		t.Errorf("held-out accuracy %.3f, want at least 0.97", acc)
	}
}

func TestFitSoftmaxBiasIsTheLogPrior(t *testing.T) {
	// Each class's bias is the log of its weighted share of the rows,
	// whatever the trees grown on it after.
	xs := [][]float64{{0}, {1}, {2}, {3}}
	ms, err := FitSoftmax(context.Background(), xs, []int{0, 0, 0, 1}, 2, []float64{1, 1, 1, 3}, BoostOptions{Trees: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ms[0].Bias, math.Log(0.5); math.Abs(got-want) > 1e-12 {
		t.Errorf("class 0 bias %v, want log(3/6) = %v", got, want)
	}
	if got, want := ms[1].Bias, math.Log(0.5); math.Abs(got-want) > 1e-12 {
		t.Errorf("class 1 bias %v, want log(3/6) = %v", got, want)
	}
}

func TestFitSoftmaxRejectsBadRows(t *testing.T) {
	ctx := context.Background()
	xs := [][]float64{{0}, {1}}
	for name, fit := range map[string]func() error{
		"class out of range": func() error { _, err := FitSoftmax(ctx, xs, []int{0, 2}, 2, nil, BoostOptions{}); return err },
		"negative class":     func() error { _, err := FitSoftmax(ctx, xs, []int{0, -1}, 2, nil, BoostOptions{}); return err },
		"labels short":       func() error { _, err := FitSoftmax(ctx, xs, []int{0}, 2, nil, BoostOptions{}); return err },
		"one class":          func() error { _, err := FitSoftmax(ctx, xs, []int{0, 0}, 1, nil, BoostOptions{}); return err },
		"ragged rows": func() error {
			_, err := FitSoftmax(ctx, [][]float64{{0}, {1, 2}}, []int{0, 1}, 2, nil, BoostOptions{})
			return err
		},
	} {
		if fit() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestFitSoftmaxStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	xs, ys := threeClassData(rand.New(rand.NewSource(2)), 100)
	if _, err := FitSoftmax(ctx, xs, ys, 3, nil, BoostOptions{Trees: 5}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestSoftmax(t *testing.T) {
	p := Softmax([]float64{1000, 1000, math.Inf(-1)})
	if p[0] != 0.5 || p[1] != 0.5 || p[2] != 0 {
		t.Errorf("Softmax(1000, 1000, -Inf) = %v, want 0.5 0.5 0 (no overflow; a class without a score has none)", p)
	}
	if p := Softmax(nil); p != nil {
		t.Errorf("Softmax(nil) = %v, want nil", p)
	}
}
