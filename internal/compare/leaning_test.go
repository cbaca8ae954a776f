package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// A harbour bill told by two outlets. The wire's sentences after the vote
// lean on the one before: "It doubles ..." on the vote, a shared fact;
// "But on Thursday, ..." on its connective only; "This ..." on the
// wire's own claim before it. Each is listed, never bare, and none
// vanishes.
var (
	billWire = news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC),
		Text: "The Halden city council passed the harbour levy bill on Tuesday by 30 votes to 12.\n\n" +
			"It doubles the fee that visiting cruise ships pay for each night at the northern quay.\n\n" +
			"The fishing cooperative had asked the council to exempt boats under twelve metres from every charge.\n\n" +
			"This request was turned down without a vote after a short debate among the members.\n\n" +
			"But on Thursday, the mayor of Halden vetoed the harbour levy bill, calling it a tax on tourism."}
	billGazette = news.Article{ID: "gazette", Source: "Halden Gazette", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Text: "Halden's city council passed the harbour levy bill on Tuesday, 30 votes to 12.\n\n" +
			"Ferry operators said they would raise ticket prices for the summer season."}
)

func TestLeaningSentencesAreListedWithWhatTheyLeanOn(t *testing.T) {
	c, fates := compareSentences([]news.Article{billWire, billGazette})
	if !hasFact(c.Facts, "harbour levy bill on Tuesday", "wire", "gazette") {
		t.Fatalf("the vote is not a shared fact: %+v", c.Facts)
	}
	all := slices.Clone(c.Unique["wire"])
	for _, p := range c.PartlyShared["wire"] {
		all = append(all, p.Text)
	}
	for _, want := range []string{
		// shown after the shared sentence it leans on, marked as context
		"[The Halden city council passed the harbour levy bill on Tuesday by 30 votes to 12.] It doubles the fee",
		// one claim with the wire's own sentence it leans on
		"The fishing cooperative had asked the council to exempt boats under twelve metres from every charge. This request was turned down",
		// read without its connective, the change marked
		"[O]n Thursday, the mayor of Halden vetoed the harbour levy bill",
	} {
		if !slices.ContainsFunc(all, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("wire's claims = %q, want one starting %q", all, want)
		}
	}
	for _, s := range all {
		for _, bare := range []string{"It ", "This ", "But "} {
			if strings.HasPrefix(s, bare) {
				t.Errorf("claim %q is listed bare", s)
			}
		}
	}
	for k, f := range fates {
		if f == fateLeans || f == fateFragment {
			t.Errorf("sentence %d vanished (%s)", k, f)
		}
	}
}

// A leaning sentence whose sentence before cannot be listed (a quotation
// left open) is not listed, and a chain longer than maxLeaningRun is cut.
func TestLeaningClaimsJoinOnlyListableUnits(t *testing.T) {
	sents := []sentenceRef{{article: 0, text: "a"}, {article: 0, text: "b"}, {article: 0, text: "c"}, {article: 0, text: "d"}, {article: 1, text: "e"}}
	units := []claimUnit{
		{start: 0, end: 0, claim: "A.", shown: "A.", f: fateOwn},
		{start: 1, end: 1, claim: "It b.", shown: "It b.", f: fateLeans},
		{start: 2, end: 2, claim: "It c.", shown: "It c.", f: fateLeans},
		{start: 3, end: 3, claim: "It d.", shown: "It d.", f: fateLeans}, // a fourth sentence: too long a chain
		{start: 4, end: 4, claim: "It e.", shown: "It e.", f: fateLeans}, // another article's first sentence
	}
	got := leaningClaims(units, sents)
	if len(got) != 3 || got[0].shown != "A. It b. It c." || got[0].end != 2 || got[1].f != fateLeans || got[2].f != fateLeans {
		t.Errorf("leaningClaims = %+v, want A with its two leaning sentences, the rest unlisted", got)
	}
	units = []claimUnit{
		{start: 0, end: 0, claim: "“We will not go back.", f: fateQuoteOpen},
		{start: 1, end: 1, claim: "It b.", shown: "It b.", f: fateLeans},
	}
	if got := leaningClaims(units, sents); got[1].f != fateLeans {
		t.Errorf("a sentence leaning on a quotation left open = %+v, want it unlisted", got[1])
	}
}

func TestWithoutConnective(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"But on Thursday, the mayor vetoed the bill.", "on Thursday, the mayor vetoed the bill."},
		{"And, after a vote, the bill passed.", "after a vote, the bill passed."},
		{"Also on Thursday, the mayor resigned.", "on Thursday, the mayor resigned."},
		{"But\u00a0on Thursday, the mayor vetoed the bill.", "on Thursday, the mayor vetoed the bill."}, // a no-break space after the connective
		{"But most of them dealt with foreign crises.", ""},                                             // leans on more than its connective
		{"It doubles the fee.", ""},
	} {
		if got, _ := withoutConnective(tc.in); got != tc.want {
			t.Errorf("withoutConnective(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A chain that follows a shared sentence counts that sentence, shown as
// context, among its maxLeaningRun sentences: "[S] It b. It c." is three,
// and a fourth leaning sentence is left out.
func TestLeaningChainAfterContextCountsTheContext(t *testing.T) {
	sents := []sentenceRef{{article: 0, text: "S."}, {article: 0, text: "It b."}, {article: 0, text: "It c."}, {article: 0, text: "It d."}}
	units := []claimUnit{
		{start: 0, end: 0, claim: "S.", f: fateShared},
		{start: 1, end: 1, claim: "It b.", shown: "It b.", f: fateLeans},
		{start: 2, end: 2, claim: "It c.", shown: "It c.", f: fateUnresolved},
		{start: 3, end: 3, claim: "It d.", shown: "It d.", f: fateLeans},
	}
	got := leaningClaims(units, sents)
	if len(got) != 3 || got[1].shown != "[S.] It b. It c." || got[1].claim != "It b. It c." || got[1].start != 1 || got[1].end != 2 || got[2].f != fateLeans {
		t.Errorf("leaningClaims = %+v, want [S.] with two leaning sentences, the third left out", got)
	}
}
