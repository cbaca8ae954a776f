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
	got := leaningClaims(units, sents, nil)
	if len(got) != 3 || got[0].shown != "A. It b. It c." || got[0].end != 2 || got[1].f != fateLeans || got[2].f != fateLeans {
		t.Errorf("leaningClaims = %+v, want A with its two leaning sentences, the rest unlisted", got)
	}
	// a unit built without its parts ranks by each claim joined alone, not by the claim grown with them
	if len(got) > 0 && !slices.Equal(got[0].parts, []string{"A.", "It b.", "It c."}) {
		t.Errorf("joined parts = %q, want each claim alone", got[0].parts)
	}
	units = []claimUnit{
		{start: 0, end: 0, claim: "“We will not go back.", f: fateQuoteOpen},
		{start: 1, end: 1, claim: "It b.", shown: "It b.", f: fateLeans},
	}
	if got := leaningClaims(units, sents, nil); got[1].f != fateLeans {
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
	const shared = "The council passed the levy bill."
	sents := []sentenceRef{{article: 0, text: shared}, {article: 0, text: "It b."}, {article: 0, text: "It c."}, {article: 0, text: "It d."}}
	units := []claimUnit{
		{start: 0, end: 0, claim: shared, f: fateShared},
		{start: 1, end: 1, claim: "It b.", shown: "It b.", f: fateLeans},
		{start: 2, end: 2, claim: "It c.", shown: "It c.", f: fateUnresolved},
		{start: 3, end: 3, claim: "It d.", shown: "It d.", f: fateLeans},
	}
	got := leaningClaims(units, sents, nil)
	if len(got) != 3 || got[1].shown != "["+shared+"] It b. It c." || got[1].claim != "It b. It c." || got[1].start != 1 || got[1].end != 2 || got[2].f != fateLeans {
		t.Errorf("leaningClaims = %+v, want [S.] with two leaning sentences, the third left out", got)
	}
}

// The context shown before a leaning sentence is a clean one: never the
// tail of a quotation nor a sentence that leans itself, and cut to its
// main clause before an apposition, an -ing phrase or an attribution when
// the leaning word stands for a noun ("It", "They", "But"); whole when it
// stands for all the sentence says ("That").
func TestContextBeforeIsCleanAndShort(t *testing.T) {
	for _, tc := range []struct {
		before  sentenceRef
		leaning string
		want    string // "" when no clean context
	}{
		// a quotation's tail, which an earlier sentence opened
		{sentenceRef{text: "I will not sign it this year.”", inQuote: true}, "He walked back the remark on Friday.", ""},
		// a sentence that leaves a quotation open
		{sentenceRef{text: "“The levy is a tax on tourism, and we will fight it."}, "It passed anyway.", ""},
		// a context that leans itself
		{sentenceRef{text: "That money includes $600 million from the harbour fund."}, "That money has been called easy money.", ""},
		// a context whose subject is a pronoun: it names no one
		{sentenceRef{text: "He said the harbour office had checked every quay before the storm."}, "It found no damage.", ""},
		// an apposition after the main clause
		{sentenceRef{text: "The port handled 943,000 containers in July and the waiting time fell to two days — a record for the quay — the harbour office said."},
			"It was the busiest month since 2019.", "The port handled 943,000 containers in July and the waiting time fell to two days …"},
		// an -ing phrase
		{sentenceRef{text: "Fishermen gathered outside the council hall on Wednesday, calling for the mayor to step aside."},
			"They said he could no longer be fair.", "Fishermen gathered outside the council hall on Wednesday …"},
		// an attribution is not cut from its quotation's verb
		{sentenceRef{text: "“The figures are not accurate,” Ola Berg, a spokesman for the harbour office, said."},
			"It did not say which figures.", "“The figures are not accurate,” Ola Berg, a spokesman for the harbour office, said."},
		// a comma inside a clause is no end of the main clause
		{sentenceRef{text: "The harbour vote is taking place in the shadow of a scandal that, according to the candidates, is hurting turnout."},
			"But this time the issue is the fees.", "The harbour vote is taking place in the shadow of a scandal that, according to the candidates, is hurting turnout."},
		// nor one after which the clause goes on without an auxiliary
		{sentenceRef{text: "The ferry docked at the pier where, according to the harbour log, the crew changed shifts."},
			"It left again at noon.", "The ferry docked at the pier where, according to the harbour log, the crew changed shifts."},
		// an apposition inside the main clause, which goes on after it
		{sentenceRef{text: "Officials said that neither the police nor the harbour office, an agency that checks the quays, is investigating the fire."},
			"They declined to say more.", "Officials said that neither the police nor the harbour office, an agency that checks the quays, is investigating the fire."},
		// "That" stands for all the sentence says
		{sentenceRef{text: "Fishermen gathered outside the council hall on Wednesday, calling for the mayor to step aside."},
			"That call went unanswered.", "Fishermen gathered outside the council hall on Wednesday, calling for the mayor to step aside."},
		// a quotation opening with a conjunction is whole: its words are the speaker's
		{sentenceRef{text: "“While I planned to serve out my term, it is time to go,” the mayor said in a statement, thanking his staff."},
			"It was known for years that the council disliked him.", "“While I planned to serve out my term, it is time to go,” the mayor said in a statement …"},
		// a long part with a verb of saying is a second claim, no attribution
		{sentenceRef{text: "The harbour board met the union's negotiators on Friday morning, and its chairman said the talks on the night rota would resume next week."},
			"It was their first meeting since March.", "The harbour board met the union's negotiators on Friday morning, and its chairman said the talks on the night rota would resume next week."},
		// a contrast after "while" is a claim of its own, not cut away
		{sentenceRef{text: "The harbour board raised the mooring fees on Monday, while the fishermen's wages fell for a third year."},
			"It was the second rise since spring.", "The harbour board raised the mooring fees on Monday, while the fishermen's wages fell for a third year."},
		// nor a list that goes on with "as well as"
		{sentenceRef{text: "The harbour board raised the mooring fees on Monday, as well as the pilot charges for every ferry."},
			"It was the second rise since spring.", "The harbour board raised the mooring fees on Monday, as well as the pilot charges for every ferry."},
		// a participle that is also a noun ("meeting") opens an -ing phrase
		{sentenceRef{text: "The mayor arrived at the harbour on Wednesday, meeting with fishermen and the port's pilots."},
			"It was his first visit since the storm.", "The mayor arrived at the harbour on Wednesday …"},
	} {
		got, ok := contextBefore(tc.before, tc.leaning)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("contextBefore(%q) = %q, %v; want %q", tc.before.text, got, ok, tc.want)
		}
	}
}

