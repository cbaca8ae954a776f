package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A <title> part that opens with the host's label is cut when the page
// shows the rest, though the page gives the rest with other typography:
// curly quotes, a dash, a closing period or ellipsis the <title> drops or
// adds, in a heading or in a text node; the rest in another script is
// shown as well. When the cut is refused the short tail goes instead, and
// the headline's anchor becomes the site's name ("Harbour Gazette
// Online"), which the page's shown headline must prevent.
func TestCutSiteNameReadsTheRestShownInOtherTypography(t *testing.T) {
	for _, tc := range []struct{ title, body, want string }{
		{`Harbour Gazette Online - Mayor's "final" budget passes`, `<h1>Mayor’s “final” budget passes</h1>`, `Mayor's "final" budget passes`},
		{`Harbour Gazette Online - Mayor's "final" budget passes`, `<div class="lede">Mayor’s “final” budget passes</div>`, `Mayor's "final" budget passes`},
		{`Harbour Gazette Online - Council approves new ferry route`, `<h1>Council approves new ferry route.</h1>`, `Council approves new ferry route`},
		{`Harbour Gazette Online - Council approves new ferry route.`, `<div>Council approves new ferry route</div>`, `Council approves new ferry route.`},
		{`Harbour Gazette Online - Storm closes the harbour...`, `<h1>Storm closes the harbour…</h1>`, `Storm closes the harbour...`},
		{`Harbour Gazette Online - Ferry fares rise 4–6%`, `<h2 class="headline">Ferry fares rise 4-6%.</h2>`, `Ferry fares rise 4–6%`},
		{`Harbour Gazette Online - Совет одобрил новый паром`, `<div>Совет одобрил новый паром</div>`, `Совет одобрил новый паром`},
	} {
		page := "<html><head><title>" + tc.title + "</title></head><body>" + tc.body +
			"<p>The council voted on Tuesday to open a ferry route across the bay next spring.</p></body></html>"
		doc, err := parseHTML([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		got := readMeta(doc).headlineTitles("https://www.harbourgazette.com/news/ferry.html")
		if len(got) != 2 || got[1] != tc.want {
			t.Errorf("<title> %q with %s: headline titles %q, want the <title> cut to %q", tc.title, tc.body, got, tc.want)
		}
	}
}

// A text that folds to nothing (dots, an ellipsis) is shown nowhere, though
// the page holds such texts.
func TestShowsNoEmptyText(t *testing.T) {
	doc, err := parseHTML([]byte(`<html><body><p>....</p><h2>…</h2><p>Read more</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	for _, s := range []string{"", "...", "…", " . "} {
		if pm.shows(s) {
			t.Errorf("shows(%q) = true", s)
		}
	}
	if !pm.shows("Read more.") {
		t.Error(`shows("Read more.") = false, the page shows "Read more"`)
	}
}

// BenchmarkTitleCandidatesManyTexts reads the title candidates of a page of
// about 5 MB of distinct short text nodes, whose <title> and every h2 open
// with a part that opens with the host's label and whose rest the page
// does not show: each cut asks pageMeta.shows, which must cost the same
// whatever the number of text nodes (a map look-up and the page's capped
// headings), so the page costs what its walk costs.
func BenchmarkTitleCandidatesManyTexts(b *testing.B) {
	var page strings.Builder
	page.WriteString("<html><head><title>Harbour Gazette Weekly - Council approves new ferry route</title></head><body>")
	for i := range 3 * maxHeadings {
		fmt.Fprintf(&page, "<h2>Harbour Gazette Weekly - Section %d of the paper</h2>", i)
	}
	for i := 0; page.Len() < 5<<20; i++ {
		fmt.Fprintf(&page, "<p>Listing number %d of the notices</p>\n", i)
	}
	page.WriteString("</body></html>")
	p := news.Page{ID: "p", Kind: news.KindHTML, URL: "https://www.harbourgazette.com/news/ferry.html", Body: []byte(page.String())}
	for b.Loop() {
		if _, err := PageMetaCandidates(p); err != nil {
			b.Fatal(err)
		}
	}
}
