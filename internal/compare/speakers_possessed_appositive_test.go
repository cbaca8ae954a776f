package compare

import "testing"

// TestSpeakerIsTheLongPossessedRoleNamed checks that a possessed role of
// four or five words ("Brandt's current campaign press secretary") named
// by an appositive or a name right after it speaks, not the owner, as a
// shorter role ("Brandt's press secretary, Lena Oduya,") already does;
// and that a possessive with no name after its role, or a clause after
// the possessive, keeps the owner. The articles are written for the test.
func TestSpeakerIsTheLongPossessedRoleNamed(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"four words of role, the quote first",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's current campaign press secretary, Lena Oduya, said in an email.",
			[]string{"Lena Oduya"}},
		{"four words of role opening with an ordinal",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's first campaign press secretary, Lena Oduya, said.",
			[]string{"Lena Oduya"}},
		{"five words of role, told",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's longtime senior campaign press secretary, Lena Oduya, told reporters.",
			[]string{"Lena Oduya"}},
		{"four words of role and the name with no comma",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's current campaign press secretary Lena Oduya said.",
			[]string{"Lena Oduya"}},
		{"a shorter role, as before",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's press secretary, Lena Oduya, said.",
			[]string{"Lena Oduya"}},
		{"a long role with no name after it keeps the owner",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's current campaign press secretary said.",
			[]string{"Tomas Brandt"}},
		{"a possessed noun with a relative clause keeps the owner",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's remarks, which drew applause, said.",
			[]string{"Tomas Brandt"}},
		{"a clause after the possessive is no role",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's speech to the party faithful, Lena Oduya, said.",
			[]string{"Tomas Brandt"}},
		{"six words are more than a role",
			"Tomas Brandt is running for mayor. “We are confident,” Brandt's new longtime senior campaign press secretary, Lena Oduya, said.",
			[]string{"Tomas Brandt"}},
	})
}

// TestSpeakerIsTheOfficerOfTheFirmInTheApposition checks that an
// apposition naming a firm and then one of its people by a title ("Acme
// Holdings chairman Lena Oduya") gives the person, not the firm, for a
// short possessed role and a long one alike; a firm alone in the
// apposition still speaks. The articles are written for the test.
func TestSpeakerIsTheOfficerOfTheFirmInTheApposition(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a long role, the firm's chairman named",
			"Tomas Brandt is running. “We are confident,” Brandt's new campaign finance chief, Acme Holdings chairman Lena Oduya, said.",
			[]string{"Lena Oduya"}},
		{"a short role, the firm's president named",
			"Tomas Brandt is running. “We are confident,” Brandt's lawyer, Acme Holdings president Lena Oduya, said.",
			[]string{"Lena Oduya"}},
		{"the firm alone",
			"Tomas Brandt is running. “We are confident,” Brandt's employer, Acme Holdings, said.",
			[]string{"Acme Holdings"}},
	})
}

// TestSpeakerIsTheFirmsPersonNamedByARoleNoun checks that an apposition
// naming a firm and then one of its people by a role noun that is no
// title ("Acme Holdings partner Lena Oduya", "managing partner") gives the
// person, not the firm; the firm alone in the apposition still speaks.
// The articles are written for the test.
func TestSpeakerIsTheFirmsPersonNamedByARoleNoun(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a partner of the firm",
			"Tomas Brandt is running. “We are confident,” Brandt's lawyer, Acme Holdings partner Lena Oduya, said.",
			[]string{"Lena Oduya"}},
		{"a managing partner of the firm",
			"Tomas Brandt is running. “We are confident,” Brandt's lawyer, Acme Holdings managing partner Lena Oduya, said.",
			[]string{"Lena Oduya"}},
		{"the firm alone",
			"Tomas Brandt is running. “We are confident,” Brandt's employer, Acme Holdings, said.",
			[]string{"Acme Holdings"}},
	})
}
