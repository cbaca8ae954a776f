package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// "US" in capitals inside a sentence is the country, as "U.S." is; in a
// line written in capitals it is the pronoun.
func TestUSInCapitalsIsTheCountry(t *testing.T) {
	for _, text := range []string{
		"The clinic ordered enough doses for every adult in the US by the end of July.",
		"Talks between the US and Calderia resumed in Kessel on Monday.",
		"The US said on Monday it would send more doses.",
	} {
		if got := kindOf(text, "United States"); got != news.Place {
			t.Errorf("%q: United States is %q, want a place", text, got)
		}
	}
	for _, text := range []string{"JOIN US FOR THE HARVEST FAIR", "They told us the fair would open on Monday."} {
		if got := kindOf(text, "United States"); got != "" {
			t.Errorf("%q: the pronoun is read as the United States (%s)", text, got)
		}
	}
}

// A war is an event, no place or organisation; an office named for war is
// an organisation's name.
func TestWarIsNoPlace(t *testing.T) {
	for text, name := range map[string]string{
		"He flew bombers in World War II, his son said.":      "World War II",
		"He served in the Vietnam War and later in Calderia.": "Vietnam War",
		"Veterans of the Gulf War met in Kessel on Monday.":   "Gulf War",
	} {
		if got := kindOf(text, name); got != "" {
			t.Errorf("%q: %s is a %s, want no entity", text, name, got)
		}
	}
	if !namesAWar([]nameToken{{word: "Napoleonic"}, {word: "Wars"}}) || namesAWar([]nameToken{{word: "Ministry"}, {word: "of"}, {word: "War"}}) {
		t.Errorf("namesAWar: wars and the Ministry of War misread")
	}
}

// The title's person is the person of a lone surname the model reads as a
// place, where no gazetteer knows the word as one.
func TestTitleSurnameIsNoPlace(t *testing.T) {
	a := news.Article{ID: "x", Title: "Interior Secretary Dorian Harwell announced major changes Thursday to the rules",
		Text: "Harwell, at a news conference in Washington, said that he knew the changes would evoke controversy."}
	kinds := map[string]news.EntityKind{}
	for _, e := range Annotate(a).Entities {
		kinds[e.Name] = e.Kind
	}
	if kinds["Harwell"] != news.Person || kinds["Washington"] != news.Place {
		t.Errorf("Harwell %q (want a person), Washington %q (want a place)", kinds["Harwell"], kinds["Washington"])
	}
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

// A name right before a comma and AP's abbreviation of a state is the town
// ("in Ann Arbor, Mich."), where the gazetteer knows it, a preposition of
// place precedes it, or the model's person reading opens with no first
// name; a legislator before a state's abbreviation stays a person.
func TestTownBeforeStateAbbreviationIsAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"She works at a clinic in Ann Arbor, Mich. and teaches at the local college.", "Ann Arbor"},
	})
	checkKinds(t, news.Person, []textName{
		{"The senator, Tom Carper, Del. delegation leader, spoke on Monday.", "Tom Carper"},
		{"Jane Smith, Ind. voted no, said the clerk.", "Jane Smith"},
	})
}

// TestPlacesWithApostrophesAndGenitives checks that a country written with
// an elided particle ("Côte d’Ivoire", "Côte d'Ivoire", "Cote d'Ivoire") is
// one place, also before a verb of saying, that a French "d’" before a
// name glues nothing to it, and that German genitives of countries
// ("Polens", "Hauptstadt Frankreichs") are the countries, while German
// nouns with an "s" and a surname after a title ("Herr Jordans") stay
// nothing; and that a country's name opening a
// person's name ("Guinea Pérez") leaves the person. The sentences are written for the test.
func TestPlacesWithApostrophesAndGenitives(t *testing.T) {
	cases := []struct {
		lang, text string
		places     []string
		absent     []string
	}{
		{"en", "Cocoa prices rose after heavy rain in Côte d’Ivoire delayed the harvest, traders said.", []string{"Côte d’Ivoire"}, []string{"Côte"}},
		{"en", "Traders in Côte d'Ivoire said stocks at the port were low.", []string{"Côte d’Ivoire"}, []string{"Côte"}},
		{"en", "Cocoa farmers in Cote d'Ivoire said the rains came late.", []string{"Côte d’Ivoire"}, []string{"Cote d'Ivoire", "Cote"}},
		// "d’" glues to a name only in a place the gazetteer knows: in
		// French it is "of" ("the film of Alan Moore").
		{"fr", "Le film d’Alan Moore sort mercredi à Lyon.", []string{"Lyon"}, []string{"d’Alan Moore"}},
		{"de", "Die Regierung Polens will die Grenze stärker sichern. Die Hauptstadt Frankreichs war am Montag ruhig.",
			[]string{"Poland", "France"}, []string{"Hauptstadt Frankreichs", "Polens"}},
		// A surname after a title, however like a country's genitive
		// (session 41's review).
		{"de", "Herr Jordans sagte, die Fähre fahre am Montag wieder.", nil, []string{"Jordan"}},
		{"de", "Die Arbeiter des Werks in Kessholm streikten. Der Leiter des Standorts sagte, die Lage sei ernst.", nil, []string{"Werk", "Standort"}},
		// A country's name as a given name: the person, whom the article
		// names by the surname alone too.
		{"es", "El delantero Guinea Pérez marcó dos goles el domingo. Pérez, de 24 años, llegó al club el año pasado.", nil, []string{"Guinea"}},
	}
	for _, c := range cases {
		kinds := annotatedKinds(c.lang, c.text)
		wantKinds(t, c.lang, kinds, c.places, news.Place, "a place")
		if _, ok := kinds["Guinea Pérez"]; ok && kinds["Guinea Pérez"] != news.Person {
			t.Errorf("%s: Guinea Pérez is %q, want a person", c.lang, kinds["Guinea Pérez"])
		}
		for _, n := range c.absent {
			if _, ok := kinds[n]; ok {
				t.Errorf("%s: %q is an entity (%q), want none: %v", c.lang, n, kinds[n], kinds)
			}
		}
	}
}

// A nationality's word alone ("Swiss francs") is no entity; a person so
// surnamed keeps the surname.
func TestDemonymAloneIsNoEntity(t *testing.T) {
	checkKinds(t, "", []textName{
		{"The Red Cross is launching an appeal for 3 million Swiss francs in aid.", "Swiss"},
	})
	checkKinds(t, news.Person, []textName{
		{"Jack French runs the club. ``We have people talking about us,'' said French.", "Jack French"},
	})
}
