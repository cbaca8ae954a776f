package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline/internal/browsertest"
	"github.com/storyline-news/storyline/internal/demo"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// demoServer serves the demo corpus, compared, as `storyline demo` does.
func demoServer(t *testing.T) string {
	t.Helper()
	st := demoStore(t)
	if _, err := engine.NewProjector(st, engine.ProjectorOptions{}).CompareAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv, err := New(read.New(st, read.Options{}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// demoStore is a database of the demo corpus, its stories not compared
// yet (as `storyline add` leaves them).
func demoStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if err := demo.WriteTo(filepath.Join(dir, "corpus")); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	eng, err := engine.Start(ctx, st, engine.Options{Writer: news.WriterInfo{Command: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := eng.Submit(ctx, source.Read(ctx, []string{filepath.Join(dir, "corpus")}, source.Options{}), nil)
	eng.Close()
	if err != nil || len(sum.Failures) > 0 {
		t.Fatalf("load the demo: %v %v", err, sum.Failures)
	}
	return st
}

// pageFacts is what the browser reports of a page: its text, how wide it
// is against the window, and its charts.
type pageFacts struct {
	Text        string
	ScrollWidth int
	InnerWidth  int
	Charts      []struct {
		Label, Title, Desc string
		Texts              int
		Width              float64
	}
}

const readPage = `(() => ({
	text: document.querySelector("main").innerText,
	scrollWidth: document.documentElement.scrollWidth,
	innerWidth: window.innerWidth,
	charts: [...document.querySelectorAll('svg[role="img"]')].map(s => ({
		label: s.getAttribute("aria-labelledby") || "",
		title: (s.querySelector("title") || {}).textContent || "",
		desc: (s.querySelector("desc") || {}).textContent || "",
		texts: [...s.querySelectorAll("text")].filter(e => e.textContent.trim() !== "" && e.getBBox().width > 0).length,
		width: s.getBoundingClientRect().width,
	})),
}))()`

// TestPagesInBrowser walks every page of the UI in a real headless
// Chromium at desktop and phone width: the lists with their totals and
// pages, a phrase search with filters, the sources and an outlet's page,
// and a story page whose three charts must render with labels and fit the
// screen. It saves a screenshot of each in $STORYLINE_SCREENSHOTS (else a
// temporary folder). Under CI a missing browser is a failure, not a skip.
func TestPagesInBrowser(t *testing.T) {
	base := demoServer(t)
	// The demo's biggest story: it has copies and rewrites, so all three
	// charts.
	_, _, body := get(t, base+"/api/v1/stories?limit=500")
	var list []news.StorySummary
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) < 4 {
		t.Fatalf("demo stories: %v %s", err, body)
	}
	big := list[0]
	for _, s := range list {
		if s.Articles > big.Articles {
			big = s
		}
	}

	ctx := browsertest.Start(t, 1280, 1800, 3*time.Minute)
	shots := browsertest.Screenshots(t)

	for _, width := range []int64{1280, 390} {
		open := func(name, path, waitFor string) pageFacts {
			t.Helper()
			if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(waitFor)); err != nil {
				t.Fatalf("%d px, %s (%s): %v", width, name, path, err)
			}
			facts, err := chromedp.Run(ctx, chromedp.Evaluate[pageFacts](readPage))
			if err != nil {
				t.Fatalf("%d px, %s: read the page: %v", width, name, err)
			}
			if facts.ScrollWidth > facts.InnerWidth {
				t.Errorf("%d px, %s: the page is %d px wide, wider than the window (%d): it scrolls sideways", width, name, facts.ScrollWidth, facts.InnerWidth)
			}
			browsertest.Shot(t, ctx, shots, fmt.Sprintf("ui-%d-%s", width, name))
			return facts
		}
		expect := func(page string, f pageFacts, wants ...string) {
			t.Helper()
			for _, w := range wants {
				if !strings.Contains(f.Text, w) {
					t.Errorf("%d px, %s page lacks %q", width, page, w)
				}
			}
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 1800)); err != nil {
			t.Fatal(err)
		}

		home := open("home", "/?limit=4", "ol.stories")
		expect("home", home, "1–4 of 9", "Next →", "Most recent news first")
		page2 := open("home-page-2", "/?limit=4&offset=4", "nav.pager")
		expect("home, page 2", page2, "5–8 of 9", "← Previous", "Next →")
		dated := open("home-dates", "/?since=2026-11-19&until=2026-11-20", "ol.stories")
		expect("home, a date range", dated, "published since 2026-11-19 until 2026-11-20")

		search := open("search", "/search?q=%22nine-day+strike%22&source=valleywireservice", "ul.hits")
		expect("search", search, "1 story (1 article) match", "Calder dockworkers vote to end nine-day strike", "Valley Wire Service")
		prefix := open("search-prefix", "/search?q=cald*&limit=1", "ul.hits")
		expect("search by prefix", prefix, "1–1 of 4", "Next →")

		sources := open("sources", "/sources", "table.sources")
		expect("sources", sources, "Valley Wire Service", "Northfield Courier")
		if strings.Contains(strings.SplitN(sources.Text, "Valley Wire Service", 2)[0], "—") {
			t.Errorf("%d px, sources: a stray dash above the table", width)
		}
		outlet := open("outlet", "/sources/the%20valley%20wire%20service", "ol.stories")
		expect("outlet", outlet, "Valley Wire Service", "All its stories (5)", "First reports (5)", "Most recent news first")
		firsts := open("outlet-first-reports", "/sources/valleywireservice?role=first", "ol.stories")
		expect("outlet's first reports", firsts, "1–5 of 5", "First report")

		story := open("story", "/stories/"+big.ID, "#timeline")
		expect("story", story, "Timeline of sources", "What the sources agree on", "Who rewrote whom")
		titles := map[string]bool{}
		for _, c := range story.Charts {
			titles[c.Title] = true
			if c.Desc == "" || c.Label == "" || c.Texts < 2 || c.Width < 100 || c.Width > float64(width) {
				t.Errorf("%d px, story chart %q: description %q, %d drawn labels, %.0f px wide: want a description, labels, and to fit the page", width, c.Title, c.Desc, c.Texts, c.Width)
			}
		}
		for _, want := range []string{"Coverage over time, by outlet", "Which outlet states which shared fact", "Rewrite graph: an arrow from a source to the article that copies or rewrites it"} {
			if !titles[want] {
				t.Errorf("%d px, the story page does not draw %q (it draws %v)", width, want, titles)
			}
		}
		art := open("article", "/articles/calder-strike-over", "details.removed summary")
		expect("article", art, "Show what extraction removed")
		feeds := open("feeds", "/feeds", "main h1")
		expect("feeds", feeds, "No feeds are polled")
	}
	t.Logf("screenshots in %s", shots)
}

// TestFilterFormKeepsALongOutletNameToItsRow loads a story from an outlet
// whose name runs to a sentence (pages do name their site so) and checks,
// in a real browser at desktop width, that the list's outlet menu stays on
// the row of its label rather than widening to a row of its own and
// pushing the date fields apart from their labels.
func TestFilterFormKeepsALongOutletNameToItsRow(t *testing.T) {
	st := tempStore(t)
	published := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	long := "The Harbour Gazette and Coastline Weekly Evening Edition for the Northern Districts and Islands"
	var ps []news.Placement
	for i, source := range []string{long, "Coastline Daily"} {
		a := news.Article{ID: fmt.Sprintf("a%d", i), Source: source, Published: published, Title: "Ferry fares to rise", Text: "Ferry fares will rise by a tenth in the spring."}
		ps = append(ps, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: "s1"}, ContentHash: a.ID})
	}
	save(t, st, published, ps...)
	base := serveStore(t, st).URL

	ctx := browsertest.Start(t, 1280, 1000, time.Minute)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible("select#source")); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Label, Select, Since, SinceLabel float64 }](`(() => {
		const top = s => document.querySelector(s).getBoundingClientRect().top;
		return {label: top('label[for="source"]'), select: top("select#source"), since: top("input#since"), sinceLabel: top('label[for="since"]')};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Shot(t, ctx, browsertest.Screenshots(t), "ui-1280-home-long-outlet")
	if math.Abs(rows.Select-rows.Label) > 20 || math.Abs(rows.Since-rows.SinceLabel) > 20 {
		t.Errorf("at 1280 px the outlet menu sits %.0f px below its label and the date %.0f px below its own: a long outlet name pushed the form's fields off their labels' rows",
			rows.Select-rows.Label, rows.Since-rows.SinceLabel)
	}
}

// TestFeedsPageShowsEachFeedsStateOnAPhone loads the feeds page at 390 px
// with a failing feed: its error, its last check and its articles added
// are on screen, not in columns beyond the screen's right edge (the table
// scrolled sideways in its box, so a phone showed only the feeds' names).
func TestFeedsPageShowsEachFeedsStateOnAPhone(t *testing.T) {
	base := serveFeeds(t)
	ctx := browsertest.Start(t, 390, 900, time.Minute)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/feeds"), chromedp.WaitVisible("main h1")); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]struct{ Text string }](`[...document.querySelectorAll("table.sources td, table.sources th[scope=row]")].filter(e => {
		const r = e.getBoundingClientRect();
		return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth + 1;
	}).map(e => ({text: e.innerText}))`))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Shot(t, ctx, browsertest.Screenshots(t), "ui-390-feeds")
	var shown strings.Builder
	for _, o := range out {
		shown.WriteString(o.Text + " | ")
	}
	for _, want := range []string{"The Ledger", "12", "XML syntax error", "16 Nov 2026"} {
		if !strings.Contains(shown.String(), want) {
			t.Errorf("at 390 px the feeds page shows %q within the screen's width, want %q in it", shown.String(), want)
		}
	}
}

// serveFeeds serves a store polling two invented feeds, one working and
// one failing, and returns the server's address.
func serveFeeds(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	st := tempStore(t)
	checked := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	feeds := []string{"https://ledger.example/news/rss.xml", "https://wire.example/feeds/all-the-regional-news-of-the-week.atom"}
	if err := st.AddFeeds(ctx, feeds); err != nil {
		t.Fatal(err)
	}
	for i, u := range feeds {
		f := news.FeedState{URL: u, LastChecked: checked, Interval: time.Hour, NextCheck: checked.Add(time.Hour)}
		if i == 1 {
			f.LastError = "not a valid feed: XML syntax error on line 1: unexpected EOF"
		} else {
			f.Title, f.LastSuccess, f.ItemsAdded = "The Ledger", checked, 12
		}
		if err := st.SaveFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	return serveStore(t, st).URL
}

// TestFeedsPageDatesStayWholeOnADesktop: at 1280 px each date of /feeds
// (last check, last success, next check) takes at most two lines, its day
// ("16 Nov 2026") on one of them, and the table fits its box without a
// sideways scroll; each date wrapped a word a line, four lines a date.
func TestFeedsPageDatesStayWholeOnADesktop(t *testing.T) {
	base := serveFeeds(t)
	ctx := browsertest.Start(t, 1280, 900, time.Minute)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/feeds"), chromedp.WaitVisible("main h1")); err != nil {
		t.Fatal(err)
	}
	browsertest.Shot(t, ctx, browsertest.Screenshots(t), "ui-1280-feeds")
	// Each date cell: its lines (the distinct tops of its text's line
	// boxes) and whether its day sits on one line.
	cells, err := chromedp.Run(ctx, chromedp.Evaluate[[]struct {
		Text     string
		Lines    int
		DayWhole bool
	}](`[...document.querySelectorAll("table.feeds td")].filter(e => /\d{4}/.test(e.innerText)).map(e => {
		const lines = r => new Set([...r.getClientRects()].map(b => Math.round(b.top))).size;
		const all = document.createRange(); all.selectNodeContents(e);
		const day = e.innerText.match(/\d{1,2} \w{3} \d{4}/);
		let dayWhole = false;
		if (day) {
			const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
			let text = "", nodes = [];
			for (let n; (n = walker.nextNode()); ) { nodes.push([n, text.length]); text += n.data; }
			const at = text.indexOf(day[0]);
			const locate = i => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; };
			const r = document.createRange();
			r.setStart(...locate(at)); r.setEnd(...locate(at + day[0].length - 1)); r.setEnd(r.endContainer, r.endOffset + 1);
			dayWhole = lines(r) === 1;
		}
		return {text: e.innerText, lines: lines(all), dayWhole};
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != 5 {
		t.Fatalf("%d date cells, want 5 (3 for the working feed, 2 for the failing one)", len(cells))
	}
	for _, c := range cells {
		if c.Lines > 2 || !c.DayWhole {
			t.Errorf("at 1280 px the date %q takes %d lines (day on one line: %v); want at most 2, the day whole", c.Text, c.Lines, c.DayWhole)
		}
	}
	fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const w = document.querySelector(".table-wrap"); return w.scrollWidth <= w.clientWidth + 1; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !fits {
		t.Error("at 1280 px the feeds table is wider than its box: it scrolls sideways")
	}
}
