package compare

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A pronoun after a sentence whose subject is two people joined by "and"
// ("President Donald Trump and Prime Minister Theresa May ... She was")
// stands for the one of its gender, not for someone named further back.
func TestPronounAfterTwoPeopleJoinedByAnd(t *testing.T) {
	a := news.Article{ID: "a", Text: "Ines Dorn, the director of the Velmar harbour trust, said protests were planned. " +
		"\"We will be heard,\" she said.\n\n" +
		"Mayor Tomas Brandt and Governor Alma Reyes at the harbour in 2017. " +
		"She was the first governor to visit the harbour after the flood.\n\n" +
		"The trust hopes for new funds."}
	b := news.Article{ID: "b", Text: "The Velmar harbour trust met on Thursday to plan its protests."}
	c := Compare([]news.Article{a, b})
	var got string
	claims := c.Unique["a"]
	for _, p := range c.PartlyShared["a"] {
		claims = append(claims, p.Text)
	}
	for _, s := range claims {
		if strings.Contains(s, "first governor") {
			got = s
		}
	}
	if !strings.HasPrefix(got, "[Alma Reyes]") {
		t.Errorf("claim = %q, want it to name Alma Reyes (claims %q)", got, claims)
	}
}
