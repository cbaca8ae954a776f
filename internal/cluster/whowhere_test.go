package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Two warehouse fires of one invented freight company, told in the same
// words: the first in Orlen, where fire chief Marta Voss spoke, the second
// in Dunmar, where Piet Anders did. The reports of the first name Orlen
// and Voss in their leads; the second fire's report shares only the
// company's name with them.
var (
	whoWhereOrlen = news.Article{ID: "orlen1", Title: "Fire destroys freight warehouse",
		Text: "A fire destroyed a warehouse of the Kessler freight company in Orlen overnight, fire chief Marta Voss said. " +
			"Firefighters fought the blaze for six hours and nobody was hurt in the fire at the warehouse."}
	whoWhereOrlenAgain = news.Article{ID: "orlen2", Title: "Freight warehouse burns down",
		Text: "The Kessler freight company lost its warehouse in Orlen to a fire overnight, and fire chief Marta Voss said nobody was hurt. " +
			"Firefighters fought the blaze for six hours at the warehouse."}
	whoWhereDunmar = news.Article{ID: "dunmar1", Title: "Fire destroys freight warehouse",
		Text: "A fire destroyed a warehouse of the Kessler freight company in Dunmar overnight, fire chief Piet Anders said. " +
			"Firefighters fought the blaze for six hours and nobody was hurt in the fire at the warehouse."}
	// A roundup's other outlet: the Orlen fire, the same town, told by the
	// police spokesman instead of the fire chief.
	whoWhereOrlenPolice = news.Article{ID: "orlen-police", Title: "Fire destroys freight warehouse",
		Text: "A fire destroyed a warehouse of the Kessler freight company in Orlen overnight, police spokesman Tomas Brandt said. " +
			"Firefighters fought the blaze for six hours and nobody was hurt in the fire at the warehouse."}
	whoWhereOrlenThird = news.Article{ID: "orlen3", Title: "Fire destroys freight warehouse",
		Text: "A fire destroyed the Kessler freight company's warehouse in Orlen overnight, fire chief Marta Voss told reporters. " +
			"Firefighters fought the blaze for six hours and nobody was hurt in the fire at the warehouse."}
)

