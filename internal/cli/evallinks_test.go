package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The built-in link model is fitted on the repository's labels: scored on
// them (--check alone) its figures are in sample and say so, whether the
// file is named from the repository's root or another folder; other files
// are not.
func TestBuiltinFittedOn(t *testing.T) {
	other := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"../compare/models/links.labels.tsv":       true,
		"internal/compare/models/links.labels.tsv": true,
		other:                         false,
		"../compare/models/link.json": false,
	} {
		if got := builtinFittedOn(path); got != want {
			t.Errorf("builtinFittedOn(%q) = %v, want %v", path, got, want)
		}
	}
}

// eval links --check alone on the labels the built-in model was fitted on
// calls its figures in sample, not held out (skipped without ../shared).
func TestEvalLinksCheckInSample(t *testing.T) {
	bench := "../../../shared/bench/stories"
	if _, err := os.Stat(bench); err != nil {
		t.Skip("no bench files:", err)
	}
	out, errOut, code := storyline(t, "eval", "links", "--bench", bench, "--check", "../compare/models/links.labels.tsv")
	if code != 0 || strings.Count(out, "(in sample: the built-in model was fitted on these labels") != 6 || strings.Contains(out, "fitted on other labels") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant six sets (bench files) marked in sample", code, errOut, out)
	}
}
