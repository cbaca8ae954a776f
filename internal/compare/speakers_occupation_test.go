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
		{"the rest of a title, pro tem",
			`"We will not let the bill pass this year," state Senate President Pro Tem Dana Long said.`,
			[]string{"Dana Long"}},
		{"an occupation that is a surname after a first name",
			`"I will not resign from the faculty this year," said Peter Singer, the professor.`,
			[]string{"Peter Singer"}},
	})
}

// TestAgencyNamedByAcronymOrPoliceForce checks withAgencyExpansion and the
// "department" reading of orgMatchesNoun (s31-q2): "the agency said" after
// a federal agency named only by its acronym is that agency, and "the
// department said" after a police force is the force; "the department"
// after the FBI alone is not the FBI. The articles are written for the
// test.
func TestAgencyNamedByAcronymOrPoliceForce(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the agency after an acronym",
			`The CDC changed its advice on Monday. "Travellers should carry a clean mask at all times," the agency said.`,
			[]string{"CDC"}},
		{"the department after a police force",
			`The Capitol Police released a new policy. The department said an officer may use force if they "reasonably fear for a life" at the scene.`,
			[]string{"Capitol Police"}},
		{"the bureau after the FBI (s31-rev2)",
			`The FBI searched the house in Dorrin on Tuesday. "We found nothing of interest in the house," the bureau said.`,
			[]string{"FBI"}},
		{"the department after the FBI",
			`The FBI opened an inquiry into the senator. In a letter to his lawyers, the department said "the matter is now closed for good" on Friday.`,
			[]string{"the department"}},
	})
}
