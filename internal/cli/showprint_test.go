package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/view"
)

// show names an article without a headline by the start of its text, as
// the story page does, counts a day's articles in words, and gives an
// article's id once where its label already ends with it.
func TestShowPrintsLeadsAndEachIDOnce(t *testing.T) {
	v := view.Story{Title: "Quarry reopens", ID: "s1", Count: 2,
		Articles: []view.Article{
			{Article: news.Article{ID: "w1"}, Outlet: "Wire", Published: "2026-04-01T08:00:00Z", Lead: "The Brannock quarry reopened on Tuesday…",
				Development: &view.Development{Day: "2026-04-01", Articles: 1}},
			{Article: news.Article{ID: "w2", Title: "Quarry back at work"}, Outlet: "Wire", Published: "2026-04-02T08:00:00Z",
				Development: &view.Development{Day: "2026-04-02", Articles: 1, New: []string{"Brannock"}}},
		},
		Derivations: []view.Derivation{{From: "(unknown outlet) [u1]", FromID: "u1", To: "(unknown outlet) [u2]", ToID: "u2", Verb: "shares copied text with"},
			{From: "Wire (1 Apr 08:00)", FromID: "w1", To: "Wire (2 Apr 08:00)", ToID: "w2", Verb: "updates its own report"}},
	}
	var out bytes.Buffer
	printStory(&out, v)
	got := out.String()
	for _, want := range []string{
		"[w1]: The Brannock quarry reopened on Tuesday…",
		"-- 2026-04-01, 1 article\n",
		"(unknown outlet) [u2] shares copied text with (unknown outlet) [u1] (score",
		"Wire (2 Apr 08:00) [w2] updates its own report Wire (1 Apr 08:00) [w1] (score",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("show lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"[u1] [u1]", "article(s)"} {
		if strings.Contains(got, bad) {
			t.Errorf("show prints %q:\n%s", bad, got)
		}
	}
}

// show gives the id of a nameless article once where its label ends with
// it (two undated articles of one headline: view names them by id), and
// its headline once, as its label: "“Strike ends” [u1]", not
// "“Strike ends” [u1] [u1]: Strike ends".
func TestShowGivesANamelessArticlesIDAndHeadlineOnce(t *testing.T) {
	v := view.Story{Title: "Strike ends", ID: "s1", Count: 2,
		Articles: []view.Article{
			{Article: news.Article{ID: "u1", Title: "Strike ends"}, Outlet: "“Strike ends” [u1]",
				AlsoIn: []view.Copy{{ID: "u2", Source: "“Strike ends” [u2]"}}},
		},
		Unique: []view.Unique{{Source: "“Strike ends” [u2]", ArticleID: "u2", Sentences: []string{"Cranes restart."}}},
	}
	var out bytes.Buffer
	printStory(&out, v)
	got := out.String()
	for _, want := range []string{"undated               “Strike ends” [u1]\n", "also in “Strike ends” [u2] (a near-identical copy)", "Only in “Strike ends” [u2]\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("show lacks %q:\n%s", want, got)
		}
	}
}
