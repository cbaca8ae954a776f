package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestLineKindThresholdVariantChoosesOffTheScoredFold: each fold of the
// variant with line thresholds by kind is given thresholds chosen on the
// dumps of the other folds only. The dumps of set alpha read far lower
// than those of beta (their probabilities a tenth), so a choice that saw
// alpha's dumps would give another listing threshold than one on beta's
// alone; the fold scoring alpha must be given beta's.
func TestLineKindThresholdVariantChoosesOffTheScoredFold(t *testing.T) {
	pages := twoDumpSetsOf(t, 24) // each set over the floor of dumps a kind needs
	v := extract.NewVocab()
	prep, err := prepareAll(context.Background(), pages, v, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := *extract.DefaultModel()
	m.SetOneLineThreshold(0.99) // a base every listing threshold beats
	h := m.HeldOut(v)
	d := newHeldOutDumps(len(prep))
	for i, p := range prep {
		d.read(i, p, &m, h)
		d.kind[i] = "listing"
		if p.Set == "alpha" {
			for j := range d.probs[i] {
				d.probs[i][j] /= 10
			}
		}
	}
	inSet := func(set string) func(LabelledPage) bool { return func(p LabelledPage) bool { return p.Set == set } }
	offAlpha := d.kindThresholds(prep, inSet("alpha"), &m)
	withAlpha := d.kindThresholds(prep, func(LabelledPage) bool { return false }, &m)
	if offAlpha == nil || FormatLineKindThresholds(offAlpha) == FormatLineKindThresholds(withAlpha) {
		t.Fatalf("beta's dumps alone give %v, all dumps %v: the fixture cannot tell a leak", offAlpha, withAlpha)
	}
	var progress []string
	opt := CVOptions{Workers: 1, Progress: func(s string) { progress = append(progress, s) }}
	folds := []cvFold{{name: "leave out alpha", m: &m, score: inSet("alpha")}, {name: "leave out beta", m: &m, score: inSet("beta")}}
	if _, err := lineKindThresholdVariant(context.Background(), d, prep, folds, pages, opt); err != nil {
		t.Fatal(err)
	}
	want := "leave out alpha: F1"
	for _, s := range progress {
		if i := strings.Index(s, want); i >= 0 {
			if !strings.Contains(s[i:], "lines by kind "+FormatLineKindThresholds(offAlpha)+",") {
				t.Errorf("the fold scoring alpha was given %q; want beta's alone, %s (all dumps: %s)", s[i:], FormatLineKindThresholds(offAlpha), FormatLineKindThresholds(withAlpha))
			}
			return
		}
	}
	t.Fatalf("no progress line of the fold scoring alpha in %q", progress)
}
