package server

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source"
)

// benchServer serves a database of n synthetic articles.
func benchServer(b *testing.B, n int) (*Server, []string) {
	b.Helper()
	ctx := context.Background()
	st := tempStore(b)
	eng, err := engine.Start(ctx, st, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := eng.Submit(ctx, source.Articles(eval.SyntheticArticles(n, 1)), nil); err != nil {
		b.Fatal(err)
	}
	eng.Close()
	list, _ := st.Stories(ctx, news.StoryQuery{Limit: 50})
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	srv, err := New(read.New(st, read.Options{}), Options{})
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
