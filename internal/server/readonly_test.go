package server

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source"
)

// fileSum is the SHA-256 of a file, "absent" when there is none.
func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "absent"
	}
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// TestReadingChangesNothingOnDisk: GET of every page of the UI and the API
// leaves the database file and its write-ahead log as they were, stale
// stories included (reading a story used to compare it and store the
// comparison: server -> ingest -> compare -> store).
func TestReadingChangesNothingOnDisk(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	eng, err := engine.Start(ctx, st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "ledger-strike", URL: "https://ledger.example/strike", Source: "The Harbor Ledger", Title: "Calder dockworkers end strike", Published: day,
			Text: "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.\n\n\"We were heard,\" said Mara Voss. The union said 412 members took part in the vote."},
		{ID: "courier-strike", Source: "Calder Courier", Title: "Port strike over after vote", Published: day.Add(3 * time.Hour),
			Text: "The nine-day strike at the port of Calder is over after dockworkers voted on Monday to accept a night-shift pay offer.\n\nUnion leader Mara Voss said 410 members took part in the vote."},
		{ID: "gazette-fire", Source: "Valley Gazette", Title: "Warehouse fire in Dunmore", Published: day.Add(time.Hour),
			Text: "A fire destroyed a grain warehouse in Dunmore on Sunday night.\n\nFirefighters from three towns fought the blaze until dawn."},
	}
	if _, err := eng.Submit(ctx, source.Articles(arts[:1]), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := engine.NewProjector(st, engine.ProjectorOptions{}).CompareAll(ctx); err != nil {
		t.Fatal(err)
	}
	// The story grows after its comparison, and another is never compared.
	if _, err := eng.Submit(ctx, source.Articles(arts[1:]), nil); err != nil {
		t.Fatal(err)
	}
	if err := st.AddFeeds(ctx, []string{"https://ledger.example/rss"}); err != nil {
		t.Fatal(err)
	}
	eng.Close()
	stale, _ := st.StaleStories(ctx, 0)
	if len(stale) != 2 {
		t.Fatalf("stale stories %v, want both: the test must read stale stories", stale)
	}
	strike, _ := st.StoryOf(ctx, "ledger-strike")
	fire, _ := st.StoryOf(ctx, "gazette-fire")

	for _, projected := range []bool{false, true} {
		r := read.New(st, read.Options{})
		r.SetProjected(projected)
		srv, err := New(r, Options{})
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		db, wal := st.Path(), st.Path()+"-wal"
		beforeDB, beforeWAL := fileSum(t, db), fileSum(t, wal)
		for _, path := range []string{
			"/", "/?q=strike", "/?source=Calder+Courier", "/stories/" + strike, "/stories/" + fire, "/stories/nope",
			"/articles/ledger-strike", "/articles/gazette-fire", "/search?q=dockworkers", "/sources", "/feeds", "/feed.atom",
			"/healthz", "/metrics", "/api/v1/openapi.json", "/api/v1/stories", "/api/v1/stories?q=fire", "/api/v1/stories/" + strike,
			"/api/v1/stories/" + fire, "/api/v1/articles/courier-strike", "/api/v1/search?q=strike", "/api/v1/sources", "/api/v1/feeds",
			"/static/style.css",
		} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
			if rec.Code >= 500 {
				t.Errorf("GET %s = %d", path, rec.Code)
			}
		}
		if afterDB, afterWAL := fileSum(t, db), fileSum(t, wal); afterDB != beforeDB || afterWAL != beforeWAL {
			t.Errorf("projected %v: reading every page changed the database (%v) or its log (%v)", projected, afterDB != beforeDB, afterWAL != beforeWAL)
		}
	}
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 2 {
		t.Errorf("reading compared and stored stories: stale now %v", stale)
	}
}
