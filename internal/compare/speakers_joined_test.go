package compare

import "testing"

// TestJoinedVerbSubject checks the subject of a speech verb joined by "and"
// to an earlier verb (session 31, s31-quote): the verb of a subordinate
// clause ("after Brandt criticized the city and warned") shares that
// clause's subject, not the sentence's; a pronoun that opens the sentence
// is the subject even when a possessive name follows it ("She attacked
// Brandt's budget and said"). The articles are written for the test.
func TestJoinedVerbSubject(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"subordinate clause, a name with titles",
			`Mayor Ada Marsh threatened the union on Sunday, after Union President Tomas Brandt criticized Marsh and warned that "a strike this winter is certain to come."`,
			[]string{"Tomas Brandt"}},
		{"subordinate clause, a lower-case role before the name",
			`Mayor Ada Marsh spoke on Sunday, after union leader Tomas Brandt criticized the city and warned that "a strike this winter is certain to come."`,
			[]string{"Tomas Brandt"}},
		{"subordinate clause, no comma",
			`Mayor Ada Marsh spoke on Sunday after Tomas Brandt criticized the city and warned that "a strike this winter is certain to come."`,
			[]string{"Tomas Brandt"}},
		{"subordinate clause, a pronoun",
			`Tomas Brandt led the union for ten years. Mayor Ada Marsh spoke on Sunday after he criticized the city and warned that "a strike this winter is certain to come."`,
			[]string{"Tomas Brandt"}},
		{"a subordinate clause whose verb is no speaking: the sentence's subject",
			`Ada Marsh waited until Tomas Brandt finished and then said "nothing will change in this city soon."`,
			[]string{"Ada Marsh"}},
		{"a preposition, not a clause: the old reading",
			`Mayor Ada Marsh spoke on Sunday after the rally and said that "a strike this winter is certain to come."`,
			[]string{"Ada Marsh"}},
		{"a clause ended by a dash: the sentence's subject",
			`Mayor Ada Marsh on Saturday called on the council to end a "cruel rule" that she says hurts families when they move house -- and also accused them of "protecting the landlords of the city."`,
			[]string{"Ada Marsh"}},
		{"an opening pronoun before a possessive name",
			`At a press conference on Wednesday, Governor Ada Marsh laid out her plan. She also attacked Mayor Tomas Brandt's handling of the budget and demanded that he "return the money to the county."`,
			[]string{"Ada Marsh"}},
		{"an opening pronoun, the verb said",
			`At a press conference on Wednesday, Governor Ada Marsh laid out her plan. She also attacked Mayor Tomas Brandt's budget and said that "the money must go back to the county."`,
			[]string{"Ada Marsh"}},
	})
}

// TestTexQuoteSentences checks that a quotation opened by two backquotes
// after the end of a sentence starts a sentence of its own for the
// speakers (session 31, s31-quote), as one opened by “ does: "he said"
// after it looks back to the sentence before, whose subject may be a
// description with the name in apposition, and a pronoun in an
// introductory clause there is its subject's.
func TestTexQuoteSentences(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a description, the name in apposition",
			"Investigators reached the valley on Monday. President Ivo Danek said nothing.\n\nA spokesman at the tribunal, Pavel Rusek, said he had no information on the delay. ``We are confirming that we are looking into these reports,'' he said.",
			[]string{"Pavel Rusek"}},
		{"an unnamed senator",
			"Ada Marsh spoke first. ``We lost the vote tonight,'' Marsh said.\n\nOne senior senator, now in his fourth term, summed up the day. ``When I came here, we were many,'' the senator said.",
			[]string{"Ada Marsh", "the senator"}},
		{"a pronoun in the introductory clause",
			"He said Brandt was hiding his money. ``Show us the money,'' Ivo Danek pleaded.\n\nAs he did in the Friday debate, Brandt gave only a short reply. ``The papers have been filed,'' he said.",
			[]string{"Ivo Danek", "Brandt"}},
		{"a pronoun in the introductory clause that the main clause has as object",
			"Ada Marsh, 31, came to the clinic as a young woman. As far as she is concerned, Brandt gave her a second chance.\n\n``If I had had that child, I would be stuck at home,'' she said.",
			[]string{"Ada Marsh"}},
	})
}

