package feed_test

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/web"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

const strikePage = `<html><head><title>Calder dockworkers end strike</title></head><body><article><h1>Calder dockworkers end strike</h1>
<p>Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after the union and the port authority agreed on a new three-year contract.</p>
<p>About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules, leaving more than 60 container ships waiting offshore.</p></article></body></html>`

func TestPollerAdaptsAndRecords(t *testing.T) {
	ctx := context.Background()
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Ledger</title><item><link>http://%s/news/1</link><pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strikePage)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "this is not a feed") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := engine.Start(ctx, st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	now := time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)
	p := &feed.Poller{Store: st, Fetcher: &web.Fetcher{Delay: time.Millisecond}, Items: &web.Fetcher{Delay: time.Millisecond}, Now: func() time.Time { return now },
		Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
			return e.Submit(ctx, inputs, nil)
		},
		Known: func(ctx context.Context, u string) bool {
			ok, err := st.HasURL(ctx, u, web.CanonicalURL(u))
			return err == nil && ok
		}}
	if err := st.AddFeeds(ctx, []string{srv.URL + "/feed", srv.URL + "/broken"}); err != nil {
		t.Fatal(err)
	}
	feeds, _ := st.Feeds(ctx)
	broken, feed := feeds[0], feeds[1]

	first := p.Poll(ctx, feed)
	if first.ItemsAdded != 1 || first.Title != "Ledger" || first.LastError != "" || first.Interval != 7*time.Minute+30*time.Second {
		t.Errorf("first poll: %+v (want 1 item and the 15 min interval halved)", first)
	}
	second := p.Poll(ctx, first)
	if second.ItemsAdded != 1 || second.Interval <= first.Interval || !second.NextCheck.Equal(now.Add(second.Interval)) {
		t.Errorf("an unchanged feed should be checked less often: %+v", second)
	}
	failed := p.Poll(ctx, broken)
	if !strings.Contains(failed.LastError, "not a valid feed") || failed.Interval != time.Minute {
		t.Errorf("broken feed: %+v", failed)
	}
	stored, _ := st.Feeds(ctx)
	if stored[0].LastError == "" || stored[1].ItemsAdded != 1 || stored[1].LastSuccess.IsZero() {
		t.Errorf("feed state was not stored: %+v", stored)
	}
	if n, _, _ := st.Counts(ctx); n != 1 {
		t.Errorf("%d articles, want the feed's one item", n)
	}
}

// TestPollerGuardsItemLinks: a feed the user named may live on a private
// address, but its items' links are the publisher's: by default they are
// fetched through the address guard (issue 18: the poller fetched them with
// a client that allowed private addresses).
func TestPollerGuardsItemLinks(t *testing.T) {
	ctx := context.Background()
	fetched := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Ledger</title><item><link>http://%s/internal/admin</link></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/internal/admin", func(w http.ResponseWriter, r *http.Request) {
		fetched++
		fmt.Fprint(w, strikePage)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := engine.Start(ctx, st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	p := &feed.Poller{Store: st, Fetcher: &web.Fetcher{Delay: time.Millisecond},
		Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
			return e.Submit(ctx, inputs, nil)
		}}
	if err := st.AddFeeds(ctx, []string{srv.URL + "/feed"}); err != nil {
		t.Fatal(err)
	}
	feeds, _ := st.Feeds(ctx)
	got := p.Poll(ctx, feeds[0])
	if fetched != 0 || !strings.Contains(got.LastError, "not a public address") {
		t.Errorf("an item link to a loopback address: fetched %d times, feed error %q; want refused by the guard", fetched, got.LastError)
	}
	if n, _, _ := st.Counts(ctx); n != 0 {
		t.Errorf("%d articles stored from a private address", n)
	}
}

func TestReadFeedList(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/atom\n"), 0o644)
	if urls, err := feed.ReadFeedList(list); err != nil || len(urls) != 2 {
		t.Errorf("text list: %v %v", urls, err)
	}
	opmlPath := filepath.Join(dir, "feeds.opml")
	os.WriteFile(opmlPath, []byte(`<opml version="2.0"><body><outline text="News"><outline xmlUrl="https://a.example/rss"/></outline><outline xmlUrl="https://b.example/atom"/></body></opml>`), 0o644)
	if urls, err := feed.ReadFeedList(opmlPath); err != nil || len(urls) != 2 || urls[0] != "https://a.example/rss" {
		t.Errorf("OPML list: %v %v", urls, err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("ftp://old.example/feed\n"), 0o644)
	if _, err := feed.ReadFeedList(bad); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("a bad line should be named: %v", err)
	}
}

// TestFailingFeedIsRetriedSoonThenLessOften: a feed down when it is first
// checked (its server not up yet) is tried again a minute later, the wait
// doubling while it keeps failing up to Max; once it answers, it is
// checked as a new feed is, and a later failure is retried after a
// minute again. Its last error is kept until a check works.
func TestFailingFeedIsRetriedSoonThenLessOften(t *testing.T) {
	ctx := context.Background()
	up := false
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if !up {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Wexcombe Tide Tables</title></channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)
	p := &feed.Poller{Store: st, Fetcher: &web.Fetcher{Delay: time.Millisecond}, Now: func() time.Time { return now }, Max: 10 * time.Minute,
		Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
			return news.RunSummary{}, nil
		}}
	if err := st.AddFeeds(ctx, []string{srv.URL + "/feed"}); err != nil {
		t.Fatal(err)
	}
	feeds, _ := st.Feeds(ctx)
	f := feeds[0]
	var waits []time.Duration
	for range 5 {
		f = p.Poll(ctx, f)
		waits = append(waits, f.Interval)
		if f.LastError == "" || !f.NextCheck.Equal(now.Add(f.Interval)) {
			t.Fatalf("failed check: %+v", f)
		}
	}
	want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 10 * time.Minute}
	if fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("waits after failures %v, want %v", waits, want)
	}
	stored, _ := st.Feeds(ctx)
	if !strings.Contains(stored[0].LastError, "503") {
		t.Errorf("stored last error %q, want the server's answer", stored[0].LastError)
	}
	up = true
	f = p.Poll(ctx, f)
	if f.LastError != "" || f.Interval != 10*time.Minute || f.LastSuccess.IsZero() {
		t.Errorf("feed back up: %+v (want no error and 15 minutes lengthened by half, up to Max)", f)
	}
	up = false
	if f = p.Poll(ctx, f); f.Interval != time.Minute {
		t.Errorf("a failure after a check that worked waits %v, want a minute", f.Interval)
	}
}
