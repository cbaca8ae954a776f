// Package storetest is the conformance suite of storyline's store ports:
// every backend (the embedded SQLite store today, others tomorrow) must pass
// it, so that the engine, the read side and the feed poller behave the same
// on each. A backend's test calls Run with a way to open new, empty stores.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source/feed"
)

// Store is every port a backend implements.
type Store interface {
	engine.Store
	read.Store
	feed.Store
	Close() error
}

// Backend opens the stores of a backend under test.
type Backend struct {
	// New returns a new, empty store, closed when the test ends.
	New func(t *testing.T) Store
	// Again opens a second handle on the database of st, as another process
	// would, closed when the test ends.
	Again func(t *testing.T, st Store) Store
	// DamageRaw overwrites the stored body of the raw input named name
	// with bytes that do not unpack, as a damaged disk or a hand edit would.
	DamageRaw func(t *testing.T, st Store, name string)
}

// Run runs every conformance test on the backend.
func Run(t *testing.T, b Backend) {
	for _, c := range []struct {
		name string
		test func(*testing.T, Backend)
	}{
		{"SaveAndRead", testSaveAndRead},
		{"PublicationPrecisionRoundTrips", testPrecisionRoundTrip},
		{"DuplicatesAndRaws", testDuplicatesAndRaws},
		{"EveryCaptureOfAnArticle", testCaptures},
		{"CapturesStopAtMaxCaptures", testCapturesStopAtMaxCaptures},
		{"DuplicatePrefersTheURL", testDuplicatePrefersTheURL},
		{"FailedSaveStoresNothingOfItsBatch", testFailedSave},
		{"Search", testSearch},
		{"RawsPagesThroughEverything", testRawsPaging},
		{"RawsGoOnPastADamagedBody", testRawsPastADamagedBody},
		{"MergesAndSplits", testMergesAndSplits},
		{"MovesAndSplitOffIDs", testMovesAndSplitOffIDs},
		{"ChangesInTheOrderMade", testChangesInOrder},
		{"StaleStoriesAndVersions", testStaleStories},
		{"UntitledStoriesGetALeadTitle", testUntitledStories},
		{"EarliestTitledArticleNamesTheStory", testEarliestTitledArticle},
		{"TitleTiesAndUndatedArticles", testTitleTiesAndUndated},
		{"SplitOffsAreTitled", testSplitOffTitles},
		{"OpenStories", testOpenStories},
		{"StoryMembers", testStoryMembers},
		{"HeldMembers", testHeldMembers},
		{"KeptApartAndLastChange", testKeptApart},
		{"StreamStateIsTheLastSaved", testStreamState},
		{"AnUpdateOfWhatTheClustererReadDropsTheState", testUpdateDropsStreamState},
		{"KeptApartOfManyPartings", testKeptApartMany},
		{"FailedPagesAndTemplates", testFailedPagesAndTemplates},
		{"ReplaceSiteTemplates", testReplaceSiteTemplates},
		{"SinceIsPublicationTime", testSinceIsPublicationTime},
		{"Feeds", testFeeds},
		{"Sources", testSources},
		{"SourcesCountFirstReportsBeforeAnyComparison", testSourcesBeforeComparison},
		{"Export", testExport},
		{"OutletsAreOneHoweverSpelt", testOutletsAreOne},
		{"SourceNamesOfAnyKeys", testSourceNamesOfAnyKeys},
		{"SetSourceOfAStoredPage", testSetSource},
		{"SetSourcesOfManyPagesInOneTransaction", testSetSources},
		{"OutletAliasesFileAndPart", testOutletAliases},
		{"AliasChainsKeepTheOutletNamed", testAliasChains},
		{"AliasChangesMarkTheStoriesTheyMove", testAliasChangesMarkStories},
		{"AComparisonOfOutletsFiledOtherwiseLeavesItsStoryStale", testComparisonOfRefiledOutlets},
		{"TheDomainJoinsTheNameBeginningWithThe", testTheDomainAlias},
		{"CountsAndPublishedRange", testCountsAndPublishedRange},
		{"SearchStories", testSearchStories},
		{"OutletStories", testOutletStories},
		{"NamelessArticlesAreSourcesOfTheirOwn", testNamelessArticlesAreSourcesOfTheirOwn},
		{"NamelessDatesAloneShowNoClock", testNamelessDatesAloneShowNoClock},
		{"GenerationChangesWithWrites", testGeneration},
		{"WriterLock", testWriterLock},
		{"ErrorsNameOperationAndKey", testErrorsNameKeys},
	} {
		t.Run(c.name, func(t *testing.T) { c.test(t, b) })
	}
}

var now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func article(id, source, title, text string, published time.Time) news.Article {
	return news.Article{ID: id, URL: "https://" + source + ".example/" + id, Source: source, Title: title, Text: text, Published: published, Lang: "en"}
}

// hash stands for a content hash: the store keeps what it is given.
func hash(a news.Article) string { return "hash of " + a.Text }

func placement(a news.Article, story string) news.Placement {
	raw := news.Raw{Name: a.ID + ".html", URL: a.URL, Kind: news.KindHTML, Body: []byte("<p>" + a.Text + "</p>")}
	return news.Placement{Raw: &raw, Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: story, Score: 0.7, Reason: "test"}, ContentHash: hash(a)}
}

func save(t *testing.T, st Store, at time.Time, ps ...news.Placement) []string {
	t.Helper()
	newStories, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: ps, At: at})
	if err != nil {
		t.Fatal(err)
	}
	return newStories
}

func saveComparison(t *testing.T, st Store, id, title, summary string, cmp news.Comparison) {
	t.Helper()
	if err := st.SaveComparisons(context.Background(), []news.ComparisonRecord{{StoryID: id, Title: title, Summary: summary, Comparison: cmp}}); err != nil {
		t.Fatal(err)
	}
}

func testSaveAndRead(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a1 := article("a1", "ledger", "Strike ends at Calder port", "Dockworkers voted to end the strike on Monday.", now.Add(-2*time.Hour))
	a2 := article("a2", "courier", "Calder dockworkers back deal", "Dockworkers at Calder backed the new contract.", now.Add(-time.Hour))
	b1 := article("b1", "ledger", "Wildfire near Brennock", "A wildfire forced residents to flee.", now.Add(-48*time.Hour))
	b1.Kind = "listing" // a page kind is kept and read back with the article
	if got := save(t, st, now.Add(-time.Hour), placement(a1, "sa"), placement(b1, "sb")); !reflect.DeepEqual(got, []string{"sa", "sb"}) {
		t.Errorf("new stories of the first batch = %v, want sa and sb", got)
	}
	if got := save(t, st, now, placement(a2, "sa")); len(got) != 0 {
		t.Errorf("new stories of a batch joining sa = %v, want none", got)
	}
	arts, err := st.StoryArticles(ctx, "sa")
	filed := a2
	filed.OutletKey = "courier" // the key its outlet is filed under, which the store adds
	if err != nil || len(arts) != 2 || arts[0].ID != "a1" || !arts[0].Published.Equal(a1.Published) || !reflect.DeepEqual(arts[1], filed) {
		t.Fatalf("story articles = %+v, %v; want a1 and a2 as saved, in the order they were", arts, err)
	}
	saveComparison(t, st, "sa", "Strike ends at Calder port", "Dockworkers voted.", news.Comparison{Facts: []news.Fact{{Text: "Dockworkers voted.", Articles: []string{"a1", "a2"}}}})

	list, err := st.Stories(ctx, news.StoryQuery{})
	if err != nil || len(list) != 2 || list[0].ID != "sa" {
		t.Fatalf("stories = %+v, %v; want sa (updated last) first", list, err)
	}
	want := news.StorySummary{ID: "sa", Title: "Strike ends at Calder port", Articles: 2, Sources: []string{"ledger", "courier"},
		FirstPublished: news.FormatPublished(a1.Published), LastPublished: news.FormatPublished(a2.Published), Updated: list[0].Updated,
		Summary: "Dockworkers voted."}
	if !reflect.DeepEqual(list[0], want) {
		t.Errorf("summary = %+v, want %+v", list[0], want)
	}
	if !list[1].Updating {
		t.Errorf("sb was never compared, but is not marked as being updated: %+v", list[1])
	}
	for _, c := range []struct {
		q    news.StoryQuery
		want []string
	}{
		{news.StoryQuery{Source: "courier"}, []string{"sa"}},
		{news.StoryQuery{Q: `"wildfire*" (near`}, []string{"sb"}},
		{news.StoryQuery{Since: 90 * time.Minute, Now: now}, []string{"sa"}},
		{news.StoryQuery{Limit: 1, Offset: 1}, []string{"sb"}},
	} {
		got, err := st.Stories(ctx, c.q)
		var ids []string
		for _, s := range got {
			ids = append(ids, s.ID)
		}
		if err != nil || !reflect.DeepEqual(ids, c.want) {
			t.Errorf("Stories(%+v) = %v, %v; want %v", c.q, ids, err, c.want)
		}
	}

	d, err := st.Story(ctx, "sa")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 2 || len(d.Facts) != 1 || len(d.Memberships) != 2 || d.Memberships[0].Reason != "test" || d.Updating || d.Version == "" {
		t.Errorf("story detail = %+v", d)
	}
	if _, err := st.Story(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("missing story: err = %v, want news.ErrNotFound", err)
	}
	if _, err := st.Article(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("missing article: err = %v, want news.ErrNotFound", err)
	}
	if got, err := st.Article(ctx, "b1"); err != nil || !reflect.DeepEqual(got, b1) {
		t.Errorf("Article(b1) = %+v, %v", got, err)
	}
	if id, err := st.StoryOf(ctx, "a2"); err != nil || id != "sa" {
		t.Errorf("StoryOf(a2) = %q, %v", id, err)
	}
	if _, err := st.StoryOf(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("StoryOf(nope) = %v, want news.ErrNotFound", err)
	}
	if n, stories, err := st.Counts(ctx); n != 3 || stories != 2 || err != nil {
		t.Errorf("Counts = %d, %d, %v", n, stories, err)
	}
	if names, err := st.SourceNames(ctx); err != nil || !reflect.DeepEqual(names, []news.SourceCount{{Source: "courier", Key: "courier", Articles: 1}, {Source: "ledger", Key: "ledger", Articles: 2}}) {
		t.Errorf("SourceNames = %+v, %v", names, err)
	}
	if ok, err := st.HasURL(ctx, "https://nowhere.example/x", a2.URL); !ok || err != nil {
		t.Errorf("HasURL(a2's URL) = %v, %v", ok, err)
	}
	if ok, _ := st.HasURL(ctx, "", "https://nowhere.example/x"); ok {
		t.Error("HasURL found a URL never stored")
	}
	if r, ok, err := st.RawOf(ctx, "a1"); err != nil || !ok || string(r.Body) != "<p>"+a1.Text+"</p>" || r.Kind != news.KindHTML {
		t.Errorf("RawOf(a1) = %+v, %v, %v", r, ok, err)
	}
}

