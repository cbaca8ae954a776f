package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline/internal/browsertest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// comparingServer serves st as serve does, with a projector said to be at
// work and the first comparison of a story waited for only wait, pages
// kept a minute.
func comparingServer(t *testing.T, st *sqlite.Store, wait time.Duration) string {
	t.Helper()
	r := read.New(st, read.Options{CompareWait: wait, CacheFor: time.Minute})
	r.SetProjected(true)
	srv, err := New(r, Options{CacheFor: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// biggestStory is the id of the story with the most articles.
func biggestStory(t *testing.T, base string) string {
	t.Helper()
	_, _, body := get(t, base+"/api/v1/stories?limit=500")
	var list []news.StorySummary
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) == 0 {
		t.Fatalf("stories: %v %s", err, body)
	}
	big := list[0]
	for _, s := range list {
		if s.Articles > big.Articles {
			big = s
		}
	}
	return big.ID
}

// The first view of a story not compared yet answers at once: the API
// says "comparing" with the articles and no comparison, the page says the
// sources are being compared and reloads; neither is kept (the page cache
// would give it again for a minute) and, once the comparison is made in
// the background, both give it whole. Before, the request waited for the
// comparison (a 36-article story: 27-36 s on a loaded 2-core machine).
func TestAStoryNotComparedYetIsAnsweredAtOnce(t *testing.T) {
	base := comparingServer(t, demoStore(t), time.Nanosecond)
	id := biggestStory(t, base)
	resp, err := http.Get(base + "/api/v1/stories/" + id)
	if err != nil {
		t.Fatal(err)
	}
	var d news.StoryDetail
	err = json.NewDecoder(resp.Body).Decode(&d)
	resp.Body.Close()
	if err != nil || !d.Comparing || len(d.Timeline) != 0 || len(d.Articles) < 2 {
		t.Fatalf("first API answer: %v, comparing %v, timeline %d, articles %d; want the articles, comparing", err, d.Comparing, len(d.Timeline), len(d.Articles))
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" || resp.Header.Get("Retry-After") == "" {
		t.Errorf("first API answer: Cache-Control %q, Retry-After %q; want no-store and when to ask again", cc, resp.Header.Get("Retry-After"))
	}
	var body string
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if _, _, body = get(t, base+"/stories/"+id); !strings.Contains(body, "are being compared") {
			break
		}
		if !strings.Contains(body, `<meta http-equiv="refresh"`) {
			t.Fatal("the page of a story being compared does not reload itself")
		}
	}
	if strings.Contains(body, "are being compared") || !strings.Contains(body, "What the sources agree on") || strings.Contains(body, `http-equiv="refresh"`) {
		t.Errorf("the page once compared still says it is being compared, or lacks the comparison")
	}
	_, _, body = get(t, base+"/api/v1/stories/"+id)
	var whole news.StoryDetail
	if err := json.Unmarshal([]byte(body), &whole); err != nil || whole.Comparing || len(whole.Timeline) == 0 {
		t.Errorf("the API once compared: %v, comparing %v, timeline %d", err, whole.Comparing, len(whole.Timeline))
	}
}

// In a real browser, at desktop and phone width, the page of a story being
// compared says so, lists its articles, and reloads by itself into the
// compared page. Screenshots of both states in $STORYLINE_SCREENSHOTS.
func TestAStoryBeingComparedReloadsInBrowser(t *testing.T) {
	ctx := browsertest.Start(t, 1280, 1800, 3*time.Minute)
	shots := browsertest.Screenshots(t)
	for _, width := range []int64{1280, 390} {
		base := comparingServer(t, demoStore(t), time.Nanosecond) // a new one: its stories not compared
		id := biggestStory(t, base)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 1800), chromedp.Navigate(base+"/stories/"+id), chromedp.WaitVisible("#timeline")); err != nil {
			t.Fatalf("%d px: %v", width, err)
		}
		facts, err := chromedp.Run(ctx, chromedp.Evaluate[pageFacts](readPage))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(facts.Text, "are being compared") || !strings.Contains(facts.Text, "Timeline of sources") {
			t.Errorf("%d px: the first view does not say the story is being compared with its timeline:\n%s", width, facts.Text)
		}
		if facts.ScrollWidth > facts.InnerWidth {
			t.Errorf("%d px: the page scrolls sideways (%d px wide)", width, facts.ScrollWidth)
		}
		browsertest.Shot(t, ctx, shots, fmt.Sprintf("ui-%d-story-being-compared", width))
		if err := chromedp.Do(ctx, chromedp.WaitVisible("#facts")); err != nil {
			t.Fatalf("%d px: the page did not reload into the compared story: %v", width, err)
		}
		if facts, err = chromedp.Run(ctx, chromedp.Evaluate[pageFacts](readPage)); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(facts.Text, "are being compared") {
			t.Errorf("%d px: the compared page still says it is being compared", width)
		}
		browsertest.Shot(t, ctx, shots, fmt.Sprintf("ui-%d-story-compared-after-reload", width))
	}
}
