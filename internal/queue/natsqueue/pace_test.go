package natsqueue

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/source/web"
)

func connectPacer(t *testing.T, url string) *Queue {
	t.Helper()
	q, err := Connect(context.Background(), url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// TestTurnsAtAHostNeverOverlap: processes reserving turns at one host at
// once get turns one after another, each delay long, none shared.
func TestTurnsAtAHostNeverOverlap(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{})
	const delay = time.Second
	var mu sync.Mutex
	var starts []time.Time
	var wg sync.WaitGroup
	for range 3 { // three processes
		q := connectPacer(t, srv.URL())
		if _, err := q.HostPacer(ctx); err != nil {
			t.Fatal(err)
		}
		kv, err := q.js.KeyValue(ctx, HostBucket)
		if err != nil {
			t.Fatal(err)
		}
		for range 4 {
			wg.Add(1)
			go func(kv jetstream.KeyValue) {
				defer wg.Done()
				start, err := reserveTurn(ctx, kv, "https://ledger.example", delay)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				starts = append(starts, start)
				mu.Unlock()
			}(kv)
		}
	}
	wg.Wait()
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	if len(starts) != 12 {
		t.Fatalf("%d turns reserved, want 12", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		// Stored to the nanosecond: a turn starts where the last ends (or
		// later, had the last ended before it was asked for).
		if gap := starts[i].Sub(starts[i-1]); gap < delay {
			t.Errorf("turns %d and %d start %v apart, want at least %v", i-1, i, gap, delay)
		}
	}
}

// TestHostPacerSpacesRequestsAcrossProcesses: two fetchers (as on two
// worker machines) fetch six pages from one host at once through the
// shared pacer: eight turns (each fetcher reads robots.txt first), so the
// last request cannot start before seven delays have passed. (Without the
// pacer the two fetchers would fetch side by side in four.)
func TestHostPacerSpacesRequestsAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	served := 0
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		served++
		mu.Unlock()
		fmt.Fprint(w, "<p>page</p>")
	}))
	defer site.Close()
	srv := natstest.Start(t, natstest.Options{})
	const delay = 100 * time.Millisecond
	start := time.Now()
	var wg sync.WaitGroup
	for f := range 2 {
		pace, err := connectPacer(t, srv.URL()).HostPacer(ctx)
		if err != nil {
			t.Fatal(err)
		}
		fetcher := &web.Fetcher{Client: web.NewClient(true), Delay: delay, Pace: pace}
		for i := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := fetcher.Get(ctx, fmt.Sprintf("%s/page-%d-%d", site.URL, f, i), web.Validators{}); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	if served != 6 {
		t.Errorf("%d pages served, want 6", served)
	}
	if took := time.Since(start); took < 7*delay {
		t.Errorf("8 turns at one host took %v, want at least %v", took, 7*delay)
	}
}
