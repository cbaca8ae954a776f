package eval

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestHeldOutDumpsKindThresholds: the dumps read are those a fold's
// thresholds by kind are chosen on, less the ones the fold scores: 24 dumps
// called listings, which their model's threshold (0.99) reads badly, give
// the listing a threshold of its own; the 12 of one set left once the
// other is skipped are fewer than a kind needs and give none.
func TestHeldOutDumpsKindThresholds(t *testing.T) {
	pages := twoDumpSets(t)
	v := extract.NewVocab()
	prep, err := prepareAll(context.Background(), pages, v, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := *extract.DefaultModel()
	m.SetOneLineThreshold(0.99)
	h := m.HeldOut(v)
	d := newHeldOutDumps(len(prep))
	for i, p := range prep {
		d.read(i, p, &m, h)
		if d.probs[i] == nil {
			t.Fatalf("dump %s not read", p.Page.ID)
		}
		d.kind[i] = "listing"
	}
	every := d.kindThresholds(prep, func(LabelledPage) bool { return false }, nil)
	if th, ok := every["listing"]; !ok || len(every) != 1 || !(th > 0 && th < 0.99) {
		t.Errorf("24 dumps called listings: %v, want a listing threshold under 0.99", every)
	}
	if got := d.kindThresholds(prep, func(p LabelledPage) bool { return p.Set == "alpha" }, &m); got != nil {
		t.Errorf("the 12 dumps of beta alone: %v, want none (fewer than a kind needs)", got)
	}
}
