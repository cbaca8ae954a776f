package compare

import "testing"

// TestPossessedRoleAlone checks that "Marsh's lawyer said", with nothing
// after the noun, is "Ada Marsh's lawyer", not Marsh, whose own words
// they are not; "Marsh said through her lawyer" stays hers. The articles
// are written for the test.
func TestPossessedRoleAlone(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the lawyer after the quote",
			"Ada Marsh was arrested on Friday. “She will fight these charges in court,” Marsh's lawyer said.",
			[]string{"Ada Marsh's lawyer"}},
		{"the lawyer before a colon",
			"Ada Marsh was arrested on Friday. Marsh’s lawyer said: “She will fight these charges in court.”",
			[]string{"Ada Marsh's lawyer"}},
		{"an attorney who told reporters",
			"Ada Marsh was arrested on Friday. “She will fight these charges,” Marsh's attorney told reporters.",
			[]string{"Ada Marsh's attorney"}},
		{"a role of two words",
			"Donald Trump spoke on Friday. “We will win this state,” Trump's campaign manager said.",
			[]string{"Donald Trump's campaign manager"}},
		{"a former lawyer, then he added",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's former lawyer said. “She will fight,” he added.",
			[]string{"Ada Marsh's former lawyer", "Ada Marsh's former lawyer"}},
		{"a possessed role inside a description",
			"Tomas Brandt met voters on Monday. “We are proud of him,” the brother of Tomas Brandt's wife said.",
			[]string{""}},
		{"her own words through her lawyer",
			"Ada Marsh was arrested on Friday. “I will fight these charges in court,” Marsh said through her lawyer.",
			[]string{"Ada Marsh"}},
	})
}

// TestNameInADescription checks that a person named inside the
// description of someone unnamed ("a source close to Marsh", "a lawyer
// who knows Falk") is not the speaker, while a name set off by commas
// after the description, or after a noun of its own, is. The articles are
// written for the test.
func TestNameInADescription(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a source close to", "Ada Marsh was arrested on Friday. “She is very calm about this,” a source close to Marsh said.", []string{""}},
		{"a friend of", "Ada Marsh was arrested on Friday. “She is very calm about this,” a friend of Marsh said.", []string{""}},
		{"familiar with her thinking", "Ada Marsh was arrested on Friday. “She is very calm about this,” a person familiar with Marsh's thinking said.", []string{""}},
		{"a lawyer who knows", "Dean Falk was arrested on Friday. “He is a careful man who would never do this,” a lawyer who knows Falk said.", []string{""}},
		{"one of her aides", "Ada Marsh was arrested on Friday. “She is very calm about this,” one of Marsh's aides said.", []string{""}},
		{"a representative for", "Ada Marsh was arrested on Friday. “She is very calm about this,” a representative for Marsh told reporters.", []string{""}},
		{"a friend before a colon", "Ada Marsh was arrested. A friend of Ada Marsh said: “She is very calm about this.”", []string{""}},
		{"two people named after the relation", "“We are very proud of her,” the daughter of Tomas Brandt and Ada Marsh said.", []string{""}},
		{"the description's object opens the sentence before",
			"Ada Marsh met voters on Monday. “We will cooperate fully,” the chief of staff to Governor Ada Marsh said.", []string{""}},
		{"footage of a person saying", "The new ad uses footage of Ada Marsh saying, “We will win this state next year.”", []string{"Ada Marsh"}},
		{"one of the lawyers for", "Ada Marsh was arrested on Friday. “She is very calm about this,” one of the lawyers for Ada Marsh said.", []string{""}},
		{"the speaker named after a comma", "“I am very calm about this,” the lawyer who represents Ada Marsh, Tomas Brandt, said.", []string{"Tomas Brandt"}},
		{"a title's holder after its noun", "“The agency will cooperate fully,” the head of the agency Tomas Brandt said.", []string{"Tomas Brandt"}},
		{"the name with a relative clause after it", "Ada Marsh was arrested on Friday. “I am very calm about this,” Marsh, who denies the charge, said.", []string{"Ada Marsh"}},
	})
}

// TestPossessedRoleSpellings checks the review of the possessed role
// (session 30): the role's holder named right after it with no comma
// ("Marsh's lawyer Tomas Brandt said") is that person, the fullest name
// the article gives, not the possessor; a bare apostrophe after a name
// ending in s ("Jones' lawyer", AP style) reads as "Jones's"; an adverb
// before the verb ("Marsh's lawyer later said") is no part of the role.
// The articles are written for the test.
func TestPossessedRoleSpellings(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the lawyer named after the role, no comma",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's lawyer Tomas Brandt said. “She will fight,” he added.",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"inverted, the lawyer named after the role",
			"Ada Marsh was arrested on Friday. “She is calm,” said Marsh’s lawyer Tomas Brandt.",
			[]string{"Tomas Brandt"}},
		{"a role of two words, then the name",
			"Donald Trump spoke on Friday. “We will win this state,” Trump's campaign chairman Paul Manafort said.",
			[]string{"Paul Manafort"}},
		{"an office is no role: its name stays the possessor's reading",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's campaign Tomas Brandt said.",
			[]string{"Ada Marsh"}},
		{"a bare apostrophe after a name in s",
			"Ada James was arrested on Friday. “She is calm,” James' lawyer said.",
			[]string{"Ada James's lawyer"}},
		{"a curly bare apostrophe, a title before the name",
			"Ada James was re-elected on Friday. “We will win this state,” Sen. James’ aide said.",
			[]string{"Ada James's aide"}},
		{"a bare apostrophe and the named lawyer after a comma",
			"Ada James was arrested on Friday. “She is calm,” James' lawyer, Tomas Brandt, said.",
			[]string{"Tomas Brandt"}},
		{"a bare apostrophe before an office",
			"Ada James was arrested on Friday. “She is calm,” James' office said.",
			[]string{"Ada James's office"}},
		{"an adverb before the verb",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's lawyer later said.",
			[]string{"Ada Marsh's lawyer"}},
		{"an adverb after an office",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh's office also said.",
			[]string{"Ada Marsh's office"}},
	})
}

// TestPossessedRoleNamedWithApostrophe checks that a curly apostrophe in
// the name after a possessed role ("Marsh's lawyer Dara O’Neill") neither
// breaks the reading nor the attributor. The article is written for the
// test.
func TestPossessedRoleNamedWithApostrophe(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an apostrophe in the lawyer's name",
			"Ada Marsh was arrested on Friday. “She is calm,” Marsh’s lawyer Dara O’Neill said.",
			[]string{"Dara O’Neill"}},
	})
}
