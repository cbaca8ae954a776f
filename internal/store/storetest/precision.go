package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// The publication times of the precision tests: a date alone (kept as its
// midnight UTC), a source's own time at midnight UTC, and a time of day
// given at -05:00 that falls on midnight UTC.
var (
	precisionDay      = time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	precisionMidnight = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
)

// PrecisionPlacements are three articles whose times the precision
// upgrade reads: "p-day" a date alone and "p-noon" a time at noon UTC the
// next day, of story "sp"; "p-eve" 19:00 at -05:00 (midnight UTC: a
// time), alone in story "se".
func PrecisionPlacements() []news.Placement {
	day := article("p-day", "ledger", "Ferry fares rise", "Ferry fares rose by a tenth.", precisionDay)
	day.DateOnly = true
	eve := article("p-eve", "courier", "Ferry fares up", "Ferry fares went up on the island route.", precisionMidnight.In(time.FixedZone("", -5*3600)))
	noon := article("p-noon", "post", "Fares rise again", "Island ferry fares rose again.", precisionMidnight.Add(12*time.Hour))
	return []news.Placement{placement(day, "sp"), placement(eve, "se"), placement(noon, "sp")}
}

// testPrecisionRoundTrip: a date alone and a time at midnight UTC are
// kept apart by the store (news.Article.DateOnly) and read back alike by
// Article, Story and RawOf; the sources' first reports follow them: a
// source's own midnight UTC is a time, before another outlet's 00:30 of
// that day, where a date alone would tie with it.
func testPrecisionRoundTrip(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	ps := PrecisionPlacements()
	ps[0].Raw.Published, ps[0].Raw.DateOnly = precisionDay, true
	ps = append(ps, placement(article("q-mid", "ledger", "Pier closed", "The pier closed at midnight.", precisionMidnight), "sq"),
		placement(article("q-late", "courier", "Pier shut", "The pier was shut overnight.", precisionMidnight.Add(30*time.Minute)), "sq"))
	save(t, st, now, ps...)
	want := map[string]struct {
		at       time.Time
		dateOnly bool
	}{"p-day": {precisionDay, true}, "p-eve": {precisionMidnight, false}, "p-noon": {precisionMidnight.Add(12 * time.Hour), false}, "q-mid": {precisionMidnight, false}}
	for id, w := range want {
		a, err := st.Article(ctx, id)
		if err != nil || !a.Published.Equal(w.at) || a.DateOnly != w.dateOnly {
			t.Errorf("Article(%s) published %v, date alone %v, %v; want %v, %v", id, a.Published, a.DateOnly, err, w.at, w.dateOnly)
		}
	}
	d, err := st.Story(ctx, "sp")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Articles {
		if w := want[a.ID]; !a.Published.Equal(w.at) || a.DateOnly != w.dateOnly {
			t.Errorf("Story's %s published %v, date alone %v; want %v, %v", a.ID, a.Published, a.DateOnly, w.at, w.dateOnly)
		}
	}
	if r, ok, err := st.RawOf(ctx, "p-day"); err != nil || !ok || !r.DateOnly || !r.Published.Equal(precisionDay) {
		t.Errorf("RawOf(p-day) = %v date alone %v, %v, %v; want the date alone", r.Published, r.DateOnly, ok, err)
	}
	if r, _, err := st.RawOf(ctx, "p-eve"); err != nil || r.DateOnly {
		t.Errorf("RawOf(p-eve) date alone %v, %v; want a time", r.DateOnly, err)
	}
	byName := sourcesByName(t, st)
	if byName["ledger"].FirstReports != 2 {
		t.Errorf("sources = %+v; want the ledger's two stories its first reports (its date alone the day before, its midnight time before 00:30)", byName)
	}
}

// sourcesByName is the sources' summaries by outlet.
func sourcesByName(t *testing.T, st Store) map[string]news.SourceSummary {
	t.Helper()
	list, err := st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]news.SourceSummary{}
	for _, s := range list {
		out[s.Source] = s
	}
	return out
}

// PrecisionArticleReader reads what CheckUpgradedPrecision needs of a
// store: its articles and stories.
type PrecisionArticleReader interface {
	ArticleReader
	Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error)
}

// CheckUpgradedPrecision checks a database that held PrecisionPlacements
// in the schema before the precision was kept, with "p-eve" stored one
// second after midnight UTC as session 39 stored such a time: once
// upgraded, the midnight UTC date reads as a date alone, "p-eve" as a time
// of day on its true second, the noon time as it was, and the span of
// "p-eve"'s story is on the true second too.
func CheckUpgradedPrecision(t testing.TB, st PrecisionArticleReader) {
	t.Helper()
	ctx := context.Background()
	for _, c := range []struct {
		id       string
		at       time.Time
		dateOnly bool
	}{{"p-day", precisionDay, true}, {"p-eve", precisionMidnight, false}, {"p-noon", precisionMidnight.Add(12 * time.Hour), false}} {
		a, err := st.Article(ctx, c.id)
		if err != nil || !a.Published.Equal(c.at) || a.DateOnly != c.dateOnly {
			t.Errorf("upgraded %s: published %v, date alone %v, %v; want %v, %v", c.id, a.Published, a.DateOnly, err, c.at, c.dateOnly)
		}
	}
	list, err := st.Stories(ctx, news.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range list {
		if sum.ID == "se" && (sum.FirstPublished != news.FormatPublished(precisionMidnight) || sum.LastPublished != sum.FirstPublished) {
			t.Errorf("upgraded story se spans %q to %q; want %q", sum.FirstPublished, sum.LastPublished, news.FormatPublished(precisionMidnight))
		}
	}
}

// NudgedPrecisionSQL is what the stores' upgrade tests run on a database
// holding PrecisionPlacements to make it as session 39 stored it: "p-eve"
// one second after midnight UTC, its story's span too (the tables'
// precision columns are dropped by each backend's own statement).
const NudgedPrecisionSQL = `UPDATE articles SET published = '2026-03-05T00:00:01Z' WHERE id = 'p-eve';
UPDATE raw_inputs SET published = '2026-03-05T00:00:01Z' WHERE name = 'p-eve.html';
UPDATE stories SET first_published = '2026-03-05T00:00:01Z', last_published = '2026-03-05T00:00:01Z' WHERE id = 'se';`
