package read_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/view"
)

// bridgeText is an invented report that the second one copies.
const bridgeText = "Ostwick council shut the old river bridge on Tuesday after engineers found deep cracks in two of its stone piers, and said repairs would take at least three months while traffic is sent over the rail crossing to the north."

// aliasedStory is a database with one story, not compared yet, of an
// Ostwick Post report and a later copy of it under the short code "op".
func aliasedStory(t *testing.T) *sqlite.Store {
	t.Helper()
	st := tempStore(t)
	ps := []news.Placement{
		report("p1", "Ostwick Post", bridgeText, 0),
		report("p2", "op", bridgeText+" Shops near the bridge said trade had already fallen by a third.", time.Hour),
	}
	if _, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: ps, At: day}); err != nil {
		t.Fatal(err)
	}
	return st
}

// outletsShown are the timeline's sources, the view's outlets of the
// articles and its derivations' verbs: what a user reads of the outlets.
func outletsShown(d news.StoryDetail) (timeline, articles, verbs []string, first bool) {
	for _, e := range d.Timeline {
		timeline = append(timeline, e.Source)
		first = first || e.First
	}
	v := view.NewStory(d)
	for _, a := range v.Articles {
		articles = append(articles, a.Outlet)
		for _, c := range a.AlsoIn {
			articles = append(articles, c.Source)
		}
	}
	for _, dv := range v.Derivations {
		verbs = append(verbs, dv.Verb)
	}
	return timeline, articles, verbs, first
}

// TestAnAliasedOutletIsOneOutletInItsStories: once the user files "op"
// under Ostwick Post, a story of both names one outlet everywhere (the
// timeline, the articles, "updates its own report"), and its comparison,
// made again, marks no first report (one outlet alone), though the same
// story version was compared in memory before the alias.
func TestAnAliasedOutletIsOneOutletInItsStories(t *testing.T) {
	ctx := context.Background()
	st := aliasedStory(t)
	r := read.New(st, read.Options{})
	d, err := r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if tl, _, verbs, first := outletsShown(d); tl[1] != "op" || !first || len(verbs) != 1 || verbs[0] == "updates its own report" {
		t.Fatalf("before the alias: timeline %v, first %v, verbs %v; want op apart, a first report and a copy", tl, first, verbs)
	}
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	d, err = r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	tl, arts, verbs, first := outletsShown(d)
	if tl[0] != "Ostwick Post" || tl[1] != "Ostwick Post" || first {
		t.Errorf("after the alias: timeline %v, first report %v; want Ostwick Post twice and no first report (one outlet)", tl, first)
	}
	for _, a := range arts {
		if a != "Ostwick Post" {
			t.Errorf("after the alias the page names an article's outlet %q", a)
		}
	}
	if len(verbs) != 1 || verbs[0] != "updates its own report" {
		t.Errorf("after the alias the derivation says %v, want the outlet's update of its own report", verbs)
	}
	res, err := r.SearchStories(ctx, news.SearchQuery{Q: "bridge", Limit: 10})
	if err != nil || len(res.Stories) != 1 || len(res.Stories[0].Hits) != 2 {
		t.Fatalf("search after the alias = %+v, %v", res, err)
	}
	for _, h := range res.Stories[0].Hits {
		if h.Source != "Ostwick Post" {
			t.Errorf("search after the alias names %s's outlet %q", h.ArticleID, h.Source)
		}
	}
	art, err := r.Article(ctx, "p2")
	if err != nil || art.Article.ShownOutlet() != "Ostwick Post" || art.Article.OutletKey != "ostwickpost" {
		t.Errorf("article p2 is shown under %q (key %q), %v; want Ostwick Post", art.Article.ShownOutlet(), art.Article.OutletKey, err)
	}
}

