package learn

import (
	"math"
	"math/rand"
	"testing"
)

// TestFitLogisticRecoversAModel draws labels from a known logistic model and
// checks that the fit finds its coefficients again.
func TestFitLogisticRecoversAModel(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	truth := Logistic{Weights: []float64{3, -2}, Bias: -0.5}
	var xs [][]float64
	var ys []bool
	for i := 0; i < 20000; i++ {
		x := []float64{r.Float64(), r.Float64()}
		xs = append(xs, x)
		ys = append(ys, r.Float64() < truth.Predict(x))
	}
	got := FitLogistic(xs, ys, 0)
	for i, w := range truth.Weights {
		if math.Abs(got.Weights[i]-w) > 0.25 {
			t.Errorf("weight %d = %.2f, want about %.2f", i, got.Weights[i], w)
		}
	}
	if math.Abs(got.Bias-truth.Bias) > 0.25 {
		t.Errorf("bias = %.2f, want about %.2f", got.Bias, truth.Bias)
	}
}

// TestWeightedLogisticCountsARowAsMany checks that a row of weight 3 fits
// as three copies of it would.
func TestWeightedLogisticCountsARowAsMany(t *testing.T) {
	xs := [][]float64{{0}, {1}, {1}, {0}, {1}}
	ys := []bool{false, true, false, true, true}
	weighted := FitWeightedLogistic(xs, ys, []float64{1, 1, 3, 1, 1}, 0.1)
	copies := FitLogistic(append(xs, []float64{1}, []float64{1}), append(ys, false, false), 0.1)
	if math.Abs(weighted.Weights[0]-copies.Weights[0]) > 1e-6 || math.Abs(weighted.Bias-copies.Bias) > 1e-6 {
		t.Errorf("weighted %+v, copies %+v", weighted, copies)
	}
}
