package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestHeadingLinesAreNoClaims checks that a paragraph in title case with no
// sentence's end mark (a wire's distribution line, a source line, a
// related story's headline) is neither a shared fact nor an article's own
// claim, while a sentence of news beside it still is. The articles are
// written for the test; both print the same distribution line.
func TestHeadingLinesAreNoClaims(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"The union said the strike would last until the board withdrew the rota.\n\n" +
			"For Use By Subscribers of the Coast Wire Service\n\n" +
			"Source: Varden Harbour Board Annual Report"}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning.\n\n" +
			"For Use By Subscribers of the Coast Wire Service"}
	c := Compare([]news.Article{wire, gazette})
	if !hasFact(c.Facts, "walked off the job on Monday", "wire", "gazette") {
		t.Fatalf("the walkout is not a shared fact: %+v", c.Facts)
	}
	for _, f := range c.Facts {
		if strings.Contains(f.Text, "Subscribers") {
			t.Errorf("a distribution line is a shared fact: %q", f.Text)
		}
	}
	found := false
	for _, id := range []string{"wire", "gazette"} {
		for _, s := range c.Unique[id] {
			if strings.Contains(s, "Subscribers") || strings.Contains(s, "Annual Report") {
				t.Errorf("%s: a heading line is listed as a claim: %q", id, s)
			}
			found = found || strings.Contains(s, "negotiators on Friday")
		}
	}
	if !found {
		t.Errorf("the gazette's own sentence is not listed: %+v", c.Unique)
	}
}

// TestHeadingParagraph checks which paragraphs read as headings.
func TestHeadingParagraph(t *testing.T) {
	for p, want := range map[string]bool{
		"For Use By Subscribers of the Coast Wire Service": true,
		"Story Filed By Varden Newspapers":                 true,
		"XXXX END OF STORY":                                true,
		"Dock Workers Walk Out at Varden":                  true,
		"Dock workers walk out at Varden":                  false, // a sentence without its period
		"The Varden Board Met.":                            false,
		"Varden Gazette":                                   false, // too short to tell
		"(Visit the Gazette on the Web)":                   false,
		// Scripts without capitals: no word is capitalised, so no heading
		// (a Hindi sentence ends with a danda, a Korean one may lack its
		// period in a teaser).
		"\u092a\u0941\u0932\u093f\u0938 \u0928\u0947 \u0924\u0940\u0928 \u0932\u094b\u0917\u094b\u0902 \u0915\u094b \u092a\u0915\u0921\u093c\u093e \u0964": false,
		"\uacbd\ucc30\uc740 \ud654\uc694\uc77c\uc5d0 \uc138 \ub0a8\uc790\ub97c \uccb4\ud3ec\ud588\ub2e4":                                                   false,
		"Photo | Varden Gazette Staff": true, // a separator is no word of a sentence
	} {
		if got := headingParagraph(p); got != want {
			t.Errorf("headingParagraph(%q) = %v, want %v", p, got, want)
		}
	}
}
