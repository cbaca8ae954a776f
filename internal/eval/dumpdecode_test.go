package eval

// A study of the two-state line decode (session 22, issue 13): every
// held-out dump of the eight sets is read by the quick check's site-fold
// model that never saw its site (as TestDumpRescore) under a grid of the
// decode's switch costs, and each page's precision and recall under each
// setting is written out with its fold, so that a setting can be chosen on
// one fold's pages and scored on the other's (cross-fitted):
//
//	STORYLINE_DUMP_DECODE=/tmp/models STORYLINE_DUMP_OUT=/tmp/grid.tsv \
//	  go test ./internal/eval -run TestDumpDecodeGrid -v -timeout 2h
//
// STORYLINE_DUMP_GRID overrides the settings: "switch/stop/bridge;..."
// (bridge 0 or 1); the setting "main" (no decode) is always scored first.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

func TestDumpDecodeGrid(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_DECODE")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_DECODE to the folder of the site-fold models")
	}
	type setting struct {
		name         string
		sw, stop     float64
		bridge, main bool
	}
	grid := []setting{{name: "main", main: true}}
	spec := os.Getenv("STORYLINE_DUMP_GRID")
	if spec == "" {
		var parts []string
		for _, sw := range []float64{0.001, 0.25, 0.5, 0.75, 1, 1.5, 2, 3} {
			for _, stopShare := range []float64{0, 1} {
				for _, br := range []int{0, 1} {
					parts = append(parts, fmt.Sprintf("%g/%g/%d", sw, sw*stopShare, br))
				}
			}
		}
		spec = strings.Join(parts, ";")
	}
	for _, s := range strings.Split(spec, ";") {
		f := strings.Split(s, "/")
		sw, _ := strconv.ParseFloat(f[0], 64)
		st, _ := strconv.ParseFloat(f[1], 64)
		grid = append(grid, setting{name: s, sw: sw, stop: st, bridge: f[2] == "1"})
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	bench := extractionBenchDir()
	sets := []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos", "cleaneval", "readability", "wcxb"}
	extract.MemoLineProbs(true)
	defer extract.MemoLineProbs(false)
	var b strings.Builder
	for _, set := range sets {
		pages, err := LoadExtractionSet(filepath.Join(bench, set), true)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range grid {
			for _, m := range models {
				if g.main {
					m.SetLineDecode(0, 0, false)
				} else {
					m.SetLineDecode(g.sw, g.stop, g.bridge)
				}
			}
			for _, p := range pages {
				fold := siteFold(p.Site, k)
				a, _ := models[fold].Extract(p.Page)
				s := ScorePage(p.Gold, a.Text)
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\t%.5f\t%.5f\t%t\t%t\n", g.name, set, p.Page.ID, p.PageType, fold, s.Precision, s.Recall, s.HasOutput, s.HasGold)
			}
		}
		t.Logf("%s done", set)
	}
	out := os.Getenv("STORYLINE_DUMP_OUT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "grid.tsv")
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
