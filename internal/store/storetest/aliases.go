package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// outletCounts are a store's outlets as "key=articles" by key.
func outletCounts(t *testing.T, st Store) map[string]int {
	t.Helper()
	names, err := st.SourceNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, n := range names {
		out[n.Key] = n.Articles
	}
	return out
}

// storiesOf are the ids of the stories a filter by outlet name lists.
func storiesOf(t *testing.T, st Store, name string) []string {
	t.Helper()
	list, err := st.Stories(context.Background(), news.StoryQuery{Source: name})
	if err != nil {
		t.Fatal(err)
	}
	return sortedCopy(storyIDs(list))
}

// testOutletAliases: a short code the user aliases to an outlet is filed
// under it (its stored articles and those stored later), in lists, search,
// outlet pages and exports by either name; an alias of an alias is one
// step; an alias that would loop, or of an outlet to itself, is refused;
// removing it files its articles under their own key again.
func testOutletAliases(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	save(t, st, now,
		placement(article("g1", "Harbour Gazette", "Ferry fares rise", "Fares on the ferry rise.", now), "s1"),
		placement(article("g2", "hg", "Ferry fares up", "The ferry costs more.", now), "s2"),
		placement(article("k1", "Kestra Daily", "Storm nears", "A storm nears the coast.", now), "s3"))
	a, n, err := st.SetOutletAlias(ctx, "hg", "harbourgazette.com")
	if want := (news.OutletAlias{Alias: "hg", Name: "hg", Named: "harbourgazette", Outlet: "harbourgazette", Given: true}); err != nil || a != want || n != 1 {
		t.Fatalf("SetOutletAlias(hg) = %+v, %d, %v; want %+v, 1 article", a, n, err, want)
	}
	if got, want := outletCounts(t, st), map[string]int{"harbourgazette": 2, "kestradaily": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlets after the alias = %v, want %v", got, want)
	}
	for _, name := range []string{"hg", "HG", "Harbour Gazette"} {
		if got := storiesOf(t, st, name); !reflect.DeepEqual(got, []string{"s1", "s2"}) {
			t.Errorf("stories of %q = %v, want s1 and s2", name, got)
		}
	}
	if res, err := st.SearchStories(ctx, news.SearchQuery{Q: "ferry", Source: "hg", Limit: 10}); err != nil || len(res.Stories) != 2 {
		t.Errorf("search ferry in hg = %+v, %v; want 2 stories", res.Stories, err)
	}
	if list, err := st.OutletStories(ctx, "hg", 10); err != nil || len(list) != 2 {
		t.Errorf("outlet stories of hg = %d, %v; want 2", len(list), err)
	}
	var exported []string
	if err := st.(Exporter).ExportArticles(ctx, time.Time{}, time.Time{}, "hg", func(a news.Article, _ news.Membership) error {
		exported = append(exported, a.ID)
		return nil
	}); err != nil || !reflect.DeepEqual(sortedCopy(exported), []string{"g1", "g2"}) {
		t.Errorf("export of hg = %v, %v; want g1 and g2", exported, err)
	}
	// Articles stored later under the alias are filed under the outlet.
	save(t, st, now, placement(article("g3", "H.G.", "Ferry timetable", "A new timetable.", now), "s4"))
	if got := outletCounts(t, st)["harbourgazette"]; got != 3 {
		t.Errorf("Harbour Gazette after an article of H.G. = %d articles, want 3", got)
	}
	// An alias of an alias is filed under the outlet; one that would
	// loop, or that names the outlet itself, is refused.
	if a, _, err := st.SetOutletAlias(ctx, "Gazette", "HG"); err != nil || a.Outlet != "harbourgazette" {
		t.Errorf("alias of an alias = %+v, %v; want filed under harbourgazette", a, err)
	}
	for _, c := range [][2]string{{"Harbour Gazette", "hg"}, {"hg", "h.g."}, {"", "hg"}, {"hg", " "}} {
		if _, _, err := st.SetOutletAlias(ctx, c[0], c[1]); err == nil {
			t.Errorf("SetOutletAlias(%q, %q) was stored; want an error", c[0], c[1])
		}
	}
	if list, err := st.OutletAliases(ctx); err != nil || len(list) != 2 || list[0].Alias != "gazette" || list[1].Alias != "hg" {
		t.Errorf("OutletAliases = %+v, %v; want gazette and hg", list, err)
	}
	// An alias given again to another outlet takes its articles there.
	if _, n, err := st.SetOutletAlias(ctx, "hg", "Kestra Daily"); err != nil || n != 2 || outletCounts(t, st)["kestradaily"] != 3 {
		t.Errorf("hg aliased to Kestra Daily = %d articles, %v, outlets %v; want 2 moved, kestradaily 3", n, err, outletCounts(t, st))
	}
	if _, _, err := st.SetOutletAlias(ctx, "hg", "Harbour Gazette"); err != nil {
		t.Fatal(err)
	}
	// Removing the alias parts hg's articles again.
	if a, n, err := st.RemoveOutletAlias(ctx, "HG"); err != nil || a.Alias != "hg" || n != 2 {
		t.Errorf("RemoveOutletAlias(HG) = %+v, %d, %v; want hg, 2 articles", a, n, err)
	}
	if got, want := outletCounts(t, st), map[string]int{"harbourgazette": 1, "hg": 2, "kestradaily": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlets after removing the alias = %v, want %v", got, want)
	}
	if got := storiesOf(t, st, "hg"); !reflect.DeepEqual(got, []string{"s2", "s4"}) {
		t.Errorf("stories of hg after removing the alias = %v, want s2 and s4", got)
	}
	if _, _, err := st.RemoveOutletAlias(ctx, "hg"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("removing an alias twice = %v, want news.ErrNotFound", err)
	}
	// An alias given to a key that other aliases name moves them with it.
	if _, _, err := st.SetOutletAlias(ctx, "hgz", "hg"); err != nil {
		t.Fatal(err)
	}
	if _, n, err := st.SetOutletAlias(ctx, "hg", "Harbour Gazette"); err != nil || n != 2 {
		t.Fatalf("SetOutletAlias(hg) again = %d, %v; want 2 articles", n, err)
	}
	if list, _ := st.OutletAliases(ctx); len(list) != 3 || list[2].Alias != "hgz" || list[2].Outlet != "harbourgazette" {
		t.Errorf("aliases after hg joined Harbour Gazette = %+v; want hgz filed under harbourgazette", list)
	}
}

