package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// listServer serves seven one-article stories, a day apart in publication
// (and loaded in the opposite order), from outlets spelt several ways.
func listServer(t *testing.T) string {
	t.Helper()
	st := tempStore(t)
	day := time.Date(2019, 2, 10, 9, 0, 0, 0, time.UTC)
	spellings := []string{"NYT", "nyt", "The N.Y.T.", "Ledger", "ledger", "Courier", "www.courier"}
	texts := []string{
		"The president declared a national emergency at the border.",
		"A national emergency lets the president move funds.",
		"The National Rifle Association met in Dallas.",
		"Hospitals report more emergencies this winter.",
		"The river rose after rain.",
		"Dockworkers voted to end the strike.",
		"A new bridge opened to traffic.",
	}
	for i, text := range texts {
		a := news.Article{ID: fmt.Sprintf("a%d", i), Source: spellings[i], Published: day.AddDate(0, 0, i), Title: fmt.Sprintf("Title %d", i), Text: text}
		save(t, st, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i)*time.Hour), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: fmt.Sprintf("s%d", i)}, ContentHash: a.ID})
	}
	return serveStore(t, st).URL
}

func TestListsPageWithTotals(t *testing.T) {
	base := listServer(t)
	status, _, body := get(t, base+"/?limit=3")
	if status != 200 || !strings.Contains(body, "1–3 of 7") || !strings.Contains(body, `href="/?limit=3&amp;offset=3"`) || strings.Contains(body, `rel="prev"`) {
		t.Errorf("home, first page of 3: %d; want 1–3 of 7 and a next link, no previous:\n%s", status, body)
	}
	// Most recent news first: s6 was published last (and loaded first).
	if i6, i5 := strings.Index(body, "/stories/s6"), strings.Index(body, "/stories/s5"); i6 < 0 || i5 < 0 || i6 > i5 {
		t.Errorf("home does not lead with the most recent news (s6 then s5)")
	}
	_, _, body = get(t, base+"/?limit=3&offset=6")
	if !strings.Contains(body, "7–7 of 7") || !strings.Contains(body, `href="/?limit=3&amp;offset=3"`) || strings.Contains(body, `rel="next"`) {
		t.Errorf("home, last page: want 7–7 of 7, a previous link and no next:\n%s", body)
	}
	resp, err := http.Get(base + "/api/v1/stories?limit=2&offset=2")
	if err != nil {
		t.Fatal(err)
	}
	var list []news.StorySummary
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if got := resp.Header.Get("X-Total-Count"); got != "7" || len(list) != 2 || list[0].ID != "s4" ||
		!strings.Contains(resp.Header.Get("Link"), `offset=4>; rel="next"`) || !strings.Contains(resp.Header.Get("Link"), `rel="prev"`) {
		t.Errorf("API page: total %q, %d stories starting %+v, Link %q", got, len(list), list, resp.Header.Get("Link"))
	}
	_, _, body = get(t, base+"/api/v1/stories?limit=2&with_total=1&order=updated")
	var page struct {
		Stories []news.StorySummary
		Total   int
		Next    string
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil || page.Total != 7 || len(page.Stories) != 2 || page.Stories[0].ID != "s0" || page.Next == "" {
		t.Errorf("API with_total, most recently updated first: %s", body)
	}
	_, _, body = get(t, base+"/sources?limit=2")
	if !strings.Contains(body, "1–2 of 3") || !strings.Contains(body, "offset=2") {
		t.Errorf("sources page of 2: want 1–2 of 3 and a next link:\n%s", body)
	}
}

func TestDateRangeFilters(t *testing.T) {
	base := listServer(t)
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"since=2019-02-14&until=2019-02-15", []string{"s5", "s4"}}, // most recent news first
		{"until=2019-02-10", []string{"s0"}},
		{"since=2019-02-16T00:00:00Z&source=the+courier", []string{"s6"}},
	} {
		_, _, body := get(t, base+"/api/v1/stories?"+c.query)
		var list []news.StorySummary
		json.Unmarshal([]byte(body), &list)
		var got []string
		for _, s := range list {
			got = append(got, s.ID)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %v, want %v", c.query, got, c.want)
		}
	}
	_, _, body := get(t, base+"/?since=2019-02-14&until=2019-02-15")
	if !strings.Contains(body, `type="date" value="2019-02-14"`) || !strings.Contains(body, "1–2 of 2") {
		t.Errorf("home keeps its date range in the form and counts 2:\n%s", body)
	}
	for _, bad := range []string{"since=yesterday", "until=2019-13-01", "since=2019-02-15&until=2019-02-14", "order=random"} {
		if status, _, body := get(t, base+"/api/v1/stories?"+bad); status != 400 || !strings.Contains(body, strings.Split(bad, "=")[0]) {
			t.Errorf("%s: %d %s; want 400 naming the parameter", bad, status, body)
		}
	}
	// A bad page size or start says which it is and what it takes.
	for query, want := range map[string]string{
		"offset=abc": `offset \"abc\" must be a whole number, 0 or more`,
		"offset=-5":  `offset \"-5\" must be a whole number, 0 or more`,
		"limit=-4":   `limit \"-4\" must be a whole number from 1 to 500`,
		"limit=many": `limit \"many\" must be a whole number from 1 to 500`,
	} {
		if status, _, body := get(t, base+"/api/v1/stories?"+query); status != 400 || !strings.Contains(body, want) {
			t.Errorf("%s: %d %s; want 400 saying %s", query, status, body, want)
		}
	}
	// A shared link's tracking parameters open the page; another list's
	// filter does not pass for this one's.
	if status, _, body := get(t, base+"/?utm_source=feed&fbclid=x1&since=2019-02-14&until=2019-02-15"); status != 200 || !strings.Contains(body, "1–2 of 2") {
		t.Errorf("home with tracking parameters: %d", status)
	}
	if status, _, _ := get(t, base+"/sources?q=ledger"); status != 400 {
		t.Errorf("the sources page with q: %d, want 400", status)
	}
}

