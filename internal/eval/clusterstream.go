package eval

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
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
// costs no more than a short one. With span 0 the articles are undated.
func EditedStream(base []news.Article, n int, span time.Duration, seed int64) func() news.Article {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	return func() news.Article {
		b := base[i%len(base)]
		r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
		// The words kept, joined by single spaces, made in one string: a
		// list of the words and of those kept was half of what the
		// stream allocated for each article, garbage that the clusterer's
		// collections paid for.
		var text strings.Builder
		text.Grow(len(b.Text))
		for w := range strings.FieldsSeq(b.Text) {
			if r.IntN(8) != 0 {
				if text.Len() > 0 {
					text.WriteByte(' ')
				}
				text.WriteString(w)
			}
		}
		a := news.Article{
			ID: fmt.Sprintf("%s~%d", b.ID, i/len(base)), Source: b.Source, Title: b.Title, Text: text.String(),
		}
		if span > 0 {
			a.Published = start.Add(time.Duration(float64(span) * float64(i) / float64(n)))
		}
		i++
		return a
	}
}

// StreamPoint is the state of a clustering stream after some articles.
type StreamPoint struct {
	Articles  int
	Elapsed   time.Duration
	PerSec    float64       // over the whole stream so far
	CPU       time.Duration // CPU time of the process (all cores) over the stream so far, heap measurements left out
	PerCPUSec float64       // articles per CPU second
	// PlacingCPU is the CPU time of the goroutine that places the
	// articles, one after another, over the stream so far (0 where it is
	// not read, see threadCPU): the part of CPU that runs on one core,
	// while the rest (reading, preparing the next window's features, the
	// garbage collector's own workers) runs beside it on the others. On
	// an idle machine of c cores the stream's time is at least the larger
	// of PlacingCPU and CPU/c (see WallBound).
	PlacingCPU   time.Duration
	HeapMB       float64 // live heap after a collection
	PeakHeapMB   float64 // the most live heap seen at any tenth of the stream so far
	OpenStories  int
	TotalStories int
	// Finished marks the point after the stream's end (engine.Stream.Finish:
	// a settle, and every story of one article still waiting for the lone
	// step judged), which follows the last checkpoint's.
	Finished bool
}

// WallBound is the least time the stream so far could have taken on an
// idle machine of cores cores: its placing runs on one core, everything
// on all of them (0 when PlacingCPU was not read). On a loaded machine
// Elapsed measures the share of the cores the stream was given; this
// measures the work, and how it is split. It is a bound for the CPU times
// as read: work read on a loaded machine runs longer than on a quiet one
// (shared caches), so a bound read at load can lie above a quiet run's
// time (session 44: at load, 4,560-5,610 articles/s at 100k; the quiet
// base ran at 5,876).
func (p StreamPoint) WallBound(cores int) time.Duration {
	if p.PlacingCPU == 0 || cores < 1 {
		return 0
	}
	return max(p.PlacingCPU, p.CPU/time.Duration(cores))
}

// RunClusterStream clusters n articles of a stream the way add and
// `storyline cluster` do: in windows of engine.DefaultWindow, the next
// window's features prepared on workers goroutines (engine.PreparedAhead)
// while the articles of the current one are placed through the engine's
// stream driver (engine.Stream), one at a time. It reports throughput
// and live heap at each checkpoint (an article count), so that growth in
// time and memory with the stream's length shows; the live heap is also
// measured at every tenth of the stream, for the peak. The checkpoints time the placing alone (the
// stream settles only at a new day's first article, see
// cluster.Clusterer.EndDay); the stream is then finished, as `storyline
// cluster` finishes a file's, and a last point, Finished, includes that
// final settle and lone step.
func RunClusterStream(next func() news.Article, n, workers int, checkpoints []int, opt cluster.Options) []StreamPoint {
	// The placing runs on this goroutine, held to its thread so that the
	// thread's CPU time is the placing's (PlacingCPU).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cl := cluster.New(opt)
	var points []StreamPoint
	stories := map[string]bool{}
	var paused, pausedCPU, pausedPlacing time.Duration // time spent measuring the heap, not clustering
	peak := 0.0
	liveHeap := func() float64 {
		t, cpu, placing := time.Now(), processCPU(), threadCPU()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		paused += time.Since(t)
		pausedCPU += processCPU() - cpu
		pausedPlacing += threadCPU() - placing
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	stream := engine.NewStream(cl, func(ch news.StoryChange) {
		if ch.Kind == "merge" {
			delete(stories, ch.Other)
		} else {
			stories[ch.Other] = true
		}
	})
	start, startCPU, startPlacing := time.Now(), processCPU(), threadCPU()
	placed, nextCheckpoint := 0, 0
	measure := func() StreamPoint {
		elapsed, cpu := time.Since(start)-paused, processCPU()-startCPU-pausedCPU
		var placingCPU time.Duration
		if startPlacing > 0 {
			placingCPU = threadCPU() - startPlacing - pausedPlacing
		}
		heap := liveHeap()
		peak = max(peak, heap)
		return StreamPoint{
			Articles: placed, Elapsed: elapsed, PerSec: float64(placed) / elapsed.Seconds(),
			CPU: cpu, PerCPUSec: float64(placed) / cpu.Seconds(), PlacingCPU: placingCPU,
			HeapMB: heap, PeakHeapMB: peak, OpenStories: cl.OpenStories(), TotalStories: len(stories),
		}
	}
	onPlaced := func(m news.Membership) {
		placed++
		stories[m.StoryID] = true
		atCheckpoint := nextCheckpoint < len(checkpoints) && placed == checkpoints[nextCheckpoint]
		if placed%max(1, n/10) != 0 && !atCheckpoint {
			return
		}
		p := measure()
		if atCheckpoint {
			nextCheckpoint++
			points = append(points, p)
		}
	}
	windows := (n + engine.DefaultWindow - 1) / engine.DefaultWindow
	articles := func(k int) []news.Article { // made on the preparing goroutine, in order
		w := make([]news.Article, min(engine.DefaultWindow, n-k*engine.DefaultWindow))
		for i := range w {
			w[i] = next()
		}
		return w
	}
	for _, window := range engine.PreparedAhead(windows, articles, max(1, workers), cl.Prepare) {
		placeWindow(stream, window, onPlaced)
	}
	stream.Finish()
	final := measure()
	final.Finished = true
	return append(points, final)
}

// placeWindow places one window of prepared articles through the stream
// driver.
func placeWindow(stream *engine.Stream, w []cluster.Prepared, placed func(news.Membership)) {
	stream.Place(len(w),
		func(i int) time.Time { return w[i].Article.Published },
		func(i int) (cluster.Prepared, bool) { return w[i], true },
		func(_ int, m news.Membership) { placed(m) })
}
