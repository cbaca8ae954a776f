package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Line thresholds by the kind the dump kind classifiers call a text dump
// (Model.LineKindThresholds): a listing's or a collection's items score like
// an article's menu, so the blend of line thresholds by the article
// probability, chosen mostly on articles, cuts them; held out, the best
// threshold of the dumps called a listing or a collection lies near 0.1-0.15
// where the blend gives them 0.275 (docs/measurements/extraction.md,
// sessions 45 and 46). The fit does not choose them: its own probabilities
// are in sample, on which a kind's threshold would be chosen too high;
// `eval extract --text --cv` chooses them on out-of-fold probabilities
// (ChooseLineKindThresholds) and `--fit` takes them.

// minKindLineDumps is the fewest dumps called one kind on which
// ChooseLineKindThresholds gives that kind a threshold of its own. A
// threshold chosen on n dumps wanders as each dump's best threshold does,
// over sqrt(n): resampled from the held-out dumps of session 45's quick
// check (510 dumps not called articles; docs/measurements/extraction.md,
// session 46), the chosen threshold's spread is .06-.13 at 10 dumps,
// .05-.12 at 20 and .02-.09 at 40 over the kinds, and .05 at 20 for
// listings and collections, whose best (0.12-0.14 held out) lies about .14
// under the blend's other end (0.275): at 20 dumps their move is about
// three times its spread, at 10 dumps 1.5-2.4 times. Kinds whose best
// lies near the blend (products, services) wander by as much at 40-120
// dumps (session 45): no count keeps them out; the held-out check
// (dumpGroup.beatsBaseHeldOut) mostly does.
const minKindLineDumps = 20

// dumpGroup is text dumps with their line probabilities and the line
// threshold each takes without a threshold of its kind.
type dumpGroup struct {
	samples []*Sample
	probs   [][]float64
	base    []float64
}

// where returns the dumps of g for whose index keep is true.
func (g dumpGroup) where(keep func(k int) bool) dumpGroup {
	var out dumpGroup
	for k := range g.samples {
		if keep(k) {
			out.samples = append(out.samples, g.samples[k])
			out.probs = append(out.probs, g.probs[k])
			out.base = append(out.base, g.base[k])
		}
	}
	return out
}

// ChooseLineKindThresholds chooses a line threshold for each kind of text
// dump but the article, on line probabilities from models not fitted on
// the dumps (out of fold, as ChooseLineBlend): kinds[k] is the kind the
// dump kind classifiers of the model that gave probs[k] call dump k
// (HeldOut.DumpKind; "" for an HTML sample, not read), base[k] the line
// threshold dump k takes without one (Model.BlendedLineThreshold of its
// article probability). A kind called on minKindLineDumps dumps or more
// gets bestThreshold of those dumps when a threshold so chosen also passes
// a held-out check on them (dumpGroup.beatsBaseHeldOut). nil when no kind
// gets one.
func ChooseLineKindThresholds(samples []*Sample, probs [][]float64, kinds []string, base []float64) map[string]float64 {
	all := dumpGroup{samples: samples, probs: probs, base: base}
	var out map[string]float64
	for _, kind := range pageKindsCalled(kinds) {
		g := all.where(func(k int) bool { return kinds[k] == kind && samples[k].pb == nil })
		if kind == kindArticle || len(g.samples) < minKindLineDumps || !g.beatsBaseHeldOut() {
			continue
		}
		if out == nil {
			out = map[string]float64{}
		}
		out[kind] = bestThreshold(g.samples, g.probs)
	}
	return out
}

// pageKindsCalled is the distinct non-empty kinds of kinds, sorted.
func pageKindsCalled(kinds []string) []string {
	var out []string
	for _, k := range kinds {
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// beatsBaseHeldOut reports whether a threshold of the group's own, chosen
// on the dumps of one half of its sites (innerFolds) and read on the other
// half, both ways, keeps the held-out halves' summed F1 above that of
// their base thresholds: the held-out check of a threshold chosen on few
// dumps, which a kind whose best lies near the base fails as often as not
// (held out on the quick check, session 46: wcxb +.0016 with it, +.0013
// without, products -.008 and services -.005 without it, -.006 and -.002
// with).
// A group whose sites do not split in two fails it.
func (g dumpGroup) beatsBaseHeldOut() bool {
	half := innerFolds(len(g.samples), func(k int) string { return g.samples[k].Site })
	var gain float64
	for h := range 2 {
		fitOn, readOn := g.where(func(k int) bool { return half(k) != h }), g.where(func(k int) bool { return half(k) == h })
		if len(fitOn.samples) == 0 || len(readOn.samples) == 0 {
			return false
		}
		th := bestThreshold(fitOn.samples, fitOn.probs)
		gain += keptF1(readOn.samples, readOn.probs, func(int) float64 { return th }) -
			keptF1(readOn.samples, readOn.probs, func(k int) float64 { return readOn.base[k] })
	}
	return gain > 0
}

// DumpKind is the kind the model's dump kind classifiers call a text dump
// (the kind its line threshold is looked up by, kindOfProbs); "" for an
// HTML sample or a model without dump kinds.
func (h *HeldOut) DumpKind(s *Sample) string {
	if s.pb != nil || len(h.m.DumpKinds) == 0 {
		return ""
	}
	return kindOfProbs(kindProbs(h.m.DumpKinds, s.page))
}

// LineKinds are the kinds LineKindThresholds may name: every kind
// kindOfProbs gives but the article ("other" included).
func LineKinds() []string {
	return append(slices.Clone(pageKinds[1:]), "other")
}

// CheckLineKindThresholds returns an error naming the first kind of th
// that is not one of LineKinds or whose threshold is not in (0, 1).
func CheckLineKindThresholds(th map[string]float64) error {
	for _, kind := range slices.Sorted(maps.Keys(th)) {
		if !slices.Contains(LineKinds(), kind) {
			return fmt.Errorf("line threshold of kind %q: not a kind of dump (%s)", kind, strings.Join(LineKinds(), ", "))
		}
		if v := th[kind]; !(v > 0 && v < 1) {
			return fmt.Errorf("line threshold of kind %q: %v, want a threshold in (0, 1)", kind, v)
		}
	}
	return nil
}
