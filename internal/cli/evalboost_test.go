package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

// TestExtractBoostFlagsReadEveryOption checks that each boosting flag of
// `eval extract` lands in its own field of the options the fit is given.
func TestExtractBoostFlagsReadEveryOption(t *testing.T) {
	fs := flag.NewFlagSet("eval extract", flag.ContinueOnError)
	boost := extractBoostFlags(fs)
	if got := boost(); got != (learn.BoostOptions{Seed: 1}) {
		t.Errorf("without flags: %+v, want learn's defaults (zero values) and seed 1", got)
	}
	err := fs.Parse([]string{"--trees", "150", "--depth", "4", "--subsample", "0.5", "--rate", "0.05", "--min-leaf", "20",
		"--l2", "5", "--feature-sample", "0.7", "--bins", "128", "--seed", "3"})
	if err != nil {
		t.Fatal(err)
	}
	want := learn.BoostOptions{Trees: 150, Depth: 4, Subsample: 0.5, LearningRate: 0.05, MinLeaf: 20, L2: 5,
		FeatureSample: 0.7, Bins: 128, Seed: 3}
	if got := boost(); got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestEvalExtractFitHonoursBoostFlags fits a model on a tiny invented set and
// reads the block classifier it wrote: --trees sets its number of trees, a
// tiny --min-leaf lets its trees split, and the default least leaf (which
// these few pages' weights cannot reach) leaves every tree a single leaf.
func TestEvalExtractFitHonoursBoostFlags(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "invented")
	writeInventedExtractionSet(t, dir)
	fitBlocks := func(flags ...string) *learn.Boosted {
		t.Helper()
		out := filepath.Join(t.TempDir(), "model.json")
		args := append([]string{"eval", "extract", "--fit", out, "--one-stage", "--workers", "1"}, flags...)
		if _, errOut, code := storyline(t, append(args, dir)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", flags, code, errOut)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var m struct{ Blocks *learn.Boosted }
		if err := json.Unmarshal(raw, &m); err != nil || m.Blocks == nil {
			t.Fatalf("model: %v (blocks %v)", err, m.Blocks)
		}
		return m.Blocks
	}
	split := func(b *learn.Boosted) bool {
		for _, tr := range b.Trees {
			if len(tr.Nodes) > 1 {
				return true
			}
		}
		return false
	}
	// The rows' weights are words over the page's gold words, so six small
	// pages hold too little hessian for the default least leaf of 1.
	free := fitBlocks("--trees", "3", "--depth", "2", "--min-leaf", "1e-6")
	if len(free.Trees) != 3 || !split(free) {
		t.Fatalf("--trees 3 --min-leaf 1e-6: %d trees, some split %v; want 3 trees that split", len(free.Trees), split(free))
	}
	if held := fitBlocks("--trees", "3", "--depth", "2"); split(held) {
		t.Errorf("default --min-leaf: a tree split on six small pages")
	}
}

// writeInventedExtractionSet writes a set in the benchmark layout
// (ground-truth.json, html/ and text/ gzipped) of six invented pages, each an
// article of three paragraphs between a menu and a footer.
func writeInventedExtractionSet(t *testing.T, dir string) {
	t.Helper()
	for _, sub := range []string{"html", "text"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	type gold struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	truth := map[string]gold{}
	for i := range 6 {
		id := fmt.Sprintf("p%d", i)
		paras := []string{
			fmt.Sprintf("The harbour board of Calder voted %d to 2 on Tuesday to raise ferry fares for the winter crossings.", i+5),
			"Members said the old boats burn more fuel each year and the repairs had run well over the budget set in spring.",
			"Commuters who cross twice a day told the meeting that the rise would cost them a week of wages over the season.",
		}
		var body strings.Builder
		fmt.Fprintf(&body, "<html><head><title>Ferry fares %d</title></head><body><nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav><article>", i)
		for _, p := range paras {
			fmt.Fprintf(&body, "<p>%s</p>", p)
		}
		body.WriteString("</article><footer class=\"site-footer\">Copyright Calder Weekly. All rights reserved. Contact us.</footer></body></html>")
		text := "Home News Sport\n" + strings.Join(paras, "\n") + "\nCopyright Calder Weekly. All rights reserved.\n"
		writeGzip(t, filepath.Join(dir, "html", id+".html.gz"), body.String())
		writeGzip(t, filepath.Join(dir, "text", id+".txt.gz"), text)
		truth[id] = gold{ArticleBody: strings.Join(paras, "\n"), URL: fmt.Sprintf("https://site%d.example/news/ferry-fares", i)}
	}
	raw, err := json.Marshal(truth)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeGzip(t *testing.T, path, s string) {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
