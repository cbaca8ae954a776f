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
			[]string{"the judge"}},
		{"the prosecutor is not the accused",
			"The accused, Tomas Brandt, appeared in court on Monday. “The evidence is strong,” the prosecutor said.",
			[]string{"the prosecutor"}},
		{"the coach is not the victim",
			"Tomas Brandt, the victim, was hurt on Monday. “We are all shaken,” the coach said.",
			[]string{"the coach"}},
		{"the judge is not the defendant named with the noun before the name",
			"Defendant Tomas Brandt appeared in court on Monday. “The evidence is thin,” the judge said.",
			[]string{"the judge"}},
		{"the judge is not the defendant who opens the next sentence",
			"“The evidence is thin,” the judge said. Tomas Brandt, the defendant, did not speak.",
			[]string{"the judge"}},
		{"a pronoun after the refused judge is not the defendant either",
			"Tomas Brandt, the defendant, appeared in court on Monday. “The evidence is thin,” the judge said. “The jury will decide,” he added.",
			[]string{"the judge", ""}},
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

// TestDescribedSpeakerOfAnAccused checks that "the judge said" or "the
// prosecutor said" is not resolved to the person the sentence before
// reports as charged, pleading or sentenced (the role in the verb, no role
// noun), while a description that may be the accused ("the former mayor")
// still is. The articles are written for the test.
func TestDescribedSpeakerOfAnAccused(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"charged, with an age and a town set off by commas",
			"Tomas Brandt, 45, of Dover, is charged with fraud. “The evidence is thin and the case is weak,” the judge said.",
			[]string{"the judge"}},
		{"pleaded guilty, named by surname",
			"Tomas Brandt appeared in court on Monday. Brandt pleaded guilty to two counts of fraud. “This was a grave breach of trust,” the judge said.",
			[]string{"the judge"}},
		{"arrested, then the prosecutor",
			"Ada Marsh was arrested on Friday and charged with theft. “We will seek a long sentence,” the prosecutor said.",
			[]string{"the prosecutor"}},
		{"a pronoun after the refused judge",
			"Tomas Brandt was sentenced to five years on Monday. “You betrayed your neighbours,” the judge said. “The court has no choice,” he added.",
			[]string{"the judge", ""}},
		{"the charged mayor described as the mayor",
			"Tomas Brandt was charged with fraud on Monday. “I am innocent,” the former mayor said.",
			[]string{"Tomas Brandt"}},
		{"a judge who opens the sentence before, not accused",
			"Ada Marsh ruled on the case on Monday. “The evidence is thin and the case is weak,” the judge said.",
			[]string{"Ada Marsh"}},
	})
}
