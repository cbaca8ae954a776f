package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// writeSet writes a small extraction set in the layout of
// ../shared/bench/extraction: pages of a menu, an article and a footer, on
// sites named by prefix, as HTML and as text dumps.
func writeSet(t *testing.T, dir, prefix string, n int) {
	t.Helper()
	os.MkdirAll(filepath.Join(dir, "html"), 0o755)
	os.MkdirAll(filepath.Join(dir, "text"), 0o755)
	gz := func(path, s string) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gold := map[string]map[string]string{}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%s%02d", prefix, i)
		var paras []string
		for p := 0; p < 3; p++ {
			paras = append(paras, fmt.Sprintf("The %s council met on day %d to vote on plan %d, and the vote passed after a long debate.", prefix, i, p))
		}
		page := fmt.Sprintf(`<html><body><nav class="menu"><a href="/">Home</a> <a href="/a">Archive</a></nav><div class="body"><p>%s</p></div><footer>Copyright %s %d</footer></body></html>`,
			strings.Join(paras, "</p><p>"), prefix, i)
		gz(filepath.Join(dir, "html", id+".html.gz"), page)
		gz(filepath.Join(dir, "text", id+".txt.gz"), fmt.Sprintf("Home\nArchive\n%s\nCopyright %s %d\n", strings.Join(paras, "\n"), prefix, i))
		gold[id] = map[string]string{"articleBody": strings.Join(paras, "\n"), "url": fmt.Sprintf("https://%s%d.example/news/%d", prefix, i%4, i)}
	}
	raw, _ := json.Marshal(gold)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCrossValidateExtraction: every set is scored once by a model fitted
