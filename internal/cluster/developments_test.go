package cluster

import (
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestDevelopmentsGroupADevelopingStoryByDay(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	arts := []news.Article{
		{ID: "verdict", Published: at(20, 15), Title: "Jury convicts Hollin Springs gunman", Text: "A jury convicted the gunman of murder after a two-week trial."},
		{ID: "shooting-1", Published: at(2, 9), Title: "Gunman opens fire at Hollin Springs market", Text: "A gunman opened fire at the Hollin Springs market, wounding four people."},
		{ID: "undated", Title: "Hollin Springs remembers", Text: "Residents gathered at the market."},
		{ID: "arrest", Published: at(3, 11), Title: "Police arrest Hollin Springs market gunman", Text: "Police arrested a suspect in the market shooting after a manhunt overnight."},
		{ID: "shooting-2", Published: at(2, 18), Title: "Four wounded in Hollin Springs market shooting", Text: "Four people were wounded when a gunman opened fire at the market."},
	}
	got := Developments(arts)
	var days []string
	for _, d := range got {
		days = append(days, d.Day)
	}
	if want := []string{"2026-03-02", "2026-03-03", "2026-03-20", ""}; !slices.Equal(days, want) {
		t.Fatalf("days = %v, want %v", days, want)
	}
	if !slices.Equal(got[0].Articles, []string{"shooting-1", "shooting-2"}) || !got[0].Start.Equal(at(2, 9)) || !got[0].End.Equal(at(2, 18)) {
		t.Errorf("first day = %+v, want both shooting reports from 09:00 to 18:00", got[0])
	}
	if len(got[0].New) != 0 {
		t.Errorf("the first day lists new terms %v; it has nothing before it", got[0].New)
	}
	if !slices.Contains(got[1].New, "arrested") && !slices.Contains(got[1].New, "arrest") {
		t.Errorf("the arrest's new terms %v miss the arrest", got[1].New)
	}
	if !slices.Contains(got[2].New, "jury") || slices.Contains(got[2].New, "market") {
		t.Errorf("the verdict's new terms %v: want jury, not market (used from the first day)", got[2].New)
	}
	if !slices.Equal(got[3].Articles, []string{"undated"}) || len(got[3].New) != 0 {
		t.Errorf("undated development = %+v", got[3])
	}
	if Developments(nil) != nil {
		t.Errorf("a story without articles has developments")
	}
}

// TestNewTermsAreTheDaysNotOneArticlesPassingWords: on a day of two
// reports, the new words both use or a headline gives are listed, most
// telling first; words one report uses once in passing are not.
func TestNewTermsAreTheDaysNotOneArticlesPassingWords(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	arts := []news.Article{
		{ID: "fire", Published: at(2, 9), Title: "Fire at Dunmore grain store", Text: "A fire destroyed the grain store in Dunmore."},
		{ID: "a", Published: at(3, 9), Title: "Arson suspected in Dunmore fire", Text: "Investigators suspect arson, an aim they did not hide, and questioned a farmhand."},
		{ID: "b", Published: at(3, 12), Title: "Dunmore farmhand questioned", Text: "Police questioned a farmhand about the arson; answers were brief."},
	}
	got := Developments(arts)[1].New
	if len(got) < 3 || !slices.Contains(got[:3], "arson") || !slices.Contains(got[:3], "farmhand") {
		t.Errorf("new terms %v: want arson and farmhand (both reports) first", got)
	}
	for _, passing := range []string{"aim", "answers", "brief", "hide"} {
		if slices.Contains(got, passing) {
			t.Errorf("new terms %v list %q, one report's passing word", got, passing)
		}
	}
}
