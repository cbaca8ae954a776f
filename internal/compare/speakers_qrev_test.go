package compare

import "testing"

// TestSharedAttributionNotForWordsQuotedBack checks the limit of a closing
// attribution shared by the quoted phrases of its sentence (session 32
// review, s32-qrev): a phrase that quotes back the words of the speaker
// before, named or meant by a pronoun or a title earlier in the sentence
// ("Her pledge that ...", "Marsh's ...", "The mayor's ..."), stays that
// speaker's; a phrase of
// the closing speaker's own sentence with no such reference still takes
// the closing attribution. The articles are written for the test.
func TestSharedAttributionNotForWordsQuotedBack(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a possessive pronoun of the earlier speaker",
			`"The bridge will stand," Ada Marsh said on Monday. Her pledge that the bridge "will stand this spring" was "careless and simply wrong," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Ada Marsh", "Tomas Brandt"}},
		{"the earlier speaker's name with 's",
			`"We will appeal," Ada Marsh said. Marsh's "fight to the very end" approach is "bound to fail," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Ada Marsh", "Tomas Brandt"}},
		{"no reference: the closing attribution",
			`"We will appeal," Ada Marsh said. The ruling was "a blow to every tenant" and "a gift to the landlords," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Tomas Brandt", "Tomas Brandt"}},
		{"the earlier speaker's title",
			`"The plan is sound and fair," Mayor Ada Marsh said. The mayor's "sound and fair plan" is "a fraud on the voters," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Ada Marsh", "Tomas Brandt"}},
		{"an organisation's pronoun opening the sentence",
			`"We will not pay the fines," Acme Corp said. Its pledge to "pay every worker in full" was "a lie from the start," Tomas Brandt said.`,
			[]string{"Acme Corp", "Acme Corp", "Tomas Brandt"}},
		{"a pronoun of the other gender: the closing attribution",
			`"We will appeal," Ada Marsh said. His ruling was "a blow to every tenant" and "a gift to the landlords," Tomas Brandt said.`,
			[]string{"Ada Marsh", "Tomas Brandt", "Tomas Brandt"}},
	})
}

// TestParticipleAfterWithHead checks which words after "with" are the
// subject of a participle of speaking (session 32 review, s32-qrev): the
// head of the phrase, before a preposition, names a person or a group
// ("tears in her eyes" does not: "her" is no one's noun); a "with" after
// a verb of talking ("met with reporters saying") and a gerund after a
// preposition ("by asking") leave the words to the sentence's subject. The articles are written for the test.
func TestParticipleAfterWithHead(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"with tears in her eyes",
			`Ada Marsh left the court with tears in her eyes saying the verdict was "a relief to us all."`,
			[]string{"Ada Marsh"}},
		{"met with: the one talked to listens",
			`Ada Marsh met with reporters saying the plan was "dead on arrival in the house."`,
			[]string{"Ada Marsh"}},
		{"sat down with: the one talked to listens",
			`Tomas Brandt sat down with reporters on Monday saying the vote was "a mistake we will regret."`,
			[]string{"Tomas Brandt"}},
		{"a gerund after by",
			`Ada Marsh opened the hearing with reporters on Monday by asking, "What were you thinking that night?"`,
			[]string{"Ada Marsh"}},
		{"a group with a place after it: the group, no one named",
			`Prices fell again, with traders in Dover saying the report was "worse than anyone feared."`,
			[]string{""}},
		{"an absolute with after a comma: its own subject",
			`The board approved the deal on Monday, with several directors calling it "a steal at this price."`,
			[]string{""}},
		{"an absolute with opening the sentence",
			`With Gov. Ada Marsh saying the budget is "balanced for the first time," lawmakers went home.`,
			[]string{"Ada Marsh"}},
	})
}

// TestDocumentOfNearestPublisher checks "the complaint said" when two
// documents of that kind were put out before it (session 32 review,
// s32-qrev): the nearer one is quoted, so a publisher named further back
// does not get its words when the nearer one's sentence does not open with
// its publisher's name; when it does, that publisher speaks. The articles
// are written for the test.
func TestDocumentOfNearestPublisher(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the nearer publisher is not a name",
			`Tomas Brandt filed a complaint against the city in May. The city filed a complaint of its own in June. "Brandt has no case at all," the complaint said.`,
			[]string{""}},
		{"the nearer publisher is a name",
			`Tomas Brandt issued a statement on Monday. Acme Corp later released a statement. "Sales doubled in the spring," the statement said.`,
			[]string{"Acme Corp"}},
	})
}

// TestDatelineAgencyIsNoSubject checks that the news agency of a dateline
// ("DOVER, Del. (AP) —") is not the subject of the sentence it opens
// (session 32 review, s32-qrev): since the agency is an entity, an
// unnamed subject's words after it had gone to the agency. A name after
// the dateline still speaks. The articles are written for the test.
func TestDatelineAgencyIsNoSubject(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an unnamed subject after the dateline",
			`DOVER, Del. (AP) — Some of them raised their fists and called out "Justice for all of us!" Others left flowers.`,
			[]string{""}},
		{"an old dateline's underscore",
			`TOKYO (AP) _ Some of them shouted "we want our jobs back now" at the gate.`,
			[]string{""}},
		{"a name after the dateline",
			`DOVER, Del. (AP) — Gov. Ada Marsh called the plan "a gift to the whole state" on Monday.`,
			[]string{"Ada Marsh"}},
	})
}
