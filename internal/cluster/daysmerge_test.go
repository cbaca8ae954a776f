package cluster

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// Two occasions of one council's budget, told alike: the vote to put it
// forward named a Monday, the final vote a Thursday. No figure tells them
// apart; the day each lead names does.
var (
	budgetForward = news.Article{ID: "fwd1", Title: "Orlenby council moves town budget forward",
		Text: "The Orlenby town council voted on Monday to move the town budget forward to a final reading, after a long debate over library hours and road repairs."}
	budgetForwardAgain = news.Article{ID: "fwd2", Title: "Orlenby council advances town budget",
		Text: "Orlenby's town council voted on Monday to send the town budget on to a final reading, after debating library hours and road repairs at length."}
	budgetFinal = news.Article{ID: "fin1", Title: "Orlenby council passes town budget",
		Text: "The Orlenby town council voted on Thursday to pass the town budget at its final reading, after a long debate over library hours and road repairs."}
	budgetFinalAgain = news.Article{ID: "fin2", Title: "Orlenby council approves town budget",
		Text: "Orlenby's town council voted on Thursday to approve the town budget at a final reading, after debating library hours and road repairs at length."}
)

// The two votes' reports each make a story (their joins read the days'
// clash), and the merge step, which reads it between two stories with a
// core day each, does not put them together at the end of the stream;
// without the contradiction's weight it does.
func TestMergeStepKeepsTwoDaysOccasionsApart(t *testing.T) {
	for _, w := range []string{"0", "4"} {
		m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.3,"contradiction":` + w + `}`))
		if err != nil {
			t.Fatal(err)
		}
		c := New(Options{Model: m})
		story := map[string]string{}
		for _, a := range []news.Article{budgetForward, budgetForwardAgain, budgetFinal, budgetFinalAgain} {
			story[a.ID] = c.Add(a).StoryID
		}
		c.Finish()
		ApplyChanges(story, c.TakeChanges())
		if story["fwd1"] != story["fwd2"] || story["fin1"] != story["fin2"] {
			t.Errorf("weight %s: one vote's reports apart: %v", w, story)
		}
		if together := story["fwd1"] == story["fin1"]; together != (w == "0") {
			t.Errorf("weight %s: the two votes' reports in one story: %v, want %v (%v)", w, together, w == "0", story)
		}
	}
}

// daysClash reads two stories' core days: a story of a developing event
// whose reports each name the day of their step, none named by half of
// them, is never told apart by its days, nor is a story of one report;
// nor are two dated stories, whose times say what their days would.
func TestDaysClashNeedsACoreDayOnEachSide(t *testing.T) {
	storyOf := func(n int, days ...time.Weekday) *story {
		s := newStory("s", 0)
		s.n = n
		for _, d := range days {
			s.days.add(weekdays(1)<<d, 1)
		}
		return s
	}
	monday := storyOf(2, time.Monday, time.Monday)
	thursday := storyOf(2, time.Thursday, time.Thursday)
	steps := storyOf(4, time.Monday, time.Tuesday, time.Thursday) // no day named by half of four
	tests := []struct {
		name string
		a, b *story
		want bool
	}{
		{"a Monday's story and a Thursday's", monday, thursday, true},
		{"a story against itself", monday, monday, false},
		{"a developing event's steps against a Thursday's", steps, thursday, false},
		{"a story naming no day", storyOf(3), thursday, false},
		{"a story where one article of three names Monday", storyOf(3, time.Monday), thursday, false},
		{"a Monday named by two of four", storyOf(4, time.Monday, time.Monday), thursday, true},
		{"a story of one report naming Monday", storyOf(1, time.Monday), thursday, false},
	}
	for _, tt := range tests {
		if got := daysClash(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: clash %v, want %v", tt.name, got, tt.want)
		}
	}
	datedA, datedB := storyOf(2, time.Monday, time.Monday), storyOf(2, time.Thursday, time.Thursday)
	datedA.last = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	datedB.last = time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)
	if daysClash(datedA, datedB) {
		t.Error("two dated stories clash by their days; their times say what the days would")
	}
	if !daysClash(datedA, thursday) {
		t.Error("a dated story and an undated one with other core days do not clash")
	}
}
