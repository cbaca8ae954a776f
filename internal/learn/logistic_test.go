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
