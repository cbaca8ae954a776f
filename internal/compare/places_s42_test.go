package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestGenitivesTitlesAndPlaceWords checks that a German country's genitive
// before an office and a name ("Frankreichs Präsident Emmanuel Macron")
// gives the country and the person, the office cut; that a genitive inside
// a firm's name ("Indiens Tech GmbH") names no country; and that the last
// word of a place of several words, written alone before a verb ("Guinea
// Bissau ... Bissau was calm"), is no person, while a person the article
// names in full by that word stays one ("Sergio Leone"). The sentences are
// written for the test (session 42, from session 41's review).
func TestGenitivesTitlesAndPlaceWords(t *testing.T) {
	cases := []struct {
		lang, text     string
		places, people []string
		absent         []string
	}{
		{"de", "Frankreichs Präsident Emmanuel Macron hat am Montag in Berlin gesprochen. Macron sagte, die Lage sei ernst.",
			[]string{"France", "Berlin"}, []string{"Emmanuel Macron"}, []string{"Frankreichs Präsident Emmanuel Macron"}},
		{"de", "Am Montag hat Frankreichs Präsident Emmanuel Macron in Berlin gesprochen.",
			[]string{"France"}, []string{"Emmanuel Macron"}, nil},
		{"de", "Der französische Präsident Emmanuel Macron hat am Montag in Berlin gesprochen.",
			[]string{"Berlin"}, []string{"Emmanuel Macron"}, []string{"Präsident Emmanuel Macron"}},
		{"de", "Die Firma Indiens Tech GmbH hat am Montag in Berlin einen Vertrag unterschrieben.",
			[]string{"Berlin"}, nil, []string{"India"}},
		{"de", "Polens Regierung hat am Montag in Warschau getagt.", []string{"Poland"}, nil, nil},
		{"en", "Fighting in Guinea Bissau spread to the north on Monday. By evening Bissau was calm, officials said.",
			[]string{"Guinea Bissau"}, nil, nil},
		{"en", "Troops in Sierra Leone were on alert on Monday. Leone was quiet, a spokesman said.",
			[]string{"Sierra Leone"}, nil, nil},
		{"en", "The director Sergio Leone visited Sierra Leone in May. Leone said the trip was long.",
			[]string{"Sierra Leone"}, []string{"Sergio Leone"}, nil},
	}
	for _, c := range cases {
		kinds := annotatedKinds(c.lang, c.text)
		wantKinds(t, c.lang, kinds, c.places, news.Place, "a place")
		wantKinds(t, c.lang, kinds, c.people, news.Person, "a person")
		for name, kind := range kinds {
			if kind == news.Person && (name == "Bissau" || name == "Leone") {
				t.Errorf("%s: %q is a person, want none: %v", c.lang, name, kinds)
			}
		}
		for _, n := range c.absent {
			if _, ok := kinds[n]; ok {
				t.Errorf("%s: %q is an entity (%q), want none: %v", c.lang, n, kinds[n], kinds)
			}
		}
	}
}