func testDuplicatesAndRaws(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted to end the strike on Monday.", now)
	p := placement(a, "s1")
	save(t, st, now, p)
	if ok, err := st.HasRaw(ctx, news.Digest(p.Raw.Kind, p.Raw.Body)); !ok || err != nil {
		t.Errorf("stored raw input is not found by its digest: %v", err)
	}
	if id, dup, err := st.Duplicate(ctx, "https://elsewhere.example/x", hash(a)); !dup || id != (news.ArticleRef{ID: "a1", Title: a.Title, URL: a.URL, SameText: true}) || err != nil {
		t.Errorf("same content elsewhere: Duplicate = %+v, %v, %v; want a1, the same text", id, dup, err)
	}
	if id, dup, _ := st.Duplicate(ctx, a.URL, "another hash"); !dup || id.ID != "a1" || id.SameText {
		t.Errorf("same URL, another text: Duplicate = %+v, %v; want a1, its text changed", id, dup)
	}
	if id, dup, _ := st.Duplicate(ctx, a.URL, hash(a)); !dup || id.ID != "a1" || !id.SameText {
		t.Errorf("same URL, same text: Duplicate = %+v, %v; want a1, the same text", id, dup)
	}
	if _, dup, _ := st.Duplicate(ctx, "", "another hash"); dup {
		t.Error("an empty URL matched a stored article")
	}
	if taken, _ := st.IDTaken(ctx, "a1"); !taken {
		t.Error("IDTaken(a1) = false")
	}
	if taken, _ := st.IDTaken(ctx, "a2"); taken {
		t.Error("IDTaken(a2) = true")
	}
	var seen []string
	err := st.Raws(ctx, func(r news.Raw, ids []string, damaged error) error {
		if string(r.Body) != string(p.Raw.Body) || r.Name != "a1.html" || damaged != nil {
			t.Errorf("raw round trip: %+v, %v", r, damaged)
		}
		seen = append(seen, ids...)
		return nil
	})
	if err != nil || !reflect.DeepEqual(seen, []string{"a1"}) {
		t.Errorf("Raws = %v, %v", seen, err)
	}
	saveComparison(t, st, "s1", "Strike ends", "", news.Comparison{})
	a.Text = "Re-extracted text of the article."
	a.Kind = "forum"
	if err := st.UpdateArticle(ctx, a, hash(a)); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Article(ctx, "a1"); got.Text != a.Text || got.Kind != "forum" {
		t.Errorf("updated text, kind = %q, %q", got.Text, got.Kind)
	}
	if list, _ := st.Stories(ctx, news.StoryQuery{Q: "re-extracted"}); len(list) != 1 {
		t.Errorf("the search index does not follow an update: %+v", list)
	}
	if stale, _ := st.StaleStories(ctx, 0); !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("after an article was updated, stale stories = %v, want its story", stale)
	}
	if err := st.UpdateArticle(ctx, article("nope", "ledger", "", "text", now), "h"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("updating an article never stored: %v, want news.ErrNotFound", err)
	}
}

func testFailedSave(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted.", now)
	save(t, st, now, placement(a, "s1"))
	b1 := article("b1", "ledger", "Fire", "A fire broke out.", now)
	again := placement(a, "s1") // the same id again violates the primary key
	again.Article.URL, again.ContentHash = "https://ledger.example/other", "other"
	_, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(b1, "s2"), again}, At: now})
	if err == nil {
		t.Fatal("saving a duplicate id succeeded")
	}
	if !strings.Contains(err.Error(), "a1") {
		t.Errorf("the failure %q does not name the article that failed", err)
	}
	if n, stories, _ := st.Counts(ctx); n != 1 || stories != 1 {
		t.Errorf("after a failed batch: %d articles, %d stories; want the 1 and 1 from before", n, stories)
	}
	if ok, _ := st.HasURL(ctx, b1.URL); ok {
		t.Error("an article of the failed batch was stored")
	}
}

func testSearch(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a := article("a1", "ledger", "Dockworkers end strike", "The <b>dockworkers</b> voted on Monday to end the strike at Calder.", now)
	b1 := article("b1", "courier", "Harbour news", "Ships waited while dockworkers were on strike.", now)
	save(t, st, now, placement(a, "s1"), placement(b1, "s2"))
	res, err := st.SearchStories(ctx, news.SearchQuery{Q: "dockworkers"})
	if err != nil || len(res.Stories) != 2 {
		t.Fatalf("stories = %+v, %v", res, err)
	}
	top := res.Stories[0]
	if top.StoryID != "s1" || len(top.Hits) != 1 || top.Hits[0].ArticleID != "a1" || top.Hits[0].Source != "ledger" {
		t.Errorf("a title match should rank first: %+v", top)
	}
	hit := top.Hits[0]
	if !strings.Contains(hit.Marked, "&lt;b&gt;<mark>dockworkers</mark>&lt;/b&gt;") || strings.ContainsAny(hit.Snippet, "\x02\x03") {
		t.Errorf("snippet = %q / %q: want the text escaped and the match marked", hit.Snippet, hit.Marked)
	}
	if res, err := st.SearchStories(ctx, news.SearchQuery{Q: "   "}); len(res.Stories) != 0 || err != nil {
		t.Errorf("an empty query found %d, %v", len(res.Stories), err)
	}
	if res, err := st.SearchStories(ctx, news.SearchQuery{Q: `AND "OR" (`}); err != nil {
		t.Errorf("a query of search operators failed: %v (%v)", err, res)
	}
	if res, _ := st.SearchStories(ctx, news.SearchQuery{Q: "dockworkers", Limit: 1, Offset: 1}); len(res.Stories) != 1 || res.Stories[0].StoryID != "s2" {
		t.Errorf("the second page of one story = %+v, want s2", res.Stories)
	}
}

func testRawsPaging(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	var ps []news.Placement
	for i := range 150 {
		a := article(fmt.Sprintf("a%03d", i), "ledger", "Title", fmt.Sprintf("Text number %d of the run.", i), now)
		ps = append(ps, placement(a, "s1"))
	}
	save(t, st, now, ps...)
	var seen []string
	err := st.Raws(ctx, func(r news.Raw, ids []string, _ error) error {
		seen = append(seen, ids...)
		a := article(ids[0], "ledger", "Title", "Updated while reading.", now)
		return st.UpdateArticle(ctx, a, hash(a)) // writes during the walk
	})
	if err != nil || len(seen) != len(ps) || seen[0] != "a000" || seen[len(seen)-1] != "a149" {
		t.Errorf("Raws saw %d of %d raws (%v)", len(seen), len(ps), err)
	}
	stop := errors.New("enough")
	if err := st.Raws(ctx, func(news.Raw, []string, error) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Raws returned %v, want the callback's error", err)
	}
}

