package news

import (
	"slices"
	"testing"
	"time"
)

// TestRolesOfCountOwnClaimsOnlyAgainstOthers: the claims only an outlet
// makes are its own against the story's other outlets; alone in a story,
// every sentence is "unique" and none is counted.
func TestRolesOfCountOwnClaimsOnlyAgainstOthers(t *testing.T) {
	c := Comparison{Unique: map[string][]string{"a1": {"The quay opens in May.", "It cost 4 million."}, "b1": {"Dockers cheered."}}}
	both := []StoryArticle{{ID: "a1", Key: "ledger", Name: "Ledger"}, {ID: "b1", Key: "courier", Name: "Courier"}}
	if o := RolesOf("ledger", StorySummary{ID: "s"}, both, c); o.UniqueCount != 2 || len(o.Unique) != 2 {
		t.Errorf("two outlets: ledger's own claims %d %v, want 2", o.UniqueCount, o.Unique)
	}
	alone := []StoryArticle{{ID: "a1", Key: "ledger", Name: "Ledger"}}
	if o := RolesOf("ledger", StorySummary{ID: "s"}, alone, c); o.UniqueCount != 0 || len(o.Unique) != 0 {
		t.Errorf("alone in its story: ledger's own claims %d %v, want none", o.UniqueCount, o.Unique)
	}
}

// TestRolesOfCountAFactOfTheOutletsReportsAsItsOwn: a fact that two of the
// ledger's reports state and no other outlet does is a claim of the
// ledger's own on its page; one the courier states too is not.
func TestRolesOfCountAFactOfTheOutletsReportsAsItsOwn(t *testing.T) {
	c := Comparison{Facts: []Fact{
		{Text: "The quay opens in May.", Articles: []string{"a1", "a2"}},
		{Text: "Dockers cheered.", Articles: []string{"a1", "b1"}},
	}}
	arts := []StoryArticle{{ID: "a1", Key: "ledger", Name: "Ledger"}, {ID: "a2", Key: "ledger", Name: "Ledger"}, {ID: "b1", Key: "courier", Name: "Courier"}}
	if o := RolesOf("ledger", StorySummary{ID: "s"}, arts, c); o.UniqueCount != 1 || len(o.Unique) != 1 || o.Unique[0] != "The quay opens in May." || !o.Has(RoleUnique) {
		t.Errorf("ledger's own claims %d %v, want the quay's opening", o.UniqueCount, o.Unique)
	}
	if o := RolesOf("courier", StorySummary{ID: "s"}, arts, c); o.UniqueCount != 0 || o.Unique == nil {
		t.Errorf("courier's own claims %d %v, want none (an empty list)", o.UniqueCount, o.Unique)
	}
}

// The label of an article of no outlet is kept as it is where outlets'
// names are replaced by their aliases' outlets: a headline "Fox" in
// quotation marks spells the key of an alias but names no outlet.
func TestOutletNamesShownKeepANamelessLabel(t *testing.T) {
	filed, shown := map[string]string{"fox": "foxnews"}, map[string]string{"foxnews": "Fox News"}
	got := OutletNamesShown([]string{"fox", "“Fox”", "[fox]"}, filed, shown)
	if want := []string{"Fox News", "“Fox”", "[fox]"}; !slices.Equal(got, want) {
		t.Errorf("OutletNamesShown = %q, want %q", got, want)
	}
}

// An outlet rewritten by articles of no outlet names them as the story
// page does, each apart, and counts them as outlets of their own (so the
// outlet's report is the first of a story of three sources).
func TestRolesNameRewritersOfNoOutlet(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 5, 4, h, 0, 0, 0, time.UTC) }
	arts := []StoryArticle{{ID: "w1", Key: "wire", Name: "Wire", Published: at(8)},
		{ID: "n1", Title: "Kiln fire at Orrow", Published: at(9)}, {ID: "n2", Title: "Kiln fire at Orrow", Published: at(10)}}
	c := Comparison{Timeline: []TimelineEntry{{Article: "w1", First: true}, {Article: "n1"}, {Article: "n2"}},
		Derivations: []Derivation{{From: "w1", To: "n1"}, {From: "w1", To: "n2"}, {From: "n1", To: "n2"}}}
	o := RolesOf("wire", StorySummary{ID: "s"}, arts, c)
	want := []string{"“Kiln fire at Orrow” (4 May 09:00)", "“Kiln fire at Orrow” (4 May 10:00)"}
	if !o.First || !slices.Equal(o.RewrittenBy, want) {
		t.Errorf("wire: first %v, rewritten by %q; want first, rewritten by %q", o.First, o.RewrittenBy, want)
	}
}
