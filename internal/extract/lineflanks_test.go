package extract

import (
	"slices"
	"testing"
)

// flankDump is an invented guide to a harbour's ferries: a menu, two
// paragraphs, a timetable of short lines under a heading, two more
// paragraphs, then the site's footer links.
var flankDump = []string{
	"Harbour ferries: a guide - Coast Weekly",
	"Home", "News", "Travel", "Contact",
	"The harbour ferries run between the old quay and the three islands every day of the year, weather permitting.",
	"Tickets for the harbour ferries are sold at the quay kiosk and on board, and children under five travel free.",
	"Ferry timetable",
	"Old quay to North Island: 7:15",
	"Old quay to South Island: 8:40",
	"North Island to old quay: 9:05",
	"South Island to old quay: 10:30",
	"In winter the first ferries leave the old quay an hour later, and the islands keep a reduced timetable on Sundays.",
	"The harbour office posts changes to the ferries on the board beside the kiosk and on the quay's notice screen.",
	"About us", "Advertise", "Privacy", "Jobs",
}

// TestFlankFeatures: the timetable's lines lie between two stretches of
// one article whose words they share; the footer's links have no prose
// below them and share no word of the prose above.
func TestFlankFeatures(t *testing.T) {
	ls := dumpOf(flankDump...)
	x := lineFeatures(ls, nil)
	at := func(i int, name string) float64 {
		k := slices.Index(lineFeatureNames, name)
		if k < 0 {
			t.Fatalf("no feature %q", name)
		}
		return x[i*numLineFeatures+k]
	}
	const row, footer = 9, 15 // the timetable's second line, the footer's "Advertise"
	if got := at(row, "run_lines"); got < 1.6 {
		t.Errorf("timetable run_lines %v, want log1p of its 5 lines", got)
	}
	if got := at(row, "run_shape_share"); got < 0.8 {
		t.Errorf("timetable run_shape_share %v, want 0.8 (four of its five lines share a shape)", got)
	}
	if a, b := at(row, "flank_before_share"), at(row, "flank_after_share"); a <= 0 || b <= 0 {
		t.Errorf("timetable flanks' shares %v, %v, want prose on both sides", a, b)
	}
	if got := at(row, "flanks_overlap"); got <= 0 {
		t.Errorf("timetable flanks_overlap %v, want the two stretches to share words", got)
	}
	if got := at(footer, "flank_after_share"); got != 0 {
		t.Errorf("footer flank_after_share %v, want 0 (no prose below)", got)
	}
	if run, foot := at(row, "run_flank_overlap"), at(footer, "run_flank_overlap"); run <= foot {
		t.Errorf("run_flank_overlap: timetable %v, footer %v; want the timetable's higher", run, foot)
	}
	if got := at(5, "run_lines"); got != 0 {
		t.Errorf("prose line run_lines %v, want 0", got)
	}
}
