package compare_test

import (
	"os"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
)

// BenchmarkCompare compares the gold stories of the labelled file named by
// $STORYLINE_BENCH_STORIES (default ../shared/bench/stories/basil.jsonl),
// each story once per iteration; it reports articles compared per second.
func BenchmarkCompare(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_STORIES")
	if path == "" {
		path = "../../../shared/bench/stories/basil.jsonl"
	}
	items, err := eval.ReadLabelled(path)
	if err != nil {
		b.Skip(err)
	}
	byStory := map[string][]news.Article{}
	for _, it := range items {
		byStory[it.Cluster] = append(byStory[it.Cluster], it.Article)
	}
	keys := make([]string, 0, len(byStory))
	for k := range byStory {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range keys {
			compare.Compare(byStory[k])
		}
	}
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkAnnotate annotates the articles of the labelled file named by
// $STORYLINE_BENCH_STORIES (default BASIL) once per iteration; it reports
// articles annotated per second on one core.
func BenchmarkAnnotate(b *testing.B) {
	path := os.Getenv("STORYLINE_BENCH_STORIES")
	if path == "" {
		path = "../../../shared/bench/stories/basil.jsonl"
	}
	items, err := eval.ReadLabelled(path)
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			compare.Annotate(it.Article)
		}
	}
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
