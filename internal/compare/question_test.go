package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestIsQuestion(t *testing.T) {
	for _, c := range []struct {
		s       string
		inQuote bool
		want    bool
	}{
		{"Can anyone imagine a worse start to the shipping season?", false, true},
		{"What happens next?", false, true},
		{"The board has one question left: who pays for the waiting ships?", false, true},
		{`“Then the rota breaks every contract” of the port?`, false, true},                        // the quotation closes before the question mark
		{`The union's leader asked reporters, “Why should a night shift pay less?”`, false, false}, // the speaker's question, attributed
		{`“Why should a night shift pay less?” the union's leader asked.`, false, false},
		{`“We asked for talks. Why would the board refuse?`, false, false},                                                            // a quotation left open: the speaker's words
		{"and why would the board refuse?", true, false},                                                                              // inside a quotation an earlier sentence opened
		{"So why, the port director asked, does the rota need changing at all?", false, false},                                        // its asker named
		{"The union's leader from the northern quay asked the harbour board's chairman: Who pays for the night shift?", false, false}, // its asker named before a colon
		{"The harbour board announced the new rota for the northern quay at 10:30: who pays for the night shift?", false, true},
		{"The board met on Friday.", false, false},
	} {
		if got := isQuestion(c.s, c.inQuote); got != c.want {
			t.Errorf("isQuestion(%q, %v) = %v, want %v", c.s, c.inQuote, got, c.want)
		}
	}
}

// A dock strike told by two outlets. The wire asks a rhetorical question
// and leans a sentence on it; both ask the same headline-like question;
// the union's leader asks one in quotation marks.
var (
	docksWire = news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"Can anyone imagine a worse start to the shipping season for the northern quay?\n\n" +
			"It is a complaint the harbour board has heard from every shipping line since March.\n\n" +
			"What happens next for the forty container ships waiting outside the breakwater?\n\n" +
			"The union's leader, Mara Olsen, asked reporters, \"Why should a night shift pay less than a day shift?\""}
	docksGazette = news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"What happens next for the forty container ships waiting outside the breakwater?\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning."}
)

func TestQuestionsAreNoClaimsNorFacts(t *testing.T) {
	c, fates := compareSentences([]news.Article{docksWire, docksGazette})
	if !hasFact(c.Facts, "walked off the job on Monday", "wire", "gazette") {
		t.Fatalf("the walkout is not a shared fact: %+v", c.Facts)
	}
	for _, f := range c.Facts {
		if strings.Contains(f.Text, "What happens next") {
			t.Errorf("a question both outlets ask is a shared fact: %q", f.Text)
		}
	}
	var listed []string
	for _, id := range []string{"wire", "gazette"} {
		listed = append(listed, c.Unique[id]...)
		for _, p := range c.PartlyShared[id] {
			listed = append(listed, p.Text)
		}
	}
	for _, s := range listed {
		if strings.HasPrefix(s, "Can anyone") || strings.HasPrefix(s, "What happens next") {
			t.Errorf("question listed as a claim: %q", s)
		}
	}
	for _, want := range []string{
		// the sentence that leans on the question, with it as context only
		"[Can anyone imagine a worse start to the shipping season for the northern quay?] It is a complaint",
		// a quoted question with its speaker is her words, and stays
		"The union's leader, Mara Olsen, asked reporters",
	} {
		if !slices.ContainsFunc(listed, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("claims = %q, want one starting %q", listed, want)
		}
	}
	n := countFate(fates, fateQuestion)
	if n != 3 {
		t.Errorf("%d sentences are questions, want 3 (the wire's two, the gazette's one): %v", n, fates)
	}
}