// TestAStoredComparisonNamesOutletsAsFiledNow: a comparison stored before
// the alias, shown while a projector compares the story again, names the
// aliased outlet as it is filed now and calls its copy the outlet's own
// update; removing the alias parts them again at once.
func TestAStoredComparisonNamesOutletsAsFiledNow(t *testing.T) {
	ctx := context.Background()
	st := aliasedStory(t)
	arts, err := st.StoryArticles(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := projection.Record("s1", "", arts)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{rec}); err != nil {
		t.Fatal(err)
	}
	r := read.New(st, read.Options{})
	r.SetProjected(true)
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	d, err := r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	tl, names, verbs, _ := outletsShown(d)
	if !d.Updating || tl[1] != "Ostwick Post" || names[0] != "Ostwick Post" || len(verbs) != 1 || verbs[0] != "updates its own report" || !d.Derivations[0].SameOutlet {
		t.Errorf("stored comparison after the alias: updating %v, timeline %v, names %v, verbs %v, same outlet %v; want it marked for comparison and one outlet shown",
			d.Updating, tl, names, verbs, d.Derivations[0].SameOutlet)
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{rec}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.RemoveOutletAlias(ctx, "op"); err != nil {
		t.Fatal(err)
	}
	d, err = r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if tl, _, verbs, _ := outletsShown(d); !d.Updating || tl[1] != "op" || len(verbs) != 1 || verbs[0] == "updates its own report" {
		t.Errorf("after removing the alias: updating %v, timeline %v, verbs %v; want op apart again", d.Updating, tl, verbs)
	}
}

// TestAnOutletPageNamesAnAliasedOutletAsItsOutlet: Marlow Courier's page
// lists a story it rewrote from "op" as rewritten from Ostwick Post once
// op is filed there, and names the story's sources so.
func TestAnOutletPageNamesAnAliasedOutletAsItsOutlet(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	ps := []news.Placement{
		report("p1", "op", bridgeText, 0),
		report("m1", "Marlow Courier", bridgeText+" Commuters said the rail crossing was jammed by noon.", time.Hour),
		report("p2", "Ostwick Post", "The river bridge in Ostwick stays shut.", 2*time.Hour),
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: ps, At: day}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	arts, err := st.StoryArticles(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := projection.Record("s1", "", arts)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{rec}); err != nil {
		t.Fatal(err)
	}
	p, err := read.New(st, read.Options{}).Outlet(ctx, "marlowcourier", news.RoleAny, read.PublishedRange{}, 10, 0)
	if err != nil || len(p.Stories) != 1 {
		t.Fatalf("Marlow Courier's page = %+v, %v", p, err)
	}
	o := p.Stories[0]
	if len(o.Rewrote) != 1 || o.Rewrote[0] != "Ostwick Post" || len(o.Story.Sources) != 2 || o.Story.Sources[0] != "Ostwick Post" {
		t.Errorf("Marlow Courier's story: rewrote %v, sources %v; want Ostwick Post named, not op", o.Rewrote, o.Story.Sources)
	}
}

// TestReadersOfAnAliasedStoryShareNothingTheyChange: readers of one story
// compared in memory share the memo's comparison; naming its outlets as
// filed (go test -race) must not write into it.
func TestReadersOfAnAliasedStoryShareNothingTheyChange(t *testing.T) {
	ctx := context.Background()
	st := aliasedStory(t)
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	r := read.New(st, read.Options{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if d, err := r.Story(ctx, "s1"); err != nil || len(d.Derivations) != 1 || !d.Derivations[0].SameOutlet {
				t.Errorf("Story = %+v, %v", d.Derivations, err)
			}
		}()
	}
	wg.Wait()
}

// outletCountingStore counts the reads of the outlets' names.
type outletCountingStore struct {
	*sqlite.Store
	all  int
	keys [][]string
}

func (c *outletCountingStore) SourceNames(ctx context.Context) ([]news.SourceCount, error) {
	c.all++
	return c.Store.SourceNames(ctx)
}

func (c *outletCountingStore) SourceNamesOf(ctx context.Context, keys []string) ([]news.SourceCount, error) {
	c.keys = append(c.keys, keys)
	return c.Store.SourceNamesOf(ctx, keys)
}

// TestAStoryPageReadsOnlyTheOutletsItNames: naming the outlet an alias
// files an article under reads that outlet's spellings alone, not every
// outlet of the database, and none where no article is filed elsewhere.
func TestAStoryPageReadsOnlyTheOutletsItNames(t *testing.T) {
	ctx := context.Background()
	st := &outletCountingStore{Store: aliasedStory(t)}
	r := read.New(st, read.Options{})
	if _, err := r.Story(ctx, "s1"); err != nil || st.all != 0 || len(st.keys) != 0 {
		t.Fatalf("before the alias: %d reads of every outlet, %d of some, %v; want none", st.all, len(st.keys), err)
	}
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	d, err := r.Story(ctx, "s1")
	if err != nil || d.Articles[1].ShownOutlet() != "Ostwick Post" {
		t.Fatalf("after the alias p2 is shown under %q, %v; want Ostwick Post", d.Articles[1].ShownOutlet(), err)
	}
	if st.all != 0 || len(st.keys) != 1 || len(st.keys[0]) != 1 || st.keys[0][0] != "ostwickpost" {
		t.Errorf("after the alias: %d reads of every outlet and reads of %q; want one read of ostwickpost", st.all, st.keys)
	}
}

// TestAnAliasedHostIsNamedAliasedEverywhere: an article with no source is
// shown under its URL's host; once the user files that host under Ostwick
// Post (typed with or without "www."), its story page, its search hit and
// the story list all name Ostwick Post, and all name the host again once
// the alias is removed. A hit names its article by the stored outlet name,
// which for an article with no source is its host, so the key the hit is
// looked up by is the key the page files the article under.
func TestAnAliasedHostIsNamedAliasedEverywhere(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	byHost := report("p2", "", bridgeText+" Shops near the bridge said trade had fallen.", time.Hour)
	byHost.Article.URL = "https://www.news.quayside-daily.com/bridge"
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{report("p1", "Ostwick Post", bridgeText, 0), byHost}, At: day}); err != nil {
		t.Fatal(err)
	}
	r := read.New(st, read.Options{})
	for _, c := range []struct{ alias, want string }{
		{"news.quayside-daily.com", "Ostwick Post"},
		{"", "news.quayside-daily.com"},
		{"www.news.quayside-daily.com", "Ostwick Post"},
	} {
		if c.alias != "" {
			if _, _, err := st.SetOutletAlias(ctx, c.alias, "Ostwick Post"); err != nil {
				t.Fatal(err)
			}
		} else if _, _, err := st.RemoveOutletAlias(ctx, "news.quayside-daily.com"); err != nil {
			t.Fatal(err)
		}
		page, hit, list := hostArticleNames(t, r)
		if page != c.want || hit != c.want || list != c.want {
			t.Errorf("alias %q: page %q, search hit %q, story list %q; want %q each", c.alias, page, hit, list, c.want)
		}
	}
}