func testMergesAndSplits(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a1 := article("a1", "ledger", "Strike ends at Calder port", "Dockworkers voted to end the strike on Monday.", now.Add(-3*time.Hour))
	a2 := article("a2", "courier", "Calder dockworkers back deal", "Dockworkers at Calder backed the new contract.", now.Add(-2*time.Hour))
	a3 := article("a3", "post", "Warehouse fire on the waterfront", "A warehouse burned on the Calder waterfront.", now.Add(-time.Hour))
	save(t, st, now.Add(-time.Hour), placement(a1, "sa"), placement(a2, "sb"))
	for _, id := range []string{"sa", "sb"} {
		saveComparison(t, st, id, "t", "s", news.Comparison{})
	}
	// a3 joins sa in this batch; sb turns out to be the same event as sa; a3
	// drifts and is split off into sc.
	changes := []news.StoryChange{
		{Kind: "merge", Story: "sa", Other: "sb", Articles: []string{"a2"}, Score: 0.5, Threshold: 0.35, Reason: "same event"},
		{Kind: "split", Story: "sa", Other: "sc", Articles: []string{"a3"}, Score: 0.05, Threshold: 0.1, Reason: "drifted"},
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(a3, "sa")}, Changes: changes, At: now}); err != nil {
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
	if len(d.Changes) != 2 || d.Changes[0].Kind != "merge" || d.Changes[1].Kind != "split" || !d.Changes[0].At.Equal(now) || !d.Updating {
		t.Errorf("sa's changes = %+v (updating %v), want the merge then the split, and sa to be compared again", d.Changes, d.Updating)
	}
	for _, m := range d.Memberships {
		if m.StoryID != "sa" {
			t.Errorf("membership of %s still names story %s", m.ArticleID, m.StoryID)
		}
		if m.ArticleID == "a2" && !strings.HasSuffix(m.Reason, "; then this story merged into story sa: same event") {
			t.Errorf("a2's explanation does not say it was merged into sa: %q", m.Reason)
		}
	}
	var merged *news.MergedError
	if _, err := st.Story(ctx, "sb"); !errors.As(err, &merged) || merged.Into != "sa" || !errors.Is(err, news.ErrNotFound) {
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

func testMovesAndSplitOffIDs(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a1 := article("a1", "ledger", "Strike ends at Calder port", "Dockworkers voted to end the strike on Monday.", now.Add(-3*time.Hour))
	a2 := article("a2", "courier", "Warehouse fire on the waterfront", "A warehouse burned on the Calder waterfront.", now.Add(-2*time.Hour))
	a3 := article("a3", "post", "Calder warehouse fire investigated", "Investigators sifted the burned warehouse.", now.Add(-time.Hour))
	a4 := article("a4", "herald", "Calder port reopens", "Ships returned to the Calder port.", now)
	save(t, st, now.Add(-time.Hour), placement(a1, "sa"), placement(a2, "sb"), placement(a3, "sa"), placement(a4, "sd"))
	// a3 is moved into the fire's story, which is stored.
	move := news.StoryChange{Kind: "move", Story: "sa", Other: "sb", Articles: []string{"a3"}, Score: 0.8, Threshold: 0.5, Reason: "closer"}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: []news.StoryChange{move}, At: now}); err != nil {
		t.Fatal(err)
	}
	d, err := st.Story(ctx, "sb")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range d.Memberships {
		ids = append(ids, m.ArticleID)
		if m.ArticleID == "a3" && (m.StoryID != "sb" || !strings.HasSuffix(m.Reason, "; then articles moved to story sb: closer")) {
			t.Errorf("a3's membership does not say it was moved: %+v", m)
		}
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"a2", "a3"}) || len(d.Changes) != 1 || d.Changes[0].Describe("sb") != "articles moved here from story sa" {
		t.Errorf("sb holds %v with changes %+v, want a2, a3 and the move", ids, d.Changes)
	}
	if a, err := st.Story(ctx, "sa"); err != nil || len(a.Memberships) != 1 || a.Changes[0].Describe("sa") != "articles moved to story sb" {
		t.Errorf("Story(sa) = %+v, %v", a, err)
	}
	// sd merges into sb; a split off sa into sb (stored) or into sd (merged
	// away, in sb's history) would merge a1 into a story it never joined
	// without saying so, and is refused.
	merge := news.StoryChange{Kind: "merge", Story: "sb", Other: "sd", Articles: []string{"a4"}, Score: 0.6, Threshold: 0.5, Reason: "same"}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: []news.StoryChange{merge}, At: now}); err != nil {
		t.Fatal(err)
	}
	for _, used := range []string{"sb", "sd"} {
		split := news.StoryChange{Kind: "split", Story: "sa", Other: used, Articles: []string{"a1"}, Score: 0.1, Threshold: 0.2, Reason: "drifted"}
		if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: []news.StoryChange{split}, At: now}); err == nil || !strings.Contains(err.Error(), "an id already used") {
			t.Errorf("a split off into %s, an id already used: error %v, want it refused as an id already used", used, err)
		}
		if a, err := st.Story(ctx, "sa"); err != nil || len(a.Memberships) != 1 || a.Memberships[0].StoryID != "sa" || len(a.Changes) != 1 {
			t.Errorf("after the refused split into %s, Story(sa) = %+v, %v", used, a, err)
		}
	}
	// A move of an article that is not in the story it is moved from is
	// refused: the record would say it left a story it was not in.
	astray := news.StoryChange{Kind: "move", Story: "sa", Other: "sb", Articles: []string{"a2"}, Score: 0.8, Threshold: 0.5, Reason: "closer"}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: []news.StoryChange{astray}, At: now}); err == nil || !strings.Contains(err.Error(), "not all in story sa") {
		t.Errorf("a move of a2 from sa, where it is not: error %v, want it refused", err)
	}
	// A move into a story that is not stored is refused too.
	lost := news.StoryChange{Kind: "move", Story: "sa", Other: "nowhere", Articles: []string{"a1"}, Score: 0.8, Threshold: 0.5, Reason: "closer"}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: []news.StoryChange{lost}, At: now}); err == nil || !strings.Contains(err.Error(), "which is not stored") {
		t.Errorf("a move into a story not stored: error %v, want it refused as not stored", err)
	}
}

// testChangesInOrder stores a batch whose split-off takes a later article
// of the same batch: the store writes the split before that placement, as
// ChangesAfter says, so the split-off is not refused as an id already used.
func testChangesInOrder(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a0 := article("a0", "ledger", "Strike ends at Calder port", "Dockworkers voted to end the strike on Monday.", now.Add(-4*time.Hour))
	a1 := article("a1", "courier", "Warehouse fire on the waterfront", "A warehouse burned on the Calder waterfront.", now.Add(-3*time.Hour))
	a2 := article("a2", "post", "Calder warehouse fire investigated", "Investigators sifted the burned warehouse.", now.Add(-time.Hour))
	split := news.StoryChange{Kind: "split", Story: "sa", Other: "sa#split1", Articles: []string{"a1"}, Score: 0.1, Threshold: 0.2, Reason: "drifted"}
	wb := news.WriteBatch{
		Placements:   []news.Placement{placement(a0, "sa"), placement(a1, "sa"), placement(a2, "sa#split1")},
		Changes:      []news.StoryChange{split},
		ChangesAfter: []int{2}, // after a0 and a1, before a2
		At:           now,
	}
	if _, err := st.SaveBatch(ctx, wb); err != nil {
		t.Fatalf("a batch whose split-off takes a later article: %v", err)
	}
	for story, want := range map[string][]string{"sa": {"a0"}, "sa#split1": {"a1", "a2"}} {
		arts, err := st.StoryArticles(ctx, story)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range arts {
			got = append(got, a.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s holds %v, want %v", story, got, want)
		}
	}
	if d, err := st.Story(ctx, "sa#split1"); err != nil || len(d.Changes) != 1 || d.Changes[0].Describe("sa#split1") != "split off from story sa" {
		t.Errorf("Story(sa#split1) = %+v, %v; want the split recorded", d, err)
	}
}

// testUntitledStories: a story none of whose articles has a title is listed
// under the lead of its earliest dated article (news.LeadTitle), marked as
// derived, in lists, the story and search alike; a later untitled article
// does not replace it, an earlier one does, and a titled article replaces
// it whenever it comes, as projection.Title picks.
func testUntitledStories(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	wire := article("w1", "wire", "", "BRENNOCK, Ostland (Wirenews) -- Ferry crews at Brennock walked out on Tuesday over a pay cut.\n\nTalks resume next week.", now)
	later := article("w2", "post", "", "Ferry services stayed halted for a second day.", now.Add(time.Hour))
	save(t, st, now, placement(wire, "s1"), placement(later, "s1"))
	const lead = "Ferry crews at Brennock walked out on Tuesday over a pay cut"
	checkTitle(t, st, "s1", lead, true)
	earlier := article("w0", "herald", "", "Ferry crews at Brennock voted to strike.", now.Add(-time.Hour))
	save(t, st, now.Add(time.Minute), placement(earlier, "s1"))
	checkTitle(t, st, "s1", "Ferry crews at Brennock voted to strike", true)
	// A real headline wins, even from an article dated after the lead's.
	titled := article("w3", "courier", "Brennock ferry strike enters second day", "The Brennock ferry strike went on.", now.Add(2*time.Hour))
	save(t, st, now.Add(2*time.Minute), placement(titled, "s1"))
	checkTitle(t, st, "s1", "Brennock ferry strike enters second day", false)
	// And an untitled article, however early, does not replace it.
	earliest := article("w4", "gazette", "", "Brennock ferry crews met on Sunday.", now.Add(-2*time.Hour))
	save(t, st, now.Add(3*time.Minute), placement(earliest, "s1"))
	checkTitle(t, st, "s1", "Brennock ferry strike enters second day", false)
	// A comparison sets the title and whether it is derived.
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: "Ferry crews walk out", TitleDerived: true}}); err != nil {
		t.Fatal(err)
	}
	checkTitle(t, st, "s1", "Ferry crews walk out", true)
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: "Brennock ferry strike enters second day"}}); err != nil {
		t.Fatal(err)
	}
	checkTitle(t, st, "s1", "Brennock ferry strike enters second day", false)
}

