package eval

// A study of the blend of line thresholds (session 30, issue 13 point 5):
// the quick check's kept site-fold models (STORYLINE_DUMP_BLEND, as
// TestDumpTrace's folder) score every dump of the eight sets again, first
// as fitted (the blend pair chosen on the fitting dumps' in-sample line
// probabilities), then with the pair chosen on the out-of-fold line and
// article probabilities of the other fold's dumps (Model.ChooseLineBlend),
// as the quick check's out-of-fold variant chooses the one threshold. It
// also prints how the held-out article probability reads by wcxb page type.
//
//	STORYLINE_DUMP_BLEND=/tmp/models go test ./internal/eval -run TestDumpBlend -v

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

func TestDumpBlend(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_BLEND")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_BLEND to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	bench := extractionBenchDir()
	news := []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos"}
	sets := append(slices.Clone(news), "cleaneval", "readability", "wcxb")
	var pages []LabelledPage
	for _, set := range sets {
		ps, err := LoadExtractionSet(filepath.Join(bench, set), true)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	ctx := context.Background()
	v := extract.NewVocab()
	prep, err := prepareAll(ctx, pages, v, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	held := make([]*extract.HeldOut, k)
	for f, m := range models {
		held[f] = m.HeldOut(v)
	}
	probs := make([][]float64, len(prep))
	pa := make([]float64, len(prep))
	for i, p := range prep {
		h := held[siteFold(p.Site, k)]
		probs[i], pa[i] = h.Probs(p.sample), h.ArticleProb(p.sample)
	}
	var b strings.Builder
	articleProbByType(&b, prep, pa)
	oof := make([]*extract.Model, k)
	for f, fm := range models {
		var ss []*extract.Sample
		var ps [][]float64
		var as []float64
		for i, p := range prep {
			if siteFold(p.Site, k) != f {
				ss, ps, as = append(ss, p.sample), append(ps, probs[i]), append(as, pa[i])
			}
		}
		m := *fm
		m.ChooseLineBlend(ss, ps, as)
		oof[f] = &m
		fmt.Fprintf(&b, "fold %d: as fitted one %.3f %s; out of fold one %.3f %s\n", f+1, fm.LineThreshold, lineBlend(fm), m.LineThreshold, lineBlend(&m))
	}
	for _, run := range []struct {
		name string
		ms   []*extract.Model
	}{{"as fitted", models}, {"pair chosen out of fold", oof}} {
		outs, _ := extractOutputs(ctx, pages, 1, func(p LabelledPage) *extract.Model { return run.ms[siteFold(p.Site, k)] })
		fmt.Fprintf(&b, "--- %s\n", run.name)
		printDumpScores(&b, pages, outs, news)
	}
	t.Log("\n" + b.String())
}

// articleProbByType prints the held-out article probabilities of wcxb's
// dumps by gold page type (mean, share over 0.6 and under 0.3) and of the
// other sets' dumps.
func articleProbByType(b *strings.Builder, prep []prepared, pa []float64) {
	by := map[string][]float64{}
	for i, p := range prep {
		ty := "other sets"
		if p.Set == "wcxb" {
			ty = "wcxb " + p.PageType
		}
		by[ty] = append(by[ty], pa[i])
	}
	var art, non []float64
	for ty, xs := range by {
		switch {
		case ty == "wcxb article":
			art = append(art, xs...)
		case strings.HasPrefix(ty, "wcxb "):
			non = append(non, xs...)
		}
	}
	fmt.Fprintf(b, "wcxb article probability AUC, articles against the other types: %.3f\n", rankAUC(art, non))
	var keys []string
	for ty := range by {
		keys = append(keys, ty)
	}
	slices.Sort(keys)
	for _, ty := range keys {
		var sum, hi, lo float64
		for _, x := range by[ty] {
			sum += x
			if x > 0.6 {
				hi++
			}
			if x < 0.3 {
				lo++
			}
		}
		n := float64(len(by[ty]))
		fmt.Fprintf(b, "article probability %-20s %4d dumps  mean %.3f  over 0.6 %.2f  under 0.3 %.2f\n", ty, len(by[ty]), sum/n, hi/n, lo/n)
	}
}

// printDumpScores prints the F1 of each set, wcxb's page types and the
// pools, of the extracted texts outs of pages.
func printDumpScores(b *strings.Builder, pages []LabelledPage, outs []string, news []string) {
	bySet := map[string][]PageScore{}
	types := map[string][]PageScore{}
	var sets []string
	var five, all []PageScore
	for i, p := range pages {
		s := ScorePage(p.Gold, outs[i])
		if !slices.Contains(sets, p.Set) {
			sets = append(sets, p.Set)
		}
		bySet[p.Set] = append(bySet[p.Set], s)
		if p.Set == "wcxb" && p.PageType != "" {
			types[p.PageType] = append(types[p.PageType], s)
		}
		all = append(all, s)
		if slices.Contains(news, p.Set) {
			five = append(five, s)
		}
	}
	line := func(name string, ss []PageScore) {
		p, r, f := CorpusScore(ss)
		fmt.Fprintf(b, "%-22s %4d  F1 %.4f  P %.3f  R %.3f\n", name, len(ss), f, p, r)
	}
	for _, set := range sets {
		line(set, bySet[set])
	}
	for _, ty := range []string{"article", "listing", "forum", "product", "documentation", "service", "collection"} {
		if len(types[ty]) > 0 {
			line("  wcxb "+ty, types[ty])
		}
	}
	line("five news pooled", five)
	line("all pooled", all)
}

// rankAUC is the share of (positive, negative) pairs the scores order
// right, ties counting half.
func rankAUC(pos, neg []float64) float64 {
	var right float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				right++
			case p == n:
				right += 0.5
			}
		}
	}
	return right / float64(max(1, len(pos)*len(neg)))
}

