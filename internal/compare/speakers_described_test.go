package compare

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestSpeakerIsTheDescribedInstitutionOrRole checks quotes credited to a
// body or a role the article describes in lower case and never names: the
// description is the speaker, as the article writes it, with its owner
// when given; a role whose holder the article names stays that person;
// unnamed people and a pronoun's relative stay without a speaker. The
// articles are written for the test.
func TestSpeakerIsTheDescribedInstitutionOrRole(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a ministry",
			"Storms hit the coast of Varden on Monday.\n\n“We are watching the rivers closely,” the ministry said.",
			[]string{"the ministry"}},
		{"a foreign office with a statement after the verb",
			"Talks stalled in Calderon.\n\n“No deal was reached at this stage,” the foreign office said in a statement.",
			[]string{"the foreign office"}},
		{"police with no article",
			"A man was held after the fire on Elm Street.\n\n“The suspect was detained at the scene,” police said.",
			[]string{"police"}},
		{"police opening the sentence before the quote",
			"A man was held after the fire on Elm Street.\n\nPolice said: “The suspect was detained at the scene.”",
			[]string{"Police"}},
		{"a town's police, not the town",
			"A storm hit Calderon on Monday.\n\n“Three people died,” Calderon police said.",
			[]string{"Calderon police"}},
		{"a spokesman for an institution described",
			"Troops moved north overnight.\n\n“The operation is going to plan,” a spokesman for the army said.",
			[]string{"the army"}},
		{"an institution's spokeswoman, the verb first",
			"The ferry sank near the pier.\n\n“Everyone was rescued,” said a police spokeswoman.",
			[]string{"police"}},
		{"a company described, none named",
			"Shares of the chain fell sharply.\n\n“We will review the plan,” the company said.",
			[]string{"the company"}},
		{"the country's ministry keeps its owner as written",
			"Clashes broke out near the river.\n\n“Two soldiers were wounded,” the country's defence ministry said.",
			[]string{"the country's defence ministry"}},
		{"a named owner's ministry, not the owner",
			"Clashes broke out near the river.\n\n“Two soldiers were wounded,” Varden's defence ministry said.",
			[]string{"Varden's defence ministry"}},
		{"a ministry of",
			"The talks failed.\n\n“We regret the decision,” the ministry of foreign affairs said.",
			[]string{"the ministry of foreign affairs"}},
		{"an opening phrase before the subject",
			"The storm hit Calderon.\n\nIn a statement on Monday, the health ministry said: “Three people died.”",
			[]string{"the health ministry"}},
		{"a clause joined by and",
			"In 2019, the bank was robbed, and the company said in a statement that “all accounts were safe” after the raid.",
			[]string{"the company"}},
		{"a clause joined after the quote is no attribution",
			"Within days, the general believed that “the war is over,” the old flag was lowered, and the government announced new elections.",
			[]string{""}},
		{"a role no one named holds",
			"The blaze destroyed the warehouse.\n\n“It was definitely deliberate,” the fire chief said.",
			[]string{"the fire chief"}},
		{"a role after the verb, a participle after the comma",
			"The plan was unveiled on Monday.\n\n“We will act now,” said the president, speaking about his plan.",
			[]string{"the president"}},
		{"a role after the verb, a participle after the comma, its holder named",
			"President Ada Marsh unveiled the plan on Monday.\n\n“We will act now,” said the president, speaking about her plan.",
			[]string{"Ada Marsh"}},
		{"a vice president is no holder of the presidency",
			"President Ada Marsh unveiled the plan on Monday. The review was led by Vice President Tomas Brandt.\n\n“We will act now,” the president said.",
			[]string{"Ada Marsh"}},
		{"a role whose holder the article names is the holder",
			"Prime Minister Jane Okafor arrived in the capital on Tuesday.\n\nThe talks lasted four hours.\n\n“We made real progress,” the prime minister said.",
			[]string{"Jane Okafor"}},
		{"an age whose person the article names is the person",
			"Tomas Brandt was charged with theft on Monday.\n\n“I am innocent,” the 45-year-old said.",
			[]string{"Tomas Brandt"}},
		{"unnamed officials stay without a speaker",
			"Flooding closed three roads.\n\n“Crews are working through the night,” officials said.",
			[]string{""}},
		{"an unnamed officer stays without a speaker",
			"The man fell from the bridge.\n\n“He was pulled out alive,” the officer said.",
			[]string{""}},
		{"a pronoun's lawyer stays without a speaker",
			"The man fell from the bridge.\n\n“He was pulled out alive,” his lawyer said.",
			[]string{""}},
		{"a statement issued, a participle after it",
			"The storm hit Calderon.\n\nThe ministry issued a statement, saying: “Three people died.”",
			[]string{""}},
	})
}

