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
