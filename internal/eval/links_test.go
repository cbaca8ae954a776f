package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkLabels are hand-labelled links of two made-up sets: right links
// restate a claim, wrong ones share a story's names and say other things.
var linkLabels = strings.Join([]string{
	"set\trow\tlabel\tcause\tstory\tsentence_a\tsentence_b",
	"harbour\th-0\t1\t\ts1\tThe port authority exempted three towns from the new harbour fees on Monday.\tOn Monday the port authority exempted three towns from its new harbour fees.",
	"harbour\th-1\t0\ttopic\ts1\tVelmar's mayor Ada Marsh criticised the harbour fees.\tAda Marsh will visit the harbour in Velmar next week.",
	"harbour\th-2\t?\t\ts1\tThe fees.\tThe fees rise.",
	"flood\tf-0\t1\t\ts2\tThe flood killed 12 people in the valley on Sunday, officials said.\tOfficials said 12 people died in Sunday's flood in the valley.",
	"flood\tf-1\t0\tnumber\ts2\tThe river rose 3 metres on Sunday.\tThe river rose 5 metres on Monday.",
}, "\n") + "\n"

// Labelled links are read with their features, the unlabelled ones left out,
// and each set is scored by a model fitted on the other.
func TestLinkLabels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(path, []byte(linkLabels), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadLinkLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d links read, want 4 (the '?' one left out)", len(rows))
	}
	if sets := LinkSets(rows); len(sets) != 2 || sets[0] != "harbour" || sets[1] != "flood" {
		t.Errorf("sets %v, want harbour and flood", sets)
	}
	if !rows[0].Right || rows[1].Right || rows[0].X[0] <= rows[1].X[0] {
		t.Errorf("the restated claim should be right and score over the other: %+v", rows[:2])
	}
	if got := rows[3].X[2]; got != 1 {
		t.Errorf("numbers unmatched of 3 and 5 metres = %.2f, want 1", got)
	}
	figs := LinksLeaveOneSetOut(rows, 1)
	if len(figs) != 2 || figs[0].Links != 2 || figs[1].Links != 2 {
		t.Fatalf("held-out figures %+v, want two sets of two links", figs)
	}
}

// A labels file without its columns is refused.
func TestLinkLabelsNeedColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(path, []byte("set\trow\tlabel\nx\t1\t1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadLinkLabels(path); err == nil {
		t.Error("a file without sentences was read")
	}
}
