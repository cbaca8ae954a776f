package compare

import "testing"

// TestPronounAfterUnnamedSpeaker checks that "he added" right after a
// quote an unnamed person described spoke ("an official said") is that
// person, so no speaker, not the man named before; a pronoun after a
// named speaker, or of the other gender than the description's noun,
// still resolves. The articles are written for the test.
func TestPronounAfterUnnamedSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"one worker, then he added",
			"Tomas Brandt visited the plant on Monday. “The repairs will take months to finish,” one worker said. “We are doing all we can,” he added.",
			[]string{"", ""}},
		{"a senior official told reporters, then he added",
			"Tomas Brandt visited the plant on Monday. “The repairs will take months to finish,” a senior official told reporters. “We are doing all we can,” he added.",
			[]string{"", ""}},
		{"said a local resident, then he said in the next paragraph",
			"Tomas Brandt visited the plant on Monday.\n\n“The repairs will take months to finish,” said a local resident.\n\n“We are doing all we can,” he said.",
			[]string{"", ""}},
		{"a named speaker, then he added",
			"Tomas Brandt visited the plant on Monday. “The repairs will take months to finish,” Brandt said. “We are doing all we can,” he added.",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"a spokeswoman is no he",
			"Tomas Brandt visited the plant on Monday. “The repairs will take months,” a spokeswoman said. Brandt was calm. “We are doing all we can,” he added.",
			[]string{"", "Tomas Brandt"}},
		{"a named man between the unnamed speaker and the pronoun",
			"“The repairs will take months to finish,” an official said. Tomas Brandt disagreed. “We are doing all we can,” he said.",
			[]string{"", "Tomas Brandt"}},
	})
}
