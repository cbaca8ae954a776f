package compare

import "testing"

// TestSpeakerOfReportedParticiple checks mixed quotes whose last speech
// word before them is a participle: one inside the words an earlier verb
// reports ("letters accusing ...") is not the cue, the earlier verb is; one
// of the sentence's own subject (", accusing"), of a person named before it
// ("footage of Ada Marsh saying") or after a preposition ("quoted as
// saying") keeps its reading; and a pronoun joined to "is" or "has" ("He’s
// claiming") is the subject of the verb after it, not a possessor, but
// "It’s said" is an impersonal passive with no speaker. The
// articles are written for the test.
func TestSpeakerOfReportedParticiple(t *testing.T) {
	tests := []speakerCase{
		{"a participle inside what an earlier verb reports",
			"Ada Marsh met the council on Monday. She says Tomas Brandt’s letters accusing the council of fraud are “spite and nothing more.”",
			[]string{"Ada Marsh"}},
		{"a participle whose own words the quote is",
			"Ada Marsh met the council on Monday. She said Tomas Brandt’s report warning that the harbour is “close to collapse” was buried.",
			[]string{"Tomas Brandt"}},
		{"a participle of the subject set off by a comma",
			"Ada Marsh spoke on Monday, accusing the council of “lies and nothing but lies.”",
			[]string{"Ada Marsh"}},
		{"a participle after a name is that person's",
			"The advert ends with footage of Tomas Brandt saying on Monday, “That makes the deal a good one.”",
			[]string{"Tomas Brandt"}},
		{"a participle after a preposition",
			"Mayor Tomas Brandt was quoted by the Calder Herald as saying that the plan “will not pass the council this year.”",
			[]string{"Tomas Brandt"}},
		{"a pronoun joined to is before a participle",
			"Tomas Brandt spoke on Monday. He’s claiming that the harbour count is “a mess from start to finish.”",
			[]string{"Tomas Brandt"}},
		{"it joined to is before a past participle is an impersonal passive",
			"Acme Corp cut 300 jobs on Monday. It’s said the cuts were “a hard but needed step.”",
			[]string{""}},
		{"it joined to is before a present participle is the organisation",
			"Acme Corp cut 300 jobs on Monday. It’s saying the cuts were “a hard but needed step.”",
			[]string{"Acme Corp"}},
		{"a pronoun joined to has before a past participle",
			"Ada Marsh met the council on Monday. She's said the plan is “a good deal for the whole harbour.”",
			[]string{"Ada Marsh"}},
	}
	checkSpeakers(t, tests)
}
