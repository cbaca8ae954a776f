package engine_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// BenchmarkRunArticles stores 2,000 synthetic articles (no extraction) as
// one add: an engine started (its clusterer restored from an empty store),
// the articles clustered and saved in batches.
func BenchmarkRunArticles(b *testing.B) {
	arts := eval.SyntheticArticles(2000, 1)
	for b.Loop() {
		run(b, tempStore(b), source.Articles(arts), engine.Options{})
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// stateCounting is a store that counts the parts of the clusterer's state
// each write stores, and their bytes.
type stateCounting struct {
	*sqlite.Store
	parts, bytes int
}

func (s *stateCounting) SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error) {
	for _, p := range b.StreamState {
		s.parts++
		s.bytes += len(p.State)
	}
	return s.Store.SaveBatch(ctx, b)
}

// BenchmarkALoneWrite measures a write of one article (a lone post to
// serve, or an add of one page) on stores of 1,000 and 7,000 undated
// synthetic articles (an undated clusterer holds the stories of its last
// 10,000 articles, the largest state), by an engine started on the store,
// and reports the bytes and parts of the clusterer's state a write stores.
//
//	go test ./internal/engine -run '^$' -bench ALoneWrite -benchtime 20x
func BenchmarkALoneWrite(b *testing.B) {
	for _, stored := range []int{1000, 7000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			next := eval.SyntheticStream(1)
			undated := func(n int) []news.Article {
				arts := make([]news.Article, n)
				for i := range arts {
					arts[i] = next()
					arts[i].Published = time.Time{}
				}
				return arts
			}
			st := &stateCounting{Store: tempStore(b)}
			run(b, st, source.Articles(undated(stored)), engine.Options{})
			e := start(b, st, engine.Options{})
			st.parts, st.bytes = 0, 0
			for b.Loop() {
				if _, err := e.Submit(context.Background(), source.Articles(undated(1)), nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.bytes)/float64(b.N), "state-bytes/op")
			b.ReportMetric(float64(st.parts)/float64(b.N), "state-parts/op")
		})
	}
}

// BenchmarkARestart measures an engine's start on stores of 1,000 and 7,000
// synthetic articles, undated and dated: the clusterer restored from the
// store (from the stories its saved state names, see the writer's
// restoreHeld), and reports the articles the restore read.
//
//	go test ./internal/engine -run '^$' -bench ARestart -benchtime 5x
func BenchmarkARestart(b *testing.B) {
	for _, stored := range []int{1000, 7000} {
		for _, undated := range []bool{true, false} {
			b.Run(fmt.Sprintf("stored=%d/undated=%v", stored, undated), func(b *testing.B) {
				next := eval.SyntheticStream(1)
				arts := make([]news.Article, stored)
				for i := range arts {
					arts[i] = next()
					if undated {
						arts[i].Published = time.Time{}
					}
				}
				st := &readingStore{Store: tempStore(b)}
				run(b, st, source.Articles(arts), engine.Options{})
				st.read = nil
				for b.Loop() {
					e, err := engine.Start(context.Background(), st, engine.Options{})
					if err != nil {
						b.Fatal(err)
					}
					e.Close()
				}
				b.ReportMetric(float64(len(st.read))/float64(b.N), "articles-read/op")
			})
		}
	}
}
