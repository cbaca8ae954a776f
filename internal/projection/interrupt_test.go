package projection

import (
	"context"
	"errors"
	"fmt"
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
