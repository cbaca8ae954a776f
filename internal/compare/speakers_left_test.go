package compare

import "testing"

// TestPossessedRoleOfWords checks the possessed roles of more words
// (session 30, s30-q4): a role with "of" after its noun ("Marsh's chief of
// staff", before or after the verb), a role of a role ("Marsh's lawyer's
// wife"), a possessed role joined to a person by "and", and the holder
// named after the role with an aside after the name ("Marsh's lawyer Tomas
// Brandt, who was in court,"). The articles are written for the test.
func TestPossessedRoleOfWords(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"chief of staff after the quote",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's chief of staff said.",
			[]string{"Ada Marsh's chief of staff"}},
		{"deputy chief of staff, then he added",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh’s deputy chief of staff said. “She will fight,” he added.",
			[]string{"Ada Marsh's deputy chief of staff", "Ada Marsh's deputy chief of staff"}},
		{"chief of staff before a colon",
			"Ada Marsh was arrested on Friday. Marsh's chief of staff said: “She is calm.”",
			[]string{"Ada Marsh's chief of staff"}},
		{"inverted, chief of staff",
			"Ada Marsh was arrested on Friday. “She is calm,” said Marsh's chief of staff on Monday.",
			[]string{"Ada Marsh's chief of staff"}},
		{"director of communications",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's director of communications told reporters.",
			[]string{"Ada Marsh's director of communications"}},
		{"chief of staff, then the holder's name",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's chief of staff Tomas Brandt said.",
			[]string{"Tomas Brandt"}},
		{"other words after of are no part of the role",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's lawyer of 20 years said.",
			[]string{"Ada Marsh's lawyer"}},
		{"inverted, other words after of are no part of the role",
			"Ada Marsh was arrested on Friday. “She is calm,” said Marsh's friend of many years.",
			[]string{"Ada Marsh's friend"}},
		{"an office with of is no role: the old reading",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's campaign of lies said.",
			[]string{"Ada Marsh"}},
		{"a role of a role",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's lawyer's wife said.",
			[]string{"Ada Marsh's lawyer's wife"}},
		{"a possessed role and a person",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's son and Tomas Brandt said.",
			[]string{"Ada Marsh's son and Tomas Brandt"}},
		{"two possessed roles joined by and",
			"Ada Marsh was arrested on Friday. “She is calm,” Ada Marsh's son and daughter said.",
			[]string{"Ada Marsh's son and daughter"}},
		{"the holder named, an aside after the name",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's lawyer Tomas Brandt, who was in court, said. “She will fight,” he added.",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"inverted, the holder named, an aside after the name",
			"Ada Marsh was arrested on Friday. “She is calm,” said Marsh's lawyer Tomas Brandt, who was in court.",
			[]string{"Tomas Brandt"}},
	})
}

// TestSomeoneOfTheirs checks descriptions of someone of another's
// (session 30, s30-q4): a description opened by a person's possessive
// ("the senator's lawyer", "the Marshes' lawyer") is never the person the
// article calls so, nor one named in the description's relation phrase
// ("the brother of Marsh's lawyer", "said the chief of staff to Ada
// Marsh"); a source close to an organisation is not the organisation; "he"
// after such a description is no one named before. The articles are
// written for the test.
func TestSomeoneOfTheirs(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a family's lawyer, then he added",
			"Ada and Tomas Marsh were arrested on Friday. “They are calm,” the Marshes’ lawyer said. “They will fight,” he added.",
			[]string{"", ""}},
		{"the senator's lawyer",
			"Ada Marsh was arrested on Friday. “She is calm,” the senator's lawyer said.",
			[]string{""}},
		{"the victim's mother",
			"Ada Marsh was shot on Friday. “She was kind,” the victim's mother said.",
			[]string{""}},
		{"the victim's mother, named before",
			"Ada Marsh was shot on Friday. Her mother, Rosa Marsh, wept. “She was kind,” the victim's mother said.",
			[]string{"Rosa Marsh"}},
		{"a company's officer keeps the holder named before",
			"Acme Corp chief executive Ada Marsh spoke on Friday. “We are calm,” the company's chief executive said.",
			[]string{"Ada Marsh"}},
		{"the brother of a possessed role",
			"Ada Marsh was arrested on Friday. “She is calm,” the brother of Marsh's lawyer said.",
			[]string{""}},
		{"inverted, a description of someone of hers",
			"Ada Marsh was arrested on Friday. “She is calm,” said the chief of staff to Ada Marsh.",
			[]string{""}},
		{"a source close to an organisation, then he added",
			"Donald Trump spoke on Friday. “He is calm,” a source close to the White House said. “He will fight,” he added.",
			[]string{"", ""}},
		{"a source close to an organisation before a colon",
			"Donald Trump spoke on Friday. A source close to the White House said: “He is calm.”",
			[]string{""}},
		{"a longer description, then he added",
			"Donald Trump spoke on Friday. “He is calm,” a senior official at the White House said. “He will fight,” he added.",
			[]string{"", ""}},
		{"a relative clause after the noun, then he added",
			"Donald Trump spoke on Friday. “We are ready,” a man who lives near the plant said. “It is loud,” he added.",
			[]string{"", ""}},
		{"a spokesman for an organisation keeps it",
			"Donald Trump spoke on Friday. “He is calm,” a spokesman for the White House said.",
			[]string{"White House"}},
		{"a member of an organisation keeps it",
			"Donald Trump spoke on Friday. “He is calm,” a member of the Calder City Council said.",
			[]string{"Calder City Council"}},
	})
}
