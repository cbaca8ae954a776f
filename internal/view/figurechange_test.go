package view

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestStoryShowsAnOutletsChangedFigure: a figure one outlet changed
// between its versions is shown as that outlet's change, with the two
// versions' times, apart from the figures outlets disagree on.
func TestStoryShowsAnOutletsChangedFigure(t *testing.T) {
	var d news.StoryDetail
	d.FigureChanges = []news.FigureChange{{About: "The toll rose.", Source: "Varrow Times",
		From: news.FigureVersion{Value: "12 dead", Article: "w1", Published: "2026-02-11T09:00:00Z"},
		To:   news.FigureVersion{Value: "15 dead", Article: "w2", Published: "2026-02-11T12:00:00Z"}}}
	v := NewStory(d)
	if len(v.FigureChanges) != 1 || len(v.Conflicts) != 0 {
		t.Fatalf("changes %+v, conflicts %+v; want one change and no conflict", v.FigureChanges, v.Conflicts)
	}
	if got, want := v.FigureChanges[0].Line(), "Varrow Times changed its figure: 12 dead -> 15 dead (2026-02-11T09:00:00Z -> 2026-02-11T12:00:00Z)"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
}
