package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/store"
)

// BenchmarkRunArticles stores 2,000 synthetic articles (no extraction) through
// the pipeline: clustering, batched saves and comparisons of every story.
func BenchmarkRunArticles(b *testing.B) {
	arts := eval.SyntheticArticles(2000, 1)
	for i := 0; b.Loop(); i++ {
		st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := RunInputs(context.Background(), st, Articles(arts), Options{}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
