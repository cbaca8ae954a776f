package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
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
	whoWhereOrlenThird = news.Article{ID: "orlen3", Title: "Fire destroys freight warehouse",
		Text: "A fire destroyed the Kessler freight company's warehouse in Orlen overnight, fire chief Marta Voss told reporters. " +
			"Firefighters fought the blaze for six hours and nobody was hurt in the fire at the warehouse."}
)

// whoWhereModel is a join model that reads the average-link cosine alone,
// with the lead names' weight w.
func whoWhereModel(t *testing.T, w string) *Model {
	t.Helper()
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-6},"join_threshold":0.5,"merge_threshold":0.5,"lead_names_apart":` + w + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// longStream gives a clusterer the running mean of a long stream's joins
// (a report shares about three quarters of its lead names' weight with
// the story it joins), which the lead names are read against.
func longStream(c *Clusterer) {
	c.apartStat = runningStat{n: 500, mean: 0.25, variance: 0.04}
}

func TestLeadNamesKeepTheSecondTownsFireApart(t *testing.T) {
	for _, w := range []string{"0", "4"} {
		c := New(Options{Model: whoWhereModel(t, w)})
		longStream(c)
		first := c.Add(whoWhereOrlen)
		if got := c.Add(whoWhereOrlenAgain); got.StoryID != first.StoryID {
			t.Fatalf("weight %s: the second report of the Orlen fire did not join its story (%s)", w, got.Reason)
		}
		other := c.Add(whoWhereDunmar)
		if joined := other.StoryID == first.StoryID; joined != (w == "0") {
			t.Errorf("weight %s: the Dunmar fire joined the Orlen fire's story: %v, want %v (%s)", w, joined, w == "0", other.Reason)
		}
		if got := c.Add(whoWhereOrlenThird); got.StoryID != first.StoryID {
			t.Errorf("weight %s: a third report of the Orlen fire did not join its story (%s)", w, got.Reason)
		}
	}
}

// The merge step reads what the join reads: the Dunmar fire's story is
// less likely one event with the Orlen fire's than the same stories
// without the weight, and a story of the Orlen fire more likely.
func TestLeadNamesWeighTheMergeAsTheJoin(t *testing.T) {
	mean := func(w string, second news.Article) float64 {
		c := New(Options{Model: whoWhereModel(t, w)})
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
	c := New(Options{Model: whoWhereModel(t, "1")})
	longStream(c)
	s := c.newStory("a")
	f, _ := featuresOf(whoWhereOrlen)
	c.learn(&f)
	c.join(s, whoWhereOrlen.ID, &f)
	g, _ := featuresOf(whoWhereDunmar)
	d, ok := c.leadNamesDistance(g.leadNms, s, true)
	if !ok || d <= 0.25 || d >= 1 {
		t.Errorf("the Dunmar report's lead names against the Orlen fire's: distance %.3f (ok %v), want more than the stream's 0.25 and less than 1 (the company is shared)", d, ok)
	}
	if _, ok := c.leadNamesDistance(nil, s, true); ok {
		t.Error("an article naming no one in its lead was read")
	}
	c.apartStat.n = minBackground - 1
	if x := c.leadNamesApart(g.leadNms, s, true); x != 0 {
		t.Errorf("with %d joins in the stream's mean the lead names read %.3f, want 0", minBackground-1, x)
	}
}

func TestModelRefusesANegativeLeadNamesWeight(t *testing.T) {
	for _, w := range []string{"-1", "-0.5"} {
		_, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[20,0],"Bias":-2},"join_threshold":0.5,"merge_threshold":0.5,"lead_names_apart":` + w + `}`))
		if err == nil || !strings.Contains(err.Error(), "lead names") {
			t.Errorf("a lead names' weight of %s was read (%v)", w, err)
		}
	}
}
