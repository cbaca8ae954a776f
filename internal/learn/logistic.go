package learn

import "math"

// Logistic is a fitted logistic regression: P(y) = 1 / (1 + e^-(Bias + Σ w·x)).
type Logistic struct {
	Weights []float64
	Bias    float64
}

// Predict returns the model's probability for x.
func (m Logistic) Predict(x []float64) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// FitLogistic fits a logistic regression with an L2 penalty l2 on the
// weights (not the bias) by Newton's method, which converges in a few
// iterations for the dozen features the aligner uses.
func FitLogistic(xs [][]float64, ys []bool, l2 float64) Logistic {
	if len(xs) == 0 {
		return Logistic{}
	}
	d := len(xs[0]) + 1 // the bias is the last coefficient
	beta := make([]float64, d)
	row := func(x []float64) []float64 { return append(append([]float64(nil), x...), 1) }
	for iter := 0; iter < 50; iter++ {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for i := range hess {
			hess[i] = make([]float64, d)
		}
		for n, x := range xs {
			r := row(x)
			z := 0.0
			for i := range r {
				z += beta[i] * r[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if ys[n] {
				y = 1
			}
			w := p * (1 - p)
			for i := range r {
				grad[i] += (y - p) * r[i]
				for j := range r {
					hess[i][j] += w * r[i] * r[j]
				}
			}
		}
		for i := 0; i < d-1; i++ {
			grad[i] -= l2 * beta[i]
			hess[i][i] += l2
		}
		step := solve(hess, grad)
		change := 0.0
		for i := range beta {
			beta[i] += step[i]
			change += math.Abs(step[i])
		}
		if change < 1e-8 {
			break
		}
	}
	return Logistic{Weights: beta[:d-1], Bias: beta[d-1]}
}

// solve returns x with a·x = b by Gaussian elimination with partial pivoting;
// a and b are overwritten.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for col := 0; col < n; col++ {
		pivot := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[pivot][col]) {
				pivot = r
			}
		}
		a[col], a[pivot] = a[pivot], a[col]
		b[col], b[pivot] = b[pivot], b[col]
		if math.Abs(a[col][col]) < 1e-12 {
			continue
		}
		for r := col + 1; r < n; r++ {
			f := a[r][col] / a[col][col]
			for c := col; c < n; c++ {
				a[r][c] -= f * a[col][c]
			}
			b[r] -= f * b[col]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		if math.Abs(a[r][r]) < 1e-12 {
			continue
		}
		s := b[r]
		for c := r + 1; c < n; c++ {
			s -= a[r][c] * x[c]
		}
		x[r] = s / a[r][r]
	}
	return x
}