// hostArticleNames is the outlet p2 is named by on story s1's page, in a
// search for it and (the last of the story's outlets) in the story list.
func hostArticleNames(t *testing.T, r *read.Reader) (page, hit, list string) {
	t.Helper()
	ctx := context.Background()
	d, err := r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Articles {
		if a.ID == "p2" {
			page = a.ShownOutlet()
		}
	}
	res, err := r.SearchStories(ctx, news.SearchQuery{Q: "shops", Limit: 10})
	if err != nil || len(res.Stories) != 1 || len(res.Stories[0].Hits) != 1 {
		t.Fatalf("search for p2 = %+v, %v", res, err)
	}
	stories, err := r.Stories(ctx, news.StoryQuery{Limit: 10})
	if err != nil || len(stories) != 1 {
		t.Fatalf("stories = %+v, %v", stories, err)
	}
	sources := stories[0].Sources
	return page, res.Stories[0].Hits[0].Source, sources[len(sources)-1]
}

// TestAFactOfAnAliasedOutletIsItsOwn: the fact a report and its copy share
// is agreement while "op" is an outlet of its own; once op is filed under
// Ostwick Post it is that outlet's own (stated in two of its reports), in
// the story read and on its page; removing the alias makes it agreement
// again, without comparing the story anew.
func TestAFactOfAnAliasedOutletIsItsOwn(t *testing.T) {
	ctx := context.Background()
	st := aliasedStory(t)
	r := read.New(st, read.Options{})
	counts := func() (agreed, own int, reported []view.Statement) {
		t.Helper()
		d, err := r.Story(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range view.NewStory(d).Unique {
			reported = append(reported, u.Reported...)
		}
		return len(d.Facts), len(d.OutletFacts), reported
	}
	if agreed, own, _ := counts(); agreed == 0 || own != 0 {
		t.Fatalf("before the alias: %d agreed, %d of one outlet; want the shared bridge fact agreed", agreed, own)
	}
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	agreed, own, reported := counts()
	if agreed != 0 || own == 0 || len(reported) != own || reported[0].Sources != "in 2 reports of Ostwick Post" {
		t.Errorf("after the alias: %d agreed, %d of one outlet, listed %+v; want every fact Ostwick Post's own", agreed, own, reported)
	}
	if _, _, err := st.RemoveOutletAlias(ctx, "op"); err != nil {
		t.Fatal(err)
	}
	if agreed, own, _ := counts(); agreed == 0 || own != 0 {
		t.Errorf("after removing the alias: %d agreed, %d of one outlet", agreed, own)
	}
}
