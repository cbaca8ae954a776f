package extract

import (
	"context"
	"slices"
	"testing"
)

// TestRefitKindsFitsOnTheGivenRows: kind classifiers refitted on rows where
// the page's count of dates alone tells listings from articles call a new
// row by it, and the model keeps its block classifier.
func TestRefitKindsFitsOnTheGivenRows(t *testing.T) {
	col := slices.Index(pageFeatureNames, "dates")
	var xs [][]float64
	var kinds []string
	for i := range 60 {
		x := make([]float64, numPageFeatures)
		x[0] = float64(i % 7) // a feature that tells nothing
		kind := "article"
		if i%2 == 0 {
			x[col], kind = 3, "listing"
		}
		xs, kinds = append(xs, x), append(kinds, kind)
	}
	m := DefaultModel()
	r, err := m.RefitKinds(context.Background(), xs, kinds, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Blocks != m.Blocks {
		t.Fatal("RefitKinds changed the block classifier")
	}
	probe := make([]float64, numPageFeatures)
	probe[col] = 3
	if _, kind := r.KindProbs(probe); kind != "listing" {
		t.Errorf("a row with many dates called %q, want listing", kind)
	}
	probe[col] = 0
	if _, kind := r.KindProbs(probe); kind != "article" {
		t.Errorf("a row without dates called %q, want article", kind)
	}
	if _, kind := m.KindProbs(probe); kind == "" {
		t.Error("the model's own kinds call nothing")
	}
	if _, err := m.RefitKinds(context.Background(), xs[:1], kinds, 1); err == nil {
		t.Error("RefitKinds accepted one row for 60 kinds")
	}
}