// testAliasChains: an alias keeps the outlet the user named; an alias of
// that outlet takes it (and its articles) further along, and removing the
// middle alias leaves the first where the user put it, its articles with
// it. A chain that would come back to its start is refused, however long.
// An alias of a "the" domain follows that domain when it is joined to its
// name and when the joining is removed.
func testAliasChains(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	save(t, st, now,
		placement(article("o1", "Ostwick Post", "Bridge shut", "The bridge is shut.", now), "s1"),
		placement(article("o2", "op", "Bridge closed", "The bridge closed.", now), "s2"),
		placement(article("m1", "Marlow Courier", "Bridge repairs", "Repairs begin.", now), "s3"))
	aliasOf := func(key string) news.OutletAlias {
		t.Helper()
		list, err := st.OutletAliases(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.Alias == key {
				return a
			}
		}
		return news.OutletAlias{}
	}
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	if _, n, err := st.SetOutletAlias(ctx, "Ostwick Post", "Marlow Courier"); err != nil || n != 2 {
		t.Fatalf("alias of the outlet op names = %d articles, %v; want 2 moved (o1, and o2 through op)", n, err)
	}
	if a := aliasOf("op"); a.Named != "ostwickpost" || a.Outlet != "marlowcourier" {
		t.Errorf("op after Ostwick Post joined Marlow Courier = %+v; want named ostwickpost, filed under marlowcourier", a)
	}
	save(t, st, now, placement(article("o3", "OP", "Bridge opens", "The bridge opens.", now), "s4"))
	if got, want := outletCounts(t, st), map[string]int{"marlowcourier": 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlets with the chain op -> Ostwick Post -> Marlow Courier = %v, want %v", got, want)
	}
	// Filing Ostwick Post under op would loop (op names it): refused,
	// though op is filed under Marlow Courier.
	if _, _, err := st.SetOutletAlias(ctx, "Ostwick Post", "op"); !errors.Is(err, news.ErrSameOutlet) {
		t.Errorf("alias closing the chain op -> Ostwick Post -> op = %v; want news.ErrSameOutlet", err)
	}
	if _, n, err := st.RemoveOutletAlias(ctx, "Ostwick Post"); err != nil || n != 3 {
		t.Fatalf("removing the middle alias = %d articles, %v; want 3 moved back (o1, o2, o3)", n, err)
	}
	if a := aliasOf("op"); a.Named != "ostwickpost" || a.Outlet != "ostwickpost" {
		t.Errorf("op after the middle alias was removed = %+v; want filed under ostwickpost, as named", a)
	}
	if got, want := outletCounts(t, st), map[string]int{"ostwickpost": 3, "marlowcourier": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlets after the middle alias was removed = %v, want %v", got, want)
	}
	// An alias of a domain follows the domain's joining to its "The" name.
	byHost := func(id, host, story string) news.Placement {
		a := article(id, "", "Gull count "+id, "Gulls were counted at "+id+".", now)
		a.URL = "https://" + host + "/" + id
		return placement(a, story)
	}
	save(t, st, now, byHost("h1", "thewren.com", "s5"), placement(article("w1", "tw", "Gull count", "Gulls were counted.", now), "s5"))
	if _, _, err := st.SetOutletAlias(ctx, "tw", "thewren.com"); err != nil {
		t.Fatal(err)
	}
	save(t, st, now, placement(article("w2", "The Wren", "Gull count up", "More gulls.", now), "s6"))
	if a := aliasOf("tw"); a.Named != "thewren" || a.Outlet != "wren" || outletCounts(t, st)["wren"] != 3 {
		t.Errorf("tw once thewren.com joined The Wren = %+v, outlets %v; want filed under wren with its 3 articles", a, outletCounts(t, st))
	}
	if _, _, err := st.RemoveOutletAlias(ctx, "thewren.com"); err != nil {
		t.Fatal(err)
	}
	if got := outletCounts(t, st); got["thewren"] != 2 || got["wren"] != 1 {
		t.Errorf("outlets once thewren.com was kept apart = %v; want thewren 2 (h1, and w1 through tw), wren 1", got)
	}
}

