package extract

import (
	"slices"
	"testing"
)

// pageFeature returns the page-kind feature named name of an HTML page
// with the given JSON-LD types and address.
func pageFeature(t *testing.T, page, ld, pageURL, name string) float64 {
	t.Helper()
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	f := pageFeatures(pb, pageCues{ldTypes: ld, url: pageURL})
	if len(f) != numPageFeatures {
		t.Fatalf("%d page features, want %d", len(f), numPageFeatures)
	}
	i := slices.Index(pageFeatureNames, name)
	if i < 0 {
		t.Fatalf("no page feature %q", name)
	}
	return f[i]
}

// manualPage is a manual's page: a heading, two sentences and two code
// listings between them.
const manualPage = `<html><body><h1>Reading a file line by line</h1>
<p>Open the file and read it with a scanner, which splits it at each line break.</p>
<pre><code>f, err := os.Open(name)
s := bufio.NewScanner(f)</code></pre>
<p>Each call to Scan reads the next line; Text returns it without its line break.</p>
<pre>for s.Scan() { fmt.Println(s.Text()) }</pre>
</body></html>`

// TestPageFeaturesReadCodeShare: two of the manual's five blocks are code
// listings; a page of prose has none.
func TestPageFeaturesReadCodeShare(t *testing.T) {
	if got := pageFeature(t, manualPage, "", "", "code_share"); got != 2.0/5 {
		t.Errorf("code share of the manual %.3f, want 0.4", got)
	}
	if got := pageFeature(t, threadPage, "", "", "code_share"); got != 0 {
		t.Errorf("code share of a news post %.3f, want 0", got)
	}
}

// TestPageFeaturesReadTheAddressName: the host's first label names a
// manual or help centre, the last path segment's words are counted, and
// TechArticle alone is not an article.
func TestPageFeaturesReadTheAddressName(t *testing.T) {
	for _, c := range []struct {
		url  string
		docs float64
		slug float64
	}{
		{"https://docs.example.org/guide/install", 1, 1},
		{"https://www.wiki.example.net/Main_Page", 1, 2},
		{"https://learn.example.com/en-us/dotnet/", 1, 1},
		{"https://www.example.com/docs/install", 0, 1},                                              // a docs word in the path is url_docs's
		{"https://dev.example.io/someone/why-we-moved-our-build-to-a-monorepo-4k2j", 0, 9},          // dev.* hosts are blogs; the id holds a letter
		{"https://news.example.co.uk/2024/05/12/council-votes-to-close-the-old-library.html", 0, 7}, // extension left out
		{"https://www.example.com/2006/05/12/123456.htm", 0, 0},                                     // a number is no word
		{"https://www.example.com/", 0, 0},
		{"not a url \x7f", 0, 0},
	} {
		if got := pageFeature(t, threadPage, "", c.url, "url_host_docs"); got != c.docs {
			t.Errorf("%q: url_host_docs %v, want %v", c.url, got, c.docs)
		}
		if got := pageFeature(t, threadPage, "", c.url, "url_slug_words"); got != c.slug {
			t.Errorf("%q: url_slug_words %v, want %v", c.url, got, c.slug)
		}
	}
	for ld, want := range map[string]float64{
		"techarticle breadcrumblist": 0, "techarticle": 0, "apireference": 0, "webpage": 0,
		"newsarticle": 1, "article": 1, "scholarlyarticle": 1, "blogposting person": 1,
		"techarticle newsarticle": 1, "reportagenewsarticle": 1,
	} {
		if got := pageFeature(t, threadPage, ld, "", "ld_article"); got != want {
			t.Errorf("JSON-LD types %q: ld_article %v, want %v", ld, got, want)
		}
	}
}
