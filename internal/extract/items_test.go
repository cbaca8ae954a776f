package extract

import (
	"strings"
	"testing"
)

// A listing's items repeat their shape (headline, teaser); the headline of
// an item that the classifier dropped, with the headlines of the items
// around it kept, is kept too, unless its probability is far under the
// threshold or a rule drops it whatever the classifier says.
func TestKeepRepeatedItemsKeepsTheDroppedItemOfARun(t *testing.T) {
	dump := strings.Join([]string{
		"Home",
		"Harbour bridge reopens after long repairs",
		"The crossing carries traffic again from Monday, the council said in a statement.",
		"Library extends its opening hours this winter",
		"Readers may borrow books until nine in the evening on weekdays, staff said.",
		"New bus line links station and hospital",
		"Buses will run every twenty minutes between the two stops from next month.",
		"Contact us",
	}, "\n")
	ls, _ := dumpLines([]byte(dump), nil)
	if len(ls) != 8 || shapeOf(&ls[1]) != shapeOf(&ls[3]) || shapeOf(&ls[3]) != shapeOf(&ls[5]) {
		t.Fatalf("%d lines, or the headlines' shapes differ", len(ls))
	}
	th := 0.4
	p := []float64{0.05, 0.6, 0.9, 0.3, 0.9, 0.6, 0.9, 0.05}
	keep := make([]bool, len(ls))
	for i := range p {
		keep[i] = p[i] >= th
	}
	none := func(int) bool { return false }
	got := keepRepeatedItems(ls, p, th, keep, none)
	want := []bool{false, true, true, true, true, true, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d %q: kept %v, want %v", i, ls[i].text, got[i], want[i])
		}
	}
	if keep[3] {
		t.Error("keep was changed in place")
	}

	p[3] = 0.1 // under itemProbShare of the threshold
	if keepRepeatedItems(ls, p, th, keep, none)[3] {
		t.Error("a line far under the threshold was kept")
	}
	p[3] = 0.3
	if keepRepeatedItems(ls, p, th, keep, func(i int) bool { return i == 3 })[3] {
		t.Error("a line that must stay dropped was kept")
	}
	// The other headlines dropped too: nothing of its shape is kept.
	keep[1], keep[5] = false, false
	if got := keepRepeatedItems(ls, p, th, keep, none); got[3] {
		t.Error("a line whose like lines are all dropped was kept")
	}
}
