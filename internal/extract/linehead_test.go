package extract

import (
	"math"
	"testing"
)

// TestHeadlineAnchor: in an invented dump of a menu, a kicker, the headline
// (repeating the <title> line) and two paragraphs, the menu lines read their
// distance to the headline below them, the headline is marked, the lines
// below it read 0, and no prose lies above it; a dump whose title no line
// repeats reads -1.
func TestHeadlineAnchor(t *testing.T) {
	ls := dumpOf(
		"Orchard growers count a late frost's cost | Valley Post",
		"Home",
		"Farming",
		"Weather",
		"Frost damage",
		"Orchard growers count a late frost's cost",
		"Apple growers across the valley said on Monday that a frost in the last week of April had killed most of the blossom on their lower slopes.",
		"The growers' union expects the harvest to fall by a third and has asked the regional council for help with the cost of replanting.",
	)
	at := lineFeatureAt(t, lineFeatures(ls, nil))
	const headline = 5
	if got := at(headline, "is_headline"); got != 1 {
		t.Errorf("is_headline of the headline = %v, want 1", got)
	}
	if got := at(headline+1, "is_headline"); got != 0 {
		t.Errorf("is_headline of a paragraph = %v, want 0", got)
	}
	for i, want := range map[int]float64{1: math.Log1p(4), 4: math.Log1p(1), headline: 0, 7: 0} {
		if got := at(i, "to_headline"); math.Abs(got-want) > 1e-9 {
			t.Errorf("to_headline of line %d = %v, want %v", i, got, want)
		}
	}
	if got := at(7, "prose_above_headline"); got != 0 {
		t.Errorf("prose_above_headline = %v, want 0", got)
	}

	none := lineFeatures(dumpOf(
		"Valley Post",
		"Apple growers across the valley said on Monday that a frost in the last week of April had killed most of the blossom on their lower slopes.",
	), nil)
	atNone := lineFeatureAt(t, none)
	for _, f := range headlineNames {
		if got := atNone(1, f); got != -1 {
			t.Errorf("%s without a headline = %v, want -1", f, got)
		}
	}
}

// TestHeadlineAnchorLaterEcho: when the only line that repeats the title
// stands below the article's paragraphs (a share line), the prose above it
// is all the dump's prose, so the anchor reads as untrustworthy.
func TestHeadlineAnchorLaterEcho(t *testing.T) {
	ls := dumpOf(
		"Ferry timetable changes from May | Island News",
		"The island's ferry company will run two fewer sailings on weekdays from the first of May, its managers told passengers in a letter this week.",
		"Passengers who travel to work on the mainland said the early sailing they use is among those to be cut, and asked for a meeting.",
		"Share: Ferry timetable changes from May",
	)
	at := lineFeatureAt(t, lineFeatures(ls, nil))
	if got := at(3, "is_headline"); got != 1 {
		t.Fatalf("is_headline of the share line = %v, want 1", got)
	}
	if got := at(1, "prose_above_headline"); got != 1 {
		t.Errorf("prose_above_headline = %v, want 1", got)
	}
}
