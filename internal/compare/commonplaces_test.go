package compare

import (
	"strings"
	"testing"
)

// A common word a headline, a tweet or a sentence's start capitalises is no
// place when the article writes it in lower case too; a place the gazetteer
// knows stays one however the article writes its name.
func TestCapitalisedCommonWordIsNoPlace(t *testing.T) {
	text := "Harbour Board Fails to End Lockout in Warehouses\n\n" +
		"The lockout at the Calder docks entered its third week on Monday, and the warehouses stood empty.\n\n" +
		"\"A Lockout is no answer!\" the union wrote. Nearby, pickets gathered in Kessel.\n\n" +
		"Shops nearby felt it too. Officials in Turkey, where the turkey trade is large, watched.\n\n" +
		"Voters in Normal, Illinois, lined up early; turnout in Normal was higher than normal."
	found := map[string]bool{}
	for _, e := range DefaultRecogniser().Entities(text) {
		found[e.Name] = true
		switch e.Name {
		case "Lockout", "Warehouses", "Nearby":
			t.Errorf("%q is a %s: %+v", e.Name, e.Kind, e)
		case "Turkey", "Normal":
			// A town written before its region stays a place.
			if e.Kind != "place" {
				t.Errorf("%s is a %s, want a place", e.Name, e.Kind)
			}
		}
	}
	if !found["Normal"] {
		t.Errorf("the town Normal is lost: %v", found)
	}
	for after, want := range map[string]bool{", Illinois, lined up": true, ", New Mexico.": true, ", Ark., police": true,
		", where the": false, " Illinois": false, ", Kessler said": false} {
		if got := regionAfter(after); got != want {
			t.Errorf("regionAfter(%q) = %v, want %v", after, got, want)
		}
	}
}

// An abbreviation after a clock time is its time zone, no organisation.
func TestTimeZoneAfterAClockTimeIsNoName(t *testing.T) {
	for _, text := range []string{
		"The minister will speak at 8 p.m. ET on Friday, her office said.",
		"As of 4 pm ET Tuesday, most stations in Calder had run dry.",
		"The strike began at 3 a.m. Friday local time, or 8 p.m. Thursday ET.",
		"The court rose at 9:15 ET and met again at 11am PT.",
	} {
		for _, e := range DefaultRecogniser().Entities(text) {
			if e.Name == "ET" || e.Name == "PT" {
				t.Errorf("%q: %q is a %s", text, e.Name, e.Kind)
			}
		}
	}
	// An organisation's acronym after a clock time stays a name: only a
	// zone's shape is a zone.
	for _, text := range []string{
		"At 9 a.m. FBI agents arrived at the Calder depot.",
		"By 10 a.m. NASA had released the images of Calder.",
	} {
		found := map[string]bool{}
		for _, e := range DefaultRecogniser().Entities(text) {
			found[e.Name] = true
		}
		for _, org := range []string{"FBI", "NASA"} {
			if strings.Contains(text, org) && !found[org] {
				t.Errorf("%q: %s lost (entities %v)", text, org, found)
			}
		}
	}
	for w, want := range map[string]bool{"ET": true, "PT": true, "EST": true, "GMT": true, "AEST": true, "UTC": true,
		"FBI": false, "NASA": false, "WA": false, "MIT": true, "T": false, "E.T.": false} {
		if got := zoneShaped(w); got != want {
			t.Errorf("zoneShaped(%q) = %v, want %v", w, got, want)
		}
	}
	for clock, want := range map[string]bool{"at 8 p.m.": true, "at 4 pm": true, "7 p.m. Thursday": true, "9:15": true, "11am": true,
		"the pm": false, "on Thursday": false, "Page 12:": false, "in 2020": false} {
		if got := afterClockTime(clock + " "); got != want {
			t.Errorf("afterClockTime(%q) = %v, want %v", clock, got, want)
		}
	}
}

// A state's abbreviation of two initials is no organisation but the state
// ("Albany, N.Y."), and after a party's letter a label, no name ("Chuck
// Vance (D., N.Y.)").
func TestStateInitialsAreAPlaceOrALabel(t *testing.T) {
	text := "The couple married in Albany, N.Y., and moved to Calder. Voters in D.C. agreed.\n\n" +
		"Senator Ivo Kessler (D., N.J.) and Senator Mara Vance (R–S.D.) disagreed."
	got := map[string]string{}
	for _, e := range DefaultRecogniser().Entities(text) {
		got[e.Name] = string(e.Kind)
	}
	for name, want := range map[string]string{"N.Y.": "place", "D.C.": "place", "N.J.": "", "S.D.": ""} {
		if got[name] != want {
			t.Errorf("%s is %q, want %q (all %v)", name, got[name], want, got)
		}
	}
	for before, want := range map[string]bool{"(D., ": true, "(R-": true, "(D–": true, "Albany, ": false, "(": false} {
		if got := afterPartyLetter(before); got != want {
			t.Errorf("afterPartyLetter(%q) = %v, want %v", before, got, want)
		}
	}
}

// A state's initials join the state the story names in full, not another
// name they spell: "D.C." is no "Dunmore County".
func TestStateInitialsJoinOnlyTheirState(t *testing.T) {
	mentions := map[string][]mention{
		"a": {{name: "Dunmore County", kind: "place"}, {name: "New Hampshire", kind: "place", offset: 20}},
		"b": {{name: "D.C.", kind: "place"}, {name: "N.H.", kind: "place", offset: 20}},
	}
	got := map[string]int{}
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		got[e.Name] = len(e.Articles)
	}
	if got["Dunmore County"] != 1 || got["D.C."] != 1 || got["New Hampshire"] != 2 {
		t.Errorf("entities %v, want Dunmore County and D.C. apart, N.H. in New Hampshire", got)
	}
}

// A surname in the plural after "the" is a family, no entity: not a place,
// not an organisation.
func TestFamilyIsNoEntity(t *testing.T) {
	text := "Ivo Kessler and Mara Kessler left Calder on Friday. The Kesslers had lived there for years.\n\n" +
		"Neighbours said the Kesslers were kind; Ivo Kessler thanked them."
	for _, e := range DefaultRecogniser().Entities(text) {
		if e.Name == "Kesslers" {
			t.Errorf("%q is a %s", e.Name, e.Kind)
		}
	}
	for w, want := range map[string]bool{"kesslers": true, "bushes": true, "boxes": false, "kessler": false} {
		if got := familyOf(w, map[string]bool{"kessler": true, "bush": true}); got != want {
			t.Errorf("familyOf(%q) = %v, want %v", w, got, want)
		}
	}
}
