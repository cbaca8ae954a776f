package worker_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/worker"
)

var pgCluster *pgtest.Cluster

func TestMain(m *testing.M) { pgtest.Main(m, &pgCluster) }

// benchPages reads the pages of $STORYLINE_BENCH_SET (a folder of pages,
// e.g. ../shared/bench/extraction/l3s-gn1/html).
func benchPages(b *testing.B) []news.Input {
	dir := os.Getenv("STORYLINE_BENCH_SET")
	if dir == "" {
		b.Skip("set STORYLINE_BENCH_SET to a folder of pages")
	}
	var out []news.Input
	for in, err := range source.Read(context.Background(), []string{dir}, source.Options{}) {
		if err == nil && in.Page != nil {
			out = append(out, in)
		}
	}
	if len(out) == 0 {
		b.Fatalf("no pages in %s", dir)
	}
	return out
}

func seqOf(ins []news.Input) func(func(news.Input, error) bool) {
	return func(yield func(news.Input, error) bool) {
		for _, in := range ins {
			if !yield(in, nil) {
				return
			}
		}
	}
}

// BenchmarkScale stores the same pages four ways and reports pages/s: one
// process on SQLite (the embedded path), one process on PostgreSQL, and a
// writer on PostgreSQL fed through NATS JetStream by 1, 2 and 4 workers
// (each extracting on every core, as deployed). On one machine the workers
// share its cores: the figures show the queue's and the database's cost
// per page, not the speed-up of more machines.
//
//	STORYLINE_BENCH_SET=$PWD/../shared/bench/extraction/l3s-gn1/html go test -run '^$' -bench Scale -benchtime 3x ./internal/worker
//
// (the set's path absolute: go test runs in the package's folder).
func BenchmarkScale(b *testing.B) {
	pages := benchPages(b)
	ctx := context.Background()
	report := func(b *testing.B, elapsed time.Duration) {
		b.ReportMetric(float64(len(pages)*b.N)/elapsed.Seconds(), "pages/s")
		b.ReportMetric(float64(elapsed.Microseconds())/float64(len(pages)*b.N)/1000, "ms/page")
	}
	b.Run("sqlite", func(b *testing.B) {
		var elapsed time.Duration
		for range b.N {
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "s.db"))
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			runEmbedded(b, st, pages)
			elapsed += time.Since(start)
			st.Close()
		}
		report(b, elapsed)
	})
	b.Run("postgres", func(b *testing.B) {
		var elapsed time.Duration
		for range b.N {
			st, err := postgres.Open(ctx, pgCluster.NewDatabase(b))
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			runEmbedded(b, st, pages)
			elapsed += time.Since(start)
			st.Close()
		}
		report(b, elapsed)
	})
	b.Run("postgres+nats/writer-only", func(b *testing.B) {
		var elapsed time.Duration
		for range b.N {
			elapsed += runWriterOnly(b, pages)
		}
		report(b, elapsed)
	})
	for _, n := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("postgres+nats/workers=%d", n), func(b *testing.B) {
			var elapsed time.Duration
			for range b.N {
				elapsed += runWorkers(b, pages, n)
			}
			report(b, elapsed)
		})
	}
}

func runEmbedded(b *testing.B, st engine.Store, pages []news.Input) {
	eng, err := engine.Start(context.Background(), st, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	if _, err := eng.Submit(context.Background(), seqOf(pages), nil); err != nil {
		b.Fatal(err)
	}
}

// runWorkers queues the pages, runs n workers and a writer until every page
// is stored or failed, and returns how long that took from the first page
// queued.
func runWorkers(b *testing.B, pages []news.Input, n int) time.Duration {
	ctx := context.Background()
	srv := natstest.Start(b, natstest.Options{MaxPayload: 8 << 20})
	st, err := postgres.Open(ctx, pgCluster.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	conn := func() *natsqueue.Queue {
		q, err := natsqueue.Connect(ctx, srv.URL(), natsqueue.Options{})
		if err != nil {
			b.Fatal(err)
		}
		return q
	}
	wq := conn()
	defer wq.Close()
	eng, err := engine.Start(ctx, st, engine.Options{Queue: wq})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	adder := conn()
	defer adder.Close()
	start := time.Now()
	for _, in := range pages {
		if err := adder.PublishInput(ctx, natsqueue.Input{Name: in.Name, Page: in.Page}); err != nil {
			b.Fatal(err)
		}
	}
	run, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range n {
		q := conn()
		defer q.Close()
		w := worker.New(q, engine.NewProducer(st, engine.Options{Queue: q}), worker.Options{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Run(run)
		}()
	}
	for {
		if left, _ := adder.Pending(ctx); left == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(start)
	stop()
	wg.Wait()
	return elapsed
}

// runWriterOnly extracts the pages into windows of 32 on the queue first,
// then starts the writer and returns how long it took to store them all:
// the writer's own cost per page (placing, clustering, storing on
// PostgreSQL), which bounds a deployment however many workers it has.
func runWriterOnly(b *testing.B, pages []news.Input) time.Duration {
	ctx := context.Background()
	srv := natstest.Start(b, natstest.Options{MaxPayload: 8 << 20})
	st, err := postgres.Open(ctx, pgCluster.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	pq, err := natsqueue.Connect(ctx, srv.URL(), natsqueue.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer pq.Close()
	prod := engine.NewProducer(st, engine.Options{Queue: pq})
	defer prod.Close()
	var jobs sync.WaitGroup
	windows := 0
	for lo := 0; lo < len(pages); lo += 32 {
		window := pages[lo:min(lo+32, len(pages))]
		windows++
		jobs.Add(1)
		go func() {
			defer jobs.Done()
			if _, err := prod.Submit(ctx, seqOf(window), nil); err != nil {
				b.Error(err)
			}
		}()
	}
	for deadline := time.Now().Add(5 * time.Minute); ; {
		if n, _ := pq.BatchesPending(ctx); n >= uint64(windows) {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("the windows were not all published in 5 minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	wq, err := natsqueue.Connect(ctx, srv.URL(), natsqueue.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer wq.Close()
	start := time.Now()
	eng, err := engine.Start(ctx, st, engine.Options{Queue: wq})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	jobs.Wait()
	return time.Since(start)
}
