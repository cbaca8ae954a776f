package compare

import "testing"

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
