package extract

import (
	"fmt"
	"strings"
	"testing"
)

// twoLineDump is an invented text dump of site: a content line (gold)
// and a chrome line of 10 tokens each, with their line probabilities.
func twoLineDump(site string, content, chrome float64) (*Sample, []float64) {
	s := &Sample{Label: Label{Site: site}, cover: []float64{1, 0}, lines: make([]lineInfo, 2)}
	for i := range s.lines {
		s.lines[i].tokens = 10
	}
	return s, []float64{content, chrome}
}

// kindDumps are n invented dumps of distinct sites called kind, each
// with its line probabilities and a base threshold of base.
type kindDumps struct {
	samples []*Sample
	probs   [][]float64
	kinds   []string
	base    []float64
}

func (d *kindDumps) add(kind string, n int, content, chrome, base float64) {
	for i := range n {
		s, p := twoLineDump(fmt.Sprintf("%s%d.example", kind, i), content, chrome)
		d.samples, d.probs, d.kinds, d.base = append(d.samples, s), append(d.probs, p), append(d.kinds, kind), append(d.base, base)
	}
}

// TestChooseLineKindThresholds: dumps called a listing whose content lies
// under the blend's 0.275 (0.12 against chrome at 0.05) get the lowest
// threshold that keeps it and drops the chrome; a kind called on fewer
// dumps than the floor, and the article, get none; so does a kind the
// blend already reads well (services: content 0.5, chrome 0.1), since on
// held-out halves of its sites a threshold of its own does no better.
func TestChooseLineKindThresholds(t *testing.T) {
	var d kindDumps
	d.add("listing", minKindLineDumps+5, 0.12, 0.05, 0.275)
	d.add("product", minKindLineDumps-1, 0.12, 0.05, 0.275)
	d.add(kindArticle, minKindLineDumps+10, 0.12, 0.05, 0.275)
	d.add("service", minKindLineDumps+5, 0.5, 0.1, 0.275)
	got := ChooseLineKindThresholds(d.samples, d.probs, d.kinds, d.base)
	if want := map[string]float64{"listing": 0.075}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%v, want %v (no product: too few dumps; no article; no service: the blend reads it as well)", got, want)
	}
	var none kindDumps
	none.add("listing", minKindLineDumps-1, 0.12, 0.05, 0.275)
	if got := ChooseLineKindThresholds(none.samples, none.probs, none.kinds, none.base); got != nil {
		t.Errorf("no kind with enough dumps: %v, want nil", got)
	}
}

// TestLineKindThresholdsLoaded: a model file's line thresholds by kind load
// with its dump parts; an unknown kind or a threshold outside (0, 1) is an
// error naming it.
func TestLineKindThresholdsLoaded(t *testing.T) {
	d, err := LoadDumpParts([]byte(`{"line_threshold":0.35,"line_kind_thresholds":{"listing":0.1,"other":0.2}}`))
	if err != nil || d.LineKindThresholds["listing"] != 0.1 || d.LineKindThresholds["other"] != 0.2 {
		t.Fatalf("loaded %v, %v; want listing 0.1, other 0.2", d, err)
	}
	for _, c := range []struct{ json, names string }{
		{`{"line_kind_thresholds":{"listng":0.1}}`, `"listng"`},
		{`{"line_kind_thresholds":{"listing":1.5}}`, "1.5"},
		{`{"line_kind_thresholds":{"collection":0}}`, `"collection"`},
	} {
		if _, err := LoadDumpParts([]byte(c.json)); err == nil || !strings.Contains(err.Error(), c.names) {
			t.Errorf("%s: error %v, want one naming %s", c.json, err, c.names)
		}
	}
}
