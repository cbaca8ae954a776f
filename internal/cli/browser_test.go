package cli

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline/internal/browsertest"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/server"
)

// TestUIInBrowser drives a real headless Chromium through the demo: the story
// list, a story, search, an article with its removed boilerplate, sources. It
// saves a screenshot of each step in $STORYLINE_SCREENSHOTS (else a temporary
// folder). Under CI a missing browser is a failure, not a skip.
func TestUIInBrowser(t *testing.T) {
	ctx := browsertest.Start(t, 1200, 1800, 2*time.Minute)
	shots := browsertest.Screenshots(t)
	st, eng, err := loadDemo(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	defer eng.Close()
	srv, err := server.New(read.New(st, read.Options{}), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	step := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.Run(ctx, a); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	shot := func(name string) { t.Helper(); browsertest.Shot(t, ctx, shots, name) }

	step("open the home page", chromedp.Navigate(ts.URL+"/"))
	step("wait for the story list", chromedp.WaitVisible("ol.stories"))
	home := text("main")
	shot("1-home")

	step("follow the first story", chromedp.Click("ol.stories li h2 a"))
	step("wait for its timeline", chromedp.WaitVisible("#timeline"))
	story := text("main")
	shot("2-story")

	step("type a search", chromedp.SendKeys("#q", "dockworkers"))
	step("submit it", chromedp.Submit("#q"))
	step("wait for results", chromedp.WaitVisible("p.snippet"))
	results := text("main")
	shot("3-search")

	step("open an article that came as a page", chromedp.Navigate(ts.URL+"/articles/calder-strike-over"))
	step("wait for the removed-text toggle", chromedp.WaitVisible("details.removed summary"))
	step("open it", chromedp.Click("details.removed summary"))
	step("wait for the removed text", chromedp.WaitVisible("details.removed ol"))
	removedOpen, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("details.removed").open`))
	if err != nil {
		t.Fatal(err)
	}
	article := text("main")
	shot("4-article-removed")

	step("open the sources", chromedp.Navigate(ts.URL+"/sources"))
	step("wait for the table", chromedp.WaitVisible("table.sources"))
	sources := text("main")
	shot("5-sources")

	step("open the feeds", chromedp.Navigate(ts.URL+"/feeds"))
	step("wait for the page", chromedp.WaitVisible("main h1"))
	feeds := text("main")
	shot("6-feeds")

	for _, c := range []struct{ page, text, want string }{
		{"home", home, "Calder dockworkers vote to end nine-day strike"},
		{"story", story, "Timeline of sources"},
		{"story", story, "Why it is in this story"},
		{"search", results, "match dockworkers"},
		{"article", article, "Show what extraction removed"},
		{"article", article, "Share this"},
		{"sources", sources, "Valley Wire Service"},
		{"feeds", feeds, "No feeds are polled"},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s page lacks %q", c.page, c.want)
		}
	}
	if !removedOpen {
		t.Error("the removed-boilerplate toggle did not open")
	}
	t.Logf("screenshots in %s", shots)
}
