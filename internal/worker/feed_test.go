package worker_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/web"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/worker"
)

// TestFeedItemsGoToTheWorkersUnfetched: a feed polled with a queue hands its
// items' addresses to the workers; the poller fetches the feed and no item,
// a worker fetches every item once and the writer stores them, each with
// the date the feed gave it.
func TestFeedItemsGoToTheWorkersUnfetched(t *testing.T) {
	ctx := context.Background()
	var itemFetches atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Ledger</title>`)
		for ev := range 3 {
			fmt.Fprintf(w, `<item><title>%s</title><link>http://%s/news/%d</link><pubDate>Mon, 1%d Nov 2026 09:00:00 GMT</pubDate></item>`, events[ev][0], r.Host, ev, ev)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		itemFetches.Add(1)
		var ev int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/news/"), "%d", &ev)
		w.Write(page("ledger", ev, time.Time{}).Body)
	})
	site := httptest.NewServer(mux)
	defer site.Close()

	srv := natstest.Start(t, natstest.Options{})
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	writerQ := connect(t, srv.URL(), time.Second)
	eng, err := engine.Start(ctx, st, engine.Options{Queue: writerQ})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()

	pollerQ := connect(t, srv.URL(), time.Second)
	refuse := &web.Fetcher{Client: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("the poller fetched item %s itself", r.URL)
		return nil, fmt.Errorf("refused")
	})}, Delay: time.Millisecond}
	p := &feed.Poller{Store: st, Submit: pollerQ.Hand, HandOn: true,
		Fetcher: &web.Fetcher{Client: web.NewClient(true), Delay: time.Millisecond}, Items: refuse}
	f := p.Poll(ctx, news.FeedState{URL: site.URL + "/feed"})
	if f.LastError != "" || f.ItemsAdded != 3 {
		t.Fatalf("poll: %d items handed on, error %q; want 3 and none", f.ItemsAdded, f.LastError)
	}

	q := connect(t, srv.URL(), time.Second)
	fetcher := &web.Fetcher{Client: web.NewClient(true), Delay: time.Millisecond}
	w := worker.New(q, engine.NewProducer(st, engine.Options{Queue: q, Workers: 1}), worker.Options{Fetch: func(ctx context.Context, req news.FetchRequest) (news.Input, error) {
		return fetcher.Page(ctx, req.URL, req.ForceText)
	}})
	run, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.Run(run)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for w.Stats.Stored.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	wg.Wait()
	if got := w.Stats.Stored.Load(); got != 3 || itemFetches.Load() != 3 {
		t.Fatalf("the worker stored %d items fetching %d pages; want 3 and 3", got, itemFetches.Load())
	}
	for ev := range 3 {
		id := web.URLID(fmt.Sprintf("%s/news/%d", site.URL, ev))
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatalf("item %d: %v", ev, err)
		}
		want := time.Date(2026, 11, 10+ev, 9, 0, 0, 0, time.UTC)
		if !a.Published.Equal(want) || !strings.Contains(a.Text, strings.Fields(events[ev][1])[0]) {
			t.Errorf("item %d stored published %v with text %.40q; want %v and the page's text", ev, a.Published, a.Text, want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
