package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

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

// A ship's prefix opening a company's name ("HMS Holdings Corp") does not
// make the company a vessel.
func TestVesselPrefixInACompanyNameKeepsTheCompany(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"HMS Kellam Holdings Corp. reported a higher profit, and its shares rose 4 percent.", "HMS Kellam Holdings Corp"},
		{"RMS Varden Inc., which salvages wrecks, filed for bankruptcy protection on Monday.", "RMS Varden Inc"},
	})
}

// A ship named after a city leaves the city: written alone without "the"
// it is the place; after "the" it is still the ship.
func TestVesselNamedAfterAPlaceLeavesThePlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{{"Tourists toured HMS Belfast on the river. Later they flew to Belfast for the weekend.", "Belfast"}})
	checkKinds(t, "", []textName{{"The USS Arizona sank in 1941. The Arizona lies in 40 feet of water.", "Arizona"}})
}
