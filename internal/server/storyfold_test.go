package server

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/view"
)

// TestStoryFoldCountsWhatItsWordsSay: the fold under "What each source
// adds" counts sources when it says sources. A story of 13 articles from 9
// outlets whose first 4 lists are shown folds 9 articles: 5 of outlets not
// shown and 4 more of outlets shown above (the page said "What 9 more
// sources add").
func TestStoryFoldCountsWhatItsWordsSay(t *testing.T) {
	srv, err := New(read.New(tempStore(t), read.Options{}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	lists := func(outlets ...string) []view.Unique {
		var us []view.Unique
		for i, o := range outlets {
			us = append(us, view.Unique{Source: o, ArticleID: o + string(rune('a'+i)), Sentences: []string{"Only " + o + " says this."}})
		}
		return us
	}
	for _, c := range []struct {
		outlets []string
		want    string
	}{
		{[]string{"Wire", "Ledger", "Courier", "Gazette", "Herald", "Post", "Times", "Echo", "Mail", "Wire", "Ledger", "Courier", "Gazette"},
			"What 9 more articles add, from 5 more sources and 4 shown above"},
		{[]string{"Wire", "Ledger", "Courier", "Gazette", "Herald", "Post"}, "What 2 more sources add"},
		{[]string{"Wire", "Ledger", "Courier", "Gazette", "Herald"}, "What 1 more source adds"},
		{[]string{"Wire", "Ledger", "Courier", "Gazette", "Herald", "Herald"}, "What 2 more articles add, from 1 more source"},
		{[]string{"Wire", "Ledger", "Courier", "Gazette", "Wire"}, "What 1 more article adds, from 1 source shown above"},
	} {
		rec := httptest.NewRecorder()
		srv.render(rec, httptest.NewRequest("GET", "/stories/s1", nil), 200, "story", view.Story{ID: "s1", Title: "Ferry strike", Unique: lists(c.outlets...)})
		if !strings.Contains(rec.Body.String(), "<summary>"+c.want+"</summary>") {
			t.Errorf("%d lists of %d outlets: the fold does not say %q", len(c.outlets), len(c.outlets), c.want)
		}
	}
}

// TestCoverageNoteNamesTheUndatedArticle: a story of a dated and an
// undated article from two outlets says under its chart that the undated
// one is why no first report is marked (the page said the earliest times
// did not tell one apart).
func TestCoverageNoteNamesTheUndatedArticle(t *testing.T) {
	srv, err := New(read.New(tempStore(t), read.Options{}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := news.StoryDetail{ID: "s1", Title: "Ferry strike", Articles: []news.Article{
		{ID: "a", Source: "Wire", Title: "Ferry strike", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)},
		{ID: "b", Source: "Courier", Title: "Ferries stop"},
	}}
	d.Timeline = []news.TimelineEntry{{Article: "a", Published: "2026-03-02T08:00:00Z"}, {Article: "b"}}
	rec := httptest.NewRecorder()
	srv.render(rec, httptest.NewRequest("GET", "/stories/s1", nil), 200, "story", view.NewStory(d))
	page := rec.Body.String()
	if !strings.Contains(page, "No first report is marked: an article of Courier has no publication time") || strings.Contains(page, "do not tell one apart") {
		t.Errorf("the coverage note does not name the undated article:\n%s", page[strings.Index(page, "<figcaption"):strings.Index(page, "</figcaption>")])
	}
}