// testTheDomainAlias: a domain that spells a stored name beginning with
// "The" with its "the" (thekestrel.com, "The Kestrel") is that outlet,
// whichever was stored first; a domain whose name lacks the "The"
// ("Osprey", theosprey.com) or a name without the space ("TheKite",
// thekite.com, one key already) are left as they are; removing the
// automatic alias keeps the two apart from then on.
func testTheDomainAlias(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	byHost := func(id, host, story string) news.Placement {
		a := article(id, "", "Tide report "+id, "The tide came in at "+id+".", now)
		a.URL = "https://" + host + "/" + id
		return placement(a, story)
	}
	save(t, st, now, byHost("h1", "www.thekestrel.com", "s1"), byHost("h2", "theosprey.com", "s2"), byHost("h3", "thekite.com", "s3"))
	save(t, st, now,
		placement(article("n1", "The Kestrel", "Tide report", "The tide came in.", now), "s1"),
		placement(article("n2", "Osprey", "Tide report", "The tide came in early.", now), "s2"),
		placement(article("n3", "TheKite", "Tide report", "The tide came in late.", now), "s3"))
	save(t, st, now, byHost("h4", "thekestrel.com", "s4"))
	want := map[string]int{"kestrel": 3, "osprey": 1, "theosprey": 1, "thekite": 2}
	if got := outletCounts(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("outlets = %v, want %v", got, want)
	}
	if got := storiesOf(t, st, "thekestrel.com"); !reflect.DeepEqual(got, []string{"s1", "s4"}) {
		t.Errorf("stories of thekestrel.com = %v, want s1 and s4", got)
	}
	if a, n, err := st.RemoveOutletAlias(ctx, "thekestrel.com"); err != nil || a.Given || n != 2 {
		t.Fatalf("RemoveOutletAlias(thekestrel.com) = %+v, %d, %v; want the automatic alias, 2 articles", a, n, err)
	}
	save(t, st, now, placement(article("n4", "The Kestrel", "Tide report", "The tide went out.", now), "s5"),
		byHost("h5", "thekestrel.com", "s6"))
	if got := outletCounts(t, st); got["kestrel"] != 2 || got["thekestrel"] != 3 {
		t.Errorf("outlets after the alias was removed = %v; want kestrel 2, thekestrel 3 (kept apart)", got)
	}
}

