package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// inventedPitch is a membership plea an invented site prints inside every
// article body: prose the classifier reads as text on one page alone.
const inventedPitch = "The Marsh Valley Courier has been printed in the old mill since the flood, and its two reporters have sat through every meeting of the parish council since then."

// inventedSitePage is page i of an invented site: a story of three
// paragraphs, with the site's pitch after the second, as HTML or as a text
// dump; its gold is the story alone.
func inventedSitePage(set, host string, i int, kind news.PageKind) LabelledPage {
	paras := []string{
		fmt.Sprintf("The lock keepers of the upper canal opened gate %d on Monday after a week of repairs to its cracked hinges.", i+3),
		fmt.Sprintf("Barge crews had waited %d days at the basin, and several said they had moved their cargo to lorries instead.", i+4),
		fmt.Sprintf("The canal trust said gate %d would be inspected again in the spring, when the water is at its lowest.", i+3),
	}
	story := []string{paras[0], paras[1], inventedPitch, paras[2]}
	body := "Canal gate reopens\n" + strings.Join(story, "\n") + "\n"
	if kind == news.KindHTML {
		body = "<html><head><title>Canal gate reopens</title></head><body><article><h1>Canal gate reopens</h1><p>" + strings.Join(story, "</p><p>") + "</p></article></body></html>"
	}
	return LabelledPage{Set: set, Site: host, Kind: "article", Gold: strings.Join(paras, "\n"),
		Page: news.Page{ID: fmt.Sprintf("%s-%d", host, i), URL: fmt.Sprintf("https://%s/canal/gate-%d", host, i), Kind: kind, Body: []byte(body)}}
}

func TestSiteTemplatesLearnFromTheHostsOtherPagesInTheSet(t *testing.T) {
	var pages []LabelledPage
	for i := range 3 {
		pages = append(pages, inventedSitePage("one", "courier.example", i, news.KindText))
	}
	pages = append(pages, inventedSitePage("one", "lonely.example", 0, news.KindText))  // no peer
	pages = append(pages, inventedSitePage("two", "courier.example", 9, news.KindText)) // same host, another set
	ts := SiteTemplates(context.Background(), pages, extract.DefaultModel(), 1)
	pitch := extract.Fingerprint(inventedPitch)
	for i := range 3 {
		if ts[i] == nil || ts[i].Pages() != 2 {
			t.Fatalf("page %d: template %v, want one taught by its 2 host peers in its set", i, ts[i])
		}
		if !ts[i].Boilerplate(pitch) {
			t.Errorf("page %d: the pitch on both peers is not boilerplate", i)
		}
		own := strings.Split(string(pages[i].Page.Body), "\n")[1]
		if ts[i].Boilerplate(extract.Fingerprint(own)) {
			t.Errorf("page %d: its own first paragraph is boilerplate", i)
		}
	}
	if ts[3] != nil || ts[4] != nil {
		t.Errorf("a page whose host has no other page in its set got a template: %v, %v", ts[3], ts[4])
	}
}

func TestSiteTemplatesSkipPeersAtTheSameURLOrWithTheSameText(t *testing.T) {
	a, b, c := inventedSitePage("s", "courier.example", 0, news.KindText), inventedSitePage("s", "courier.example", 1, news.KindText), inventedSitePage("s", "courier.example", 2, news.KindText)
	sameURL := b
	sameURL.Page.ID = "again"
	sameText := c
	sameText.Page.ID, sameText.Page.URL = "copy", "https://courier.example/canal/copy"
	ts := SiteTemplates(context.Background(), []LabelledPage{a, b, sameURL, c, sameText}, extract.DefaultModel(), 1)
	if got := ts[0].Pages(); got != 2 {
		t.Errorf("page a learned from %d pages, want 2 (b and c once each: a second capture at b's URL and a copy of c's text are not stored)", got)
	}
	if ts[1] == nil || ts[1].Pages() != 2 {
		t.Errorf("page b: %v, want a template of a and c (its other capture at its own URL teaches nothing)", ts[1])
	}
}

func TestCompareSiteTemplatesDropsTheRepeatedPitch(t *testing.T) {
	for _, kind := range []news.PageKind{news.KindText, news.KindHTML} {
		var pages []LabelledPage
		for i := range 4 {
			pages = append(pages, inventedSitePage("one", "courier.example", i, kind))
		}
		pages = append(pages, inventedSitePage("one", "lonely.example", 0, kind))
		m := extract.DefaultModel()
		rep := CompareSiteTemplates(context.Background(), pages, 1, func(int) *extract.Model { return m })
		if !rep.WithPeers[0] || rep.WithPeers[4] {
			t.Fatalf("%s: pages with peers %v", kind, rep.WithPeers)
		}
		if len(rep.Changes) != 4 {
			t.Fatalf("%s: %d pages changed, want the 4 of the host: %v", kind, len(rep.Changes), rep.Changes)
		}
		for _, c := range rep.Changes {
			if c.Template <= c.Alone || len(c.Removed) != 1 || c.Removed[0] != inventedPitch || c.RemovedGold[0] {
				t.Errorf("%s: %s removed %q (gold %v), want the pitch alone, not in the gold, and F1 up", kind, c, c.Removed, c.RemovedGold)
			}
		}
		if a, w := rep.Alone.Results[4], rep.WithTemplate.Results[4]; a != w {
			t.Errorf("%s: the page with no peer changed: %v -> %v", kind, a, w)
		}
	}
}