func TestSearchGroupsStories(t *testing.T) {
	base := listServer(t)
	var res struct {
		Total    int
		Articles int
		Stories  []news.StoryHits
		Hits     []news.SearchHit
	}
	_, _, body := get(t, base+`/api/v1/search?q=%22national+emergency%22`)
	if err := json.Unmarshal([]byte(body), &res); err != nil || res.Total != 2 || len(res.Stories) != 2 || len(res.Hits) != 2 {
		t.Errorf(`"national emergency": want 2 stories (not the National Rifle Association): %s`, body)
	}
	_, _, body = get(t, base+`/api/v1/search?q=emerg*&source=nyt&until=2019-02-11`)
	if err := json.Unmarshal([]byte(body), &res); err != nil || res.Total != 2 {
		t.Errorf(`emerg* from nyt until the 11th: want s0 and s1: %s`, body)
	}
	status, _, body := get(t, base+`/search?q=emerg*&limit=1`)
	if status != 200 || !strings.Contains(body, "3 stories (3 articles) match") || !strings.Contains(body, "1–1 of 3") ||
		!strings.Contains(body, "<mark>") || !strings.Contains(body, `rel="next"`) {
		t.Errorf("search page: %d\n%s", status, body)
	}
	if status, _, body := get(t, base+`/search?q=the+of`); status != 400 || !strings.Contains(body, "nearly every article") {
		t.Errorf("a query of function words: %d %s", status, body)
	}
}

