package projection

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestTitleAndSummary(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "undated", Title: "Roundup"},
		{ID: "later", Title: "Later report", Published: day.Add(time.Hour), Text: "Dockworkers voted to end the strike. The vote was close."},
		{ID: "first", Title: "First report", Published: day, Text: "The port reopens on Tuesday.\n\nMore later."},
	}
	if got, derived := Title(arts); got != "First report" || derived {
		t.Errorf("Title = %q (derived %v), want the earliest dated article's", got, derived)
	}
	if got, derived := Title(arts[:1]); got != "Roundup" || derived {
		t.Errorf("Title of undated articles = %q (derived %v), want the first's", got, derived)
	}
	cmp := news.Comparison{Timeline: []news.TimelineEntry{{Article: "first"}, {Article: "later"}}}
	if got := Summary(arts, cmp); got != "The port reopens on Tuesday." {
		t.Errorf("Summary without shared facts = %q, want the first report's lead sentence", got)
	}
	cmp.Facts = []news.Fact{{Text: "Dockworkers voted.", Articles: []string{"first", "later"}}}
	if got := Summary(arts, cmp); got != "Dockworkers voted." {
		t.Errorf("Summary = %q, want the most corroborated fact", got)
	}
}

// TestTitleOfUntitledStory: a story with no titled article is named by the
// lead of its earliest dated article, marked derived; a titled article,
// even a later one, wins; the record carries both.
func TestTitleOfUntitledStory(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "later", Published: day.Add(time.Hour), Text: "Ferry services stayed halted on Wednesday."},
		{ID: "first", Published: day, Text: "KESTRA (Wirenews) -- Ferry crews walked out at Kestra on Tuesday. Talks resume."},
		{ID: "undated", Text: "Kestra ferries: what we know."},
	}
	if got, derived := Title(arts); got != "Ferry crews walked out at Kestra on Tuesday" || !derived {
		t.Errorf("Title of untitled articles = %q (derived %v), want the earliest's lead sentence without dateline", got, derived)
	}
	arts = append(arts, news.Article{ID: "titled", Title: "Kestra ferry strike", Published: day.Add(2 * time.Hour), Text: "The strike went on."})
	if got, derived := Title(arts); got != "Kestra ferry strike" || derived {
		t.Errorf("Title with a titled article = %q (derived %v), want its headline", got, derived)
	}
	rec, err := Record("s", "", arts[:3])
	if err != nil || rec.Title != "Ferry crews walked out at Kestra on Tuesday" || !rec.TitleDerived {
		t.Errorf("Record = %q derived %v, %v", rec.Title, rec.TitleDerived, err)
	}
	// The one line of the list is not the lead again: the title shows it.
	cmp := news.Comparison{Timeline: []news.TimelineEntry{{Article: "first"}, {Article: "later"}}}
	if got := Summary(arts[:3], cmp); got != "KESTRA (Wirenews) -- Ferry crews walked out at Kestra on Tuesday." {
		t.Errorf("Summary = %q, want the first report's lead sentence", got)
	}
	if rec.Summary != "Talks resume." {
		t.Errorf("Record summary of a story titled by its lead = %q, want the sentence after the lead", rec.Summary)
	}
	if got, derived := Title([]news.Article{{ID: "empty"}}); got != "" || derived {
		t.Errorf("Title of an article with no text = %q (derived %v), want none", got, derived)
	}
}

