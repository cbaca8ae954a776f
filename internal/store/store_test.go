package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

var now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func article(id, source, title, text string, published time.Time) news.Article {
	return news.Article{ID: id, URL: "https://" + source + ".example/" + id, Source: source, Title: title, Text: text, Published: published, Lang: "en"}
}

func entry(a news.Article, story string) Entry {
	raw := Raw{Name: a.ID + ".html", URL: a.URL, Kind: news.KindHTML, Body: []byte("<p>" + a.Text + "</p>")}
	return Entry{Raw: &raw, Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: story, Score: 0.7, Reason: "test"}}
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestMigrateFromEmpty(t *testing.T) {
	st := openTemp(t)
	v, err := st.SchemaVersion(context.Background())
	if err != nil || v != len(migrations) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(migrations))
	}
	var mode string
	if err := st.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode = %q, %v; want wal", mode, err)
	}
	var pageSize int
	if err := st.db.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil || pageSize != newPageSize {
		t.Errorf("page size = %d, %v; want %d", pageSize, err, newPageSize)
	}
}

// TestMigrateFromPreviousSchema stores an article under the schema before the
// last migration, then opens the database with the current code: the data
// must survive, stay searchable, and the newest table must work.
func TestMigrateFromPreviousSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, len(migrations)-1)
	if err != nil {
		t.Fatal(err)
	}
	a := article("old-1", "ledger", "Harbour chief named", "The harbour authority named a new chief executive on Monday.", now)
	if err := old.Save(ctx, []Entry{entry(a, "s1")}, now); err != nil {
		t.Fatal(err)
	}
	old.Close()

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != len(migrations) {
		t.Fatalf("schema version = %d, want %d", v, len(migrations))
	}
	list, err := st.Stories(ctx, StoryQuery{Q: "harbour chief"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != "s1" {
		t.Errorf("search after migration = %+v, want story s1", list)
	}
	if err := st.SaveSiteTemplates(ctx, map[string][]byte{"ledger.example": {1, 2}}, now); err != nil {
		t.Errorf("the newest table is not usable after the upgrade: %v", err)
	}
	if b, err := st.SiteTemplate(ctx, "ledger.example"); err != nil || len(b) != 2 {
		t.Errorf("site template = %v, %v", b, err)
	}
	if err := st.SaveComparison(ctx, "s1", "Harbour chief named", "A new chief was named.", news.Comparison{}); err != nil {
		t.Fatal(err)
	}
	if list, _ := st.Stories(ctx, StoryQuery{}); len(list) != 1 || list[0].Summary != "A new chief was named." {
		t.Errorf("summary after the upgrade: %+v", list)
	}
}

func TestSaveAndRead(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a1 := article("a1", "ledger", "Strike ends at Calder port", "Dockworkers voted to end the strike on Monday.", now.Add(-2*time.Hour))
	a2 := article("a2", "courier", "Calder dockworkers back deal", "Dockworkers at Calder backed the new contract.", now.Add(-time.Hour))
	b1 := article("b1", "ledger", "Wildfire near Brennock", "A wildfire forced residents to flee.", now.Add(-48*time.Hour))
	if err := st.Save(ctx, []Entry{entry(a1, "sa"), entry(b1, "sb")}, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(ctx, []Entry{entry(a2, "sa")}, now); err != nil {
		t.Fatal(err)
	}
	arts, _ := st.StoryArticles(ctx, "sa")
	if err := st.SaveComparison(ctx, "sa", "Strike ends at Calder port", "Dockworkers voted.", news.Comparison{Facts: []news.Fact{{Text: "Dockworkers voted.", Articles: []string{"a1", "a2"}}}}); err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].ID != "a1" || !arts[0].Published.Equal(a1.Published) {
		t.Fatalf("story articles = %+v", arts)
	}

	list, err := st.Stories(ctx, StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "sa" {
		t.Fatalf("stories = %+v, want sa (updated last) first", list)
	}
	want := news.StorySummary{ID: "sa", Title: "Strike ends at Calder port", Articles: 2, Sources: []string{"ledger", "courier"},
		FirstPublished: news.FormatPublished(a1.Published), LastPublished: news.FormatPublished(a2.Published), Updated: list[0].Updated,
		Summary: "Dockworkers voted."}
	if !reflect.DeepEqual(list[0], want) {
		t.Errorf("summary = %+v, want %+v", list[0], want)
	}
	if got, _ := st.Stories(ctx, StoryQuery{Source: "courier"}); len(got) != 1 || got[0].ID != "sa" {
		t.Errorf("source filter = %+v", got)
	}
	if got, _ := st.Stories(ctx, StoryQuery{Q: `"wildfire*" (near`}); len(got) != 1 || got[0].ID != "sb" {
		t.Errorf("search with FTS syntax in it = %+v", got)
	}
	if got, _ := st.Stories(ctx, StoryQuery{Since: 30 * time.Minute, Now: now}); len(got) != 1 || got[0].ID != "sa" {
		t.Errorf("since filter = %+v", got)
	}

	d, err := st.Story(ctx, "sa")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 2 || len(d.Facts) != 1 || len(d.Memberships) != 2 || d.Memberships[0].Reason != "test" {
		t.Errorf("story detail = %+v", d)
	}
	if _, err := st.Story(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing story: err = %v, want ErrNotFound", err)
	}
	if _, err := st.Article(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: err = %v, want ErrNotFound", err)
	}
}

func TestDuplicatesAndRaws(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted to end the strike on Monday.", now)
	e := entry(a, "s1")
	if err := st.Save(ctx, []Entry{e}, now); err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.HasRaw(ctx, Digest(e.Raw.Kind, e.Raw.Body)); !ok {
		t.Error("stored raw input is not found by its digest")
	}
	sameText := a
	sameText.ID, sameText.URL, sameText.Text = "other", "https://elsewhere.example/x", "Dockworkers  voted to END the strike on Monday."
	if id, dup, _ := st.Duplicate(ctx, sameText.URL, ContentHash(sameText)); !dup || id != "a1" {
		t.Errorf("same content elsewhere: Duplicate = %q, %v; want a1", id, dup)
	}
	sameURL := article("x", "ledger", "Other", "Different text entirely.", now)
	sameURL.URL = a.URL
	if _, dup, _ := st.Duplicate(ctx, sameURL.URL, ContentHash(sameURL)); !dup {
		t.Error("same URL is not a duplicate")
	}
	if taken, _ := st.IDTaken(ctx, "a1"); !taken {
		t.Error("IDTaken(a1) = false")
	}
	var seen []string
	err := st.Raws(ctx, func(r Raw, ids []string) error {
		if string(r.Body) != string(e.Raw.Body) {
			t.Errorf("raw body round trip: %q", r.Body)
		}
		seen = append(seen, ids...)
		return nil
	})
	if err != nil || !reflect.DeepEqual(seen, []string{"a1"}) {
		t.Errorf("Raws = %v, %v", seen, err)
	}
	a.Text = "Re-extracted text of the article."
	if err := st.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Article(ctx, "a1"); got.Text != a.Text {
		t.Errorf("updated text = %q", got.Text)
	}
	if list, _ := st.Stories(ctx, StoryQuery{Q: "re-extracted"}); len(list) != 1 {
		t.Errorf("the search index does not follow an update: %+v", list)
	}
}

func TestFailedSaveKeepsEarlierData(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted.", now)
	if err := st.Save(ctx, []Entry{entry(a, "s1")}, now); err != nil {
		t.Fatal(err)
	}
	b := article("b1", "ledger", "Fire", "A fire broke out.", now)
	again := entry(a, "s1") // the same id again violates the primary key
	if err := st.Save(ctx, []Entry{entry(b, "s2"), again}, now); err == nil {
		t.Fatal("saving a duplicate id succeeded")
	}
	if n, stories, _ := st.Counts(ctx); n != 1 || stories != 1 {
		t.Errorf("after a failed batch: %d articles, %d stories; want the 1 and 1 from before", n, stories)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a := article("a1", "ledger", "Dockworkers end strike", "The <b>dockworkers</b> voted on Monday to end the strike at Calder.", now)
	b := article("b1", "courier", "Harbour news", "Ships waited while dockworkers were on strike.", now)
	if err := st.Save(ctx, []Entry{entry(a, "s1"), entry(b, "s2")}, now); err != nil {
		t.Fatal(err)
	}
	hits, err := st.Search(ctx, "dockworkers", 10, 0)
	if err != nil || len(hits) != 2 {
		t.Fatalf("hits = %+v, %v", hits, err)
	}
	if hits[0].ArticleID != "a1" || hits[0].StoryID != "s1" {
		t.Errorf("a title match should rank first: %+v", hits[0])
	}
	if !strings.Contains(hits[0].Marked, "&lt;b&gt;<mark>dockworkers</mark>&lt;/b&gt;") || strings.Contains(hits[0].Snippet, "\x02") {
		t.Errorf("snippet = %q / %q: want the text escaped and the match marked", hits[0].Snippet, hits[0].Marked)
	}
	if hits, _ := st.Search(ctx, "   ", 10, 0); len(hits) != 0 {
		t.Errorf("an empty query found %d", len(hits))
	}
	// The index holds each article once, as SaveBatch put it there, and
	// follows updates (the check fails on a missing or doubled entry).
	if err := st.UpdateArticle(ctx, article("b1", "courier", "Harbour news", "Ships sailed again.", now)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.ExecContext(ctx, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("search index integrity: %v", err)
	}
}

func TestRawsPagesThroughEverything(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	var entries []Entry
	for i := 0; i < 2*rawPage+22; i++ {
		a := article(fmt.Sprintf("a%03d", i), "ledger", "Title", fmt.Sprintf("Text number %d of the run.", i), now)
		entries = append(entries, entry(a, "s1"))
	}
	if err := st.Save(ctx, entries, now); err != nil {
		t.Fatal(err)
	}
	var seen []string
	err := st.Raws(ctx, func(r Raw, ids []string) error {
		seen = append(seen, ids...)
		return st.UpdateArticle(ctx, article(ids[0], "ledger", "Title", "Updated while reading.", now)) // writes during the walk
	})
	if err != nil || len(seen) != len(entries) || seen[0] != "a000" || seen[len(seen)-1] != entries[len(entries)-1].Article.ID {
		t.Errorf("Raws saw %d of %d raws (%v)", len(seen), len(entries), err)
	}
}

func TestSaveBatchRecordsMergesAndSplits(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a1 := article("a1", "ledger", "Strike ends at Calder port", "Dockworkers voted to end the strike on Monday.", now.Add(-3*time.Hour))
	a2 := article("a2", "courier", "Calder dockworkers back deal", "Dockworkers at Calder backed the new contract.", now.Add(-2*time.Hour))
	a3 := article("a3", "post", "Warehouse fire on the waterfront", "A warehouse burned on the Calder waterfront.", now.Add(-time.Hour))
	if err := st.Save(ctx, []Entry{entry(a1, "sa"), entry(a2, "sb")}, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"sa", "sb"} {
		if err := st.SaveComparison(ctx, id, "t", "s", news.Comparison{}); err != nil {
			t.Fatal(err)
		}
	}
	// a3 joins sa in this batch; sb turns out to be the same event as sa; a3
	// drifts and is split off into sc.
	changes := []news.StoryChange{
		{Kind: "merge", Story: "sa", Other: "sb", Articles: []string{"a2"}, Score: 0.5, Threshold: 0.35, Reason: "same event"},
		{Kind: "split", Story: "sa", Other: "sc", Articles: []string{"a3"}, Score: 0.05, Threshold: 0.1, Reason: "drifted"},
	}
	if err := st.SaveBatch(ctx, []Entry{entry(a3, "sa")}, changes, now); err != nil {
		t.Fatal(err)
	}
	ids := func(story string) []string {
		arts, err := st.StoryArticles(ctx, story)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range arts {
			out = append(out, a.ID)
		}
		return out
	}
	if got := ids("sa"); !reflect.DeepEqual(got, []string{"a1", "a2"}) {
		t.Errorf("sa holds %v, want a1, a2", got)
	}
	if got := ids("sc"); !reflect.DeepEqual(got, []string{"a3"}) {
		t.Errorf("sc holds %v, want a3", got)
	}
	d, err := st.Story(ctx, "sa")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Changes) != 2 || d.Changes[0].Kind != "merge" || d.Changes[1].Kind != "split" || !d.Changes[0].At.Equal(now) {
		t.Errorf("sa's changes = %+v, want the merge then the split", d.Changes)
	}
	for _, m := range d.Memberships {
		if m.StoryID != "sa" {
			t.Errorf("membership of %s still names story %s", m.ArticleID, m.StoryID)
		}
		if m.ArticleID == "a2" && !strings.HasSuffix(m.Reason, "; then this story merged into story sa: same event") {
			t.Errorf("a2's explanation does not say it was merged into sa: %q", m.Reason)
		}
	}
	var merged *MergedError
	if _, err := st.Story(ctx, "sb"); !errors.As(err, &merged) || merged.Into != "sa" || !errors.Is(err, ErrNotFound) {
		t.Errorf("Story(sb) = %v, want it merged into sa", err)
	}
	if c, err := st.Story(ctx, "sc"); err != nil || len(c.Changes) != 1 || c.Changes[0].Describe("sc") != "split off from story sa" {
		t.Errorf("Story(sc) = %+v, %v", c.Changes, err)
	} else if len(c.Memberships) != 1 || !strings.HasSuffix(c.Memberships[0].Reason, "; then split off into story sc: drifted") {
		t.Errorf("a3's explanation does not say it was split off: %+v", c.Memberships)
	}
	stale, err := st.StaleStories(ctx, 0)
	if err != nil || !reflect.DeepEqual(stale, []string{"sa", "sc"}) {
		t.Errorf("stale stories = %v, %v; want sa and sc compared again", stale, err)
	}
}

func TestRawsPackedAsGzipStillRead(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted to end the strike on Monday.", now)
	e := entry(a, "s1")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(e.Raw.Body)
	zw.Close()
	e.Raw.Packed = gz.Bytes() // as versions before S2 stored it
	b := article("b1", "courier", "Fire", "A fire broke out at the harbour.", now)
	if err := st.Save(ctx, []Entry{e, entry(b, "s2")}, now); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a1", "b1"} {
		r, ok, err := st.RawOf(ctx, id)
		want := "<p>" + map[string]string{"a1": a.Text, "b1": b.Text}[id] + "</p>"
		if err != nil || !ok || string(r.Body) != want {
			t.Errorf("RawOf(%s) = %q, %v, %v; want %q", id, r.Body, ok, err, want)
		}
	}
	if _, err := unpack([]byte("neither gzip nor S2")); err == nil {
		t.Error("a body in no known format unpacked without an error")
	}
}

func TestStoryFollowsItsArticlesBeforeItIsCompared(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	undated := article("a1", "ledger", "Undated roundup", "Dockworkers voted.", time.Time{})
	later := article("a2", "courier", "Later report", "Dockworkers voted to end it.", now.Add(2*time.Hour))
	first := article("a3", "herald", "First report", "Dockworkers voted on Monday.", now)
	other := article("b1", "ledger", "Fire", "A fire broke out.", now)
	if err := st.Save(ctx, []Entry{entry(undated, "s1"), entry(later, "s1"), entry(other, "s2")}, now); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(ctx, []Entry{entry(first, "s1")}, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	list, err := st.Stories(ctx, StoryQuery{})
	if err != nil || len(list) != 2 {
		t.Fatalf("Stories = %+v, %v", list, err)
	}
	s1 := list[0]
	if s1.ID != "s1" || s1.Title != "First report" || s1.FirstPublished != news.FormatPublished(now) || s1.LastPublished != news.FormatPublished(now.Add(2*time.Hour)) {
		t.Errorf("s1 = %+v; want the earliest dated article's title and the span of its dated articles", s1)
	}
	stale, err := st.StaleAmong(ctx, []string{"s1", "nope"})
	if err != nil || !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("StaleAmong = %v, %v; want s1", stale, err)
	}
	if all, _ := st.StaleStories(ctx, 1); !reflect.DeepEqual(all, []string{"s1"}) {
		t.Errorf("StaleStories(1) = %v; want the most recently updated, s1", all)
	}

	// A comparison that saw an older version of the story leaves it stale.
	seen, err := st.StoryVersion(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Save(ctx, []Entry{entry(article("a4", "post", "More", "Dockworkers cheered.", now), "s1")}, now.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveComparisons(ctx, []ComparisonRecord{{StoryID: "s1", Title: "First report", Version: seen}}); err != nil {
		t.Fatal(err)
	}
	if stale, _ := st.StaleAmong(ctx, []string{"s1"}); len(stale) != 1 {
		t.Error("a story that grew while it was compared is not stale")
	}
	if err := st.SaveComparisons(ctx, []ComparisonRecord{{StoryID: "s1", Title: "First report"}}); err != nil {
		t.Fatal(err)
	}
	if stale, _ := st.StaleAmong(ctx, []string{"s1", "s2"}); !reflect.DeepEqual(stale, []string{"s2"}) {
		t.Errorf("after comparing s1, stale = %v; want s2 only", stale)
	}
	if _, err := st.StoryVersion(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("StoryVersion of no story = %v", err)
	}
}
