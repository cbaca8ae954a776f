package compare

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A line that ends with a colon introduces what follows it ("... said in a
// statement Monday:"): it is listed among an article's own claims, but
// after every claim that holds what it says, with a score of 0, so that it
// is folded away before them.
func TestLineAnnouncingWhatFollowsRanksLast(t *testing.T) {
	lead := "The Ostrava water board closed the Vltice reservoir on Tuesday after tests found algae in the intake."
	intro := "Board spokeswoman Hana Liskova addressed the closure in a long written statement on Wednesday evening:"
	a := news.Article{ID: "a", Text: lead + "\n\n" +
		"Engineers had warned in March that warm weather would feed the bloom.\n\n" +
		"Farmers upstream were asked to stop spreading fertiliser until June.\n\n" +
		intro + "\n\n" +
		"“We will reopen the reservoir as soon as the water is safe,” Liskova said."}
	b := news.Article{ID: "b", Text: "The water board shut the Vltice reservoir on Tuesday because tests found algae in the intake."}
	c := Compare([]news.Article{a, b})
	own, scores := c.Unique["a"], c.UniqueScores["a"]
	i := slices.Index(own, intro)
	if i < 0 {
		t.Fatalf("unique = %q, want the introducing line listed", own)
	}
	if i != len(own)-1 || scores[i] != 0 {
		t.Errorf("unique = %q (scores %v), want the introducing line last with score 0", own, scores)
	}
	for _, s := range own[:i] {
		if announcesWhatFollows(s) {
			t.Errorf("%q ends with a colon but ranks before the introducing line", s)
		}
	}
}

func TestAnnouncesWhatFollows(t *testing.T) {
	for s, want := range map[string]bool{
		"Read the full story via the Gazette:":                         true,
		"The mayor responded in a statement on Friday afternoon:  ":    true,
		"The mayor said the bridge would reopen: in May, not in June.": false,
		"There was one problem: the bridge had never been inspected.":  false,
		"“We will reopen,” Liskova said.":                              false,
	} {
		if got := announcesWhatFollows(s); got != want {
			t.Errorf("announcesWhatFollows(%q) = %v, want %v", s, got, want)
		}
	}
}