// testSetSources: the outlets named for two stored pages are set in one
// call, each page's count apart.
func testSetSources(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	p1 := placement(article("p1", "Calder Weekly", "Ferries run", "The ferries ran.", now), "s1")
	p2 := placement(article("p2", "Calder Weekly", "Ferries stop", "The ferries stopped.", now), "s2")
	save(t, st, now, p1, p2)
	counts, err := st.SetSources(ctx, []news.OutletGiven{
		{Name: "p1.html", Digest: news.Digest(p1.Raw.Kind, p1.Raw.Body), Source: "Calder Courier"},
		{Name: "p2.html", Digest: news.Digest(p2.Raw.Kind, p2.Raw.Body), Source: "Calder Weekly"},
		{Name: "gone.html", Digest: "no such digest", Source: "Calder Courier"},
	})
	if err != nil || !reflect.DeepEqual(counts, []int{1, 0, 0}) {
		t.Errorf("SetSources = %v, %v; want [1 0 0]", counts, err)
	}
	if got, want := outletCounts(t, st), map[string]int{"caldercourier": 1, "calderweekly": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlets after SetSources = %v, want %v", got, want)
	}
}

// outletKeysOf are the keys a story's articles are filed under as
// StoryArticles and Story give them, "id=key" in the order stored; the two
// must agree.
func outletKeysOf(t *testing.T, st Store, story string) []string {
	t.Helper()
	arts, err := st.StoryArticles(context.Background(), story)
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Story(context.Background(), story)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, a := range arts {
		out = append(out, a.ID+"="+a.OutletKey)
		if i >= len(d.Articles) || d.Articles[i].OutletKey != a.OutletKey {
			t.Errorf("Story(%s) and StoryArticles disagree on %s's outlet key", story, a.ID)
		}
	}
	return out
}

