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
