package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/read"
)

// levelCounter is a log handler that counts the records of each level.
type levelCounter struct{ errors, others atomic.Int64 }

func (c *levelCounter) Enabled(context.Context, slog.Level) bool { return true }
func (c *levelCounter) Handle(_ context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		c.errors.Add(1)
	} else {
		c.others.Add(1)
	}
	return nil
}
func (c *levelCounter) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *levelCounter) WithGroup(string) slog.Handler      { return c }

// TestAReaderWhoLeavesIsNoFailure: a story read compares it in memory
// when it is stale, and since session 42 that comparison gives up when the
// request's context ends (the reader closed the page). Nothing failed on
// the server's side: it is not logged as an error ("request failed"), nor
// answered as an internal error, which an operator would chase.
func TestAReaderWhoLeavesIsNoFailure(t *testing.T) {
	st := tempStore(t)
	when := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	a := news.Article{ID: "a1", Source: "The Harbor Ledger", Published: when, Title: "Strike ends", Text: "Dockworkers voted to end the strike."}
	save(t, st, when, news.Placement{Article: a, Membership: news.Membership{ArticleID: "a1", StoryID: "s1"}, ContentHash: "a"})

	ctx, leave := context.WithCancel(context.Background())
	defer leave()
	memo := projection.NewMemoFunc(0, func(id, version string, arts []news.Article) (news.ComparisonRecord, error) {
		leave() // the reader closes the page while the story is compared
		return news.ComparisonRecord{}, ctx.Err()
	})
	logs := &levelCounter{}
	srv, err := New(read.New(st, read.Options{Memo: memo}), Options{Logger: slog.New(logs)})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/stories/s1", "/stories/s1"} {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil).WithContext(ctx))
		if rec.Code == http.StatusInternalServerError {
			t.Errorf("GET %s whose reader left answered %d, an internal error", path, rec.Code)
		}
	}
	if n := logs.errors.Load(); n != 0 {
		t.Errorf("%d errors logged for 2 reads whose reader left; want none", n)
	}
}
