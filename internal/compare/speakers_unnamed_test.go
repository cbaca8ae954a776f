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

// TestCrowdAtPlaceSpeaksForNoOne checks that a crowd's chant is not given
// to the organisation or person that names where the crowd stands
// (s33-rev2 review: "Protesters outside the U.S. Embassy chanted" went to
// the embassy once s33-e2 made it an organisation). Invented articles.
func TestCrowdAtPlaceSpeaksForNoOne(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"protesters outside an embassy",
			"Protesters outside the U.S. Embassy in Baghdad chanted, \"Down with the occupiers now.\"",
			[]string{""}},
		{"crowds at a consulate",
			"Crowds at the Saudi Consulate shouted, \"Tell us where he is now.\"",
			[]string{""}},
		{"thousands of fans near a home",
			"Thousands of fans near Ada Marsh's home sang, \"We love you, Ada, forever.\"",
			[]string{""}},
		{"the embassy itself still speaks",
			"The U.S. Embassy said in a statement, \"Americans should leave the country now.\"",
			[]string{"U.S. Embassy"}},
	})
}
