package compare

import "testing"

// TestClosingNameAfterNamedSpeaker checks an inverted attribution whose
// speaker is named right after the verb and followed by a phrase about
// them that ends in another name after a comma (session 32, s32-quote):
// the speaker is the first name, not the one closing the phrase. A
// description before the comma ("the leader of the Senate, Justin Alfond"),
// a possessive ("Ada Marsh's lawyer, Tomas Brandt") and a joined second
// person ("Ada Marsh and her husband, Tomas Brandt") keep the name after
// the comma. The articles are written for the test.
func TestClosingNameAfterNamedSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an age, a place and a relative clause ending in a name",
			`"I am scared about the crossing," said 19-year-old Lena Ortiz from Dover who walked the whole way beside her aunt, Emilia Varga.`,
			[]string{"Lena Ortiz"}},
		{"an apposition ending in an organisation's name",
			`"That claim has no basis at all," said Tomas Brandt, an organiser for the rally's sponsor, Calder Neighbours United.`,
			[]string{"Tomas Brandt"}},
		{"a relative clause after a comma",
			`"Our daughter has done nothing wrong," said Brandt, who sat on the stage next to his sister, Ada Marsh.`,
			[]string{"Brandt"}},
		{"a description, then the name after the comma",
			`"We will win the vote," said the Democratic leader of the Senate, Justin Alfond.`,
			[]string{"Justin Alfond"}},
		{"a possessive, then the name after the comma",
			`"We will win the vote," said Ada Marsh's lawyer, Tomas Brandt.`,
			[]string{"Tomas Brandt"}},
		{"a second person joined by and: the old reading",
			`"We will win the vote," said Ada Marsh and her husband, Tomas Brandt.`,
			[]string{"Tomas Brandt"}},
	})
}

// TestPronounAfterReportedSpeech checks "he said" after a quote that opens
// its sentence, when the sentence before reports someone's words with a
// closing attribution (session 32, s32-quote): the pronoun is that
// speaker's, not the person named first in the sentence. Only for a
// speaker whose gender the article gives and the pronoun's: a name of no
// known gender, a pronoun that opens reported speech ("He said the plan
// ..."), and a speaker of the other gender keep the old reading.
func TestPronounAfterReportedSpeech(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a list of names opens the sentence, said and the name at its end",
			"Ohio Sen. Paul Kern, Texas Gov. Lee Dunn, even Sen. Omar Reyes would have kept the pact, said Tomas Brandt, a consultant who worked for Kern.\n\n\"They would have asked what is best for the country,\" he said.",
			[]string{"Tomas Brandt"}},
		{"the name before said",
			"Paul Kern attacked the plan in a speech on Monday, Tomas Brandt said.\n\n\"We will keep going until the very end,\" he said.",
			[]string{"Tomas Brandt"}},
		{"a speaker of the other gender: the sentence's subject",
			"Paul Kern met voters in Dover, said Ada Marsh.\n\n\"We will keep going until the very end,\" he said.",
			[]string{"Paul Kern"}},
		{"no speech verb at the end: the sentence's subject",
			"Paul Kern met Tomas Brandt, who said he was pleased.\n\n\"We will keep going until the very end,\" he said.",
			[]string{"Paul Kern"}},
	})
}

// TestQuotedPhrasesShareClosingAttribution checks quoted phrases of one
// sentence whose words of attribution follow the last of them (session 32,
// s32-quote): the first phrases are that speaker's, not an earlier
// speaker's they had gone on with. A phrase given to no one stays so, a
// quote that ends its sentence is not joined to the next, and a phrase
// with a cue of its own keeps its speaker.
func TestQuotedPhrasesShareClosingAttribution(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"two phrases, the attribution at the end",
			`Ada Marsh said the debt had "nothing to do with the case." "Calder is a unique case in the union" because of its "precarious debt dynamics" and because it "has cheated for years," Commissioner Tomas Brandt said.`,
			[]string{"Ada Marsh", "Tomas Brandt", "Tomas Brandt", "Tomas Brandt"}},
		{"a phrase with a cue of its own",
			`Ada Marsh spoke first. Marsh called the plan "a fair deal for all" and "a model for the whole region," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Tomas Brandt"}},
		{"a quote that ends its sentence",
			`"We will win the vote," Ada Marsh said. "We are ready for it." "We are strong as ever," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Ada Marsh", "Tomas Brandt"}},
	})
}

// TestParticipleAfterWith checks a participle of speaking after "with" and
// its own subject ("..., with some members warning it would “...”";
// session 32, s32-quote): the words between are the speaker, and when they
// name no one the quote has no speaker, not the sentence's subject nor a
// name in it. A thing after "with" ("with a statement saying"), and a
// comma before the participle ("met with Brandt on Monday, warning") keep
// the sentence's subject.
func TestParticipleAfterWith(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a group that names no one",
			`A task force set up by Mayor Tomas Brandt to review the Calder City Council raised doubts about a larger council, with several of its members saying that would "weaken rather than strengthen the body."`,
			[]string{""}},
		{"an unnamed person",
			`Mayor Ada Marsh's budget started a quarrel at the hall, with the union's leader calling the cuts "a betrayal of every worker here."`,
			[]string{""}},
		{"a named person after a role",
			`The dispute deepened when the Calder League moved its final out of the city, with commissioner Tomas Brandt saying the league "stands with every fan in the region."`,
			[]string{"Tomas Brandt"}},
		{"a thing after with: the sentence's subject",
			`Mayor Ada Marsh came out with a statement saying the plan would "weaken rather than strengthen the body."`,
			[]string{"Ada Marsh"}},
		{"a comma before the participle: the sentence's subject",
			`Mayor Ada Marsh met with Tomas Brandt on Monday, warning the plan would "weaken rather than strengthen the body."`,
			[]string{"Ada Marsh"}},
	})
}

// TestMonsignorIsATitle checks that "Msgr." and "Monsignor" are read as a
// person's title (session 32, s32-quote): the name after it is a person
// and speaks ("Msgr. Brandt said"), not an organisation "Msgr" and a quote
// given to someone named before.
func TestMonsignorIsATitle(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"Msgr. and a surname",
			`Sister Ada Keehan praised the choice. CNA spoke with Msgr. Tomas L. Brandt, the vicar general of the diocese. "He recommended her for her example in her faith," Msgr. Brandt said.`,
			[]string{"Tomas L. Brandt"}},
		{"Monsignor written out",
			`Sister Ada Keehan praised the choice. "He recommended her for her example in her faith," said Monsignor Tomas Brandt.`,
			[]string{"Tomas Brandt"}},
	})
}

// TestDocumentOfItsPublisher checks "the statement said" and the like
// after a sentence that opens with who put the document out ("Acme
// Advisors issued a statement"; session 32, s32-quote): the words are the
// publisher's, and the quote after them goes on with it. A document the
// person only received or read stays no one's.
func TestDocumentOfItsPublisher(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"issued a statement, then the statement said",
			`Acme Advisors issued a statement on Tuesday about the fire at its office. "Our thoughts are with every family that lost someone," the statement said. "We thank the firefighters for their courage."`,
			[]string{"Acme Advisors", "Acme Advisors"}},
		{"filed the suit, then the suit states",
			`The Calder Party filed the civil suit in federal court on Friday. "The scheme was an open betrayal of the voters of this state," the suit states.`,
			[]string{"Calder Party"}},
		{"a letter received: no one's",
			`Ada Marsh received a letter from the board on Monday. "Your request has been refused for the third time," the letter said.`,
			[]string{""}},
	})
}
