package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
)

// ClusterReport is the outcome of a clustering benchmark on one file.
type ClusterReport struct {
	File             string
	Articles         int
	GoldClusters     int
	PredClusters     int
	BCubed, Pairwise PRF
	ArticlesPerSec   float64
	HeapMB           float64
	Merges, Splits   int // late corrections the clusterer made
}

type labelled struct {
	news.Article
	Cluster string
}

// ReadLabelled reads article JSONL with a gold "cluster" field (and "date" or
// "published"), as in ../shared/bench/stories.
func ReadLabelled(path string) ([]labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeLabelled(f, path)
}

func decodeLabelled(r io.Reader, name string) ([]labelled, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []labelled
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			ID        string          `json:"id"`
			Source    *string         `json:"source"`
			Date      *string         `json:"date"`
			Published string          `json:"published"`
			Title     string          `json:"title"`
			Text      string          `json:"text"`
			Cluster   json.RawMessage `json:"cluster"`
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		a := news.Article{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		if rec.Source != nil {
			a.Source = *rec.Source
		}
		date := rec.Published
		if date == "" && rec.Date != nil {
			date = *rec.Date
		}
		a.Published, _ = news.ParsePublished(date)
		out = append(out, labelled{a, string(rec.Cluster)})
	}
	return out, sc.Err()
}

// RunClustering clusters a labelled file as add would, through the engine's
// stream driver (engine.ClusterStream: windows of the file's order, each by
// date when every article of it has one, settled at the end), never
// reading the gold label, and scores the result. A shuffleSeed other than 0
// first shuffles the file's articles with that seed (dated windows are then
// sorted by date again): a score that holds only in the file's own order
// owes something to how the file was put together.
func RunClustering(path string, opt cluster.Options, shuffleSeed int64) (ClusterReport, error) {
	rep := ClusterReport{File: path}
	items, err := ReadLabelled(path)
	if err != nil {
		return rep, err
	}
	streamOrder(items, shuffleSeed)
	pred, gold := map[string]string{}, map[string]string{}
	runtime.GC()
	start := time.Now()
	arts := make([]news.Article, len(items))
	for i, it := range items {
		arts[i] = it.Article
	}
	_, pred = engine.ClusterStream(cluster.New(opt), arts, engine.DefaultWindow, func(ch news.StoryChange) {
		if ch.Kind == "merge" {
			rep.Merges++
		} else {
			rep.Splits++
		}
	})
	elapsed := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	for _, it := range items {
		gold[it.ID] = it.Cluster
	}
	rep.Articles = len(items)
	rep.GoldClusters = len(invert(gold))
	rep.PredClusters = len(invert(pred))
	rep.BCubed = BCubed(pred, gold)
	rep.Pairwise = Pairwise(pred, gold)
	rep.ArticlesPerSec = float64(len(items)) / elapsed.Seconds()
	rep.HeapMB = float64(ms.HeapAlloc) / (1 << 20)
	return rep, nil
}

// streamOrder puts labelled articles in the order RunClustering hands them
// to the stream driver: shuffled when seed is not 0, else the file's (the
// driver puts each window in date order).
func streamOrder(items []labelled, seed int64) {
	if seed != 0 {
		r := rand.New(rand.NewPCG(uint64(seed), 0))
		r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	}
}

// StreamPoint is the state of a clustering stream after some articles.
type StreamPoint struct {
	Articles     int
	Elapsed      time.Duration
	PerSec       float64 // over the whole stream so far
	HeapMB       float64 // live heap after a collection
	OpenStories  int
	TotalStories int
}

// RunClusterStream clusters a synthetic stream of n dated articles (five
// reports an event, an event every 90 minutes, see SyntheticArticles) the
// way the pipeline does: features prepared on workers goroutines, articles
// assigned one at a time in order. It reports throughput and live heap at
// each checkpoint (an article count), so that growth in time and memory
// with the stream's length shows.
func RunClusterStream(n, workers int, checkpoints []int, opt cluster.Options) []StreamPoint {
	prepared := make(chan cluster.Prepared, 256)
	go prepareInOrder(SyntheticStream(7), n, max(1, workers), prepared)
	cl := cluster.New(opt)
	var points []StreamPoint
	stories := map[string]bool{}
	var paused time.Duration // time spent measuring the heap, not clustering
	start := time.Now()
	next := 0
	for i := 1; i <= n; i++ {
		stories[cl.AddPrepared(<-prepared).StoryID] = true
		for _, ch := range cl.TakeChanges() {
			if ch.Kind == "merge" {
				delete(stories, ch.Other)
			} else {
				stories[ch.Other] = true
			}
		}
		if next < len(checkpoints) && i == checkpoints[next] {
			next++
			elapsed := time.Since(start) - paused
			t := time.Now()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			points = append(points, StreamPoint{
				Articles: i, Elapsed: elapsed, PerSec: float64(i) / elapsed.Seconds(),
				HeapMB: float64(ms.HeapAlloc) / (1 << 20), OpenStories: cl.OpenStories(), TotalStories: len(stories),
			})
			paused += time.Since(t)
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
