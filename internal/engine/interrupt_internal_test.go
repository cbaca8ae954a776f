package engine

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestInputsCutOffByAStopAreNotFailures: once a job is stopped (Ctrl-C
// cancels its context), the inputs whose look-up, fetch or extraction
// ended with that stop are named as not read (Interrupted), not as failed
// inputs ("failed: ... context canceled" read as bad inputs); an input
// that failed for a reason of its own is still a failure, and nothing
// cut off counts as read.
func TestInputsCutOffByAStopAreNotFailures(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{e: &Engine{opt: Options{Window: 100}}, ctx: ctx, touched: map[string]bool{}}
	lookUp := fmt.Errorf("store: look up raw input 9f2c: %w", context.Canceled)
	if err := j.handle(Result{Input: news.Input{Name: "early.html"}, Err: errors.New("no visible text")}); err != nil {
		t.Fatal(err)
	}
	cancel()
	results := []Result{
		{Input: news.Input{Name: "pages/ferry-0041.html"}, Err: lookUp},
		{Err: &news.InputError{Name: "https://harbour.example/feed", Err: fmt.Errorf("fetch: %w", context.Canceled)}},
		{Input: news.Input{Name: "broken.html"}, Err: errors.New("no visible text")},
	}
	for _, r := range results {
		if err := j.handle(r); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"pages/ferry-0041.html", "https://harbour.example/feed"}; fmt.Sprint(j.sum.Interrupted) != fmt.Sprint(want) {
		t.Errorf("interrupted = %v, want %v", j.sum.Interrupted, want)
	}
	var failed []string
	for _, f := range j.sum.Failures {
		failed = append(failed, f.Name)
	}
	if fmt.Sprint(failed) != "[early.html broken.html]" {
		t.Errorf("failed = %v, want the two inputs that failed for their own reasons", failed)
	}
	if j.sum.Read != 2 {
		t.Errorf("read = %d, want 2 (the inputs cut off were not read)", j.sum.Read)
	}
}
