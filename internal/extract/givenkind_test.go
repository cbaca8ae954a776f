package extract

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// givenKindPage is an invented news article the embedded kind classifiers
// call an article.
const givenKindPage = `<html><head><title>Council votes on the budget</title><meta property="og:type" content="article"></head>` + `<body>` +
	`<div class="nav menu"><a href="/">Home</a> <a href="/news">News</a></div>
<article class="article-body"><h1>Council votes on the budget</h1><p class="byline">By Ann Weber</p>
<p>The council met on Monday, and after a long debate it voted for the budget that the mayor had put forward in the spring.</p>
<p>The vote was close: seven members for, six against, and the chair said the town would now have to find the money for the new school.</p>
<p>More text, with commas, follows here, as the article goes on to say what the vote means for the town and its schools.</p></article>
<footer class="footer">© 2026 The Gazette</footer></body></html>`

// TestReadAsKindReadsThePageAsTheGivenKind: a model from ReadAsKind reads a
// page the kind classifiers call an article as the kind it was given (its
// article's Kind), every kind alike, and leaves the model it was made from
// reading the page as before; a kind that is not a page kind is refused.
func TestReadAsKindReadsThePageAsTheGivenKind(t *testing.T) {
	m := DefaultModel()
	p := news.Page{ID: "p", URL: "https://gazette.example/news/2026/council-votes-on-the-budget", Kind: news.KindHTML, Body: []byte(givenKindPage)}
	called, err := m.Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	if called.Kind != kindArticle {
		t.Fatalf("the kind classifiers call the page %q; the test needs a page called an article", called.Kind)
	}
	for _, kind := range news.PageKinds() {
		g, err := m.ReadAsKind(kind)
		if err != nil {
			t.Fatal(err)
		}
		a, err := g.Extract(p)
		if err != nil {
			t.Fatal(err)
		}
		if a.Kind != kind {
			t.Errorf("read as %q, the page's kind is %q", kind, a.Kind)
		}
	}
	if again, _ := m.Extract(p); again.Kind != kindArticle || again.Text != called.Text {
		t.Errorf("ReadAsKind changed the model it was made from: kind %q", again.Kind)
	}
	if _, err := m.ReadAsKind("recipe"); err == nil {
		t.Error("ReadAsKind took a kind that is not a page kind")
	}
}
