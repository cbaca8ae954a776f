package compare

import "testing"

// TestOccupationBeforeNameIsNoPartOfSpeaker checks afterOccupation (s31-q2):
// an occupation written in capitals before a full name, at a sentence's
// start or after a title, is cut from the person's name, so the speaker is
// the name alone; a surname alone after the occupation, and an occupation
// that is a surname after a first name, are left whole. The articles are
// written for the test.
func TestOccupationBeforeNameIsNoPartOfSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an occupation opens the sentence",
			`Billionaire Tomas Brandt said on Monday he would "spend whatever it takes" to win the seat.`,
			[]string{"Tomas Brandt"}},
		{"an occupation after a title inside an organisation's run",
			`"We found no flaw in the vault at any branch," according to Calder Bank Chief Executive Robert Olsen.`,
			[]string{"Robert Olsen"}},
		{"an occupation after a title",
			`"No more warrants are pending against the general," Deputy Prosecutor Graham Holt told reporters.`,
			[]string{"Graham Holt"}},
		{"an occupation that is a surname after a first name",
			`"I will not resign from the faculty this year," said Peter Singer, the professor.`,
			[]string{"Peter Singer"}},
	})
}
