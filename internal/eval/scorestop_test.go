package eval

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// countingCtx is a context whose Err counts its calls and reports the run
// cancelled from call cancelAt on (0: never), so that a test stops a run at
// a given check, whatever the machine's speed.
type countingCtx struct {
	context.Context
	mu       sync.Mutex
	calls    int
	cancelAt int
}

func (c *countingCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.cancelAt > 0 && c.calls >= c.cancelAt {
		return context.Canceled
	}
	return nil
}

func (c *countingCtx) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls
}

// TestCrossValidateBySiteStoppedWhileScoring stops a run after its first
// fold's fit, while the fold's pages are scored (one check a page): the
// run fails naming the fold as stopped and prints no F1 for the fold
// (before, it printed the F1 of the one page reached as the fold's, then
// failed with a bare "context canceled").
func TestCrossValidateBySiteStoppedWhileScoring(t *testing.T) {
	pages := twoDumpSets(t)
	// A first run, never cancelled, counts the checks up to the end of the
	// first fold's scoring and the pages it scored.
	probe := &countingCtx{Context: context.Background()}
	opt := dumpCVOptions
	endOfScoring, scored := 0, 0
	opt.Progress = func(s string) {
		if strings.HasPrefix(s, "site fold 1/2: ") && endOfScoring == 0 {
			endOfScoring = probe.count()
			fmt.Sscanf(s, "site fold 1/2: %d pages", &scored)
		}
	}
	if _, _, err := CrossValidateBySite(probe, pages, opt, 2); err != nil {
		t.Fatal(err)
	}
	if scored < 2 {
		t.Fatalf("the first fold scored %d pages, want two or more", scored)
	}
	// The second is cancelled at the check before its second page.
	ctx := &countingCtx{Context: context.Background(), cancelAt: endOfScoring - scored + 2}
	var lines []string
	opt.Progress = func(s string) { lines = append(lines, s) }
	_, _, err := CrossValidateBySite(ctx, pages, opt, 2)
	if !errors.Is(err, context.Canceled) || err.Error() != "fold 1 of 2 (site fold 1/2) stopped: context canceled" {
		t.Errorf("stopped while scoring: error %v, want the fold named as stopped", err)
	}
	for _, l := range lines {
		if strings.Contains(l, "F1") {
			t.Errorf("stopped while scoring, the run printed %q", l)
		}
	}
}
