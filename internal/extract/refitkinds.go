package extract

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/news"
)

// KindFeatures returns the page-kind features of HTML page p as m reads
// them when it extracts the page (the vector the kind classifiers read),
// and ok false when the page has no body to read. The features do not
// depend on m's fitted parts, so any model gives the same vector; they are
// what RefitKinds fits on.
func (m *Model) KindFeatures(p news.Page) (x []float64, ok bool) {
	hp, err := m.readHTMLPage(p)
	if err != nil || hp.blocks == nil {
		return nil, false
	}
	return hp.page, true
}

// KindProbs returns the probability of each kind of PageKinds that m's
// kind classifiers give the kind features x (KindFeatures), and the kind
// they call the page (one of PageKinds, or "other").
func (m *Model) KindProbs(x []float64) (probs []float64, kind string) {
	probs = kindProbs(m.Kinds, x)
	return probs, kindOfProbs(probs)
}

// KindFeatureNames names the page-kind features of KindFeatures in order.
func KindFeatureNames() []string { return append([]string(nil), pageFeatureNames...) }

// RefitKinds returns a copy of m whose HTML page kind classifiers are
// fitted afresh, as Fit fits them, on the kind features xs
// (KindFeatures) of pages of the known kinds kinds (one of PageKinds per
// row). Only the kind classifiers change: the block classifiers read the
// page features too, but as they were, so a change to how the kinds are
// fitted is measured on kept models in seconds instead of the hours of a
// whole refit. seed is Fit's boosting seed (FitOptions.Boost.Seed).
func (m *Model) RefitKinds(ctx context.Context, xs [][]float64, kinds []string, seed int64) (*Model, error) {
	if len(xs) != len(kinds) {
		return nil, fmt.Errorf("refit page kinds: %d feature rows for %d kinds", len(xs), len(kinds))
	}
	samples := make([]*Sample, len(xs))
	for i := range xs {
		if len(xs[i]) != numPageFeatures {
			return nil, fmt.Errorf("refit page kinds: row %d has %d features, want %d", i, len(xs[i]), numPageFeatures)
		}
		samples[i] = &Sample{Label: Label{Kind: kinds[i]}, page: xs[i]}
	}
	fitted, err := fitKinds(ctx, samples, kindBoost(seed), pageFeatureNames)
	if err != nil {
		return nil, fmt.Errorf("refit page kinds: %w", err)
	}
	if len(fitted) == 0 {
		return nil, errors.New("refit page kinds: no page of a known kind")
	}
	c := *m
	c.Kinds = fitted
	c.index()
	return &c, nil
}
