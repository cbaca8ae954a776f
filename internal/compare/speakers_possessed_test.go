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

// TestPossessedNounOfSpeech checks that a quote in the complement of a
// possessed noun of speech ("Marsh's call for a "..."", "Brandt's taunt
// that ... "..."") is the owner's (session 33, s33-quote: these had no
// speaker), that the quoted phrases after it in the sentence do not go on
// with the owner, and that the rule keeps out of a noun whose clause has
// ended ("call to the mayor lasted ... "...""), a relative clause ("remarks
// that claimed") and "the mayor's call" (no name). The articles are
// written for the test.
func TestPossessedNounOfSpeech(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"call for",
			`The prime minister brushed off Ada Marsh's call for a "significant and lasting de-escalation" on Wednesday.`,
			[]string{"Ada Marsh"}},
		{"an adjective and a that clause",
			`Tomas Brandt's angry taunt that the four lawmakers "go back" to the "places from which they came" united the party.`,
			[]string{"Tomas Brandt"}},
		{"an organisation's pledge",
			`Acme Corp's pledge to "pay every worker in full by June" was met with doubt.`,
			[]string{"Acme Corp"}},
		{"the phrase quoted back, then the subject's own words",
			`"We will fight this in every court," Ada Marsh said. She rejected Tomas Brandt's claim that the deal was "good for every family" and said it was "a gift to the banks."`,
			[]string{"Ada Marsh", "Tomas Brandt", "Ada Marsh"}},
		{"a telephone call whose clause has ended",
			`Tomas Brandt's call to the mayor lasted an hour and ended with "a promise to talk again soon" from both.`,
			[]string{""}},
		{"a relative clause after that",
			`Tomas Brandt put out a statement after Ada Marsh's remarks that claimed the mayor "has never once visited the harbor".`,
			[]string{""}},
		{"no name owns the noun",
			`The mayor's call for a "full and open review of the police" drew praise.`,
			[]string{""}},
	})
}

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
