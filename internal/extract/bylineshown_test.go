package extract

import (
	"maps"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// An author meta tag whose name the page never shows has no distance to
// the <h1>; the byline under the headline is nearer it than a commenter.
func TestBylineShownFeatures(t *testing.T) {
	page := `<html><head><title>Harbour strike ends</title><meta name="author" content="web-uploader">
<meta property="article:author" content="Jane Doe"></head>
<body><h1>Harbour strike ends</h1><p class="byline">By Jane Doe</p>
<p>The dockers went back to work on Monday after nine days of strike at the harbour.</p>
<div class="comment"><span class="author-name">Sam Roe</span><p>Good news at last for the town.</p></div></body></html>`
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/x", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	names := BylineFeatureNames()
	byText := map[string][]float64{}
	for _, c := range cands.Byline {
		byText[c.Value] = c.Features
	}
	feature := func(value, name string) float64 {
		f, ok := byText[value]
		if !ok {
			t.Fatalf("no byline candidate %q among %v", value, slices.Collect(maps.Keys(byText)))
		}
		return f[slices.Index(names, name)]
	}
	if got := feature("web-uploader", "shown_near_h1"); got != missing {
		t.Errorf("web-uploader: shown_near_h1 = %v, want missing", got)
	}
	if near, far := feature("Jane Doe", "shown_near_h1"), feature("Sam Roe", "shown_near_h1"); near < 0 || near >= far {
		t.Errorf("shown_near_h1: Jane Doe %v, Sam Roe %v; want Jane Doe's nearer", near, far)
	}
}
