package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

func addSeeds(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(pattern)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("<p>caf&eacute; <b>wo</b>rd</p>"))
	f.Add([]byte("<head><meta charset=utf-8>-8<title>Cafe rules</title></head><b><a href=/>Home</a></b>"))
	f.Add([]byte("<body><div id=app></div><noscript><p>caf&eacute; <b>wo</b>rd &lt;b&gt;</p></noscript></body>"))
}

// pageText is every text token of a page, decoded and with an unclosed
// <title> closed as the extractor closes it (closeTitle), with nothing between
// tokens, as the oracle for what an extracted body may contain. NULs are
// dropped, as the HTML parser drops them from text (the tokenizer alone
// keeps them, or makes them U+FFFD): the words on either side then meet.
// A <noscript> element's raw markup is read as a page too (segmentPage
// reads it when the body shows nothing else).
func pageText(body []byte) string { return pageTextSkipping(body, nil) }

// hiddenElements are elements whose text a browser never shows: the
// extractor leaves their text out of a body, so that the words on either
// side may meet ("-8" before a <title> the parser moved into the body, and
// "Home" after it, read as "-8Home").
var hiddenElements = map[string]bool{"title": true, "script": true, "style": true, "template": true}

// pageTextSkipping is pageText without the text inside the elements of
// skip (nil: none).
func pageTextSkipping(body []byte, skip map[string]bool) string {
	var b strings.Builder
	z := html.NewTokenizer(bytes.NewReader(closeTitle(toUTF8(body))))
	inNoscript, skipping := false, ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(strings.NewReplacer("\x00", "", "\ufffd", "").Replace(b.String())), "")
		case html.TextToken:
			if skipping != "" {
				break
			}
			b.Write(z.Text())
			if inNoscript {
				b.WriteString(pageTextSkipping(z.Raw(), skip))
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			inNoscript = string(name) == "noscript"
			if skip[string(name)] && skipping == "" {
				skipping = string(name)
			}
			continue
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == skipping {
				skipping = ""
			}
		}
		inNoscript = false
	}
}

// FuzzHTML: no panic, and every word of the extracted body occurs in the
// page's text as the HTML tokenizer reads it.
func FuzzHTML(f *testing.F) {
	addSeeds(f, "testdata/*/page.html")
	// The attribute date sources (attrdates.go): a relative time's title,
	// JSON in an attribute with escaped quotes, JSON inside JSON.
	f.Add([]byte(`<h1>T</h1><span title="Dec 18, 2025 9:40 am">Posted: 2 days ago</span><div title="2024-03-02"><b>vor 3 Stunden</b></div><p>Text here.</p>`))
	f.Add([]byte(`<div data-preloaded="{&quot;topic&quot;:&quot;{\&quot;created_at\&quot;:\&quot;2024-06-01T10:00:00Z\&quot;}&quot;}"><p>Text here.</p></div>`))
	// Customers' reviews in review markup on a page whose og:type names a
	// product (reviews.go).
	f.Add([]byte(strings.Replace(reviewedProduct, "<html>", `<html><head><meta property="og:type" content="product"></head>`, 1)))
	// The same with an Offer in microdata, and an FAQ whose questions sit
	// in buttons (disclosure.go).
	f.Add([]byte(strings.Replace(reviewedProduct, "</body>", `<div itemscope itemtype="https://schema.org/Offer">38</div></body>`, 1)))
	f.Add([]byte(strings.Replace(reviewedProduct, "</body>", `<script type="application/ld+json">{"@type": "Product", "offers": {"@type": "Offer", "price": 38}}</script></body>`, 1)))
	// A critic's review of the item (a Review around its Product) and a
	// list of one Product in microdata (sellsOneItem).
	f.Add([]byte(strings.Replace(reviewedProduct, "</body>", `<div itemscope itemtype="https://schema.org/Review"><div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Product"><div itemprop="offers" itemscope itemtype="https://schema.org/Offer">38</div></div></div></body>`, 1)))
	f.Add([]byte(strings.Replace(reviewedProduct, "</body>", `<ul itemscope itemtype="https://schema.org/ItemList"><li itemscope itemtype="https://schema.org/Product"><span itemscope itemtype="https://schema.org/Offer">38</span></li></ul></body>`, 1)))
	f.Add([]byte(headingButtonPage))
	// An item's page with a strip of other items' cards (cards.go).
	f.Add([]byte(kettleFuzzSeed))
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := Extract(news.Page{Kind: news.KindHTML, Body: body})
		if err != nil && !errors.Is(err, ErrNoContent) && !strings.HasPrefix(err.Error(), "parse HTML: ") {
			t.Fatalf("unexpected error: %v", err)
		}
		source, shown := pageText(body), pageTextSkipping(body, hiddenElements)
		for _, w := range text.Words(a.Text) {
			if !strings.Contains(source, w) && !strings.Contains(shown, w) {
				t.Fatalf("word %q of the body is not in the page", w)
			}
		}
	})
}

// FuzzText: no panic, and every word of the extracted body occurs in the
// dump (in its text as the HTML tokenizer reads it, for a dump that is
// markup: IsMarkupDump).
func FuzzText(f *testing.F) {
	addSeeds(f, "testdata/*/page.txt")
	f.Add([]byte(`Title <html><body><div class="a"><a href="/x">Home</a></div><p>Caf&eacute; owners &amp; staff met.</p></body></html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := Extract(news.Page{Kind: news.KindText, Body: body})
		markup := IsMarkupDump(body)
		if err != nil && !errors.Is(err, ErrNoContent) && !(markup && strings.HasPrefix(err.Error(), "parse HTML: ")) {
			t.Fatalf("unexpected error: %v", err)
		}
		source := string(bytes.ToValidUTF8(body, []byte("\uFFFD")))
		shown := source
		if markup {
			source, shown = pageText(body), pageTextSkipping(body, hiddenElements)
		}
		for _, w := range text.Words(a.Text) {
			if !strings.Contains(source, w) && !strings.Contains(shown, w) {
				t.Fatalf("word %q of the body is not in the dump", w)
			}
		}
	})
}

// FuzzBlockFingerprint: the one-pass fingerprint of measureBlock equals
// Fingerprint on any text, so that site templates keep matching.
func FuzzBlockFingerprint(f *testing.F) {
	f.Add("Subscribe\u00a0now — it’s FREE")
	f.Add("so\u00adft ÉCOLE İstanbul 订阅")
	f.Fuzz(func(t *testing.T, s string) {
		s = cleanSpace(s)
		if got, want := measureBlock(s).fp, Fingerprint(s); got != want {
			t.Fatalf("measureBlock(%q).fp = %x, Fingerprint = %x", s, got, want)
		}
	})
}

// FuzzCleanSpace: cleanSpace, which returns a text with nothing to
// collapse as it is, gives what joining its fields gives.
func FuzzCleanSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b", "a\u2003b", "caf\u00e9 x", "\xff a", "a \xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("cleanSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzCollapseSpace: the one-pass collapseSpace equals cleanSpace.
func FuzzCollapseSpace(f *testing.F) {
	f.Add("  a \u00a0 b\n")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), cleanSpace(s); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
