package compare

import "testing"

// A common word a headline, a tweet or a sentence's start capitalises is no
// place when the article writes it in lower case too; a place the gazetteer
// knows stays one however the article writes its name.
func TestCapitalisedCommonWordIsNoPlace(t *testing.T) {
	text := "Harbour Board Fails to End Lockout in Warehouses\n\n" +
		"The lockout at the Calder docks entered its third week on Monday, and the warehouses stood empty.\n\n" +
		"\"A Lockout is no answer!\" the union wrote. Nearby, pickets gathered in Kessel.\n\n" +
		"Shops nearby felt it too. Officials in Turkey, where the turkey trade is large, watched."
	for _, e := range DefaultRecogniser().Entities(text) {
		switch e.Name {
		case "Lockout", "Warehouses", "Nearby":
			t.Errorf("%q is a %s: %+v", e.Name, e.Kind, e)
		case "Turkey":
			if e.Kind != "place" {
				t.Errorf("Turkey is a %s, want a place", e.Kind)
			}
		}
	}
}

// An abbreviation after a clock time is its time zone, no organisation.
func TestTimeZoneAfterAClockTimeIsNoName(t *testing.T) {
	for _, text := range []string{
		"The minister will speak at 8 p.m. ET on Friday, her office said.",
		"As of 4 pm ET Tuesday, most stations in Calder had run dry.",
		"The strike began at 2 a.m. Friday local time, which was 7 p.m. Thursday ET.",
		"The court rose at 9:15 ET and met again at 11am PT.",
	} {
		for _, e := range DefaultRecogniser().Entities(text) {
			if e.Name == "ET" || e.Name == "PT" {
				t.Errorf("%q: %q is a %s", text, e.Name, e.Kind)
			}
		}
	}
	for clock, want := range map[string]bool{"at 8 p.m.": true, "at 4 pm": true, "7 p.m. Thursday": true, "9:15": true, "11am": true,
		"the pm": false, "on Thursday": false, "Page 12:": false, "in 2020": false} {
		if got := afterClockTime(clock + " "); got != want {
			t.Errorf("afterClockTime(%q) = %v, want %v", clock, got, want)
		}
	}
}
