package eval

// A reading aid for held-out text dumps (session 30, issue 13 point 5):
// is a page type's loss the line threshold's or the line classifier's
// ranking? See TestDumpPageThresholdOracle.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestDumpPageThresholdOracle reads the held-out wcxb dumps (the quick
// check's kept site-fold models, STORYLINE_DUMP_ORACLE) by page type and
// asks whether their loss is the threshold's or the ranking's: the mean
// token F1 of each page's lines kept at its own threshold (as the model
// reads it, before rules and bridges), at the best threshold of the grid
// for that page (an oracle no extractor has), and the mean within-page
// AUC of the line probabilities, gold lines (cover at least 0.5) against
// the others, token-weighted.
//
//	STORYLINE_DUMP_ORACLE=/tmp/models go test ./internal/eval -run TestDumpPageThresholdOracle -v
func TestDumpPageThresholdOracle(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_ORACLE")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_ORACLE to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), "wcxb"), true)
	if err != nil {
		t.Fatal(err)
	}
	type acc struct{ n, asRead, oracle, auc, aucN, thRead, thBest float64 }
	by := map[string]*acc{}
	for _, p := range pages {
		ls, th, _ := models[siteFold(p.Site, k)].TraceDump(p.Page, p.Gold)
		if len(ls) == 0 {
			continue
		}
		a := by[p.PageType]
		if a == nil {
			a = &acc{}
			by[p.PageType] = a
		}
		a.n++
		a.asRead += linesF1(ls, th)
		best, bestTh := -1.0, 0.0
		for step := 0; step <= 38; step++ {
			x := 0.025 * float64(step)
			if f := linesF1(ls, x); f > best {
				best, bestTh = f, x
			}
		}
		a.oracle += best
		a.thRead += th
		a.thBest += bestTh
		if auc, ok := linesAUC(ls); ok {
			a.auc += auc
			a.aucN++
		}
	}
	var b strings.Builder
	for _, ty := range []string{"article", "listing", "forum", "product", "documentation", "service", "collection"} {
		a := by[ty]
		if a == nil {
			continue
		}
		fmt.Fprintf(&b, "%-14s %4.0f pages  F1 as read %.3f (threshold %.3f)  best threshold per page %.3f (threshold %.3f)  within-page AUC %.3f (%.0f pages)\n",
			ty, a.n, a.asRead/a.n, a.thRead/a.n, a.oracle/a.n, a.thBest/a.n, a.auc/max(1, a.aucN), a.aucN)
	}
	t.Log("\n" + b.String())
}

// linesF1 is the token F1 of a dump's lines kept at threshold th against
// their gold cover: precision the gold share of the kept tokens, recall
// the kept share of the gold tokens (0 when nothing is kept or no gold).
func linesF1(ls []extract.DumpLineTrace, th float64) float64 {
	var kept, keptGold, gold float64
	for _, l := range ls {
		n := float64(len(strings.Fields(l.Text)))
		g := n * l.Cover
		gold += g
		if l.Prob >= th {
			kept += n
			keptGold += g
		}
	}
	if kept == 0 || gold == 0 || keptGold == 0 {
		return 0
	}
	p, r := keptGold/kept, keptGold/gold
	return 2 * p * r / (p + r)
}

// linesAUC is the token-weighted share of (gold, other) line pairs whose
// probabilities are ordered right; false when the dump lacks either.
func linesAUC(ls []extract.DumpLineTrace) (float64, bool) {
	var right, all float64
	for _, g := range ls {
		if g.Cover < 0.5 {
			continue
		}
		wg := float64(len(strings.Fields(g.Text)))
		for _, o := range ls {
			if o.Cover >= 0.5 {
				continue
			}
			w := wg * float64(len(strings.Fields(o.Text)))
			all += w
			switch {
			case g.Prob > o.Prob:
				right += w
			case g.Prob == o.Prob:
				right += w / 2
			}
		}
	}
	return right / max(1, all), all > 0
}
