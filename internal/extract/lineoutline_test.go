package extract

import (
	"slices"
	"testing"
)

// outlineDump is an invented guide to a coast's lighthouses: a menu, an
// introduction, three cards (a name over a paragraph and two short facts),
// then the site's footer links, which repeat one shape with no prose
// between them.
var outlineDump = []string{
	"Five lighthouses worth the walk - Coast Weekly",
	"Home", "News", "Travel", "Contact",
	"The coast path passes five lighthouses, and each of them can be reached on foot from the nearest village in an afternoon.",
	"North Point Light",
	"The oldest tower on the coast was lit in the last century and still guides the fishing boats home to the northern harbour.",
	"Height: 31 metres",
	"Open: weekends",
	"Grey Rock Light",
	"A short causeway leads to this squat tower, which can only be reached at low tide, so walkers should check the tide tables first.",
	"Height: 12 metres",
	"Open: summer only",
	"South Head Light",
	"The keeper's cottage beside the southern tower is now a small museum of the lights and the wrecks along this stretch of coast.",
	"Height: 24 metres",
	"Open: every day",
	"About us", "Advertise", "Privacy", "Jobs", "Careers",
}

// TestOutlineFeatures: the three names head cards of one series, which
// covers the cards' facts and holds the guide's prose; the menu and the
// footer, short lines of one shape with no prose between them, make none.
func TestOutlineFeatures(t *testing.T) {
	ls := dumpOf(outlineDump...)
	x := lineFeatures(ls, nil)
	at := func(i int, name string) float64 {
		k := slices.Index(lineFeatureNames, name)
		if k < 0 {
			t.Fatalf("no feature %q", name)
		}
		return x[i*numLineFeatures+k]
	}
	for _, h := range []int{6, 10, 14} {
		if at(h, "outline_heading") != 1 {
			t.Errorf("line %d %q: outline_heading %v, want 1", h, outlineDump[h], at(h, "outline_heading"))
		}
	}
	for _, i := range []int{8, 13, 16, 17} { // facts of the first, second and last card
		if got := at(i, "outline_cards"); got < 1.3 {
			t.Errorf("line %d %q: outline_cards %v, want log1p of 3 cards", i, outlineDump[i], got)
		}
	}
	if got := at(8, "outline_prose_share"); got < 0.7 {
		t.Errorf("outline_prose_share %v, want the three cards' paragraphs (three quarters of the prose)", got)
	}
	if got := at(8, "outline_card_lines"); got < 1.5 {
		t.Errorf("outline_card_lines %v, want log1p of 4 lines a card", got)
	}
	for _, i := range []int{2, 3, 5, 19, 20, 21} { // menu, introduction, footer
		if at(i, "outline_cards") != 0 || at(i, "outline_heading") != 0 {
			t.Errorf("line %d %q: outline features %v / %v, want 0", i, outlineDump[i], at(i, "outline_heading"), at(i, "outline_cards"))
		}
	}
}
