package compare

import "testing"

// TestPeoplesWordPluralAndCollective checks the review of session 34's
// people's-word rule (s34-qrev): a plural the name lexicon lists ("say the
// Americans") and a collective word with no one written with it ("the
// Chinese said" after talks) keep the people as the speaker, as before
// session 34; a collective word written with a person ("lost to Japanese
// Naomi Sato") is that person; a party's word is the person the article
// writes with it before the description path's guess; an organisation the
// recogniser made of the word itself is no speaker. The articles are
// written for the test.
func TestPeoplesWordPluralAndCollective(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a plural the lexicon lists",
			"Officials in Washington met the envoy on Monday.\n\n\"People there know what is happening in the region,\" say the Americans.",
			[]string{"Americans"}},
		{"a collective word, no one written with it",
			"Delegations from Calder and Dover met in Geneva on Monday.\n\n\"We will not accept these tariffs,\" the Chinese said in a statement.",
			[]string{"Chinese"}},
		{"a collective word written with a person",
			"Ada Marsh lost to Japanese Naomi Sato in Dover on Monday.\n\n\"I felt calm all match,\" the Japanese said.",
			[]string{"Naomi Sato"}},
		{"a party's word written with a person",
			"Republican Tomas Brandt and Democrat Ada Marsh debated on Tuesday. Marsh spoke first.\n\n\"It is a good bill,\" the Republican said.",
			[]string{"Tomas Brandt"}},
		{"a singular people's word the recogniser made an organisation",
			"Ada Marsh met the Calderian prime minister, Tomas Brandt, on Monday.\n\n\"We agreed on most points,\" the Dutchman said.",
			[]string{""}},
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
