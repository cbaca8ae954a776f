package extract

import (
	"slices"
	"testing"
)

// A byline candidate says whether its names read as people or as an
// organisation by the name lexicon: a first name (after an honorific) and a
// surname for "Dr Jane Miller", a word of organisations' names for "Harbour
// Clinic".
func TestBylineLexiconFeatures(t *testing.T) {
	page := `<html><head><title>Harbour strike ends</title><meta name="author" content="Harbour Clinic">
</head><body><h1>Harbour strike ends</h1><p class="byline">By Dr. Jane Miller</p>
<p>The dockers went back to work on Monday after nine days of strike at the harbour.</p></body></html>`
	for _, f := range []string{"lex_first_names", "lex_surnames", "lex_org_names"} {
		if !slices.Contains(BylineFeatureNames(), f) {
			t.Fatalf("no byline feature %q among %v", f, BylineFeatureNames())
		}
	}
	_, feature := bylineFeaturesOf(t, page)
	for _, c := range []struct {
		value, feature string
		want           float64
	}{
		{"Dr. Jane Miller", "lex_first_names", 1},
		{"Dr. Jane Miller", "lex_surnames", 1},
		{"Dr. Jane Miller", "lex_org_names", 0},
		{"Harbour Clinic", "lex_first_names", 0},
		{"Harbour Clinic", "lex_org_names", 1},
	} {
		if got := feature(c.value, c.feature); got != c.want {
			t.Errorf("%q: %s = %v, want %v", c.value, c.feature, got, c.want)
		}
	}
}

// Shares are over the candidate's names: one person and one desk give a
// half each way.
func TestLexiconNamesOfAList(t *testing.T) {
	lx := readLexiconNames([]string{"Maria Lopez", "Metro Desk News"})
	if lx.firstNames != 1 || lx.surnames != 1 || lx.orgs != 1 {
		t.Errorf("readLexiconNames = %+v, want one first name, one surname, one organisation", lx)
	}
}
