package compare

import "testing"

// TestPossessedNounOfSpeechGuards checks the guards review s33-qrev added
// to possessedSpeech: "to" and a noun phrase names what is threatened or
// claimed, not the owner's words ("threat to "the rule of law"", "claim
// to "the family fortune""), "calls to" is telephone calls like "call to",
// and a that clause holding a verb of judgement is a relative clause of
// someone else's judgement ("pledge that he dismissed as "...""). The
// owner's words after "to" and a verb stay the owner's. The articles are
// written for the test.
func TestPossessedNounOfSpeechGuards(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"threat to a noun phrase",
			`Tomas Brandt's threat to "the rule of law and the courts" is growing every year.`,
			[]string{""}},
		{"claim to a noun phrase",
			`Tomas Brandt's claim to "the family fortune and the house" was rejected.`,
			[]string{""}},
		{"threat to and a verb: the owner's words",
			`Tomas Brandt's threat to "sue every newspaper in the state" was empty.`,
			[]string{"Tomas Brandt"}},
		{"telephone calls to",
			`Ada Marsh's calls to "the station hotline for lost pets" went unanswered all night.`,
			[]string{""}},
		{"a relative clause with a verb of judgement",
			`Tomas Brandt laughed off Ada Marsh's pledge that he dismissed as "a cheap stunt for the cameras".`,
			[]string{""}},
	})
}

// TestLabelListNeedsWordsBefore checks review s33-qrev's changes to lists
// of labels: a quote opening its sentence keeps its inverted attribution
// with a labelling verb even when another quote follows with no
// punctuation (`"...," mocked Ada Marsh "..."`); the labels after the
// first are the first one's speaker's, not the object named before them
// ("called Channel Nine "..."" is not "said Channel Nine"); "likened X to"
// lists too. The articles are written for the test.
func TestLabelListNeedsWordsBefore(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a list of comparisons: the verb's own to",
			`Ada Marsh likened the tax to "theft in broad daylight", likened Tomas Brandt to "a pickpocket in a suit" and sat down.`,
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a list of three labels: each the subject's",
			`Tomas Brandt called the Daily Ledger a "failing pile of old garbage", called Channel Nine "a fake news factory run by clowns", called the Calder Times "a rag nobody reads any more" and left.`,
			[]string{"Tomas Brandt", "Tomas Brandt", "Tomas Brandt"}},
		{"an inverted attribution opening its sentence",
			`"Enough is enough for this city and its people," attacked Ada Marsh "and I mean it".`,
			[]string{"Ada Marsh", "Ada Marsh"}},
	})
}

// TestPassiveJudgementAgentPronounAndArtist checks two readings review
// s33-qrev gave passiveJudgeAgent: an agent that is an object pronoun
// ("mocked by her as") is resolved like the subject pronoun ("she"), and
// no one when no one of that gender is named; a verb of depiction's
// agent ("portrayed by the actor X as") is an artist, not the speaker of
// the quoted judgement. The articles are written for the test.
func TestPassiveJudgementAgentPronounAndArtist(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an object pronoun as the agent",
			`Ada Marsh ran against Tomas Brandt in 2019. He was mocked by her as "a tourist in his own district" in every debate.`,
			[]string{"Ada Marsh"}},
		{"an object pronoun with no one of its gender named",
			`Tomas Brandt met the widow on Monday. He was later described by her as "a kind man who listened to us".`,
			[]string{""}},
		{"an actor portrays",
			`Tomas Brandt was portrayed by the actor Jorge Davila as "a lonely man haunted by his past" in the film.`,
			[]string{""}},
	})
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