// TestInvertedAfterMixedQuote checks a quoted phrase inside a sentence that
// ends with an inverted attribution after a comma (session 31, s31-quote):
// the subject follows the verb, and an apposition after the name does not
// make the attribution too long to read.
func TestInvertedAfterMixedQuote(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"inverted verb after a comma",
			"One pier was damaged by the storm. The city has “enough other docks to receive the ferries” at the main harbor, said Jorge Davila.",
			[]string{"Jorge Davila"}},
		{"inverted verb, an apposition after the name",
			"One pier was damaged by the storm. But that caused no delay because “we have enough other docks to receive the ferries” at the main harbor, said Jorge Davila, executive director of the Calder Port Authority.",
			[]string{"Jorge Davila"}},
		{"inverted verb, a role with of before the name",
			"Job openings rose in April. \"Demand for workers is surging as the economy opens up again,\" said Calder Hiring Lab director of research Karel Novak.",
			[]string{"Karel Novak"}},
		{"inverted verb, of and a name: no role",
			"Job openings rose in April. \"Demand for workers is surging as the economy opens up again,\" said the lawyer of Karel Novak.",
			[]string{""}},
		{"a clause after the quoted phrase, then the attribution after a comma",
			"City officials now say with \"a fair degree of certainty\" that Calderian President Ivan Petrov took a direct part in the plan to sway the county vote, senior city officials told the Calder Times.",
			[]string{""}},
		{"a clause after the quoted phrase, then an organisation's attribution",
			"Tomas Brandt asked the board to explore \"options of service\" on an advisory panel with Ada Marsh, the White House said in a statement.",
			[]string{"White House"}},
		{"a news outlet reports others' words",
			// Not the outlet; since session 33 the owner of the
			// possessed "call for" (possessedSpeech), "" before.
			"A letter from his lawyer pointed to Tomas Brandt's call for \"the person who gave the reporter the papers\" to be named, the Calder Times reported.",
			[]string{"Tomas Brandt"}},
		{"the name before the verb keeps its reading",
			"One pier was damaged by the storm. The city has “enough other docks to receive the ferries” at the main harbor, Jorge Davila said.",
			[]string{"Jorge Davila"}},
	})
}

// TestSentenceCutsOfSpeakers checks the sentence cuts the speakers make
// (session 31, s31-quote): a title written out in lower case ends a
// sentence with its period (`said Karel Novak, the league's executive
// director. "..."` goes on with Novak's words); and a month's name that is the surname of a person named in full
// is that person ("Speaking in Downing Street, May said").
func TestSentenceCutsOfSpeakers(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a lower-case title ends the sentence after an inverted attribution",
			"Cities are changing. ``We are confident and comfortable with the system,'' said Karel Novak, the league's executive director. ``Since our game is the focus of the season, it is nice to have it resolved.''",
			[]string{"Karel Novak", "Karel Novak"}},
		{"a month's name as a surname",
			"Theresa May yielded to her party on Friday and set a date in the summer to leave the post. Speaking outside her office, May said it had been “the privilege of a lifetime” to lead the council. Her voice breaking, she said she would go.",
			[]string{"Theresa May"}},
		{"a month's name after a place",
			"Ada Marsh has bowed to pressure and will step aside. Speaking in Downing Street in May, she said it had been “the honour of my life” to serve the country.",
			[]string{"Ada Marsh"}},
	})
}

// TestAccordingToAfterQuote checks "according to" right after a quotation
// (session 31, s31-quote): it names the source (it was read as a clause in
// -ing and gave no one); an apposition after the source's name is left
// out; a source that names no one leaves the quote to the reading it had
// before.
func TestAccordingToAfterQuote(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an organisation after a quoted phrase",
			`A commission formed by Mayor Ada Marsh issued its report. The commission released a report Monday that offered "a definitive history of the city's founding," according to the Calder City Council.`,
			[]string{"Calder City Council"}},
		{"a direct quote, a person",
			"Troops returned on Thursday. “The troops are back in the building as the commander authorized,” according to Tomas Brandt.",
			[]string{"Tomas Brandt"}},
		{"a statement by a person, an apposition after the name",
			"Troops returned on Thursday. “The troops are back in the building as the commander authorized,” according to a statement by Air Force Maj. Tomas Brandt, a Guard Bureau spokesman.",
			[]string{"Tomas Brandt"}},
		{"no one named: the sentence's speaker as before",
			`During a call on Monday, Mayor Ada Marsh slammed union leader Tomas Brandt, calling him a "disaster," and that "people are tired of the strike," according to several reporters who listened to the call.`,
			[]string{"Ada Marsh"}},
	})
}

func TestJoinedClauseWithOwnSubject(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"and critics said after a quoted phrase",
			`Ada Lind called the plan "a mess. A real mess," and critics said "it will never work in this city."`,
			[]string{"Ada Lind", ""}},
		{"then an unnamed co-worker yelled",
			`"We heard a bang," Tom Brandt told reporters. "You hear noises every day at a mill, so I kept on working." Then a co-worker yelled, "Run, you have to leave the building now!"`,
			[]string{"Tom Brandt", "", ""}}, // the middle quote has no speaker on 55aa51a too
		{"and her aide said",
			`"It is a mess," Ada Lind said, and her aide said, "it will never work in this city."`,
			[]string{"Ada Lind", ""}},
		{"and said goes on",
			`Ada Lind called the plan "a mess. A real mess," and said "it will never work in this city."`,
			[]string{"Ada Lind", "Ada Lind"}},
		{"and then added goes on",
			`Ada Lind called the plan "a mess. A real mess," and then added "it will never work in this city."`,
			[]string{"Ada Lind", "Ada Lind"}},
		{"and quickly added goes on",
			`"It is a mess," Ada Lind said, and quickly added, "it will never work in this city."`,
			[]string{"Ada Lind", "Ada Lind"}},
		{"and a named speaker",
			`Ada Lind called the plan "a mess," and Tom Marsh said "it will never work in this city."`,
			[]string{"Tom Marsh"}},
	})
}
