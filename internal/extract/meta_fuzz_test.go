package extract

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var leadingBy = regexp.MustCompile(`(?i)^by\s`)

// FuzzMetadata checks what metadata may be on any page: a byline without
// its "By", no date before 1990 or after 2100, a title and byline without
// line breaks, and a title without invisible characters.
func FuzzMetadata(f *testing.F) {
	addSeeds(f, "testdata/*/page.html")
	f.Add([]byte(`<h1>Harbour strike</h1><p>By <a rel="author">Jane Doe</a> | Updated March 4, 2025</p><script type="application/ld+json">{"@graph":[{"@type":"Person","@id":"#p","name":"Jane Doe"},{"@type":"NewsArticle","author":{"@id":"#p"},"datePublished":"2025-03-02"}]}</script>`))
	// Two reporters' byline marks and the article's list of them and of an
	// Organization by @id (fullerBylines, ldNonPersonNames).
	f.Add([]byte(`<h1>Harbour strike</h1><p class="byline">By Jane Doe</p><span class="author">John Roe</span><a rel="author" href="/">Harbour Wire</a><script type="application/ld+json">{"@graph":[{"@type":["Organization"],"@id":"#o","name":"Harbour Wire"},{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},"John Roe",{"@id":"#o"}]}]}</script>`))
	// Author elements side by side, one name each with separators and affiliation marks between (markGroups).
	f.Add([]byte(`<h1>Harbour strike</h1><p>By <a rel="author" href="/a">Jane Doe</a><sup>1</sup>, <a rel="author" href="/b">John Roe</a> and <a rel="author"><script>x</script>Ann Poe</a></p><span class="author">Kofi Mensah<sup>2</sup> ;</span><span class="author">Managing Editor</span>`))
	// JSON-LD in a CDATA section and meta keys in lists and Dublin Core forms (unwrapScript, readMetaTag).
	f.Add([]byte(`<script type="application/ld+json">//<![CDATA[
{"@type":"NewsArticle","headline":"Harbour strike","author":{"name":"Jane Doe"},"datePublished":"2025-03-02"}
//]]></script><meta property="og:title dc:title" content="Harbour strike"><meta property="dcterms:created" content="2025-03-02">`))
	f.Add([]byte(`<script type="application/ld+json">/*<![CDATA[*/ {"@graph":[]} /*]]>*/</script><script type="application/ld+json"><![CDATA[]]></script><meta itemprop=" " content="x">`))
	// A headline with a soft hyphen, a zero-width space and a curly quote
	// written twice over as UTF-8 (readerTitle).
	f.Add([]byte("<title>Assis&shy;tance for the harbour&#8203;</title><h1>The harbourmaster\u00e2\u0080\u0099s boat</h1>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := html.Parse(bytes.NewReader(toUTF8(body)))
		if err != nil {
			return
		}
		a := readMeta(doc).article("https://news.example/a")
		if leadingBy.MatchString(a.Byline) {
			t.Errorf("byline %q keeps its 'By'", a.Byline)
		}
		if !a.Published.IsZero() && (a.Published.Before(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)) || a.Published.Year() > 2100) {
			t.Errorf("implausible date %v", a.Published)
		}
		if bytes.ContainsAny([]byte(a.Title+a.Byline), "\n\r") {
			t.Errorf("line break in title %q or byline %q", a.Title, a.Byline)
		}
		if strings.ContainsAny(a.Title, invisibleRunes) {
			t.Errorf("title %q keeps an invisible character", a.Title)
		}
		if a.Source == "" {
			t.Errorf("no source for a page with a URL")
		}
	})
}
