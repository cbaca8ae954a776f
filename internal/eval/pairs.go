package eval

import (
	"encoding/json"
	"fmt"
)

// PairsReport is the outcome of the aligner on a labelled pair file.
type PairsReport struct {
	File              string
	Pairs             int
	Accuracy, F1      float64
	Precision, Recall float64 // of "same"
	AUC               float64
	BestThreshold     float64 // the threshold that would maximise F1, for tuning; -1 when not measured
	BestF1            float64
	InSample          bool // the model was fitted on this file: the figures are not held out
	// Scores are each pair's score and decision, in the file's order (held
	// out where the figures are), for reading the errors by hand; not part
	// of the JSON report.
	Scores []PairScore `json:"-"`
}

// PairScore is one pair of a file as a model scored and decided it.
type PairScore struct {
	Index int     `json:"index"` // the pair's place among the file's pairs, from 0
	Label bool    `json:"label"` // the file's label: "same"
	Score float64 `json:"score"` // the model's probability of "same"
	Same  bool    `json:"same"`  // the decision (compare.Decide)
	Text1 string  `json:"text1"`
	Text2 string  `json:"text2"`
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
