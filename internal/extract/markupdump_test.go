package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// inventedSourceDump is an invented news page's HTML source on one line,
// behind its title, as some captures store a page where its text should be.
var inventedSourceDump = `Weir repairs close the towpath - Marsh Valley Courier <html><head><title>Weir repairs close the towpath</title>` +
	`<script type="text/javascript">var ad = {slot: "top", size: [728, 90]};</script></head><body>` +
	`<div id="masthead" class="site-header site-header--wide"><ul class="nav nav--primary" role="navigation">` + inventedMenu + `</ul></div>` +
	`<div class="story"><h1>Weir repairs close the towpath</h1>` +
	`<p>The towpath beside the old weir at Marsh Valley will be closed for six weeks from Monday while engineers replace the sluice gates that failed in the January floods.</p>` +
	`<p>Walkers and cyclists will be sent along the lane past the mill, which the county council says it will light and sweep every morning until the work is done.</p>` +
	`<p>The canal trust said the new gates would hold back twice the water of the old ones, and that the towpath would be resurfaced before it opens again in the spring.</p></div>` +
	`<div id="footer"><ul><li><a href="/about/">About us</a></li><li><a href="/privacy/">Privacy</a></li><li><a href="/terms/">Terms</a></li></ul></div></body></html>`

// inventedMenu is a site menu's markup: a real page's source is mostly tags
// and attributes, its text a small part.
var inventedMenu = func() string {
	var b strings.Builder
	for _, s := range []string{"news", "sport", "business", "weather", "what's on", "letters", "jobs", "homes", "motors", "contact"} {
		b.WriteString(`<li class="nav__item nav__item--section"><a class="nav__link" data-track="menu-` + strings.ReplaceAll(s, " ", "-") +
			`" href="https://courier.example/` + strings.ReplaceAll(s, " ", "-") + `/" title="Go to the ` + s + ` section">` + s + `</a></li>`)
	}
	return b.String()
}()

