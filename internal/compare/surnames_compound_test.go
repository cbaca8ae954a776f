package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A surname of two words ("Holtz-Eakin", "O'Rourke", "Wasserman Schultz",
// "Peña Nieto") or a first name and surname after a first name the article
// gives once ("Maren Oyelaran" of "Ines Maren Oyelaran") is the person
// named in full, in one article and across the story's articles; two people
// whose names end so keep the shorter name apart.
func TestCompoundSurnameJoinsTheFullName(t *testing.T) {
	text := "Tomasz Brandt-Vollmer spoke in Calder on Friday. Later Brandt-Vollmer said little.\n\n" +
		"Aisling O'Rourke was there too, and O'Rourke left early. Ines Maren Oyelaran, a judge, agreed; Maren Oyelaran said so twice.\n\n" +
		"Elena Ruiz Tamez met Pablo Ruiz Tamez. Ruiz Tamez said nothing."
	ents := DefaultRecogniser().Entities(text)
	byName := map[string]Entity{}
	for _, e := range ents {
		byName[e.Name] = e
	}
	for name, n := range map[string]int{"Tomasz Brandt-Vollmer": 2, "Aisling O'Rourke": 2, "Ines Maren Oyelaran": 2} {
		if e, ok := byName[name]; !ok || e.Kind != news.Person || len(e.Mentions) != n {
			t.Errorf("%s = %+v, want a person of %d mentions; all: %+v", name, e, n, ents)
		}
	}
	for _, apart := range []string{"Brandt-Vollmer", "O'Rourke", "Maren Oyelaran"} {
		if _, ok := byName[apart]; ok {
			t.Errorf("%s stands apart from its full name: %+v", apart, ents)
		}
	}
	if _, ok := byName["Ruiz Tamez"]; !ok {
		t.Errorf("Ruiz Tamez, the surname of two people, joined one of them: %+v", ents)
	}

	mentions := map[string][]mention{
		"a": {{name: "Tomasz Brandt-Vollmer", kind: news.Person}, {name: "Peña Nieto", kind: news.Person, offset: 40}},
		"b": {{name: "Brandt-Vollmer", kind: news.Person}, {name: "Enrique Peña Nieto", kind: news.Person, offset: 30}},
	}
	got := map[string]news.Entity{}
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		got[e.Name] = e
	}
	for _, name := range []string{"Tomasz Brandt-Vollmer", "Enrique Peña Nieto"} {
		if e, ok := got[name]; !ok || len(e.Articles) != 2 {
			t.Errorf("%s: %+v, want a person of both articles (entities %v)", name, e, got)
		}
	}
	if len(got) != 2 {
		t.Errorf("story entities %v, want the two people only", got)
	}

	// A common word left glued before a name ("Meet Ilse Brandt") is no
	// given name: the plain name is not hidden under the glued form.
	glued := map[string][]mention{
		"a": {{name: "Meet Ilse Brandt", kind: news.Person}},
		"b": {{name: "Ilse Brandt", kind: news.Person}, {name: "Brandt", kind: news.Person, offset: 30}},
	}
	got = map[string]news.Entity{}
	for _, e := range entitiesOf([]string{"a", "b"}, glued, nil) {
		got[e.Name] = e
	}
	if _, ok := got["Ilse Brandt"]; !ok {
		t.Errorf("Ilse Brandt joined a glued name: %v", got)
	}
}

// An account ("@SenKessler") or a tag ("#SaveTheHarbour") is written run
// together after its sign: no name.
func TestHandlesAndHashtagsAreNoNames(t *testing.T) {
	text := "Thank @SenKessler today, wrote Ivo Kessler's office, under #SaveTheHarbour and #CalderStrong.\n\n" +
		"Ivo Kessler spoke in Calder."
	for _, e := range DefaultRecogniser().Entities(text) {
		for _, m := range e.Mentions {
			if m.Text == "SenKessler" || m.Text == "SaveTheHarbour" || m.Text == "CalderStrong" {
				t.Errorf("%q is a %s (%q)", m.Text, e.Kind, e.Name)
			}
		}
	}
}
