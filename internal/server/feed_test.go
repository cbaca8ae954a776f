package server

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
)

// feedStore holds three stories whose news happened in 2014, 2019 and 2026
// (loaded in the opposite order): the 2014 one, whose id has slashes, is
// compared (a lead fact and a first report); the others are not.
func feedServer(t *testing.T, baseURL string) *httptest.Server {
	t.Helper()
	return feedServerAt(t, baseURL, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
}

// feedServerAt is feedServer at another time of day (or year).
func feedServerAt(t *testing.T, baseURL string, now time.Time) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st := tempStore(t)
	loaded := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	type story struct {
		id        string
		published time.Time
		arts      []news.Article
	}
	stories := []story{
		{"s2026", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), []news.Article{
			{ID: "c1", Source: "Coastline Daily", Title: "Calder strike over", Text: "Dockworkers voted to end the strike on Monday. The vote was close."}}},
		{"s2019", time.Date(2019, 5, 1, 12, 0, 0, 0, time.UTC), []news.Article{
			{ID: "l1", Source: "The Harbor Ledger", Title: "Port strike begins", Text: "A strike began at the port. Ships waited."}}},
		{"basil/2014/1", time.Date(2014, 1, 3, 8, 0, 0, 0, time.UTC), []news.Article{
			{ID: "l2", Source: "The Harbor Ledger", Title: "Pension reform passes", Text: "The pension reform passed the senate. It was late."},
			{ID: "c2", Source: "Coastline Daily", Title: "Senate passes pensions bill", Text: "Senators passed the pension reform on Friday."}}},
	}
	for i, s := range stories {
		var ps []news.Placement
		for j, a := range s.arts {
			a.Published = s.published.Add(time.Duration(j) * time.Hour)
			ps = append(ps, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: s.id, Reason: "test"}, ContentHash: a.ID})
		}
		save(t, st, loaded.Add(time.Duration(i)*time.Hour), ps...)
	}
	cmp := news.Comparison{
		Timeline: []news.TimelineEntry{{Article: "l2", Source: "The Harbor Ledger", Published: "2014-01-03T08:00:00Z", First: true},
			{Article: "c2", Source: "Coastline Daily", Published: "2014-01-03T09:00:00Z"}},
		Facts: []news.Fact{{Text: "The pension reform passed the senate.", Articles: []string{"l2", "c2"}}},
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "basil/2014/1", Title: "Pension reform passes",
		Summary: "The pension reform passed the senate.", Comparison: cmp}}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(read.New(st, read.Options{}), Options{BaseURL: baseURL, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

type atomTestFeed struct {
	Title   string     `xml:"title"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

type jsonTestFeed struct {
	Version string `json:"version"`
	FeedURL string `json:"feed_url"`
	Items   []struct {
		ID          string `json:"id"`
		URL         string `json:"url"`
		Title       string `json:"title"`
		ContentText string `json:"content_text"`
		Summary     string `json:"summary"`
		Storyline   struct {
			Story       string   `json:"story"`
			Sources     []string `json:"sources"`
			FirstReport *struct {
				Source, Published string
			} `json:"first_report"`
		} `json:"_storyline"`
	} `json:"items"`
}

// storyOf is the story id at the end of an entry id.
func storyOf(id string) string { return id[strings.Index(id, ":story:")+len(":story:"):] }

// TestFeedsFilter checks that both feeds carry the stories the query asks
// for: words, outlet, and publication dates (not load dates).
func TestFeedsFilter(t *testing.T) {
	ts := feedServer(t, "")
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"basil/2014/1", "s2019", "s2026"}},
		{"q=strike", []string{"s2019", "s2026"}},
		{"q=pension", []string{"basil/2014/1"}},
		{"source=Coastline+Daily", []string{"basil/2014/1", "s2026"}},
		{"q=strike&source=Coastline+Daily", []string{"s2026"}},
		{"since=2019-01-01", []string{"s2019", "s2026"}},
		{"until=2019-05-01", []string{"basil/2014/1", "s2019"}}, // until's day is included
		{"since=2015-01-01&until=2020-01-01", []string{"s2019"}},
		{"since=2019-05-01T12:00:01Z", []string{"s2026"}},
		{"since=30d", []string{"s2026"}},
		{"since=2010-01-01&limit=1", []string{"basil/2014/1"}},
		{"q=strike&since=2026-01-01", []string{"s2026"}},
		{"since=2027-01-01", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			status, ctype, body := get(t, ts.URL+"/feed.atom?"+tt.query)
			if status != 200 || !strings.HasPrefix(ctype, "application/atom+xml") {
				t.Fatalf("atom: %d %s %s", status, ctype, body)
			}
			var a atomTestFeed
			if err := xml.Unmarshal([]byte(body), &a); err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, e := range a.Entries {
				got = append(got, storyOf(e.ID))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("atom entries = %v, want %v", got, tt.want)
			}
			status, ctype, body = get(t, ts.URL+"/feed.json?"+tt.query)
			if status != 200 || !strings.HasPrefix(ctype, "application/feed+json") {
				t.Fatalf("json: %d %s %s", status, ctype, body)
			}
			var j jsonTestFeed
			if err := json.Unmarshal([]byte(body), &j); err != nil {
				t.Fatal(err)
			}
			got = []string{}
			for _, it := range j.Items {
				got = append(got, it.Storyline.Story)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("json items = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFeedsRefuseBadFilters checks that a bad filter is a 400 naming it.
func TestFeedsRefuseBadFilters(t *testing.T) {
	ts := feedServer(t, "")
	tests := []struct{ query, want string }{
		{"since=yesterday", `since \"yesterday\"`},
		{"until=2026-13-01", `until \"2026-13-01\"`},
		{"since=2020-01-01&until=2019-01-01", "is not before until"},
		{"limit=0", `limit \"0\"`},
		{"limit=many", `limit \"many\"`},
		{"q=the", "nearly every article"},
		{"offset=20", `parameter \"offset\" is not taken here`}, // a feed is the newest entries only
	}
	for _, path := range []string{"/feed.atom", "/feed.json"} {
		for _, tt := range tests {
			status, _, body := get(t, ts.URL+path+"?"+tt.query)
			if status != 400 || !strings.Contains(body, tt.want) {
				t.Errorf("%s?%s = %d %s, want 400 with %s", path, tt.query, status, body, tt.want)
			}
		}
	}
}

// TestFeedSummaries checks each item's summary: the lead fact (else the
// first sentence of the first article), the outlets and the first report.
func TestFeedSummaries(t *testing.T) {
	ts := feedServer(t, "")
	_, _, body := get(t, ts.URL+"/feed.atom")
	var a atomTestFeed
	if err := xml.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"basil/2014/1": "The pension reform passed the senate.\n\n2 articles from The Harbor Ledger, Coastline Daily.\nFirst report: The Harbor Ledger, 2014-01-03T08:00:00Z.",
		"s2026":        "Dockworkers voted to end the strike on Monday.\n\n1 article from Coastline Daily.",
		"s2019":        "A strike began at the port.\n\n1 article from The Harbor Ledger.",
	}
	for _, e := range a.Entries {
		if got := e.Summary; got != want[storyOf(e.ID)] {
			t.Errorf("atom summary of %s = %q, want %q", storyOf(e.ID), got, want[storyOf(e.ID)])
		}
	}
	if len(a.Entries) != 3 || a.Entries[0].Link.Href != "/stories/basil%2F2014%2F1" {
		t.Errorf("entries %d, first link %q: want 3, an escaped relative link", len(a.Entries), a.Entries[0].Link.Href)
	}
	_, _, body = get(t, ts.URL+"/feed.json")
	var j jsonTestFeed
	if err := json.Unmarshal([]byte(body), &j); err != nil {
		t.Fatal(err)
	}
	if j.Version != "https://jsonfeed.org/version/1.1" || len(j.Items) != 3 {
		t.Fatalf("json feed version %q, %d items", j.Version, len(j.Items))
	}
	for _, it := range j.Items {
		if it.ContentText != want[it.Storyline.Story] {
			t.Errorf("json content_text of %s = %q, want %q", it.Storyline.Story, it.ContentText, want[it.Storyline.Story])
		}
	}
	first := j.Items[0]
	if first.Summary != "The pension reform passed the senate." || first.Storyline.FirstReport == nil ||
		first.Storyline.FirstReport.Source != "The Harbor Ledger" || first.Storyline.FirstReport.Published != "2014-01-03T08:00:00Z" ||
		!slices.Equal(first.Storyline.Sources, []string{"The Harbor Ledger", "Coastline Daily"}) {
		t.Errorf("first item = %+v", first)
	}
	if j.Items[1].Storyline.FirstReport != nil {
		t.Errorf("an uncompared story names a first report: %+v", j.Items[1].Storyline.FirstReport)
	}
}

