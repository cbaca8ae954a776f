package server

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/view"
)

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st := tempStore(t)
	published := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "a1", Source: "The Harbor Ledger", Byline: "Priya Castellanos", Published: published, Title: `Strike ends <script>alert("t")</script>`,
			Text: `Dockworkers voted to end the strike. <script>alert("x")</script> "We were heard," said Marta Ilves.`},
		{ID: "a2", Source: "Coastline Daily", Published: published.Add(time.Hour), Title: "Calder strike over", Text: "Dockworkers voted to end the strike on Monday."},
	}
	var entries []news.Placement
	for _, a := range arts {
		entries = append(entries, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: "s1", Reason: "similarity 0.7 <b>x</b>"}, ContentHash: a.ID})
	}
	entries[0].Raw = &news.Raw{Name: "a1.html", Kind: news.KindHTML, Body: []byte(`<html><body><nav><a href="/">Home page</a></nav>` +
		`<p>Subscribe to <script>alert("n")</script> our newsletter</p><p>` + html.EscapeString(arts[0].Text) + `</p></body></html>`)}
	save(t, st, published, entries...)
	cmp := news.Comparison{
		Timeline: []news.TimelineEntry{{Article: "a1", Source: "The Harbor Ledger", First: true}, {Article: "a2", Source: "Coastline Daily"}},
		Facts:    []news.Fact{{Text: "Dockworkers voted to end the strike.", Articles: []string{"a1", "a2"}}},
		Unique:   map[string][]string{"a1": {`<script>alert("u")</script> only here`}},
		PartlyShared: map[string][]news.PartlyShared{"a2": {{Text: "The strike is over after a vote on Monday.", Articles: []string{"a1"},
			Closest: news.Wording{Article: "a1", Text: "Dockworkers voted to end the strike."}}}},
		Quotes:      []news.Quote{{Speaker: "Marta Ilves", Text: "We were heard", Articles: []string{"a1"}}},
		Derivations: []news.Derivation{{From: "a1", To: "a2", Score: 0.9, Kind: "copy"}},
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: arts[0].Title, Summary: "Dockworkers voted to end the strike.", Comparison: cmp}}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddFeeds(ctx, []string{"https://ledger.example/rss"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveFeed(ctx, news.FeedState{URL: "https://ledger.example/rss", Title: "The Ledger", LastChecked: published,
		LastError: `fetch: HTTP 503 <b>Service Unavailable</b>`, Interval: time.Hour, NextCheck: published.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return serveStore(t, st)
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestAPI(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		path   string
		status int
		has    string
	}{
		{"/healthz", 200, `"status":"ok"`},
		{"/api/v1/stories", 200, `"id":"s1"`},
		{"/api/v1/stories?q=monday", 200, `"articles":2`},
		{"/api/v1/stories?source=Coastline+Daily", 200, `"id":"s1"`},
		{"/api/v1/stories?since=soon", 400, `"error":"since`},
		{"/api/v1/stories?limit=-1", 400, `"error":"limit`},
		{"/api/v1/stories/s1", 200, `"facts":[{"text":"Dockworkers voted to end the strike."`},
		{"/api/v1/stories/nope", 404, `"error":"store: read story nope: not found"`},
		{"/api/v1/articles/a2", 200, `"title":"Calder strike over"`},
		{"/api/v1/articles/a1", 200, `"removed":["Home page","Subscribe to our newsletter"]`},
		{"/api/v1/articles/a2", 200, `"removed":[],"source":"Coastline Daily","story":"s1"`},
		{"/api/v1/articles/nope", 404, `"error"`},
		{"/api/v1/search?q=monday", 200, `"article":"a2"`},
		{"/api/v1/search?q=script", 200, `&lt;<mark>script</mark>&gt;`}, // escaped, then marked (the JSON leaves <, > and & as they are)
		{"/api/v1/search?q=x&limit=0", 400, `"error":"limit`},
		// A filter a list does not take is refused, not ignored.
		{"/api/v1/sources?q=ledger", 400, `"error":"parameter \"q\" is not taken here: this address takes limit, offset"`},
		{"/api/v1/sources/harborledger?source=nyt", 400, `parameter \"source\" is not taken here`},
		{"/api/v1/search?q=monday&order=updated", 400, `parameter \"order\" is not taken here`},
		{"/api/v1/stories?sinse=2019-01-01", 400, `parameter \"sinse\" is not taken here`},
		{"/api/v1/stories?q=monday&source=", 200, `"articles":2`}, // a blank field asks for nothing
		{"/api/v1/sources?utm_source=feed", 400, `parameter \"utm_source\" is not taken here`},
		{"/api/v1/feeds", 200, `"url":"https://ledger.example/rss","title":"The Ledger"`},
		{"/api/v1/sources", 200, `{"source":"Coastline Daily","key":"coastlinedaily","articles":1,"stories":1,"shared_stories":1,"first_reports":0,"rewrites":1}`},
		{"/api/v1/sources", 200, `{"source":"The Harbor Ledger","key":"harborledger","articles":1,"stories":1,"shared_stories":1,"first_reports":1,"rewrites":0}`},
	}
	for _, tt := range tests {
		status, ctype, body := get(t, ts.URL+tt.path)
		if status != tt.status || !strings.Contains(body, tt.has) || !strings.HasPrefix(ctype, "application/json") {
			t.Errorf("GET %s = %d %s %s; want %d with %s", tt.path, status, ctype, body, tt.status, tt.has)
		}
	}
	_, _, body := get(t, ts.URL+"/api/v1/stories")
	var list []map[string]any
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) != 1 {
		t.Errorf("stories body = %s", body)
	}
}

func TestPagesEscapeArticleText(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/", "/stories/s1", "/articles/a1", "/?q=strike", "/search?q=script", "/search?q=strike", "/sources", "/feeds"} {
		status, ctype, body := get(t, ts.URL+path)
		if status != 200 || !strings.HasPrefix(ctype, "text/html") {
			t.Errorf("GET %s = %d %s", path, status, ctype)
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s: article text reached the page unescaped", path)
		}
	}
	_, _, story := get(t, ts.URL+"/stories/s1")
	for _, want := range []string{"What the sources agree on", "Only in The Harbor Ledger", "Marta Ilves", "first report", "Priya Castellanos", "Why it is in this story", "&lt;script&gt;",
		"Also in: <a href=\"/articles/a2\">Coastline Daily</a>",
		"<h3>Coastline Daily</h3>", "The strike is over after a vote on Monday. <span class=\"also\">partly also in The Harbor Ledger</span>",
		"<summary>closest in The Harbor Ledger</summary><q>Dockworkers voted to end the strike.</q>",
		// who rewrote whom links both articles, so a reader can compare them
		`<a href="/articles/a2">Coastline Daily</a> copies <a href="/articles/a1">The Harbor Ledger</a>`} {
		if !strings.Contains(story, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if _, _, page := get(t, ts.URL+"/feeds"); !strings.Contains(page, "The Ledger") || !strings.Contains(page, "HTTP 503 &lt;b&gt;Service Unavailable&lt;/b&gt;") {
		t.Error("the feeds page lacks the feed or its escaped last error")
	}
	if _, _, page := get(t, ts.URL+"/articles/a1"); !strings.Contains(page, "Show what extraction removed from the page (2 blocks)") || !strings.Contains(page, "<li>Home page</li>") {
		t.Error("the article page lacks the removed blocks")
	}
	// A missing story or article is said in a reader's words, naming the
	// id, not as the store's failed query ("store: read story nope: not found").
	for _, c := range []struct{ path, want string }{{"/stories/nope", "No story “nope” is stored"}, {"/articles/nope", "No article “nope” is stored"},
		// an id's quotation mark as typed, a bidirectional override dropped
		{"/stories/no%22pe%E2%80%AE", "No story “no&#34;pe” is stored"}} {
		if status, _, body := get(t, ts.URL+c.path); status != 404 || !strings.Contains(body, c.want) || strings.Contains(body, "store: read") {
			t.Errorf("GET %s = %d, want 404 saying %q:\n%s", c.path, status, c.want, body)
		}
	}
	if status, _, body := get(t, ts.URL+"/static/"); status != 404 || strings.Contains(body, "style.css") {
		t.Errorf("GET /static/ = %d %s, want 404 without a listing (issue 18)", status, body)
	}
	if status, ctype, _ := get(t, ts.URL+"/static/style.css"); status != 200 || !strings.HasPrefix(ctype, "text/css") {
		t.Errorf("stylesheet: %d %s", status, ctype)
	}
}

// The story list gives a story's span by day, each day kept whole on a
// narrow screen: two reports an hour apart are one day, not two times.
func TestStoryListGivesDaysKeptWhole(t *testing.T) {
	ts := newTestServer(t)
	_, _, home := get(t, ts.URL+"/")
	if want := `· <span class="nowrap">16 Nov 2026</span></p>`; !strings.Contains(home, want) || strings.Contains(home, "UTC –") {
		t.Errorf("home page lacks %q or gives times:\n%s", want, home)
	}
}

func TestAtomFeed(t *testing.T) {
	ts := newTestServer(t)
	status, ctype, body := get(t, ts.URL+"/feed.atom")
	if status != 200 || !strings.HasPrefix(ctype, "application/atom+xml") {
		t.Fatalf("GET /feed.atom = %d %s", status, ctype)
	}
	var f struct {
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("not XML: %v\n%s", err, body)
	}
	if len(f.Entries) != 1 {
		t.Fatalf("entries = %+v", f.Entries)
	}
	e := f.Entries[0]
	if !strings.HasSuffix(e.Link.Href, "/stories/s1") || !strings.Contains(e.Summary, "2 articles from The Harbor Ledger, Coastline Daily") ||
		!strings.HasSuffix(e.ID, ":story:s1") || e.Updated != "2026-11-16T09:00:00Z" {
		t.Errorf("entry = %+v", e)
	}
	if strings.Contains(body, "<script>") {
		t.Error("the feed carries unescaped markup from an article title")
	}
	// issue 18: links were built from the Host header, which any client sets
	req, _ := http.NewRequest("GET", ts.URL+"/feed.atom", nil)
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(b), "evil.example") {
		t.Errorf("the feed's links follow the request's Host header:\n%s", b)
	}
}

func TestMetrics(t *testing.T) {
	ts := newTestServer(t)
	get(t, ts.URL+"/api/v1/stories")
	get(t, ts.URL+"/api/v1/stories/nope")
	status, ctype, body := get(t, ts.URL+"/metrics")
	if status != 200 || !strings.HasPrefix(ctype, "text/plain") {
		t.Fatalf("GET /metrics = %d %s", status, ctype)
	}
	for _, want := range []string{
		`storyline_http_requests_total{code="200",route="GET /api/v1/stories"} 1`,
		`storyline_http_requests_total{code="404",route="GET /api/v1/stories/{id}"} 1`,
		`storyline_http_request_duration_seconds_count 2`,
		"storyline_articles 2", "storyline_stories 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
}

// TestOpenAPIDescribesTheRoutes checks that every path the description lists
// answers (with q when it takes q, and refuses q when it does not), and
// that the API's routes are all described.
func TestOpenAPIDescribesTheRoutes(t *testing.T) {
	ts := newTestServer(t)
	status, _, body := get(t, ts.URL+"/api/v1/openapi.json")
	var doc struct {
		OpenAPI string
		Paths   map[string]map[string]struct{ Parameters []struct{ Name string } }
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || status != 200 || doc.OpenAPI == "" {
		t.Fatalf("openapi.json: %d %v", status, err)
	}
	for path, methods := range doc.Paths {
		op, ok := methods["get"]
		if !ok {
			continue // writes have their own tests
		}
		takesQ, want := false, 200
		for _, p := range op.Parameters {
			takesQ = takesQ || p.Name == "q"
		}
		if !takesQ && strings.HasPrefix(path, "/api/v1/sources") {
			want = 400 // lists that do not search; the other reads have no filters to refuse
		}
		url := strings.ReplaceAll(strings.ReplaceAll(path, "{id}", "s1"), "{outlet}", "harborledger")
		if strings.HasPrefix(path, "/api/v1/articles/") {
			url = strings.ReplaceAll(path, "{id}", "a1")
		}
		if status, _, _ := get(t, ts.URL+url+"?q=strike"); status != want {
			t.Errorf("documented %s?q=strike answers %d, want %d", path, status, want)
		}
	}
	for _, route := range []string{"/healthz", "/api/v1/stories", "/api/v1/stories/{id}", "/api/v1/articles/{id}", "/api/v1/search", "/api/v1/sources", "/api/v1/aliases", "/feed.atom", "/feed.json", "/metrics"} {
		if _, ok := doc.Paths[route]; !ok {
			t.Errorf("%s is not described", route)
		}
	}
}

// serveStore serves st for the rest of the test, reading it as serve does
// with no projector at work.
func serveStore(t *testing.T, st *sqlite.Store) *httptest.Server {
	t.Helper()
	srv, err := New(read.New(st, read.Options{}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// tempStore opens a new database in the test's temporary folder.
func tempStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// save stores placements in one batch.
func save(t testing.TB, st *sqlite.Store, at time.Time, ps ...news.Placement) {
	t.Helper()
	if _, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: ps, At: at}); err != nil {
		t.Fatal(err)
	}
}

func TestMergedStoryRedirects(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	when := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	a := news.Article{ID: "a1", Source: "The Harbor Ledger", Published: when, Title: "Strike ends", Text: "Dockworkers voted to end the strike."}
	b := news.Article{ID: "b1", Source: "Coastline Daily", Published: when, Title: "Calder strike over", Text: "The Calder strike is over."}
	save(t, st, when, news.Placement{Article: a, Membership: news.Membership{ArticleID: "a1", StoryID: "s1"}, ContentHash: "a"},
		news.Placement{Article: b, Membership: news.Membership{ArticleID: "b1", StoryID: "s2"}, ContentHash: "b"})
	merge := news.StoryChange{Kind: "merge", Story: "s1", Other: "s2", Articles: []string{"b1"}, Score: 0.5, Threshold: 0.35, Reason: "one <event>"}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: []news.StoryChange{merge}, At: when}); err != nil {
		t.Fatal(err)
	}
	ts := serveStore(t, st)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{"/api/v1/stories/s2": "/api/v1/stories/s1", "/stories/s2": "/stories/s1"} {
		resp, err := noFollow.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("GET %s = %d to %q, want 301 to %s", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
	code, _, body := get(t, ts.URL+"/stories/s1")
	if code != http.StatusOK || !strings.Contains(body, "story s2 merged into this one") || !strings.Contains(body, "one &lt;event&gt;") {
		t.Errorf("story page does not show the merge (status %d)", code)
	}
	var d news.StoryDetail
	code, _, body = get(t, ts.URL+"/api/v1/stories/s1")
	if err := json.Unmarshal([]byte(body), &d); err != nil || code != http.StatusOK || len(d.Changes) != 1 || d.Changes[0].Other != "s2" {
		t.Errorf("API story = %d %+v, %v; want the merge among its changes", code, d.Changes, err)
	}
}

// TestStaleStoryIsComparedInMemory: a story read before it was ever
// compared is compared for the reader and not stored (reading never writes).
func TestStaleStoryIsComparedInMemory(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	published := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	var entries []news.Placement
	for i, text := range []string{
		"Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.",
		"The nine-day strike at the port of Calder ended on Monday when dockworkers voted to accept the pay offer.",
	} {
		a := news.Article{ID: fmt.Sprintf("a%d", i), Source: []string{"The Harbor Ledger", "Coastline Daily"}[i], Published: published.Add(time.Duration(i) * time.Hour), Title: "Calder strike ends", Text: text}
		entries = append(entries, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: "s1"}, ContentHash: a.ID})
	}
	save(t, st, published, entries...) // stored as add stores: not compared yet
	ts := serveStore(t, st)
	if code, _, body := get(t, ts.URL+"/api/v1/stories/s1"); code != 200 || !strings.Contains(body, `"timeline":[{`) || !strings.Contains(body, `"first":true`) || strings.Contains(body, `"updating"`) {
		t.Errorf("a stale story read through the API: %d %s; want its comparison made on the way", code, body)
	}
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 1 {
		t.Errorf("reading a story stored its comparison: stale %v", stale)
	}
}

func TestDerivationsTellCopiesOfOneOutletApart(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	d := news.StoryDetail{
		Articles: []news.Article{
			{ID: "wire", Source: "Wire", Published: at(8, 0)},
			{ID: "wire-update", Source: "Wire", Published: at(9, 30)},
			{ID: "courier", Source: "Calder Courier", Published: at(10, 0)},
			{ID: "blog-a", Source: "Blog", Published: at(11, 0)},
			{ID: "blog-b", Source: "Blog", Published: at(11, 0)},
		},
		Comparison: news.Comparison{Derivations: []news.Derivation{
			{From: "wire", To: "wire-update", Kind: "rewrite", Score: 0.7},
			{From: "wire", To: "courier", Kind: "copy", Score: 0.9},
			{From: "blog-a", To: "blog-b", Kind: "copy", Score: 0.95},
		}},
	}
	var got []string
	for _, dv := range view.NewStory(d).Derivations {
		got = append(got, dv.To+" "+dv.Verb+" "+dv.From)
	}
	want := []string{
		"Wire (2 Mar 09:30) updates its own report Wire (2 Mar 08:00)",
		"Calder Courier copies Wire (2 Mar 08:00)",
		"Blog [blog-b] updates its own report Blog [blog-a]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("derivations read\n%q\nwant\n%q", got, want)
	}
}

// TestUntitledStoryIsNamedByItsLead: a story none of whose articles has a
// title is listed and shown under its lead, dateline removed, the same in
// the HTML pages and the JSON API, which says that the title is derived;
// the article keeps its empty title in JSON and its page shows the lead.
func TestUntitledStoryIsNamedByItsLead(t *testing.T) {
	st := tempStore(t)
	when := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	a := news.Article{ID: "w1", Source: "Wirenews", Published: when, Text: "KESTRA, Ostland (Wirenews) -- Ferry crews walked out at Kestra on Tuesday over a pay cut.\n\nTalks resume next week."}
	save(t, st, when, news.Placement{Article: a, Membership: news.Membership{ArticleID: "w1", StoryID: "s1"}, ContentHash: "w1"})
	ts := serveStore(t, st)
	const want = "Ferry crews walked out at Kestra on Tuesday over a pay cut"
	var list []news.StorySummary
	if code, _, body := get(t, ts.URL+"/api/v1/stories"); code != 200 || json.Unmarshal([]byte(body), &list) != nil || len(list) != 1 || list[0].Title != want || !list[0].TitleDerived {
		t.Errorf("API stories = %d %+v; want s1 titled %q, derived", code, list, want)
	}
	var d news.StoryDetail
	if code, _, body := get(t, ts.URL+"/api/v1/stories/s1"); code != 200 || json.Unmarshal([]byte(body), &d) != nil || d.Title != want || !d.TitleDerived || len(d.Articles) != 1 || d.Articles[0].Title != "" {
		t.Errorf("API story = %d %q derived %v; want %q derived, its article untitled", code, d.Title, d.TitleDerived, want)
	}
	for _, path := range []string{"/", "/stories/s1", "/articles/w1", "/search?q=ferry"} {
		code, _, body := get(t, ts.URL+path)
		if code != 200 || !strings.Contains(body, ">"+want+"</") || strings.Contains(body, "Untitled") {
			t.Errorf("GET %s = %d; want the lead %q as the title and no Untitled:\n%s", path, code, want, body)
		}
	}
}

// A search hit with no headline is named by the start of its text, as the
// story's timeline names it, not by its id; and a story with more matching
// articles than it lists says that it lists the best and links to the rest.
func TestSearchHitsNamedByLeadAndCountedAsShown(t *testing.T) {
	st := tempStore(t)
	when := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	var ps []news.Placement
	for i, title := range []string{"", "Fares rise", "Timetable cut", "Crews vote"} {
		id := fmt.Sprintf("f%d", i)
		a := news.Article{ID: id, Source: "Isle Post", Published: when.Add(time.Duration(i) * time.Hour), Title: title,
			Text: "KESTRA, Ostland -- The Kestra ferry company raised its winter fares by a tenth on Monday.\n\nCommuters protested."}
		ps = append(ps, news.Placement{Article: a, Membership: news.Membership{ArticleID: id, StoryID: "s1"}, ContentHash: id})
	}
	save(t, st, when, ps...)
	ts := serveStore(t, st)
	code, _, body := get(t, ts.URL+"/search?q=ferry")
	for _, want := range []string{
		">The Kestra ferry company raised its winter fares by a tenth on Monday</a>",
		`4 matching articles, the 3 best below; <a href="/stories/s1">the story</a> has them all`,
	} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("search page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, ">f0</a>") {
		t.Error("the untitled hit is named by its id")
	}
}

// An outlet's name written right to left is isolated where a date follows
// it (search hits, an article's line, the story list): without <bdi> the
// browser ran the date's first number into the name ("1 · <name> Jan 2027").
func TestOutletNamesAreIsolatedBeforeDates(t *testing.T) {
	st := tempStore(t)
	when := time.Date(2027, 1, 1, 2, 0, 0, 0, time.UTC)
	a := news.Article{ID: "r1", Source: "صحيفة المرفأ", Published: when, Title: "Ferry aground",
		Text: "The Kestra ferry ran aground on the Tessel sandbank late on Tuesday, the coastguard said."}
	save(t, st, when, news.Placement{Article: a, Membership: news.Membership{ArticleID: "r1", StoryID: "s1"}, ContentHash: "r1"})
	ts := serveStore(t, st)
	for _, path := range []string{"/search?q=ferry", "/articles/r1", "/"} {
		if code, _, body := get(t, ts.URL+path); code != 200 || !strings.Contains(body, "<bdi>صحيفة المرفأ</bdi></a>") {
			t.Errorf("GET %s = %d: the outlet's name is not isolated:\n%s", path, code, body)
		}
	}
}
