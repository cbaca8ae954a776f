package extract

import "testing"

// TestLineKindThresholds: a dump called a listing takes its kind's line
// threshold; one called an article, or a kind without a threshold, the
// blend of the article and other thresholds.
func TestLineKindThresholds(t *testing.T) {
	m := &Model{LineThreshold: 0.35, LineArticleThreshold: 0.4, LineOtherThreshold: 0.2,
		LineKindThresholds: map[string]float64{"listing": 0.1, "article": 0.9},
		DumpKinds:          []KindModel{{Kind: kindArticle}}} // kind classifiers to call a kind (their probabilities given below)
	listing := []float64{0.2, 0.7, 0, 0, 0, 0, 0}
	article := []float64{0.8, 0.1, 0, 0, 0, 0, 0}
	forum := []float64{0.3, 0, 0.6, 0, 0, 0, 0}
	if got := m.lineThreshold(listing); got != 0.1 {
		t.Errorf("listing: %.3f, want its kind's 0.1", got)
	}
	if got, want := m.lineThreshold(article), blendThreshold(0.4, 0.2, 0.8); got != want {
		t.Errorf("article: %.3f, want the blend %.3f (an article's kind threshold is never read)", got, want)
	}
	if got, want := m.lineThreshold(forum), blendThreshold(0.4, 0.2, 0.3); got != want {
		t.Errorf("forum, no kind threshold: %.3f, want the blend %.3f", got, want)
	}
}

// TestLineKindThresholdsWithoutDumpKinds: a model without dump kind
// classifiers calls no dump a kind (HeldOut.DumpKind gives "", so the
// choice never gives one a threshold of its kind), though its dumps' kind
// probabilities, all zero, pass no kind: its thresholds by kind, "other"
// included, are not read, and a dump takes the blend as before.
func TestLineKindThresholdsWithoutDumpKinds(t *testing.T) {
	m := &Model{LineThreshold: 0.35, LineArticleThreshold: 0.4, LineOtherThreshold: 0.2,
		LineKindThresholds: map[string]float64{"other": 0.05}}
	zeros := make([]float64, len(pageKinds)) // kindProbs with no classifier
	if got, want := m.lineThreshold(zeros), blendThreshold(0.4, 0.2, 0); got != want {
		t.Errorf("no dump kinds: %.3f, want the blend %.3f (no kind is called)", got, want)
	}
}
