package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// stuckStore holds every story list until released: a database that cannot
// keep up.
type stuckStore struct {
	*sqlite.Store
	release chan struct{}
	entered chan struct{}
}

func (s *stuckStore) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	s.entered <- struct{}{}
	select {
	case <-s.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Store.Stories(ctx, q)
}

// TestOverloadIsRefusedWith429: with one read running and one queued, a
// third is answered at once with 429 and Retry-After (issue 18: past about
// 250 requests/s every answer queued until the list collapsed into errors
// and 6.5 s latencies); health stays answered; the held requests finish.
func TestOverloadIsRefusedWith429(t *testing.T) {
	st := &stuckStore{Store: tempStore(t), release: make(chan struct{}), entered: make(chan struct{}, 4)}
	srv, err := New(read.New(st, read.Options{}), Options{MaxRunning: 1, MaxQueued: 1, MaxWait: time.Minute, CacheFor: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	var wg sync.WaitGroup
	statuses := make(chan int, 2)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(ts.URL + "/api/v1/stories")
			if err == nil {
				resp.Body.Close()
				statuses <- resp.StatusCode
			}
		}()
	}
	<-st.entered // the first runs
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.admit.queue) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond) // the second waits in the queue
	}
	status, _, body := get(t, ts.URL+"/api/v1/stories?limit=5")
	resp, _ := http.Get(ts.URL + "/")
	resp.Body.Close()
	if status != http.StatusTooManyRequests || !strings.Contains(body, "busy") || resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "1" {
		t.Errorf("a third read: %d %s, the home page %d (Retry-After %q); want 429 with Retry-After", status, body, resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if status, _, _ := get(t, ts.URL+"/healthz"); status != http.StatusOK {
		t.Errorf("health while busy: %d", status)
	}
	// a kept answer takes no slot: given even now
	srv.kept.mu.Lock()
	srv.kept.entries["/api/v1/sources?"] = keptPage{until: time.Now().Add(time.Hour), header: http.Header{"Content-Type": {"application/json"}}, body: []byte("[]")}
	srv.kept.mu.Unlock()
	if status, _, body := get(t, ts.URL+"/api/v1/sources"); status != http.StatusOK || body != "[]" {
		t.Errorf("a kept answer while busy: %d %s, want it given", status, body)
	}
	close(st.release)
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != http.StatusOK {
			t.Errorf("a held read ended %d, want 200", s)
		}
	}
}

// TestSlowQueryIsCut: a list that outlasts the query timeout is answered
// 503 with a reason, not left to run.
func TestSlowQueryIsCut(t *testing.T) {
	st := &stuckStore{Store: tempStore(t), release: make(chan struct{}), entered: make(chan struct{}, 4)}
	srv, err := New(read.New(st, read.Options{}), Options{QueryTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	status, _, body := get(t, ts.URL+"/api/v1/stories")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "took too long") {
		t.Errorf("a stuck list: %d %s, want 503 saying it took too long", status, body)
	}
}

// countingStore counts the story lists read from the database.
type countingStore struct {
	*sqlite.Store
	lists atomic.Int64
}

func (c *countingStore) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	c.lists.Add(1)
	return c.Store.Stories(ctx, q)
}

