package news

import (
	"testing"
	"time"
)

// TestSourceTallyCountsNoCopiedFirstReport: the earliest article of a
// story counts as its outlet's first report by the times, unless the
// story's comparison credits it, untied, to another outlet's article (a
// credit in the text against the clocks), as the comparison's timeline
// does; a tied derivation leaves it counted.
func TestSourceTallyCountsNoCopiedFirstReport(t *testing.T) {
	at := time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC)
	firsts := func(ds ...Derivation) int {
		tally := NewSourceTally()
		tally.Article("s1", Article{ID: "g1", Source: "Marlow Gazette", OutletKey: "marlowgazette", Published: at})
		tally.Article("s1", Article{ID: "e1", Source: "Kessington Echo", OutletKey: "kessingtonecho", Published: at.Add(10 * time.Minute)})
		if ds != nil {
			tally.Comparison("s1", Comparison{Derivations: ds})
		}
		for _, s := range tally.Summaries() {
			if s.Source == "marlowgazette" {
				return s.FirstReports
			}
		}
		return -1
	}
	if got := firsts(); got != 1 {
		t.Errorf("before a comparison: %d first reports, want 1", got)
	}
	if got := firsts(Derivation{From: "e1", To: "g1", Score: 0.8}); got != 0 {
		t.Errorf("credited to the Echo: %d first reports, want 0", got)
	}
	if got := firsts(Derivation{From: "e1", To: "g1", Score: 0.8, Tied: true}); got != 1 {
		t.Errorf("a tied derivation: %d first reports, want 1", got)
	}
}
