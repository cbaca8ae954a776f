package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/storyline-news/storyline/internal/cluster"
)

// DeriveReport is the outcome of the derivation detector on a text-reuse
// pair file: its decisions against the labels, overall and per class of
// reuse.
type DeriveReport struct {
	File         string
	Pairs        int
	Accuracy, F1 float64
	Precision    float64 // of "derived"
	AUC          float64 // of the copied share (cluster.DerivationScore)
	// Classes are, for each label class (label3 when the file has it,
	// else label: wholly, partially, non; or cut, light, heavy, non), how
	// many pairs it has and how many were called derived.
	Classes map[string][2]int
}

// RunDerivation decides every pair of a text-reuse pair file (text1 the
// source, text2 the text that may derive from it) with cluster.Derived and
// measures "derived" against the labels (any class but "non" is derived).
// Nothing is fitted on the file: the decision's constants are
// cluster's.
func RunDerivation(path string) (DeriveReport, error) {
	rep := DeriveReport{File: path, Classes: map[string][2]int{}}
	f, err := os.Open(path)
	if err != nil {
		return rep, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var scores []float64
	var labels, decisions []bool
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p struct {
			Text1, Text2 string
			Label        json.RawMessage
			Label3       string
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return rep, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		positive, err := positiveLabel(p.Label)
		if err != nil {
			return rep, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		class := p.Label3
		if class == "" {
			class = string(p.Label)
		}
		derived := cluster.Derived(p.Text1, p.Text2)
		c := rep.Classes[class]
		c[0]++
		if derived {
			c[1]++
		}
		rep.Classes[class] = c
		scores = append(scores, cluster.DerivationScore(p.Text1, p.Text2))
		labels = append(labels, positive)
		decisions = append(decisions, derived)
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("%s: %w", path, err)
	}
	rep.Pairs = len(labels)
	rep.Accuracy, rep.F1 = score(decisions, labels)
	var tp, claimed float64
	for i, d := range decisions {
		if d {
			claimed++
			if labels[i] {
				tp++
			}
		}
	}
	if claimed > 0 {
		rep.Precision = tp / claimed
	}
	rep.AUC = ROCAUC(scores, labels)
	return rep, nil
}
