package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestDecodeLines: the decode keeps a run of weak lines inside an article
// (four list items under the threshold, a gap wider than the bridge's) and
// drops a lone line over the threshold amid weak ones (a teaser in the
// chrome), which the threshold and the bridge do not; a stamp line lets the
// state change for free, so the weak comments under it are dropped; a rule's
// chrome stays dropped and does not break the run it lies in.
func TestDecodeLines(t *testing.T) {
	para := "The council voted on Monday to cut the tax on fuel by a third from next spring, its members said."
	tests := []struct {
		name  string
		lines []string
		probs []float64
		want  []bool
	}{
		{"weak items inside the article", []string{para, "fuel duty", "road tax", "parking fees", "bus fares", para},
			[]float64{0.9, 0.25, 0.2, 0.25, 0.2, 0.9}, []bool{true, true, true, true, true, true}},
		{"a lone strong line in the chrome", []string{"Home", "News", "Sport", "Ten things to do this weekend in town", "Weather", "Contact"},
			[]float64{0.05, 0.05, 0.05, 0.55, 0.05, 0.05}, []bool{false, false, false, false, false, false}},
		{"comments under a stamp", []string{para, para, "Ann Weber 07.08.12 at 13:24", "great piece", "so true, thanks"},
			[]float64{0.9, 0.9, 0.3, 0.3, 0.3}, []bool{true, true, false, false, false}},
		{"a rule's chrome inside the article", []string{para, "By Ann Weber", para},
			[]float64{0.9, 0.6, 0.9}, []bool{true, false, true}},
	}
	const th = 0.35
	// switch cost 1.5 and free stops: the values of the grid
	// (decodeSwitchCosts) at which the cases are clear either way.
	m := &Model{LineThreshold: th, LineSwitchCost: 1.5, LineStopSwitchCost: 0}
	for _, tt := range tests {
		ls, _ := dumpLines([]byte(strings.Join(tt.lines, "\n")), nil)
		if got := m.keepLines(ls, tt.probs, nil, nil); !slices.Equal(got, tt.want) {
			t.Errorf("%s: kept %v, want %v", tt.name, got, tt.want)
		}
	}
}
