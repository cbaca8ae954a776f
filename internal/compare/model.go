package compare

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"slices"
)

// feature is a named input of the softmax model with its value (1 for the
// binary ones).
type feature struct {
	name  string
	value float64
}

// softmaxModel is a multinomial logistic regression over named features:
// each feature has a weight per class, a candidate's class probabilities
// are the softmax of the sums of its features' weights times their values. It is
// small enough to keep as an embedded JSON file and to read by hand.
type softmaxModel struct {
	Classes []string             `json:"classes"`
	Weights map[string][]float64 `json:"weights"`
	Note    string               `json:"note,omitempty"` // how it was fitted and what it scored

}

// rowsOf returns the weight rows of the named features (nil where the model
// has none), for probsWith: a candidate's hundred vector dimensions are then
// weighed without a map lookup each.
func (m *softmaxModel) rowsOf(names []string) [][]float64 {
	rows := make([][]float64, len(names))
	for i, n := range names {
		rows[i] = m.Weights[n]
	}
	return rows
}

// probsWith returns the class probabilities of named features and a dense
// vector whose dimensions have the weight rows given (see rowsOf).
func (m *softmaxModel) probsWith(feats []feature, rows [][]float64, vec []float32) []float64 {
	z := make([]float64, len(m.Classes))
	for _, f := range feats {
		if w, ok := m.Weights[f.name]; ok {
			for k := range z {
				z[k] += w[k] * f.value
			}
		}
	}
	for i, row := range rows {
		if row == nil {
			continue
		}
		x := float64(vec[i])
		for k := range z {
			z[k] += row[k] * x
		}
	}
	return softmax(z)
}

// probs returns the class probabilities of a feature list; features the
// model does not know weigh nothing.
func (m *softmaxModel) probs(feats []feature) []float64 {
	z := make([]float64, len(m.Classes))
	for _, f := range feats {
		if w, ok := m.Weights[f.name]; ok {
			for k := range z {
				z[k] += w[k] * f.value
			}
		}
	}
	return softmax(z)
}

func softmax(z []float64) []float64 {
	top := slices.Max(z)
	sum := 0.0
	for k := range z {
		z[k] = math.Exp(z[k] - top)
		sum += z[k]
	}
	for k := range z {
		z[k] /= sum
	}
	return z
}

// fitOptions are the settings of fitSoftmax. Zero values take the defaults.
type fitOptions struct {
	Epochs   int     // passes over the examples (default 12)
	Rate     float64 // AdaGrad's base learning rate (default 0.3)
	L2       float64 // penalty on each weight per update, scaled by the rate (default 1e-4)
	MinCount int     // features seen fewer times are left out (default 5)
	Seed     int64   // the order of the examples in each pass
}

// fitSoftmax fits a softmax model to examples (feature lists) and their
// class indexes, by stochastic gradient descent with AdaGrad step sizes.
func fitSoftmax(classes []string, examples [][]feature, labels []int, opt fitOptions) *softmaxModel {
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	if opt.Rate == 0 {
		opt.Rate = 0.3
	}
	if opt.L2 == 0 {
		opt.L2 = 1e-4
	}
	if opt.MinCount == 0 {
		// Features seen in fewer than five examples get weights from one
		// or two contexts ("host" before one organisation); on conllpp2020
		// 5-fold CV, 5 and 2 give the same F1 (.896) with fewer, surer
		// weights at 5.
		opt.MinCount = 5
	}
	count := map[string]int{}
	for _, ex := range examples {
		for _, f := range ex {
			count[f.name]++
		}
	}
	index := map[string]int{}
	var featNames []string
	for _, ex := range examples {
		for _, f := range ex {
			if _, ok := index[f.name]; !ok && count[f.name] >= opt.MinCount {
				index[f.name] = len(featNames)
				featNames = append(featNames, f.name)
			}
		}
	}
	K := len(classes)
	w := make([]float64, len(featNames)*K)
	g2 := make([]float64, len(featNames)*K)
	type input struct {
		j int
		v float64
	}
	ids := make([][]input, len(examples))
	for i, ex := range examples {
		for _, f := range ex {
			if j, ok := index[f.name]; ok {
				ids[i] = append(ids[i], input{j, f.value})
			}
		}
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewSource(opt.Seed))
	z := make([]float64, K)
	for range opt.Epochs {
		r.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			clear(z)
			for _, in := range ids[i] {
				for k := range K {
					z[k] += w[in.j*K+k] * in.v
				}
			}
			p := softmax(z)
			for k := range K {
				grad := p[k]
				if k == labels[i] {
					grad--
				}
				for _, in := range ids[i] {
					x := in.j*K + k
					gx := grad*in.v + opt.L2*w[x]
					g2[x] += gx * gx
					w[x] -= opt.Rate * gx / (math.Sqrt(g2[x]) + 1e-8)
				}
			}
		}
	}
	m := &softmaxModel{Classes: classes, Weights: map[string][]float64{}}
	for j, f := range featNames {
		ws := make([]float64, K)
		keep := false
		for k := range K {
			ws[k] = math.Round(w[j*K+k]*1e4) / 1e4
			keep = keep || math.Abs(ws[k]) >= 1e-3
		}
		if keep {
			m.Weights[f] = ws
		}
	}
	return m
}

// readSoftmax reads a model written by json.Marshal, checking its shape.
func readSoftmax(data []byte) (*softmaxModel, error) {
	var m softmaxModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	for f, w := range m.Weights {
		if len(w) != len(m.Classes) {
			return nil, fmt.Errorf("read model: feature %q has %d weights for %d classes", f, len(w), len(m.Classes))
		}
	}
	return &m, nil
}
