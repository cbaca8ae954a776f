package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// eval pairs --scores writes every pair of the file with its held-out score
// and decision, in the file's order, so that the errors of a
// cross-validated run can be read; the JSON report does not carry them.
func TestEvalPairsScores(t *testing.T) {
	dir := t.TempDir()
	pairs := filepath.Join(dir, "p.pairs.jsonl")
	var lines []string
	type row struct {
		ID1     string `json:"id1"`
		ID2     string `json:"id2"`
		Text1   string `json:"text1"`
		Text2   string `json:"text2"`
		Label   int    `json:"label"`
		Cluster string `json:"cluster"`
	}
	rows := []row{
		{"a1", "b1", "The mayor opened the new bridge on Monday.", "On Monday the mayor opened the new bridge over the river.", 1, "s1"},
		{"a2", "b2", "The mayor opened the new bridge on Monday.", "Heavy rain flooded the valley overnight.", 0, "s1"},
		{"a3", "b3", "Firefighters put out a blaze at the old mill.", "A blaze at the old mill was put out by firefighters.", 1, "s1"},
		{"a4", "b4", "Firefighters put out a blaze at the old mill.", "The council approved the school budget.", 0, "s1"},
		{"c1", "d1", "The festival drew ten thousand visitors.", "Ten thousand visitors came to the festival.", 1, "s2"},
		{"c2", "d2", "The festival drew ten thousand visitors.", "The airport will close a runway for repairs.", 0, "s2"},
		{"c3", "d3", "The striker scored twice in the final.", "In the final the striker scored two goals.", 1, "s2"},
		{"c4", "d4", "The striker scored twice in the final.", "Prices of bread rose in the spring.", 0, "s2"},
	}
	for _, r := range rows {
		b, _ := json.Marshal(r)
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(pairs, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "scores.jsonl")
	stdout, errOut, code := storyline(t, "eval", "pairs", "--mode", "fact", "--cv", "2", "--scores", out, pairs)
	if code != 0 {
		t.Fatalf("eval pairs --scores: exit %d, %s %s", code, stdout, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(got) != len(rows) {
		t.Fatalf("%d score lines for %d pairs: %q", len(got), len(rows), data)
	}
	for i, l := range got {
		var s struct {
			File  string
			Index int
			Label bool
			Score *float64
			Same  bool
			Text1 string
			Text2 string
		}
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatalf("line %d: %v: %q", i, err, l)
		}
		if s.File != pairs || s.Index != i || s.Label != (rows[i].Label == 1) || s.Text1 != rows[i].Text1 || s.Text2 != rows[i].Text2 {
			t.Errorf("line %d = %+v, want pair %d of %s", i, s, i, pairs)
		}
		if s.Score == nil || *s.Score < 0 || *s.Score > 1 {
			t.Errorf("line %d: score %v, want a probability", i, s.Score)
		}
	}
	// The JSON report keeps its figures only.
	stdout, _, _ = storyline(t, "eval", "pairs", "--mode", "fact", "--cv", "2", "--json", pairs)
	if strings.Contains(stdout, `"Scores"`) || strings.Contains(stdout, rows[0].Text2) {
		t.Errorf("eval pairs --json carries the pairs: %q", stdout)
	}
}
