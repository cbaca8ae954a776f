package server

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestOutletFilterFindsAnOutletUnderItsOtherNames: an invented outlet stored
// under two names (a parenthesised qualifier, its domain) is found by its
// plain name in the API, the home page and its own page; a name that is no
// stored outlet keeps the API's JSON as it is (an empty array, or an
// object with "outlet_suggestions" when with_total=1), tells the close
// outlets in a header, and the pages say so with links to them.
func TestOutletFilterFindsAnOutletUnderItsOtherNames(t *testing.T) {
	st := tempStore(t)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, a := range []news.Article{
		{ID: "g1", Source: "Harbour Gazette (Online News)", Title: "Dock strike begins", Text: "Dockworkers walked out on Tuesday."},
		{ID: "g2", Source: "harbourgazette.com", Title: "Dock strike ends", Text: "Dockworkers voted to end the strike."},
		{ID: "c1", Source: "Calder Courier", Title: "Bridge opens", Text: "A new bridge opened to traffic."},
	} {
		save(t, st, at.Add(time.Duration(i)*time.Hour), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: "s-" + a.ID}, ContentHash: a.ID})
	}
	base := serveStore(t, st).URL

	_, _, body := get(t, base+"/api/v1/stories?source=Harbour+Gazette")
	var list []news.StorySummary
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) != 2 {
		t.Errorf("stories?source=Harbour Gazette: want s-g1 and s-g2, got %s", body)
	}
	resp, err := http.Get(base + "/api/v1/stories?source=Harbour+Sports")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Outlet-Suggestions"); got != "harbourgazette" {
		t.Errorf("X-Outlet-Suggestions = %q, want harbourgazette", got)
	}
	if _, _, body := get(t, base+"/api/v1/stories?source=Harbour+Sports"); strings.TrimSpace(body) != "[]" {
		t.Errorf("stories?source=Harbour Sports = %s, want []", body)
	}
	_, _, body = get(t, base+"/api/v1/stories?source=Harbour+Sports&with_total=1")
	var withTotal struct {
		Stories     []news.StorySummary `json:"stories"`
		Suggestions []struct {
			Source, Key string
			Articles    int
		} `json:"outlet_suggestions"`
	}
	if err := json.Unmarshal([]byte(body), &withTotal); err != nil || len(withTotal.Suggestions) != 1 ||
		withTotal.Suggestions[0].Key != "harbourgazette" || withTotal.Suggestions[0].Articles != 2 {
		t.Errorf("with_total=1 of an outlet not stored: %s", body)
	}
	if _, _, body := get(t, base+"/api/v1/stories?source=Calder+Courier&with_total=1"); strings.Contains(body, "outlet_suggestions") {
		t.Errorf("a stored outlet got suggestions: %s", body)
	}
	if _, _, body := get(t, base+"/?source=Harbour+Sports"); !strings.Contains(body, `<a href="/?source=harbourgazette">Harbour Gazette (Online News)</a>`) {
		t.Errorf("home page of an outlet not stored names no close outlet:\n%s", body)
	}
	if code, _, body := get(t, base+"/sources/harbourgazette.com"); code != http.StatusOK || !strings.Contains(body, "s-g2") || !strings.Contains(body, "s-g1") {
		t.Errorf("/sources/harbourgazette.com: %d, want the page of both names", code)
	}
	code, _, body := get(t, base+"/sources/Harbour%20Sports")
	if code != http.StatusNotFound || !strings.Contains(body, `<a href="/sources/harbourgazette">Harbour Gazette (Online News)</a>`) {
		t.Errorf("/sources/Harbour Sports: %d, want a 404 linking Harbour Gazette:\n%s", code, body)
	}
	code, _, body = get(t, base+"/api/v1/sources/Harbour%20Sports")
	var apiErr struct {
		Error       string `json:"error"`
		Suggestions []struct {
			Key string `json:"key"`
		} `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(body), &apiErr); err != nil || code != http.StatusNotFound || len(apiErr.Suggestions) != 1 || apiErr.Suggestions[0].Key != "harbourgazette" ||
		!strings.Contains(apiErr.Error, `did you mean: "Harbour Gazette (Online News)"?`) {
		t.Errorf("/api/v1/sources/Harbour Sports: %d %s", code, body)
	}
}

// TestAnAliasIsItsOutletInTheAPIAndPages: a short code the user aliased
// ("hg") finds its outlet's stories in /api/v1/stories, is that outlet's
// page (/api/v1/sources/hg and /sources/hg) and is listed in the
// outlet's "aliases" by /api/v1/sources; no suggestion is offered for it.
func TestAnAliasIsItsOutletInTheAPIAndPages(t *testing.T) {
	st := tempStore(t)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, a := range []news.Article{
		{ID: "g1", Source: "Harbour Gazette", Title: "Dock strike begins", Text: "Dockworkers walked out on Tuesday."},
		{ID: "g2", Source: "hg", Title: "Dock strike ends", Text: "Dockworkers voted to end the strike."},
	} {
		save(t, st, at.Add(time.Duration(i)*time.Hour), news.Placement{Article: a,
			Membership: news.Membership{ArticleID: a.ID, StoryID: "s-" + a.ID}, ContentHash: a.ID})
	}
	if _, _, err := st.SetOutletAlias(context.Background(), "hg", "Harbour Gazette"); err != nil {
		t.Fatal(err)
	}
	base := serveStore(t, st).URL
	resp, err := http.Get(base + "/api/v1/stories?source=HG")
	if err != nil {
		t.Fatal(err)
	}
	var list []news.StorySummary
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil || len(list) != 2 || resp.Header.Get("X-Outlet-Suggestions") != "" {
		t.Errorf("stories?source=HG = %+v, %v, suggestions %q; want both stories, none", list, err, resp.Header.Get("X-Outlet-Suggestions"))
	}
	resp.Body.Close()
	code, _, body := get(t, base+"/api/v1/sources/hg")
	if code != http.StatusOK || !strings.Contains(body, `"key":"harbourgazette"`) {
		t.Errorf("/api/v1/sources/hg: %d %s; want Harbour Gazette's page", code, body)
	}
	if code, _, _ := get(t, base+"/sources/hg"); code != http.StatusOK {
		t.Errorf("/sources/hg: %d, want Harbour Gazette's page", code)
	}
	_, _, body = get(t, base+"/api/v1/sources")
	var sources []news.SourceSummary
	if err := json.Unmarshal([]byte(body), &sources); err != nil || len(sources) != 1 || !reflect.DeepEqual(sources[0].Aliases, []string{"hg"}) {
		t.Errorf("/api/v1/sources = %s, want Harbour Gazette with alias hg", body)
	}
}
