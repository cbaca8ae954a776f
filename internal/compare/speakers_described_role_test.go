package compare

import "testing"

// TestDescribedSpeakerOfAnotherRole checks that a description speaker ("the
// judge said") is not resolved to the person the article names when the
// article gives that person a different role ("Tomas Brandt, the
// defendant,"), while a person given that role, or no role, still is. The
// articles are written for the test.
func TestDescribedSpeakerOfAnotherRole(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the judge is not the defendant",
			"Tomas Brandt, the defendant, appeared in court on Monday. “The evidence is thin,” the judge said.",
			[]string{""}},
		{"the prosecutor is not the accused",
			"The accused, Tomas Brandt, appeared in court on Monday. “The evidence is strong,” the prosecutor said.",
			[]string{""}},
		{"the coach is not the victim",
			"Tomas Brandt, the victim, was hurt on Monday. “We are all shaken,” the coach said.",
			[]string{""}},
		{"the judge is not the defendant named with the noun before the name",
			"Defendant Tomas Brandt appeared in court on Monday. “The evidence is thin,” the judge said.",
			[]string{""}},
		{"the judge is not the defendant who opens the next sentence",
			"“The evidence is thin,” the judge said. Tomas Brandt, the defendant, did not speak.",
			[]string{""}},
		{"a pronoun after the refused judge is not the defendant either",
			"Tomas Brandt, the defendant, appeared in court on Monday. “The evidence is thin,” the judge said. “The jury will decide,” he added.",
			[]string{"", ""}},
		{"the defendant is the person called the defendant",
			"Tomas Brandt, the defendant, appeared in court on Monday. “I did nothing wrong,” the defendant said.",
			[]string{"Tomas Brandt"}},
		{"the judge named as a judge",
			"Judge Ada Marsh heard the case on Monday. “The evidence is thin,” the judge said.",
			[]string{"Ada Marsh"}},
		{"the coach who opens the sentence before, with no role",
			"Tomas Brandt praised the team on Monday. “We are all proud,” the coach said.",
			[]string{"Tomas Brandt"}},
	})
}