// TestDumpPageThresholdOracle reads the held-out wcxb dumps (the quick
// check's kept site-fold models, STORYLINE_DUMP_BLEND) by page type and
// asks whether their loss is the threshold's or the ranking's: the mean
// token F1 of each page's lines kept at its own threshold (as the model
// reads it, before rules and bridges), at the best threshold of the grid
// for that page (an oracle no extractor has), and the mean within-page
// AUC of the line probabilities, gold lines (cover at least 0.5) against
// the others, token-weighted.
//
//	STORYLINE_DUMP_BLEND=/tmp/models go test ./internal/eval -run TestDumpPageThresholdOracle -v
func TestDumpPageThresholdOracle(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_BLEND")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_BLEND to the folder of the site-fold models")
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

// TestDumpOtsuScreen screens a page-relative line threshold on the kept
// site-fold models' held-out lines (STORYLINE_DUMP_BLEND; F1 by linesF1,
// before rules and bridges): each dump's threshold moved by lambda toward
// the cut that splits its own line probabilities best into two groups
// (otsuCut, token-weighted), for the sets in STORYLINE_DUMP_SETS.
func TestDumpOtsuScreen(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_BLEND")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_BLEND to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	lambdas := []float64{0, 0.25, 0.5, 0.75, 1}
	var b strings.Builder
	for _, set := range strings.Split(os.Getenv("STORYLINE_DUMP_SETS"), ",") {
		pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), set), true)
		if err != nil {
			t.Fatal(err)
		}
		sums := map[string][]float64{}
		for _, p := range pages {
			ls, th, _ := models[siteFold(p.Site, k)].TraceDump(p.Page, p.Gold)
			if len(ls) == 0 {
				continue
			}
			cut := otsuCut(ls)
			for _, key := range []string{set, set + " " + p.PageType} {
				if sums[key] == nil {
					sums[key] = make([]float64, len(lambdas)+1)
				}
				sums[key][len(lambdas)]++
				for j, lam := range lambdas {
					sums[key][j] += linesF1(ls, (1-lam)*th+lam*cut)
				}
			}
		}
		for _, key := range slices.Sorted(maps.Keys(sums)) {
			s := sums[key]
			n := s[len(lambdas)]
			fmt.Fprintf(&b, "%-24s %4.0f", key, n)
			for j, lam := range lambdas {
				fmt.Fprintf(&b, "  %.2f: %.4f", lam, s[j]/n)
			}
			fmt.Fprintln(&b)
		}
	}
	t.Log("\n" + b.String())
}

// otsuCut is the probability that splits a dump's lines into two groups
// of least token-weighted variance within them (Otsu's cut), tried at
// every 0.025 from 0.05 to 0.9.
func otsuCut(ls []extract.DumpLineTrace) float64 {
	best, bestCut := -1.0, 0.5
	for step := 2; step <= 36; step++ {
		cut := 0.025 * float64(step)
		var w0, w1, s0, s1 float64
		for _, l := range ls {
			w := float64(len(strings.Fields(l.Text)))
			if l.Prob < cut {
				w0, s0 = w0+w, s0+w*l.Prob
			} else {
				w1, s1 = w1+w, s1+w*l.Prob
			}
		}
		if w0 == 0 || w1 == 0 {
			continue
		}
		d := s0/w0 - s1/w1
		if between := w0 * w1 * d * d; between > best {
			best, bestCut = between, cut
		}
	}
	return bestCut
}
