package compare

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A lone first name is the one person of the article, or of the story,
// named in full with it, also when the lexicon lists no such first name
// ("Ysolde"); it stays apart when two people share the first name, when it
// is also someone's surname, or when it is written after a title (a
// surname, whatever name starts with it).
func TestLoneFirstNameJoinsTheOnePersonWithIt(t *testing.T) {
	mentions := map[string][]mention{
		"a": {{name: "Ysolde Marrack", kind: news.Person}, {name: "Oren Tallis", kind: news.Person, offset: 20},
			{name: "Oren Vasko", kind: news.Person, offset: 40}},
		"b": {{name: "Ysolde", kind: news.Person}, {name: "Marrack", kind: news.Org, offset: 10}, {name: "Oren", kind: news.Person, offset: 20},
			{name: "Hallam", kind: news.Person, offset: 30, title: "president"},
			{name: "Bram", kind: news.Person, offset: 50}},
		"c": {{name: "Hallam Groves", kind: news.Person}, {name: "Bram Ellery", kind: news.Person, offset: 20},
			{name: "Tamsin Bram", kind: news.Person, offset: 40}},
	}
	got := map[string]news.Entity{}
	for _, e := range entitiesOf([]string{"a", "b", "c"}, mentions, nil) {
		got[e.Name] = e
	}
	if e, ok := got["Ysolde Marrack"]; !ok || len(e.Articles) != 2 {
		t.Errorf("Ysolde Marrack = %+v, want a person of articles a and b; all %v", e, got)
	}
	for _, apart := range []string{"Oren", "Hallam"} {
		if _, ok := got[apart]; !ok {
			t.Errorf("%s joined a person: %v", apart, got)
		}
	}
	if e := got["Bram Ellery"]; len(e.Articles) != 1 {
		t.Errorf("Bram, Tamsin Bram's surname, joined Bram Ellery: %v", got)
	}
	if _, ok := got["Ysolde"]; ok {
		t.Errorf("Ysolde stands apart from Ysolde Marrack: %v", got)
	}

	// Across articles, only where the lone name's article writes the
	// person's surname: a voter "Michael" in a report that names no Cohen
	// is not Michael Cohen of another report.
	texts := map[string]string{
		"a": "Michael Cohen testified on Wednesday. Cohen said he was ashamed.",
		"b": "Voters watched the hearing in a diner. \"It's all politics,\" said Michael, a welder.",
		"c": "Michael Cohen's lawyer spoke. Michael told him to, Cohen's friends said.",
	}
	voters := map[string][]mention{}
	for id, tx := range texts {
		voters[id] = recognise(tx)
	}
	story := map[string]news.Entity{}
	for _, e := range entitiesOf([]string{"a", "b", "c"}, voters, texts) {
		story[e.Name] = e
	}
	if e := story["Michael Cohen"]; slices.Contains(e.Articles, "b") || !slices.Contains(e.Articles, "c") {
		t.Errorf("Michael Cohen = %+v, want articles a and c, not the voter's b; all %v", e, story)
	}

	// In one article: the first name joins its one person; a first name
	// two people share stays apart.
	text := "Ysolde Marrack and Nora Tallis met Nora Vasko in Calder on Friday.\n\n" +
		"Later, Ysolde said the talks went well. Nora said nothing."
	byName := map[string]Entity{}
	for _, e := range DefaultRecogniser().Entities(text) {
		byName[e.Name] = e
	}
	if e := byName["Ysolde Marrack"]; len(e.Mentions) != 2 {
		t.Errorf("Ysolde Marrack = %+v, want 2 mentions; all %+v", e, byName)
	}
	if e, ok := byName["Nora"]; !ok || byName["Nora Tallis"].Kind != news.Person || byName["Nora Vasko"].Kind != news.Person || e.Kind != news.Person {
		t.Errorf("Nora, the first name of two people, joined one (or a kind is not person): %+v", byName)
	}
}

// "Mr. Kim" beside Kim Jong-un, Kim Jong-il and Kim Il-sung is a surname
// written first: the person named in full most often, not a name apart.
func TestTitledFirstWordIsThePersonMostNamed(t *testing.T) {
	ms := []mention{
		{name: "Kim Jong-un", kind: news.Person}, {name: "Kim Jong-il", kind: news.Person, offset: 20},
		{name: "Kim Jong-un", kind: news.Person, offset: 40}, {name: "Kim", kind: news.Person, offset: 60, title: "mr"},
		{name: "Kim Il-sung", kind: news.Person, offset: 80},
	}
	ents := groupMentions(ms)
	if len(ents) != 3 || ents[0].Name != "Kim Jong-un" || len(ents[0].Mentions) != 3 {
		t.Errorf("entities %+v, want Kim Jong-un with 3 mentions, Kim Jong-il and Kim Il-sung", ents)
	}
}

// A surname written first and alone after a title ("President Veng")
// joins the one person named in full with it when the other words are
// foreign given names ("Veng Tai-lok"), not a common word a headline glued
// to the surname ("Veng Willing").
func TestSurnameWrittenFirstJoinsItsPerson(t *testing.T) {
	for full, joins := range map[string]bool{"Veng Tai-lok": true, "Veng Willing": false} {
		ms := []mention{{name: full, kind: news.Person}, {name: "Veng", kind: news.Person, offset: 20, title: "president"}}
		ents := groupMentions(ms)
		if got := len(ents) == 1; got != joins {
			t.Errorf("%s and President Veng: %+v, want joined %v", full, ents, joins)
		}
	}
}

// A lone word that opens a name only before a title ("Vellum" of "Vellum
// Editor-in-Chief Ben Smith") is an outlet glued to the post, no first
// name; a lone name with a generation ("Ottilie II") is a name of its own,
// not the first name of Ottilie Marrack.
func TestGluedWordAndGenerationAreNoFirstName(t *testing.T) {
	for _, ms := range [][]mention{
		{{name: "Vellum Editor-in-Chief Ben Smith", kind: news.Person}, {name: "Vellum", kind: news.Person, offset: 40}},
		{{name: "Ottilie Marrack", kind: news.Person}, {name: "Ottilie II", kind: news.Person, offset: 40}},
	} {
		if ents := groupMentions(ms); len(ents) != 2 {
			t.Errorf("%s and %s joined: %+v", ms[0].name, ms[1].name, ents)
		}
	}
}