func TestClaimBeforeQuestion(t *testing.T) {
	for _, c := range []struct {
		s       string
		inQuote bool
		want    string
	}{
		{"The harbour board faced one question on Monday evening: would the night shift go ahead?", false, "The harbour board faced one question on Monday evening"},
		{"So the question is this: who pays?", false, ""},                                                       // too short to stand alone
		{"Once the rota was announced in March, the question became: who pays for the night shift?", false, ""}, // the question is its complement
		{"And the board faced one question on Monday evening: would the ships sail?", false, ""},                // leans on the sentence before
		{"“The rota is final: who will work the night shift?” she asked the harbour board?", false, ""},         // the colon is inside a quotation
		{"The ships were due at 10:30 on Monday morning, were they not?", false, ""},                            // no colon before a question
		// the sentence starts inside a quotation, and the colon is in it
		{"The harbour board has broken every promise it made to the dock workers: the rota,” she said, so who pays for the night shift?", true, ""},
	} {
		got, ok := claimBeforeQuestion(c.s, c.inQuote)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("claimBeforeQuestion(%q, %v) = %q, %v, want %q", c.s, c.inQuote, got, ok, c.want)
		}
	}
}

// The statement before a colon is a claim of its own and is listed, cut
// at the colon; the question after it is not.
func TestStatementBeforeQuestionListed(t *testing.T) {
	wire := docksWire
	wire.Text += "\n\nThe harbour board faced one question on Monday evening: would the night shift go ahead at all?"
	c, fates := compareSentences([]news.Article{wire, docksGazette})
	want := "The harbour board faced one question on Monday evening …"
	if !slices.Contains(c.Unique["wire"], want) {
		t.Errorf("wire's own claims = %q, want %q", c.Unique["wire"], want)
	}
	for _, s := range c.Unique["wire"] {
		if strings.Contains(s, "would the night shift") {
			t.Errorf("the question after the colon is listed: %q", s)
		}
	}
	n := countFate(fates, fateQuestion)
	if n != 3 {
		t.Errorf("%d sentences are questions, want 3 (the statement's is its claim): %v", n, fates)
	}
}

// A sentence whose closest sentence in another article is a question is
// matched to the next closest, a statement: a question is neither
// matched nor a match (eachBestMatch).
func TestBestMatchSkipsQuestions(t *testing.T) {
	arts := []news.Article{
		{ID: "wire", Source: "Coast Wire", Text: "The harbour board will meet the union's negotiators on Friday morning to discuss the night rota."},
		{ID: "gazette", Source: "Varden Gazette", Text: "Will the harbour board meet the union's negotiators on Friday morning to discuss the night rota?\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday to discuss the rota."},
	}
	sents := sentencesOf(arts, true)
	pairScore := func(k, m int) float64 { return factScore(sents[k].prof, sents[m].prof) }
	var wireBest []string
	eachBestMatch(nil, sents, len(arts), pairScore, func(k, best int, _ float64) {
		if isQuestion(sents[k].text, sents[k].inQuote) || isQuestion(sents[best].text, sents[best].inQuote) {
			t.Errorf("a question is matched: %q with %q", sents[k].text, sents[best].text)
		}
		if sents[k].article == 0 {
			wireBest = append(wireBest, sents[best].text)
		}
	})
	if want := "The harbour board said it would meet the union's negotiators on Friday to discuss the rota."; !slices.Equal(wireBest, []string{want}) {
		t.Errorf("the wire's best match = %q, want %q", wireBest, want)
	}
}

func TestWithoutQuestionsLeavesItsInputAlone(t *testing.T) {
	question := []bool{false, true, false, true}
	candidates := []int{0, 1, 2, 3}
	got := withoutQuestions(candidates, question)
	got = append(got, 9) // must not write into candidates' backing array
	if !slices.Equal(got, []int{0, 2, 9}) || !slices.Equal(candidates, []int{0, 1, 2, 3}) {
		t.Errorf("withoutQuestions = %v, input now %v; want [0 2 9] and the input unchanged", got, candidates)
	}
	if none := []int{0, 2}; &withoutQuestions(none, question)[0] != &none[0] {
		t.Error("with no question among them, the candidates are not returned as they are")
	}
}

// countFate counts the sentences of the given fate.
func countFate(fates []fate, f fate) int {
	n := 0
	for _, g := range fates {
		if g == f {
			n++
		}
	}
	return n
}
