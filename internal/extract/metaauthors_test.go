package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// paperPage is an invented scholarly article whose head names its authors
// as the given meta tags, one tag per author, and whose body names none.
func paperPage(tags string) string {
	return `<html><head><title>Tidal scour under harbour walls</title>` + tags + `</head><body><h1>Tidal scour under harbour walls</h1>
<p>We measure the scour of the sea bed under three harbour walls over two winters and compare it with the storms of each season.</p></body></html>`
}

// bylineValues gives the values of the byline candidates of page.
func bylineValues(t *testing.T, page string) []string {
	t.Helper()
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://journal.example/a/7", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cands.Byline {
		out = append(out, c.Value)
	}
	return out
}

// A paper's citation_author or Dublin Core creator tags, one per author,
// give one candidate of all the authors in order, not the first alone.
func TestRepeatedAuthorTagsKeepEveryAuthor(t *testing.T) {
	for _, key := range []string{"citation_author", "DC.creator", "dcterms.creator"} {
		tags := fmt.Sprintf(`<meta name="%[1]s" content="Okafor, Maria"><meta name="%[1]s" content="Vries, Peter"><meta name="%[1]s" content="Ana Lopes">`, key)
		got := bylineValues(t, paperPage(tags))
		if len(got) != 1 || got[0] != "Maria Okafor, Peter Vries, Ana Lopes" {
			t.Errorf("%s: byline candidates %q, want the three authors as one", key, got)
		}
	}
}

// A repeated name="author" tag (a picture's credit after the writer) and a
// list of more tags than a byline holds stay their first tag's name.
func TestRepeatedAuthorTagsOtherwiseTheFirst(t *testing.T) {
	got := bylineValues(t, paperPage(`<meta name="author" content="Maria Okafor"><meta name="author" content="Harbour Photo Agency">`))
	if len(got) != 1 || got[0] != "Maria Okafor" {
		t.Errorf("repeated author tag: byline candidates %q, want the first writer alone", got)
	}
	var many strings.Builder
	for _, n := range []string{"Ana Lopes", "Kofi Mensah", "Lena Brandt", "Maria Okafor", "Peter Vries", "Helen Marsh", "Thomas Wrona", "Ines Farrow", "Tobias Quill"} {
		fmt.Fprintf(&many, `<meta name="citation_author" content="%s">`, n)
	}
	if got := bylineValues(t, paperPage(many.String())); len(got) != 1 || got[0] != "Ana Lopes" {
		t.Errorf("nine citation_author tags: byline candidates %q, want the first author alone", got)
	}
}
