package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// The Calder Chronicle closes every article with the same paragraph about
// itself, inside the article's own markup and free of chrome words, so that
// rules that look at one page keep it.
const houseParagraph = "The Calder Chronicle has covered the Sable Coast since 1921, with reporters in six towns and a newsroom that stays open every day of the year."

var chronicleStories = []struct{ title, lead, body string }{
	{"Ferry timetable changes in December", "The Fenwick ferry will run two extra crossings on weekdays from December, the operator said on Monday.", "The early crossing will leave at 5:40 a.m. to serve shift workers at the harbour, and the late one at 11 p.m. after the theatre closes."},
	{"Library reopens after flood repairs", "Fenwick's central library reopened on Friday, eleven months after a burst river bank flooded its ground floor.", "The repairs cost 1.8 million euros, most of it paid by the city's insurer, and added a raised floor for the children's section."},
	{"Harbour fees to rise in January", "Fees for boats moored in Calder harbour will rise by four percent in January, the port authority said on Tuesday.", "Fishing boats under twelve metres are exempt, and owners can spread the payment over the year without interest."},
	{"School lunch prices to stay the same", "Families in Calder will pay the same for school lunches next year after the council agreed to cover rising food costs.", "The subsidy will cost the council about 300,000 euros, taken from a reserve set aside for emergencies during the pandemic."},
}

func chroniclePage(i int, kind news.PageKind) news.Page {
	s := chronicleStories[i]
	url := fmt.Sprintf("https://calderchronicle.example/news/%d", i)
	if kind == news.KindText {
		body := strings.Join([]string{s.title + " | The Calder Chronicle", "Home", "News", s.title, "By Hana Sorensen", s.lead, s.body, houseParagraph, "© 2026 The Calder Chronicle"}, "\n")
		return news.Page{ID: fmt.Sprint(i), URL: url, Kind: kind, Body: []byte(body)}
	}
	body := fmt.Sprintf(`<html><head><title>%s</title><meta property="og:site_name" content="The Calder Chronicle"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>%s</h1><div class="story"><p>%s</p><p>%s</p><p>%s</p></div></article></body></html>`, s.title, s.title, s.lead, s.body, houseParagraph)
	return news.Page{ID: fmt.Sprint(i), URL: url, Kind: kind, Body: []byte(body)}
}

func TestTemplateRemovesRecurringBlocks(t *testing.T) {
	for _, kind := range []news.PageKind{news.KindHTML, news.KindText} {
		t.Run(string(kind), func(t *testing.T) {
			last := chroniclePage(len(chronicleStories)-1, kind)
			alone, err := Extract(last)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(alone.Text, "newsroom that stays open") {
				t.Fatalf("single-page rules already drop the house paragraph; the test shows nothing:\n%s", alone.Text)
			}
			tmpl := NewTemplate()
			for i := 0; i < len(chronicleStories)-1; i++ {
				r, err := WithTemplate(chroniclePage(i, kind), tmpl)
				if err != nil {
					t.Fatal(err)
				}
				tmpl.Learn(r.Blocks)
			}
			r, err := WithTemplate(last, tmpl)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(r.Article.Text, "newsroom that stays open") {
				t.Errorf("the recurring paragraph survived the site template:\n%s", r.Article.Text)
			}
			for _, want := range []string{"school lunches", "300,000 euros"} {
				if !strings.Contains(r.Article.Text, want) {
					t.Errorf("the article lost %q:\n%s", want, r.Article.Text)
				}
			}
		})
	}
}

func TestTemplateNeedsRecurrence(t *testing.T) {
	tmpl := NewTemplate()
	a, b := Fingerprint("Shared block"), Fingerprint("Only once")
	tmpl.Learn([]uint64{a, b})
	if tmpl.Boilerplate(a) {
		t.Error("a block seen on one page is boilerplate")
	}
	tmpl.Learn([]uint64{a, Fingerprint("other")})
	if !tmpl.Boilerplate(a) || tmpl.Boilerplate(b) {
		t.Error("after two pages: the shared block should be boilerplate, the single one not")
	}
	if Fingerprint("Shared  BLOCK!") != a {
		t.Error("fingerprints should ignore case, spacing and punctuation")
	}
	raw, _ := tmpl.MarshalBinary()
	back := NewTemplate()
	if err := back.UnmarshalBinary(raw); err != nil || back.Pages() != 2 || !back.Boilerplate(a) || back.Boilerplate(b) {
		t.Errorf("round trip: %v, pages %d", err, back.Pages())
	}
	if err := back.UnmarshalBinary(raw[:len(raw)-3]); err == nil {
		t.Error("a truncated template decoded without error")
	}
}

func TestRemovedListsWhatWasDropped(t *testing.T) {
	page := chroniclePage(0, news.KindHTML)
	a, err := Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	removed := Removed(page, a)
	joined := strings.Join(removed, "|")
	if !strings.Contains(joined, "Home") || !strings.Contains(joined, "News") {
		t.Errorf("the navigation is not listed as removed: %q", removed)
	}
	for _, p := range a.Paragraphs() {
		if strings.Contains(joined, p) {
			t.Errorf("a kept paragraph is listed as removed: %q", p)
		}
	}
}

