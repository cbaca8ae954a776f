package eval

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// splitTestPage is an article page of n paragraphs in one container, with
// a menu, a related-stories box and a footer around it; its gold is the
// paragraphs.
func splitTestPage(set string, i, n int) LabelledPage {
	var paras []string
	for p := range n {
		paras = append(paras, fmt.Sprintf("Paragraph %d of story %d in %s: the council voted on the harbour plan after a debate of %d hours.", p, i, set, p+2))
	}
	body := fmt.Sprintf(`<html><head><title>Story %d</title></head><body><nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>`+
		`<main><h1>Story %d</h1><div class="story-text"><p>%s</p></div>`+
		`<aside class="related"><p>Also read: the mayor opens the new bridge to cyclists on Sunday.</p></aside></main>`+
		`<footer>Copyright %s</footer></body></html>`, i, i, strings.Join(paras, "</p>\n<p>"), set)
	return LabelledPage{Set: set, Site: fmt.Sprintf("%s%d.example", set, i%3), Kind: "article", Gold: strings.Join(paras, "\n"),
		Page: news.Page{ID: fmt.Sprintf("%s%02d", set, i), Kind: news.KindHTML, Body: []byte(body)}}
}

// paragraphs is the text of every <p> of an HTML page, in document order,
// and whether all those holding "Paragraph" share one parent.
func paragraphs(t *testing.T, body []byte) ([]string, bool) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var parents []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			out = append(out, textOf(n))
			if strings.HasPrefix(textOf(n), "Paragraph") && !slices.Contains(parents, n.Parent) {
				parents = append(parents, n.Parent)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out, len(parents) == 1
}

// TestRebuildBodyKeepsText: each shape splits the body's paragraphs over
// more than one container and keeps every paragraph of the page, in order;
// a page whose body is not four gold paragraphs or more is not rebuilt.
func TestRebuildBodyKeepsText(t *testing.T) {
	p := splitTestPage("alpha", 1, 7)
	want, one := paragraphs(t, p.Page.Body)
	if !one || len(want) != 8 {
		t.Fatalf("test page: %d paragraphs, one parent %v", len(want), one)
	}
	added := []string{"Mehr zum Thema", "Anzeige", "youtube.com/embed", "<h2>", "<section"}
	for i, shape := range splitShapes {
		b := rebuildBody(p.Page.Body, p.Gold, shape, p.Page.ID)
		if b == nil {
			t.Fatalf("shape %d: not rebuilt", i)
		}
		got, one := paragraphs(t, b)
		if !slices.Equal(got, want) {
			t.Errorf("shape %d: paragraphs\n%q\nwant\n%q", i, got, want)
		}
		if one {
			t.Errorf("shape %d: the body's paragraphs still share one container:\n%s", i, b)
		}
		if strings.Contains(p.Gold, "Mehr zum Thema") || strings.Contains(p.Gold, "Anzeige") {
			t.Fatal("test page's gold holds a break's words")
		}
		for _, a := range added {
			if strings.Contains(string(p.Page.Body), a) {
				t.Fatalf("test page holds %q", a)
			}
		}
	}
	if b := rebuildBody(p.Page.Body, p.Gold, splitWithBreaks, p.Page.ID); !strings.Contains(string(b), "Mehr zum Thema") &&
		!strings.Contains(string(b), "Anzeige") && !strings.Contains(string(b), "youtube.com/embed") {
		t.Errorf("split by a break, no break between the parts:\n%s", b)
	}
	short := splitTestPage("alpha", 2, 3)
	if b := rebuildBody(short.Page.Body, short.Gold, splitWithBreaks, short.Page.ID); b != nil {
		t.Errorf("a body of three paragraphs rebuilt:\n%s", b)
	}
	long := splitTestPage("alpha", 3, 5)
	if b := rebuildBody(long.Page.Body, long.Gold+strings.Repeat("\nA gold line the page does not hold, of some length.", 20), splitWithBreaks, long.Page.ID); b != nil {
		t.Errorf("a body holding under half the gold rebuilt:\n%s", b)
	}
}

