package eval

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
)

// With RecordPicks, a held-out run keeps every held-out page's date pick
// with all its candidates, most probable first, the gold's marked, and
// the picks agree with the run's own report; without it, none are kept.
func TestHeldOutRunsRecordThePicksTheyScore(t *testing.T) {
	ctx := context.Background()
	opt := MetaFit{Unlabelled: true, RecordPicks: true, Boost: learn.BoostOptions{Trees: 5, Seed: 1}}
	cv, err := CrossValidateMeta(ctx, datePages(), "a", 2, []MetaField{FieldDate}, opt)
	if err != nil {
		t.Fatal(err)
	}
	loso, err := LeaveOneSetOutMeta(ctx, datePages(), []string{"b"}, []MetaField{FieldDate}, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range append([]MetaHeldOut{cv}, loso...) {
		if len(h.Picks) != 20 {
			t.Fatalf("%s (%s): %d picks, want one for each of the set's 20 pages", h.Set, h.How, len(h.Picks))
		}
		right := 0
		for _, p := range h.Picks {
			if p.Set != h.Set || p.Field != FieldDate || len(p.Cands) != 2 || p.Gold == "" {
				t.Fatalf("pick %+v: want a date pick of set %s with the page's 2 candidates and its gold day", p, h.Set)
			}
			if p.Cands[0].P < p.Cands[1].P {
				t.Errorf("page %s: candidates not most probable first: %v", p.ID, p.Cands)
			}
			if p.Cands[0].Right == p.Cands[1].Right {
				t.Errorf("page %s: want exactly one candidate marked as the gold's day: %v", p.ID, p.Cands)
			}
			if p.Outcome() == "right" {
				right++
			}
		}
		if right != h.Report.DateExact.N {
			t.Errorf("%s: %d picks right, the report says %d", h.How, right, h.Report.DateExact.N)
		}
	}
	if !strings.HasPrefix(cv.Picks[0].Held, "fold ") || loso[0].Picks[0].Held != "left out" {
		t.Errorf("held: %q and %q, want a fold and \"left out\"", cv.Picks[0].Held, loso[0].Picks[0].Held)
	}
	first := extract.DateFeatureNames()[0]
	for _, c := range cv.Picks[0].Cands {
		if c.Right != (c.Features == first) {
			t.Errorf("candidate %q (right %v) described as %q: want %q on the right one only (its one feature at 1)", c.Value, c.Right, c.Features, first)
		}
	}
	opt.RecordPicks = false
	plain, err := CrossValidateMeta(ctx, datePages(), "a", 2, []MetaField{FieldDate}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Picks != nil {
		t.Errorf("%d picks kept without RecordPicks", len(plain.Picks))
	}
}

// WritePicks writes a page line and its candidates' lines, the gold's
// marked "*" and the one taken "<", values on one line; a value given
// where the gold has none is "extra", not "wrong".
func TestWritePicksLines(t *testing.T) {
	picks := []HeldOutPick{
		{Set: "s", ID: "p1", Held: "left out", Field: FieldDate, Gold: "2025-03-01", Taken: 1, P: 0.9, Share: 0.75, Cands: []PickCandidate{
			{Value: "2024-01-02T00:00:00Z", P: 0.9, Features: "src_meta_mod"},
			{Value: "2025-03-01T09:00:00Z", P: 0.3, Right: true, Features: "src_ld_pub rank_in_source=2"},
		}},
		{Set: "s", ID: "p2", Held: "fold 1 of 5", Field: FieldTitle, Gold: "A\ttitle", Taken: -1},
		{Set: "s", ID: "p3", Held: "left out", Field: FieldDate, Taken: 0, P: 0.5, Share: 1, Cands: []PickCandidate{{Value: "2024-01-02T00:00:00Z", P: 0.5}}},
	}
	var b bytes.Buffer
	if err := WritePicks(&b, picks); err != nil {
		t.Fatal(err)
	}
	want := "PAGE\ts\tp1\tleft out\tdate\tright\t2025-03-01\t2025-03-01T09:00:00Z\t0.900\t0.750\n" +
		"\t0.900\t\t2024-01-02T00:00:00Z\tsrc_meta_mod\n" +
		"\t0.300\t*<\t2025-03-01T09:00:00Z\tsrc_ld_pub rank_in_source=2\n" +
		"PAGE\ts\tp2\tfold 1 of 5\ttitle\tmissing\tA title\t\t0.000\t0.000\n" +
		"PAGE\ts\tp3\tleft out\tdate\textra\t\t2024-01-02T00:00:00Z\t0.500\t1.000\n" +
		"\t0.500\t<\t2024-01-02T00:00:00Z\t\n"
	if b.String() != want {
		t.Errorf("WritePicks wrote\n%q\nwant\n%q", b.String(), want)
	}
}
