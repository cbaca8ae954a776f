package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestGermanGenitiveAndOfficeRulesStayGerman: the German rules that cut a
// country's genitive or an office before a name apply to German text only:
// Swedish and Dutch write a genitive -s too ("Frankrikes president",
// "Sveriges regering"), which names no country's mention there; a German
// compound office is cut ("Bundestrainer Hansi Flick"), a genitive before
// a firm's legal form is not ("Jordans Bank AG"), and a religion's word in
// an organisation's name of several words stays ("Jewish Community
// Center", "Islamic State") (session 42's review of s42-cmp).
func TestGermanGenitiveAndOfficeRulesStayGerman(t *testing.T) {
	cases := []struct {
		lang, text     string
		places, people []string
		orgs, absent   []string
	}{
		{"sv", "Frankrikes president Emmanuel Macron talade i Berlin på måndagen. Sveriges regering möttes i Stockholm.",
			[]string{"Berlin", "Stockholm"}, []string{"Emmanuel Macron"}, nil, []string{"France", "Sweden", "Frankrike", "Sverige"}},
		{"de", "Bundestrainer Hansi Flick sprach am Montag in Berlin. Die Jordans Bank AG meldete Gewinne.",
			[]string{"Berlin"}, []string{"Hansi Flick"}, nil, []string{"Jordan", "Bundestrainer Hansi Flick"}},
		{"en", "The Jewish Community Center in Calder opened on Monday. Islamic State claimed the attack, the mayor said.",
			[]string{"Calder"}, nil, []string{"Jewish Community Center", "Islamic State"}, nil},
	}
	for _, c := range cases {
		kinds := annotatedKinds(c.lang, c.text)
		wantKinds(t, c.lang, kinds, c.places, news.Place, "a place")
		wantKinds(t, c.lang, kinds, c.people, news.Person, "a person")
		wantKinds(t, c.lang, kinds, c.orgs, news.Org, "an organisation")
		for _, n := range c.absent {
			if _, ok := kinds[n]; ok {
				t.Errorf("%s: %q is an entity (%q), want none: %v", c.lang, n, kinds[n], kinds)
			}
		}
	}
}
