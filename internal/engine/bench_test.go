package engine_test

import (
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/source"
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
