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

	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/source/web"
)

// TestHostPacerSpacesRequestsAcrossProcesses: two fetchers (as on two
// worker machines) fetch from one host at once; with the shared pacer the
// host sees one request at a time, Delay apart.
func TestHostPacerSpacesRequestsAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var at []time.Time
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		at = append(at, time.Now())
		mu.Unlock()
		fmt.Fprint(w, "<p>page</p>")
	}))
	defer site.Close()
	srv := natstest.Start(t, natstest.Options{})
	const delay = 150 * time.Millisecond
	var wg sync.WaitGroup
	for f := range 2 {
		q := connectPacer(t, srv.URL())
		pace, err := q.HostPacer(ctx)
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
	slices.SortFunc(at, func(a, b time.Time) int { return a.Compare(b) })
	if len(at) != 6 {
		t.Fatalf("%d requests reached the host, want 6", len(at))
	}
	for i := 1; i < len(at); i++ {
		// A little slack for the timers: a slot starts when the last ends.
		if gap := at[i].Sub(at[i-1]); gap < delay-20*time.Millisecond {
			t.Errorf("requests %d and %d reached the host %v apart, want at least %v", i-1, i, gap, delay)
		}
	}
}

func connectPacer(t *testing.T, url string) *Queue {
	t.Helper()
	q, err := Connect(context.Background(), url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}