// TestHTMLSourceGivenAsTextIsReadAsHTML checks that a text dump which is an
// HTML document (most of its bytes inside tags) is read as HTML: its
// paragraphs come out, not one long line of markup or nothing.
func TestHTMLSourceGivenAsTextIsReadAsHTML(t *testing.T) {
	a, err := Extract(news.Page{Kind: news.KindText, Body: []byte(inventedSourceDump)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sluice gates that failed", "light and sweep every morning", "resurfaced before it opens again"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}
	if strings.Contains(a.Text, "<p>") || strings.Contains(a.Text, "var ad") {
		t.Errorf("markup or script in the text:\n%s", a.Text)
	}
}

// TestTextOnlyModelReadsAMarkupDumpAsText checks that a model holding the
// text-dump parts alone (a fold model of `eval extract --text --cv`, which
// fits no block classifier) reads a markup dump as text, as every dump was
// read before markup dumps went to the HTML extractor, instead of crashing
// on its missing block classifier.
func TestTextOnlyModelReadsAMarkupDumpAsText(t *testing.T) {
	d, err := LoadDumpParts(EmbeddedModelJSON())
	if err != nil {
		t.Fatal(err)
	}
	d.index()
	r, err := d.WithTemplate(news.Page{Kind: news.KindText, Body: []byte(inventedSourceDump)}, nil)
	if err != nil {
		t.Fatalf("a markup dump read by a text-only model: %v", err)
	}
	// Read as text, the dump's one line of markup is the article: its tags
	// stay in the text (an empty text would pass a weaker check).
	if txt := r.Article.Text; !strings.Contains(txt, "<p>") {
		t.Errorf("a markup dump read by a model with no block classifier gave %q, want its line of markup as text", txt)
	}
}

// TestIsMarkupDump checks the share of bytes in tags that makes a dump
// markup: an HTML source is, a page's text that shows a few tags in its
// prose (a tutorial's) is not, nor is text with "<" that opens no tag.
func TestIsMarkupDump(t *testing.T) {
	tutorial := "How to centre a heading\nWrap the heading in a <div> and give it the class centred, as in <div class=\"centred\"><h2>Menu</h2></div>.\n" +
		"The browser then centres every line of the heading, whatever the width of the window it is shown in.\n"
	for _, tt := range []struct {
		name, body string
		want       bool
	}{
		{"an HTML source on one line", inventedSourceDump, true},
		{"a tutorial's text quoting tags", tutorial, false},
		{"comparisons, no tags", "a < b and c > d, while 3 <4 and x<y> is no tag in prose like this line of a dump", false},
		{"a tag left open", "<div class=\"x\" " + strings.Repeat("text ", 40), false},
		{"a menu's arrows", "<<Back to index\n" + strings.Repeat("Home News Sport Jobs\n", 10) + "Next story>>", false},
		{"empty", "", false},
	} {
		if got := IsMarkupDump([]byte(tt.body)); got != tt.want {
			t.Errorf("%s: IsMarkupDump = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRemovedFromAMarkupDumpListsItsHTMLBlocks checks that what a reader is
// shown as removed from a dump read as HTML is the page's left-out blocks
// (its menu and footer links), as for an HTML page, not the dump's one line
// of raw markup, which holds the kept paragraphs too.
func TestRemovedFromAMarkupDumpListsItsHTMLBlocks(t *testing.T) {
	page := news.Page{Kind: news.KindText, Body: []byte(inventedSourceDump)}
	a, err := Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	removed := Removed(page, a)
	joined := strings.Join(removed, "|")
	if strings.Contains(joined, "<") {
		t.Errorf("raw markup listed as removed: %.300q", removed)
	}
	for _, want := range []string{"weather", "Privacy"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the menu's or footer's %q is not listed as removed: %q", want, removed)
		}
	}
	for _, p := range a.Paragraphs() {
		if strings.Contains(joined, p) {
			t.Errorf("a kept paragraph is listed as removed: %q", p)
		}
	}
}

// TestAddressesInAngleBracketsAreNoTags checks that a dump of quoted
// e-mail headers, whose addresses sit in angle brackets, is read as text:
// "<ann.lee@example.org>" and "<https://x.example/>" open no tag (a tag's
// name is letters, digits and "-" or ":", ended by a space, ">" or "/>"),
// so the addresses stay in the text and the lines stay lines.
func TestAddressesInAngleBracketsAreNoTags(t *testing.T) {
	headers := strings.Repeat("From: Ann Lee <ann.lee@example.org>\nTo: <list@example.org>\nSee <https://lists.example.org/archive/2026/>\n", 6) + "Hi all, the minutes are below.\n"
	if IsMarkupDump([]byte(headers)) {
		t.Errorf("a dump of e-mail headers is taken for markup")
	}
	for _, tt := range []struct {
		name, body string
		want       bool
	}{
		{"a closing tag", "</div>", true},
		{"a self-closing tag", "<br/>", true},
		{"a namespaced tag with attributes", `<fb:like href="https://x.example/">`, true},
		{"a comment", "<!-- menu -->", true},
		{"an e-mail address", "<ann.lee@example.org>", false},
		{"a URL", "<https://x.example/>", false},
		{"a name with a comma", "<b, c>", false},
	} {
		body := strings.Repeat(tt.body, 10)
		if got := IsMarkupDump([]byte(body)); got != tt.want {
			t.Errorf("%s (%s x10): IsMarkupDump = %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestMarkupDumpKeepsTheCallersAndThePagesMetadata checks that a dump read
// as HTML keeps what the caller gave with it, as a text dump does (its
// source, and its date over the page's), and takes the rest from the
// page's head: the title, the byline and the canonical address, though the
// dump's title line before <html> makes the parser put the head's elements
// in the body.
func TestMarkupDumpKeepsTheCallersAndThePagesMetadata(t *testing.T) {
	head := `<html><head><title>Weir repairs close the towpath</title><meta name="author" content="Jo Bloggs">` +
		`<meta property="article:published_time" content="2026-03-02T09:30:00Z"><link rel="canonical" href="https://courier.example/2026/weir/"></head>`
	dump := "Weir repairs close the towpath - Marsh Valley Courier " + head + inventedSourceDump[strings.Index(inventedSourceDump, "<body>"):]
	a, err := Extract(news.Page{Kind: news.KindText, Body: []byte(dump)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Weir repairs close the towpath" || a.Byline != "Jo Bloggs" || a.URL != "https://courier.example/2026/weir/" ||
		!a.Published.Equal(time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("the page's metadata: title %q, byline %q, URL %q, date %v", a.Title, a.Byline, a.URL, a.Published)
	}
	given := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	a, err = Extract(news.Page{Kind: news.KindText, Body: []byte(dump), URL: "https://mirror.example/weir", Source: "Courier archive", Published: given, DateOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Courier archive" || !a.Published.Equal(given) || !a.DateOnly {
		t.Errorf("the caller's source and date: %q, %v (date only %v); want %q, %v (date only)", a.Source, a.Published, a.DateOnly, "Courier archive", given)
	}
}

// TestMarkupShareIsOverBytes checks that a Japanese tutorial's text, whose
// short lines quote a tag around a few characters each, is not markup: its
// tags hold under half its bytes, though two thirds of its characters. The
// share is over bytes because a character of a CJK script carries about as
// much text as three Latin letters (readability's Japanese yahoo-4 dump,
// which shows its own HTML, holds 0.49 of its bytes in tags but 0.70 of its
// characters: counted over characters, it would be read as HTML).
func TestMarkupShareIsOverBytes(t *testing.T) {
	tutorial := strings.Repeat("<h1>大見出し</h1>\n<p>段落です</p>\n<em>強調</em>\n", 8)
	if IsMarkupDump([]byte(tutorial)) {
		t.Errorf("a Japanese tutorial's text quoting tags is taken for markup")
	}
}