// TestSummaryOfAStoryTitledByALeadIsNoPieceOfItsDateline: a lead whose
// dateline has an abbreviation ("ALDEN, Ost. (Wirenews) --") is split by
// the sentence splitter after it; the story titled by that lead gets the
// sentence after the lead as its one line, not the dateline's piece.
func TestSummaryOfAStoryTitledByALeadIsNoPieceOfItsDateline(t *testing.T) {
	arts := []news.Article{{ID: "w", Published: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Text: "ALDEN, Ost. (Wirenews) -- Ferry crews walked out at Alden on Tuesday.\n\nTalks resume next week."}}
	rec, err := Record("s", "", arts)
	if err != nil || rec.Title != "Ferry crews walked out at Alden on Tuesday" || !rec.TitleDerived {
		t.Fatalf("Record = %q derived %v, %v", rec.Title, rec.TitleDerived, err)
	}
	if rec.Summary != "Talks resume next week." {
		t.Errorf("summary of a story titled by its lead = %q, want the sentence after the lead", rec.Summary)
	}
}

// TestSummaryIsNoFurnitureAboveTheLead: a story's one line, when no fact
// is shared, is the lead's first sentence, not a credit, a date stamp or an
// agency's name above it (a titled story), nor those lines under a title
// made of the lead (a derived one): the page showed "Associated Press
// Writer" and "Staff and agencies" as summaries.
func TestSummaryIsNoFurnitureAboveTheLead(t *testing.T) {
	const text = "Photo: Jane Ostrow/Wirenews\n\nUpdated at 11:31 a.m. ET\n\nAssociated Press Writer\n\nFerry crews walked out at Alden on Tuesday. Talks resume next week."
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	titled, err := Record("s", "", []news.Article{{ID: "w", Title: "Alden ferries stop", Published: at, Text: text}})
	if err != nil || titled.Summary != "Ferry crews walked out at Alden on Tuesday." {
		t.Errorf("summary of a titled story = %q (%v), want the lead's first sentence", titled.Summary, err)
	}
	derived, err := Record("s", "", []news.Article{{ID: "w", Published: at, Text: text}})
	if err != nil || derived.Title != "Ferry crews walked out at Alden on Tuesday" || derived.Summary != "Talks resume next week." {
		t.Errorf("story titled by its lead: %q / %q (%v), want the lead and the sentence after it", derived.Title, derived.Summary, err)
	}
}

func TestLeadAndNext(t *testing.T) {
	head, next := news.LeadAndNext(news.Article{Byline: "Jane Ostrow", Text: "Jane Ostrow\n\nALDEN, Ost. -- Ferry crews walked out. Talks resume.\n\nMore later."})
	if head != "ALDEN, Ost. -- Ferry crews walked out." || next != "Talks resume." {
		t.Errorf("LeadAndNext = %q, %q", head, next)
	}
	if head, next := news.LeadAndNext(news.Article{Text: "Ferry crews walked out.\n\nMore later."}); head != "Ferry crews walked out." || next != "More later." {
		t.Errorf("LeadAndNext across paragraphs = %q, %q", head, next)
	}
	// A dateline alone on the next line is passed over for the sentence
	// after it (a caption taken for the lead is followed so: the page showed
	// "KESTRA --" as the story's one line).
	if _, next := news.LeadAndNext(news.Article{Text: "Ferry crews walked out.\n\nKESTRA --\n\nTalks resume."}); next != "Talks resume." {
		t.Errorf("LeadAndNext over a dateline line = %q", next)
	}
}

func TestMemoKeepsTheLastAndForgetsFailures(t *testing.T) {
	ctx := context.Background()
	m := NewMemo(2)
	loads := 0
	load := func(context.Context) ([]news.Article, error) {
		loads++
		return []news.Article{{ID: "a", Title: "T", Text: "Dockworkers voted to end the strike on Monday."}}, nil
	}
	for _, k := range []string{"s1", "s1", "s2", "s3", "s1"} {
		if _, err := m.Record(ctx, k, "v1", load); err != nil {
			t.Fatal(err)
		}
	}
	if loads != 5 || m.Computed() != 4 {
		t.Errorf("%d loads, %d comparisons; want 5 loads and 4 comparisons (s1 again at once is kept, s1 after s2 and s3 is not, with room for 2)", loads, m.Computed())
	}
	if _, err := m.Record(ctx, "s3", "v2", load); err != nil || m.Computed() != 5 {
		t.Errorf("a new version of a story was not compared again: %d comparisons, %v", m.Computed(), err)
	}
	broken := errors.New("disk on fire")
	for range 2 {
		if _, err := m.Record(ctx, "s9", "v1", func(context.Context) ([]news.Article, error) { return nil, broken }); !errors.Is(err, broken) {
			t.Errorf("a failed load gives %v", err)
		}
	}
	if m.Computed() != 7 {
		t.Errorf("a failure was kept: %d comparisons attempted, want the failed one tried twice", m.Computed())
	}
}

