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
