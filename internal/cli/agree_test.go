package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestExportListsOneOutletsRepeatedFactsApart: a wire's report and its
// update share sentences the paper does not state; export (JSONL and CSV)
// and show --json list them as the wire's own (outlet_facts), not among
// the facts the sources agree on, which need a second outlet.
func TestExportListsOneOutletsRepeatedFactsApart(t *testing.T) {
	dir := t.TempDir()
	wire := "Fog closed the port of Lenmouth on Monday as pilots refused to board the waiting ships. " +
		"The harbour office said nine freighters were anchored off the breakwater by the evening. " +
		"Ferry crossings to the islands were cancelled until the fog lifts."
	paper := "Ferry crossings to the islands were cancelled until the fog lifts, the operator said. " +
		"Fishermen on the north quay said they had not seen such a fog in twenty years."
	lines := `{"id":"w1","source":"Harbour Wire","published":"2026-04-09T06:00:00Z","title":"Fog shuts Lenmouth port","text":"` + wire + `"}
{"id":"w2","source":"Harbour Wire","published":"2026-04-09T09:00:00Z","title":"Fog shuts Lenmouth port (update)","text":"` + wire + ` Two tugs stood by at the harbour mouth."}
{"id":"p1","source":"Tides Gazette","published":"2026-04-09T10:00:00Z","title":"Lenmouth fog strands ships","text":"` + paper + `"}
`
	db, _ := addOneStory(t, dir, lines)
	out, _, code := storyline(t, "export", "--db", db, "--what", "comparisons")
	var c news.Comparison
	if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil {
		t.Fatalf("export: exit %d, %v: %s", code, err, out)
	}
	outletOf := map[string]string{"w1": "harbourwire", "w2": "harbourwire", "p1": "tidesgazette"}
	for _, f := range c.Facts {
		if news.OutletCount(f.Articles, outletOf) < 2 {
			t.Errorf("a fact of one outlet among what the sources agree on: %+v", f)
		}
	}
	if len(c.OutletFacts) == 0 {
		t.Fatalf("no outlet_facts: the wire's two reports share sentences the paper lacks:\n%s", out)
	}
	csv, _, _ := storyline(t, "export", "--db", db, "--what", "comparisons", "--format", "csv")
	if !strings.Contains(csv, ",outlet_fact,") {
		t.Errorf("CSV has no outlet_fact row:\n%s", csv)
	}
	stories, _, _ := storyline(t, "stories", "--db", db, "--json")
	var list []struct{ ID string }
	if err := json.Unmarshal([]byte(stories), &list); err != nil || len(list) != 1 {
		t.Fatalf("stories %s", stories)
	}
	shown, _, _ := storyline(t, "show", "--db", db, list[0].ID)
	if !strings.Contains(shown, "(in 2 reports of Harbour Wire)") {
		t.Errorf("show does not list the wire's repeated facts as its own:\n%s", shown)
	}
}