// TestFeedLinksFollowBaseURL checks that links are absolute from the base
// URL, carry the filters in the self link, and never follow the Host header.
func TestFeedLinksFollowBaseURL(t *testing.T) {
	ts := feedServer(t, "https://news.example.org/")
	_, _, body := get(t, ts.URL+"/feed.atom?q=pension")
	var a atomTestFeed
	if err := xml.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Entries) != 1 || a.Entries[0].Link.Href != "https://news.example.org/stories/basil%2F2014%2F1" {
		t.Errorf("entries = %+v", a.Entries)
	}
	if a.Links[0].Rel != "self" || a.Links[0].Href != "https://news.example.org/feed.atom?q=pension" {
		t.Errorf("self link = %+v", a.Links[0])
	}
	_, _, body = get(t, ts.URL+"/feed.json?q=pension")
	var j jsonTestFeed
	if err := json.Unmarshal([]byte(body), &j); err != nil {
		t.Fatal(err)
	}
	if j.FeedURL != "https://news.example.org/feed.json?q=pension" || len(j.Items) != 1 || j.Items[0].URL != "https://news.example.org/stories/basil%2F2014%2F1" {
		t.Errorf("json feed = %+v", j)
	}
}

// TestHomeLinksItsFeeds checks the home page's <head> names both feeds,
// filtered as the page is.
func TestHomeLinksItsFeeds(t *testing.T) {
	ts := feedServer(t, "")
	tests := []struct{ path, atom, json string }{
		{"/", `href="/feed.atom"`, `href="/feed.json"`},
		{"/?q=strike&source=Coastline+Daily", `href="/feed.atom?q=strike&amp;source=Coastline&#43;Daily"`, `href="/feed.json?q=strike&amp;source=Coastline&#43;Daily"`},
	}
	for _, tt := range tests {
		_, _, page := get(t, ts.URL+tt.path)
		head := page[:strings.Index(page, "</head>")]
		for _, want := range []string{`rel="alternate" type="application/atom+xml"`, tt.atom, `rel="alternate" type="application/feed+json"`, tt.json} {
			if !strings.Contains(head, want) {
				t.Errorf("%s: <head> lacks %s:\n%s", tt.path, want, head)
			}
		}
	}
}