// testAliasChangesMarkStories: the articles of a story carry the key their
// outlet is filed under (an alias's outlet once the user gave it), and
// setting or removing an alias marks for comparison again exactly the
// stories whose articles it moves, so that no comparison keeps the outlet
// split (or joined) as it was; a name longer than news.MaxAliasRunes is
// refused, naming it.
func testAliasChangesMarkStories(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	save(t, st, now,
		placement(article("p1", "Ostwick Post", "Bridge shut", "The bridge is shut.", now), "s1"),
		placement(article("p2", "op", "Bridge shut for repairs", "The bridge is shut for repairs.", now.Add(time.Hour)), "s1"),
		placement(article("m1", "Marlow Courier", "Bridge closes", "The bridge closes.", now), "s2"),
		placement(article("p3", "Ostwick Post", "Ferry late", "The ferry is late.", now), "s3"))
	compareAll := func() {
		t.Helper()
		for _, id := range []string{"s1", "s2", "s3"} {
			saveComparison(t, st, id, "t", "", news.Comparison{})
		}
	}
	compareAll()
	if got, want := outletKeysOf(t, st, "s1"), []string{"p1=ostwickpost", "p2=op"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlet keys before the alias = %v, want %v", got, want)
	}
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	if got, want := outletKeysOf(t, st, "s1"), []string{"p1=ostwickpost", "p2=ostwickpost"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlet keys after the alias = %v, want %v", got, want)
	}
	if stale, _ := st.StaleStories(ctx, 0); !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("stale after the alias = %v, want s1 alone (the story of the article it moved)", stale)
	}
	compareAll()
	if _, _, err := st.SetOutletAlias(ctx, "Ostwick Post", "Marlow Courier"); err != nil {
		t.Fatal(err)
	}
	if stale, _ := st.StaleStories(ctx, 0); !reflect.DeepEqual(sortedCopy(stale), []string{"s1", "s3"}) {
		t.Errorf("stale after the chain = %v, want s1 and s3", stale)
	}
	compareAll()
	if _, _, err := st.RemoveOutletAlias(ctx, "op"); err != nil {
		t.Fatal(err)
	}
	if got, want := outletKeysOf(t, st, "s1"), []string{"p1=marlowcourier", "p2=op"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlet keys after removing the alias = %v, want %v", got, want)
	}
	if stale, _ := st.StaleStories(ctx, 0); !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("stale after removing the alias = %v, want s1 alone", stale)
	}
	long := strings.Repeat("Ostwick ", 30)
	for _, c := range []struct{ name, outlet string }{{long, "Ostwick Post"}, {"ow", long}} {
		if _, _, err := st.SetOutletAlias(ctx, c.name, c.outlet); !errors.Is(err, news.ErrNameTooLong) || !strings.Contains(err.Error(), "240 characters") {
			t.Errorf("SetOutletAlias of a %d- and %d-character name = %v, want news.ErrNameTooLong saying how long", len(c.name), len(c.outlet), err)
		}
	}
	if _, _, err := st.RemoveOutletAlias(ctx, long); !errors.Is(err, news.ErrNameTooLong) {
		t.Errorf("RemoveOutletAlias of a 240-character name = %v, want news.ErrNameTooLong", err)
	}
}

// testComparisonOfRefiledOutlets: a comparison made from a story's
// articles as they were filed before an alias moved one of them (the
// projector read them, then the user set the alias, then the projector
// saved) is stored but leaves the story stale, so that it is compared
// again with the outlets as filed now; one whose articles are filed as it
// saw them leaves the story current.
func testComparisonOfRefiledOutlets(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	save(t, st, now,
		placement(article("v1", "Vell Herald", "Dam opens", "The dam opens.", now), "s1"),
		placement(article("v2", "vh", "Dam opens early", "The dam opens early.", now.Add(time.Hour)), "s1"),
		placement(article("r1", "Rook Weekly", "Dam opening", "The dam is opening.", now), "s1"))
	record := func() news.ComparisonRecord {
		t.Helper()
		version, err := st.StoryVersion(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		arts, err := st.StoryArticles(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]string{}
		for _, a := range arts {
			seen[a.ID] = a.OutletKey
		}
		return news.ComparisonRecord{StoryID: "s1", Title: "Dam opens", Version: version, Outlets: seen}
	}
	staleAfter := func(r news.ComparisonRecord) []string {
		t.Helper()
		if err := st.SaveComparisons(ctx, []news.ComparisonRecord{r}); err != nil {
			t.Fatal(err)
		}
		stale, err := st.StaleStories(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		return stale
	}
	if stale := staleAfter(record()); len(stale) != 0 {
		t.Errorf("stale after a comparison of the articles as filed = %v, want none", stale)
	}
	before := record()
	if _, _, err := st.SetOutletAlias(ctx, "vh", "Vell Herald"); err != nil {
		t.Fatal(err)
	}
	if stale := staleAfter(before); !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("stale after saving a comparison made before the alias = %v, want s1", stale)
	}
	if stale := staleAfter(record()); len(stale) != 0 {
		t.Errorf("stale after comparing again = %v, want none", stale)
	}
	before = record()
	if _, _, err := st.RemoveOutletAlias(ctx, "vh"); err != nil {
		t.Fatal(err)
	}
	if stale := staleAfter(before); !reflect.DeepEqual(stale, []string{"s1"}) {
		t.Errorf("stale after saving a comparison made before the alias was removed = %v, want s1", stale)
	}
}
