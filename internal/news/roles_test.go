package news

import "testing"

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
