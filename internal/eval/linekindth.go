package eval

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// lineKindVariant names the variant that gives each fold model line
// thresholds by the dump's predicted kind (extract.Model.LineKindThresholds)
// chosen on the out-of-fold probabilities of the dumps it does not score
// (extract.ChooseLineKindThresholds: a kind called on enough dumps, its
// threshold kept when it beats the blend on held-out halves of its sites),
// its own fitted line thresholds kept for the dumps of the other kinds.
const lineKindVariant = "line thresholds by the dump's predicted kind (a kind on enough dumps, when it beats the blend on held-out halves of its sites), chosen on out-of-fold probabilities of the other dumps; the fitted blend otherwise"

// heldOutDumps is the out-of-fold reading of prepared pages, by index:
// each text dump's line probabilities, the kind and the article
// probability its model's dump kind classifiers give it, and that model
// (nil probs: not read, an HTML page or a copy).
type heldOutDumps struct {
	probs [][]float64
	kind  []string
	pa    []float64
	model []*extract.Model
}

// newHeldOutDumps is an empty reading of n prepared pages.
func newHeldOutDumps(n int) heldOutDumps {
	return heldOutDumps{probs: make([][]float64, n), kind: make([]string, n), pa: make([]float64, n), model: make([]*extract.Model, n)}
}

// read sets page i's reading by model m (h its HeldOut) when it is a text
// dump.
func (d heldOutDumps) read(i int, p prepared, m *extract.Model, h *extract.HeldOut) {
	if p.copy || p.Page.Kind != news.KindText {
		return
	}
	d.probs[i], d.kind[i], d.pa[i], d.model[i] = h.Probs(p.sample), h.DumpKind(p.sample), h.ArticleProb(p.sample), m
}

// kindThresholds chooses line thresholds by kind on the dumps read that
// skip does not name (extract.ChooseLineKindThresholds), each dump's base
// threshold (the one it takes without a threshold of its kind) being the
// blend of base by its article probability when base is not nil (the
// model the thresholds are for), else its own model's.
func (d heldOutDumps) kindThresholds(prep []prepared, skip func(LabelledPage) bool, base *extract.Model) map[string]float64 {
	var ss []*extract.Sample
	var ps [][]float64
	var kinds []string
	var bs []float64
	for i, p := range prep {
		if d.probs[i] == nil || skip(p.LabelledPage) {
			continue
		}
		b := cmp.Or(base, d.model[i]).BlendedLineThreshold(d.pa[i])
		ss, ps, kinds, bs = append(ss, p.sample), append(ps, d.probs[i]), append(kinds, d.kind[i]), append(bs, b)
	}
	return extract.ChooseLineKindThresholds(ss, ps, kinds, bs)
}

// FormatLineKindThresholds prints line thresholds by kind as
// --line-kind-thresholds reads them: "kind=0.100,kind=0.125", by kind;
// "none" when there are none.
func FormatLineKindThresholds(th map[string]float64) string {
	if len(th) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(th)) {
		parts = append(parts, fmt.Sprintf("%s=%.3f", k, th[k]))
	}
	return strings.Join(parts, ",")
}

// lineKindThresholdVariant scores every fold, its held-out readings d,
// with its model's line thresholds by kind chosen on the dumps it does not
// score, as lineKindVariant, pooled over the site folds; the variant's
// LineKindThresholds are those chosen on every dump (for --fit). No
// variant when no dump was read.
func lineKindThresholdVariant(ctx context.Context, d heldOutDumps, prep []prepared, folds []cvFold, pages []LabelledPage, opt CVOptions) ([]CVVariant, error) {
	if !slices.ContainsFunc(d.probs, func(p []float64) bool { return p != nil }) {
		return nil, nil
	}
	variant := CVVariant{Name: lineKindVariant, LineKindThresholds: d.kindThresholds(prep, func(LabelledPage) bool { return false }, nil)}
	var parts []FoldScore
	for _, f := range folds {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		m := *f.m
		m.LineKindThresholds = d.kindThresholds(prep, f.score, f.m)
		fs := scoreWith(ctx, f.name, &m, f.pagesOf(pages), opt.Workers)
		if opt.Progress != nil {
			opt.Progress(fmt.Sprintf("%s, %s: F1 %.3f (lines by kind %s, otherwise %.3f, %s)", lineKindVariant, f.name, fs.F1, FormatLineKindThresholds(m.LineKindThresholds), m.LineThreshold, lineBlend(&m)))
		}
		parts = variant.file(f, fs, parts)
	}
	variant.poolSiteFolds(opt.SiteFoldSet, parts)
	return []CVVariant{variant}, nil
}
