package view

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestArticleLabelsShowADateAloneWithoutAClock: two reports of one outlet
// in a story are told apart by time; a report dated by a day alone shows
// the day, not a midnight its source never gave.
func TestArticleLabelsShowADateAloneWithoutAClock(t *testing.T) {
	day := news.DayOf(time.Date(2026, 4, 7, 9, 0, 0, 0, time.UTC))
	arts := []news.Article{
		{ID: "k1", Source: "Kestrel Post", Published: day, DateOnly: true},
		{ID: "k2", Source: "Kestrel Post", Published: day.Add(33 * time.Hour)},
	}
	label := articleLabels(arts, func(string) string { return "Kestrel Post" })
	if got, want := label("k1"), "Kestrel Post (7 Apr)"; got != want {
		t.Errorf("date alone: %q, want %q", got, want)
	}
	if got, want := label("k2"), "Kestrel Post (8 Apr 09:00)"; got != want {
		t.Errorf("time: %q, want %q", got, want)
	}
}