// TestBlockFingerprintIsFingerprint: the fingerprint measureBlock computes in
// its one pass is Fingerprint's, so templates stored by older versions still
// match.
func TestBlockFingerprintIsFingerprint(t *testing.T) {
	for _, s := range []string{"", "Hello, World!", "Subscribe\u00a0now — it’s FREE", "ÉCOLE  Straße İstanbul", "so\u00adft hy\u00adphen",
		"订阅 我们的 newsletter", "a_b c-d 12.5%", "\xff\xfe broken utf8"} {
		if got, want := measureBlock(cleanSpace(s)).fp, Fingerprint(cleanSpace(s)); got != want {
			t.Errorf("measureBlock(%q).fp = %x, want Fingerprint's %x", s, got, want)
		}
	}
}

// nearCopy is a capture of chronicle story i as the site printed it again,
// under a longer headline.
func nearCopy(i int, kind news.PageKind) news.Page {
	p := chroniclePage(i, kind)
	s := chronicleStories[i]
	body := strings.ReplaceAll(string(p.Body), s.title, s.title+", updated")
	return news.Page{ID: p.ID + "-again", URL: p.URL + "?again", Kind: kind, Body: []byte(body)}
}

// TestTemplateCountsACopyOnce: a near copy of an article the template
// learned teaches nothing, so that two captures of one article cannot make
// it boilerplate, while each different article of the site still teaches
// (and the house paragraph they share is still dropped).
func TestTemplateCountsACopyOnce(t *testing.T) {
	for _, kind := range []news.PageKind{news.KindHTML, news.KindText} {
		t.Run(string(kind), func(t *testing.T) {
			tmpl := NewTemplate()
			teach := func(p news.Page) (Result, bool) {
				r, err := WithTemplate(p, tmpl)
				if err != nil {
					t.Fatal(err)
				}
				return r, tmpl.Teach(r.Blocks, r.Words, r.Article.Text)
			}
			if _, ok := teach(chroniclePage(0, kind)); !ok {
				t.Fatal("the site's first page taught nothing")
			}
			if _, ok := teach(nearCopy(0, kind)); ok {
				t.Error("a near copy of the first article taught the template")
			}
			r, _ := teach(nearCopy(0, kind))
			if !strings.Contains(r.Article.Text, "5:40 a.m.") {
				t.Errorf("a third capture of one article lost its text:\n%s", r.Article.Text)
			}
			for i := 1; i < len(chronicleStories)-1; i++ {
				if _, ok := teach(chroniclePage(i, kind)); !ok {
					t.Errorf("a different article (%d) taught nothing", i)
				}
			}
			if tmpl.Pages() != len(chronicleStories)-1 {
				t.Errorf("the template learned %d pages, want %d", tmpl.Pages(), len(chronicleStories)-1)
			}
			last, _ := teach(chroniclePage(len(chronicleStories)-1, kind))
			if strings.Contains(last.Article.Text, "newsroom that stays open") || !strings.Contains(last.Article.Text, "300,000 euros") {
				t.Errorf("the house paragraph of different articles is no longer dropped:\n%s", last.Article.Text)
			}
		})
	}
}

// TestRepeatsWeighsNewWordsAgainstKnownArticle: the words of a page's blocks
// the site never showed are weighed against the words of its article in
// blocks the site showed, not as boilerplate, and those must make a
// sentence or more.
func TestRepeatsWeighsNewWordsAgainstKnownArticle(t *testing.T) {
	const (
		lead  = "Ten words of a lead paragraph the site printed before"
		body  = "And ten more words in a paragraph it printed before"
		menu  = "Home"
		shell = "Sign in to see your orders"
	)
	tmpl := NewTemplate()
	tmpl.Learn([]uint64{Fingerprint(menu), Fingerprint(lead), Fingerprint(body), Fingerprint(shell)})
	article := lead + "\n\n" + body
	fresh := Fingerprint("a new headline")
	for _, c := range []struct {
		name     string
		newWords int32
		text     string
		want     bool
	}{
		{"a copy with a new three-word headline", 3, article, true},
		{"nine new words against twenty known", 9, article, true},
		{"ten new words against twenty known", 10, article, false},
		{"a page whose article the site never showed", 3, "A paragraph nobody printed before", false},
		{"a page with no article", 0, "", false},
		{"a copy of a shell of six words", 0, shell, false},
	} {
		fps := []uint64{Fingerprint(menu), Fingerprint(lead), Fingerprint(body), Fingerprint(shell), fresh}
		words := []int32{1, 10, 10, 6, c.newWords}
		if got := tmpl.Repeats(fps, words, c.text); got != c.want {
			t.Errorf("%s: Repeats = %v, want %v", c.name, got, c.want)
		}
	}
	if tmpl.Repeats([]uint64{Fingerprint(lead)}, nil, article) {
		t.Error("a page whose block words were not counted was taken for a copy")
	}
	if NewTemplate().Repeats([]uint64{Fingerprint(lead)}, []int32{10}, lead) {
		t.Error("a page repeats a template that learned nothing")
	}
	// Once the lead is on every page it is boilerplate, which extraction
	// drops: it no longer counts as the article the page repeats.
	tmpl.Learn([]uint64{Fingerprint(lead), Fingerprint("another article")})
	if tmpl.Repeats([]uint64{Fingerprint(lead), Fingerprint(body), fresh}, []int32{10, 10, 3}, article) {
		t.Error("a page whose known text is the site's boilerplate was taken for a copy")
	}
}
