package compare

import (
	"slices"
	"testing"
)

func TestArgumentShareReadsDatesAndFiguresAlike(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		// One date written three ways, and a year.
		{"The submarine sank in the Barents Sea on Aug. 12, 2000.", "It went down on August 12 during exercises.", 1},
		{"The submarine sank on 12 August.", "It went down on August 12 during exercises.", 1},
		// Of the side with fewer, one of two found.
		{"The jet crashed in 1999, killing all 217 aboard.", "Flight 990 crashed, killing 217 people on board.", 0.5},
		// Another day, another count: nothing shared.
		{"The submarine sank on Aug. 14 with 118 sailors.", "It went down on August 12 with 120 crew.", 0},
		// No argument on one side: nothing to agree on.
		{"The submarine sank on Aug. 12.", "It went down after an explosion.", 0},
	} {
		x := argumentFeatures(profileOf(tc.a), profileOf(tc.b))
		y := argumentFeatures(profileOf(tc.b), profileOf(tc.a))
		if x[0] != tc.want || !slices.Equal(x, y) {
			t.Errorf("argument share of %q / %q = %v (reversed %v), want %v", tc.a, tc.b, x, y, tc.want)
		}
	}
}

func TestPairFeaturesEndWithTheArgumentShare(t *testing.T) {
	x := PairFeatures("Prices rose 4.5% in March.", "Inflation reached 4.5% in March, the statistics office said.")
	if len(x) != len(FeatureNames) || FeatureNames[len(FeatureNames)-1] != "argument share lower" || x[len(x)-1] != 1 {
		t.Errorf("features %d of %d names, last %q = %v, want the argument share 1", len(x), len(FeatureNames), FeatureNames[len(FeatureNames)-1], x[len(x)-1])
	}
}
