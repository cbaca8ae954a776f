package read_test

import (
	"context"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// TestAStoryShowsAnOutletsChangedFigureAndTrueTimes: read through the
// read side, a stored comparison whose conflict is one outlet's update
// (12 dead, then 15, as the other outlet says) lists the change and no
// disagreement, and its timeline gives each article's time with its
// precision as stored now (a time at midnight UTC as a time, written as
// session 39 moved it; a date alone as the day).
func TestAStoryShowsAnOutletsChangedFigureAndTrueTimes(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir()+"/s.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	midnight := time.Date(2026, 2, 11, 0, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "w1", Source: "Varrow Times", Title: "Toll at 12", Text: "Twelve died.", Published: midnight},
		{ID: "k1", Source: "Kelby Star", Title: "Toll at 15", Text: "Fifteen died.", Published: midnight.Add(time.Hour)},
		{ID: "w2", Source: "Varrow Times", Title: "Toll rises to 15", Text: "Fifteen died.", Published: midnight.Add(3 * time.Hour)},
		{ID: "d1", Source: "Dunmere Post", Title: "Toll", Text: "Many died.", Published: midnight, DateOnly: true},
	}
	var b news.WriteBatch
	b.At = midnight.Add(4 * time.Hour)
	for _, a := range arts {
		b.Placements = append(b.Placements, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: "s1"}, ContentHash: a.ID})
	}
	if _, err := st.SaveBatch(ctx, b); err != nil {
		t.Fatal(err)
	}
	cmp := news.Comparison{
		Timeline: []news.TimelineEntry{{Published: "2026-02-11T00:00:01Z", Article: "w1"}, {Published: "2026-02-11", Article: "d1"}},
		Conflicts: []news.Conflict{{About: "The toll rose.", Values: []news.ConflictValue{
			{Value: "12 dead", Articles: []string{"w1"}, Sentence: "The fire killed 12 people."}, {Value: "15 dead", Articles: []string{"k1", "w2"}, Sentence: "The fire killed 15 people."}}}},
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: "Toll", Comparison: cmp}}); err != nil {
		t.Fatal(err)
	}
	d, err := read.New(st, read.Options{}).Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Conflicts) != 0 || len(d.FigureChanges) != 1 || d.FigureChanges[0].Source != "Varrow Times" || d.FigureChanges[0].From.Value != "12 dead" || d.FigureChanges[0].To.Article != "w2" {
		t.Errorf("conflicts %+v, changes %+v; want Varrow Times' change from 12 to 15 and no disagreement", d.Conflicts, d.FigureChanges)
	}
	if got := []string{d.Timeline[0].Published, d.Timeline[1].Published}; got[0] != "2026-02-11T00:00:00Z" || got[1] != "2026-02-11" {
		t.Errorf("timeline times %q; want the true midnight time and the day", got)
	}
}
