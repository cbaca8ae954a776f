package engine_test

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
)

// tollgatePage is a page of an invented weekly: its chrome (a menu, a
// notice box, a list of other stories, a footer) around paragraphs (none
// for a page that is all chrome).
func tollgatePage(headline string, paras []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>%s - Tollgate Weekly</title></head><body>
<nav><a href="/">Front</a> <a href="/farming">Farming</a> <a href="/letters">Letters</a></nav>
<div class="notice"><p>The Tollgate Weekly is printed every Thursday and delivered free to every house in the parish, paid for by the shops that advertise in it.</p></div>
<main><h1>%s</h1>`, headline, headline)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</main><aside><h3>Also this week</h3><ul><li><a href="/a">Ploughing match moved to Saturday</a></li>
<li><a href="/b">New bus shelter for the green</a></li></ul></aside>
<footer><p>Tollgate Weekly, The Old Forge, Tollgate. Letters to the editor by post or at the counter.</p></footer></body></html>`)
	return []byte(b.String())
}

// tollgateInputs are two different reports of the weekly and a page of it
// that holds nothing but its chrome, given as one `add`.
func tollgateInputs() iter.Seq2[news.Input, error] {
	pages := []struct {
		id   string
		body []byte
	}{
		{"hedges", tollgatePage("Hedge grant opens to small farms", []string{
			"Farms of under forty hectares can now apply for a grant to replant hedges along their field edges, the district office said on Monday.",
			"The grant pays for the saplings and for fencing to keep sheep off them for three years, up to a total of 2,400 per farm.",
			"Applications close at the end of January and the first planting is expected in late winter.",
		})},
		{"bridge", tollgatePage("Footbridge over the Lenn to reopen", []string{
			"The footbridge over the River Lenn below the mill will reopen on Friday after six weeks of repairs to its wooden deck.",
			"Walkers had to take a two-mile detour by the road bridge while the work went on, which the parish council called a small price for a safe crossing.",
			"The repairs cost 18,000, shared between the council and the county's rights of way fund.",
		})},
		{"notice", tollgatePage("Tollgate Weekly", nil)},
	}
	return func(yield func(news.Input, error) bool) {
		for _, p := range pages {
			in := news.Input{Name: p.id + ".html", Page: &news.Page{ID: p.id, URL: "https://tollgate.example/news/" + p.id, Kind: news.KindHTML, Body: p.body}}
			if !yield(in, nil) {
				return
			}
		}
	}
}

// TestRelearnedTemplateCountsPagesNowAllBoilerplate: a stored page that
// the site's template now empties (all of it the site's chrome) still
// teaches the relearned template its blocks, as it taught the template
// when it was stored: reextract's template equals the stored one.
func TestRelearnedTemplateCountsPagesNowAllBoilerplate(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	if sum := run(t, st, tollgateInputs(), engine.Options{}); sum.Stored != 3 {
		t.Fatalf("add = %+v, want the three pages stored (one add: each extracted before any taught the template)", sum)
	}
	learned, err := st.SiteTemplate(ctx, "tollgate.example")
	if err != nil || learned == nil {
		t.Fatalf("no template stored: %v", err)
	}
	sum, err := start(t, st, engine.Options{}).Reextract(ctx)
	if err != nil || sum.Updated != 2 || len(sum.Kept) != 1 || !strings.Contains(sum.Kept[0].Error(), "notice.html") {
		t.Fatalf("reextract = %+v, %v; want the two reports updated and the page of chrome kept as stored", sum, err)
	}
	relearned, _ := st.SiteTemplate(ctx, "tollgate.example")
	if got, want := templateCounts(t, relearned), templateCounts(t, learned); !reflect.DeepEqual(got, want) {
		t.Errorf("the relearned template (pages: %d) differs from the stored one (pages: %d)", got[0], want[0])
	}
}
