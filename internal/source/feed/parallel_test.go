package feed_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/web"
)

// feedStates is a Store of feeds in memory, listed in the order added.
type feedStates struct {
	mu    sync.Mutex
	order []string
	by    map[string]news.FeedState
}

func (s *feedStates) AddFeeds(_ context.Context, urls []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.by == nil {
		s.by = map[string]news.FeedState{}
	}
	for _, u := range urls {
		if _, ok := s.by[u]; !ok {
			s.order = append(s.order, u)
			s.by[u] = news.FeedState{URL: u}
		}
	}
	return nil
}

func (s *feedStates) Feeds(context.Context) ([]news.FeedState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]news.FeedState, 0, len(s.order))
	for _, u := range s.order {
		out = append(out, s.by[u])
	}
	return out, nil
}

func (s *feedStates) SaveFeed(_ context.Context, f news.FeedState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.by[f.URL] = f
	return nil
}

// checked reports whether the feed at u has been checked and read.
func (s *feedStates) checked(u string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.by[u].LastSuccess.IsZero()
}

// emptyFeed is an RSS feed with no items.
const emptyFeed = `<rss version="2.0"><channel><title>Quiet desk</title></channel></rss>`

// runPoller runs a poller over st until the test ends, submitting nothing.
func runPoller(t *testing.T, st *feedStates, urls []string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &feed.Poller{Store: st, Tick: 20 * time.Millisecond, Fetcher: &web.Fetcher{Delay: time.Millisecond},
		Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
			for range inputs {
			}
			return news.RunSummary{}, nil
		}}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, urls) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
}

// waitUntil polls ok for up to 10 s.
func waitUntil(ok func() bool) bool {
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return ok()
}

// A feed whose server does not answer does not hold back the feeds of
// other hosts: checked one after another, the quick feed listed after the
// slow one waited for it (30 s and more for a host that never answers).
func TestASlowFeedDoesNotDelayOtherHosts(t *testing.T) {
	release := make(chan struct{})
	var released sync.Once
	free := func() { released.Do(func() { close(release) }) }
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		<-release
		fmt.Fprint(w, emptyFeed)
	}))
	t.Cleanup(slow.Close)
	t.Cleanup(free) // before the server closes: its handler is waiting
	quick := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, emptyFeed)
	}))
	t.Cleanup(quick.Close)
	st := &feedStates{}
	slowFeed, quickFeed := slow.URL+"/rss", quick.URL+"/rss"
	runPoller(t, st, []string{slowFeed, quickFeed})
	if !waitUntil(func() bool { return st.checked(quickFeed) }) {
		t.Fatal("the quick feed was not checked while the slow one was being fetched")
	}
	if st.checked(slowFeed) {
		t.Fatal("the slow feed was read before its server answered")
	}
	free()
	if !waitUntil(func() bool { return st.checked(slowFeed) }) {
		t.Error("the slow feed was not read once its server answered")
	}
}

// The feeds of one host are fetched one at a time, however many are due:
// checking feeds at once must not send a publisher parallel requests.
func TestFeedsOfOneHostAreCheckedOneAtATime(t *testing.T) {
	var now, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n := now.Add(1)
		defer now.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(50 * time.Millisecond)
		fmt.Fprint(w, emptyFeed)
	}))
	t.Cleanup(srv.Close)
	st := &feedStates{}
	urls := []string{srv.URL + "/world", srv.URL + "/sport", srv.URL + "/weather", srv.URL + "/arts"}
	runPoller(t, st, urls)
	all := func() bool {
		for _, u := range urls {
			if !st.checked(u) {
				return false
			}
		}
		return true
	}
	if !waitUntil(all) {
		t.Fatal("not every feed of the host was checked")
	}
	if most.Load() != 1 {
		t.Errorf("%d requests to the host at once; want 1", most.Load())
	}
}

// Stopping the poller while feeds are being fetched (a server shutting
// down) is no failure of those feeds: none is logged as failed nor saved
// with an error and a retry wait, and Run returns at once. With feeds
// checked at once, a stop interrupted up to Parallel of them, each logged
// as "feed failed: context canceled".
func TestStoppingThePollerIsNoFeedFailure(t *testing.T) {
	var asked atomic.Int32
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		asked.Add(1)
		<-r.Context().Done()
	}))
	t.Cleanup(hang.Close)
	var logged bytes.Buffer
	var logMu sync.Mutex
	st := &feedStates{}
	ctx, cancel := context.WithCancel(context.Background())
	p := &feed.Poller{Store: st, Tick: 20 * time.Millisecond, Fetcher: &web.Fetcher{Delay: time.Millisecond},
		Logger: slog.New(slog.NewTextHandler(lockedWriter{&logMu, &logged}, nil)),
		Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
			for range inputs {
			}
			return news.RunSummary{}, nil
		}}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, []string{hang.URL + "/rss"}) }()
	if !waitUntil(func() bool { return asked.Load() > 0 }) {
		t.Fatal("the feed was never fetched")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return once stopped")
	}
	fs, _ := st.Feeds(context.Background())
	logMu.Lock()
	defer logMu.Unlock()
	if fs[0].LastError != "" || !fs[0].LastChecked.IsZero() || strings.Contains(logged.String(), "feed failed") {
		t.Errorf("a stop was taken for a failure: saved %+v; log %s", fs[0], logged.String())
	}
}

// lockedWriter serializes writes to w.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// TestFailedFeedLogHidesItsPassword: a feed whose address carries a
// password is logged, when it fails, without the password.
func TestFailedFeedLogHidesItsPassword(t *testing.T) {
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "this is not a feed")
	}))
	t.Cleanup(broken.Close)
	var logged bytes.Buffer
	var logMu sync.Mutex
	st := &feedStates{}
	withPassword := strings.Replace(broken.URL, "http://", "http://reader:tallow7@", 1) + "/rss"
	if err := st.AddFeeds(context.Background(), []string{withPassword}); err != nil {
		t.Fatal(err)
	}
	p := &feed.Poller{Store: st, Fetcher: &web.Fetcher{Delay: time.Millisecond},
		Logger: slog.New(slog.NewTextHandler(lockedWriter{&logMu, &logged}, nil)),
		Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
			for range inputs {
			}
			return news.RunSummary{}, nil
		}}
	f := p.Poll(context.Background(), news.FeedState{URL: withPassword})
	if f.LastError == "" {
		t.Fatalf("the broken feed did not fail: %+v", f)
	}
	logMu.Lock()
	defer logMu.Unlock()
	if out := logged.String(); !strings.Contains(out, "feed failed") || strings.Contains(out, "tallow7") {
		t.Errorf("log of a failed feed with a password in its address: %s", out)
	}
}
