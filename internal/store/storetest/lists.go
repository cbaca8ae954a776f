package storetest

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func storyIDs(list []news.StorySummary) []string {
	ids := []string{}
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

// An outlet is one however its pages spell it: lists, filters and the
// sources page group "NYT", "nyt" and "The NYT" under one key and one name.
func testOutletsAreOne(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a1 := article("o1", "NYT", "Bridge opens", "The bridge opened.", now)
	a2 := article("o2", "nyt", "Bridge opens to traffic", "Cars crossed the bridge.", now)
	a3 := article("o3", "The N.Y.T.", "Tolls on the bridge", "Tolls start soon.", now)
	a4 := article("o4", "ledger", "Bridge opens", "The bridge opened, the NYT said.", now)
	hostOnly := article("o5", "", "A post", "Text.", now)
	hostOnly.URL = "https://www.Blog.example/post"
	nowhere := article("o6", "", "Nowhere", "Text.", now)
	nowhere.URL = ""
	save(t, st, now, placement(a1, "s1"), placement(a2, "s1"), placement(a4, "s1"), placement(a3, "s2"), placement(hostOnly, "s3"), placement(nowhere, "s4"))
	names, err := st.SourceNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantNames := []news.SourceCount{{Source: "blog.example", Key: "blogexample", Articles: 1}, {Source: "ledger", Key: "ledger", Articles: 1}, {Source: "NYT", Key: "nyt", Articles: 3}}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("SourceNames = %+v, want %+v", names, wantNames)
	}
	if some, err := st.SourceNamesOf(ctx, []string{"nyt", "blogexample", "nosuchoutlet"}); err != nil || !reflect.DeepEqual(some, []news.SourceCount{wantNames[0], wantNames[2]}) {
		t.Errorf("SourceNamesOf(nyt, blogexample, nosuchoutlet) = %+v, %v; want the two of SourceNames", some, err)
	}
	for _, spelling := range []string{"nyt", "NYT", "The NYT", "www.nyt"} {
		got, err := st.Stories(ctx, news.StoryQuery{Source: spelling})
		if ids := storyIDs(got); err != nil || !reflect.DeepEqual(sortedCopy(ids), []string{"s1", "s2"}) {
			t.Errorf("stories of %q = %v, %v; want s1 and s2", spelling, ids, err)
		}
	}
	list, err := st.Stories(ctx, news.StoryQuery{Source: "nyt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.ID == "s1" && (s.Articles != 3 || !reflect.DeepEqual(sortedCopy(s.Sources), []string{"NYT", "ledger"})) {
			t.Errorf("story s1 lists %d articles from %q; want 3 from NYT and ledger", s.Articles, s.Sources)
		}
	}
	sums, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]news.SourceSummary{}
	for _, s := range sums {
		byKey[s.Key] = s
	}
	if got := byKey["nyt"]; got.Source != "NYT" || got.Articles != 3 || got.Stories != 2 || got.SharedStories != 1 {
		t.Errorf("sources: nyt = %+v; want NYT with 3 articles in 2 stories, 1 shared", got)
	}
	if got := byKey[""]; got.Source != "“Nowhere”" || got.Articles != 1 {
		t.Errorf("sources: the article with no outlet nor URL = %+v; want 1 article named by its title, “Nowhere” (no more %q)", got, news.UnknownOutlet)
	}
	hits, err := st.SearchStories(ctx, news.SearchQuery{Q: "post"})
	if err != nil || len(hits.Stories) != 1 || hits.Stories[0].Hits[0].Source != "blog.example" {
		t.Errorf("an article with no source is found under its host: %+v, %v", hits, err)
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// Every list has a total, and lists are bounded and ordered by when the
// news happened: a story's publication span meets the range; a story with
// no date falls back to when it was stored, and lists by publication put
// it after the dated ones.
func testCountsAndPublishedRange(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	// "span" runs from 2019-01-01 to 2019-03-01; loaded in this order.
	save(t, st, now.Add(-4*time.Hour), placement(article("p1", "ledger", "Old flood", "The river rose.", day(2010, 5, 1)), "old"))
	save(t, st, now.Add(-3*time.Hour), placement(article("p2", "ledger", "Long trial opens", "The trial opened.", day(2019, 1, 1)), "span"),
		placement(article("p3", "courier", "Long trial ends", "The trial ended.", day(2019, 3, 1)), "span"))
	save(t, st, now.Add(-2*time.Hour), placement(article("p4", "courier", "Budget vote", "The vote passed.", day(2024, 6, 1)), "recent"))
	save(t, st, now.Add(-1*time.Hour), placement(article("p5", "blog", "A note", "Someone wrote.", time.Time{}), "undated"))
	for _, c := range []struct {
		name string
		q    news.StoryQuery
		want []string
	}{
		{"all, most recently updated first", news.StoryQuery{}, []string{"undated", "recent", "span", "old"}},
		{"all, most recent news first: the undated story after the dated ones", news.StoryQuery{ByPublished: true}, []string{"recent", "span", "old", "undated"}},
		{"from 2019-02-01: the span reaches into it", news.StoryQuery{From: day(2019, 2, 1), ByPublished: true}, []string{"recent", "span", "undated"}},
		{"until 2019-02-01: the span starts before", news.StoryQuery{Until: day(2019, 2, 1), ByPublished: true}, []string{"span", "old"}},
		{"2011 to 2018: nothing", news.StoryQuery{From: day(2011, 1, 1), Until: day(2018, 1, 1)}, []string{}},
		{"the undated story by its stored time", news.StoryQuery{From: now.Add(-90 * time.Minute)}, []string{"undated"}},
		{"range and outlet", news.StoryQuery{From: day(2019, 1, 1), Source: "Courier", ByPublished: true}, []string{"recent", "span"}},
		{"range and words", news.StoryQuery{Until: day(2020, 1, 1), Q: "trial"}, []string{"span"}},
	} {
		q := c.q
		got, err := st.Stories(ctx, q)
		if ids := storyIDs(got); err != nil || !reflect.DeepEqual(ids, c.want) {
			t.Errorf("%s: stories = %v, %v; want %v", c.name, ids, err, c.want)
		}
		n, err := st.CountStories(ctx, q)
		if err != nil || n != len(c.want) {
			t.Errorf("%s: count = %d, %v; want %d", c.name, n, err, len(c.want))
		}
		q.Limit, q.Offset = 1, 1
		if n2, err := st.CountStories(ctx, q); n2 != n || err != nil {
			t.Errorf("%s: the count of a page = %d, %v; want the total %d", c.name, n2, err, n)
		}
	}
	got, err := st.Stories(ctx, news.StoryQuery{ByPublished: true, Limit: 2, Offset: 1})
	if ids := storyIDs(got); err != nil || !reflect.DeepEqual(ids, []string{"span", "old"}) {
		t.Errorf("second page of two, by publication = %v, %v", ids, err)
	}
}

// Search finds stories: each with its matching articles, phrases matched
// as phrases, prefixes as prefixes, filtered by outlet and date.
func testSearchStories(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	day := func(d int) time.Time { return time.Date(2019, 2, d, 12, 0, 0, 0, time.UTC) }
	save(t, st, now,
		placement(article("e1", "ledger", "President declares national emergency", "The president declared a national emergency at the border.", day(15)), "emergency"),
		placement(article("e2", "courier", "Emergency declared", "A national emergency was declared on Friday.", day(16)), "emergency"),
		placement(article("e3", "wire", "Border wall", "Lawmakers debate the border wall.", day(16)), "emergency"),
		placement(article("r1", "ledger", "National Rifle Association meets", "The National Rifle Association met; an emergency exit was closed.", day(20)), "nra"),
		placement(article("m1", "courier", "Emergencies rise", "Hospitals saw more emergencies.", day(25)), "hospitals"),
		placement(article("u1", "wire", "U.S. embassy reopens", "The U.S. embassy reopened as rents rose 3.5 percent.", day(26)), "embassy"),
	)
	ids := func(r news.SearchResult) (out []string) {
		for _, s := range r.Stories {
			var arts []string
			for _, h := range s.Hits {
				arts = append(arts, h.ArticleID)
			}
			sort.Strings(arts)
			out = append(out, s.StoryID+":"+strings.Join(arts, ","))
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []struct {
		name  string
		q     news.SearchQuery
		want  []string
		total int
	}{
		{"phrase", news.SearchQuery{Q: `"national emergency"`}, []string{"emergency:e1,e2"}, 1},
		{"words", news.SearchQuery{Q: `national emergency`}, []string{"emergency:e1,e2", "nra:r1"}, 2},
		{"prefix", news.SearchQuery{Q: `emerg*`}, []string{"emergency:e1,e2", "hospitals:m1", "nra:r1"}, 3},
		{"short prefix is a word", news.SearchQuery{Q: `em*`}, nil, 0},
		{"outlet, any spelling", news.SearchQuery{Q: `emerg*`, Source: "The Courier"}, []string{"emergency:e2", "hospitals:m1"}, 2},
		{"dates", news.SearchQuery{Q: `emerg*`, From: day(16), Until: day(21)}, []string{"emergency:e2", "nra:r1"}, 2},
		{"page 2 of 1 a page", news.SearchQuery{Q: `emerg*`, Limit: 1, Offset: 1}, nil, 3},
		{"nothing to look for", news.SearchQuery{Q: `"" *`}, nil, 0},
		// Tokens an index may keep whole (PostgreSQL's parser does) or split.
		{"dotted token", news.SearchQuery{Q: `U.S. embassy`}, []string{"embassy:u1"}, 1},
		{"decimal", news.SearchQuery{Q: `3.5 percent`}, []string{"embassy:u1"}, 1},
	} {
		got, err := st.SearchStories(ctx, c.q)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if g := ids(got); c.want != nil && !reflect.DeepEqual(g, c.want) || got.Total != c.total {
			t.Errorf("%s: %v of %d; want %v of %d", c.name, g, got.Total, c.want, c.total)
		}
		if c.q.Limit == 1 && len(got.Stories) != 1 {
			t.Errorf("%s: a page of one holds %d stories", c.name, len(got.Stories))
		}
	}
	// A search reads at most its cap of matching articles, the most
	// recently stored (here all were stored at once: the last saved, m1, r1).
	cut, err := st.SearchStories(ctx, news.SearchQuery{Q: "emerg*", MaxArticles: 2})
	if g := ids(cut); err != nil || !cut.Cut || cut.Articles != 2 || cut.Total != 2 || !reflect.DeepEqual(g, []string{"hospitals:m1", "nra:r1"}) {
		t.Errorf("emerg* capped at 2 articles: %v of %d (%d articles, cut %v), %v; want the 2 most recently stored, cut", g, cut.Total, cut.Articles, cut.Cut, err)
	}
	got, err := st.SearchStories(ctx, news.SearchQuery{Q: "emergency", PerStory: 1})
	if err != nil || len(got.Stories) == 0 {
		t.Fatalf("search: %+v, %v", got, err)
	}
	top := got.Stories[0]
	if top.StoryID != "emergency" || top.Title == "" || top.Matches != 2 || len(top.Hits) != 1 || got.Articles != 3 || got.Cut {
		t.Errorf("best story = %+v (of %d articles, cut %v); want story emergency, titled, 2 matches, 1 shown, 3 articles in all (e1, e2, r1)", top, got.Articles, got.Cut)
	}
	if !strings.Contains(top.Hits[0].Marked, "<mark>") || top.Hits[0].Source == "" {
		t.Errorf("a hit has no marked snippet or outlet: %+v", top.Hits[0])
	}
}

// An outlet's stories say what it did in each, from the stored comparisons:
// first report, whom it rewrote, who rewrote it, its own claims.
func testOutletStories(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	wire := article("w1", "Wire", "Strike ends", "Dockworkers voted.", now.Add(-3*time.Hour))
	copy1 := article("c1", "The Courier", "Strike ends", "Dockworkers voted, the wire said.", now.Add(-2*time.Hour))
	lone := article("c2", "courier", "Fire", "A fire.", now.Add(-time.Hour))
	save(t, st, now, placement(wire, "s1"), placement(copy1, "s1"), placement(lone, "s2"))
	saveComparison(t, st, "s1", "Strike ends", "", news.Comparison{
		Timeline:    []news.TimelineEntry{{Article: "w1", First: true}, {Article: "c1"}},
		Derivations: []news.Derivation{{From: "w1", To: "c1", Score: 0.9, Kind: "rewrite"}},
		Unique:      map[string][]string{"c1": {"Ships wait.", "Cranes restart.", "Pay rises.", "Talks end."}},
	})
	got, err := st.OutletStories(ctx, "courier", 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("stories of courier = %+v, %v; want s2 then s1", got, err)
	}
	if got[0].Story.ID != "s2" || got[0].First || len(got[0].Rewrote) != 0 || got[0].Story.Articles != 1 {
		t.Errorf("courier's lone story = %+v", got[0])
	}
	s1 := got[1]
	if s1.Story.ID != "s1" || s1.Story.Title != "Strike ends" || s1.First || !reflect.DeepEqual(s1.Rewrote, []string{"Wire"}) ||
		s1.UniqueCount != 4 || len(s1.Unique) != news.UniqueListed || s1.Story.Articles != 2 || !reflect.DeepEqual(s1.Story.Sources, []string{"Wire", "The Courier"}) {
		t.Errorf("courier in s1 = %+v; want a rewrite of Wire with 4 own claims (3 listed), 2 articles from Wire and The Courier", s1)
	}
	w, err := st.OutletStories(ctx, "wire", 10)
	if err != nil || len(w) != 1 || !w[0].First || !reflect.DeepEqual(w[0].RewrittenBy, []string{"The Courier"}) {
		t.Errorf("stories of wire = %+v, %v; want s1, its first report, rewritten by The Courier", w, err)
	}
	if one, err := st.OutletStories(ctx, "courier", 1); err != nil || len(one) != 1 || one[0].Story.ID != "s2" {
		t.Errorf("the most recent story of courier = %+v, %v", one, err)
	}
}

// Articles of no outlet (no source, no address) are sources of their own
// on every page, named as the story page names them (news.NamelessLabels:
// their headline, two of one headline told apart by time): the sources'
// list gives each a row of its own with no key, and an outlet's page
// names them among who rewrote it, never "(unknown outlet)", nor two as
// one.
func testNamelessArticlesAreSourcesOfTheirOwn(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	wire := article("w1", "Wire", "Ferry strike ends", "Ferry crews voted to return.", now.Add(-3*time.Hour))
	nameless := func(id, text string, at time.Time) news.Article {
		a := article(id, "", "Ferry strike over after nine days", text, at)
		a.URL = ""
		return a
	}
	n1 := nameless("n1", "Ferry crews voted to return, a wire said.", now.Add(-2*time.Hour))
	n2 := nameless("n2", "Ferry crews voted to return on Monday, a wire said.", now.Add(-time.Hour))
	save(t, st, now, placement(wire, "s1"), placement(n1, "s1"), placement(n2, "s1"))
	saveComparison(t, st, "s1", "Ferry strike ends", "", news.Comparison{
		Timeline:    []news.TimelineEntry{{Article: "w1", First: true}, {Article: "n1"}, {Article: "n2"}},
		Derivations: []news.Derivation{{From: "w1", To: "n1", Score: 0.9, Kind: "copy"}, {From: "w1", To: "n2", Score: 0.9, Kind: "copy"}},
	})
	want := news.NamelessLabels([]news.Article{n1, n2})
	if want["n1"] == want["n2"] || !strings.HasPrefix(want["n1"], "“Ferry strike over") {
		t.Fatalf("labels %v: want two of the headline, told apart", want)
	}
	w, err := st.OutletStories(ctx, "wire", 10)
	if err != nil || len(w) != 1 || !w[0].First || !reflect.DeepEqual(slices.Sorted(slices.Values(w[0].RewrittenBy)), slices.Sorted(slices.Values([]string{want["n1"], want["n2"]}))) {
		t.Errorf("stories of wire = %+v, %v; want s1, its first report, rewritten by %q and %q", w, err, want["n1"], want["n2"])
	}
	sums, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]news.SourceSummary{}
	for _, s := range sums {
		rows[s.Source] = s
	}
	for _, id := range []string{"n1", "n2"} {
		r, ok := rows[want[id]]
		if !ok || r.Key != "" || r.Articles != 1 || r.Stories != 1 || r.SharedStories != 1 || r.Rewrites != 1 {
			t.Errorf("sources: %s's row = %+v (found %v); want its own, with no key, 1 article in a shared story, 1 rewrite", id, r, ok)
		}
	}
	if r := rows["Wire"]; len(sums) != 3 || r.FirstReports != 1 || r.Key != "wire" {
		t.Errorf("sources = %+v; want Wire (its first report: the story has three sources) and the two nameless articles", sums)
	}
}

// Two articles of no outlet with one headline and a date alone each are
// told apart by their days on every page that names them (the sources'
// list, an outlet's page), with no clock: a date alone's midnight is no
// time the source gave.
func testNamelessDatesAloneShowNoClock(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	wire := article("w1", "Wire", "Dam gates reopen", "Engineers opened the gates.", now.Add(-72*time.Hour))
	nameless := func(id, text string, day time.Time) news.Article {
		a := article(id, "", "Dam gates open after the storm", text, news.DayOf(day))
		a.URL, a.DateOnly = "", true
		return a
	}
	n1 := nameless("n1", "Engineers opened the gates, a wire said.", now.Add(-48*time.Hour))
	n2 := nameless("n2", "Engineers opened the gates on Friday, a wire said.", now.Add(-24*time.Hour))
	save(t, st, now, placement(wire, "s1"), placement(n1, "s1"), placement(n2, "s1"))
	saveComparison(t, st, "s1", "Dam gates reopen", "", news.Comparison{
		Timeline:    []news.TimelineEntry{{Article: "w1", First: true}, {Article: "n1"}, {Article: "n2"}},
		Derivations: []news.Derivation{{From: "w1", To: "n1", Score: 0.9, Kind: "copy"}, {From: "w1", To: "n2", Score: 0.9, Kind: "copy"}},
	})
	want := []string{news.NamelessLabels([]news.Article{n1, n2})["n1"], news.NamelessLabels([]news.Article{n1, n2})["n2"]}
	for _, l := range want {
		if strings.Contains(l, ":") || !strings.HasSuffix(l, " Nov)") {
			t.Fatalf("label %q: want the day alone", l)
		}
	}
	w, err := st.OutletStories(ctx, "wire", 10)
	if err != nil || len(w) != 1 || !reflect.DeepEqual(slices.Sorted(slices.Values(w[0].RewrittenBy)), want) {
		t.Errorf("stories of wire = %+v, %v; want s1 rewritten by %q", w, err, want)
	}
	sums, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sums {
		if s.Key == "" {
			got = append(got, s.Source)
		}
	}
	if slices.Sort(got); !reflect.DeepEqual(got, want) {
		t.Errorf("sources of no outlet = %q, want %q", got, want)
	}
}
