package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddNamesTheInputsStoredBefore: `add` says which inputs it found
// stored before, and as which article with its title, on the terminal and
// in --json (it said "1 already stored" and no more), a page whose bytes
// were stored before too (it was named alone).
func TestAddNamesTheInputsStoredBefore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	first := filepath.Join(dir, "first.jsonl")
	again := filepath.Join(dir, "again.jsonl")
	line := `{"id":"ferry-1","title":"Calder ferries run again","text":"The ferries between Calder and Fenwick ran again on Tuesday after a week of storms.","source":"Calder Weekly"}` + "\n"
	other := `{"id":"ferry-2","title":"Fenwick port reopens","text":"The port of Fenwick reopened to freight on Wednesday, its harbour master said.","source":"Fenwick Post"}` + "\n"
	if err := os.WriteFile(first, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(again, []byte(other+line), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join("testdata/pages", "harbour-chief-courier.txt")
	if _, errOut, code := storyline(t, "add", "--db", db, first, page); code != 0 {
		t.Fatalf("add: exit %d, stderr %q", code, errOut)
	}
	out, errOut, code := storyline(t, "add", "--db", db, again, page)
	if code != 0 || !strings.Contains(out, "2 already stored") {
		t.Fatalf("add again: exit %d, %q", code, out)
	}
	for _, want := range []string{"already stored: " + again + ":2 (article ferry-1 \"Calder ferries run again\")",
		"already stored: " + page + " (article harbour-chief-courier \"New Calder harbour chief vows to cut ship queues\")"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("add again: stderr %q lacks %q", errOut, want)
		}
	}
	if strings.Contains(errOut, again+":1") {
		t.Errorf("add again: the new line named as stored before: %q", errOut)
	}
	out, _, _ = storyline(t, "add", "--db", db, "--json", again)
	var sum struct {
		AlreadyStored int `json:"already_stored"`
		StoredBefore  []struct {
			Input, Article string
		} `json:"stored_before"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.AlreadyStored != 2 || len(sum.StoredBefore) != 2 ||
		sum.StoredBefore[1].Input != again+":2" || sum.StoredBefore[1].Article != "ferry-1" {
		t.Errorf("add --json: %s, want both lines named with their articles", out)
	}
}
