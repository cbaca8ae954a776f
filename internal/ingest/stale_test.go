package ingest

import (
	"context"
	"iter"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

// storyInputs are two reports of one event and one of another.
func storyInputs() iter.Seq2[Input, error] {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "ledger-strike", Source: "The Harbor Ledger", Title: "Calder dockworkers end strike", Published: day,
			Text: "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.\n\nThe union said 412 members took part in the vote."},
		{ID: "courier-strike", Source: "Calder Courier", Title: "Port strike over after vote", Published: day.Add(3 * time.Hour),
			Text: "The nine-day strike at the port of Calder is over after dockworkers voted on Monday to accept a night-shift pay offer.\n\nUnion leader Mara Voss said 412 members took part in the vote."},
		{ID: "gazette-fire", Source: "Valley Gazette", Title: "Warehouse fire in Dunmore", Published: day.Add(time.Hour),
			Text: "A fire destroyed a grain warehouse in Dunmore on Sunday night.\n\nFirefighters from three towns fought the blaze until dawn."},
	}
	return Articles(arts)
}

// tempStore opens a new database in the test's temporary folder.
func tempStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// addedStories is a new store into which storyInputs were added.
func addedStories(t *testing.T) *store.Store {
	t.Helper()
	st := tempStore(t)
	if _, err := RunInputs(context.Background(), st, storyInputs(), Options{}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStoriesAreComparedWhenRead(t *testing.T) {
	ctx := context.Background()
	st := addedStories(t)
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 2 {
		t.Fatalf("after add, stale stories = %v; want both, compared when read", stale)
	}
	list, err := FreshStories(ctx, st, store.StoryQuery{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("FreshStories = %+v, %v", list, err)
	}
	if list[0].Summary == "" {
		t.Errorf("a listed story has no summary: %+v", list[0])
	}
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 1 || stale[0] == list[0].ID {
		t.Errorf("after listing one story, stale = %v; want only the one not listed", stale)
	}
	for _, article := range []string{"ledger-strike", "gazette-fire"} {
		d, err := FreshStory(ctx, st, mustStoryOf(t, st, article))
		if want := map[string]int{"ledger-strike": 2, "gazette-fire": 1}[article]; err != nil || len(d.Timeline) != want {
			t.Errorf("FreshStory(story of %s): timeline %v, %v; want %d entries", article, d.Timeline, err, want)
		}
		if article == "ledger-strike" && len(d.Facts) == 0 {
			t.Errorf("the strike story read fresh states no shared fact")
		}
	}
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 0 {
		t.Errorf("stale after reading both stories: %v", stale)
	}
}

func TestCompareInBackgroundComparesEveryStaleStory(t *testing.T) {
	ctx := context.Background()
	st := addedStories(t)
	bg, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		CompareInBackground(bg, st, 10*time.Millisecond, nil)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		stale, err := st.StaleStories(ctx, 0)
		if err == nil && len(stale) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stories still stale after 10s of background comparing: %v %v", stale, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	<-done // returns once its context ends
	d, err := st.Story(ctx, mustStoryOf(t, st, "gazette-fire"))
	if err != nil || len(d.Timeline) != 1 {
		t.Errorf("the fire story after background comparing: timeline %v, %v", d.Timeline, err)
	}
}

func mustStoryOf(t *testing.T, st *store.Store, article string) string {
	t.Helper()
	id, err := st.StoryOf(context.Background(), article)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
