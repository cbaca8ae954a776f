package engine_test

import (
	"context"
	"iter"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// tempStore opens a new database in the test's temporary folder.
func tempStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// start starts an engine on st, closed when the test ends.
func start(t testing.TB, st engine.Store, opt engine.Options) *engine.Engine {
	t.Helper()
	e, err := engine.Start(context.Background(), st, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// run submits inputs as one job of a new engine on st (one `add`).
func run(t testing.TB, st engine.Store, inputs iter.Seq2[news.Input, error], opt engine.Options) news.RunSummary {
	t.Helper()
	e, err := engine.Start(context.Background(), st, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	sum, err := e.Submit(context.Background(), inputs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// storyInputs are two reports of one event and one of another.
func storyInputs() iter.Seq2[news.Input, error] {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "ledger-strike", Source: "The Harbor Ledger", Title: "Calder dockworkers end strike", Published: day,
			Text: "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.\n\nThe union said 412 members took part in the vote."},
		{ID: "courier-strike", Source: "Calder Courier", Title: "Port strike over after vote", Published: day.Add(3 * time.Hour),
			Text: "The nine-day strike at the port of Calder is over after dockworkers voted on Monday to accept a night-shift pay offer.\n\nUnion leader Mara Voss said 412 members took part in the vote."},
		{ID: "gazette-fire", Source: "Valley Gazette", Title: "Warehouse fire in Dunmore", Published: day.Add(time.Hour),
			Text: "A fire destroyed a grain warehouse in Dunmore on Sunday night.\n\nFirefighters from three towns fought the blaze until dawn."},
	}
	return source.Articles(arts)
}

func mustStoryOf(t *testing.T, st *sqlite.Store, article string) string {
	t.Helper()
	id, err := st.StoryOf(context.Background(), article)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
