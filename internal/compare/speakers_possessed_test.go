package compare

import "testing"

// TestSpeakerNamedAfterAPossessive checks that a person named in an
// apposition after another person's possessive and a noun ("Marsh's
// lawyer, Tomas Brandt,", "Marsh's employer, Acme Corp,") is the speaker,
// not the possessor. The articles are written for the test.
func TestSpeakerNamedAfterAPossessive(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a lawyer named after the possessive, the quote first",
			"Ada Marsh is running for mayor. “The case has no merit,” Marsh's lawyer, Tomas Brandt, said.",
			[]string{"Tomas Brandt"}},
		{"two lower-case words, a curly apostrophe and a title",
			"Ada Marsh is running for mayor. “We are confident,” Marsh’s campaign manager, Dr. Lena Oduya, said on Monday.",
			[]string{"Lena Oduya"}},
		{"an organisation named after the possessive",
			"Ada Marsh is running for mayor. “We stand by her,” Marsh's employer, Acme Corp, said in a statement.",
			[]string{"Acme Corp"}},
	})
}
