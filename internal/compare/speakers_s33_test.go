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

// TestPassiveJudgementAgent checks that a quoted judgement after "<verb>
// by X as" is X's, named or not, not the sentence's subject (session 33,
// s33-quote): "a move denounced by the union as a "..."" had gone to the
// governor who announced the move. The agent must sit between "by" and
// "as" with no punctuation, and the quote follow "as" closely: a relative
// clause or a comma after the judgement leaves the outer verb's subject.
// The articles are written for the test.
func TestPassiveJudgementAgent(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an unnamed agent: no speaker",
			`Acme and Beta agreed to merge, Governor Tomas Brandt announced on Friday, a move that was denounced by the union as a "betrayal of every worker here".`,
			[]string{""}},
		{"a named agent",
			`Acme and Beta agreed to merge, Governor Tomas Brandt announced on Friday, a move that was denounced by Ada Marsh as a "betrayal of every worker here".`,
			[]string{"Ada Marsh"}},
		{"described by his lawyer: not the subject",
			`Tomas Brandt was described by his lawyer as "a kind and gentle man who never hurt anyone".`,
			[]string{""}},
		{"a comma after the judgement: the outer verb's",
			`Tomas Brandt called the plan, which was criticized by many as too costly, "a betrayal of every worker here".`,
			[]string{"Tomas Brandt"}},
		{"as well as: no judgement",
			`Tomas Brandt was hailed by the crowd as well as "the best mayor this city ever had" by the paper.`,
			[]string{"Tomas Brandt"}},
		{"a participle with by and no as",
			`Tomas Brandt said the plan, praised by Ada Marsh, was "a betrayal of every worker here".`,
			[]string{"Tomas Brandt"}},
	})
}

// TestLabelListIsNoInvertedAttribution checks that `called X a "...",
// called Y "..."` is a list of the subject's labels, not an inverted
// attribution of the first quote to Y (session 33, s33-quote: the first
// label went to the outlet called names next). `"...," called Ada Marsh,
// who ...` and `"...," described Tomas Brandt in a "..." note` stay
// inverted attributions (punctuation or a preposition before the next
// quote). The articles are written for the test.
func TestLabelListIsNoInvertedAttribution(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a list of labels after a pronoun",
			`Tomas Brandt spoke for an hour. It was his first news conference, in which he called the Daily Ledger a "failing pile of old garbage," called Channel Nine "fake news" and told reporters to leave.`,
			[]string{"Tomas Brandt"}},
		{"an inverted attribution with a relative clause",
			`"We will never give up on this town and its people," called Ada Marsh, who was nicknamed "the iron mayor" by friends.`,
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"an inverted attribution with a preposition",
			`"The bridge will be closed for a full year," described Tomas Brandt in a "detailed" note to residents.`,
			[]string{"Tomas Brandt"}},
	})
}

// TestReligiousAndRoyalTitleDescribes checks that "the pope", "the bishop"
// or "the prince" as a quote's subject is the person the article gives
// that title (session 33, s33-quote: "Pope John Paul ... The pope said"
// had no speaker), and, when no one bears it, no one: not the person
// opening the sentence before, the fallback of other titles ("the king
// said" after a historian is named, "the queen said" after her
// secretary). The articles are written for the test.
func TestReligiousAndRoyalTitleDescribes(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the pope after Pope and a name",
			`Pope Tomas Brandt spoke to a large crowd in the capital on Saturday. "The cardinal endured the worst of the old regime with great courage," the pope said.`,
			[]string{"Tomas Brandt"}},
		{"the bishop among two titled people",
			`Cardinal Tomas Brandt and Bishop Ada Marsh met in the capital on Saturday. "We have much work ahead of us this year," the bishop said.`,
			[]string{"Ada Marsh"}},
		{"no king named: the king as written",
			`Crowds lined the streets of the old capital. Ada Marsh, a historian, watched from a balcony. "This is a day we will remember for a long time," the king said.`,
			[]string{"the king"}},
		{"no queen named: not her secretary",
			`Tomas Brandt, the queen's private secretary, spoke on Monday. "Her Majesty is resting and in good spirits," the queen said in a statement.`,
			[]string{"the queen"}},
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
