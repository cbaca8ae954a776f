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

// TestReligionWordsAreNoEntities checks that a religion's or its
// followers' word alone ("a Methodist", "Christianity", "Muslims") is no
// person, place or organisation, while a person whose given name is such a
// word ("Christian Ferro") stays that person. The sentences are written
// for the test (session 42).
func TestReligionWordsAreNoEntities(t *testing.T) {
	cases := []struct {
		text   string
		people []string
		absent []string
	}{
		{"Governor Ada Marsh is a Methodist. In the ad she says she is not ashamed to admit that she is a Christian.", []string{"Ada Marsh"}, []string{"Methodist", "Christian"}},
		{"The new ad seems to contrast Christianity with the governor's rivals, Tom Hale, a voter, said.", []string{"Tom Hale"}, []string{"Christianity"}},
		{"Muslims and Jews in Calder marked the holidays together on Monday, the mayor said.", nil, []string{"Muslims", "Jews"}},
		{"Christian Ferro scored twice on Sunday. Christian said the team had played well.", []string{"Christian Ferro"}, nil},
	}
	for _, c := range cases {
		kinds := annotatedKinds("en", c.text)
		wantKinds(t, "en", kinds, c.people, news.Person, "a person")
		for _, n := range c.absent {
			if _, ok := kinds[n]; ok {
				t.Errorf("%q is an entity (%q), want none: %v", n, kinds[n], kinds)
			}
		}
	}
}
