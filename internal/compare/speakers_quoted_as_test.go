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

// TestQuotedPronounWithAnAdverbial checks that "<source> quoted him/her
// <adverbial> as saying" and "quoted her as having said" give the words to
// the person the pronoun stands for, while "quoted her husband as saying"
// stays no one (review s34-qrev). The articles are written for the test.
func TestQuotedPronounWithAnAdverbial(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a prepositional phrase after her",
			"Tomas Brandt met Ada Marsh in Dover on Monday.\n\n\"We disagree on almost everything,\" the Calder Daily quoted her in an interview as saying.",
			[]string{"Ada Marsh"}},
		{"a day after a preposition",
			"Tomas Brandt met Ada Marsh in Dover on Monday.\n\n\"We disagree on almost everything,\" the Calder Daily quoted her on Tuesday as saying.",
			[]string{"Ada Marsh"}},
		{"a time phrase after him",
			"Ada Marsh met Tomas Brandt in Dover on Monday.\n\n\"We disagree on almost everything,\" the paper quoted him last week as saying.",
			[]string{"Tomas Brandt"}},
		{"as having said",
			"Tomas Brandt met Ada Marsh in Dover on Monday.\n\n\"We disagree on almost everything,\" the radio quoted her as having said after the meeting.",
			[]string{"Ada Marsh"}},
		{"a noun of hers",
			"Tomas Brandt met Ada Marsh in Dover on Monday.\n\n\"We disagree on almost everything,\" the Calder Daily quoted her late husband as saying.",
			[]string{""}},
	})
}
