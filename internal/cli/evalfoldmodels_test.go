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
	set, models, cvOut := keepInventedFoldModels(t)
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

// TestEvalExtractTextFoldModelsSaysMarkupDumpsAreReadBySharedHTMLParts
// checks that `eval extract --text --fold-models` says how many dumps are
// HTML sources: the extractor reads them as HTML, and a text fold model
// holds the dump parts only (its HTML parts are the embedded model's,
// fitted on every set), so their figures are not held out like the rest.
func TestEvalExtractTextFoldModelsSaysMarkupDumpsAreReadBySharedHTMLParts(t *testing.T) {
	set, models, _ := keepInventedFoldModels(t)
	out, errOut, code := storyline(t, "eval", "extract", "--text", "--fold-models", models, "--workers", "1", set)
	if code != 0 || strings.Contains(out, "HTML source") {
		t.Fatalf("dumps that are text: exit %d, %s\n%s", code, errOut, out)
	}
	var source strings.Builder
	source.WriteString("Ferry fares 0 <html><head><title>Ferry fares 0</title></head><body><ul class=\"menu menu--main\">")
	for _, s := range []string{"news", "sport", "business", "weather", "letters", "jobs", "homes", "motors"} {
		source.WriteString(`<li class="menu__item"><a class="menu__link" href="https://calder.example/` + s + `/" title="Go to the ` + s + ` section">` + s + `</a></li>`)
	}
	source.WriteString("</ul><p>The harbour board of Calder voted 5 to 2 on Tuesday to raise ferry fares for the winter crossings.</p></body></html>")
	writeGzip(t, filepath.Join(set, "text", "p0.txt.gz"), source.String())
	out, errOut, code = storyline(t, "eval", "extract", "--text", "--fold-models", models, "--workers", "1", set)
	if code != 0 || !strings.Contains(out, "1 dump is an HTML source") || !strings.Contains(out, "in sample") {
		t.Errorf("a dump that is an HTML source: exit %d, %s; want the output to say it is read by the embedded model's HTML parts, in sample\n%s", code, errOut, out)
	}
}

// keepInventedFoldModels writes an invented set of text dumps and keeps
// the two site-fold models of a quick check on it; it returns the set's
// folder, the models' folder and the quick check's output.
func keepInventedFoldModels(t *testing.T) (set, models, out string) {
	t.Helper()
	set = filepath.Join(t.TempDir(), "invented")
	writeInventedExtractionSet(t, set)
	models = filepath.Join(t.TempDir(), "models")
	out, errOut, code := storyline(t, "eval", "extract", "--text", "--cv", "--site-folds", "2", "--keep-models", models,
		"--one-stage", "--trees", "3", "--depth", "2", "--min-leaf", "1e-6", "--workers", "1", set)
	if code != 0 {
		t.Fatalf("the quick check: exit %d: %s", code, errOut)
	}
	return set, models, out
}

// TestGoldKindIsRefusedOutsideHTMLFoldModels: --gold-kind reads HTML pages
// by kept fold models only, so without --fold-models, with --text (a dump's
// line features read the kind probabilities) or with --site-template it is
// a usage error that names the flag, before any page is read.
func TestGoldKindIsRefusedOutsideHTMLFoldModels(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"eval", "extract", "--gold-kind", dir},
		{"eval", "extract", "--gold-kind", "--fold-models", dir, "--text", dir},
		{"eval", "extract", "--gold-kind", "--fold-models", dir, "--site-template", dir},
	} {
		_, errOut, code := storyline(t, args...)
		if code != 2 || !strings.Contains(errOut, "--gold-kind scores HTML pages with --fold-models") {
			t.Errorf("storyline %s: exit %d, %q; want exit 2 and the refusal naming --gold-kind", strings.Join(args, " "), code, errOut)
		}
	}
}

// TestRefitKindsIsRefusedOutsideHTMLFoldModels: --refit-kinds refits the
// HTML kind classifiers of kept fold models, so without --fold-models, with
// --text or with --site-template it is a usage error naming the flag.
func TestRefitKindsIsRefusedOutsideHTMLFoldModels(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"eval", "extract", "--refit-kinds", dir},
		{"eval", "extract", "--refit-kinds", "--fold-models", dir, "--text", dir},
		{"eval", "extract", "--refit-kinds", "--fold-models", dir, "--site-template", dir},
	} {
		_, errOut, code := storyline(t, args...)
		if code != 2 || !strings.Contains(errOut, "--refit-kinds refits the kinds of HTML --fold-models") {
			t.Errorf("storyline %s: exit %d, %q; want exit 2 and the refusal naming --refit-kinds", strings.Join(args, " "), code, errOut)
		}
	}
}
