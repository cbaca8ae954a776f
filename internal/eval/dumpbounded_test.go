package eval

// A reading aid for the bounded blend of line thresholds (session 37, issue
// 13 point 5): the quick check's kept site-fold models (`eval extract --text
// --cv --site-folds 2 --keep-models DIR`) score every set's dumps again with
// line thresholds chosen on the other fold's out-of-fold probabilities:
// as fitted, the free pair (chooseLineBlend) and the pair bounded by a margin
// chosen out of fold (chooseBoundedLineBlend), the held-out groups of the
// margin's choice being the sets (wcxb's dumps one group). The fits are the
// same, so only the thresholds differ.
//
//	STORYLINE_DUMP_BOUNDED=/tmp/models go test ./internal/eval -run TestDumpBoundedBlend -v

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

func TestDumpBoundedBlend(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_BOUNDED")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_BOUNDED to the folder of the site-fold models")
	}
	const k = 2
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
	v := extract.NewVocab()
	prep, err := prepareAll(context.Background(), pages, v, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	ref := make([][]float64, len(prep))
	refPA := make([]float64, len(prep))
	group := make([]int, len(prep))
	for i, p := range prep {
		h := models[siteFold(p.Site, k)].HeldOut(v)
		ref[i], refPA[i], group[i] = h.Probs(p.sample), h.ArticleProb(p.sample), slices.Index(sets, p.Set)
	}
	var b strings.Builder
	fmt.Println("prepared", len(prep))
	choices := []struct {
		name   string
		choose func(f int, skip func(LabelledPage) bool) (extract.Model, bool)
	}{
		{"bounded pair out of fold", func(f int, skip func(LabelledPage) bool) (extract.Model, bool) {
			return chooseBoundedLineBlend(prep, ref, refPA, group, skip, func(s string) { fmt.Fprintln(&b, s) }, fmt.Sprintf("fold %d", f+1))
		}},
		{"as fitted", func(int, func(LabelledPage) bool) (extract.Model, bool) { return extract.Model{}, false }},
		{"free pair out of fold", func(f int, skip func(LabelledPage) bool) (extract.Model, bool) {
			return chooseLineBlend(prep, ref, refPA, skip)
		}},
	}
	for _, c := range choices {
		var parts []FoldScore
		for f, fm := range models {
			m := *fm
			if th, ok := c.choose(f, func(p LabelledPage) bool { return siteFold(p.Site, k) == f }); ok {
				m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold = th.LineThreshold, th.LineArticleThreshold, th.LineOtherThreshold
			}
			fmt.Fprintf(&b, "%s, fold %d: lines %.3f, %s\n", c.name, f+1, m.LineThreshold, lineBlend(&m))
			parts = append(parts, scoreWith(context.Background(), fmt.Sprint(f), &m, siteFoldPages(pages, f, k), 1))
		}
		fmt.Print(b.String())
		b.Reset()
		pooled := poolFolds(c.name, parts)
		bySet := pooled.BySet()
		line := func(name string, ss []PageScore) {
			p, r, f := CorpusScore(ss)
			fmt.Fprintf(&b, "  %-18s %4d  F1 %.4f  P %.3f  R %.3f\n", name, len(ss), f, p, r)
		}
		fmt.Fprintf(&b, "== %s\n", c.name)
		var five []PageScore
		for _, s := range sets {
			line(s, bySet[s])
			if slices.Contains(news, s) {
				five = append(five, bySet[s]...)
			}
		}
		line("five news pooled", five)
		for _, ty := range []string{"article", "listing", "forum", "product", "documentation", "service", "collection"} {
			line("  wcxb "+ty, pooled.Types[ty])
		}
		line("all pooled", pooled.Scores)
		fmt.Print(b.String())
		b.Reset()
	}
}