// whoWhereModel is a join model that reads the average-link cosine alone,
// with the places' and the people's weights.
func whoWhereModel(t *testing.T, places, people string) *Model {
	t.Helper()
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-6},"join_threshold":0.5,"merge_threshold":0.5,"places_apart":` + places + `,"people_apart":` + people + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// longStream gives a clusterer the running means of a long stream's joins
// (a report shares about three quarters of its lead's places' and
// people's weight with the story it joins), which the lead names are read
// against.
func longStream(c *Clusterer) {
	for k := range c.apartStat {
		c.apartStat[k] = runningStat{n: 500, mean: 0.25, variance: 0.04}
	}
}

// placed adds the stream's articles to a clusterer with the given weights
// and tells, for each after the first, whether it joined the first's
// story.
func placed(t *testing.T, places, people string, stream ...news.Article) []bool {
	c := New(Options{Model: whoWhereModel(t, places, people)})
	longStream(c)
	first := c.Add(stream[0])
	var joined []bool
	for _, a := range stream[1:] {
		joined = append(joined, c.Add(a).StoryID == first.StoryID)
	}
	return joined
}

// Places weighed, people not: the fire in the other town is kept apart,
// and the roundup's outlet that quotes another person about the same fire
// joins: its town is the story's, and its people are not read.
func TestPlacesApartKeepTheOtherTownsFireApartAndTheRoundupTogether(t *testing.T) {
	stream := []news.Article{whoWhereOrlen, whoWhereOrlenAgain, whoWhereDunmar, whoWhereOrlenPolice, whoWhereOrlenThird}
	for _, tc := range []struct {
		places, people string
		want           []bool // joined the Orlen fire's story: its second report, the Dunmar fire, the police's report, a third report
	}{
		{"0", "0", []bool{true, true, true, true}},
		{"4", "0", []bool{true, false, true, true}},
	} {
		got := placed(t, tc.places, tc.people, stream...)
		if !slices.Equal(got, tc.want) {
			t.Errorf("places %s, people %s: joined the Orlen fire's story %v, want %v", tc.places, tc.people, got, tc.want)
		}
	}
}

// The merge step reads what the join reads, member by member: the Dunmar
// fire's story is less likely one event with the Orlen fire's than the
// same stories without the weight, and a story of the Orlen fire more
// likely.
func TestPlacesApartWeighTheMergeAsTheJoin(t *testing.T) {
	mean := func(w string, second news.Article) float64 {
		c := New(Options{Model: whoWhereModel(t, w, "0")})
		longStream(c)
		a, b := c.newStory("a"), c.newStory("b")
		for _, p := range []struct {
			s   *story
			art news.Article
		}{{a, whoWhereOrlen}, {a, whoWhereOrlenAgain}, {b, second}} {
			f, _ := featuresOf(p.art)
			c.learn(&f)
			c.join(p.s, p.art.ID, &f)
		}
		return c.sameEvent(b, a, []*story{a, b}, 0)
	}
	for _, tc := range []struct {
		second news.Article
		lower  bool
	}{{whoWhereDunmar, true}, {whoWhereOrlenThird, false}} {
		without, with := mean("0", tc.second), mean("2", tc.second)
		if tc.lower && !(with < without) || !tc.lower && !(with > without) {
			t.Errorf("%s's story against the Orlen fire's: mean probability %.3f with the weight, %.3f without (want it lower: %v)",
				tc.second.ID, with, without, tc.lower)
		}
	}
}

func TestLeadNamesReadOnlyUndatedAndNamedLeads(t *testing.T) {
	c := New(Options{Model: whoWhereModel(t, "1", "1")})
	longStream(c)
	s := c.newStory("a")
	f, _ := featuresOf(whoWhereOrlen)
	c.learn(&f)
	c.join(s, whoWhereOrlen.ID, &f)
	g, _ := featuresOf(whoWhereDunmar)
	if d, ok := c.leadNamesDistance(leadPlace, g.leadNms[leadPlace], s, true); !ok || d != 1 {
		t.Errorf("the Dunmar report's places against the Orlen fire's: distance %.3f (ok %v), want 1", d, ok)
	}
	d, ok := c.leadNamesDistance(leadWho, g.leadNms[leadWho], s, true)
	if !ok || d <= 0.25 || d >= 1 {
		t.Errorf("the Dunmar report's people against the Orlen fire's: distance %.3f (ok %v), want more than the stream's 0.25 and less than 1 (the company is shared)", d, ok)
	}
	if _, ok := c.leadNamesDistance(leadWho, nil, s, true); ok {
		t.Error("an article naming no one in its lead was read")
	}
	c.apartStat[leadPlace].n = minBackground - 1
	if x := c.leadNamesApart(leadPlace, g.leadNms[leadPlace], s, true); x != 0 {
		t.Errorf("with %d joins in the stream's mean the places read %.3f, want 0", minBackground-1, x)
	}
}

// A lead's capitalised words are places after a locative (up to the
// punctuation that ends the run), as a large city's words or as the name
// lexicon's places; people, teams and companies otherwise.
func TestLeadNameKindReadsPlacesByTheirPreposition(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		word     string
		want     int
	}{
		{"A store burned in Banstead Village on Monday", "village", leadPlace},
		{"A store burned in Banstead, Surrey on Monday", "banstead", leadPlace},
		{"A store burned in Orlen, Coroner Marta Voss said", "voss", leadWho},
		{"The quake struck near Qeshm island", "qeshm", leadPlace},
		{"Then Paris police said the thieves fled", "paris", leadPlace},
		{"Officials in the capital of Iran said", "iran", leadPlace},
		{"The fire chief Marta Voss said nobody was hurt in Orlen", "marta", leadWho},
		{"The Colts beat the Chiefs at home", "chiefs", leadWho},
		{"Vincent Jackson was arrested", "jackson", leadWho},
	} {
		if got := leadNameKind(tc.word, placesAfterLocatives(tc.sentence)); got != tc.want {
			t.Errorf("%q in %q: kind %d, want %d", tc.word, tc.sentence, got, tc.want)
		}
	}
	if !calendarName("Tuesday") || !calendarName("October") || calendarName("May") || calendarName("Orlen") {
		t.Error("the calendar's names are days and months, May aside")
	}
}

func TestModelRefusesANegativeApartWeight(t *testing.T) {
	for _, w := range []string{`"places_apart":-1`, `"people_apart":-0.5`} {
		_, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[20,0],"Bias":-2},"join_threshold":0.5,"merge_threshold":0.5,` + w + `}`))
		if err == nil || !strings.Contains(err.Error(), "apart weight") {
			t.Errorf("%s was read (%v)", w, err)
		}
	}
}

// FuzzPlacesAfterLocatives: any sentence is read without a panic, and
// every place it gives is a lower-cased capitalised word of the sentence.
func FuzzPlacesAfterLocatives(f *testing.F) {
	for _, s := range []string{"A store burned in Banstead, Surrey on Monday", "in", "at É", "near Qeshm\u00a0Island.", "in  ,Orlen", "off \xff\xfe Bay"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sentence string) {
		words := map[string]bool{}
		for _, w := range text.Words(sentence) {
			if text.IsUpperInitial(w) {
				words[strings.ToLower(w)] = true
			}
		}
		for p := range placesAfterLocatives(sentence) {
			if !words[p] {
				t.Errorf("place %q is no capitalised word of %q", p, sentence)
			}
		}
	})
}