// A leaning sentence after a quotation's tail that is a shared fact's is
// not listed with the tail bracketed as its context.
func TestLeaningAfterQuotationTailIsNotBracketed(t *testing.T) {
	sents := []sentenceRef{{article: 0, text: "“We will not pay for it.", inQuote: false}, {article: 0, text: "I am not saying that I will sign it.”", inQuote: true},
		{article: 0, text: "He walked back his remarks later that day."}}
	units := []claimUnit{
		{start: 0, end: 0, claim: sents[0].text, f: fateQuoteOpen},
		{start: 1, end: 1, claim: sents[1].text, f: fateShared},
		{start: 2, end: 2, claim: sents[2].text, shown: sents[2].text, f: fateUnresolved},
	}
	got := leaningClaims(units, sents, nil)
	if got[2].context || got[2].f != fateUnresolved {
		t.Errorf("leaningClaims = %+v, want the last sentence unlisted, not bracketed after a quotation's tail", got[2])
	}
}

// A leaning sentence that another article nearly states is not joined to a
// claim before it that none does: it is listed apart after its context, so
// that the claim before stays its article's own.
func TestMatchedLeaningSentenceIsListedApart(t *testing.T) {
	sents := []sentenceRef{{article: 0, text: "The fishing cooperative asked the council to exempt small boats."},
		{article: 0, text: "It has virtually no chance of passing the council."}, {article: 0, text: "It would cost the harbour little."}}
	units := []claimUnit{
		{start: 0, end: 0, claim: sents[0].text, shown: sents[0].text, f: fateOwn},
		{start: 1, end: 1, claim: sents[1].text, shown: sents[1].text, f: fateLeans},
		{start: 2, end: 2, claim: sents[2].text, shown: sents[2].text, f: fateLeans},
	}
	got := leaningClaims(units, sents, []bool{false, true, false})
	if len(got) != 2 || got[0].shown != sents[0].text || got[0].end != 0 ||
		!got[1].context || got[1].shown != "["+sents[0].text+"] "+sents[1].text+" "+sents[2].text {
		t.Errorf("leaningClaims = %+v, want the claim alone, then the matched sentence (with the one leaning on it) after it as context", got)
	}
	// unmatched, it is joined as before
	got = leaningClaims(units, sents, []bool{false, false, false})
	if len(got) != 1 || got[0].end != 2 {
		t.Errorf("leaningClaims = %+v, want one claim of three sentences", got)
	}
}

// A claim joined of a sentence and the one that leans on it ranks as its
// best sentence would alone, not as their sum: a single claim that adds
// more than either of them comes first.
func TestJoinedClaimRanksByItsBestSentence(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC),
		Text: "Halden's city council passed the harbour levy bill on Tuesday by 30 votes to 12.\n\n" +
			"The harbour master fined a trawler for dumping old nets off Skarvik.\n\n" +
			"The ferry company repainted its oldest vessel during the quiet winter months.\n\n" +
			"It also replaced both engines and widened the upper passenger deck."}
	gazette := news.Article{ID: "gazette", Source: "Halden Gazette", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Text: "Halden's city council passed the harbour levy bill on Tuesday, 30 votes to 12.\n\n" +
			"Ferry operators said they would raise ticket prices for the summer season."}
	c, _ := compareSentences([]news.Article{wire, gazette})
	own := c.Unique["wire"]
	t.Logf("%q %v", own, c.UniqueScores["wire"])
	if len(own) < 2 || !strings.HasPrefix(own[0], "The harbour master fined") || !strings.HasPrefix(own[1], "The ferry company repainted its oldest vessel during the quiet winter months. It also replaced") {
		t.Errorf("wire's own claims = %q (scores %v), want the fine first, then the joined claim", own, c.UniqueScores["wire"])
	}
}
