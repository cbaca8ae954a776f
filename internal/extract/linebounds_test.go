package extract

import (
	"slices"
	"testing"
)

// boundaryTestDump is an invented article of five paragraphs about a
// harbour, a "more stories" header and other chrome, and a teaser about a
// bakery below them.
func boundaryTestDump() []lineInfo {
	return dumpOf(
		"Harbour wall to be raised - Coast Daily",
		"The harbour board agreed on Tuesday to raise the old sea wall by a metre before the winter storms arrive.",
		"Fishermen at the harbour said the sea wall had been breached twice last winter, flooding the quay and the market.",
		"The board will pay for the wall from its reserves, and the harbour master expects the work to take four months.",
		"Residents near the quay welcomed the plan but asked the board to keep the market open while the wall is built.",
		"The harbour board meets again in March to choose a builder for the sea wall and to set the market's hours.",
		"More stories",
		"Share this",
		"Most read",
		"Sign up to our newsletter",
		"Village bakery wins a prize",
		"A family bakery in the hills has won a national prize for its rye loaf, its owners told reporters on Friday.",
	)
}

// TestBoundaryFeatures: the teaser below the "More stories" header and
// three other chrome lines has four boundary-chrome lines between it and
// the article's prose; the
// article's paragraphs have none; the header carries a closing phrase.
func TestBoundaryFeatures(t *testing.T) {
	ls := boundaryTestDump()
	at := lineFeatureAt(t, lineFeatures(ls, nil))
	teaser := len(ls) - 1
	if got := at(6, "closing_cue"); got != 1 {
		t.Errorf("closing_cue of the header = %v, want 1", got)
	}
	for _, f := range []string{"chrome_to_largest_lines", "chrome_to_run_lines"} {
		if got := at(3, f); got != 0 {
			t.Errorf("%s of a paragraph = %v, want 0", f, got)
		}
		if got := at(teaser, f); got != 4 {
			t.Errorf("%s of the teaser = %v, want 4", f, got)
		}
	}
	if got := at(teaser, "chrome_before_share"); got != 1 {
		t.Errorf("chrome_before_share of the teaser = %v, want 1", got)
	}
	if got := at(1, "chrome_before_share"); got != 0 {
		t.Errorf("chrome_before_share of the first paragraph = %v, want 0", got)
	}
}

// TestBlankedBoundaryFeatures: at BlankWordCues the boundary features,
// which read phrase lists, read 0, and so does the teaser feature that
// counts boundary chrome (isBoundaryChrome reads the same lists).
func TestBlankedBoundaryFeatures(t *testing.T) {
	cols := blankCols(lineFeatureNames, BlankWordCues)
	for _, n := range append(slices.Clone(boundaryNames), "chrome_in_largest_before") {
		k := slices.Index(lineFeatureNames, n)
		if !slices.ContainsFunc(cols, func(c blankValue) bool { return c.col == k && c.v == 0 }) {
			t.Errorf("%s is not blanked at BlankWordCues", n)
		}
	}
}

// TestTeaserFeatures: with no chrome between them, an article paragraph
// shares some of its weighed words (its names and topic words) with the
// rest of the article, and the appended teaser's headline and snippet,
// about another story, share none but function words, which weigh
// nothing; the article's lines above the teaser share more than the lines
// from the teaser down.
func TestTeaserFeatures(t *testing.T) {
	lines := []string{"Harbour wall to be raised - Coast Daily"}
	topics := []string{"harbour board", "sea wall", "quay market"}
	for i, rest := range []string{
		"agreed on Tuesday to spend its reserves before winter storms arrive",
		"was breached twice last year, fishermen recalled while mending nets",
		"flooded during March, traders said, losing a whole week's takings",
		"will choose a builder soon, according to minutes published online",
		"needs another metre, engineers reckon after surveying every stone",
		"stays open throughout, officials promised nervous stallholders yesterday",
		"costs remain unclear although estimates circulate among councillors",
		"dates from eighteen twenty and once sheltered whaling ships",
	} {
		lines = append(lines, "The "+topics[i%3]+" of the town "+rest+", people of the coast say.")
	}
	lines = append(lines, "Village bakery wins a prize",
		"The family bakery of the hills won national acclaim for rye loaves, owners of the shop say.")
	ls := dumpOf(lines...)
	at := lineFeatureAt(t, lineFeatures(ls, nil))
	last := len(lines) - 1
	if p, q := at(3, "body_overlap"), at(last, "body_overlap"); !(p > q+0.05) { // the snippet shares "bakery" with its headline
		t.Errorf("body_overlap: paragraph %v, teaser snippet %v; want the paragraph's above", p, q)
	}
	if p, q := at(3, "pair_overlap"), at(last-1, "pair_overlap"); !(p > 0.1 && q < 0.05) {
		t.Errorf("pair_overlap: paragraphs %v, teaser %v; want above 0.1 and under 0.05", p, q)
	}
	if h := at(last-1, "next_prose_overlap"); h != at(last, "body_overlap") {
		t.Errorf("next_prose_overlap of the teaser's headline = %v, want its snippet's body_overlap", h)
	}
	if s, p := at(last-1, "suffix_overlap"), at(last-1, "prefix_overlap"); !(p > s) {
		t.Errorf("at the teaser: suffix_overlap %v, prefix_overlap %v; want the prefix's above", s, p)
	}
	if got := at(last, "to_largest_end"); got != 0 {
		t.Errorf("to_largest_end of the segment's last line = %v, want 0", got)
	}
}

// lineFeatureAt reads line i's feature of a name from lineFeatures' rows x.
func lineFeatureAt(t *testing.T, x []float64) func(i int, name string) float64 {
	t.Helper()
	return func(i int, name string) float64 {
		k := slices.Index(lineFeatureNames, name)
		if k < 0 {
			t.Fatalf("no line feature %q", name)
		}
		return x[i*numLineFeatures+k]
	}
}
