package cli

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/eval"
)

// TestPrintKinds: one line per wcxb page type, in name order, with its
// pages, the share given its own kind and the count of every kind given.
func TestPrintKinds(t *testing.T) {
	var out strings.Builder
	f := eval.FoldScore{KindPred: map[string]map[string]int{
		"listing": {"article": 1, "listing": 3},
		"article": {"article": 2},
	}}
	printKinds(env{stdout: &out}, f)
	want := "  kind of wcxb article          2 pages, 100% right: article 2\n" +
		"  kind of wcxb listing          4 pages,  75% right: article 1 listing 3\n"
	if out.String() != want {
		t.Errorf("printKinds:\n%q\nwant\n%q", out.String(), want)
	}
	if got := f.KindRight("listing"); got != 3 {
		t.Errorf("KindRight(listing) = %d, want 3", got)
	}
	if got := f.KindRight("product"); got != 0 {
		t.Errorf("KindRight(product) = %d, want 0", got)
	}
}

// TestPrintSiteFoldsKindsOnce: the kind confusion is printed only when
// asked, so a site-fold run with threshold variants prints it once.
func TestPrintSiteFoldsKindsOnce(t *testing.T) {
	f := eval.FoldScore{KindPred: map[string]map[string]int{"article": {"article": 2}}}
	for _, kinds := range []bool{true, false} {
		var out strings.Builder
		printSiteFolds(env{stdout: &out}, f, kinds)
		want := 0
		if kinds {
			want = 1
		}
		if got := strings.Count(out.String(), "kind of wcxb"); got != want {
			t.Errorf("printSiteFolds(kinds=%v) printed the confusion %d times", kinds, got)
		}
	}
}
