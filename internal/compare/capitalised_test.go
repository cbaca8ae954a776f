package compare

import "testing"

// mentionKinds returns the kinds the recogniser gives each name of a text.
func mentionKinds(text string) map[string][]string {
	out := map[string][]string{}
	for _, m := range recognise(text) {
		out[m.name] = append(out[m.name], string(m.kind))
	}
	return out
}

// A month written after a listed first name is a surname ("Theresa May"),
// not a date cut from the name; a month before a figure is still a date.
func TestMonthAfterFirstNameIsASurname(t *testing.T) {
	for _, text := range []string{
		"Prime Minister Ingrid June met the harbour board of Varden on Monday.",
		"Ingrid June announced on Friday that she would step down.",
		"Ingrid May announced Friday that she will step down as leader of the harbour board.", // a common word: the person shape vouches for it
	} {
		got := mentionKinds(text)
		if len(got) != 1 || (len(got["Ingrid June"]) != 1 || got["Ingrid June"][0] != "person") && (len(got["Ingrid May"]) != 1 || got["Ingrid May"][0] != "person") {
			t.Errorf("%q: names %v, want the person Ingrid June or Ingrid May", text, got)
		}
	}
	got := mentionKinds("On Friday Ingrid Olsen said the port would reopen on June 5.")
	if _, ok := got["Ingrid Olsen"]; !ok || len(got) != 1 {
		t.Errorf("names %v, want only Ingrid Olsen", got)
	}
	if monthSurname("Ingrid June 5", []nameToken{{"Ingrid", 0, 6}, {"June", 7, 11}}, 0, 2) {
		t.Error("a month before a figure is a date, not a surname")
	}
}

// A word run together from two, the second capitalised, is a firm's or an
// outlet's name, not a person's, though the model reads a person in
// "according to X, which said"; people's names with a short prefix or a
// surname's prefix keep their inner capital.
func TestCompanyShapedWordIsNoPerson(t *testing.T) {
	got := mentionKinds("The storm would pass by Friday, according to AccuWeather, which said the port could reopen.")
	if kinds := got["AccuWeather"]; len(kinds) != 1 || kinds[0] != "org" {
		t.Errorf("AccuWeather is %v, want an organisation", kinds)
	}
	for w, want := range map[string]bool{"BuzzFeed": true, "HuffPost": true, "QuayFeed": true, "McConnell": false, "DeSantis": false,
		"LeBron": false, "MacArthur": false, "VanDeest": false, "FitzGerald": false, "Harbour": false, "NASA": false} {
		if got := companyShaped(w); got != want {
			t.Errorf("companyShaped(%q) = %v, want %v", w, got, want)
		}
	}
}

// A noun of a person's role capitalised alone ("God") is no place or
// organisation, as the model reads it after "in" or before a verb; a firm
// named by such a noun, whose meaning reads as an organisation's, stays one.
func TestRoleNounIsNoPlaceOrOrganisation(t *testing.T) {
	for _, text := range []string{
		"Voters in Varden trust in God, the mayor said.",
		"Olsen believes that God is punishing the port for its greed.",
	} {
		if kinds, ok := mentionKinds(text)["God"]; ok {
			t.Errorf("%q: God is a %v", text, kinds)
		}
	}
	got := mentionKinds("The port signed a deal with Oracle on Monday. Oracle said the system would run the quays.")
	if kinds := got["Oracle"]; len(kinds) != 2 || kinds[0] != "org" {
		t.Errorf("Oracle is %v, want an organisation twice", kinds)
	}
}

// A common word inside a quoted title ("... with a Spoon and Fork") is no
// entity; a known place in one stays, and a quoted list is no title.
func TestWordOfAQuotedTitleIsNoEntity(t *testing.T) {
	got := mentionKinds(`Her book, "Rowing Your Boat with a Spoon and Fork," sold well in Varden.`)
	if kinds, ok := got["Fork"]; ok {
		t.Errorf("Fork of a book's title is a %v", kinds)
	}
	for q, want := range map[string]bool{"Rowing Your Boat with a Spoon and Fork,": true, "In God We Trust": true,
		"New York, Seattle, or Minneapolis": false, "I love New York": false, "Dump Olsen": false} {
		if got := titleShaped(q); got != want {
			t.Errorf("titleShaped(%q) = %v, want %v", q, got, want)
		}
	}
	if !titleWord("Fork") || titleWord("America") || titleWord("NASA") {
		t.Error("titleWord: want Fork a common word, America a place and NASA an acronym")
	}
}
