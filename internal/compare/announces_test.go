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

// Review s34-erev: s34-ent's group rule made more one-word names
// organisations, and three quotes lost their right speaker or gained a
// wrong one where such an organisation now stood in the sentence. The
// causes were in the quote code and held for any organisation; these
// articles are written for the test.

// TestAnnouncerAfterOpeningPhraseAndEmployer: a paragraph that opens with
// a time phrase and a comma, then an organisation's spokesman, announces
// the spokesman's quote in the next paragraph (the comma right before the
// organisation was trimmed away before it was looked for, and the
// organisation, not its spokesman, was taken as the announcer).
func TestAnnouncerAfterOpeningPhraseAndEmployer(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"spokesman of a one-word firm after a time phrase",
			"In a statement Saturday afternoon, Acme spokesman Tomas Brandt defended the company's report.\n" +
				"“As we have checked our reporting again, we have seen no sign that any part of our story is wrong.\n" +
				"We remain confident in what we reported, and will share more as we can,\" he said.",
			[]string{"Tomas Brandt"}},
	})
}
