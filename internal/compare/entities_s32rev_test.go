package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

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

// A place in parentheses after a line in capitals is a place, not a
// dateline's agency.
func TestDatelineParenthesesHoldingAPlaceStayAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"ROME (Italy) - The team arrived on Sunday for the final.", "Italy"},
		{"GOLF LEADERS Tom Kessam (Spain) - 66", "Spain"},
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
