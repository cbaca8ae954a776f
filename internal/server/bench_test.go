package server

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
)

// benchServer serves a database of n synthetic articles.
func benchServer(b *testing.B, n int) (*Server, []string) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := ingest.RunInputs(ctx, st, ingest.Articles(eval.SyntheticArticles(n, 1)), ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	list, _ := st.Stories(ctx, store.StoryQuery{Limit: 50})
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	srv, err := New(st, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return srv, ids
}

// BenchmarkPages serves the story list and story pages from 2,000 articles.
func BenchmarkPages(b *testing.B) {
	srv, ids := benchServer(b, 2000)
	h := srv.Handler()
	b.Run("list", func(b *testing.B) {
		for b.Loop() {
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
		}
	})
	b.Run("story", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/stories/"+ids[i%len(ids)], nil))
		}
	})
}
