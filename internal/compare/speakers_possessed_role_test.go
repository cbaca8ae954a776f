package compare

import (
	"strings"
	"testing"
)

// TestSpeakerIsThePossessedBody checks that a person's campaign, deputy or
// lawyer speaks, not the person nor one named in an aside about it
// ("Tomas Brandt's campaign, run by Jo Pike,"). The articles are written
// for the test.
func TestSpeakerIsThePossessedBody(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a campaign with an aside naming who runs it, the quote first",
			"Tomas Brandt is running for mayor. “We are confident,” Tomas Brandt's campaign, run by Jo Pike, said.",
			[]string{"Tomas Brandt's campaign"}},
		{"a campaign with an aside naming who runs it, before a colon",
			"Tomas Brandt is running for mayor.\n\nTomas Brandt's campaign, run by Jo Pike, said: “We are confident.”",
			[]string{"Tomas Brandt's campaign"}},
		{"an office with an aside led by someone",
			"Ada Marsh met the union on Monday.\n\nAda Marsh's office, led by Lena Oduya, said: “The talks were useful.”",
			[]string{"Ada Marsh's office"}},
		{"the one named after the comma still speaks",
			"Ada Marsh is running for mayor. “We are confident,” Marsh's campaign, Tomas Brandt, said.",
			[]string{"Tomas Brandt"}},
	})
}

// TestSpeakerIsThePossessedRole checks that a person's deputy, lawyer or
// aide described in an apposition ("Brandt's deputy, a former police
// chief,") speaks, not the person. The articles are written for the test.
func TestSpeakerIsThePossessedRole(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a deputy with an apposition, the quote first",
			"Tomas Brandt resigned on Monday. “The force will carry on,” Brandt's deputy, a former police chief, said.",
			[]string{"Tomas Brandt's deputy"}},
		{"a deputy with an apposition, before a colon",
			"Tomas Brandt resigned on Monday.\n\nBrandt's deputy, a former police chief, said: “The force will carry on.”",
			[]string{"Tomas Brandt's deputy"}},
		{"a lawyer with an apposition",
			"Ada Marsh was charged on Monday. “The case has no merit,” Marsh's lawyer, a former judge, said.",
			[]string{"Ada Marsh's lawyer"}},
		{"a statement with an apposition is no role",
			"Ada Marsh was charged on Monday. “The case has no merit,” Marsh's statement, released on Monday, said.",
			[]string{"Ada Marsh"}},
	})
}

// TestSpeakerIsTheFamilyNamedBySurname checks that "a spokesperson for the
// Falk family" is the family (with the fullest name of the person the
// article gives), not Falk, as "a spokesperson for the family of Dean
// Falk" is. The articles are written for the test.
func TestSpeakerIsTheFamilyNamedBySurname(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the family named by the surname of a person named before",
			"Dean Falk died on Monday. “We ask for privacy at this time,” a spokesperson for the Falk family said.",
			[]string{"Dean Falk's family"}},
		{"before a colon",
			"Dean Falk died on Monday.\n\nA spokesperson for the Falk family said: “We ask for privacy at this time.”",
			[]string{"Dean Falk's family"}},
		{"a surname the article gives no one",
			"A man died on Monday. “We ask for privacy at this time,” a spokesperson for the Falk family said.",
			[]string{"Falk's family"}},
		{"a family named by no name is no one",
			"Acme Corp shut a plant. “We ask for privacy at this time,” a spokesperson for the grieving family said.",
			[]string{""}},
	})
}

// TestSpeakerIsTheLawyer checks that an unnamed lawyer for a person is the
// person's lawyer, never the person, and a lawyer for a family or a
// company that family or company, as an unnamed spokesperson is. The
// articles are written for the test.
func TestSpeakerIsTheLawyer(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a lawyer for a family",
			"Dean Falk died on Monday. “We ask for privacy at this time,” a lawyer for the family of Dean Falk said.",
			[]string{"Dean Falk's family"}},
		{"a lawyer for a person",
			"Dean Falk was charged on Monday. “The case has no merit,” a lawyer for Dean Falk said.",
			[]string{"Dean Falk's lawyer"}},
		{"a lawyer for a person by surname, before a colon",
			"Dean Falk was charged on Monday.\n\nA lawyer for Falk said: “The case has no merit.”",
			[]string{"Dean Falk's lawyer"}},
		{"an attorney for a company",
			"Acme Corp was sued on Monday. “The case has no merit,” an attorney for Acme Corp said.",
			[]string{"Acme Corp"}},
		{"a person's lawyer named after the comma",
			"Dean Falk was charged on Monday. “The case has no merit,” a lawyer for Falk, Jo Pike, said.",
			[]string{"Jo Pike"}},
	})
}

// TestPronounAfterALawyer checks that "he" or "she" right after a quote of
// a person's unnamed lawyer or deputy is that lawyer or deputy, not the
// person named last, as after a spokesperson. The articles are written
// for the test.
func TestPronounAfterALawyer(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"he after a lawyer with an apposition",
			"Tomas Brandt met Ada Marsh on Monday. “The case has no merit,” Marsh's lawyer, a former judge, said. He added, “The review was a sham from the start.”",
			[]string{"Ada Marsh's lawyer", "Ada Marsh's lawyer"}},
		{"she after a lawyer for a person",
			"Dean Falk was charged on Monday. “The case has no merit,” a lawyer for Dean Falk said. She added that the police “made it all up.”",
			[]string{"Dean Falk's lawyer", "Dean Falk's lawyer"}},
	})
}

// TestNamedOfficeNameRunningPastTheSubject checks that a name read as
// running past the end of the subject ("Lena Oduya of Brandt Pike
// L.L.P.," before an apposition) is read without a panic and still gives
// its person. The article is written for the test.
func TestNamedOfficeNameRunningPastTheSubject(t *testing.T) {
	qs := Quotes("The firm's books were checked. “The audit found nothing wrong,” said Lena Oduya of Brandt Pike L.L.P., the auditor.")
	if len(qs) != 1 || !strings.HasPrefix(qs[0].Speaker, "Lena Oduya") {
		t.Fatalf("quotes = %+v, want one of Lena Oduya", qs)
	}
}
