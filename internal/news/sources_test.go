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

// TestSourceTallyTellsNamelessRowsApart: two articles of no outlet that
// carry one headline in two stories are two rows of the sources' list
// (each an outlet of its own); each story names its one article by the
// headline alone, but the list, which shows both, tells them apart (by
// time, else by id), as a story tells apart two of its own.
func TestSourceTallyTellsNamelessRowsApart(t *testing.T) {
	at := time.Date(2026, 3, 14, 8, 30, 0, 0, time.UTC)
	tally := NewSourceTally()
	tally.Article("s1", Article{ID: "n1", Title: "Orrow ferry runs aground", Published: at})
	tally.Article("s2", Article{ID: "n2", Title: "Orrow ferry runs aground", Published: at.Add(26 * time.Hour)})
	tally.Article("s3", Article{ID: "n3", Title: "Tide gauge fails at Cornmarsh"})
	tally.Article("s4", Article{ID: "n4", Title: "Tide gauge fails at Cornmarsh"})
	seen := map[string]bool{}
	for _, s := range tally.Summaries() {
		if seen[s.Source] {
			t.Errorf("two rows named %q", s.Source)
		}
		seen[s.Source] = true
	}
	for _, want := range []string{"“Orrow ferry runs aground” (14 Mar 08:30)", "“Orrow ferry runs aground” (15 Mar 10:30)", "“Tide gauge fails at Cornmarsh” [n3]"} {
		if !seen[want] {
			t.Errorf("no row %q in %v", want, seen)
		}
	}
}
