package compare

import "testing"

// TestParticipleAsideNamesNoSpeaker: a participle or prepositional aside
// set off by commas between the subject and the verb ("The president,
// sitting next to the prime minister, said") only names who stands beside
// the speaker.
func TestParticipleAsideNamesNoSpeaker(t *testing.T) {
	const opening = "President Tomas Brandt flew to Calder on Monday to meet Prime Minister Piet Kroon.\n\n"
	runSpeakerCases(t, []struct {
		name, text string
		want       []string
	}{
		{"before a colon",
			opening + "The president, sitting next to Kroon, said: “We agreed on the bridge.”",
			[]string{"Tomas Brandt"}},
		{"after the quote",
			opening + "“We agreed on the bridge,” the president, sitting next to Kroon, said.",
			[]string{"Tomas Brandt"}},
		{"a past participle, before reported words",
			opening + "The president, flanked by Kroon and his wife, told reporters that the bridge was “a done deal.”",
			[]string{"Tomas Brandt"}},
		{"a name opens the subject",
			opening + "Ada Marsh, standing beside Kroon, said: “We agreed on the bridge.”",
			[]string{"Ada Marsh"}},
		{"an apposition is no aside",
			"Ada Marsh met Piet Kroon on Monday.\n\nThe mayor of Dover, Tomas Brandt, said: “We agreed on the bridge.”",
			[]string{"Tomas Brandt"}},
		{"a main verb after an apposition is no aside",
			"Tomas Brandt, the mayor of Dover and Kroon's former aide, joined the debate on Monday and said that Piet Kroon should “clear the table” first.",
			[]string{"Tomas Brandt"}},
		{"an opening phrase is no subject",
			"Ada Marsh spoke first.\n\nOn Thursday, in a letter to Marsh, Tomas Brandt said: “We agreed on the bridge.”",
			[]string{"Tomas Brandt"}},
	})
}
