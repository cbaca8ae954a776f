package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEvalExtractFoldModelsScoresEachPageByItsKeptFoldModel keeps the two
// site-fold models of a quick check on an invented set of text dumps and
// scores the set again with --fold-models alone: each page read by the
// model of its fold gives the run's own held-out figures, line for line.
func TestEvalExtractFoldModelsScoresEachPageByItsKeptFoldModel(t *testing.T) {
	set := filepath.Join(t.TempDir(), "invented")
	writeInventedExtractionSet(t, set)
	models := filepath.Join(t.TempDir(), "models")
	cvOut, errOut, code := storyline(t, "eval", "extract", "--text", "--cv", "--site-folds", "2", "--keep-models", models,
		"--one-stage", "--trees", "3", "--depth", "2", "--min-leaf", "1e-6", "--workers", "1", set)
	if code != 0 {
		t.Fatalf("the quick check: exit %d: %s", code, errOut)
	}
	out, errOut, code := storyline(t, "eval", "extract", "--text", "--fold-models", models, "--workers", "1", set)
	if code != 0 {
		t.Fatalf("--fold-models: exit %d: %s", code, errOut)
	}
	setLine := regexp.MustCompile(`(?m)^invented\s+6 pages\s+F1 \S+\s+P \S+\s+R \S+$`)
	want, got := setLine.FindString(cvOut), setLine.FindString(out)
	if want == "" || got != want {
		t.Errorf("the set's held-out line: --fold-models %q, the run that kept the models %q\n%s", got, want, out)
	}
	if !strings.Contains(out, "each page by the model of its site fold of 2 in "+models) {
		t.Errorf("the output does not say its figures are held out by the 2 fold models:\n%s", out)
	}
	_, errOut, code = storyline(t, "eval", "extract", "--text", "--fold-models", t.TempDir(), set)
	if code != 1 || !strings.Contains(errOut, "site-fold-F-of-K.json") {
		t.Errorf("a folder without fold models: exit %d, %q; want exit 1 and an error naming the files it lacks", code, errOut)
	}
}