// checkTitle checks a story's title and whether it is derived in the list
// of stories, the story itself and a search for "ferry".
func checkTitle(t *testing.T, st Store, id, title string, derived bool) {
	t.Helper()
	ctx := context.Background()
	list, err := st.Stories(ctx, news.StoryQuery{})
	if err != nil || len(list) != 1 || list[0].ID != id || list[0].Title != title || list[0].TitleDerived != derived {
		t.Errorf("Stories = %+v, %v; want %s titled %q, derived %v", list, err, id, title, derived)
	}
	if d, err := st.Story(ctx, id); err != nil || d.Title != title || d.TitleDerived != derived {
		t.Errorf("Story(%s) title = %q derived %v, %v; want %q, %v", id, d.Title, d.TitleDerived, err, title, derived)
	}
	res, err := st.SearchStories(ctx, news.SearchQuery{Q: "ferry"})
	if err != nil || len(res.Stories) != 1 || res.Stories[0].Title != title || res.Stories[0].TitleDerived != derived {
		t.Errorf("SearchStories(ferry) = %+v, %v; want %q, derived %v", res.Stories, err, title, derived)
	}
}

func testStaleStories(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	undated := article("a1", "ledger", "Undated roundup", "Dockworkers voted.", time.Time{})
	later := article("a2", "courier", "Later report", "Dockworkers voted to end it.", now.Add(2*time.Hour))
	first := article("a3", "herald", "First report", "Dockworkers voted on Monday.", now)
	other := article("b1", "ledger", "Fire", "A fire broke out.", now)
	save(t, st, now, placement(undated, "s1"), placement(later, "s1"), placement(other, "s2"))
	save(t, st, now.Add(time.Minute), placement(first, "s1"))
	list, err := st.Stories(ctx, news.StoryQuery{})
	if err != nil || len(list) != 2 {
		t.Fatalf("Stories = %+v, %v", list, err)
	}
	s1 := list[0]
	if s1.ID != "s1" || s1.Title != "First report" || s1.FirstPublished != news.FormatPublished(now) || s1.LastPublished != news.FormatPublished(now.Add(2*time.Hour)) {
		t.Errorf("s1 = %+v; want the earliest dated article's title and the span of its dated articles", s1)
	}
	if all, _ := st.StaleStories(ctx, 1); !reflect.DeepEqual(all, []string{"s1"}) {
		t.Errorf("StaleStories(1) = %v; want the most recently updated, s1", all)
	}
	// A comparison that saw an older version of the story leaves it stale.
	seen, err := st.StoryVersion(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	save(t, st, now.Add(2*time.Minute), placement(article("a4", "post", "More", "Dockworkers cheered.", now), "s1"))
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: "First report", Version: seen}}); err != nil {
		t.Fatal(err)
	}
	if d, _ := st.Story(ctx, "s1"); !d.Updating {
		t.Error("a story that grew while it was compared is not stale")
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: "First report"}}); err != nil {
		t.Fatal(err)
	}
	if stale, _ := st.StaleStories(ctx, 0); !reflect.DeepEqual(stale, []string{"s2"}) {
		t.Errorf("after comparing s1, stale = %v; want s2 only", stale)
	}
	if _, err := st.StoryVersion(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("StoryVersion of no story = %v", err)
	}
}

func testOpenStories(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	old := article("o1", "ledger", "Old", "An old story.", now.Add(-60*24*time.Hour))
	recent1 := article("r1", "ledger", "Recent", "A recent story.", now.Add(-2*24*time.Hour))
	recent2 := article("r2", "courier", "Recent too", "The recent story again.", now)
	undated := article("u1", "post", "Undated", "No date at all.", time.Time{})
	save(t, st, now, placement(old, "so"), placement(recent1, "sr"), placement(undated, "su"))
	save(t, st, now, placement(recent2, "sr"))
	got, err := st.OpenStories(ctx, 14*24*time.Hour, 100)
	if err != nil {
		t.Fatal(err)
	}
	pairs := assignedPairs(got)
	if want := []string{"r1@sr", "u1@su", "r2@sr"}; !reflect.DeepEqual(pairs, want) {
		t.Errorf("OpenStories = %v, want %v (the open stories' articles, oldest first)", pairs, want)
	}
	if got, _ := st.OpenStories(ctx, 14*24*time.Hour, 1); len(got) != 1 || got[0].Article.ID != "r2" || got[0].Article.Text != recent2.Text {
		t.Errorf("OpenStories with room for 1 = %+v, want the newest, whole", got)
	}
}

// assignedPairs names each restored article by its id and story
// ("id@story"), in the order given.
func assignedPairs(got []news.Assigned) []string {
	var pairs []string
	for _, as := range got {
		pairs = append(pairs, as.Article.ID+"@"+as.StoryID)
	}
	return pairs
}

// testStoryMembers: the articles of the given stories, each whole, oldest
// first in the order stored (across writes, stories interleaved), none of
// another story, nothing for a story the store does not hold; more
// stories than one query reads at a time (500) give them all, in order.
func testStoryMembers(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	r2 := saveStoriesOverTwoWrites(t, st)
	got, err := st.StoryMembers(ctx, []string{"su", "gone", "sr"})
	if err != nil {
		t.Fatal(err)
	}
	pairs := assignedPairs(got)
	if want := []string{"r1@sr", "u1@su", "r2@sr"}; !reflect.DeepEqual(pairs, want) {
		t.Errorf("StoryMembers(su, gone, sr) = %v, want %v (their articles, oldest first)", pairs, want)
	}
	if len(got) == 3 && got[2].Article.Text != r2.Text {
		t.Errorf("StoryMembers gave %+v, want the article whole", got[2].Article)
	}

	stories, want := saveStoriesOfOne(t, st, 520)
	slices.Reverse(stories)
	got, err = st.StoryMembers(ctx, stories)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, as := range got {
		ids = append(ids, as.Article.ID)
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("StoryMembers of 520 stories gave %d articles, want the 520 in the order stored", len(ids))
	}
}

// saveStoriesOverTwoWrites saves the stories the member tests read: "sr"
// of r1 (two days old) and, in a second write, r2 (now, returned), "so" of
// o1 (60 days old) and "su" of the undated u1, stored in that order.
func saveStoriesOverTwoWrites(t *testing.T, st Store) (r2 news.Article) {
	t.Helper()
	old := article("o1", "ledger", "Old", "An old story.", now.Add(-60*24*time.Hour))
	r1 := article("r1", "ledger", "Recent", "A recent story.", now.Add(-2*24*time.Hour))
	u1 := article("u1", "post", "Undated", "No date at all.", time.Time{})
	r2 = article("r2", "courier", "Recent too", "The recent story again.", now)
	save(t, st, now, placement(r1, "sr"), placement(old, "so"), placement(u1, "su"))
	save(t, st, now, placement(r2, "sr"))
	return r2
}

// saveStoriesOfOne saves n stories of one article each (more than one
// query reads at a time when n is over 500), "s" and the article's id
// naming each, and returns the stories' ids and the articles', in the
// order stored.
func saveStoriesOfOne(t *testing.T, st Store, n int) (stories, articles []string) {
	t.Helper()
	var ps []news.Placement
	for i := range n {
		id := fmt.Sprintf("m%03d", i)
		ps = append(ps, placement(article(id, "ledger", "Report "+id, "Report number "+id+".", now), "s"+id))
		stories = append(stories, "s"+id)
		articles = append(articles, id)
	}
	save(t, st, now, ps...)
	return stories, articles
}

// testHeldMembers: the articles of the given stories, oldest first in the
// order stored (as StoryMembers), whole only those the whole ids name, the
// others with their id and story alone; an id of whole that is no member
// of the given stories is not read; more ids than one query reads at a
// time (500) are read whole all the same.
func testHeldMembers(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	r2 := saveStoriesOverTwoWrites(t, st)
	got, err := st.HeldMembers(ctx, []string{"su", "gone", "sr"}, []string{"r2", "o1"})
	if err != nil {
		t.Fatal(err)
	}
	if pairs, want := assignedPairs(got), []string{"r1@sr", "u1@su", "r2@sr"}; !reflect.DeepEqual(pairs, want) {
		t.Fatalf("HeldMembers(su, gone, sr) = %v, want %v (their articles, oldest first)", pairs, want)
	}
	if got[2].Article.Text != r2.Text || got[2].Article.Title != r2.Title || got[2].Article.Source != r2.Source {
		t.Errorf("HeldMembers gave %+v for r2, want the article whole", got[2].Article)
	}
	for _, as := range got[:2] {
		if !reflect.DeepEqual(as.Article, news.Article{ID: as.Article.ID}) {
			t.Errorf("HeldMembers gave %+v for %s, not named whole; want its id alone", as.Article, as.Article.ID)
		}
	}

	stories, whole := saveStoriesOfOne(t, st, 520)
	slices.Reverse(whole)
	got, err = st.HeldMembers(ctx, stories, whole)
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for i, as := range got {
		if as.Article.ID == fmt.Sprintf("m%03d", i) && as.Article.Text == "Report number "+as.Article.ID+"." {
			read++
		}
	}
	if read != 520 {
		t.Errorf("HeldMembers of 520 stories, all whole, gave %d articles, %d whole in the order stored; want the 520", len(got), read)
	}
}

