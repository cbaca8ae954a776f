package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// ExtraFeatures are features of sentence pairs measured outside storyline
// (a sentence encoder's cosine, say), keyed by the pair's two texts. `eval
// pairs --extra` appends them after compare.PairFeatures, so that a new
// signal can be measured held out, with the pair models' own fits and
// folds, before anyone builds it into the comparison. A model fitted with
// them cannot be kept: the comparison does not compute them.
type ExtraFeatures struct {
	Names  []string // "extra1", "extra2", ... in the file's order
	byPair map[[2]string][]float64
}

// ReadExtraFeatures reads a JSON lines file of {"text1", "text2",
// "features": [numbers]}, every line with as many features.
func ReadExtraFeatures(path string) (*ExtraFeatures, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	x := &ExtraFeatures{byPair: map[[2]string][]float64{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	width := -1
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p struct {
			Text1, Text2 string
			Features     []float64
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if width < 0 {
			width = len(p.Features)
		}
		if len(p.Features) != width || width == 0 {
			return nil, fmt.Errorf("%s:%d: %d features, want %d and at least one", path, n, len(p.Features), width)
		}
		x.byPair[[2]string{p.Text1, p.Text2}] = p.Features
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if width < 0 {
		return nil, fmt.Errorf("%s: no pairs", path)
	}
	for i := range width {
		x.Names = append(x.Names, fmt.Sprintf("extra%d", i+1))
	}
	return x, nil
}

// appendTo appends each pair's extra features to its row of d: an error
// names the first pair the file lacks.
func (x *ExtraFeatures) appendTo(d *pairData) error {
	for i, t := range d.texts {
		f, ok := x.byPair[t]
		if !ok {
			return fmt.Errorf("%s: pair %d (from 0) is not in the extra features file", d.path, i)
		}
		d.xs[i] = append(d.xs[i], f...)
	}
	return nil
}
