package compare

import "testing"

// TestSpeakingSurnameOfAPlace checks that a first name and a surname that
// also ends places' names ("Hill", "Field", "Lane") is a person when the
// article writes it before a verb of saying or after "said" (session 33,
// s33-quote): the generic-place rule made such a name a place and its
// quote had no speaker. A plural place word ("Hills") and a name that
// does not speak stay places. The articles are written for the test.
func TestSpeakingSurnameOfAPlace(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a closing attribution with testified",
			`The former adviser spoke on Tuesday. "Some of you on this panel appear to believe the storm was a hoax," Fiona Hill testified.`,
			[]string{"Fiona Hill"}},
		{"an inverted attribution",
			`"We will keep the shelter open all winter for anyone who needs it," said Ada Field, who runs it.`,
			[]string{"Ada Field"}},
		{"named before told, then a pronoun",
			`Nathan Lane told reporters the show would go on. "We have rehearsed this for a whole year and we are ready," he said.`,
			[]string{"Nathan Lane"}},
		{"a plural place word stays a place",
			`Beverly Hills said it would ban leaf blowers next year. "The noise has become too much for everyone," the mayor said.`,
			[]string{"the mayor"}},
		{"a place that does not speak",
			`Residents of Rose Hill told the council they opposed the plan. "Nobody asked us about the new road at all," said Ada Marsh.`,
			[]string{"Ada Marsh"}},
	})
	// A name written after "in" is a place wherever a verb of saying
	// follows it.
	for _, m := range recognise(`People in Laurel Hill said the water was brown. "It has been this way for a month," one of them said.`) {
		if m.name == "Laurel Hill" && m.kind != "place" {
			t.Errorf("Laurel Hill after in: kind %q, want place", m.kind)
		}
	}
}

// TestSpeakingSurnameAfterOfOrTo checks that a first name and a place
// surname ("Fiona Hill") written before a verb of saying stays a person
// when the article also writes it after "of", "to" or "from" ("the
// testimony of Fiona Hill", "a letter to Fiona Hill") or after "in" with
// "'s" ("In Owen Lane's view"): review s33-qrev found the first version's
// veto lost these speakers. After "in" alone the name stays a place
// (TestSpeakingSurnameOfAPlace). The articles are written for the test.
func TestSpeakingSurnameAfterOfOrTo(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the testimony of",
			`"Some of you on this panel appear to believe the storm was a hoax," Fiona Hill testified. The testimony of Fiona Hill lasted ten hours.`,
			[]string{"Fiona Hill"}},
		{"a letter to",
			`"I never took a single dollar from the fund," said Ada Hill. A letter to Ada Hill from the board was released later that day.`,
			[]string{"Ada Hill"}},
		{"in and a possessive",
			`"The hearing was a farce from start to finish," said Owen Lane, a lawyer. In Owen Lane's view the judge erred.`,
			[]string{"Owen Lane"}},
	})
}
