package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHeadlineIsTheVisibleHeadline(t *testing.T) {
	for _, tc := range []struct {
		name, page, want string
	}{
		{"the h1 the title agrees with, not the site's h1",
			`<head><title>Veteran wraps baby in flag - Yahoo</title><meta property="og:site_name" content="Yahoo"></head><body><h1>Good Morning America</h1><h1>Veteran wraps baby in flag</h1></body>`,
			"Veteran wraps baby in flag"},
		{"the site's name cut off the title, at either end",
			`<head><title>Linear – The system for product development</title><meta property="og:site_name" content="Linear"></head><body><p>No heading.</p></body>`,
			"The system for product development"},
		{"a long suffix naming the site by its host",
			`<head><title>Electrical - Overview | Occupational Safety and Health Administration Of The Department</title><link rel="canonical" href="https://www.osha.gov/electrical"><meta property="og:site_name" content="Occupational Safety and Health Administration Of The Department"></head><body><h1>Electrical - Overview</h1><h1>Other</h1></body>`,
			"Electrical - Overview"},
		{"a headline marked only by a run-together class token, in a table cell",
			`<head><title>The Bay Ledger - News</title></head><body><table><tr><td class="contentheading">Council approves new ferry route</td></tr></table><p>The council voted on Tuesday to open a ferry route across the bay next spring, after two years of talks with the operators and the port.</p></body>`,
			"Council approves new ferry route"},
		{"permalink marks and line breaks in the heading",
			`<head><title>Quick start — Docs</title></head><body><h1>Quick<br>start<a class="headerlink" href="#q">¶</a></h1></body>`,
			"Quick start"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(doc).article("").Title; got != tc.want {
				t.Errorf("headline = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHostLabel(t *testing.T) {
	for host, want := range map[string]string{"www.theguardian.com": "theguardian", "bbc.co.uk": "bbc", "sport.aktualne.cz": "aktualne", "localhost": "localhost"} {
		if got := hostLabel(host); got != want {
			t.Errorf("hostLabel(%q) = %q, want %q", host, got, want)
		}
	}
}

// TestHeadingTextLeavesButtonsOut: a heading's words are its own, not the
// label of a button inside it ("Copy item path" beside a documentation
// page's name); a heading that is all button, an accordion's question,
// keeps the button's words.
func TestHeadingTextLeavesButtonsOut(t *testing.T) {
	page := `<html><head><title>tokio - Rust</title></head><body>
<h1>Crate <span>tokio</span><button type="button" title="Copy item path">Copy item path</button></h1>
<h3><button aria-expanded="false">How long does delivery take?</button></h3></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	var heads []string
	for _, h := range pm.heads {
		heads = append(heads, h.text)
	}
	want := []string{"Crate tokio", "How long does delivery take?"}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if len(pm.h1s) != 1 || pm.h1s[0] != "Crate tokio" {
		t.Errorf("h1s %q, want the h1 without its button", pm.h1s)
	}
}

// TestHeadingTextKeepsButtonBesideMarks: a heading whose words are all in
// its button and whose other text is only a mark (an accordion's "+" or
// "▼" icon, a permalink's "¶") keeps the button's words as it read them
// before buttons were left out; without them it was the mark alone, or,
// the "¶" cut, no heading at all. A heading with
// words of its own beside a button in another language still leaves the
// button out.
func TestHeadingTextKeepsButtonBesideMarks(t *testing.T) {
	page := `<html><head><title>Help</title></head><body>
<h3><button aria-expanded="false">How long does delivery take?</button><span aria-hidden="true">+</span></h3>
<h3><span class="icon">▼</span><button aria-expanded="false">Can I return an item?</button></h3>
<h2><button>Installation</button><a class="headerlink" href="#installation">¶</a></h2>
<h2>Lieferzeiten im Überblick <button>Teilen</button></h2></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, h := range readMeta(doc).heads {
		heads = append(heads, h.text)
	}
	want := []string{"How long does delivery take?+", "▼Can I return an item?", "Installation", "Lieferzeiten im Überblick"}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings %q, want %q", heads, want)
	}
}