func TestOutletPages(t *testing.T) {
	base := listServer(t)
	_, _, body := get(t, base+"/api/v1/sources")
	var sums []news.SourceSummary
	if err := json.Unmarshal([]byte(body), &sums); err != nil || len(sums) != 3 {
		t.Fatalf("sources: want NYT, Ledger and Courier once each: %s", body)
	}
	if sums[0].Key != "nyt" || sums[0].Articles != 3 {
		t.Errorf("first outlet = %+v, want nyt with 3 articles", sums[0])
	}
	for _, spelling := range []string{"nyt", "NYT", "The%20N.Y.T."} {
		status, _, body := get(t, base+"/sources/"+spelling)
		if status != 200 || !strings.Contains(body, "<h1>NYT</h1>") || !strings.Contains(body, "/stories/s2") || !strings.Contains(body, "1–3 of 3") {
			t.Errorf("/sources/%s: %d\n%s", spelling, status, body)
		}
	}
	if _, _, body := get(t, base+"/articles/a2"); !strings.Contains(body, `<a href="/sources/nyt"><bdi>The N.Y.T.</bdi></a>`) {
		t.Errorf("an article page does not link its outlet's page:\n%s", body)
	}
	if status, _, body := get(t, base+"/api/v1/sources/nyt?role=bogus"); status != 400 || !strings.Contains(body, "role") {
		t.Errorf("a bad role: %d %s", status, body)
	}
	if _, _, body := get(t, base+"/api/v1/sources/nyt?role=first"); !strings.Contains(body, `"total":0`) || !strings.Contains(body, `"all":3`) {
		t.Errorf("nyt reported nothing first (its stories have no comparison) but has 3 stories: %s", body)
	}
	if status, _, body := get(t, base+"/sources/nobody"); status != 404 || !strings.Contains(body, "nobody") {
		t.Errorf("an unknown outlet: %d %s", status, body)
	}
	_, _, body = get(t, base+"/api/v1/sources/ledger?limit=1")
	var o struct {
		Source  news.SourceSummary
		Stories []struct{ Story news.StorySummary }
		Total   int
	}
	if err := json.Unmarshal([]byte(body), &o); err != nil || o.Source.Articles != 2 || o.Total != 2 || len(o.Stories) != 1 {
		t.Errorf("API outlet page: %s", body)
	}
}

// An undated story loaded after dated news is listed after it, most recent
// news first, on the home page (also after rankForHome's reordering of a
// page), in the API and on its outlet's page; the home page says when it
// was loaded.
func TestUndatedStoriesComeAfterDatedNews(t *testing.T) {
	st := tempStore(t)
	loaded := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, a := range []news.Article{
		{ID: "old", Source: "Ledger", Published: time.Date(2019, 2, 10, 9, 0, 0, 0, time.UTC), Title: "Dock strike ends", Text: "Dockworkers voted to end the strike."},
		{ID: "new", Source: "Ledger", Published: time.Date(2021, 9, 20, 9, 0, 0, 0, time.UTC), Title: "Bridge opens", Text: "A new bridge opened to traffic."},
		{ID: "none", Source: "Ledger", Title: "Ferry fares rise", Text: "The ferry operator will raise its fares."},
	} {
		save(t, st, loaded.Add(time.Duration(i)*time.Hour), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: "s-" + a.ID}, ContentHash: a.ID})
	}
	base := serveStore(t, st).URL
	inOrder := func(body string, ids ...string) bool {
		at := -1
		for _, id := range ids {
			i := strings.Index(body, "/stories/"+id)
			if i < at {
				return false
			}
			at = i
		}
		return at >= 0
	}
	if _, _, body := get(t, base+"/"); !inOrder(body, "s-new", "s-old", "s-none") || !strings.Contains(body, "undated (loaded") {
		t.Errorf("home: want s-new, s-old, then the undated s-none marked as such:\n%s", body)
	}
	if _, _, body := get(t, base+"/sources/ledger"); !inOrder(body, "s-new", "s-old", "s-none") {
		t.Errorf("outlet page: want s-new, s-old, then the undated s-none:\n%s", body)
	}
	_, _, body := get(t, base+"/api/v1/stories")
	var list []news.StorySummary
	json.Unmarshal([]byte(body), &list)
	if len(list) != 3 || list[0].ID != "s-new" || list[1].ID != "s-old" || list[2].ID != "s-none" {
		t.Errorf("API: %s", body)
	}
	// DESIGN gives every story summary its first_published and
	// last_published, and an unknown time is "" in its article JSON's
	// published (news.FormatPublished): an undated story keeps both keys,
	// empty, neither left out nor null.
	if !strings.Contains(body, `"id":"s-none"`) || !strings.Contains(body, `"first_published":"","last_published":""}`) {
		t.Errorf("API: the undated story's times are not both \"\": %s", body)
	}
	if _, _, story := get(t, base+"/api/v1/stories/s-none"); !strings.Contains(story, `"published":""`) {
		t.Errorf("API: the undated article's published is not \"\": %s", story)
	}
}
