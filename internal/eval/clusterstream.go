package eval

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// EditedStream is a stream of real text for speed and memory benchmarks, as
// issue 14 measured the clusterer: the base articles over and over (the
// k-th pass gives each id a "~k" suffix), each copy with small edits (about
// one word in eight of its text dropped, so that copies are not
// near-duplicates of each other and take the full scoring path), n
// articles in all, dated evenly over span from a fixed start. A base
// article thus comes back every len(base)/n × span, and a story of its
// event keeps taking copies: the stream tests that a long-running story
// costs no more than a short one.
func EditedStream(base []news.Article, n int, span time.Duration, seed int64) func() news.Article {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	return func() news.Article {
		b := base[i%len(base)]
		r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
		words := strings.Fields(b.Text)
		kept := words[:0:0]
		for _, w := range words {
			if r.IntN(8) != 0 {
				kept = append(kept, w)
			}
		}
		a := news.Article{
			ID: fmt.Sprintf("%s~%d", b.ID, i/len(base)), Source: b.Source, Title: b.Title, Text: strings.Join(kept, " "),
			Published: start.Add(time.Duration(float64(span) * float64(i) / float64(n))),
		}
		i++
		return a
	}
}

// StreamPoint is the state of a clustering stream after some articles.
type StreamPoint struct {
	Articles     int
	Elapsed      time.Duration
	PerSec       float64 // over the whole stream so far
	HeapMB       float64 // live heap after a collection
	PeakHeapMB   float64 // the most live heap seen at any tenth of the stream so far
	OpenStories  int
	TotalStories int
}

// RunClusterStream clusters n articles of a stream the way the pipeline
// does: features prepared on workers goroutines, articles assigned one at a
// time in order. It reports throughput and live heap at each checkpoint (an
// article count), so that growth in time and memory with the stream's
// length shows; the live heap is also measured at every tenth of the
// stream, for the peak.
func RunClusterStream(next func() news.Article, n, workers int, checkpoints []int, opt cluster.Options) []StreamPoint {
	prepared := make(chan cluster.Prepared, 256)
	go prepareInOrder(next, n, max(1, workers), prepared)
	cl := cluster.New(opt)
	var points []StreamPoint
	stories := map[string]bool{}
	var paused time.Duration // time spent measuring the heap, not clustering
	peak := 0.0
	liveHeap := func() float64 {
		t := time.Now()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		paused += time.Since(t)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	start := time.Now()
	next2 := 0
	for i := 1; i <= n; i++ {
		stories[cl.AddPrepared(<-prepared).StoryID] = true
		for _, ch := range cl.TakeChanges() {
			if ch.Kind == "merge" {
				delete(stories, ch.Other)
			} else {
				stories[ch.Other] = true
			}
		}
		atCheckpoint := next2 < len(checkpoints) && i == checkpoints[next2]
		if i%max(1, n/10) == 0 || atCheckpoint {
			elapsed := time.Since(start) - paused
			heap := liveHeap()
			peak = max(peak, heap)
			if atCheckpoint {
				next2++
				points = append(points, StreamPoint{
					Articles: i, Elapsed: elapsed, PerSec: float64(i) / elapsed.Seconds(),
					HeapMB: heap, PeakHeapMB: peak, OpenStories: cl.OpenStories(), TotalStories: len(stories),
				})
			}
		}
	}
	return points
}

// prepareInOrder computes the features of the stream's first n articles on
// workers goroutines and sends them to out in the stream's order.
func prepareInOrder(next func() news.Article, n, workers int, out chan<- cluster.Prepared) {
	type job struct {
		a    news.Article
		done chan cluster.Prepared
	}
	jobs := make(chan job, 256)
	pending := make(chan chan cluster.Prepared, 256)
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				j.done <- cluster.Prepare(j.a)
			}
		}()
	}
	go func() {
		for i := 0; i < n; i++ {
			a := next()
			done := make(chan cluster.Prepared, 1)
			pending <- done
			jobs <- job{a, done}
		}
		close(jobs)
		close(pending)
	}()
	for done := range pending {
		out <- <-done
	}
	close(out)
}