// TestDescribedSpeakerShapes checks which subjects describedSpeaker reads
// as one description of a body or a role.
func TestDescribedSpeakerShapes(t *testing.T) {
	tests := []struct{ subj, want string }{
		{"the ministry", "the ministry"},
		{"The Varden interior ministry", "the Varden interior ministry"},
		{"Police", "police"},
		{"local police", "local police"},
		{"an army spokesman", "the army"},
		{"a company spokeswoman", "the company"},
		{"a spokesman", ""},
		{"the ministry also", ""},
		{"the ministry and the army", ""},
		{"his office", ""},
		{"the official", ""},
		{"the source", ""},
		{"the 45-year-old", ""},
		{"the newspaper", ""},
		{"officials", ""},
		{"the president of Acme", ""},
		{"the crowd", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := describedSpeaker(tt.subj); got != tt.want {
			t.Errorf("describedSpeaker(%q) = %q, want %q", tt.subj, got, tt.want)
		}
	}
}

// TestNamedSpeakerWinsOverDescription checks that a quotation found in two
// articles, one crediting a described body and one naming it, is shown
// with the name whichever article comes first.
func TestNamedSpeakerWinsOverDescription(t *testing.T) {
	a := news.Article{ID: "a", Text: "Storms hit the coast of Varden on Monday.\n\n“We are watching the rivers closely,” the ministry said."}
	b := news.Article{ID: "b", Text: "Storms hit the coast of Varden on Monday.\n\n“We are watching the rivers closely,” the Varden Water Ministry said."}
	for _, arts := range [][]news.Article{{a, b}, {b, a}} {
		c := Compare(arts)
		if len(c.Quotes) != 1 || c.Quotes[0].Speaker != "Varden Water Ministry" {
			t.Errorf("quotes = %+v, want one quote of the Varden Water Ministry", c.Quotes)
		}
	}
}

// FuzzDescribedSpeaker checks that any subject text gives either no
// description or one made of the subject's own words (a leading article
// or a lone word lower-cased, "the" before a spokesperson's body added).
func FuzzDescribedSpeaker(f *testing.F) {
	for _, s := range []string{"the ministry", "Police", "a spokesman for the army", "Varden's defence ministry",
		"In a statement, the health ministry", "the ministry of foreign affairs", "an army spokesman", "’s", "the 's", ", ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, subj string) {
		got := describedSpeaker(subj)
		if got == "" {
			return
		}
		lower := strings.ToLower(subj)
		for _, w := range strings.Fields(got) {
			if w != "the" && !strings.Contains(lower, strings.ToLower(w)) {
				t.Fatalf("describedSpeaker(%q) = %q: %q is not in the subject", subj, got, w)
			}
		}
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

// TestDescriptionNamedRightAfter checks that a description subject no one
// before it fits ("the top commander says", "the city's police chief
// said") is the person the next sentences name with the same noun ("the
// commander, Gen. Omar Kaplan,", "Tomas Brandt, the lawyer,", "Walter
// Latimer, principal of ...") (session 33, s33-q2), and that it is no one
// when those words describe someone else: another or a former holder of
// the noun, two people, a name of the other gender, an organisation, an
// unnamed source's noun, a possessive description, a name too far on, or
// one inside a quotation. The articles are written for the test.
func TestDescriptionNamedRightAfter(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the commander, a title, the name",
			"Tension has risen to the point where the top military commander says they have reached \"a state of undeclared war.\"\n\n\"We are trying to be patient,\" said the commander, Gen. Omar Kaplan, \"but that has a limit.\"",
			[]string{"Omar Kaplan", "Omar Kaplan", "Omar Kaplan"}},
		{"the police chief, the name, in the next sentence",
			"Officers are clearing a camp in the park that has turned \"lawless and brutal\" over the summer, the town's police chief told a radio station late Monday. The order followed a long night, the town's police chief, Carla Best, wrote in a memo.",
			[]string{"Carla Best"}},
		{"the name, then the noun with the",
			`The deal collapsed, and the lawyer said the terms were "never acceptable to my client at all." Tomas Brandt, the lawyer, filed a motion.`,
			[]string{"Tomas Brandt"}},
		{"the name, then the bare noun before of",
			`The school is closed, and the principal said the building was "not safe for anyone to enter." Walter Latimer, principal of River High School, spoke later.`,
			[]string{"Walter Latimer"}},
		// Must not fire.
		{"another commander",
			`Fighting has grown so fierce that the top commander says the army faces "a long and bloody winter ahead." Another commander, Gen. Ali Demir, said the talks had failed.`,
			[]string{""}},
		{"an indefinite commander",
			`The war drags on, and the commander said the troops were "tired but still ready to fight." A commander, Gen. Ali Demir, disagreed.`,
			[]string{"the commander"}},
		{"a former lawyer",
			`The deal collapsed, and the lawyer said the terms were "never acceptable to my client at all." The former lawyer, Tomas Brandt, filed a motion.`,
			[]string{""}},
		{"two judges named",
			`The hearing was short, and the judge said the case was "a waste of the court's time and money." The judge, Ada Marsh, and the judge, Tomas Brandt, later disagreed.`,
			[]string{"the judge"}},
		{"a name of the other gender",
			`The show closed early, and the actress said it had been "the hardest year of my whole life." The actress, Tomas Brandt, said he would return in the spring.`,
			[]string{""}},
		{"an organisation",
			`Shares fell sharply after the company said sales were "well below what we had hoped for." The company, Acme Corp, said it would cut jobs.`,
			[]string{""}},
		{"an unnamed source's noun",
			`The plan was delayed again, the official said, calling it "a mess from the very start." The official, Tomas Brandt, declined to comment further.`,
			[]string{""}},
		{"a possessive description",
			`The deal collapsed, and his lawyer said the terms were "never acceptable to my client at all." His lawyer, Tomas Brandt, filed a motion.`,
			[]string{""}},
		{"a name too far on",
			`The team lost again, and the coach said the season was "over before it even began." Fans left early. The stadium was half empty. Tickets were cheap. The coach, Tomas Brandt, was fired.`,
			[]string{"the coach"}},
		{"a possessed noun names someone else",
			`The vote failed, and the senator said it was "a sad day for the whole country." The senator's aide, Tomas Brandt, said more.`,
			[]string{"the senator"}},
	})
}

