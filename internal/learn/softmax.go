package learn

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// FitSoftmax fits one boosted model per class, jointly, on the multinomial
// (softmax) loss: each round grows one tree per class on the gradients of
// the softmax of all the classes' scores, so the classes compete for every
// row as one model, where FitBoosted's one-against-the-rest classifiers are
// each fitted alone and compared only after. Row i's class is ys[i] (0 to
// classes-1); weights are optional per-row weights (nil: all 1). Model c's
// Score is class c's score; Softmax of the scores is the probabilities.
// Subsample draws the rows of a round, shared by its classes' trees.
func FitSoftmax(ctx context.Context, xs [][]float64, ys []int, classes int, weights []float64, opt BoostOptions) ([]*Boosted, error) {
	if len(xs) == 0 || classes < 2 {
		return nil, fmt.Errorf("fit softmax model: %d rows, %d classes", len(xs), classes)
	}
	if len(ys) != len(xs) || (weights != nil && len(weights) != len(xs)) {
		return nil, fmt.Errorf("fit softmax model: %d rows, %d labels, %d weights", len(xs), len(ys), len(weights))
	}
	for i, y := range ys {
		if y < 0 || y >= classes {
			return nil, fmt.Errorf("fit softmax model: row %d has class %d of %d", i, y, classes)
		}
		if len(xs[i]) != len(xs[0]) {
			return nil, fmt.Errorf("fit softmax model: row %d has %d features, row 0 has %d", i, len(xs[i]), len(xs[0]))
		}
	}
	opt = opt.withDefaults()
	f, err := newFitter(ctx, xs, make([]bool, len(xs)), weights, opt)
	if err != nil {
		return nil, fmt.Errorf("fit softmax model: %w", err)
	}
	models, scores := softmaxStart(f, ys, classes)
	probs := make([][]float64, f.n) // each row's class probabilities at the round's scores
	for i := range probs {
		probs[i] = make([]float64, classes)
	}
	rows := make([]int32, 0, f.n)
	for t := 0; t < opt.Trees; t++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("fit softmax model: stopped after %d of %d rounds: %w", t, opt.Trees, err)
		}
		rows = f.sample(rows[:0])
		feats := f.features()
		for i := range probs {
			softmaxRow(scores, i, probs[i])
		}
		trees := make([]Tree, classes)
		for c := range classes {
			for i := 0; i < f.n; i++ {
				y := 0.0
				if ys[i] == c {
					y = 1
				}
				p := probs[i][c]
				f.grad[i] = f.w[i] * (p - y)
				f.hess[i] = f.w[i] * math.Max(p*(1-p), 1e-12)
			}
			trees[c] = f.grow(slices.Clone(rows), feats, models[c].Gain) // grow reorders its rows
		}
		// Every class's tree is grown on the same round's scores before
		// any score moves: the classes' steps are one step of the model.
		for c := range classes {
			models[c].Trees = append(models[c].Trees, trees[c])
			for i := 0; i < f.n; i++ {
				scores[c][i] += f.leafOf(trees[c], i)
			}
		}
	}
	return models, nil
}

// softmaxStart returns each class's model with the log of its weighted
// prior as bias, and every row's running scores at those biases.
func softmaxStart(f *fitter, ys []int, classes int) ([]*Boosted, [][]float64) {
	prior := make([]float64, classes)
	total := 0.0
	for i, y := range ys {
		prior[y] += f.w[i]
		total += f.w[i]
	}
	models := make([]*Boosted, classes)
	scores := make([][]float64, classes)
	for c := range classes {
		bias := math.Log(math.Max(prior[c]/total, 1e-6))
		models[c] = &Boosted{Bias: bias, Gain: make([]float64, f.nf)}
		scores[c] = make([]float64, f.n)
		for i := range scores[c] {
			scores[c][i] = bias
		}
	}
	return models, scores
}

// softmaxRow writes into probs the softmax of row i's scores.
func softmaxRow(scores [][]float64, i int, probs []float64) {
	top := math.Inf(-1)
	for c := range scores {
		top = math.Max(top, scores[c][i])
	}
	sum := 0.0
	for c := range scores {
		probs[c] = math.Exp(scores[c][i] - top)
		sum += probs[c]
	}
	for c := range probs {
		probs[c] /= sum
	}
}

// Softmax returns the probabilities of scores (one per class) under the
// softmax: exp(score) over the sum of every class's exp(score).
func Softmax(scores []float64) []float64 {
	if len(scores) == 0 {
		return nil
	}
	out := make([]float64, len(scores))
	top := math.Inf(-1)
	for _, s := range scores {
		top = math.Max(top, s)
	}
	sum := 0.0
	for c, s := range scores {
		out[c] = math.Exp(s - top)
		sum += out[c]
	}
	for c := range out {
		out[c] /= sum
	}
	return out
}
