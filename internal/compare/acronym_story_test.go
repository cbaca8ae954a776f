package compare

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// An acronym no article defines joins the story's one name whose
// capitalised words' initials it spells ("VHA" in one report, "Velmar
// Harbour Authority" in another): one organisation, not two. An acronym
// followed by a number ("SB 1062") is a label and joins nothing.
func TestStoryAcronymSpellingANameIsThatName(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "a", Source: "Ledger", Published: day, Title: "Levy rises",
			Text: "The Velmar Harbour Authority voted on Monday to raise the port levy on fishing boats by 12 percent. " +
				"The Senate Budget committee backed the levy in a bill known as SB 1062, officials said."},
		{ID: "b", Source: "Courier", Published: day, Title: "Port levy up",
			Text: "The VHA raised the port levy on Monday, its chair Ines Dorn told reporters. " +
				"The VHA said the money would go to dredging. Lawmakers passed SB 1062 last week."},
	}
	c := Compare(arts)
	var full, short *news.Entity
	for i, e := range c.Entities {
		switch e.Name {
		case "Velmar Harbour Authority":
			full = &c.Entities[i]
		case "VHA":
			short = &c.Entities[i]
		}
	}
	if full == nil || short != nil || len(full.Articles) != 2 {
		t.Errorf("entities = %+v, want the Velmar Harbour Authority once, in both articles", c.Entities)
	}
	// The story's names as the recogniser may give them: "SB" before a
	// bill's number is no "Super Bowl", "SB" alone is; "VHA" is nothing
	// when two names spell it.
	for _, numbered := range []bool{true, false} {
		ms := map[string][]mention{
			"a": {{name: "Super Bowl", kind: news.Org}, {name: "Velmar Harbour Authority", kind: news.Org}, {name: "Vessel Hire Association", kind: news.Org}},
			"b": {{name: "SB", kind: news.Org, numbered: numbered}, {name: "VHA", kind: news.Org}},
		}
		got := storyAcronyms([]string{"a", "b"}, ms)
		if sb, ok := got["SB"]; ok == numbered || ok && sb.implied != "Super Bowl" {
			t.Errorf("numbered %v: SB stands for %+v (%v)", numbered, sb, ok)
		}
		if _, ok := got["VHA"]; ok {
			t.Errorf("VHA, spelled by two names, stands for %+v", got["VHA"])
		}
	}
}

// An acronym one article writes before a number ("SB 1062") is a label in
// the whole story: a bare "SB" elsewhere (the bill again) does not give it
// the name it spells, which would reach the numbered mentions too, and list
// an article that only names the bill as one that names the Super Bowl.
func TestStoryAcronymWrittenBeforeANumberIsALabel(t *testing.T) {
	ms := map[string][]mention{
		"a": {{name: "Super Bowl", kind: news.Org}},
		"b": {{name: "SB", kind: news.Org, numbered: true}, {name: "SB", kind: news.Org}},
		"c": {{name: "SB", kind: news.Org, numbered: true}},
	}
	if got, ok := storyAcronyms([]string{"a", "b", "c"}, ms)["SB"]; ok {
		t.Errorf("SB, written before a number in b and c, stands for %+v", got)
	}
	for _, e := range entitiesOf([]string{"a", "b", "c"}, ms, nil) {
		if e.Name == "Super Bowl" && len(e.Articles) != 1 {
			t.Errorf("the Super Bowl is named in %v, want a alone", e.Articles)
		}
	}
}

// An acronym that spells a name's "of" as an "O" ("DOJ" for "Department of
// Justice") is that name across the story, as one of its capitals alone is;
// the capitals alone still spell it ("DJ").
func TestStoryAcronymSpellingOfIsThatName(t *testing.T) {
	ms := map[string][]mention{
		"a": {{name: "Ministry of Harbours", kind: news.Org}, {name: "Velmar", kind: news.Place}},
		"b": {{name: "MOH", kind: news.Org}, {name: "MH", kind: news.Org}},
	}
	got := storyAcronyms([]string{"a", "b"}, ms)
	for _, acr := range []string{"MOH", "MH"} {
		if m, ok := got[acr]; !ok || m.implied != "Ministry of Harbours" {
			t.Errorf("%s stands for %+v (%v), want the Ministry of Harbours", acr, m, ok)
		}
	}
	// "of" before no capitalised word adds no letter ("Friends of").
	if got := initialsOf("Velmar Friends of"); len(got) != 1 || got[0] != "VF" {
		t.Errorf("initialsOf(Velmar Friends of) = %q, want [VF]", got)
	}
}
