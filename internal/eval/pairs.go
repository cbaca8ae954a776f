package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/learn"
)

// PairsReport is the outcome of the aligner on a labelled pair file.
type PairsReport struct {
	File          string
	Pairs         int
	Accuracy, F1  float64
	AUC           float64
	BestThreshold float64 // the threshold that would maximise F1, for tuning
	BestF1        float64
}

// labelledPairs are a pair file's feature vectors and labels.
type labelledPairs struct {
	texts  [][2]string
	labels []bool
}

func readLabelledPairs(path string) (labelledPairs, error) {
	var lp labelledPairs
	f, err := os.Open(path)
	if err != nil {
		return lp, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		var p struct {
			Text1, Text2 string
			Label        json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return lp, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		positive, err := positiveLabel(p.Label)
		if err != nil {
			return lp, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		lp.texts = append(lp.texts, [2]string{p.Text1, p.Text2})
		lp.labels = append(lp.labels, positive)
	}
	return lp, sc.Err()
}

// RunPairs scores every pair of a *.pairs.jsonl file with the aligner and
// measures its decisions against the labels; the best threshold reported is
// the one that maximises F1.
func RunPairs(path string) (PairsReport, error) {
	return scorePairs(path, compare.Similarity, compare.SameThreshold, func(_, f1 float64) float64 { return f1 })
}

// RunDerivation scores every pair of a text-reuse pair file (text1 the
// source, text2 the text that may derive from it) with cluster's derivation
// score and measures "derived" (score >= cluster.DerivationThreshold)
// against the labels; the best threshold reported is the one that maximises
// accuracy.
func RunDerivation(path string) (PairsReport, error) {
	return scorePairs(path, cluster.DerivationScore, cluster.DerivationThreshold, func(accuracy, _ float64) float64 { return accuracy })
}

// scorePairs scores a pair file's pairs, decides them at threshold, and
// finds the threshold that maximises objective(accuracy, F1).
func scorePairs(path string, score func(a, b string) float64, threshold float64, objective func(accuracy, f1 float64) float64) (PairsReport, error) {
	rep := PairsReport{File: path}
	lp, err := readLabelledPairs(path)
	if err != nil {
		return rep, err
	}
	scores := make([]float64, len(lp.texts))
	for i, t := range lp.texts {
		scores[i] = score(t[0], t[1])
	}
	rep.Pairs = len(scores)
	rep.Accuracy, rep.F1 = decide(scores, lp.labels, threshold)
	rep.AUC = ROCAUC(scores, lp.labels)
	best := -1.0
	for t := 0.05; t < 0.95; t += 0.01 {
		if acc, f1 := decide(scores, lp.labels, t); objective(acc, f1) > best {
			best, rep.BestF1, rep.BestThreshold = objective(acc, f1), f1, t
		}
	}
	return rep, nil
}

func decide(scores []float64, labels []bool, threshold float64) (accuracy, f1 float64) {
	same := make([]bool, len(scores))
	for i, s := range scores {
		same[i] = s >= threshold
	}
	return score(same, labels)
}

// score measures decisions against labels: accuracy, and F1 of "same".
func score(decisions, labels []bool) (accuracy, f1 float64) {
	var tp, fp, fn, correct float64
	for i, same := range decisions {
		switch {
		case same && labels[i]:
			tp++
			correct++
		case same:
			fp++
		case labels[i]:
			fn++
		default:
			correct++
		}
	}
	if len(decisions) == 0 {
		return 0, 0
	}
	var p, r float64
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	return correct / float64(len(decisions)), F1(p, r)
}

// positiveLabel reads a pair's label: 1 or 0, or a text-reuse class where
// "non" means not derived and any other class (cut, light, heavy) derived.
func positiveLabel(raw json.RawMessage) (bool, error) {
	var n int
	if json.Unmarshal(raw, &n) == nil {
		return n == 1, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return false, fmt.Errorf("label %s is neither 0/1 nor a class name", raw)
	}
	return s != "non" && s != "0", nil
}

// CrossValidate measures the aligner's model on a labelled pair file without
// fitting and scoring the same pairs: the pairs are dealt into k folds (the
// i-th pair to fold i mod k); for each fold a model is fitted on the others
// (FitLogistic over compare.PairFeatures, L2 penalty l2), its decision
// threshold the one that maximises accuracy plus F1 on those training pairs, and
// it decides the held-out fold. The pooled held-out decisions give accuracy,
// F1 and ROC-AUC.
func CrossValidate(path string, k int, l2 float64) (PairsReport, error) {
	rep := PairsReport{File: path}
	lp, err := readLabelledPairs(path)
	if err != nil {
		return rep, err
	}
	xs := make([][]float64, len(lp.texts))
	for i, t := range lp.texts {
		xs[i] = compare.PairFeatures(t[0], t[1])
	}
	probs := make([]float64, len(xs))
	same := make([]bool, len(xs))
	for fold := 0; fold < k; fold++ {
		var trainX [][]float64
		var trainY []bool
		for i := range xs {
			if i%k != fold {
				trainX = append(trainX, xs[i])
				trainY = append(trainY, lp.labels[i])
			}
		}
		m := learn.FitLogistic(trainX, trainY, l2)
		t := bestThreshold(m, trainX, trainY)
		for i := range xs {
			if i%k == fold {
				probs[i] = m.Predict(xs[i])
				same[i] = probs[i] >= t
			}
		}
	}
	rep.Pairs = len(xs)
	rep.Accuracy, rep.F1 = score(same, lp.labels)
	rep.AUC = ROCAUC(probs, lp.labels)
	rep.BestThreshold, rep.BestF1 = math.NaN(), rep.F1
	return rep, nil
}

// bestThreshold is the probability cut that maximises the mean of accuracy
// and F1 on the pairs a model was fitted on: F1 alone favours saying "same"
// too often when most pairs are positive, accuracy alone the reverse.
func bestThreshold(m learn.Logistic, xs [][]float64, ys []bool) float64 {
	scores := make([]float64, len(xs))
	for i, x := range xs {
		scores[i] = m.Predict(x)
	}
	best, bestScore := 0.5, 0.0
	for t := 0.30; t <= 0.70; t += 0.01 {
		if acc, f1 := decide(scores, ys, t); acc+f1 > bestScore {
			best, bestScore = t, acc+f1
		}
	}
	return best
}

// FitPairs fits the aligner's model on every pair of a file, for use as the
// weights of compare.Similarity, with its threshold chosen as in CrossValidate.
func FitPairs(path string, l2 float64) (learn.Logistic, float64, error) {
	lp, err := readLabelledPairs(path)
	if err != nil {
		return learn.Logistic{}, 0, err
	}
	xs := make([][]float64, len(lp.texts))
	for i, t := range lp.texts {
		xs[i] = compare.PairFeatures(t[0], t[1])
	}
	m := learn.FitLogistic(xs, lp.labels, l2)
	return m, bestThreshold(m, xs, lp.labels), nil
}
