package eval

import (
	"fmt"
	"slices"
	"testing"
)

// The folds of another partition (--cv-partition) keep each site's pages
// in one fold, as partition 0 does, but deal the sites differently.
func TestSaltedSiteFoldsKeepSitesTogether(t *testing.T) {
	var pages []MetaPage
	for s := 0; s < 40; s++ {
		for i := 0; i < 3; i++ {
			pages = append(pages, MetaPage{ID: fmt.Sprintf("%d-%d", s, i), Site: fmt.Sprintf("site%d.example", s)})
		}
	}
	p0, p1 := saltedSiteFolds(pages, 5, 0), saltedSiteFolds(pages, 5, 1)
	if !slices.Equal(p0, siteFolds(pages, 5)) {
		t.Fatal("partition 0 is not the usual site folds")
	}
	for i := range pages {
		if i%3 != 0 && (p0[i] != p0[i-1] || p1[i] != p1[i-1]) {
			t.Fatalf("site %s split across folds", pages[i].Site)
		}
	}
	if slices.Equal(p0, p1) {
		t.Error("partition 1 deals the sites as partition 0 does")
	}
}
