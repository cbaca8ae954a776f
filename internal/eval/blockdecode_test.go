package eval

// A rescoring harness for HTML pages (session 22, issue 13: a sequence
// decoder over a page's blocks, extract.BlockDecoder). Every page of the
// eight sets is read again by the quick check's kept site-fold model that
// never saw its site (`eval extract --cv --site-folds 2 --one-stage
// --trees 100 --subsample 0.5 --workers 1 --keep-models DIR`), with no
// refit, so what moves is how blocks are chosen from the probabilities:
//
//   - as fitted: the fold model's own thresholds, the bridge (the quick
//     check's first figures);
//   - out-of-fold thresholds, articles apart, the bridge (the quick check's
//     second figures, as shipped): fold f's thresholds chosen on the other
//     fold's pages' out-of-fold probabilities;
//   - the decoder, cross-fitted: fold f's costs chosen (ChooseDecoder) on the
//     other fold's pages' out-of-fold probabilities at fold f's out-of-fold
//     thresholds, so no page is scored by costs chosen on it.
//
//	STORYLINE_HTML_RESCORE=/tmp/models go test ./internal/eval -run TestHTMLDecodeRescore -v -timeout 3h
//
// STORYLINE_HTML_DECODER="near,far,levels[,bridge];..." also scores fixed costs on both
// folds (a reading aid: in-sample if chosen on these figures);
// STORYLINE_HTML_PAGES=FILE writes each page's F1 under every variant.

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

func TestHTMLDecodeRescore(t *testing.T) {
	dir := os.Getenv("STORYLINE_HTML_RESCORE")
	if dir == "" {
		t.Skip("set STORYLINE_HTML_RESCORE to the folder of the site-fold models")
	}
	const k = 2
	ctx := context.Background()
	models := make([]*extract.Model, k)
	for f := range k {
		raw, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("site-fold-%d-of-%d.json", f+1, k)))
		if err != nil {
			t.Fatal(err)
		}
		if models[f], err = extract.LoadModel(raw); err != nil {
			t.Fatal(err)
		}
	}
	bench := extractionBenchDir()
	news := []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos"}
	sets := append(slices.Clone(news), "cleaneval", "readability", "wcxb")
	var pages []LabelledPage
	for _, set := range sets {
		ps, err := LoadExtractionSet(filepath.Join(bench, set), false)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	var b strings.Builder
	report := func(name string, parts []FoldScore) FoldScore {
		fs := poolFolds(name, parts)
		fmt.Fprintf(&b, "--- %s\n", name)
		line := func(n string, ss []PageScore) {
			p, r, f := CorpusScore(ss)
			fmt.Fprintf(&b, "%-22s %4d  F1 %.4f  P %.3f  R %.3f\n", n, len(ss), f, p, r)
		}
		by := fs.BySet()
		var five []PageScore
		for _, set := range sets {
			line(set, by[set])
			if slices.Contains(news, set) {
				five = append(five, by[set]...)
			}
		}
		for _, ty := range []string{"article", "listing", "forum", "product", "documentation", "service", "collection"} {
			if len(fs.Types[ty]) > 0 {
				line("  wcxb "+ty, fs.Types[ty])
			}
		}
		line("five news pooled", five)
		line("all pooled", fs.Scores)
		return fs
	}
	score := func(name string, ms []*extract.Model) FoldScore {
		var parts []FoldScore
		for f, m := range ms {
			parts = append(parts, scoreWith(ctx, fmt.Sprintf("site fold %d/%d", f+1, k), m, siteFoldPages(pages, f, k), 1))
		}
		return report(name, parts)
	}
	var variants []FoldScore
	variants = append(variants, score("as fitted (the fold models' thresholds), bridge", models))

	// Out-of-fold probabilities of every page, by the model that never saw
	// its site, as siteFoldVariants reads them.
	v := extract.NewVocab()
	prep, err := prepareAll(ctx, pages, v, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	probs := make([][]float64, len(prep))
	held := []*extract.HeldOut{models[0].HeldOut(v), models[1].HeldOut(v)}
	for i, p := range prep {
		probs[i] = held[siteFold(p.Site, k)].Probs(p.sample)
	}
	oof := make([]*extract.Model, k)
	type fitted struct {
		name   string
		score  extract.PageScorer
		models []*extract.Model
	}
	fits := []*fitted{
		{name: "token cover (the thresholds' measure)"},
		{name: "shingles of the kept blocks' text", score: shingleScorer},
	}
	for f := range k {
		var ss []*extract.Sample
		var ps [][]float64
		for i, p := range prep {
			if siteFold(p.Site, k) != f {
				ss, ps = append(ss, p.sample), append(ps, probs[i])
			}
		}
		m := *models[f]
		m.ChooseThresholds(ss, ps, true)
		oof[f] = &m
		fmt.Fprintf(&b, "fold %d: thresholds %.3f, articles %.3f\n", f+1, m.Threshold, m.ArticleThreshold)
		for _, ft := range fits {
			best, bridge, all := m.ChooseDecoder(ss, ps, ft.score)
			fmt.Fprintf(&b, "  by %s on fold %d's pages: %s (F1 %.4f, bridge %.4f, plain threshold %.4f)\n",
				ft.name, 2-f, best.Decoder, best.F1, bridge, all[0].F1)
			slices.SortStableFunc(all, func(a, c extract.DecoderFit) int {
				if a.F1 > c.F1 {
					return -1
				}
				if a.F1 < c.F1 {
					return 1
				}
				return 0
			})
			for _, a := range all[:8] {
				fmt.Fprintf(&b, "    %s F1 %.4f\n", a.Decoder, a.F1)
			}
			md := m
			d := best.Decoder
			md.Decoder = &d
			ft.models = append(ft.models, &md)
		}
	}
	variants = append(variants, score("out-of-fold thresholds, articles apart, bridge (as shipped)", oof))
	for _, ft := range fits {
		variants = append(variants, score("out-of-fold thresholds, articles apart, decoder cross-fitted by "+ft.name, ft.models))
	}
	for _, fixed := range strings.Split(os.Getenv("STORYLINE_HTML_DECODER"), ";") {
		if fixed == "" {
			continue
		}
		var d extract.BlockDecoder
		fixed, d.Bridge = strings.CutSuffix(fixed, ",bridge")
		if _, err := fmt.Sscanf(strings.ReplaceAll(fixed, ",", " "), "%g %g %d", &d.Near, &d.Far, &d.Levels); err != nil {
			t.Fatal(err)
		}
		fm := make([]*extract.Model, k)
		for f := range k {
			m := *oof[f]
			m.Decoder = &d
			fm[f] = &m
		}
		variants = append(variants, score("out-of-fold thresholds, articles apart, decoder "+d.String()+" (fixed: a reading aid)", fm))
	}
	if out := os.Getenv("STORYLINE_HTML_PAGES"); out != "" {
		var pb strings.Builder
		for i, r := range variants[0].Results {
			fmt.Fprintf(&pb, "%s", r.ID)
			for _, vs := range variants {
				fmt.Fprintf(&pb, " %.4f", vs.Results[i].F1)
			}
			fmt.Fprintln(&pb)
		}
		if err := os.WriteFile(out, []byte(pb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("\n" + b.String())
}

// shingleScorer is ScorePage on the kept blocks' text, for ChooseDecoder.
func shingleScorer(gold string, kept []string) (p, r float64, out, hasGold bool) {
	s := ScorePage(gold, strings.Join(kept, "\n\n"))
	return s.Precision, s.Recall, s.HasOutput, s.HasGold
}
