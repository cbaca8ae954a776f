package read_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// TestQueriesThatScanEverythingAreRefused: a search of function words
// alone ranks every article, and a page a billion rows deep scans them all
// (issue 18: q=the took 1.36 s of CPU, offset=1000000000 2.08 s); both are
// refused with a reason, while a query with a real word still finds.
func TestQueriesThatScanEverythingAreRefused(t *testing.T) {
	ctx := context.Background()
	r := read.New(storedStory(t), read.Options{})
	var qe *read.QueryError
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"q=the", func() error { _, err := r.SearchStories(ctx, news.SearchQuery{Q: "the", Limit: 20}); return err }},
		{"q=of the", func() error { _, err := r.Stories(ctx, news.StoryQuery{Q: "Of THE", Limit: 20}); return err }},
		{"search offset", func() error {
			_, err := r.SearchStories(ctx, news.SearchQuery{Q: "strike", Limit: 20, Offset: 1000000000})
			return err
		}},
		{"list offset", func() error { _, err := r.Stories(ctx, news.StoryQuery{Limit: 20, Offset: 1000000000}); return err }},
		{"30,000 words", func() error {
			_, err := r.SearchStories(ctx, news.SearchQuery{Q: strings.Repeat("strike ", 30000), Limit: 20})
			return err
		}},
		{"40 words in a list", func() error {
			_, err := r.Stories(ctx, news.StoryQuery{Q: strings.Repeat("strike ", 40), Limit: 20})
			return err
		}},
		{"one 5,000-byte word", func() error {
			_, err := r.SearchStories(ctx, news.SearchQuery{Q: strings.Repeat("x", 5000), Limit: 20})
			return err
		}},
	} {
		if err := c.run(); !errors.As(err, &qe) {
			t.Errorf("%s: %v, want a QueryError", c.name, err)
		}
	}
	res, err := r.SearchStories(ctx, news.SearchQuery{Q: "the strike", Limit: 20})
	if err != nil || res.Articles != 3 {
		t.Errorf("the strike: %d matching articles, %v; want the 3 reports", res.Articles, err)
	}
}

// countingStore counts the list queries that reach the database.
type countingStore struct {
	*sqlite.Store
	stories, sources atomic.Int64
}

func (c *countingStore) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	c.stories.Add(1)
	time.Sleep(10 * time.Millisecond) // long enough for concurrent readers to meet
	return c.Store.Stories(ctx, q)
}

func (c *countingStore) SourceNames(ctx context.Context) ([]news.SourceCount, error) {
	c.sources.Add(1)
	return c.Store.SourceNames(ctx)
}

// TestListsAreKeptAndForgotten: with CacheFor set, 50 concurrent readers
// of the home list make one query, later readers none until the time is up
// or Forget is called; a caller reordering its list does not reorder
// another's.
func TestListsAreKeptAndForgotten(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{Store: storedStory(t)}
	r := read.New(st, read.Options{CacheFor: time.Hour})
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if list, err := r.Stories(ctx, news.StoryQuery{Limit: 50}); err != nil || len(list) != 1 {
				t.Errorf("stories: %v %v", list, err)
			}
			r.SourceNames(ctx)
		}()
	}
	wg.Wait()
	if st.stories.Load() != 1 || st.sources.Load() != 1 {
		t.Errorf("50 readers made %d story and %d outlet queries, want 1 each", st.stories.Load(), st.sources.Load())
	}
	names, _ := r.SourceNames(ctx)
	names[0], names[len(names)-1] = names[len(names)-1], names[0]
	again, _ := r.SourceNames(ctx)
	if again[0] == names[0] && len(names) > 1 {
		t.Error("a caller's reordering reached the kept list")
	}
	r.Forget()
	r.Stories(ctx, news.StoryQuery{Limit: 50})
	r.Stories(ctx, news.StoryQuery{Limit: 10})
	if st.stories.Load() != 3 {
		t.Errorf("after Forget and another query: %d story queries, want 3", st.stories.Load())
	}
}
