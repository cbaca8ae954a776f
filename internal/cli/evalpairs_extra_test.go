package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// eval pairs --extra fits features measured outside storyline beside the
// pair features, held out only: a built-in model cannot read them.
func TestEvalPairsExtra(t *testing.T) {
	dir := t.TempDir()
	pairs, extra := filepath.Join(dir, "p.pairs.jsonl"), filepath.Join(dir, "p.extra.jsonl")
	texts := [][2]string{
		{"The mayor opened the new bridge on Monday.", "On Monday the mayor opened the new bridge over the river."},
		{"The mayor opened the new bridge on Monday.", "Heavy rain flooded the valley overnight."},
		{"The festival drew ten thousand visitors.", "Ten thousand visitors came to the festival."},
		{"The festival drew ten thousand visitors.", "The airport will close a runway for repairs."},
	}
	var pl, xl []string
	for i, tx := range texts {
		label := 1 - i%2
		b, _ := json.Marshal(map[string]any{"text1": tx[0], "text2": tx[1], "label": label, "cluster": []string{"s1", "s2"}[i/2]})
		pl = append(pl, string(b))
		b, _ = json.Marshal(map[string]any{"text1": tx[0], "text2": tx[1], "features": []float64{float64(label)}})
		xl = append(xl, string(b))
	}
	for path, lines := range map[string][]string{pairs: pl, extra: xl} {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, errOut, code := storyline(t, "eval", "pairs", "--mode", "fact", "--cv", "2", "--extra", extra, pairs)
	if code != 0 || !strings.Contains(stdout, "4 pairs") {
		t.Fatalf("eval pairs --cv --extra: exit %d, %s %s", code, stdout, errOut)
	}
	_, errOut, code = storyline(t, "eval", "pairs", "--mode", "fact", "--extra", extra, pairs)
	if code == 0 || !strings.Contains(errOut, "--extra needs --cv or --loso") {
		t.Errorf("eval pairs --extra with the built-in model: exit %d, %s", code, errOut)
	}
}
