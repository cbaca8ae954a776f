package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnnotate runs storyline annotate on a small JSONL with a bad line:
// one JSON object per good article, in input order, with its quotes,
// entities, sentences and quantities; the bad line named on stderr and exit
// status 1.
func TestAnnotate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	lines := []string{
		`{"id":"one","text":"Teodor Brandvold was named chief of the Calder Harbour Authority on Monday.\n\n\"My first job is the queue of 40 ships,\" Mr. Brandvold said."}`,
		`not json`,
		`{"id":"two","text":"The ferry fares rise by 8 percent in April."}`,
	}
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out, stderr, code := storyline(t, "annotate", "--workers", "2", in)
	if code != 1 || !strings.Contains(stderr, "a.jsonl:2") {
		t.Errorf("exit %d, stderr %q: want 1 and the bad line named", code, stderr)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) != 2 {
		t.Fatalf("got %d lines, want 2: %s", len(rows), out)
	}
	var first, second struct {
		ID        string
		Sentences []string
		Quotes    []struct{ Text, Speaker, Cue string }
		Entities  []struct {
			Name, Kind string
			Mentions   []struct{ Text string }
		}
		Quantities []struct {
			Value        float64
			Unit, Counts string
		}
	}
	if err := json.Unmarshal([]byte(rows[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(rows[1]), &second); err != nil {
		t.Fatal(err)
	}
	if first.ID != "one" || second.ID != "two" {
		t.Errorf("ids %q, %q: want the input order", first.ID, second.ID)
	}
	if len(first.Quotes) != 1 || first.Quotes[0].Speaker != "Teodor Brandvold" || first.Quotes[0].Cue != "said" {
		t.Errorf("quotes = %+v, want one by Teodor Brandvold with the cue said", first.Quotes)
	}
	found := false
	for _, e := range first.Entities {
		if e.Name == "Teodor Brandvold" && e.Kind == "person" && len(e.Mentions) == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("entities = %+v, want Teodor Brandvold, a person mentioned twice", first.Entities)
	}
	if len(first.Sentences) != 2 || len(second.Quantities) != 1 || second.Quantities[0].Unit != "%" || second.Quantities[0].Value != 8 {
		t.Errorf("sentences %q, quantities %+v", first.Sentences, second.Quantities)
	}
}
