package compare

import "testing"

// TestInTheWordsOfNamesTheSpeaker checks that `"...," in the words of X`
// after a quote gives the words to X (session 37, s37-quote2), not to the
// subject of the sentence the quote sits in, nor to no one; a phrase that
// names no one keeps the reading it had before. The articles are written
// for the test.
func TestInTheWordsOfNamesTheSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a name right after the phrase",
			"Ada Marsh met him. The club met on Monday.\n\n\"We chose the younger coach,\" in the words of Tomas Brandt.",
			[]string{"Tomas Brandt"}},
		{"a name and its apposition, inside a sentence with another subject",
			"The ministry argues that the levy \"serves no purpose at all,\" in the words of Tomas Brandt, the lawyer for the growers.",
			[]string{"Tomas Brandt"}},
		{"a described body",
			"Ada Marsh lost the appeal. She said the levy was fair, but it \"serves no purpose at all,\" in the words of the court.",
			[]string{"the court"}},
	})
}

// TestTitleWordSurnameNamesTheSpeaker checks that a subject of one
// capitalised title word ("King said", "Bishop told") is the person the
// article names in full with that surname (session 37, s37-quote2), as a
// month's name is ("May said"), and still no one when nobody has that
// surname. The articles are written for the test.
func TestTitleWordSurnameNamesTheSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"King as a surname, glued to the closing mark",
			"Walter King runs the club. The club met on Monday, King said.\n\n\"We chose the younger coach,\"King said.",
			[]string{"Walter King"}},
		{"Bishop as a surname, after a space",
			"The council hired Ada Bishop in May.\n\n\"The budget is tight this year,\" Bishop told reporters.",
			[]string{"Ada Bishop"}},
		{"no one of that surname",
			"The council met in May.\n\n\"The budget is tight this year,\" Bishop told reporters.",
			[]string{""}},
	})
}
