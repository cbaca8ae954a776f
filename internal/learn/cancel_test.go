package learn

import (
	"context"
	"errors"
	"math/rand"
	"testing"
)

// stopAfter is a context whose Err reports it cancelled from its calls+1-th
// call on: a fit that checks it once per boosting round is stopped after
// exactly calls rounds, whatever the machine's speed.
type stopAfter struct {
	context.Context
	calls int
}

func (c *stopAfter) Err() error {
	if c.calls <= 0 {
		return context.Canceled
	}
	c.calls--
	return nil
}

// TestFitBoostedStopsOnACancelledContext: a fit given a context already
// cancelled returns its error and no model, having grown no tree (before,
// the context was not read and all 1,000 trees were grown).
func TestFitBoostedStopsOnACancelledContext(t *testing.T) {
	xs, ys := xorData(rand.New(rand.NewSource(1)), 200)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m, err := FitBoosted(ctx, xs, ys, nil, BoostOptions{Trees: 1000, Depth: 3})
	if !errors.Is(err, context.Canceled) || m != nil {
		t.Fatalf("cancelled fit: model %v, error %v; want no model and context.Canceled", m != nil, err)
	}
	f, err := newFitter(context.Background(), xs, ys, nil, BoostOptions{Trees: 1000, Depth: 3}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	grown, err := f.fit(ctx)
	if !errors.Is(err, context.Canceled) || len(grown.Trees) != 0 {
		t.Errorf("cancelled fit grew %d trees (error %v), want none", len(grown.Trees), err)
	}
}

// TestFitBoostedStopsWithinARoundOfTheCancel cancels a fit of 1,000 trees
// after 7 rounds (by a context that counts its checks, not by a timer): it
// stops with fewer than 7+2 trees grown and says how far it got.
func TestFitBoostedStopsWithinARoundOfTheCancel(t *testing.T) {
	const rounds = 7
	xs, ys := xorData(rand.New(rand.NewSource(2)), 200)
	opt := BoostOptions{Trees: 1000, Depth: 3}.withDefaults()
	f, err := newFitter(context.Background(), xs, ys, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	grown, err := f.fit(&stopAfter{Context: context.Background(), calls: rounds})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("fit cancelled after %d rounds: error %v, want context.Canceled", rounds, err)
	}
	if n := len(grown.Trees); n >= rounds+2 {
		t.Errorf("fit cancelled after %d rounds grew %d trees, want fewer than %d", rounds, n, rounds+2)
	}
	// One check bins each feature, the next lets one round through.
	m, err := FitBoosted(&stopAfter{Context: context.Background(), calls: len(xs[0]) + 1}, xs, ys, nil, opt)
	if want := "fit boosted model: stopped after 1 of 1000 trees: context canceled"; m != nil || err == nil || err.Error() != want {
		t.Errorf("FitBoosted cancelled: model %v, error %v; want none and %q", m != nil, err, want)
	}
}

// TestBinningStopsOnACancelledContext: binning the features, the first
// step of a fit, checks the context between features (a feature's sort
// of a million rows takes a tenth of a second).
func TestBinningStopsOnACancelledContext(t *testing.T) {
	xs, ys := xorData(rand.New(rand.NewSource(3)), 50)
	f, err := newFitter(&stopAfter{Context: context.Background(), calls: 1}, xs, ys, nil, BoostOptions{}.withDefaults())
	if !errors.Is(err, context.Canceled) || f != nil {
		t.Errorf("binning cancelled after the first feature: error %v, fitter %v; want context.Canceled and none", err, f != nil)
	}
}
