package eval

import (
	"context"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// TestRefitFoldKindsFitsEachFoldWithoutItsSites: the sites of one fold
// hold the only listings, so the kinds refitted for that fold, which never
// see its pages, have no listing classifier, and the other fold's have one.
func TestRefitFoldKindsFitsEachFoldWithoutItsSites(t *testing.T) {
	listSite, articleSite := "", ""
	for i := 0; listSite == "" || articleSite == ""; i++ {
		s := fmt.Sprintf("site%d.example", i)
		if siteFold(s, 2) == 0 && listSite == "" {
			listSite = s
		} else if siteFold(s, 2) == 1 && articleSite == "" {
			articleSite = s
		}
	}
	var pages []LabelledPage
	for i := range 6 {
		list := fmt.Sprintf(`<html><body><ul><li><a href="/a%d">First story</a></li><li><a href="/b">Second story</a></li><li><a href="/c">Third story</a></li></ul></body></html>`, i)
		article := fmt.Sprintf(`<html><body><h1>A report %d</h1><p>The council met on Monday and voted to repair the old bridge before the winter.</p></body></html>`, i)
		pages = append(pages,
			LabelledPage{Set: "t", Site: listSite, Kind: "listing", Page: news.Page{ID: fmt.Sprint("l", i), Kind: news.KindHTML, Body: []byte(list)}},
			LabelledPage{Set: "t", Site: articleSite, Kind: "article", Page: news.Page{ID: fmt.Sprint("a", i), Kind: news.KindHTML, Body: []byte(article)}},
			LabelledPage{Set: "t", Site: articleSite, Page: news.Page{ID: fmt.Sprint("u", i), Kind: news.KindHTML, Body: []byte(list)}}) // no known kind: not fitted on
	}
	base := extract.DefaultModel()
	models, err := RefitFoldKinds(context.Background(), pages, []*extract.Model{base, base}, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	kindsOf := func(m *extract.Model) map[string]bool {
		out := map[string]bool{}
		for _, k := range m.Kinds {
			out[k.Kind] = true
		}
		return out
	}
	if k := kindsOf(models[0]); k["listing"] || !k["article"] {
		t.Errorf("fold 1 (the listings' site) kinds %v: want an article classifier and no listing one", k)
	}
	if k := kindsOf(models[1]); !k["listing"] {
		t.Errorf("fold 2 kinds %v: want a listing classifier, fitted on the other fold's listings", k)
	}
}
