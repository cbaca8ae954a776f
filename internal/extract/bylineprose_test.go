package extract

import (
	"strings"
	"testing"
)

// TestProseShareAfter: a byline above the article has the article's prose
// after it, a related post's author box below the last paragraph has none,
// and a name only in the metadata has no place at all.
func TestProseShareAfter(t *testing.T) {
	para := "<p>" + strings.Repeat("The ferry from the harbour ran late again this week. ", 3) + "</p>"
	page := `<html><head><meta name="author" content="Ilse Brandvold"></head><body><h1>Ferry fares to rise</h1>` +
		`<p class="byline">By Ilse Brandvold</p>` + para + para +
		`<div class="related"><span class="author">Tomas Quill</span><a href="/x">Another story</a></div></body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	shares := map[string]float64{}
	for _, c := range pm.bylineCandidates() {
		s, ok := pm.proseShareAfter(c.at)
		if !ok {
			s = -1
		}
		shares[strings.Join(c.names, ", ")] = s
	}
	if s := shares["Ilse Brandvold"]; s != 1 {
		t.Errorf("the byline above the article: prose after %v, want 1 (%v)", s, shares)
	}
	if s, ok := shares["Tomas Quill"]; !ok || s != 0 {
		t.Errorf("the related post's author after the article: prose after %v, want 0 (%v)", s, shares)
	}
	if _, ok := pm.proseShareAfter(-1); ok {
		t.Error("a candidate only in the metadata has no prose share")
	}
}
