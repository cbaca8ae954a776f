package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// entityNamed returns the entity of a text with the given name, and
// whether there is one.
func entityNamed(text, name string) (Entity, bool) {
	for _, e := range DefaultRecogniser().Entities(text) {
		if e.Name == name {
			return e, true
		}
	}
	return Entity{}, false
}

// AP's abbreviation of a state after a town and a comma is the state, no
// person; a nickname written without a town before it stays a person.
func TestStateAbbreviationAfterATownIsAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"Hobbs, a tall forward who grew up in Poplar Bluff, Mo., signed on Monday.", "Mo"},
		{"The bank in Springfield, Mo., shut its doors, a spokesman said.", "Mo"},
		{"Kessel, Mich. police said the driver fled on foot.", "Mich"},
	})
	for _, text := range []string{
		`"Thanks for coming," said Mo. She left early.`,
		"Mo Farah won the race in Varden on Sunday.",
	} {
		if got := kindOf(text, "Mo"); got == news.Place {
			t.Errorf("%q: the person Mo is read as a place", text)
		}
	}
}

// A name opened by a ship's prefix is a vessel, no person or organisation,
// and its lone name later is not taken for a person's surname.
func TestVesselIsNoPersonOrOrganisation(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"The INS Varuna escorted the convoy, and the MV Kestrel was fired on. The Kestrel flew a flag of Calderia.", "MV Kestrel"},
		{"The INS Varuna escorted the convoy, and the MV Kestrel was fired on. The Kestrel flew a flag of Calderia.", "INS Varuna"},
		{"The USS Harwell was attacked in the port of Kessel in 2001.", "USS Harwell"},
		{"The INS Varuna escorted the convoy, and the MV Kestrel was fired on. The Kestrel flew a flag of Calderia.", "Kestrel"},
	} {
		if e, ok := entityNamed(c.text, c.name); ok {
			t.Errorf("%q: the vessel %s is listed as a %s", c.text, c.name, e.Kind)
		}
	}
	// "INS" alone, the immigration service, stays an organisation.
	text := "INS agents arrested the man in Kessel, an INS spokesman said."
	if got := kindOf(text, "INS"); got != news.Org {
		t.Errorf("%q: INS is %q, want an organisation", text, got)
	}
}

// An acronym before the surname of a person the article names in full is
// cut, and the surname joins the person; initials and a line in capitals
// keep the name whole.
func TestAcronymBeforeASurnameIsCut(t *testing.T) {
	text := `"She came back," says ADA Pelman, a prosecutor. Assistant district attorney Gail Pelman said it twice.`
	if _, ok := entityNamed(text, "ADA Pelman"); ok {
		t.Errorf("%q: ADA Pelman is listed as a name", text)
	}
	if e, ok := entityNamed(text, "Gail Pelman"); !ok || len(e.Mentions) != 2 {
		t.Errorf("%q: Gail Pelman should have both mentions, got %+v", text, e)
	}
	// The name cut must not be its own evidence: "HBO Films" is no
	// person "Films".
	for _, c := range []struct{ text, name string }{
		{"The drama was made by HBO Films, which paid the rights.", "Films"},
		{"The 2004 GMC Sierra was found burned in Kessel, police said.", "Sierra"},
	} {
		if _, ok := entityNamed(c.text, c.name); ok {
			t.Errorf("%q: %s is listed alone", c.text, c.name)
		}
	}
	checkKinds(t, news.Person, []textName{
		{"AJ Butler scored twice. Then Sam Butler left the field.", "AJ Butler"},
		{"JANET KELLOR AND MARK KELLOR LEAD THE LIST. Janet Kellor spoke on Monday.", "Janet Kellor"},
	})
}

// A state trooper's rank is a title, no part of the name.
func TestTrooperIsATitle(t *testing.T) {
	text := "Police Capt. Tom Ardent and Senior Trooper William Kessam, both 51, died. Trooper Kessam had served 11 years."
	if e, ok := entityNamed(text, "William Kessam"); !ok || e.Kind != news.Person || len(e.Mentions) != 2 {
		t.Errorf("%q: want the person William Kessam with two mentions, got %+v (ok %v)", text, e, ok)
	}
}

// A place the gazetteer knows, listed after a place with "and", "or" or a
// comma, is a place where the model alone finds no name in it; a name
// after a person or an organisation is not touched.
func TestKnownPlaceListedAfterAPlaceIsAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"The rules differ in states such as Georgia and Florida that tightened the count last year.", "Florida"},
		{"Tea growers from Vietnam, Cambodia and Laos met in Kessel on Monday.", "Laos"},
	})
	text := "The team beat Texas and Florida lost to Georgia, 24-17."
	if got := kindOf(text, "Florida"); got == news.Place {
		t.Errorf("%q: Florida after the team Texas is read as a place", text)
	}
}

// The name in a dateline's parentheses is the news agency; a person's
// place in parentheses before a dash is not.
func TestDatelineAgencyIsAnOrganisation(t *testing.T) {
	for _, text := range []string{
		"TOKYO (AP) _ A mysterious illness struck the town of Kessel on Monday, officials said.",
		"HANOI, Vietnam (AP) -- Vietnam said on Monday it would open the port of Kessel.",
	} {
		if got := kindOf(text, "AP"); got != news.Org {
			t.Errorf("%q: AP is %q, want an organisation", text, got)
		}
	}
	text := "John Smith (Bristol) - a coach - said the team would win."
	if got := kindOf(text, "Bristol"); got == news.Org {
		t.Errorf("%q: Bristol is read as a dateline's agency", text)
	}
}