// TestRecordSummaryReadsEntitiesAndWireDashes: the one line stored with a
// story, shown under its title, reads an HTML entity the feed left in the
// lead and the wires' "--" as the title does, not as written (session
// 37); the comparison still works on the text as it came.
func TestRecordSummaryReadsEntitiesAndWireDashes(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "first", Title: "Kestra ferries stop", Published: day, Text: "KESTRA (Wirenews) -- Ferry crews &amp; dockers walked out on Tuesday."},
		{ID: "later", Title: "Kestra strike goes on", Published: day.Add(time.Hour), Text: "The mayor&#8217;s talks failed on Wednesday."},
	}
	rec, err := Record("s", "", arts)
	if err != nil {
		t.Fatal(err)
	}
	if want := "KESTRA (Wirenews) — Ferry crews & dockers walked out on Tuesday."; rec.Summary != want {
		t.Errorf("Record summary = %q, want %q", rec.Summary, want)
	}
	untitled := []news.Article{{ID: "u", Published: day, Text: "KESTRA (Wirenews) -- Ferry crews walked out. The mayor&#8217;s talks failed."}}
	if rec, err = Record("u", "", untitled); err != nil || rec.Summary != "The mayor’s talks failed." {
		t.Errorf("Record summary of a story titled by its lead = %q (%v), want the next sentence as shown", rec.Summary, err)
	}
}

// TestMemoComparesAgainWhenOutletsAreFiledOtherwise: an alias changes the
// outlet key a story's articles are filed under but not the story's
// version; the memo compares it again rather than give the record made
// with the outlets as they were.
func TestMemoComparesAgainWhenOutletsAreFiledOtherwise(t *testing.T) {
	ctx := context.Background()
	m := NewMemo(0)
	arts := []news.Article{
		{ID: "a", Source: "Ostwick Post", OutletKey: "ostwickpost", Text: "The bridge is shut."},
		{ID: "b", Source: "op", OutletKey: "op", Text: "The bridge is shut for repairs."},
	}
	load := func(context.Context) ([]news.Article, error) { return arts, nil }
	for range 2 {
		if _, err := m.Record(ctx, "s1", "v1", load); err != nil {
			t.Fatal(err)
		}
	}
	arts[1].OutletKey = "ostwickpost"
	if _, err := m.Record(ctx, "s1", "v1", load); err != nil || m.Computed() != 2 {
		t.Errorf("%d comparisons, %v; want the version compared again once its articles are filed under other outlets", m.Computed(), err)
	}
}

// A record keeps the outlets its articles were filed under when a store
// read them (what the store checks when it saves it), and none otherwise.
func TestRecordKeepsTheOutletsItsArticlesWereFiledUnder(t *testing.T) {
	arts := []news.Article{
		{ID: "a", Source: "Tarn Ledger", OutletKey: "tarnledger", Text: "The weir is repaired."},
		{ID: "b", Source: "tl", OutletKey: "tarnledger", Text: "The weir is repaired at last."},
	}
	rec, err := Record("s1", "v1", arts)
	if want := map[string]string{"a": "tarnledger", "b": "tarnledger"}; err != nil || !reflect.DeepEqual(rec.Outlets, want) {
		t.Errorf("Record(...).Outlets = %v, %v; want %v", rec.Outlets, err, want)
	}
	arts[0].OutletKey, arts[1].OutletKey = "", ""
	if rec, err := Record("s1", "v1", arts); err != nil || rec.Outlets != nil {
		t.Errorf("Record of articles no store read: Outlets = %v, %v; want nil", rec.Outlets, err)
	}
}