// testStreamState: the parts of the clusterer's saved state given with a
// write are read back, in the order of their names, as the last writes
// stored them: a part in place of the part of its name, a part with no
// state deleted, the parts a write does not name kept; a write without
// parts, and a write that fails, leave them. A write that stores parts
// records the number of the newest stored article with them
// (news.StoredSeqPart), the store's LastArticle then; a write of articles
// without parts leaves the recorded number behind LastArticle.
func testStreamState(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	if got, err := st.StreamState(ctx); err != nil || got != nil {
		t.Errorf("StreamState of an empty store = %q, %v; want none", got, err)
	}
	lastArticle(t, st, 0)
	part := func(name, state string) news.StatePart {
		if state == "" {
			return news.StatePart{Name: name}
		}
		return news.StatePart{Name: name, State: []byte(state)}
	}
	first := []news.StatePart{part("cluster/story/s1", `{"n":1}`), part("cluster/stream", `{"closed_stories":1}`)}
	firstStored := append(slices.Clone(first), part(news.StoredSeqPart, "1"))
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted.", now)
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(a, "s1")}, At: now, StreamState: first}); err != nil {
		t.Fatal(err)
	}
	if got, err := st.StreamState(ctx); err != nil || !reflect.DeepEqual(got, firstStored) {
		t.Errorf("StreamState after a write = %q, %v; want %q", got, err, firstStored)
	}
	lastArticle(t, st, 1)
	save(t, st, now, placement(article("b1", "courier", "Fire", "A fire broke out.", now), "s2"))
	if got, _ := st.StreamState(ctx); !reflect.DeepEqual(got, firstStored) {
		t.Errorf("StreamState after a write without = %q; want %q kept", got, firstStored)
	}
	lastArticle(t, st, 2)
	second := []news.StatePart{part("cluster/df/00a", `{"cur_docs":2}`), part("cluster/story/s1", ""), part("cluster/stream", `{"closed_stories":2}`)}
	again := placement(a, "s1") // the same id again: the write fails
	again.Article.URL, again.ContentHash = "https://ledger.example/other", "other"
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{again}, At: now, StreamState: second}); err == nil {
		t.Fatal("saving a duplicate id succeeded")
	}
	if got, _ := st.StreamState(ctx); !reflect.DeepEqual(got, firstStored) {
		t.Errorf("StreamState after a failed write = %q; want %q kept", got, firstStored)
	}
	lastArticle(t, st, 2)
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: now, StreamState: second}); err != nil {
		t.Fatal(err)
	}
	want := []news.StatePart{second[0], second[2], part(news.StoredSeqPart, "2")}
	if got, _ := b.Again(t, st).StreamState(ctx); !reflect.DeepEqual(got, want) {
		t.Errorf("StreamState read by another handle after a second write = %q; want %q (s1's part deleted)", got, want)
	}
}

// testUpdateDropsStreamState: an update of an article (re-extraction) that
// changes what the clusterer read of it (its text, its date) drops the
// saved stream state, the recorded newest article with it; one that
// changes only its byline, or nothing, keeps it.
func testUpdateDropsStreamState(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	parts := []news.StatePart{{Name: "cluster/story/s1", State: []byte(`{"n":1}`)}, {Name: "cluster/stream", State: []byte(`{"closed_stories":1}`)}}
	stored := append(slices.Clone(parts), news.StatePart{Name: news.StoredSeqPart, State: news.StoredSeqState(1)})
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted.", now)
	a.DateOnly = true
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(a, "s1")}, At: now, StreamState: parts}); err != nil {
		t.Fatal(err)
	}
	update := func(a news.Article) []news.StatePart {
		t.Helper()
		if err := st.UpdateArticle(ctx, a, hash(a)); err != nil {
			t.Fatal(err)
		}
		got, err := st.StreamState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := update(a); !reflect.DeepEqual(got, stored) {
		t.Errorf("after the same extraction again, StreamState = %q; want %q kept", got, stored)
	}
	byline := a
	byline.Byline = "A. Reporter"
	if got := update(byline); !reflect.DeepEqual(got, stored) {
		t.Errorf("after a byline found, StreamState = %q; want %q kept", got, stored)
	}
	timed := byline
	timed.DateOnly = false // the same instant, now a time of day
	if got := update(timed); got != nil {
		t.Errorf("after the date's precision changed, StreamState = %q; want none", got)
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: now, StreamState: parts}); err != nil {
		t.Fatal(err)
	}
	reread := timed
	reread.Text = "Dockworkers voted to end the strike."
	if got := update(reread); got != nil {
		t.Errorf("after the text changed, StreamState = %q; want none", got)
	}
}

// lastArticle checks the store's LastArticle.
func lastArticle(t *testing.T, st Store, want int64) {
	t.Helper()
	if got, err := st.LastArticle(context.Background()); err != nil || got != want {
		t.Errorf("LastArticle = %d, %v; want %d", got, err, want)
	}
}

func testKeptApart(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	if n, err := st.LastChange(ctx); err != nil || n != 0 {
		t.Errorf("LastChange of an empty store = %d, %v; want 0", n, err)
	}
	at := func(h int) time.Time { return now.Add(time.Duration(h) * time.Hour) }
	arts := []news.Article{
		article("a1", "ledger", "Strike ends", "Dockworkers voted to end the strike.", at(-6)),
		article("a2", "courier", "Fire on the waterfront", "A warehouse burned on the waterfront.", at(-5)),
		article("a3", "post", "Port reopens", "Ships returned to the port.", at(-4)),
		article("a4", "herald", "Fire investigated", "Investigators sifted the burned warehouse.", at(-3)),
		article("a5", "ledger", "Strike vote counted", "The union counted the strike vote.", at(-2)),
		article("a6", "courier", "Cranes turn again", "Cranes turned at the port.", at(-1)),
		article("a7", "post", "Harbour tour", "Tourists toured the harbour.", at(-1)),
		article("a8", "ledger", "Tram line opens", "The new tram line opened.", at(-2)),
		article("a9", "post", "Tram fares", "Tram fares were set.", at(-2)),
		article("a10", "herald", "Tram crowds", "Crowds rode the tram.", at(-1)),
		article("o1", "post", "Old strike", "An old strike ended.", now.Add(-60*24*time.Hour)),
		article("o2", "post", "Old fire", "An old fire burned.", now.Add(-60*24*time.Hour)),
		article("a11", "ledger", "Bridge closed", "The bridge closed for repairs.", at(-2)),
		article("a12", "courier", "Bridge detour", "Traffic took the detour.", at(-1)),
		article("o3", "post", "Old bridge", "The old bridge was built.", now.Add(-60*24*time.Hour)),
	}
	stories := []string{"sa", "sa", "sb", "sb", "sc", "sd", "sg", "sj", "sj", "sk", "so", "so", "st", "st", "st"}
	var ps []news.Placement
	for i, a := range arts {
		ps = append(ps, placement(a, stories[i]))
	}
	save(t, st, now, ps...)
	// a2 is split off sa into se; a4 moves from sb to sc; sc then merges
	// into sd; se merges into sg, which is split, a2 going to sh; a9 is
	// split off sj into sl, and sj merges into sk, which merges into sd;
	// an old story's split is of a story no longer open; a12 and the old
	// o3 are split off st into su, then o3 moves on into so, a closed story
	// (review s13b #3: that move's parting, whose only article is in a
	// closed story, is dropped; the split's gives "" for o3).
	changes := []news.StoryChange{
		{Kind: "split", Story: "sa", Other: "se", Articles: []string{"a2"}, Score: 0.1, Threshold: 0.2, Reason: "apart"},
		{Kind: "move", Story: "sb", Other: "sc", Articles: []string{"a4"}, Score: 0.6, Threshold: 0.5, Reason: "closer"},
		{Kind: "merge", Story: "sd", Other: "sc", Articles: []string{"a5", "a4"}, Score: 0.6, Threshold: 0.5, Reason: "same"},
		{Kind: "merge", Story: "sg", Other: "se", Articles: []string{"a2"}, Score: 2, Threshold: 1, Reason: "linked"},
		{Kind: "split", Story: "sg", Other: "sh", Articles: []string{"a2"}, Score: 0.1, Threshold: 0.2, Reason: "apart"},
		{Kind: "split", Story: "sj", Other: "sl", Articles: []string{"a9"}, Score: 0.1, Threshold: 0.2, Reason: "apart"},
		{Kind: "merge", Story: "sk", Other: "sj", Articles: []string{"a8"}, Score: 0.6, Threshold: 0.5, Reason: "same"},
		{Kind: "merge", Story: "sd", Other: "sk", Articles: []string{"a10", "a8"}, Score: 0.6, Threshold: 0.5, Reason: "same"},
		{Kind: "split", Story: "so", Other: "sf", Articles: []string{"o2"}, Score: 0.1, Threshold: 0.2, Reason: "apart"},
		{Kind: "split", Story: "st", Other: "su", Articles: []string{"a12", "o3"}, Score: 0.1, Threshold: 0.2, Reason: "apart"},
		{Kind: "move", Story: "su", Other: "so", Articles: []string{"o3"}, Score: 0.6, Threshold: 0.5, Reason: "closer"},
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: changes, At: now}); err != nil {
		t.Fatal(err)
	}
	sbMove := news.Parting{From: "sb", Articles: []string{"a4"}, Stories: []string{"sd"}}
	sdSplit := news.Parting{From: "sd", Articles: []string{"a9"}, Stories: []string{"sl"}}
	stSplit := news.Parting{From: "st", Articles: []string{"a12", "o3"}, Stories: []string{"su", ""}}
	for _, tc := range []struct {
		what    string
		stories []string
		want    []news.Parting
	}{
		// Each regrouping of an open story, oldest first: its story left
		// followed through the merges since (sj through sk to sd), and the
		// open story each of its articles is in now (a2 in sh after its
		// second split; "" for o3, in a closed story). The old story's
		// split is not read; the move of o3 alone into a closed story is
		// dropped.
		{"", RestoredStories(t, st), []news.Parting{
			{From: "sa", Articles: []string{"a2"}, Stories: []string{"sh"}}, sbMove,
			{From: "sg", Articles: []string{"a2"}, Stories: []string{"sh"}}, sdSplit, stSplit}},
		// Only what was restored counts: without sh (a story OpenStories
		// cut at its maxArticles, say), the partings whose only article is
		// in sh are not kept.
		{" without sh", []string{"sa", "sb", "sd", "sg", "sl", "st", "su"}, []news.Parting{sbMove, sdSplit, stSplit}},
		// Without sa, sa's split is not read, though its article is in sh,
		// which is given: only the given stories' changes are.
		{" without sa", []string{"sb", "sd", "sg", "sh", "sl", "st", "su"}, []news.Parting{
			sbMove, {From: "sg", Articles: []string{"a2"}, Stories: []string{"sh"}}, sdSplit, stSplit}},
	} {
		got, err := st.KeptApart(ctx, tc.stories)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("KeptApart%s = %+v,\nwant %+v", tc.what, got, tc.want)
		}
	}
	if got, err := st.KeptApart(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("KeptApart of no story = %+v, %v; want none", got, err)
	}
	if n, err := st.LastChange(ctx); err != nil || n < int64(len(changes)) {
		t.Errorf("LastChange = %d, %v; want at least %d, the changes recorded", n, err, len(changes))
	}
}

