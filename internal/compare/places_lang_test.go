package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestCountriesInOtherLanguages checks that a country named in German,
// French, Spanish or Italian is a place, listed under its English name (so
// that one country named in two languages is one entity), also where the
// recogniser read it as a person, and that English text keeps names that
// are other languages' country names too ("Island", "Maurice"). The
// sentences are written for the test.
func TestCountriesInOtherLanguages(t *testing.T) {
	cases := []struct {
		lang, text string
		places     []string
		people     []string
	}{
		{"de", "Die Regierung hat am Montag neue Gespräche mit Frankreich angekündigt. Der Minister Karl Hoffmann reiste nach Polen und Spanien. Auch Österreich will sich beteiligen.",
			[]string{"France", "Poland", "Spain", "Austria"}, []string{"Karl Hoffmann"}},
		{"fr", "Le président a parlé mardi. Allemagne, Italie et Pologne ont signé l'accord, tandis que le Royaume-Uni hésite.",
			[]string{"Germany", "Italy", "Poland", "United Kingdom"}, nil},
		{"es", "El ministro Jorge Ramírez viajó a Alemania el lunes. Francia y Estados Unidos apoyan el acuerdo, mientras que Marruecos pide más tiempo.",
			[]string{"Germany", "France", "United States", "Morocco"}, []string{"Jorge Ramírez"}},
		{"fr", "Le ministre a parlé mardi. L’Allemagne et l'Espagne soutiennent le projet, et il revient d’Autriche.",
			[]string{"Germany", "Spain", "Austria"}, nil},
		{"it", "Il ministro è tornato dall'Austria e parla dell’Italia.", []string{"Austria", "Italy"}, nil},
		{"en", "Officials from Staten Island met with Maurice Green, who visited Island Park.",
			[]string{"Staten Island", "Island Park"}, []string{"Maurice Green"}},
		{"en", "Kenia Elena Ruiz, 31, said she left her town in March with her two sons.",
			nil, []string{"Kenia Elena Ruiz"}},
		{"en", "Officials in Kazakstan said the pipeline would open next year.", // an English spelling that is Swedish too
			[]string{"Kazakstan"}, nil},
	}
	for _, c := range cases {
		kinds := annotatedKinds(c.lang, c.text)
		wantKinds(t, c.lang, kinds, c.places, news.Place, "a place")
		wantKinds(t, c.lang, kinds, c.people, news.Person, "a person")
	}
}

// annotatedKinds annotates text as an article of language lang and returns
// each entity's kind by its name.
func annotatedKinds(lang, text string) map[string]news.EntityKind {
	kinds := map[string]news.EntityKind{}
	for _, e := range Annotate(news.Article{ID: "x", Lang: lang, Text: text}).Entities {
		kinds[e.Name] = e.Kind
	}
	return kinds
}

// wantKinds reports each of names that kinds does not give the kind want
// (described as what).
func wantKinds(t *testing.T, lang string, kinds map[string]news.EntityKind, names []string, want news.EntityKind, what string) {
	t.Helper()
	for _, n := range names {
		if kinds[n] != want {
			t.Errorf("%s: %q is %q, want %s: %v", lang, n, kinds[n], what, kinds)
		}
	}
}

// TestOtherLanguageCountriesLeaveEnglishWords checks the gazetteer built
// from CLDR: other languages' names of countries are there, mapped to the
// English name, but not those English writes as a word or a given name.
func TestOtherLanguageCountriesLeaveEnglishWords(t *testing.T) {
	for name, want := range map[string]string{"frankreich": "France", "allemagne": "Germany", "alemania": "Germany", "niemcy": "Germany", "chad": "Chad", "germany": "Germany"} {
		if got := placeName(name, true); got != want {
			t.Errorf("placeName(%q) = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"island", "maurice", "dominique", "argentine"} {
		if got := placeName(name, true); got != "" {
			t.Errorf("placeName(%q) = %q, want none (an English word or given name)", name, got)
		}
	}
	// English text reads the English gazetteer only: "Kenia" (Spanish
	// and German for Kenya) is a given name there.
	if got := placeName("kenia", false); got != "" {
		t.Errorf("placeName(kenia) in English = %q, want none", got)
	}
}

// langEntities returns the names and kinds of the entities Annotate lists
// for a text in a language, with how many mentions each has.
func langEntities(lang, text string) (map[string]news.EntityKind, map[string]int) {
	kinds, counts := map[string]news.EntityKind{}, map[string]int{}
	for _, e := range Annotate(news.Article{ID: "x", Lang: lang, Text: text}).Entities {
		kinds[e.Name], counts[e.Name] = e.Kind, len(e.Mentions)
	}
	return kinds, counts
}

// TestCountriesShownByNewsNames checks that a country named in another
// language is shown under the name English news writes, not CLDR's
// qualified one ("Myanmar", not "Myanmar (Burma)"), so that it is one
// place with the same country in an English article; that the ambiguous
// "Kongo" is neither Congo; and the rule on CLDR's other odd names. The
// sentences are written for the test.
func TestCountriesShownByNewsNames(t *testing.T) {
	kinds, _ := langEntities("de", "Die Regierung von Myanmar sprach am Montag mit Vertretern aus dem Kongo und aus Hongkong.")
	for _, want := range []string{"Myanmar", "Hong Kong"} {
		if kinds[want] != news.Place {
			t.Errorf("%q is %q, want a place: %v", want, kinds[want], kinds)
		}
	}
	for name := range kinds {
		if name == "Myanmar (Burma)" || name == "Congo - Brazzaville" || name == "Republic of the Congo" || name == "Hong Kong SAR China" {
			t.Errorf("listed %q: %v", name, kinds)
		}
	}
	for cldr, want := range map[string]string{"Myanmar (Burma)": "Myanmar", "Hong Kong SAR China": "Hong Kong",
		"Bosnia & Herzegovina": "Bosnia and Herzegovina", "Congo - Kinshasa": "DR Congo", "France": "France"} {
		if got := newsName(cldr); got != want {
			t.Errorf("newsName(%q) = %q, want %q", cldr, got, want)
		}
	}
	if got := placeName("drc", false); got != "DR Congo" {
		t.Errorf("placeName(drc) = %q, want DR Congo", got)
	}
}

// TestPeopleAreNotTheirCountry checks that German and Dutch "Polen",
// "Schweden", "Ungarn" after a plural determiner name the people, not
// the country, and that the country itself is still read. Written for the
// test.
func TestPeopleAreNotTheirCountry(t *testing.T) {
	kinds, counts := langEntities("de", "Die Polen haben am Sonntag gewählt. Viele Schweden arbeiten dort, und den Ungarn gefällt es. Der Minister reiste danach nach Polen.")
	if kinds["Poland"] != news.Place || counts["Poland"] != 1 {
		t.Errorf("Poland: %q with %d mentions, want a place named once (nach Polen): %v", kinds["Poland"], counts["Poland"], kinds)
	}
	for _, n := range []string{"Sweden", "Hungary"} {
		if _, ok := kinds[n]; ok {
			t.Errorf("%q listed for the people: %v", n, kinds)
		}
	}
	kinds, _ = langEntities("nl", "De Polen en de Zweden spelen vanavond in Nederland.")
	if _, ok := kinds["Poland"]; ok {
		t.Errorf("Dutch de Polen listed as Poland: %v", kinds)
	}
}
