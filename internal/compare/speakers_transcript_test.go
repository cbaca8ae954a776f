package compare

import "testing"

// TestSpeakersOfATranscript checks that a quoted transcript line opened by
// a speaker's label in capitals ("MARSH: ...") is the labelled person's,
// named in full, that a paragraph after it goes on with that speaker, and
// the guards: a label that is no one's full name in the article (a host
// named by first name only) gives no one and stops the thread, as does
// "UPDATE:". The article is written for the test.
func TestSpeakersOfATranscript(t *testing.T) {
	transcript := "Mayor Ada Marsh spoke to the host of the Calder Hour on Sunday.\n\n" +
		"“BRANDT: Mayor, you backed the harbour plan in May. Why the change?”\n\n" +
		"“MARSH: Well, look, the figures changed, Tom. The harbour cannot pay for itself.”\n\n" +
		"“And the port would go with it, every job of it.”\n\n" +
		"“BRANDT: So the plan is dead for good?”\n\n" +
		"“MARSH: The plan is dead for good, and I will say so at the council.”"
	checkSpeakers(t, []speakerCase{
		{"labels of a person named in full and of a host named by no full name",
			transcript,
			[]string{"", "Ada Marsh", "Ada Marsh", "", "Ada Marsh"}},
		{"a label of no one before words that name their speaker",
			"Ada Marsh spoke on Sunday.\n\n“WARNING: the harbour wall will fail this winter,” Tomas Brandt said on Monday.",
			[]string{"Tomas Brandt"}},
		{"an update label names no one",
			"Ada Marsh spoke on Sunday.\n\n“UPDATE: The council has put off the vote on the harbour plan until May.”",
			[]string{""}},
	})
}

// TestTranscriptLabelAfterAnAttribution checks that a label in capitals
// inside words the article attributes with a verb of its own does not
// take the words from that speaker. The articles are written for the
// test.
func TestTranscriptLabelAfterAnAttribution(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a speech verb and a colon before a label naming someone else",
			"Ada Marsh spoke on Sunday. Tomas Brandt replied on Monday: “MARSH: the name on every ballot in Calder.”",
			[]string{"Tomas Brandt"}},
		{"a speech verb after a label naming someone else",
			"Ada Marsh spoke on Sunday.\n\n“MARSH: the name on every ballot in Calder,” Tomas Brandt wrote on Monday.",
			[]string{"Tomas Brandt"}},
	})
}