// RestoredStories is the stories OpenStories restores within 14 days, as
// the engine's writer gives them to KeptApart.
func RestoredStories(t testing.TB, st Store) []string {
	t.Helper()
	restored, err := st.OpenStories(context.Background(), 14*24*time.Hour, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, as := range restored {
		if !slices.Contains(out, as.StoryID) {
			out = append(out, as.StoryID)
		}
	}
	return out
}

func testKeptApartMany(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	// More than one query's worth (the stores look up 500 at a time) of
	// stories merged away at one level, and of articles to look up: each
	// of 520 stories has its article split off, then merges into q.
	const n = 520
	ps := []news.Placement{placement(article("q-a", "ledger", "Q", "The story that absorbs the others.", now.Add(-time.Hour)), "q")}
	var splits, merges []news.StoryChange
	for i := range n {
		id := fmt.Sprintf("p%d", i)
		ps = append(ps, placement(article(id+"-a", "post", "P", fmt.Sprintf("Article %d.", i), now.Add(-time.Hour)), id))
		splits = append(splits, news.StoryChange{Kind: "split", Story: id, Other: id + "s", Articles: []string{id + "-a"}, Score: 0.1, Threshold: 0.2, Reason: "apart"})
		merges = append(merges, news.StoryChange{Kind: "merge", Story: "q", Other: id, Score: 0.6, Threshold: 0.5, Reason: "same"})
	}
	save(t, st, now, ps...)
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Changes: append(splits, merges...), At: now}); err != nil {
		t.Fatal(err)
	}
	got, err := st.KeptApart(ctx, RestoredStories(t, st))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("KeptApart gave %d partings, want %d", len(got), n)
	}
	for i, p := range got {
		id := fmt.Sprintf("p%d", i)
		if p.From != "q" || !slices.Equal(p.Articles, []string{id + "-a"}) || !slices.Equal(p.Stories, []string{id + "s"}) {
			t.Fatalf("parting %d = %+v, want the split of %s, followed into q, its article in %ss", i, p, id, id)
		}
	}
}

func testFailedPagesAndTemplates(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	failed := news.Raw{Name: "empty.html", Kind: news.KindHTML, Body: []byte("<html><body></body></html>")}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Failed: []news.Raw{failed, failed}, Templates: map[string][]byte{"ledger.example": {1, 2, 3}}, At: now}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.HasRaw(ctx, news.Digest(failed.Kind, failed.Body)); ok {
		t.Error("a page that gave no article counts as stored: adding it again would not retry it")
	}
	var raws int
	st.Raws(ctx, func(r news.Raw, ids []string, _ error) error {
		raws++
		if len(ids) != 0 || string(r.Body) != string(failed.Body) {
			t.Errorf("failed page read back as %+v with articles %v", r, ids)
		}
		return nil
	})
	if raws != 1 {
		t.Errorf("%d raw inputs stored for one failed page given twice", raws)
	}
	if tmpl, err := st.SiteTemplate(ctx, "ledger.example"); err != nil || !reflect.DeepEqual(tmpl, []byte{1, 2, 3}) {
		t.Errorf("SiteTemplate = %v, %v", tmpl, err)
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Templates: map[string][]byte{"ledger.example": {4}}, At: now}); err != nil {
		t.Fatal(err)
	}
	if tmpl, _ := st.SiteTemplate(ctx, "ledger.example"); !reflect.DeepEqual(tmpl, []byte{4}) {
		t.Errorf("a template saved again = %v, want the new one", tmpl)
	}
	if tmpl, err := st.SiteTemplate(ctx, "nowhere.example"); tmpl != nil || err != nil {
		t.Errorf("the template of an unknown site = %v, %v; want none", tmpl, err)
	}
}

// DamagedBody is what DamageRaw stores in place of a raw input's packed
// body: bytes that are neither an S2 stream nor gzip.
var DamagedBody = []byte("this is no S2 stream")

// A raw input whose stored body does not unpack is handed over with the
// error and no body, and the inputs after it still come (reextract skips
// and names it instead of stopping).
func testRawsPastADamagedBody(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	var ps []news.Placement
	for _, id := range []string{"d1", "d2", "d3"} {
		ps = append(ps, placement(article(id, "ledger", "Title "+id, "Text of "+id+".", now), "s1"))
	}
	save(t, st, now, ps...)
	b.DamageRaw(t, st, "d2.html")
	var seen, damagedIDs []string
	err := st.Raws(ctx, func(r news.Raw, ids []string, damaged error) error {
		seen = append(seen, ids...)
		switch {
		case damaged != nil:
			damagedIDs = append(damagedIDs, ids...)
			if r.Body != nil || r.Name != "d2.html" || r.URL != ps[1].Article.URL || r.ID == 0 {
				t.Errorf("the damaged input came as %+v; want its name, URL and row id and no body", r)
			}
		case string(r.Body) != "<p>Text of "+ids[0]+".</p>":
			t.Errorf("body of %s = %q", ids[0], r.Body)
		}
		return nil
	})
	if err != nil || !reflect.DeepEqual(seen, []string{"d1", "d2", "d3"}) || !reflect.DeepEqual(damagedIDs, []string{"d2"}) {
		t.Errorf("Raws saw %v (damaged %v), %v; want d1, d2, d3 with d2 damaged and no error", seen, damagedIDs, err)
	}
}

// Templates learned again replace every stored one: a site left out has
// none after (reextract relearns them all from the stored pages).
func testReplaceSiteTemplates(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	old := map[string][]byte{"ledger.example": {1, 2, 3}, "courier.example": {5}}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Templates: old, At: now}); err != nil {
		t.Fatal(err)
	}
	// A queue worker (another process) reads its templates again when the
	// generation it sees moved (engine.NewProducer).
	worker := b.Again(t, st)
	before, workerBefore := generationOf(ctx, st), generationOf(ctx, worker)
	if err := st.ReplaceSiteTemplates(ctx, map[string][]byte{"ledger.example": {7, 8}, "gazette.example": {9}}, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if after := generationOf(ctx, st); after == before && before != "" {
		t.Errorf("replacing the site templates left the generation at %q (every write moves it)", before)
	}
	if after := generationOf(ctx, worker); after == workerBefore && workerBefore != "" {
		t.Errorf("replacing the site templates left the generation another handle sees at %q", workerBefore)
	}
	want := map[string][]byte{"ledger.example": {7, 8}, "gazette.example": {9}, "courier.example": nil}
	for site, w := range want {
		if got, err := st.SiteTemplate(ctx, site); err != nil || !reflect.DeepEqual(got, w) {
			t.Errorf("after the replace, SiteTemplate(%s) = %v, %v; want %v", site, got, err, w)
		}
	}
	if err := st.ReplaceSiteTemplates(ctx, nil, now); err != nil {
		t.Fatal(err)
	}
	if got, err := st.SiteTemplate(ctx, "ledger.example"); got != nil || err != nil {
		t.Errorf("after replacing with none, SiteTemplate = %v, %v; want none", got, err)
	}
}

// generationOf is the store's generation (Generation), "" when it tells
// none.
func generationOf(ctx context.Context, st Store) string {
	g, ok := st.(interface {
		Generation(ctx context.Context) (string, error)
	})
	if !ok {
		return ""
	}
	gen, _ := g.Generation(ctx)
	return gen
}

