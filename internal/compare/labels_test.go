package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestSectionLabel(t *testing.T) {
	// The article writes these names inside its sentences.
	names := map[string]bool{"olsen": true, "varden": true, "harbour": true}
	for _, c := range []struct {
		s    string
		want string // "" when s keeps its opening
		ok   bool
	}{
		{"Why it matters: The rota cuts the night shift's pay by a fifth.", "The rota cuts the night shift's pay by a fifth.", true},
		{"The wider view: Three other ports changed their rotas this spring.", "Three other ports changed their rotas this spring.", true},
		{"Looking ahead: The board meets the union on Friday.", "The board meets the union on Friday.", true},
		{"Yes, but: Shipping lines say the old rota cost them ships.", "Shipping lines say the old rota cost them ships.", true},
		{"What they're saying: “We will not work nights for less,” a docker said.", "“We will not work nights for less,” a docker said.", true},
		{"CORRECTION: An earlier version misstated the strike's first day.", "An earlier version misstated the strike's first day.", true},
		{"Further reading:", "", true}, // a label alone: no claim
		{"Editor's note: The rota was first published in March.", "The rota was first published in March.", true}, // a possessive, no verb
		// not labels
		{"Here's the catch: The rota will end in May.", "", false},                                   // a contracted verb after a function word
		{"Dockers won't wait: The rota will end in May.", "", false},                                 // a contracted negation
		{"The board wants answers: The rota will end in May.", "", false},                            // a present form in -s between a noun and another word
		{"Mara Jensen: The rota ends in May, and we will strike.", "", false},                        // a first name and a surname: a speaker
		{"Olsen added: “We will not work nights for less.”", "", false},                              // a speaker's lead-in
		{"There was one problem: The board had not told the union.", "", false},                      // a clause of its own
		{"Olsen: We will not work nights for less.", "", false},                                      // a transcript's speaker, named elsewhere
		{"Harbour Master: The ships will wait outside.", "", false},                                  // a name the article writes inside a sentence
		{"Port spokesperson: “The rota is final.”", "", false},                                       // a quotation after a label with no question word (a person's noun too)
		{"The wider view: “The rota is final.”", "", false},                                          // a quotation after a label with no question word
		{"The ships were due at 10:30 on Monday.", "", false},                                        // a time
		{"The vote: 12-4 in favour of the rota.", "", false},                                         // a score
		{"The catch: a night shift paid a fifth less.", "", false},                                   // an apposition
		{"Ports changing rotas: Varden, Kessel and Oria.", "", false},                                // a list, no sentence
		{"The board of the port for the northern quays and its ships: It met on Friday.", "", false}, // too long for a label
		{"Union speaks at noon: The board will meet the negotiators on Friday.", "", false},          // a clause ("Union speaks")
		{"Union speaks: The board will meet the negotiators on Friday.", "", false},                  // a present in -s after the first word
		{"The head of the old port and the new quay: The board met on Friday.", "", false},           // more words than a label has
		{"and the wider view: Three other ports changed their rotas this spring.", "", false},        // no capital: not a sentence's opening
		{"The “wider” view: Three other ports changed their rotas this spring.", "", false},          // a quotation mark in it
		{"Update 2: The board met the union on Friday.", "", false},                                  // a figure in it
		{"Port desk\nUpdate: The board met the union on Friday.", "", false},                         // a line break: the colon opens no sentence
		// whose words follow, or a claim put up to be checked (attributesWhatFollows)
		{"CLAIM: The port never paid the night shift.", "", false},                                                             // a fact check's claim
		{"Myth: The night shift is paid more than the day shift.", "", false},                                                  // denied by the page
		{"The rumor: The board will sell the port.", "", false},                                                                // a claim's noun after a determiner
		{"TOVE BRANDT, HOST: The ships will wait outside the breakwater.", "", false},                                          // a transcript's speaker and role
		{"The senator: The ships will wait outside the breakwater.", "", false},                                                // a person's noun
		{"Witnesses: The ships waited outside for a week.", "", false},                                                         // a plural of one
		{"Me: The rota will end in May.", "", false},                                                                           // a pronoun
		{"A: The rota will end in May.", "", false},                                                                            // an interview's answer
		{"Word from the harbour desk: The rota was first published in March.", "The rota was first published in March.", true}, // the head comes before "from"
		{"About the author: Tove Brandt covers the port.", "Tove Brandt covers the port.", true},                               // a preposition's phrase names no speaker
		{"Target audience: Dockers on the night shift will read it.", "Dockers on the night shift will read it.", true},        // a collective heads a section
		{"TL;DR: The board met the union on Friday.", "The board met the union on Friday.", true},                              // no doctor ("dr")
	} {
		got, ok := sectionLabel(c.s, labelContext{names: names})
		if ok != c.ok || got != c.want {
			t.Errorf("sectionLabel(%q) = %q, %v, want %q, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}

// A colon is a label's only when a space or the sentence's end follows it:
// a time and an address have none.
func TestLabelColon(t *testing.T) {
	for s, want := range map[string]int{"At 10:30 the board met.": -1, "See https://varden.example/rota for it.": -1, "Update: The board met.": 6, "Go deeper:": 9} {
		if got := labelColon(s); got != want {
			t.Errorf("labelColon(%q) = %d, want %d", s, got, want)
		}
	}
}

// A label alone is no sentence of its article: nothing empty is compared.
func TestLabelAloneIsNoSentence(t *testing.T) {
	sents := sentencesOf([]news.Article{{ID: "a", Text: "The board met the union on Friday. Go deeper:"}}, false)
	if len(sents) != 1 || sents[0].text != "The board met the union on Friday." {
		var texts []string
		for _, s := range sents {
			texts = append(texts, s.text)
		}
		t.Errorf("sentences = %q, want the one before the label alone", texts)
	}
}

// A fact check writes the claim it checks after "CLAIM:": the claim is not
// the checker's, and is never listed without its label (as if the page said
// it), while the checker's own labelled verdict is.
func TestCheckedClaimKeepsItsLabel(t *testing.T) {
	check := news.Article{ID: "check", Source: "Quay Facts", Published: time.Date(2026, 4, 7, 8, 0, 0, 0, time.UTC),
		Text: "CLAIM: The port of Varden never paid its night shift a bonus. " +
			"Verdict: The port paid a night bonus every winter since 2019, its accounts show."}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Dock workers at Varden walked off the job on Monday.\n\nThe union says the port never paid its night shift a bonus."}
	c := Compare([]news.Article{check, gazette})
	listed := append([]string{}, c.Unique["check"]...)
	for _, f := range c.Facts {
		listed = append(listed, f.Text)
		for _, w := range f.Wordings {
			listed = append(listed, w.Text)
		}
	}
	for _, p := range c.PartlyShared["check"] {
		listed = append(listed, p.Text)
	}
	for _, s := range listed {
		if strings.HasPrefix(s, "The port of Varden never paid") {
			t.Errorf("the checked claim is listed without its label: %q", s)
		}
	}
	if !slices.Contains(listed, "The port paid a night bonus every winter since 2019, its accounts show.") {
		t.Errorf("the verdict is not listed without its label: %q", listed)
	}
}

func TestLabelInsideAQuotationStays(t *testing.T) {
	s := "Why it matters: The night shift is half the port's work.”"
	if got, ok := withoutLabel(s, true, labelContext{}); ok || got != s {
		t.Errorf("withoutLabel(%q, inQuote) = %q, %v, want it whole", s, got, ok)
	}
}

// A newsletter writes its section labels before its sentences: its claims
// are listed without them, a label alone is no claim, and a labelled
// sentence matches the other outlet's as the same fact.
func TestSectionLabelsOpenNoClaim(t *testing.T) {
	letter := news.Article{ID: "letter", Source: "Quay Letter", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota. " +
			"Why it matters: The forty container ships waiting outside the breakwater carry most of the region's winter grain. " +
			"The wider view: Three other northern ports changed their rotas this spring without a strike. " +
			"Go deeper:"}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"Forty container ships carrying most of the region's winter grain are waiting outside the breakwater.\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning."}
	c := Compare([]news.Article{letter, gazette})
	var listed []string
	for _, f := range c.Facts {
		listed = append(listed, f.Text)
		for _, w := range f.Wordings {
			listed = append(listed, w.Text)
		}
	}
	listed = append(listed, c.Unique["letter"]...)
	for _, p := range c.PartlyShared["letter"] {
		listed = append(listed, p.Text)
	}
	for _, s := range listed {
		if strings.Contains(s, "Why it matters") || strings.Contains(s, "The wider view") || strings.Contains(s, "Go deeper") {
			t.Errorf("a section label is listed: %q", s)
		}
	}
	if !slices.Contains(c.Unique["letter"], "Three other northern ports changed their rotas this spring without a strike.") {
		t.Errorf("the letter's own claims = %q, want the one after its label", c.Unique["letter"])
	}
}

func TestNamesWritten(t *testing.T) {
	got := namesWritten([][]string{
		{"Why it matters: Dockers say Mara Olsen speaks for them.", "Harbour rules changed."},
		{"UPDATE: The board met."},
	})
	for _, w := range []string{"mara", "olsen"} {
		if !got[w] {
			t.Errorf("namesWritten misses %q: %v", w, got)
		}
	}
	for _, w := range []string{"why", "dockers", "harbour", "update", "the"} {
		if got[w] {
			t.Errorf("namesWritten has %q, a sentence's or a label's first word: %v", w, got)
		}
	}
}

// claimsOf returns each sentence of an article with the claim the
// comparison reads in it (eachSentence).
func claimsOf(text string) map[string]string {
	out := map[string]string{}
	eachSentence(news.Article{ID: "a", Text: text}, func(raw, claim string, _, _ bool) { out[raw] = claim })
	return out
}

// A phrase before a colon that credits the words after it to a speaker or
// a source keeps its sentence: a noun the article has speak elsewhere
// ("according to police", "the report says"), a role noun alone
// ("Moderator:"); a heading's noun that speaks nowhere is still stripped.
func TestSpeakerCreditKeepsItsSentence(t *testing.T) {
	for _, c := range []struct {
		text, sentence string
		whole          bool
	}{
		{"Police: The driver fled north on foot.\n\nThe van was found near the quay, according to police.", "Police: The driver fled north on foot.", true},
		{"Report: The board will sell the port.\n\nThe report says the sale was agreed in March.", "Report: The board will sell the port.", true},
		{"Moderator: Each candidate has two minutes to answer.\n\nThe debate was held in Varden.", "Moderator: Each candidate has two minutes to answer.", true},
		{"Details: The board met on Friday.\n\nNo details of the vote were given.", "Details: The board met on Friday.", false},
		{"The state of play: The board met on Friday.\n\nThe state reports two more strikes.", "The state of play: The board met on Friday.", false},
		{"Report of the week: The board met on Friday.\n\nThe report says the sale was agreed.", "Report of the week: The board met on Friday.", false}, // a heading that names a report
	} {
		claim, ok := claimsOf(c.text)[c.sentence]
		if !ok {
			t.Fatalf("no sentence %q in %q", c.sentence, c.text)
		}
		if whole := claim == c.sentence; whole != c.whole {
			t.Errorf("%q: claim %q, want it whole: %v", c.sentence, claim, c.whole)
		}
	}
	for text, want := range map[string]bool{"the van was found, according to police.": true, "the report says it was agreed.": true,
		"said the moderator.": true, "police cars were parked.": false, "the state reports two strikes.": false, "finally said": false} {
		noun := ""
		for _, w := range []string{"police", "report", "moderator", "state", "finally"} {
			if strings.Contains(text, w) {
				noun = w
			}
		}
		if got := speaksInText(noun, text); got != want {
			t.Errorf("speaksInText(%q, %q) = %v, want %v", noun, text, got, want)
		}
	}
}

// An interview's turns keep their sentences: the interviewer's phrase, which
// asks in two of its turns or more and in half of them, and the phrase that
// answers it; a page's repeated headings, which seldom ask, are stripped.
func TestInterviewTurnsKeepTheirSentences(t *testing.T) {
	interview := "GAZETTE: Did the board ask you before the vote?\n\nKS: We asked them twice.\n\n" +
		"GAZETTE: Will you strike again?\n\nKS: Only if the rota stays as it is.\n\nGAZETTE: The board says the rota is final."
	for raw, claim := range claimsOf(interview) {
		if claim != raw {
			t.Errorf("a turn lost its speaker: %q -> %q", raw, claim)
		}
	}
	review := "Pros: The boat is light and fast.\n\nCons: The boat is hard to steer.\n\nPros: The mast is made of carbon.\n\nCons: Is it worth the price? Not for most.\n\n" +
		"NOTE: You must bring your card.\nCan I come later? Yes.\n\nNOTE: You will need a mask.\nMay I bring a friend? No.\n\n" + // a question on a line of its own
		"Our view: Why is it so dear?\n\nOur view: Why is it so slow?\n\n" + // not a name's or a role's capitals
		"TIP: You should check the hull. Is it dry?\n\nTIP: You can oil the mast.\n\nTIP: You must mend the sail. Is it torn?\n\nTIP: You should rinse the deck.\n\nTIP: You must dry the ropes." // asks in 2 of 5
	for raw, claim := range claimsOf(review) {
		if claim == raw && labelColon(raw) > 0 {
			t.Errorf("a heading was kept: %q", raw)
		}
	}
}