// without it, and the site-grouped folds of one set score each of its pages
// once; the held-out scores are real (a model that learned the article
// scores well on pages it never saw).
func TestCrossValidateExtraction(t *testing.T) {
	root := t.TempDir()
	var pages []LabelledPage
	for _, set := range []string{"alpha", "beta"} {
		writeSet(t, filepath.Join(root, set), set, 12)
		ps, err := LoadExtractionSet(filepath.Join(root, set), false)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	rep, err := CrossValidateExtraction(context.Background(), pages, CVOptions{
		Fit:         extract.FitOptions{Boost: learn.BoostOptions{Trees: 20, Depth: 3, MinLeaf: 0.01}, OneStage: true, MinSites: 2},
		SiteFoldSet: "beta", Folds: 2, Workers: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.LeaveOneSetOut) != 2 {
		t.Fatalf("leave-one-set-out folds = %d, want 2", len(rep.LeaveOneSetOut))
	}
	for _, f := range rep.LeaveOneSetOut {
		if f.Pages != 12 || f.F1 < 0.9 {
			t.Errorf("%s: %d pages, F1 %.3f; want 12 pages and F1 >= 0.9", f.Name, f.Pages, f.F1)
		}
	}
	if rep.SiteFolds == nil || rep.SiteFolds.Pages != 12 {
		t.Fatalf("site folds = %+v, want the 12 pages of beta", rep.SiteFolds)
	}
	seen := map[string]bool{}
	for _, r := range rep.SiteFolds.Results {
		if seen[r.ID] {
			t.Errorf("page %s scored twice", r.ID)
		}
		seen[r.ID] = true
	}
}

// twoDumpSets is two labelled sets of 12 text dumps each.
func twoDumpSets(t *testing.T) []LabelledPage {
	t.Helper()
	return twoDumpSetsOf(t, 12)
}

// twoDumpSetsOf is two labelled sets, alpha and beta, of n text dumps each
// (writeSet's).
func twoDumpSetsOf(t *testing.T, n int) []LabelledPage {
	t.Helper()
	root := t.TempDir()
	var pages []LabelledPage
	for _, set := range []string{"alpha", "beta"} {
		writeSet(t, filepath.Join(root, set), set, n)
		ps, err := LoadExtractionSet(filepath.Join(root, set), true)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	return pages
}

// dumpCVOptions fit small line classifiers, enough for twoDumpSets.
var dumpCVOptions = CVOptions{
	Fit:     extract.FitOptions{Boost: learn.BoostOptions{Trees: 20, Depth: 3, MinLeaf: 0.01}, OneStage: true, MinSites: 2, Lines: true},
	Workers: 2,
}

// TestCrossValidateExtractionOfTextDumps: held out, a line classifier keeps
// the dumps' paragraphs, and a line threshold and its blend by the article
// probability are chosen on out-of-fold probabilities, the blend also for
// each fold (a variant) on the dumps it does not score.
func TestCrossValidateExtractionOfTextDumps(t *testing.T) {
	pages := twoDumpSets(t)
	for i := range pages {
		// Kinds, so that the dump kind classifiers are fitted and the line
		// thresholds can blend by the article probability.
		pages[i].Kind = []string{"article", "listing"}[i%2]
	}
	rep, err := CrossValidateExtraction(context.Background(), pages, dumpCVOptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.LeaveOneSetOut {
		if f.Pages != 12 || f.F1 < 0.9 {
			t.Errorf("%s: %d pages, F1 %.3f; want 12 pages and F1 >= 0.9", f.Name, f.Pages, f.F1)
		}
	}
	if !(rep.LineThreshold > 0 && rep.LineThreshold < 1) {
		t.Errorf("out-of-fold line threshold = %.3f, want in (0, 1)", rep.LineThreshold)
	}
	if !(rep.LineArticleThreshold > 0 && rep.LineArticleThreshold < 1 && rep.LineOtherThreshold > 0 && rep.LineOtherThreshold < 1) {
		t.Errorf("out-of-fold blend of line thresholds = article %.3f, other %.3f, want both in (0, 1)", rep.LineArticleThreshold, rep.LineOtherThreshold)
	}
	i := slices.IndexFunc(rep.Variants, func(v CVVariant) bool { return v.Name == oofLineBlendVariant })
	if i < 0 {
		t.Fatalf("no variant %q among %d", oofLineBlendVariant, len(rep.Variants))
	}
	for _, f := range rep.Variants[i].LeaveOneSetOut {
		if f.Pages != 12 || f.F1 < 0.9 {
			t.Errorf("%s, %s: %d pages, F1 %.3f; want 12 pages and F1 >= 0.9", oofLineBlendVariant, f.Name, f.Pages, f.F1)
		}
	}
	if !(rep.BoundedLineArticleThreshold > 0 && rep.BoundedLineArticleThreshold < 1 && rep.BoundedLineOtherThreshold > 0 && rep.BoundedLineOtherThreshold < 1) {
		t.Errorf("out-of-fold bounded blend of line thresholds = article %.3f, other %.3f, want both in (0, 1)", rep.BoundedLineArticleThreshold, rep.BoundedLineOtherThreshold)
	}
	b := slices.IndexFunc(rep.Variants, func(v CVVariant) bool { return v.Name == boundedLineBlendVariant })
	if b < 0 {
		t.Fatalf("no variant %q among %d", boundedLineBlendVariant, len(rep.Variants))
	}
	for _, f := range rep.Variants[b].LeaveOneSetOut {
		if f.Pages != 12 || f.F1 < 0.9 {
			t.Errorf("%s, %s: %d pages, F1 %.3f; want 12 pages and F1 >= 0.9", boundedLineBlendVariant, f.Name, f.Pages, f.F1)
		}
	}
}

// TestCrossValidateBySite: every page of every set is scored once, by a
// model fitted on the other folds' sites, and the scores split back by set;
// the same folds are scored again with thresholds chosen on the other
// folds' out-of-fold probabilities, with thresholds by the dumps' predicted
// kind chosen so, and with one line threshold instead of the
// blend by the dumps' article probability.
func TestCrossValidateBySite(t *testing.T) {
	pages := twoDumpSets(t)
	pooled, variants, err := CrossValidateBySite(context.Background(), pages, dumpCVOptions, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(variants) != 3 || variants[1].Name != lineKindVariant || variants[2].Name != oneLineThresholdVariant {
		t.Fatalf("variants %+v; want out-of-fold thresholds, %q and %q", variants, lineKindVariant, oneLineThresholdVariant)
	}
	for _, v := range variants {
		if v.SiteFolds == nil || v.SiteFolds.Pages != 24 || v.SiteFolds.F1 < 0.9 {
			t.Errorf("variant %q %+v; want it scoring the 24 pages at F1 >= 0.9", v.Name, v.SiteFolds)
		}
	}
	if pooled.Pages != 24 || pooled.F1 < 0.9 {
		t.Errorf("%d pages F1 %.3f; want 24 pages and F1 >= 0.9", pooled.Pages, pooled.F1)
	}
	seen := map[string]bool{}
	for _, r := range pooled.Results {
		if seen[r.ID] {
			t.Errorf("page %s scored twice", r.ID)
		}
		seen[r.ID] = true
	}
	if by := pooled.BySet(); len(by["alpha"]) != 12 || len(by["beta"]) != 12 {
		t.Errorf("by set: alpha %d, beta %d pages; want 12 each", len(by["alpha"]), len(by["beta"]))
	}
}

// TestPoolFoldsKinds checks that pooling folds adds up their kind
// confusions, type by predicted kind.
func TestPoolFoldsKinds(t *testing.T) {
	a := FoldScore{KindPred: map[string]map[string]int{"listing": {"article": 2, "listing": 1}}}
	b := FoldScore{KindPred: map[string]map[string]int{"listing": {"article": 1}, "product": {"product": 3}}}
	got := poolFolds("pooled", []FoldScore{a, b}).KindPred
	if got["listing"]["article"] != 3 || got["listing"]["listing"] != 1 || got["product"]["product"] != 3 || len(got) != 2 {
		t.Errorf("pooled kinds = %v", got)
	}
}

// TestDropFirstLineVariant: with DropFirstLine the site folds' models score
// every dump again without its first line ("Home" in these dumps, whose
// loss costs no gold), as a variant of its own; HTML pages are untouched.
func TestDropFirstLineVariant(t *testing.T) {
	pages := twoDumpSets(t)
	dropped := WithoutFirstLine(pages)
	if !strings.HasPrefix(string(dropped[0].Page.Body), "Archive\n") || !strings.HasPrefix(string(pages[0].Page.Body), "Home\n") {
		t.Fatalf("WithoutFirstLine: %q (from %q)", dropped[0].Page.Body[:20], pages[0].Page.Body[:20])
	}
	opt := dumpCVOptions
	opt.DropFirstLine = true
	_, variants, err := CrossValidateBySite(context.Background(), pages, opt, 2)
	if err != nil {
		t.Fatal(err)
	}
	if last := variants[len(variants)-1]; last.Name != noTitleVariant || last.SiteFolds.Pages != 24 || last.SiteFolds.F1 < 0.9 {
		t.Errorf("variants %+v; want the last one scoring the 24 dumps without their first line at F1 >= 0.9", variants)
	}
}

// TestCrossValidateBySiteCancelledInTheBlendVariant: a run cancelled while
// the folds are scored again with one line threshold returns the
// cancellation, not figures of folds it never scored.
func TestCrossValidateBySiteCancelledInTheBlendVariant(t *testing.T) {
	pages := twoDumpSets(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt := dumpCVOptions
	opt.Progress = func(s string) {
		// The out-of-fold thresholds' last fold is scored: the blend's
		// variant comes next.
		if strings.HasPrefix(s, "out-of-fold thresholds, site fold 2/2") {
			cancel()
		}
	}
	_, variants, err := CrossValidateBySite(ctx, pages, opt, 2)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v with the run cancelled before the blend's variant (variants %d); want context.Canceled", err, len(variants))
	}
}

// TestScoreOutputsNamesEachPagesKind checks that each page's result carries
// the kind extraction gave it, so that a run's JSON tells a page's kind
// beside its score ("" where none was given).
func TestScoreOutputsNamesEachPagesKind(t *testing.T) {
	pages := []LabelledPage{
		{Set: "web", PageType: "listing", Gold: "Ferry timetable for the winter crossings", Page: news.Page{ID: "a"}},
		{Set: "web", Gold: "Harbour board votes on fares", Page: news.Page{ID: "b"}},
	}
	fs := scoreOutputs("kinds", pages, []string{"Ferry timetable for the winter crossings", ""}, []string{"article", ""})
	if len(fs.Results) != 2 || fs.Results[0].Kind != "article" || fs.Results[1].Kind != "" {
		t.Errorf("results %+v; want the first page's kind article, the second's none", fs.Results)
	}
	if fs.KindPred["listing"]["article"] != 1 {
		t.Errorf("kind confusion %v; want the listing counted as called an article", fs.KindPred)
	}
}
