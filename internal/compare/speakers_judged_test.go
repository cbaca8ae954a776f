package compare

import "testing"

// TestSpeakersOfAJudgementAfterAs checks that words quoted after "as" as
// the complement of a verb of judgement ("dismissed the plan as "..."")
// are the judge's, and the guards: "as well as", an "as" of a relative
// clause or after a comma, a passive. The articles are written for the
// test.
func TestSpeakersOfAJudgementAfterAs(t *testing.T) {
	tests := []speakerCase{
		{"dismissed ... as",
			"In May, Ada Marsh dismissed the harbour plan as “a fantasy for developers.” The council meets on Monday.",
			[]string{"Ada Marsh"}},
		{"an adverb before the verb and as being in the",
			"In July, Ada Marsh cynically dismissed the harbour plan as being in the “pocket of the developers” and left.",
			[]string{"Ada Marsh"}},
		{"has gone after ... as",
			"Tomas Brandt has gone after Marsh as a “reckless spender who will sink the port.” The council meets on Monday.",
			[]string{"Tomas Brandt"}},
		{"an organisation denounced ... as",
			"Acme Corp denounced the ruling as “an attack on every worker in the valley.” The council meets on Monday.",
			[]string{"Acme Corp"}},
		{"the judge inside a reported clause",
			"Tomas Brandt said Ada Marsh had dismissed his plan as “a fantasy for developers.” The council meets on Monday.",
			[]string{"Ada Marsh"}},
		{"as well as is no complement",
			"Ada Marsh rejected the plan as well as the “fantasy for developers” that came with it. The council meets on Monday.",
			nil},
		{"an as of a relative clause is its verb's",
			"Ada Marsh has gone after the plan, which she sees as a “fantasy for developers” in the end.",
			nil},
		{"a passive names no judge",
			"The plan was dismissed as “a fantasy for developers” by the council. The council meets on Monday.",
			nil},
	}
	checkSpeakers(t, tests)
}

// TestSpeakerWithASuffixBeforeAnApposition checks that a name whose suffix
// ends in a period ("Jr.,") still opens the subject before an apposition
// that names someone else. The article is written for the test.
func TestSpeakerWithASuffixBeforeAnApposition(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"Jr. before an apposition naming another person",
			"Tomas R. Brandt Jr., a former adviser to Ms. Marsh who is named in the suit, said in an email that it was “a conspiracy theory dressed up as a lawsuit.”",
			[]string{"Tomas R. Brandt Jr"}},
	})
}

// TestSpeakerAfterAnOpeningPhrase checks that a name in a phrase opening
// the sentence with a preposition ("Like Ada Marsh,") is not the speaker,
// and the guards: a relative clause after the name, "To which", a
// description after the phrase. The articles are written for the test.
func TestSpeakerAfterAnOpeningPhrase(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"like a person, another person said",
			"Like Ada Marsh, Tomas Brandt said the plan “will ruin the harbour for good.”",
			[]string{"Tomas Brandt"}},
		{"like a person, an organisation said",
			"Like Ada Marsh, Velocore Systems said the plan “will ruin the harbour for good.”",
			[]string{"Velocore Systems"}},
		{"a relative clause after the name keeps it",
			"Among those at the meeting was Ada Marsh, who said the plan “will ruin the harbour for good.”",
			[]string{"Ada Marsh"}},
		{"to which keeps the name",
			"Tomas Brandt asked Ada Marsh about the plan. To which Ada Marsh replied: “It will ruin the harbour for good.”",
			[]string{"Ada Marsh"}},
		{"a description after the phrase",
			"Mayor Ada Marsh spoke first. Asked about Acme Corp, the mayor said the plan “will ruin the harbour for good.”",
			[]string{"Ada Marsh"}},
	})
}

// TestSpeakersForAPersonOrAFamily checks that a spokesperson named after
// the comma of "a spokesman for Ada Marsh," is the speaker, and that the
// spokesperson of a person's family credits the family, "he" after it
// too. The articles are written for the test.
func TestSpeakersForAPersonOrAFamily(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a spokesman for a person, named after the comma, the quote first",
			"“We will appeal,” a spokesman for Ada Marsh, Tomas Brandt, said on Monday.",
			[]string{"Tomas Brandt"}},
		{"a spokesman for a person, named after the comma, the person named again after",
			"“We will appeal,” a spokesman for Ada Marsh, Tomas Brandt, said on Monday. Ada Marsh did not comment.",
			[]string{"Tomas Brandt"}},
		{"a spokesman for the family of a person, then he",
			"Tomas Brandt was charged on Monday. A spokesman for the family of Ada Marsh said the ruling “will be appealed at once.” He added that the family “will not rest until the truth is known.”",
			[]string{"Ada Marsh's family", "Ada Marsh's family"}},
		{"a spokeswoman for a person's family",
			"“We will appeal,” a spokeswoman for Ada Marsh’s family said.",
			[]string{"Ada Marsh's family"}},
		{"a spokesman for a person described after the comma",
			"“We will appeal,” a spokesman for Ada Marsh, the former mayor, said on Monday.",
			[]string{"Ada Marsh's spokesman"}},
		{"a spokeswoman for a person's family described after the comma",
			"“We will appeal,” a spokeswoman for the family of Ada Marsh, the former mayor, said on Monday.",
			[]string{"Ada Marsh's family"}},
		{"a spokeswoman for a person is still the person's spokeswoman",
			"“We will appeal,” a spokeswoman for Ada Marsh said.",
			[]string{"Ada Marsh's spokeswoman"}},
	})
}

// TestSpeakerOfANamedPersonsOffice checks that "Ada Marsh's office said"
// is her office, as "her office said" is, "Marsh's campaign said" her
// campaign, and the guard: an office that
// quotes the person gives the words to the person. The articles are
// written for the test.
func TestSpeakerOfANamedPersonsOffice(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a named person's office after the quote",
			"Ada Marsh is running for mayor. “The plan is a fantasy for developers,” Ada Marsh’s office said on Monday.",
			[]string{"Ada Marsh's office"}},
		{"said and a surname's office",
			"Ada Marsh is running for mayor. “The plan is a fantasy for developers,” said Marsh's office.",
			[]string{"Ada Marsh's office"}},
		{"a named person's campaign",
			"Ada Marsh is running for mayor. “The plan is a fantasy for developers,” Marsh's campaign said in an email.",
			[]string{"Ada Marsh's campaign"}},
		{"an office quoting the person",
			"Ada Marsh is running for mayor. “The plan is a fantasy for developers,” Marsh's office quoted her as saying.",
			[]string{"Ada Marsh"}},
	})
}

// TestSpeakerOfARelativeClauseInThePerfect checks that "who has said" and
// "who had derided ... as" after a name are that person's words, as "who
// said" is. The articles are written for the test.
func TestSpeakerOfARelativeClauseInThePerfect(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"who has said",
			"Ada Marsh met Tomas Brandt, who has said the plan is “a fantasy for developers.” The vote is on Monday.",
			[]string{"Tomas Brandt"}},
		{"who had derided ... as",
			"Ada Marsh met Tomas Brandt, who had derided the plan as “a fantasy for developers.” The vote is on Monday.",
			[]string{"Tomas Brandt"}},
	})
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