// TestHomePageIsKept: with CacheFor, the home page is answered from the
// kept copy (no query) until the server writes; other query strings are
// kept apart.
func TestHomePageIsKept(t *testing.T) {
	st := &countingStore{Store: tempStore(t)}
	srv, err := New(read.New(st, read.Options{}), Options{CacheFor: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	_, ct1, first := get(t, ts.URL+"/")
	_, ct2, second := get(t, ts.URL+"/")
	get(t, ts.URL+"/?source=x")
	if st.lists.Load() != 2 || first != second || ct1 != ct2 || !strings.HasPrefix(ct2, "text/html") {
		t.Errorf("%d lists read for two home pages and one filtered list, want 2; same answer %v, types %q %q", st.lists.Load(), first == second, ct1, ct2)
	}
	srv.Forget()
	get(t, ts.URL+"/")
	if st.lists.Load() != 3 {
		t.Errorf("after a write: %d lists read, want the home page read again", st.lists.Load())
	}
}

// TestKeptAnswersAreRefreshedOneAtATime: an answer past its time is made
// again by one request while the others get the kept copy; one past twice
// its time is not given; an answer made across a write is not kept.
func TestKeptAnswersAreRefreshedOneAtATime(t *testing.T) {
	c := newPageCache(time.Minute, nil)
	req := httptest.NewRequest("GET", "/stories/s1", nil)
	c.entries["/stories/s1?"] = keptPage{until: time.Now().Add(-time.Second), header: http.Header{"Content-Type": {"text/html"}}, body: []byte("old")}
	first, second := httptest.NewRecorder(), httptest.NewRecorder()
	if c.serve(first, req) || !c.serve(second, req) || second.Body.String() != "old" {
		t.Errorf("expired answer: the first request should make it again (%q), the second get the copy (%q)", first.Body, second.Body)
	}
	c.entries["/stories/s1?"] = keptPage{until: time.Now().Add(-2 * time.Minute), body: []byte("ancient")}
	if c.serve(httptest.NewRecorder(), req) {
		t.Error("an answer past twice its time was given")
	}
	h := c.wrap(func(w http.ResponseWriter, r *http.Request) {
		c.forget() // a write lands while the answer is made
		w.Write([]byte("made"))
	})
	h(httptest.NewRecorder(), req)
	if _, kept := c.entries["/stories/s1?"]; kept {
		t.Error("an answer made across a write was kept")
	}
}

// TestKeptAnswersHoldWhileTheStoreIsUnchanged: an answer past its time is
// given on, without being made again, while the store's generation is the
// one it was made at (no write by any process); when the generation moves,
// it is made again; past maxKeptAge it is made again whatever the store.
func TestKeptAnswersHoldWhileTheStoreIsUnchanged(t *testing.T) {
	generation := "7"
	c := newPageCache(time.Minute, func(context.Context) (string, error) { return generation, nil })
	req := httptest.NewRequest("GET", "/stories/s1", nil)
	expired := func(made time.Time, gen string) {
		c.entries["/stories/s1?"] = keptPage{until: time.Now().Add(-time.Second), made: made, storeGen: gen, header: http.Header{"Content-Type": {"text/html"}}, body: []byte("kept")}
		c.store.at = time.Time{} // ask the store again
	}
	expired(time.Now().Add(-2*time.Minute), "7")
	w := httptest.NewRecorder()
	if !c.serve(w, req) || w.Body.String() != "kept" || c.entries["/stories/s1?"].refreshing {
		t.Errorf("unchanged store: the answer should be given on (%q) and not made again", w.Body)
	}
	if !time.Now().Before(c.entries["/stories/s1?"].until) {
		t.Error("unchanged store: the answer's time was not renewed")
	}
	generation = "8"
	expired(time.Now().Add(-2*time.Minute), "7")
	if c.serve(httptest.NewRecorder(), req) {
		t.Error("the store changed: the answer should be made again by this request")
	}
	generation = "7"
	expired(time.Now().Add(-maxKeptAge-time.Second), "7")
	if c.serve(httptest.NewRecorder(), req) {
		t.Error("an answer older than maxKeptAge was given on")
	}
}

// TestFullCacheKeepsMostAnswers: a cache at its size bound lets some
// answers go to keep a new one, not all of them.
func TestFullCacheKeepsMostAnswers(t *testing.T) {
	c := newPageCache(time.Minute, nil)
	page := make([]byte, maxKeptBytes/8)
	h := c.wrap(func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	for i := range 20 {
		h(httptest.NewRecorder(), httptest.NewRequest("GET", fmt.Sprintf("/stories/s%d", i), nil))
	}
	if n := len(c.entries); n < 7 || c.bytes > maxKeptBytes {
		t.Errorf("%d answers kept in %d bytes; want the bound's worth (7 or 8) within %d", n, c.bytes, maxKeptBytes)
	}
}

// TestKeptAPIListsKeepTheirPagingHeaders: an API list answered from the
// kept copy carries the same X-Total-Count and Link headers as the answer
// first made (the cache kept only the body and its type: a client paging
// by the headers saw the total and the next page only on a fresh answer).
func TestKeptAPIListsKeepTheirPagingHeaders(t *testing.T) {
	st := tempStore(t)
	for i := range 3 {
		a := news.Article{ID: fmt.Sprintf("a%d", i), Source: fmt.Sprintf("Outlet %d", i), Title: fmt.Sprintf("Title %d", i), Text: "Dockworkers voted to end the strike."}
		save(t, st, time.Date(2026, 1, 1, i, 0, 0, 0, time.UTC), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: fmt.Sprintf("s%d", i)}, ContentHash: a.ID})
	}
	srv, err := New(read.New(st, read.Options{}), Options{CacheFor: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, path := range []string{"/api/v1/stories?limit=2", "/api/v1/sources?limit=2"} {
		var headers [2]http.Header
		for i := range headers {
			resp, err := http.Get(ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			headers[i] = resp.Header
		}
		for _, name := range []string{"X-Total-Count", "Link", "Content-Type"} {
			if first, kept := headers[0].Get(name), headers[1].Get(name); first == "" || kept != first {
				t.Errorf("%s: %s %q made, %q kept; want the same, not empty", path, name, first, kept)
			}
		}
	}
}
