package cluster

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// loneModel is a join model on the average-link cosine alone (a join
// probability of 0.2 at a cosine of about 0.36), with the lone-article step
// at ratio and floor; merges are left out (a merge threshold no pair of the
// fixture reaches).
func loneModel(t *testing.T, ratio, floor string) *Model {
	t.Helper()
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":` + ratio + `,"lone_floor":` + floor + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// loneStream is an undated stream of two stories of two reports each (a
// ferry that ran aground off Kellby Point; a vote on the Dunmore library's
// budget), two lone reports of other things, and an opinion piece on the
// ferry that shares few words with the reports: the ferry's name and the
// point, not their account of the day.
var loneStream = []news.Article{
	{ID: "ferry-1", Title: "Ferry Aldwyn runs aground off Kellby Point", Text: "The passenger ferry Aldwyn ran aground off Kellby Point on the morning crossing, and coastguard crews took its ninety passengers ashore by lifeboat. No one was hurt, the coastguard said."},
	{ID: "library-1", Title: "Dunmore council votes to cut library budget", Text: "The Dunmore council voted seven to four to cut the library budget by a fifth, closing two branches on weekends. Librarians protested outside the council chamber before the vote."},
	{ID: "ferry-2", Title: "Coastguard takes passengers off grounded ferry Aldwyn", Text: "Coastguard lifeboats took ninety passengers off the ferry Aldwyn after it ran aground near Kellby Point on the morning crossing. The coastguard said no one was hurt."},
	{ID: "library-2", Title: "Library branches to close on weekends after Dunmore budget vote", Text: "Two Dunmore library branches will close on weekends after the council voted to cut the library budget, despite a protest by librarians outside the chamber."},
	{ID: "orchard", Title: "Apple harvest early in the valley orchards", Text: "Growers in the valley began the apple harvest two weeks early after a warm summer, and expect a large crop of cider apples."},
	{ID: "marathon", Title: "Record field for the city marathon", Text: "More than twelve thousand runners signed up for the city marathon, a record field, and organisers added a second start wave."},
	{ID: "opinion", Title: "What the Aldwyn tells us about our ageing fleet", Text: "Kellby Point has claimed ships before. The Aldwyn is thirty years old, and the operator has put off replacing its ageing vessels for a decade while fares rose and the budget for repairs shrank."},
}

func runLoneStream(t *testing.T, m *Model) (story map[string]string, reasons []string) {
	return runLoneStreamDated(t, m, nil)
}

// runLoneStreamDated streams loneStream with each article dated by when
// (undated when nil) and settles it.
func runLoneStreamDated(t *testing.T, m *Model, when func(id string) time.Time) (story map[string]string, reasons []string) {
	t.Helper()
	c := New(Options{Model: m})
	story = map[string]string{}
	for _, a := range loneStream {
		if when != nil {
			a.Published = when(a.ID)
		}
		story[a.ID] = c.Add(a).StoryID
	}
	c.Settle()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	for _, ch := range chs {
		reasons = append(reasons, ch.Reason)
	}
	return story, reasons
}

func TestSettleJoinsALoneArticleToTheStoryItIsClearlyClosestTo(t *testing.T) {
	before, _ := runLoneStream(t, loneModel(t, "0", "0"))
	if before["ferry-1"] != before["ferry-2"] || before["library-1"] != before["library-2"] || before["ferry-1"] == before["library-1"] {
		t.Fatalf("the fixture's two stories did not form: %v", before)
	}
	if before["opinion"] == before["ferry-1"] {
		t.Fatalf("the opinion piece joined the ferry's story without the lone step; the fixture needs it left alone")
	}
	after, reasons := runLoneStream(t, loneModel(t, "1.25", "0.05"))
	if after["opinion"] != after["ferry-1"] {
		t.Errorf("with the lone step the opinion piece is in %s, not the ferry's story %s (changes %q)", after["opinion"], after["ferry-1"], reasons)
	}
	if len(reasons) != 1 || !strings.Contains(reasons[0], "left alone") {
		t.Errorf("changes %q, want one lone join", reasons)
	}
	for _, id := range []string{"orchard", "marathon"} {
		if after[id] == after["ferry-1"] || after[id] == after["library-1"] {
			t.Errorf("%s joined a story; nothing is close enough to it (under the floor)", id)
		}
	}
	// A lead the ratio does not reach leaves it alone.
	if high, _ := runLoneStream(t, loneModel(t, "1000", "0.05")); high["opinion"] == high["ferry-1"] {
		t.Errorf("with a ratio of 1000 the opinion piece still joined the ferry's story")
	}
	// So does a floor it does not reach.
	if high, _ := runLoneStream(t, loneModel(t, "1.25", "0.99")); high["opinion"] == high["ferry-1"] {
		t.Errorf("with a floor of 0.99 the opinion piece still joined the ferry's story")
	}
}

func TestLoadModelRefusesALoneStepThatLeadsNothing(t *testing.T) {
	for _, rf := range [][2]string{{"-1", "0.5"}, {"1.5", "-0.5"}, {"0.8", "0.5"}} {
		if _, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.5,"lone_ratio":` + rf[0] + `,"lone_floor":` + rf[1] + `}`)); err == nil {
			t.Errorf("lone ratio %s floor %s loaded", rf[0], rf[1])
		}
	}
}

func TestTheLoneStepJoinsADatedArticleOnlyToAStoryThatRanAtTheSameTime(t *testing.T) {
	m := loneModel(t, "1.25", "0.05")
	// Every report on day 10 and the opinion piece two days later: a
	// story one after the other is left to the link step and the window.
	later := func(id string) time.Time {
		if id == "opinion" {
			return day(12)
		}
		return day(10)
	}
	if got, reasons := runLoneStreamDated(t, m, later); got["opinion"] == got["ferry-1"] {
		t.Errorf("the opinion piece two days after the ferry's story joined it (%q)", reasons)
	}
	// The same day: the spans overlap, and it joins.
	sameDay := func(id string) time.Time { return day(10).Add(time.Duration(len(id)) * time.Minute) }
	if got, reasons := runLoneStreamDated(t, m, sameDay); got["opinion"] != got["ferry-1"] {
		t.Errorf("the opinion piece of the ferry's day is in %s, not the ferry's story %s (%q)", got["opinion"], got["ferry-1"], reasons)
	}
}

// TestTheLoneStepNeedsARunnerUp: a title-only item that shares a place
// name with one story and nothing with any other has no lead to read, and
// stays alone whatever the floor (review s14b #1).
func TestTheLoneStepNeedsARunnerUp(t *testing.T) {
	c := New(Options{Model: loneModel(t, "1.25", "0.01")})
	story := map[string]string{}
	for _, a := range append(slices.Clone(loneStream[:4]), news.Article{ID: "lighthouse", Title: "Kellby Point lighthouse to be restored"}) {
		story[a.ID] = c.Add(a).StoryID
	}
	c.Settle()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	if story["lighthouse"] == story["ferry-1"] {
		t.Errorf("the title-only lighthouse item, whose only candidate is the ferry's story, joined it (%+v)", chs)
	}
}