// FuzzFeedTime checks the date filters' parser on any query value: it
// either refuses it with the message that says what to give, or gives a
// UTC time; a day as until is the end of the day since reads as its start.
func FuzzFeedTime(f *testing.F) {
	for _, s := range []string{"2026-11-16", "2026-11-16T09:00:00+02:00", "7d", "36h", "-3d", "yesterday", "", "9999999999d", "99999999999d", "106752d", "2000000h"} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, raw string) {
		start, err := feedTime(raw, now, false)
		end, errEnd := feedTime(raw, now, true)
		if (err == nil) != (errEnd == nil) {
			t.Fatalf("%q: since and until disagree on whether it is a time: %v, %v", raw, err, errEnd)
		}
		if err != nil {
			if err != errFeedTime {
				t.Fatalf("%q: unexpected error %v", raw, err)
			}
			return
		}
		if start.Location() != time.UTC || end.Location() != time.UTC {
			t.Fatalf("%q: not UTC: %v %v", raw, start, end)
		}
		given := strings.TrimSpace(raw) // as feedTime reads it: a day or time between spaces is that day or time
		_, dayErr := time.Parse("2006-01-02", given)
		_, timeErr := time.Parse(time.RFC3339, given)
		if dayErr != nil && timeErr != nil && (start.After(now) || start.Before(now.AddDate(-101, 0, 0))) {
			t.Fatalf("%q: a span back from now gives %v (overflowed)", raw, start)
		}
		if d := end.Sub(start); d != 0 && d != 24*time.Hour {
			t.Fatalf("%q: until is %v after since; want the same time or the day's end", raw, d)
		}
	})
}

// TestAtomFeedIDOutlivesTheYear: a feed's id is permanent (RFC 4287), so the
// same feed read in the new year has the id it had (it carried the year it
// was read in, so readers that key on it saw a new feed every January).
func TestAtomFeedIDOutlivesTheYear(t *testing.T) {
	feedID := func(now time.Time, query string) string {
		ts := feedServerAt(t, "https://news.example.org/", now)
		_, _, body := get(t, ts.URL+"/feed.atom"+query)
		var f struct {
			ID string `xml:"id"`
		}
		if err := xml.Unmarshal([]byte(body), &f); err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	for _, q := range []string{"", "?q=pension"} {
		dec, jan := feedID(time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), q), feedID(time.Date(2027, 1, 1, 1, 0, 0, 0, time.UTC), q)
		if dec != jan || !strings.HasPrefix(dec, "tag:storyline,2026:") {
			t.Errorf("feed%s id %q on 31 Dec, %q on 1 Jan: want one, as it was in 2026", q, dec, jan)
		}
	}
}