// TestJoinedClauseWithOwnSubject checks that a quote after "and" or "then"
// and a clause with a subject of its own ("and critics said", "Then a
// co-worker yelled") does not go on with the speaker of the quote before
// (session 33, s33-q2: found on invented probes of the "but said" rule;
// one such quote of ecbplus_dev went to the speaker before), while "and
// said", "and then added" and "and quickly added" still do. The articles
// are written for the test.
// TestDescriptionOfAnotherHolderNotNamed checks that "the coach said" is
// not given to a person the next sentence names as the opposing, previous,
// late, outgoing or new holder of the role (s33-rev2 review of s33-q2's
// namedAfterDescription): that is someone else, and no speaker is better.
// The articles are written for the test.
func TestDescriptionOfAnotherHolderNotNamed(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the opposing coach",
			"\"We are ready for the final game,\" the coach said. The opposing coach, Mike Jones, disagreed.",
			[]string{"the coach"}},
		{"the team's previous coach",
			"\"We are ready for the final game,\" the coach said. The team's previous coach, Mike Jones, disagreed.",
			[]string{"the coach"}},
		{"the late coach",
			"\"We are ready for the final game,\" the coach said. The late coach, Mike Jones, built the team.",
			[]string{"the coach"}},
		{"the rival pitcher",
			"\"We lost the game today,\" the pitcher said. The rival pitcher, Sam Ortiz, threw a shutout.",
			[]string{""}},
		{"the new president",
			"\"We lost the vote today,\" the president said. The new president, Sam Ortiz, takes office in May.",
			[]string{"the president"}},
		{"the same holder is still named",
			"\"We lost the game today,\" the pitcher said. The pitcher, Sam Ortiz, gave up two runs.",
			[]string{"Sam Ortiz"}},
	})
}
