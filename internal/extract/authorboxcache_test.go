package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestBoxTextsReadEachElementOnce checks that the author-box climb reads
// an element's text once per page (two names in one list share their
// ancestors) and that an element holding an <h1> or more than a box's
// text is over, as authorBio read it before.
func TestBoxTextsReadEachElementOnce(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><body><h1>Harbour fares</h1>
<ul id="team"><li><a>Jane Doe</a> covers the harbour.</li><li><a>John Roe</a> edits the paper.</li></ul>
<div id="long">` + strings.Repeat("word ", maxBoxRunes/4) + `</div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	var list, body, long *html.Node
	walk(doc, 0, func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && n.Data == "ul":
			list = n
		case n.Type == html.ElementNode && n.Data == "body":
			body = n
		case n.Type == html.ElementNode && attr(n, "id") == "long":
			long = n
		}
		return true
	})
	texts := boxTexts{}
	if got, want := texts.of(list), (boxText{text: "Jane Doe covers the harbour.John Roe edits the paper."}); got != want {
		t.Fatalf("box text of the list = %+v, want %+v", got, want)
	}
	list.FirstChild.NextSibling.FirstChild.FirstChild.Data = "Changed"
	if got := texts.of(list); !strings.Contains(got.text, "John Roe") {
		t.Errorf("the list's text was read again: %q", got.text)
	}
	if !texts.of(body).over || !texts.of(long).over {
		t.Errorf("the body (holding the <h1>) and a long element must be over a box: %+v %+v", texts.of(body), texts.of(long))
	}
}
