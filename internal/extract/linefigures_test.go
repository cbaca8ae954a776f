package extract

import "testing"

// TestFigureFeatures: a spec table's short lines hold figures and a menu's
// do not, so the figure features tell the two runs apart; a prose line is
// in no short run.
func TestFigureFeatures(t *testing.T) {
	lines := []string{
		"Home", "Garden", "Lamps", "Contact us", // a menu: words only
		"The brass reading lamp from our workshop has a linen shade and a weighted base that keeps it steady.",
		"Height", "48 cm", "Weight", "2.1 kg", "Bulb", "E27, 40 W", // a spec table: label, value
	}
	at := lineFeatureAt(t, lineFeatures(dumpOf(lines...), nil))
	if m, s := at(1, "short_run_figures"), at(6, "short_run_figures"); !(m == 0 && s == 0.5) {
		t.Errorf("short_run_figures: menu %v, spec table %v; want 0 and 0.5", m, s)
	}
	if p := at(4, "short_run_figures"); p != -1 {
		t.Errorf("short_run_figures of a prose line = %v, want -1", p)
	}
	if m, s := at(1, "win3_figures"), at(7, "win3_figures"); !(m == 0 && s == 0.5) {
		t.Errorf("win3_figures: menu %v, spec label %v; want 0 and 0.5", m, s)
	}
}
