package cli

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTextSet writes a one-page benchmark set in ../shared/bench/extraction's
// layout: ground-truth.json and the page's text dump, gzipped.
func writeTextSet(t *testing.T, gold, dump string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tinyset")
	if err := os.MkdirAll(filepath.Join(dir, "text"), 0o755); err != nil {
		t.Fatal(err)
	}
	truth := `{"p1": {"articleBody": "` + gold + `", "url": "https://example.org/a", "page_type": "article"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(dump))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "text", "p1.txt.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// eval extract --baseline scores the README's text-dump baselines on a set,
// per page type, and refuses HTML and fitting runs.
func TestEvalExtractTextBaseline(t *testing.T) {
	gold := "The council voted on Tuesday to reopen the harbour bridge after three years of repairs."
	set := writeTextSet(t, gold, "Home | News | Sport\n"+gold+"\nSubscribe\n")
	out, errOut, code := storyline(t, "eval", "extract", "--text", "--baseline", "c4", set)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "tinyset") || !strings.Contains(out, "wcxb article") || !strings.Contains(out, "F1 1.000") {
		t.Errorf("c4 on a dump whose one sentence is the gold: want the set and its article type at F1 1.000, got\n%s", out)
	}
	out, _, _ = storyline(t, "eval", "extract", "--text", "--baseline", "all-text", set)
	if strings.Contains(out, "F1 1.000") {
		t.Errorf("all-text keeps the menu too, so it cannot score 1: got\n%s", out)
	}
	for _, args := range [][]string{
		{"--baseline", "c4"},
		{"--text", "--baseline", "c9"},
		{"--text", "--cv", "--baseline", "c4"},
	} {
		_, errOut, code := storyline(t, append(append([]string{"eval", "extract"}, args...), set)...)
		if code != 2 || !strings.Contains(errOut, "--baseline") {
			t.Errorf("%v: exit %d, %q; want a usage error naming --baseline", args, code, errOut)
		}
	}
}
