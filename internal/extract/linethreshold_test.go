package extract

import (
	"encoding/json"
	"math"
	"testing"
)

// TestLineThresholdWithoutTheBlend: a model file written before the blend
// (no line_article_threshold, line_other_threshold) loads with the one
// line threshold for every dump, as before; so does a dump without an
// article probability to blend by (none, or NaN); with both ends given, the
// threshold moves with the article probability.
func TestLineThresholdWithoutTheBlend(t *testing.T) {
	var old Model
	if err := json.Unmarshal([]byte(`{"threshold":0.4,"line_threshold":0.35}`), &old); err != nil {
		t.Fatal(err)
	}
	for _, kinds := range [][]float64{nil, {0}, {1, 0}, {0.5, 0.2}} {
		if th := old.lineThreshold(kinds); th != 0.35 {
			t.Errorf("model without the blend, kinds %v: line threshold %v, want 0.35", kinds, th)
		}
	}
	blend := Model{LineThreshold: 0.35, LineArticleThreshold: 0.375, LineOtherThreshold: 0.25}
	for _, c := range []struct {
		kinds []float64
		want  float64
	}{{nil, 0.35}, {[]float64{math.NaN(), 0.9}, 0.35}, {[]float64{1, 0}, 0.375}, {[]float64{0, 1}, 0.25}, {[]float64{0.5, 0.5}, 0.3125}} {
		if th := blend.lineThreshold(c.kinds); th != c.want {
			t.Errorf("blended model, kinds %v: line threshold %v, want %v", c.kinds, th, c.want)
		}
	}
}
