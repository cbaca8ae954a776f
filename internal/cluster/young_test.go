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

// placeTwins streams twinStream with threshold as the join threshold (the
// model's when 0) and returns each article's membership.
func placeTwins(t *testing.T, m *Model, threshold float64) map[string]news.Membership {
	t.Helper()
	c := New(Options{Model: m, Threshold: threshold})
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
