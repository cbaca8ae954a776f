package server

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// Articles of JSONL sets have ids with "/" ("basil/12"): the pages link
// them as one escaped path segment, and both that form and the plain one
// reach the article, in the UI and the API.
func TestIDsWithSlashesAreLinkedAndServed(t *testing.T) {
	st := tempStore(t)
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	var entries []news.Placement
	for _, a := range []news.Article{
		{ID: "basil/12", Source: "Fox News", Published: at, Title: "Border wall vote", Text: "The Senate voted on the border wall."},
		{ID: "basil/13?x#y", Source: "NYT", Published: at.Add(time.Hour), Title: "Wall vote fails", Text: "The Senate vote on the wall failed."},
	} {
		entries = append(entries, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: "s9", Reason: "similarity 0.6"}, ContentHash: a.ID})
	}
	save(t, st, at, entries...)
	ts := serveStore(t, st)

	_, _, page := get(t, ts.URL+"/stories/s9")
	for _, link := range []string{`href="/articles/basil%2f12"`, `href="/articles/basil%2f13%3fx%23y"`} {
		if !strings.Contains(strings.ToLower(page), link) {
			t.Errorf("story page lacks %s", link)
		}
	}
	for _, path := range []string{"/articles/basil%2F12", "/articles/basil/12", "/api/v1/articles/basil%2F12", "/api/v1/articles/basil/12", "/articles/basil%2F13%3Fx%23y"} {
		code, _, body := get(t, ts.URL+path)
		if code != 200 || !strings.Contains(body, "Senate") {
			t.Errorf("GET %s = %d, want the article", path, code)
		}
	}
}