// A story's age is when its news happened: an archive loaded today is not
// recent; a story with no publication date falls back to when it was stored.
func testSinceIsPublicationTime(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	archived := article("old1", "ledger", "Flood of 2010", "The river rose.", time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC))
	fresh := article("new1", "courier", "Storm today", "Winds rose.", now.Add(-time.Hour))
	undated := article("und1", "blog", "A note", "Someone wrote.", time.Time{})
	save(t, st, now, placement(archived, "old"), placement(fresh, "new"), placement(undated, "und"))
	got, err := st.Stories(ctx, news.StoryQuery{Since: 2 * time.Hour, Now: now})
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	sort.Strings(ids)
	if err != nil || !reflect.DeepEqual(ids, []string{"new", "und"}) {
		t.Errorf("stories of the last 2 hours = %v, %v; want new and und (the archive loaded now is 16 years old)", ids, err)
	}
}

func testFeeds(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	urls := []string{"https://b.example/rss", "https://a.example/atom"}
	if err := st.AddFeeds(ctx, urls); err != nil {
		t.Fatal(err)
	}
	feeds, err := st.Feeds(ctx)
	if err != nil || len(feeds) != 2 || feeds[0].URL != urls[1] {
		t.Fatalf("Feeds = %+v, %v; want both, by URL", feeds, err)
	}
	f := feeds[0]
	f.Title, f.ETag, f.LastChecked, f.LastSuccess, f.Interval, f.NextCheck, f.ItemsAdded = "A", `"v1"`, now, now, time.Hour, now.Add(time.Hour), 3
	if err := st.SaveFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if err := st.AddFeeds(ctx, urls); err != nil { // registered again: keeps its state
		t.Fatal(err)
	}
	feeds, _ = st.Feeds(ctx)
	got := feeds[0]
	if got.Title != "A" || got.ETag != `"v1"` || !got.LastChecked.Equal(now) || got.Interval != time.Hour || got.IntervalS != 3600 || !got.NextCheck.Equal(now.Add(time.Hour)) || got.ItemsAdded != 3 {
		t.Errorf("feed state read back = %+v", got)
	}
	if err := st.SaveFeed(ctx, news.FeedState{URL: "https://never.example/rss"}); err == nil {
		t.Error("saving the state of a feed never registered succeeded")
	}
}

func testSources(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	wire := article("w1", "wire", "Strike ends", "Dockworkers voted.", now)
	copy1 := article("c1", "courier", "Strike ends", "Dockworkers voted, the wire said.", now.Add(time.Hour))
	lone := article("l1", "courier", "Fire", "A fire.", now)
	// s3: two outlets at the same minute: the timeline names no first
	// report and the copy between them is tied, nobody's rewrite.
	tiedWire := article("w2", "wire", "Storm", "Winds rose.", now)
	tiedCopy := article("c2", "courier", "Storm", "Winds rose, the wire said.", now)
	save(t, st, now, placement(wire, "s1"), placement(copy1, "s1"), placement(lone, "s2"), placement(tiedWire, "s3"), placement(tiedCopy, "s3"))
	saveComparison(t, st, "s1", "Strike ends", "", news.Comparison{
		Timeline:    []news.TimelineEntry{{Article: "w1", Source: "wire", First: true}, {Article: "c1", Source: "courier"}},
		Derivations: []news.Derivation{{From: "w1", To: "c1", Score: 0.9, Kind: "copy"}},
	})
	saveComparison(t, st, "s3", "Storm", "", news.Comparison{
		Timeline:    []news.TimelineEntry{{Article: "c2", Source: "courier"}, {Article: "w2", Source: "wire"}},
		Derivations: []news.Derivation{{From: "w2", To: "c2", Score: 0.9, Kind: "copy", Tied: true}},
	})
	got, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []news.SourceSummary{
		{Source: "courier", Key: "courier", Articles: 3, Stories: 3, SharedStories: 2, Rewrites: 1},
		{Source: "wire", Key: "wire", Articles: 2, Stories: 2, SharedStories: 2, FirstReports: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sources = %+v, want %+v", got, want)
	}
}

// A story stored but not compared yet (after an add, before the server's
// projector has run) still counts its first report, by its articles'
// times, and an alias that files the later outlet under the first one's
// leaves the story with one outlet and no first report at once.
func testSourcesBeforeComparison(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	first := article("m1", "Marrowby Ledger", "Bridge shut", "The bridge shut.", now)
	later := article("m2", "Quillon Post", "Bridge shut", "The bridge shut, the ledger said.", now.Add(2*time.Hour))
	undated := article("m3", "Quillon Post", "Ferry late", "The ferry ran late.", time.Time{})
	other := article("m4", "Marrowby Ledger", "Ferry late", "The ferry was late.", now)
	save(t, st, now, placement(first, "s1"), placement(later, "s1"), placement(undated, "s2"), placement(other, "s2"))
	firsts := func() map[string]int {
		t.Helper()
		got, err := st.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, s := range got {
			out[s.Key] = s.FirstReports
		}
		return out
	}
	// s2 has an undated article of another outlet: a tie, no first report.
	if got := firsts(); got["marrowbyledger"] != 1 || got["quillonpost"] != 0 {
		t.Errorf("first reports before any comparison = %v; want marrowbyledger 1, quillonpost 0", got)
	}
	if _, _, err := st.SetOutletAlias(ctx, "Quillon Post", "Marrowby Ledger"); err != nil {
		t.Fatal(err)
	}
	if got := firsts(); got["marrowbyledger"] != 0 {
		t.Errorf("first reports once both outlets are one = %v; want none", got)
	}
}

func testWriterLock(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	other := b.Again(t, st)
	first := news.WriterInfo{PID: 101, Command: "serve", Addr: "http://127.0.0.1:9", Secret: "s3", Since: now}
	unlock, err := st.LockWriter(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.LockWriter(ctx, news.WriterInfo{PID: 102, Command: "add"})
	var locked *news.LockedError
	// The secret comes back only where the lock is private to its user
	// (SQLite's lock file); a lock every database user reads (PostgreSQL's
	// lease row) must not carry it.
	if errors.As(err, &locked) && locked.By.Secret == "" {
		locked.By.Secret = first.Secret
	}
	if locked == nil || !reflect.DeepEqual(locked.By, first) {
		t.Fatalf("a second writer: %v, want a *news.LockedError naming the first (%+v)", err, first)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock2, err := other.LockWriter(ctx, news.WriterInfo{PID: 102, Command: "add"})
	if err != nil {
		t.Fatalf("the lock released is not free: %v", err)
	}
	defer unlock2()
	_, err = st.LockWriter(ctx, first)
	if !errors.As(err, &locked) || locked.By.PID != 102 || locked.By.Addr != "" {
		t.Errorf("the first store asked again: %v, want the second writer named", err)
	}
}

// testErrorsNameKeys asks a closed store for things by distinctive keys:
// every failure must say what it was doing and on what.
func testErrorsNameKeys(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	const key = "key-7f3a"
	a := article(key, "ledger", "T", "Text.", now)
	calls := map[string]error{}
	call := func(name string, err error) { calls[name] = err }
	_, err := st.HasRaw(ctx, key)
	call("HasRaw", err)
	_, _, err = st.Duplicate(ctx, "https://x.example/"+key, "h")
	call("Duplicate", err)
	_, err = st.IDTaken(ctx, key)
	call("IDTaken", err)
	_, err = st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(a, "s")}, At: now})
	call("SaveBatch", err)
	_, err = st.StoryVersion(ctx, key)
	call("StoryVersion", err)
	_, err = st.StoryArticles(ctx, key)
	call("StoryArticles", err)
	call("SaveComparisons", st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: key}}))
	_, err = st.SiteTemplate(ctx, key)
	call("SiteTemplate", err)
	call("UpdateArticle", st.UpdateArticle(ctx, a, "h"))
	_, err = st.Story(ctx, key)
	call("Story", err)
	_, err = st.Article(ctx, key)
	call("Article", err)
	_, err = st.StoryOf(ctx, key)
	call("StoryOf", err)
	_, _, err = st.RawOf(ctx, key)
	call("RawOf", err)
	_, err = st.SearchStories(ctx, news.SearchQuery{Q: key})
	call("SearchStories", err)
	_, err = st.HasURL(ctx, key)
	call("HasURL", err)
	_, err = st.Stories(ctx, news.StoryQuery{Q: key})
	call("Stories", err)
	call("AddFeeds", st.AddFeeds(ctx, []string{key}))
	call("SaveFeed", st.SaveFeed(ctx, news.FeedState{URL: key}))
	for _, name := range slices.Sorted(maps.Keys(calls)) {
		err := calls[name]
		if err == nil {
			t.Errorf("%s on a closed store succeeded", name)
			continue
		}
		if !strings.Contains(err.Error(), key) {
			t.Errorf("%s: %q does not name the key it failed on", name, err)
		}
	}
	for name, f := range map[string]func() error{
		"Counts":       func() error { _, _, err := st.Counts(ctx); return err },
		"Sources":      func() error { _, err := st.Sources(ctx); return err },
		"SourceNames":  func() error { _, err := st.SourceNames(ctx); return err },
		"Feeds":        func() error { _, err := st.Feeds(ctx); return err },
		"StaleStories": func() error { _, err := st.StaleStories(ctx, 0); return err },
		"OpenStories":  func() error { _, err := st.OpenStories(ctx, time.Hour, 10); return err },
		"StoryMembers": func() error { _, err := st.StoryMembers(ctx, []string{"s"}); return err },
		"HeldMembers":  func() error { _, err := st.HeldMembers(ctx, []string{"s"}, []string{"a"}); return err },
	} {
		if err := f(); err == nil || !strings.Contains(err.Error(), ": ") {
			t.Errorf("%s on a closed store: %v, want an error saying what failed", name, err)
		}
	}
}

