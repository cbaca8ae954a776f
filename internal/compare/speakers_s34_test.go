package compare

import "testing"

// TestQuotedAsSayingIsThePersonQuoted checks that `"...," <source> quoted
// <someone> as saying` gives the words to the person quoted, not to the
// agency, newspaper or broadcaster that reports them (session 34,
// s34-quote), and no one when the object names no one; a passive "was
// quoted as saying" keeps its subject. The articles are written for the
// test.
func TestQuotedAsSayingIsThePersonQuoted(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an agency quotes a named person",
			"Talks stalled on Sunday.\n\n\"The freeze cannot be accepted,\" the Calder News Agency quoted Tomas Brandt as saying.",
			[]string{"Tomas Brandt"}},
		{"a newspaper quotes a person with an apposition",
			"The swimmers trained in Dover.\n\n\"We are weaker in the backstroke,\" the newspaper quoted Ada Marsh, the team's head coach, as saying.",
			[]string{"Ada Marsh"}},
		{"a broadcaster quotes him, named before",
			"Tomas Brandt said the border would stay shut.\n\n\"There is a limit to our patience,\" Calder Radio quoted him as saying. \"Then we will act.\"",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"a day between the pronoun and as",
			"Ada Marsh spoke to reporters in the capital.\n\n\"We are not interested in a fight,\" the radio quoted her Sunday as saying.",
			[]string{"Ada Marsh"}},
		{"the object names no one",
			"Rivers rose again in the north.\n\n\"The worst is still coming,\" the Calder Daily quoted unidentified officials as saying.",
			[]string{""}},
		{"a passive keeps its subject",
			"Rivers rose again in the north.\n\n\"The worst is still coming,\" Tomas Brandt was quoted as saying by the Calder Daily.",
			[]string{"Tomas Brandt"}},
		{"quoted without as is no attribution to the object",
			"Rivers rose again in the north.\n\n\"The worst is still coming,\" Tomas Brandt quoted from the report.",
			[]string{"Tomas Brandt"}},
	})
}

// TestPeoplesWordIsNoName checks that "the Serb said", "the Frenchman
// said" give no speaker named "Serb" (bareSpeaker read the capitalised
// word as a name), the person the article writes the word before ("Spaniard
// Rafael Ortiz") when there is one, and that a party's word is read as a
// description (the person who opens the sentence before), while "Welsh
// said" (no "the": a surname) and plurals ("The Calderians said") are as
// before (session 34, s34-quote). The articles are written for the test.
func TestPeoplesWordIsNoName(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a people's word, no one so described",
			"Tomas Brandt beat Omar Kaplan 6-1 6-2 on Thursday.\n\n\"I feel good,\" the Serb said.",
			[]string{""}},
		{"a people's word the lexicon lacks",
			"Tomas Brandt played for half an hour on Saturday.\n\n\"This is one of the biggest clubs in the world,\" said the Frenchman.",
			[]string{""}},
		{"the person written after the word",
			"Omar Kaplan lost to Spaniard Rafael Ortiz in Dover on Monday.\n\n\"His defeat takes something out of the tournament,\" the Spaniard said.",
			[]string{"Rafael Ortiz"}},
		{"the person with the word in apposition",
			"Rafael Ortiz, the Spaniard, beat Omar Kaplan in Dover on Monday.\n\n\"His defeat takes something out of the tournament,\" the Spaniard said.",
			[]string{"Rafael Ortiz"}},
		{"a party's word is a description",
			"In Washington, Senate committee chairman Tomas Brandt said the aid should wait.\n\n\"I do not have a lot of confidence in them,\" the Democrat told reporters.",
			[]string{"Tomas Brandt"}},
		{"a surname that is a people's word",
			"Dana Welsh organised the rally in Dover.\n\n\"The bill was shoved down our throats,\" Welsh said.",
			[]string{"Dana Welsh"}},
	})
}

// TestInchMarkOpensNoQuote checks that a straight double quote right after
// a digit is a measure's mark (`a 15.4" laptop`, `the 6'5" forward`), not
// a quotation's opening, so the words after it are no quote and the
// quotation after it pairs right (session 34, s34-quote), while a closing
// mark after a digit still closes. The articles are written for the test.
func TestInchMarkOpensNoQuote(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"a screen size", "Other deals:\n\n15.4\" Calder laptop with 8GB of memory for $2,059 at Dover Electronics.", nil},
		{"a height before a quotation", "Before the final, Tomas Brandt said that the rangy 6'5\" sprinter was \"not unbeatable at all.\"",
			[]string{"not unbeatable at all."}},
		{"a closing mark after a digit", "Ada Marsh said the plant \"closed in 1999\" and never opened again.",
			[]string{"closed in 1999"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range Quotes(tc.text) {
				got = append(got, q.Text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("quotes = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}