// TestCompareMarksNoFirstReportThatCopied: two outlets' reports ten
// minutes apart, the earlier by its clock crediting the later ("first
// reported by the Tarnby Herald") and copying it. The derivations say the
// earlier rewrote the later, so the timeline does not also call it the
// first report; without the credit the earlier is first and the origin.
func TestCompareMarksNoFirstReportThatCopied(t *testing.T) {
	body := "Lifeboat crews pulled eleven people from the water off Tarnby Point on Sunday after a sightseeing boat struck rocks in heavy fog.\n\n" +
		"The coastguard said all eleven were taken to hospital in Tarnby with mild hypothermia, and the skipper was being questioned by harbour police.\n\n" +
		"Fishermen in the harbour said the fog had come in within minutes, and that the boat had been running close to the cliffs to show passengers the seal colony."
	at := time.Date(2026, 7, 12, 15, 0, 0, 0, time.UTC)
	origin := news.Article{ID: "origin", Source: "Tarnby Herald", Published: at, Text: body}
	copied := news.Article{ID: "copy", Source: "Coast Radio", Published: at.Add(-10 * time.Minute), Text: body + "\n\nThe rescue was first reported by the Tarnby Herald."}
	cmp, err := Compare([]news.Article{origin, copied})
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Derivations) != 1 || cmp.Derivations[0].From != "origin" || cmp.Derivations[0].Tied {
		t.Fatalf("derivations = %+v, want the copy credited to its origin", cmp.Derivations)
	}
	for _, e := range cmp.Timeline {
		if e.First {
			t.Errorf("timeline marks %s first, though it rewrote the Tarnby Herald's report", e.Article)
		}
	}
	copied.Text = body + "\n\nThe rescue was watched from the cliffs by a crowd of walkers."
	cmp, err = Compare([]news.Article{origin, copied})
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Timeline) == 0 || cmp.Timeline[0].Article != "copy" || !cmp.Timeline[0].First {
		t.Errorf("without a credit: timeline = %+v, want the earlier report first", cmp.Timeline)
	}
}

// A comparison that panics (anywhere in making the record, not only in
// compare) fails with ErrCompare instead of stopping the program, and the
// memo remembers the failure: asking again for the same articles gives it
// at once without comparing again (a page reloading every few seconds, a
// projector round), while a new version of the story is tried again.
func TestMemoRemembersAComparisonThatPanicked(t *testing.T) {
	ctx := context.Background()
	calls := 0
	m := NewMemoFunc(0, func(string, string, []news.Article) (news.ComparisonRecord, error) {
		calls++
		var headlines map[string]string
		headlines["first"] = "boom" // a nil map: the record's maker panics
		return news.ComparisonRecord{}, nil
	})
	load := func(context.Context) ([]news.Article, error) {
		return []news.Article{{ID: "a", Source: "Tarn Ledger", Text: "The weir is repaired."}}, nil
	}
	for range 3 {
		if _, err := m.Record(ctx, "s1", "v1", load); !errors.Is(err, ErrCompare) {
			t.Fatalf("a panicking comparison gives %v, want ErrCompare", err)
		}
	}
	if calls != 1 {
		t.Errorf("the failing comparison was made %d times, want once", calls)
	}
	arts, _ := load(ctx)
	if _, ok, err := m.Kept("s1", "v1", arts); !ok || !errors.Is(err, ErrCompare) {
		t.Errorf("Kept after the failure = %v, %v; want the failure", ok, err)
	}
	if _, err := m.Record(ctx, "s1", "v2", load); !errors.Is(err, ErrCompare) || calls != 2 {
		t.Errorf("a new version: %v after %d calls; want it tried again", err, calls)
	}
}
