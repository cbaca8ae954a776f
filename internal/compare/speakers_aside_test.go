package compare

import "testing"

// TestParticipleAsideNamesNoSpeaker: a participle or prepositional aside
// set off by commas between the subject and the verb ("The president,
// sitting next to the prime minister, said") only names who stands beside
// the speaker.
func TestParticipleAsideNamesNoSpeaker(t *testing.T) {
	const opening = "President Tomas Brandt flew to Calder on Monday to meet Prime Minister Piet Kroon.\n\n"
	runSpeakerCases(t, []struct {
		name, text string
		want       []string
	}{
		{"before a colon",
			opening + "The president, sitting next to Kroon, said: “We agreed on the bridge.”",
			[]string{"Tomas Brandt"}},
		{"after the quote",
			opening + "“We agreed on the bridge,” the president, sitting next to Kroon, said.",
			[]string{"Tomas Brandt"}},
		{"a past participle, before reported words",
			opening + "The president, flanked by Kroon and his wife, told reporters that the bridge was “a done deal.”",
			[]string{"Tomas Brandt"}},
		{"a name opens the subject",
			opening + "Ada Marsh, standing beside Kroon, said: “We agreed on the bridge.”",
			[]string{"Ada Marsh"}},
		{"an apposition is no aside",
			"Ada Marsh met Piet Kroon on Monday.\n\nThe mayor of Dover, Tomas Brandt, said: “We agreed on the bridge.”",
			[]string{"Tomas Brandt"}},
		{"a main verb after an apposition is no aside",
			"Tomas Brandt, the mayor of Dover and Kroon's former aide, joined the debate on Monday and said that Piet Kroon should “clear the table” first.",
			[]string{"Tomas Brandt"}},
		{"an opening phrase is no subject",
			"Ada Marsh spoke first.\n\nOn Thursday, in a letter to Marsh, Tomas Brandt said: “We agreed on the bridge.”",
			[]string{"Tomas Brandt"}},
		{"a document's agent is no aside",
			"Ada Marsh spoke first.\n\nThe report, released by the Pentagon, said: “The bridge is safe.”",
			[]string{"Pentagon"}},
		{"a document's signer is no aside",
			"Piet Kroon spoke first.\n\nThe statement, signed by Ada Marsh, said: “The bridge is safe.”",
			[]string{"Ada Marsh"}},
	})
}

// TestRoleNounIsThePersonSoDescribed: "the comedian said" is the person
// the article calls a comedian (before the name, or in apposition after
// it); when no one is, only the person who opens the sentence before, never
// the last person of the noun's gender.
func TestRoleNounIsThePersonSoDescribed(t *testing.T) {
	runSpeakerCases(t, []struct {
		name, text string
		want       []string
	}{
		{"a noun that opens the sentence before the name",
			"Comedian Ada Marsh opened the festival in Calder on Friday. Tomas Brandt, the mayor, spoke after her.\n\n“I am not here to be funny,” the comedian added.",
			[]string{"Ada Marsh"}},
		{"a noun in apposition",
			"Ada Marsh, a comedian from Dover, opened the festival in Calder on Friday. Tomas Brandt, the mayor, spoke after her.\n\n“I am not here to be funny,” the comedian said.",
			[]string{"Ada Marsh"}},
		{"no one so described",
			"Tomas Brandt, the mayor, opened the festival in Calder on Friday. The crowd cheered for Ada Marsh.\n\n“I am not here to be funny,” the actress said.",
			[]string{""}},
		{"no one so described but the opener of the sentence before",
			"Tomas Brandt, the mayor, opened the festival in Calder on Friday. Ada Marsh spoke after him.\n\n“I am not here to be funny,” the actress said.",
			[]string{"Ada Marsh"}},
		{"a possessed noun before the name",
			"Ada Marsh resigned on Monday. Her lawyer, Tomas Brandt, spoke later. Ada Marsh left the court.\n\n“She did nothing wrong,” the lawyer said.\n\n“She will appeal,” her lawyer said.",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"a possessed noun in apposition",
			"Ada Marsh resigned on Monday. Tomas Brandt, her lawyer, spoke later. Ada Marsh left the court.\n\n“She did nothing wrong,” the lawyer said.",
			[]string{"Tomas Brandt"}},
		{"a noun in apposition after a name's 's",
			"Ada Marsh resigned on Monday. Tomas Brandt, Marsh's lawyer, spoke later. Ada Marsh left the court.\n\n“She did nothing wrong,” the lawyer said.",
			[]string{"Tomas Brandt"}},
		{"a role noun of the other gender than the opener before",
			"Tomas Brandt, the mayor, opened the festival in Calder on Friday.\n\n“I am not here to be funny,” the actress said.",
			[]string{""}},
		{"a noun followed by a verb is no apposition",
			"The council met in Calder on Friday with Ada Marsh, the engineer says, and voted no.\n\nThe vote came late.\n\n“The bridge is too dear,” the engineer said.",
			[]string{""}},
	})
}

