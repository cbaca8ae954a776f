package compare

import "testing"

// TestReportedSourceAfterQuote checks the review of session 31's readings
// of an attribution after a quote (s31-qrev): "according to" names the
// source of a direct quote, but not a name the source is about ("the
// indictment against X"), an apposition that opens with a capital is the
// name itself, and a quoted phrase whose sentence already has a speaker
// before it keeps that speaker when the words after the quote only report
// it ("according to X", "last week, said X", "..., the Herald reported").
// The articles are written for the test.
func TestReportedSourceAfterQuote(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"according to a document about a person: no one",
			"Tomas Brandt was indicted on Tuesday.\n\n\"The defendant moved the money through three banks in two years,\" according to the indictment unsealed Tuesday against Tomas Brandt.",
			[]string{""}},
		{"according to a description, then the name in apposition",
			"Tomas Brandt was charged on Monday.\n\n\"My client has done nothing wrong at any time,\" according to Brandt's lawyer, Ada Marsh.",
			[]string{"Ada Marsh"}},
		{"according to a name, then its description",
			"Ada Marsh spoke on Monday.\n\n\"We will strike if the offer does not improve,\" according to Tomas Brandt, the union's president.",
			[]string{"Tomas Brandt"}},
		{"a speaker before the quoted phrase, according to a witness",
			`Tomas Brandt called the deal "a betrayal of every worker in this city," according to Ada Marsh, who attended the meeting.`,
			[]string{"Tomas Brandt"}},
		{"a speaker before the quoted phrase, according to a council member",
			`Tomas Brandt told the council that the city was "running out of money very fast," according to council member Ada Marsh.`,
			[]string{"Tomas Brandt"}},
		{"a speaker before the quoted phrase, an inverted attribution after a clause",
			`Tomas Brandt called it "a waste of city money" last week, said Ada Marsh, who opposes it.`,
			[]string{"Tomas Brandt"}},
		{"a speaker before the quoted phrase, an outlet after a clause",
			`Tomas Brandt, who called the plan "a waste of money for the city," resigned on Monday, the Calder Herald reported.`,
			[]string{"Tomas Brandt"}},
		{"no speaker before the quoted phrase: the inverted attribution's",
			`The city has "enough docks for every boat in town" at the harbor, said Jorge Davila, director of the port.`,
			[]string{"Jorge Davila"}},
		{"a quote that ends its sentence: the words after it are the next sentence's",
			`Take Ada Marsh's claim that the plan, in which Tomas Brandt praised the union, was "delivered from a city where budgets do not matter." The stadium fund, she claimed, "did nothing for anyone in the county."`,
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a written source after the quote keeps its words",
			`Tomas Brandt asked the board to explore "options of service on an advisory panel," according to a statement from company secretary Ada Marsh.`,
			[]string{"Ada Marsh"}},
		{"tokenised quotes: an earlier quote in the sentence",
			"Tomas Brandt asked, ``Who will pay for this new stadium in the end?'' ``Not the city, and not the state,'' Ada Marsh replied.",
			[]string{"Tomas Brandt", "Ada Marsh"}},
	})
}

// TestLowerCaseTitleAbbreviation checks that a title abbreviated in lower
// case keeps its period inside the sentence for the speakers (review
// s31-qrev): session 31 made a title written out in lower case end a
// sentence ("... met the president. "..."") and had cut "gov." and "sen."
// too. The articles are written for the test.
func TestLowerCaseTitleAbbreviation(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"former gov.",
			"Tomas Brandt spoke first.\n\n\"We will not pay for a second stadium this year,\" said former gov. Ada Marsh.",
			[]string{"Ada Marsh"}},
		{"state sen.",
			"Tomas Brandt spoke first.\n\n\"We will not pay for a second stadium this year,\" said state sen. Ada Marsh.",
			[]string{"Ada Marsh"}},
		{"a title written out still ends the sentence",
			"Ada Marsh met the president. \"We agreed on a new plan for the whole city,\" she said.",
			[]string{"Ada Marsh"}},
	})
}
