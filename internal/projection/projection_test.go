package projection

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestTitleAndSummary(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "undated", Title: "Roundup"},
		{ID: "later", Title: "Later report", Published: day.Add(time.Hour), Text: "Dockworkers voted to end the strike. The vote was close."},
		{ID: "first", Title: "First report", Published: day, Text: "The port reopens on Tuesday.\n\nMore later."},
	}
	if got := Title(arts); got != "First report" {
		t.Errorf("Title = %q, want the earliest dated article's", got)
	}
	if got := Title(arts[:1]); got != "Roundup" {
		t.Errorf("Title of undated articles = %q, want the first's", got)
	}
	cmp := news.Comparison{Timeline: []news.TimelineEntry{{Article: "first"}, {Article: "later"}}}
	if got := Summary(arts, cmp); got != "The port reopens on Tuesday." {
		t.Errorf("Summary without shared facts = %q, want the first report's lead sentence", got)
	}
	cmp.Facts = []news.Fact{{Text: "Dockworkers voted.", Articles: []string{"first", "later"}}}
	if got := Summary(arts, cmp); got != "Dockworkers voted." {
		t.Errorf("Summary = %q, want the most corroborated fact", got)
	}
}

func TestMemoKeepsTheLastAndForgetsFailures(t *testing.T) {
	ctx := context.Background()
	m := NewMemo(2)
	loads := 0
	load := func(context.Context) ([]news.Article, error) {
		loads++
		return []news.Article{{ID: "a", Title: "T", Text: "Dockworkers voted to end the strike on Monday."}}, nil
	}
	for _, k := range []string{"s1", "s1", "s2", "s3", "s1"} {
		if _, err := m.Record(ctx, k, "v1", load); err != nil {
			t.Fatal(err)
		}
	}
	if loads != 4 || m.Computed() != 4 {
		t.Errorf("%d loads, %d comparisons; want 4 (s1 again at once is kept, s1 after s2 and s3 is not, with room for 2)", loads, m.Computed())
	}
	if _, err := m.Record(ctx, "s3", "v2", load); err != nil || loads != 5 {
		t.Errorf("a new version of a story was not compared again: %d loads, %v", loads, err)
	}
	broken := errors.New("disk on fire")
	for range 2 {
		if _, err := m.Record(ctx, "s9", "v1", func(context.Context) ([]news.Article, error) { return nil, broken }); !errors.Is(err, broken) {
			t.Errorf("a failed load gives %v", err)
		}
	}
	if m.Computed() != 7 {
		t.Errorf("a failure was kept: %d comparisons attempted, want the failed one tried twice", m.Computed())
	}
}
