package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestTeaserParagraphsAreNoClaims checks that a related story's headline in
// sentence case, with no end mark, left between two paragraphs of prose is
// neither an "only in" claim nor a shared fact, while the prose beside it
// still is. The articles are written for the test.
func TestTeaserParagraphsAreNoClaims(t *testing.T) {
	post := news.Article{ID: "post", Source: "Varden Post", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"The union said the strike would last until the board withdrew the rota.\n\n" +
			"Ferry operators brace for a summer of delays as fuel costs climb\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning."}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"Shipping agents said three container vessels had been sent on to the port of Ostrel."}
	c := Compare([]news.Article{post, gazette})
	found := false
	for _, s := range c.Unique["post"] {
		if strings.Contains(s, "Ferry operators") {
			t.Errorf("a related headline is listed as the outlet's claim: %q", s)
		}
		found = found || strings.Contains(s, "negotiators on Friday")
	}
	if !found {
		t.Errorf("the post's own sentence is not listed: %+v", c.Unique["post"])
	}
}

// TestTeaserParagraph checks which paragraphs read as headlines left
// between sentences, and that list items, cut lines and sentences that
// lost their period do not.
func TestTeaserParagraph(t *testing.T) {
	prose := "The board met on Monday."
	for _, tc := range []struct {
		name  string
		paras []string
		j     int
		want  bool
	}{
		{"headline between prose", []string{prose, "Ferry operators brace for a summer of delays", prose}, 1, true},
		{"headline above the text", []string{"Varden port strike enters its second week", prose}, 0, true},
		{"the last paragraph", []string{prose, "Ferry operators brace for a summer of delays"}, 1, false},
		{"a sentence that lost its period", []string{prose, `"We will not go back under this rota," the union's leader said`, prose}, 1, false},
		{"a list item in a run", []string{prose, "Ostrel schools: closed on Thursday", "Varden schools: open as usual", prose}, 1, false},
		{"a bulleted item", []string{prose, "- Three vessels were sent on to Ostrel", prose}, 1, false},
		{"a line cut by extraction", []string{prose, "Celebrations will be held in each of the", "towns along the coast.", prose}, 1, false},
		{"broken off with a dash", []string{prose, "HARBOUR MASTER: They come from the board, and I suppose --", prose}, 1, false},
		{"leading to a formula", []string{prose, "The toll can then be written as", prose}, 1, false},
		{"too short", []string{prose, "Read on", prose}, 1, false},
		{"ends with a mark", []string{prose, "Ferry operators brace for delays.", prose}, 1, false},
		{"opens in lower case", []string{prose, "ferry operators brace for a summer of delays", prose}, 1, false},
		{"too long", []string{prose, strings.Repeat("Ferry operators brace for delays ", 5), prose}, 1, false},
	} {
		if got := teaserParagraph(tc.paras, tc.j); got != tc.want {
			t.Errorf("%s: teaserParagraph = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// FuzzTeaserParagraph checks that any text split into paragraphs is read
// without a panic, and that a paragraph ending with a sentence's mark is
// never taken for a headline.
func FuzzTeaserParagraph(f *testing.F) {
	f.Add("The board met on Monday.\n\nFerry operators brace for delays\n\nThe union agreed.")
	f.Add("\u201c\n\n-\n\n\u0964")
	f.Fuzz(func(t *testing.T, s string) {
		ps := news.Article{Text: s}.Paragraphs()
		for j, p := range ps {
			if teaserParagraph(ps, j) && endsWithMark(p) {
				t.Errorf("paragraph %q ends with a mark but reads as a headline", p)
			}
		}
	})
}
