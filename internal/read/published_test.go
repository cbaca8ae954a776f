package read_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
)

// TestStoriesPublishedBoundsByPublicationTime stores three stories whose news
// happened in 2014, 2019 and 2026, loaded in the opposite order, and lists
// them by date range: the range is of publication, not load, time.
func TestStoriesPublishedBoundsByPublicationTime(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	loaded := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for i, s := range []struct {
		story, source string
		published     time.Time
	}{
		{"s2026", "Ledger", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)},
		{"s2019", "Courier", time.Date(2019, 5, 1, 12, 0, 0, 0, time.UTC)},
		{"s2014", "Ledger", time.Date(2014, 1, 3, 8, 0, 0, 0, time.UTC)},
	} {
		a := news.Article{ID: s.story + "-a", Source: s.source, Title: "Story " + s.story, Published: s.published, Text: "Dockworkers voted to end the strike."}
		p := news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: s.story, Reason: "test"}, ContentHash: a.ID}
		if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{p}, At: loaded.Add(time.Duration(i) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	r := read.New(st, read.Options{})
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name string
		q    news.StoryQuery
		span read.PublishedRange
		want []string
	}{
		{"open range lists all, latest loaded first", news.StoryQuery{}, read.PublishedRange{}, []string{"s2014", "s2019", "s2026"}},
		{"from 2019", news.StoryQuery{}, read.PublishedRange{From: day("2019-01-01")}, []string{"s2019", "s2026"}},
		{"until 2020", news.StoryQuery{}, read.PublishedRange{Until: day("2020-01-01")}, []string{"s2014", "s2019"}},
		{"2019 only", news.StoryQuery{}, read.PublishedRange{From: day("2019-01-01"), Until: day("2020-01-01")}, []string{"s2019"}},
		{"until is exclusive", news.StoryQuery{}, read.PublishedRange{Until: time.Date(2019, 5, 1, 12, 0, 0, 0, time.UTC)}, []string{"s2014"}},
		{"with an outlet", news.StoryQuery{Source: "Ledger"}, read.PublishedRange{From: day("2010-01-01")}, []string{"s2014", "s2026"}},
		{"paged", news.StoryQuery{Limit: 1, Offset: 1}, read.PublishedRange{From: day("2010-01-01")}, []string{"s2019"}},
		{"nothing in range", news.StoryQuery{}, read.PublishedRange{From: day("2027-01-01")}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := r.StoriesPublished(ctx, tt.q, tt.span)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, s := range list {
				got = append(got, s.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := r.StoriesPublished(ctx, news.StoryQuery{}, read.PublishedRange{From: day("2020-01-01"), Until: day("2019-01-01")}); err == nil {
		t.Error("an empty range (since after until) was accepted")
	}
}