func TestGoldHoldsARunOfWords(t *testing.T) {
	g := " the gate opened on monday after repairs "
	for _, c := range []struct {
		para string
		want bool
	}{{"Gate opened on Monday", true}, {"gate on monday", false}, {"", true}, {"opened, on Monday!", true}} {
		if got := GoldHolds(g, c.para); got != c.want {
			t.Errorf("GoldHolds(%q) = %v, want %v", c.para, got, c.want)
		}
	}
}

// TestSiteTemplateVariant: with SiteTemplate the site folds' models score
// every page again, each with its host's template, as a variant of its own.
func TestSiteTemplateVariant(t *testing.T) {
	pages := twoDumpSets(t)
	for i := range pages {
		pages[i].Page.URL = fmt.Sprintf("https://%s.example/story/%d", pages[i].Set, i)
	}
	opt := dumpCVOptions
	opt.SiteTemplate = true
	_, variants, err := CrossValidateBySite(context.Background(), pages, opt, 2)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(variants, func(v CVVariant) bool { return v.Name == siteTemplateVariant })
	if i < 0 || variants[i].SiteFolds == nil || variants[i].SiteFolds.Pages != 24 || variants[i].SiteFolds.F1 < 0.9 {
		t.Fatalf("variants %+v; want %q scoring the 24 dumps at F1 >= 0.9", variants, siteTemplateVariant)
	}
}

func TestLoadFoldModelsNamesAFolderOfMixedRuns(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"site-fold-1-of-2.json", "site-fold-2-of-2.json", "site-fold-1-of-5.json"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := LoadFoldModels(dir, true); err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "site-fold") {
		t.Errorf("a folder with the models of a 2-fold and a 5-fold run: error %v, want one naming the folder", err)
	}
	if _, err := LoadFoldModels(t.TempDir(), true); err == nil || !strings.Contains(err.Error(), "no site-fold") {
		t.Errorf("an empty folder: error %v, want one saying it holds no fold models", err)
	}
}

// withoutURL is an invented page with no address, its canonical link naming
// where it lives, as a saved file carries it.
func withoutURL(p LabelledPage) LabelledPage {
	canonical := p.Page.URL
	p.Page.URL = ""
	p.Page.Body = []byte(strings.Replace(string(p.Page.Body), "<head>", `<head><link rel="canonical" href="`+canonical+`">`, 1))
	return p
}

// TestSiteTemplatesReadTheSiteAsTheEngineDoes: a page with no URL has the
// site its canonical link names (engine.SiteKey) and gets that site's
// template where it knows a block; the writer's duplicate test keys on the
// article's URL (a second capture under another address with the same
// canonical link teaches nothing); a page the extractor found no text in is
// not stored and teaches nothing.
func TestSiteTemplatesReadTheSiteAsTheEngineDoes(t *testing.T) {
	var pages []LabelledPage
	for i := range 3 {
		pages = append(pages, inventedSitePage("s", "courier.example", i, news.KindHTML))
	}
	noURL := withoutURL(inventedSitePage("s", "courier.example", 3, news.KindHTML))
	moved := withoutURL(inventedSitePage("s", "courier.example", 1, news.KindHTML))
	moved.Page.ID, moved.Page.URL = "moved", "https://courier.example/mirror/gate"
	empty := inventedSitePage("s", "courier.example", 5, news.KindHTML)
	empty.Page.Body = []byte("<html><body><p>* * *</p><p>--</p></body></html>")
	pages = append(pages, noURL, moved, empty)
	ts := SiteTemplates(context.Background(), pages, extract.DefaultModel(), 1)
	if ts[3] == nil || !ts[3].Boilerplate(extract.Fingerprint(inventedPitch)) {
		t.Fatalf("the page with no URL whose canonical link names the site: template %v, want its site's", ts[3])
	}
	if got := ts[0].Pages(); got != 3 {
		t.Errorf("page 0 learned from %d pages, want 3 (pages 1, 2 and the one with no URL: the copy at page 1's canonical address and the page with no text are not stored)", got)
	}
}
