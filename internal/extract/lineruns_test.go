package extract

import (
	"math"
	"slices"
	"testing"
)

// TestRunFeatures: an invented garden shop's category dump. Its menu is
// printed over and under the item grid; the grid is the bulk of the page, its
// names printed once and its button repeated at the grid's period. The menu's
// lines read as echoed far away, among neighbours echoed far away; the grid's
// as printed once or echoed near, among neighbours that are not echoed far.
// The grid and the footer menu make one run (no prose between them), the
// dump's largest; the prose line is in no run.
func TestRunFeatures(t *testing.T) {
	menu := []string{"Home", "Seeds", "Tools", "Contact"}
	grid := []string{
		"Copper watering can 5 l", "€34.90", "Add to basket",
		"Ash handle garden fork", "€27.50", "Add to basket",
		"Pruning shears with spring", "€19.00", "Add to basket",
		"Galvanised bucket 10 l", "€12.40", "Add to basket",
	}
	var dump []string
	dump = append(dump, menu...)
	dump = append(dump, "Our tools are made to last for years, and we repair the ones we sell when they break.")
	dump = append(dump, grid...)
	dump = append(dump, menu...)
	ls := dumpOf(dump...)
	x := lineFeatures(ls, nil)
	at := func(i int, name string) float64 {
		k := slices.Index(lineFeatureNames, name)
		if k < 0 {
			t.Fatalf("no feature %q", name)
		}
		return x[i*numLineFeatures+k]
	}
	first, prose, item, button, midGrid, footer := 0, 4, 5, 7, 10, 19
	for _, c := range []struct {
		line       int
		name       string
		want, tol  float64
		whatItSays string
	}{
		{first, "echo_nearest", math.Log1p(17), 1e-9, "the menu is printed again 17 lines down"},
		{button, "echo_nearest", math.Log1p(3), 1e-9, "the button repeats at the grid's period"},
		{item, "echo_nearest", -1, 0, "an item's name is printed once"},
		{midGrid, "echo_far_win", 0, 0, "no line around the grid's middle is echoed far"},
		{footer, "echo_far_win", 0.5, 1e-9, "three of the six lines around the footer menu's are"},
		{first, "np_run_echo_far", 1, 0, "all the top menu's lines are printed again far away"},
		{item, "np_run_echo_far", 4.0 / 16, 1e-9, "the grid's run holds the footer menu's four lines"},
		{first, "np_run_largest", 0, 0, "the menu is not the page's bulk"},
		{item, "np_run_largest", 1, 0, "the grid is in the largest non-prose run"},
		{item, "np_run_distinct", 13.0 / 16, 1e-9, "thirteen texts in sixteen lines"},
		{first, "np_run_edge_dist", 0, 0, "the menu opens the dump"},
		{prose, "np_run_lines", -1, 0, "a prose line is in no run"},
	} {
		if got := at(c.line, c.name); got < c.want-c.tol || got > c.want+c.tol {
			t.Errorf("line %d %s = %v, want %v (%s)", c.line, c.name, got, c.want, c.whatItSays)
		}
	}
}
