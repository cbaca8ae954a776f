package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A page that prints a paragraph twice (a pull quote, a block its template
// repeats) states it once: its "only in" list gives the claim once, with
// one score.
func TestRepeatedParagraphListedOnce(t *testing.T) {
	repeated := "Brandvold ran the Fenwick container terminal for eight years and cut its queues by 40 percent."
	a := news.Article{ID: "a", Text: "The Calder Harbour Authority has appointed Teodor Brandvold as its chief executive.\n\n" +
		repeated + "\n\n" +
		"The authority's board met in the old customs house to vote on the appointment.\n\n" +
		repeated}
	b := news.Article{ID: "b", Text: "Teodor Brandvold has been named chief executive of the Calder Harbour Authority."}
	c := Compare([]news.Article{a, b})
	n := 0
	for _, s := range c.Unique["a"] {
		if s == repeated {
			n++
		}
	}
	if n != 1 || len(c.Unique["a"]) != len(c.UniqueScores["a"]) {
		t.Errorf("unique = %q (scores %v), want the repeated paragraph once", c.Unique["a"], c.UniqueScores["a"])
	}
}