// testGeneration: the store's generation stays while only reads happen and
// changes with every write, made through this handle or another.
func testGeneration(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	g, ok := st.(interface {
		Generation(ctx context.Context) (string, error)
	})
	if !ok {
		t.Fatal("the store tells no generation")
	}
	first, err := g.Generation(ctx)
	if err != nil || first == "" {
		t.Fatalf("generation %q, %v", first, err)
	}
	st.Stories(ctx, news.StoryQuery{})
	if again, _ := g.Generation(ctx); again != first {
		t.Errorf("a read changed the generation: %q -> %q", first, again)
	}
	save(t, st, now, placement(article("g1", "ledger", "Harbour chief named", "The harbour authority named a chief.", now), "s1"))
	second, _ := g.Generation(ctx)
	if second == first {
		t.Errorf("a write left the generation at %q", first)
	}
	other := b.Again(t, st)
	save(t, other, now, placement(article("g2", "courier", "Harbour chief starts", "The new chief started on Monday.", now), "s1"))
	if third, _ := g.Generation(ctx); third == second {
		t.Errorf("another handle's write left the generation at %q", second)
	}
}

// testEarliestTitledArticle: as articles come in any order, a story keeps
// the title of its earliest dated titled article, however early its
// untitled ones are: an untitled article first, a titled one, an earlier
// untitled one, then a titled one dated between them takes the title.
func testEarliestTitledArticle(t *testing.T, b Backend) {
	st := b.New(t)
	h := func(n int) time.Time { return now.Add(time.Duration(n) * time.Hour) }
	save(t, st, now, placement(article("u2", "wire", "", "Ferry crews at Brennock walked out.", h(2)), "s1"))
	checkTitle(t, st, "s1", "Ferry crews at Brennock walked out", true)
	save(t, st, now, placement(article("t4", "courier", "Brennock ferry strike enters day two", "The ferry strike went on.", h(4)), "s1"))
	checkTitle(t, st, "s1", "Brennock ferry strike enters day two", false)
	save(t, st, now, placement(article("u1", "gazette", "", "Ferry crews at Brennock met.", h(1)), "s1"))
	checkTitle(t, st, "s1", "Brennock ferry strike enters day two", false)
	save(t, st, now, placement(article("t3", "herald", "Brennock ferry crews strike", "The ferry crews struck.", h(3)), "s1"))
	checkTitle(t, st, "s1", "Brennock ferry crews strike", false)
	save(t, st, now, placement(article("t5", "post", "Brennock ferries run again", "Ferries ran again at Brennock.", h(5)), "s1"))
	checkTitle(t, st, "s1", "Brennock ferry crews strike", false)
}

// testTitleTiesAndUndated: the title rule's edges, one story each, its
// articles stored one by one in the order given: a titled article dated as
// the title's keeps it, an undated one takes no dated title but loses its
// own to a dated one, the title's earliest article counts however many
// later ones share its title, and a derived title (a lead) is kept on an
// equal date and lost by an undated lead to a dated one.
func testTitleTiesAndUndated(t *testing.T, b Backend) {
	h := func(n int) time.Time { return now.Add(time.Duration(n) * time.Hour) }
	type in struct {
		title string
		at    time.Time // zero: undated
	}
	for _, tc := range []struct {
		name    string
		in      []in
		title   string
		derived bool
	}{
		{"an equal date keeps the title", []in{{"Brennock ferry strike begins", h(2)}, {"Ferry strike at Brennock", h(2)}},
			"Brennock ferry strike begins", false},
		{"an undated headline takes no dated title", []in{{"Brennock ferry strike begins", h(2)}, {"Brennock ferry talks", time.Time{}}},
			"Brennock ferry strike begins", false},
		{"a dated headline takes an undated one's", []in{{"Brennock ferry talks", time.Time{}}, {"Brennock ferry strike begins", h(3)}},
			"Brennock ferry strike begins", false},
		{"the title's earliest article counts", []in{{"Brennock ferry strike", h(5)}, {"Brennock ferry strike", h(1)}, {"Ferry strike drags on", h(3)}},
			"Brennock ferry strike", false},
		{"an article before the title's earliest takes it", []in{{"Brennock ferry strike", h(5)}, {"Brennock ferry strike", h(1)}, {"Ferry strike drags on", h(0)}},
			"Ferry strike drags on", false},
		{"a dated lead takes an undated one's", []in{{"", time.Time{}}, {"", h(1)}},
			"Ferry crews at Brennock met number 1", true},
		{"an equal date keeps the lead", []in{{"", h(1)}, {"", h(1)}},
			"Ferry crews at Brennock met number 0", true},
	} {
		st := b.New(t)
		for k, a := range tc.in {
			text := fmt.Sprintf("Ferry crews at Brennock met number %d.", k)
			save(t, st, now, placement(article(fmt.Sprintf("a%d", k), "wire", a.title, text, a.at), "s1"))
		}
		t.Run(tc.name, func(t *testing.T) { checkTitle(t, st, "s1", tc.title, tc.derived) })
	}
}

// testSplitOffTitles: a story split off is titled as its comparison will
// title it, before it is compared: by its earliest dated titled article,
// else by the lead of its earliest untitled one, whether its articles
// were stored before or come in the batch that splits them off.
func testSplitOffTitles(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	h := func(n int) time.Time { return now.Add(time.Duration(n) * time.Hour) }
	save(t, st, now, placement(article("a1", "wire", "Brennock ferry strike", "Ferry crews at Brennock walked out.", h(1)), "s1"),
		placement(article("u3", "post", "", "Ferry fares at Brennock rose by a tenth.", h(3)), "s1"),
		placement(article("t4", "courier", "Brennock fares rise again", "Fares rose again.", h(4)), "s1"))
	split := func(other string, ids ...string) news.StoryChange {
		return news.StoryChange{Kind: "split", Story: "s1", Other: other, Articles: ids, Reason: "drifted"}
	}
	u2 := article("u2", "gazette", "", "Ferry fares at Brennock are to rise.", h(2))
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{placement(u2, "s1")},
		Changes: []news.StoryChange{split("s2", "u3", "u2"), split("s3", "t4")}, ChangesAfter: []int{1, 1}, At: now}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]struct {
		title   string
		derived bool
	}{"s2": {"Ferry fares at Brennock are to rise", true}, "s3": {"Brennock fares rise again", false}} {
		if d, err := st.Story(ctx, id); err != nil || d.Title != want.title || d.TitleDerived != want.derived {
			t.Errorf("split-off %s titled %q (derived %v), %v; want %q (derived %v)", id, d.Title, d.TitleDerived, err, want.title, want.derived)
		}
	}
}

// testSetSource: a page stored with one outlet, added again with another
// named, has its article filed under the new one (its story stale, for its
// comparison to name it); the same name again changes nothing, and a
// digest of no stored page changes nothing.
func testSetSource(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	p := placement(article("p1", "Calder Weekly Online", "Ferries run again", "The ferries ran again on Tuesday.", now), "s1")
	save(t, st, now, p)
	saveComparison(t, st, "s1", "Ferries run again", "", news.Comparison{})
	digest := news.Digest(p.Raw.Kind, p.Raw.Body)
	setSource := func(digest, source string) (int, error) {
		counts, err := st.SetSources(ctx, []news.OutletGiven{{Name: "p1.html", Digest: digest, Source: source}})
		if err != nil || len(counts) != 1 {
			return 0, fmt.Errorf("SetSources = %v, %w", counts, err)
		}
		return counts[0], nil
	}
	if n, err := setSource(digest, "Calder Courier"); err != nil || n != 1 {
		t.Fatalf("SetSource = %d, %v; want 1 article changed", n, err)
	}
	if a, _ := st.Article(ctx, "p1"); a.Source != "Calder Courier" {
		t.Errorf("source after SetSource = %q, want Calder Courier", a.Source)
	}
	if list, err := st.Stories(ctx, news.StoryQuery{Source: "calder courier"}); err != nil || len(list) != 1 {
		t.Errorf("stories of Calder Courier after SetSource = %+v, %v; want s1", list, err)
	}
	if list, _ := st.Stories(ctx, news.StoryQuery{Source: "Calder Weekly Online"}); len(list) != 0 {
		t.Errorf("the old outlet still has %+v", list)
	}
	if stale, _ := st.StaleStories(ctx, 0); !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("stale stories after SetSource = %v, want s1", stale)
	}
	if n, err := setSource(digest, "Calder Courier"); err != nil || n != 0 {
		t.Errorf("SetSource of the outlet it has = %d, %v; want 0", n, err)
	}
	// The raw input keeps the outlet named, for reextract.
	var sources []string
	if err := st.Raws(ctx, func(r news.Raw, _ []string, _ error) error { sources = append(sources, r.Source); return nil }); err != nil || !reflect.DeepEqual(sources, []string{"Calder Courier"}) {
		t.Errorf("raw sources after SetSource = %q, %v; want Calder Courier", sources, err)
	}
	if n, err := setSource("no such digest", "Calder Courier"); err != nil || n != 0 {
		t.Errorf("SetSource of no stored page = %d, %v; want 0", n, err)
	}
}
