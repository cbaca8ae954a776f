package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A country's initialism before an organisation's words qualifies them, as
// "U.S." does: the run is one name, not the country and a remnant
// ("Geological Survey" alone).
func TestCountryInitialismOpensOneName(t *testing.T) {
	text := "The US Geological Survey said the quake struck at dawn near Kessel."
	if got := kindOf(text, "US Geological Survey"); got != news.Org {
		t.Errorf("%q: US Geological Survey is %q, want an organisation", text, got)
	}
	if got := kindOf(text, "United States"); got != "" {
		t.Errorf("%q: the initialism is cut off as the country (%s)", text, got)
	}
}

// "UN" alone is the United Nations, as "U.N." is.
func TestUNIsTheUnitedNations(t *testing.T) {
	for _, text := range []string{"The UN said on Monday that aid would reach Kessel.", "A UN spokesman said the convoy had left Kessel."} {
		if got := kindOf(text, "UN"); got != news.Org {
			t.Errorf("%q: UN is %q, want an organisation", text, got)
		}
	}
}

// An acronym of a common noun ("DUI", "DNA", "ATMs") names no
// organisation; an agency's acronym beside it still does.
func TestCommonNounAcronymIsNoOrganisation(t *testing.T) {
	text := "Officers in Dorrin charged the driver with DUI after the crash on Route 9. " +
		"The driver had two earlier DUI arrests, the FBI said. " +
		"DNA evidence tied him to a string of thefts from ATMs across Kessel County."
	for _, name := range []string{"DUI", "DNA", "ATMs"} {
		if got := kindOf(text, name); got != "" {
			t.Errorf("%s is read as a name (%s)", name, got)
		}
	}
	if got := kindOf(text, "FBI"); got != news.Org {
		t.Errorf("FBI is %q, want an organisation", got)
	}
}

// An acronym that is also a firm's or a network's name ("TNT", a courier
// and a television network) stays an organisation (s31-rev2).
func TestAcronymOfAFirmStaysAnOrganisation(t *testing.T) {
	text := "Shares of TNT rose 4 percent in Kessel after the courier reported higher profit."
	if got := kindOf(text, "TNT"); got != news.Org {
		t.Errorf("%q: TNT is %q, want an organisation", text, got)
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

// An acronym before a surname is cut only where the article introduces it
// beside the full name; otherwise it may be the person's initials.
func TestAcronymBeforeASurnameNeedsItsIntroduction(t *testing.T) {
	text := "The edition honours JRR Kellam, and his son Peter Kellam edited the drafts."
	if got := kindOf(text, "JRR Kellam"); got != news.Person {
		t.Errorf("%q: JRR Kellam is %q, want the person whole", text, got)
	}
	text = "Detective Chief Inspector Jane Corrow led the case. DCI Corrow said the man was known to police."
	if e, ok := entityNamed(text, "Jane Corrow"); !ok || len(e.Mentions) != 2 {
		t.Errorf("%q: Jane Corrow should have both mentions, got %+v (ok %v)", text, e, ok)
	}
}