// TestSplitCopies: copies are of HTML article pages only, keep their
// original's set, site, kind, id and gold, are chosen by a hash of the page
// (the same ones on every call, a share's copies among a larger share's),
// and use more than one shape.
func TestSplitCopies(t *testing.T) {
	var pages []LabelledPage
	for i := range 60 {
		pages = append(pages, splitTestPage("alpha", i, 6))
	}
	listing := splitTestPage("beta", 1, 6)
	listing.Kind = "listing"
	dump := splitTestPage("beta", 2, 6)
	dump.Page.Kind = news.KindText
	pages = append(pages, listing, dump)
	if c := splitCopies(pages, 0); len(c) != 0 {
		t.Fatalf("share 0: %d copies", len(c))
	}
	all := splitCopies(pages, 1)
	if len(all) != 60 {
		t.Fatalf("share 1: %d copies, want the 60 article pages'", len(all))
	}
	shapes := map[string]bool{}
	for _, c := range all {
		i := slices.IndexFunc(pages, func(p LabelledPage) bool { return p.Page.ID == c.Page.ID })
		o := pages[i]
		if c.Set != o.Set || c.Site != o.Site || c.Kind != o.Kind || c.Gold != o.Gold || c.Page.URL != o.Page.URL {
			t.Errorf("copy of %s: %+v, want the original's labels", o.Page.ID, c)
		}
		if bytes.Equal(c.Page.Body, o.Page.Body) {
			t.Errorf("copy of %s: body not rebuilt", o.Page.ID)
		}
		switch b := string(c.Page.Body); {
		case strings.Contains(b, "<section"):
			shapes["sections"] = true
		case strings.Contains(b, `class="txt-`):
			shapes["break"] = true
		default:
			shapes["deeper"] = true
		}
	}
	if len(shapes) != 3 {
		t.Errorf("shapes used: %v, want all three", shapes)
	}
	quarter, half := splitCopies(pages, 0.25), splitCopies(pages, 0.5)
	if len(quarter) < 5 || len(quarter) > 30 || len(half) <= len(quarter) {
		t.Errorf("share 0.25: %d copies, 0.5: %d, of 60 pages", len(quarter), len(half))
	}
	again := splitCopies(pages, 0.25)
	for i, c := range quarter {
		if !bytes.Equal(c.Page.Body, again[i].Page.Body) {
			t.Errorf("copy of %s differs from one call to the next", c.Page.ID)
		}
		if !slices.ContainsFunc(half, func(h LabelledPage) bool { return h.Page.ID == c.Page.ID }) {
			t.Errorf("copy of %s at 0.25, not at 0.5", c.Page.ID)
		}
	}
}

// TestPrepareAllMarksCopies: with a share, the fit's prepared pages are the
// pages and their copies, only the copies marked (so that they are neither
// scored nor used to choose a threshold); and a cross-validation with
// copies scores each page once.
func TestPrepareAllMarksCopies(t *testing.T) {
	var pages []LabelledPage
	for _, set := range []string{"alpha", "beta"} {
		for i := range 12 {
			pages = append(pages, splitTestPage(set, i, 6))
		}
	}
	prep, err := prepareAll(context.Background(), pages, extract.NewVocab(), 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(prep) != 48 {
		t.Fatalf("%d prepared pages, want 24 and 24 copies", len(prep))
	}
	for i, p := range prep {
		if p.copy != (i >= 24) {
			t.Errorf("prepared page %d (%s): copy %v", i, p.Page.ID, p.copy)
		}
	}
	opt := dumpCVOptions
	opt.Fit.Lines = false
	opt.SplitShare = 1
	opt.SiteFoldSet, opt.Folds = "beta", 2
	rep, err := CrossValidateExtraction(context.Background(), pages, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.LeaveOneSetOut {
		if f.Pages != 12 {
			t.Errorf("%s: %d pages scored, want 12", f.Name, f.Pages)
		}
	}
	if rep.SiteFolds == nil || rep.SiteFolds.Pages != 12 {
		t.Errorf("site folds: %+v, want beta's 12 pages", rep.SiteFolds)
	}
}
