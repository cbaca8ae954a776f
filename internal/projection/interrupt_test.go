package projection

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// ferryStory is a story of n reports of one event.
func ferryStory(n int) []news.Article {
	day := time.Date(2026, 6, 9, 6, 0, 0, 0, time.UTC)
	var arts []news.Article
	for i := range n {
		arts = append(arts, news.Article{ID: fmt.Sprintf("ferry-%d", i), Source: fmt.Sprintf("Outlet %d", i), Title: "Fenwick ferry runs aground",
			Published: day.Add(time.Duration(i) * 23 * time.Minute), Lang: "en",
			Text: fmt.Sprintf("The morning ferry from Fenwick ran aground on a sandbank outside the harbour on Tuesday with %d passengers on board.\n\n", 80+i) +
				"Nobody was hurt, and the passengers were taken ashore by lifeboat, the coastguard said.\n\n" +
				"The operator said the crossing would run again from Thursday once the hull had been checked."})
	}
	return arts
}

// TestAComparisonInterruptedIsGivenUpAndComparedAgain: the caller's
// context ends as its story's comparison begins. The comparison gives up
// with the context's error (before, it ran to its end and returned a
// record, however large the story), keeps nothing, and the next caller
// compares the story and gets its record.
func TestAComparisonInterruptedIsGivenUpAndComparedAgain(t *testing.T) {
	arts := ferryStory(5)
	memo := NewMemo(0)
	ctx, interrupt := context.WithCancel(context.Background())
	_, err := memo.Record(ctx, "ferry", "v1", func(context.Context) ([]news.Article, error) {
		interrupt() // Ctrl-C, as the story's articles are read
		return arts, nil
	})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrCompare) {
		t.Fatalf("the interrupted comparison returned %v; want the context's error, no failure of the articles", err)
	}
	if _, ok, _ := memo.Kept("ferry", "v1", arts); ok {
		t.Error("the memo keeps the interrupted comparison; want it compared again when next asked")
	}
	rec, err := memo.Record(context.Background(), "ferry", "v1", func(context.Context) ([]news.Article, error) { return arts, nil })
	if err != nil || len(rec.Comparison.Timeline) != len(arts) || len(rec.Comparison.Facts) == 0 {
		t.Errorf("compared again: timeline of %d, %d facts, %v; want the %d reports and their shared facts", len(rec.Comparison.Timeline), len(rec.Comparison.Facts), err, len(arts))
	}
}

// waitingContext is a context that says when a caller first waits on it
// (its Done is asked for): the memo's callers ask only when they wait for
// a comparison another caller is making.
type waitingContext struct {
	context.Context
	once    sync.Once
	waiting chan struct{}
}

func (c *waitingContext) Done() <-chan struct{} {
	c.once.Do(func() { close(c.waiting) })
	return c.Context.Done()
}

// TestAWaitingCallerComparesWhatAnInterruptedOneGaveUp: one caller's
// comparison of a story gives up on its context (its reader left) while a
// second caller, whose context lives, waits for it. The second gets the
// story compared (it compares it itself), not the first one's
// cancellation; the first gets its own.
func TestAWaitingCallerComparesWhatAnInterruptedOneGaveUp(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var calls atomic.Int32
	memo := NewMemoFunc(0, func(id, version string, arts []news.Article) (news.ComparisonRecord, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-release
			return news.ComparisonRecord{}, context.Canceled // given up on the first caller's context
		}
		return news.ComparisonRecord{StoryID: id, Version: version, Title: "Ferry aground"}, nil
	})
	load := func(context.Context) ([]news.Article, error) { return ferryStory(2), nil }
	first, leave := context.WithCancel(context.Background())
	firstErr := make(chan error, 1)
	go func() {
		_, err := memo.Record(first, "s1", "v1", load)
		firstErr <- err
	}()
	<-started
	second := &waitingContext{Context: context.Background(), waiting: make(chan struct{})}
	type result struct {
		rec news.ComparisonRecord
		err error
	}
	secondGot := make(chan result, 1)
	go func() {
		rec, err := memo.Record(second, "s1", "v1", load)
		secondGot <- result{rec, err}
	}()
	<-second.waiting // the second caller waits for the first's comparison
	leave()
	close(release)
	if err := <-firstErr; !errors.Is(err, context.Canceled) {
		t.Errorf("the interrupted caller got %v, want its cancellation", err)
	}
	got := <-secondGot
	if got.err != nil || got.rec.Title != "Ferry aground" {
		t.Errorf("the waiting caller got %+v, %v; want the story compared", got.rec, got.err)
	}
	if n := memo.Computed(); n != 2 {
		t.Errorf("%d comparisons made, want 2 (the one given up, and the waiting caller's own)", n)
	}
}
