package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// eval MODE --json prints one JSON object: the mode's reports with their
// figures, and the lines it printed.
func TestEvalJSON(t *testing.T) {
	dir := t.TempDir()
	pairs := filepath.Join(dir, "p.pairs.jsonl")
	lines := `{"id1":"a","id2":"b","text1":"The mayor opened the new bridge on Monday.","text2":"On Monday the mayor opened the new bridge.","label":1}
{"id1":"c","id2":"d","text1":"The mayor opened the new bridge on Monday.","text2":"Heavy rain flooded the valley overnight.","label":0}
`
	if err := os.WriteFile(pairs, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"pairs", "derive"} {
		out, errOut, code := storyline(t, "eval", mode, "--json", pairs)
		var got struct {
			Command string
			Reports []struct {
				Kind   string
				Report map[string]any
			}
			Output []string
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
			t.Fatalf("eval %s --json: exit %d, %v, stdout %q, stderr %q", mode, code, err, out, errOut)
		}
		if strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("eval %s --json printed more than one line: %q", mode, out)
		}
		if got.Command != "eval "+mode || len(got.Reports) != 1 || got.Reports[0].Report["Pairs"] != 2.0 || len(got.Output) == 0 {
			t.Errorf("eval %s --json = %+v", mode, got)
		}
		if _, ok := got.Reports[0].Report["F1"].(float64); !ok {
			t.Errorf("eval %s --json: no F1 figure in %v", mode, got.Reports[0].Report)
		}
	}
	// Without --json the lines are as before.
	out, _, _ := storyline(t, "eval", "pairs", pairs)
	if !strings.HasPrefix(out, pairs+": 2 pairs") {
		t.Errorf("eval pairs without --json: %q", out)
	}
	out, _, _ = storyline(t, "eval", "quotes", "--help")
	if !strings.Contains(out, "--json") {
		t.Errorf("eval quotes --help lists no --json: %q", out)
	}
}

func TestJSONSafe(t *testing.T) {
	type inner struct {
		P, R  float64
		Label string
	}
	type rep struct {
		Name    string `json:"name"`
		F1      float64
		Skip    string `json:"-"`
		Empty   string `json:",omitempty"`
		Took    time.Duration
		ByKind  map[int]*inner
		None    []int
		private int
		inner
	}
	got := jsonSafe(reflect.ValueOf(rep{Name: "x", F1: math.NaN(), Skip: "s", Took: 1500 * time.Millisecond,
		ByKind: map[int]*inner{1: {P: math.Inf(1), R: 0.5}}, private: 1, inner: inner{P: 0.25, Label: "l"}}))
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"ByKind":{"1":{"Label":"","P":null,"R":0.5}},"F1":null,"Label":"l","None":[],"P":0.25,"R":0,"Took":1.5,"name":"x"}`
	if string(b) != want {
		t.Errorf("jsonSafe = %s\nwant       %s", b, want)
	}
}
