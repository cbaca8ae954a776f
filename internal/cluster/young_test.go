package cluster

import (
	"math"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// youngModel is a join model on the average-link cosine alone (a join
// probability of 0.2 at a cosine of about 0.36) with the young stories'
// prior at w; merges are left out (a merge threshold no pair of the
// fixture reaches).
func youngModel(t *testing.T, w string) *Model {
	t.Helper()
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"young_prior":` + w + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// twinStream is an undated stream: a report of one club's striker
// arrested, then a report of the same club's goalkeeper arrested on
// another night (a similar event of one kind: the club, the charge and
// the words of an arrest in common, another player, day and place).
var twinStream = []news.Article{
	{ID: "striker", Title: "Harwick Rovers striker Tomas Reyle arrested on drink-driving charge", Text: "Harwick Rovers striker Tomas Reyle was arrested on suspicion of drink driving early on Sunday after police stopped his car on the Fenmoor bypass. The club said it was aware of the arrest and would not comment further while the police inquiry continued."},
	{ID: "keeper", Title: "Harwick Rovers goalkeeper Anton Meluk arrested on drink-driving charge", Text: "Harwick Rovers goalkeeper Anton Meluk was arrested on suspicion of drink driving late on Wednesday after police stopped his car outside a bar in Oldport. The club said it was aware of the arrest and would not comment further while the police inquiry continued."},
}

// settledBackground is the running mean of a long stream's cosines of new
// articles to candidates other than their closest: a fixture's value,
// well under the twins' cosine, and counted past minBackground, so that
// the young prior reads it.
var settledBackground = runningStat{n: backgroundHorizon, mean: 0.05, variance: 0.01}

// placeTwins streams twinStream, after a long stream's background (the
// twins are far into the stream), with threshold as the join threshold
// (the model's when 0) and returns each article's membership.
func placeTwins(t *testing.T, m *Model, threshold float64) map[string]news.Membership {
	t.Helper()
	c := New(Options{Model: m, Threshold: threshold})
	c.background[avgCosBackground] = settledBackground
	got := map[string]news.Membership{}
	for _, a := range twinStream {
		got[a.ID] = c.Add(a)
	}
	return got
}

func TestAYoungStorysPriorKeepsASimilarEventsReportApart(t *testing.T) {
	without := placeTwins(t, youngModel(t, "0"), 0)
	if without["keeper"].StoryID != without["striker"].StoryID {
		t.Fatalf("the fixture's premise: without the prior the second arrest joins the first's story of one article (%s)", without["keeper"].Reason)
	}
	// The bar set just under the probability the second report joined at:
	// it still joins without the prior, and not with it (its one cosine
	// is read halfway to the background).
	bar := without["keeper"].Score - 0.01
	if again := placeTwins(t, youngModel(t, "0"), bar); again["keeper"].StoryID != again["striker"].StoryID {
		t.Fatalf("without the prior the second arrest starts a story of its own at a bar of %.2f (%s)", bar, again["keeper"].Reason)
	}
	with := placeTwins(t, youngModel(t, "1"), bar)
	if with["keeper"].StoryID == with["striker"].StoryID {
		t.Errorf("with the prior the second arrest joined the story of one article at %.2f (bar %.2f)", with["keeper"].Score, bar)
	}
	if !strings.Contains(with["keeper"].Reason, "starts a new story") {
		t.Errorf("reason %q, want a new story", with["keeper"].Reason)
	}
}

func TestAYoungStorysCosineMovesLessAsTheStoryGrows(t *testing.T) {
	c := New(Options{Model: youngModel(t, "1")})
	c.background[avgCosBackground] = runningStat{n: 100, mean: 0.1}
	for _, tc := range []struct {
		n    int
		want float64
	}{
		{1, 0.3},    // (0.5 + 0.1) / 2
		{3, 0.4},    // (1.5 + 0.1) / 4
		{9, 0.46},   // (4.5 + 0.1) / 10
		{99, 0.496}, // (49.5 + 0.1) / 100
	} {
		if got := c.youngStoryCosine(0.5, &story{storyHead: &storyHead{n: tc.n}}); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("a cosine of 0.5 to a story of %d articles reads %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestLoadModelRefusesANegativeYoungPrior(t *testing.T) {
	for _, w := range []string{"-0.5", "-1"} {
		if _, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.5,"young_prior":` + w + `}`)); err == nil {
			t.Errorf("young prior %s loaded", w)
		}
	}
}

// The stream's first articles, and a clusterer just restored from
// storage, have no background yet (its mean 0, or the mean of a few
// cosines): a young story's cosine is read as it is until the background
// holds minBackground cosines, not drawn toward 0.
func TestAYoungStorysCosineIsReadAsItIsUntilTheBackgroundSettles(t *testing.T) {
	c := New(Options{Model: youngModel(t, "1")})
	young := &story{storyHead: &storyHead{n: 1}}
	for _, n := range []float64{0, 1, minBackground - 1} {
		c.background[avgCosBackground] = runningStat{n: n, mean: 0.1 * min(n, 1)}
		if got := c.youngStoryCosine(0.5, young); got != 0.5 {
			t.Errorf("with %v cosines in the background a cosine of 0.5 to a story of one article reads %v, want 0.5", n, got)
		}
	}
	c.background[avgCosBackground] = runningStat{n: minBackground, mean: 0.1}
	if got := c.youngStoryCosine(0.5, young); math.Abs(got-0.3) > 1e-12 {
		t.Errorf("with %d cosines in the background (mean 0.1) a cosine of 0.5 to a story of one article reads %v, want 0.3", minBackground, got)
	}
}

// A clusterer restored from storage starts with an empty background, so
// its first new article reads a young story's cosine as the stream's
// first articles did, not drawn toward 0.
func TestARestoredClustererReadsAYoungStorysCosineAsItIs(t *testing.T) {
	restored := New(Options{Model: youngModel(t, "1")})
	restored.Restore(twinStream[0], StoryID(twinStream[0].ID))
	plain := New(Options{Model: youngModel(t, "0")})
	plain.Restore(twinStream[0], StoryID(twinStream[0].ID))
	got, want := restored.Add(twinStream[1]), plain.Add(twinStream[1])
	if got.StoryID != want.StoryID || math.Abs(got.Score-want.Score) > 1e-12 {
		t.Errorf("after a restore the second arrest is placed at %.3f in %s with the prior, %.3f in %s without: want the same", got.Score, got.StoryID, want.Score, want.StoryID)
	}
}
