package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumpOutlineCount is a reading aid (s51-dumpsect): for every dump of
// the sets named, read by the site-fold model that never saw its site, the
// tokens inside and outside the outline series (extract's outline
// features), by gold cover and kept or dropped; per page and summed per set
// and wcxb page type. STORYLINE_OUTLINE_LARGEST=1 counts only the series
// that hold a line of the largest prose segment.
//
//	STORYLINE_OUTLINE_COUNT=/tmp/models STORYLINE_DUMP_SETS=wcxb,dragnet \
//	  STORYLINE_DUMP_OUT=/tmp/count.txt go test ./internal/eval -run TestDumpOutlineCount
func TestDumpOutlineCount(t *testing.T) {
	dir := os.Getenv("STORYLINE_OUTLINE_COUNT")
	if dir == "" {
		t.Skip("set STORYLINE_OUTLINE_COUNT to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	bench := extractionBenchDir()
	var b strings.Builder
	for _, set := range strings.Split(os.Getenv("STORYLINE_DUMP_SETS"), ",") {
		pages, err := LoadExtractionSet(filepath.Join(bench, set), true)
		if err != nil {
			t.Fatal(err)
		}
		type acc struct{ inG, inN, inGD, inNK, outG, outN, pagesWith float64 }
		by := map[string]*acc{}
		for _, p := range pages {
			m := models[siteFold(p.Site, k)]
			ls, _, _ := m.TraceDump(p.Page, p.Gold)
			ty := p.PageType
			if ty == "" {
				ty = "all"
			}
			a := by[ty]
			if a == nil {
				a = &acc{}
				by[ty] = a
			}
			var pin, pinG, pinGD, pinN float64
			for _, l := range ls {
				if os.Getenv("STORYLINE_OUTLINE_LARGEST") != "" && l.Cards < 0 {
					l.Cards = 0
				}
				n := float64(len(strings.Fields(l.Text)))
				g := l.Cover >= 0.5
				switch {
				case l.Cards != 0 && g:
					a.inG += n
					pinG += n
					if !l.Kept {
						a.inGD += n
						pinGD += n
					}
				case l.Cards != 0:
					a.inN += n
					pinN += n
					if l.Kept {
						a.inNK += n
					}
				case g:
					a.outG += n
				default:
					a.outN += n
				}
				if l.Cards != 0 {
					pin += n
				}
			}
			if pin > 0 {
				a.pagesWith++
			}
			fmt.Fprintf(&b, "PAGE %s/%s %s in %.0f gold %.0f golddropped %.0f nongold %.0f\n", set, p.Page.ID, ty, pin, pinG, pinGD, pinN)
		}
		for ty, a := range by {
			fmt.Fprintf(&b, "SET %s %s pages-with-series %.0f | in series: gold %.0f (dropped %.0f) other %.0f (kept %.0f) | outside: gold %.0f other %.0f\n", set, ty, a.pagesWith, a.inG, a.inGD, a.inN, a.inNK, a.outG, a.outN)
		}
	}
	if err := os.WriteFile(os.Getenv("STORYLINE_DUMP_OUT"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