// TestGroupSpeakerIsNoMember: words a group says ("Senate Democrats,
// including Ada Marsh, said", "Marsh and other Democrats said") are the
// group's, a party's by its name, never one member's.
func TestGroupSpeakerIsNoMember(t *testing.T) {
	const opening = "Senator Tomas Brandt spoke on Monday.\n\n"
	runSpeakerCases(t, []struct {
		name, text string
		want       []string
	}{
		{"a party's members, one named in an aside",
			opening + "Senate Democrats, including Ada Marsh, said the budget was “dead on arrival.”",
			[]string{"Senate Democrats"}},
		{"some of a party's members, one named in an aside",
			opening + "Many of the Democrats, including Ada Marsh, said the budget was “dead on arrival.”",
			[]string{"Democrats"}},
		{"a group spoken of, with the speaker after a comma",
			opening + "Republicans who back such changes, Ada Marsh said, are “a small minority.”",
			[]string{"Ada Marsh"}},
		{"a party's members with a phrase and an aside",
			opening + "Democrats on the committee, led by Senator Ada Marsh, said the budget was “dead on arrival.”",
			[]string{"Democrats"}},
		{"a member and others",
			opening + "“We will not support this budget,” Marsh and other Democrats said.",
			[]string{""}},
		{"a member and others after the verb",
			opening + "“We will not support this budget,” said Ada Marsh and two other senators.",
			[]string{""}},
		{"a member's colleagues",
			opening + "Many of Marsh's colleagues said the budget was “dead on arrival.”",
			[]string{""}},
		{"a group before another subject",
			opening + "Democrats who back the plan, he said, “are wrong about the budget.”",
			[]string{"Tomas Brandt"}},
		{"a surname that looks plural",
			opening + "“We will not support this budget,” said Ada Childs.",
			[]string{"Ada Childs"}},
	})
}

// TestDashBylineWithTitles: a quote followed by a dash and a byline ("—
// Sen. Tomas Brandt (R-Ark.), in a tweet") is the person named there,
// titles and an organisation that only qualifies the title ("— Calder
// Party Chair Ada Marsh") aside.
func TestDashBylineWithTitles(t *testing.T) {
	runSpeakerCases(t, []struct {
		name, text string
		want       []string
	}{
		{"titles and a qualifying organisation before the names",
			"“Was the mayor paid for these books?” — Calder Party Chair Ada Marsh, in a tweet, April 26, 2021 “The council’s weakness caused a surge. Now they want more?” — Sen. Tomas Brandt (R-Ark.), in a tweet, April 25, 2021",
			[]string{"Ada Marsh", "Tomas Brandt"}},
		{"an organisation's byline",
			"“We will win.” — the Calder Party, in a statement",
			[]string{"Calder Party"}},
	})
}

// TestQuoteRunOverParagraphs: a quotation left open at its paragraph's end
// goes on in the next paragraph, whose attribution is the whole run's.
func TestQuoteRunOverParagraphs(t *testing.T) {
	runSpeakerCases(t, []struct {
		name, text string
		want       []string
	}{
		{"two paragraphs, attributed once",
			"Mayor Tomas Brandt spoke for an hour on Monday.\n\n“We owe the town a bridge, and we owe it a good one.\n\n“I have asked the council to find the money,” he said.",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"a closed quote is not continued",
			"Mayor Tomas Brandt spoke for an hour on Monday.\n\nA sign read “We owe the town a bridge.”\n\n“I have asked the council to find the money,” said Ada Marsh.",
			[]string{"", "Ada Marsh"}},
		{"an open quote with its own cue is not continued",
			"Mayor Tomas Brandt spoke for an hour on Monday.\n\nThe sign said “We owe the town a bridge, and we owe it a good one.\n\n“I have asked the council to find the money,” said Ada Marsh.",
			[]string{"", "Ada Marsh"}},
		{"an open quote goes on only in the next paragraph",
			"Mayor Tomas Brandt spoke for an hour on Monday.\n\n“We owe the town a bridge, and we owe it a good one.\n\nThe council met later.\n\n“I have asked the council to find the money,” said Ada Marsh.",
			[]string{"", "Ada Marsh"}},
	})
}
