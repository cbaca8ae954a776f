package eval

import (
	"os"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// BenchmarkClusterPrepare measures feature preparation alone on
// allsides_train's articles, one per iteration, per CPU second: it runs
// on every core in a stream, beside placement. "stream" prepares as the
// stream does, for a clusterer of the shipped model (Clusterer.Prepare:
// no word vectors, which that model does not read); "all" prepares every
// feature (cluster.Prepare), as a fit's clusterers need.
//
//	go test ./internal/eval -run '^$' -bench ClusterPrepare -benchtime 7356x -cpu 1
func BenchmarkClusterPrepare(b *testing.B) {
	base := streamBase(b)
	for _, how := range []struct {
		name    string
		prepare func(news.Article) cluster.Prepared
	}{{"stream", cluster.New(cluster.Options{}).Prepare}, {"all", cluster.Prepare}} {
		b.Run(how.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := processCPU()
			for i := 0; b.Loop(); i++ {
				how.prepare(base[i%len(base)])
			}
			b.ReportMetric(float64(b.N)/(processCPU()-cpu).Seconds(), "articles/CPU-s")
		})
	}
}

// streamBase reads the articles the benchmark stream repeats, or skips
// the benchmark when the development data is not beside the repository.
func streamBase(b *testing.B) []news.Article {
	const path = "../../../shared/bench/stories/allsides_train.jsonl"
	if _, err := os.Stat(path); err != nil {
		b.Skipf("needs the development data beside the repository: %v", err)
	}
	items, err := ReadLabelled(path)
	if err != nil {
		b.Fatal(err)
	}
	base := make([]news.Article, len(items))
	for i, it := range items {
		base[i] = it.Article
	}
	return base
}

// BenchmarkClusterStreamPlace measures the clusterer alone on the stream of
// issue 14 (allsides_train repeated with small edits, dated over 60 days):
// features are prepared before the timer starts, so the figure is the cost
// of placing articles, which runs on one goroutine (reported per second
// of wall time and of the process's CPU time). Each iteration places
// one article of a 20,000-article stream; the clusterer starts again after
// the stream's end.
//
//	go test ./internal/eval -run '^$' -bench ClusterStreamPlace -benchtime 20000x -cpuprofile /tmp/cpu.prof
func BenchmarkClusterStreamPlace(b *testing.B) {
	base := streamBase(b)
	const n = 20000
	next := EditedStream(base, n, 60*24*time.Hour, 1)
	prepared := make([]cluster.Prepared, n)
	for i := range prepared {
		prepared[i] = cluster.Prepare(next())
	}
	c := cluster.New(cluster.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		if i%n == 0 && i > 0 {
			c = cluster.New(cluster.Options{})
		}
		c.AddPrepared(prepared[i%n])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// CPU time is what a loaded machine does not distort: wall time counts
	// the time other processes held the cores.
	b.ReportMetric(float64(b.N)/(processCPU()-cpu).Seconds(), "articles/CPU-s")
}
