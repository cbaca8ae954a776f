package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/storyline-news/storyline/internal/compare"
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

// RunPairs scores every pair of a *.pairs.jsonl file with the aligner and
// measures its decisions against the labels.
func RunPairs(path string) (PairsReport, error) {
	rep := PairsReport{File: path}
	f, err := os.Open(path)
	if err != nil {
		return rep, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var scores []float64
	var labels []bool
	for n := 1; sc.Scan(); n++ {
		var p struct {
			Text1, Text2 string
			Label        json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return rep, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		positive, err := positiveLabel(p.Label)
		if err != nil {
			return rep, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		scores = append(scores, compare.Similarity(p.Text1, p.Text2))
		labels = append(labels, positive)
	}
	if err := sc.Err(); err != nil {
		return rep, err
	}
	rep.Pairs = len(scores)
	rep.Accuracy, rep.F1 = decide(scores, labels, compare.SameThreshold)
	rep.AUC = ROCAUC(scores, labels)
	for t := 0.05; t < 0.95; t += 0.01 {
		if _, f1 := decide(scores, labels, t); f1 > rep.BestF1 {
			rep.BestF1, rep.BestThreshold = f1, t
		}
	}
	return rep, nil
}

func decide(scores []float64, labels []bool, threshold float64) (accuracy, f1 float64) {
	var tp, fp, fn, correct float64
	for i, s := range scores {
		same := s >= threshold
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
	if len(scores) == 0 {
		return 0, 0
	}
	var p, r float64
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	return correct / float64(len(scores)), F1(p, r)
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
