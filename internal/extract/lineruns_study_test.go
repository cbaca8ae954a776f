package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/extract"
)

// TestRunFeatureStudy (a reading aid, session 31): over the non-prose lines
// of the sets' dumps, grouped by the page's kind, the share of lines the gold
// covers by bins of the echo and run features.
//
//	STORYLINE_RUN_STUDY=/work/shared/bench/extraction go test ./internal/extract -run TestRunFeatureStudy -v
func TestRunFeatureStudy(t *testing.T) {
	bench := os.Getenv("STORYLINE_RUN_STUDY")
	if bench == "" {
		t.Skip("set STORYLINE_RUN_STUDY to the extraction bench folder")
	}
	type cell struct{ gold, n float64 }
	feats := []string{"echo_nearest", "echo_far_win", "np_run_largest", "np_run_echo_far", "np_run_token_share", "np_run_edge_dist", "np_run_distinct", "same_text_in_page"}
	bin := func(f string, v float64) string {
		switch f {
		case "np_run_largest":
			return fmt.Sprint(v)
		case "echo_nearest":
			switch {
			case v < 0:
				return "none"
			case v < 1.8:
				return "<5"
			case v < 2.6:
				return "<12"
			default:
				return ">=12"
			}
		case "same_text_in_page":
			return fmt.Sprint(min(v, 3))
		}
		return fmt.Sprintf("%.1f", float64(int(v*5))/5)
	}
	stats := map[string]map[string]map[string]*cell{} // group -> feature -> bin
	for _, set := range []string{"wcxb", "dragnet", "l3s-gn1", "cleaneval", "readability"} {
		pages, err := eval.LoadExtractionSet(filepath.Join(bench, set), true)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			g := set
			if set == "wcxb" {
				g = "wcxb-" + p.PageType
				if p.PageType == "listing" || p.PageType == "product" || p.PageType == "collection" {
					g = "wcxb-list/prod/coll"
				}
			}
			names, x, cover, prose := extract.StudyLineFeatures(p.Page.Body, p.Gold)
			nf := len(names)
			for i := range cover {
				if prose[i] {
					continue
				}
				for _, f := range feats {
					v := x[i*nf+slices.Index(names, f)]
					if stats[g] == nil {
						stats[g] = map[string]map[string]*cell{}
					}
					if stats[g][f] == nil {
						stats[g][f] = map[string]*cell{}
					}
					c := stats[g][f][bin(f, v)]
					if c == nil {
						c = &cell{}
						stats[g][f][bin(f, v)] = c
					}
					c.n++
					if cover[i] >= 0.5 {
						c.gold++
					}
				}
			}
		}
	}
	var b strings.Builder
	groups := make([]string, 0, len(stats))
	for g := range stats {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	for _, g := range groups {
		for _, f := range feats {
			fmt.Fprintf(&b, "%-22s %-20s", g, f)
			bins := make([]string, 0)
			for k := range stats[g][f] {
				bins = append(bins, k)
			}
			slices.Sort(bins)
			for _, k := range bins {
				c := stats[g][f][k]
				fmt.Fprintf(&b, " %s:%.2f(%d)", k, c.gold/c.n, int(c.n))
			}
			b.WriteString("\n")
		}
	}
	t.Log("\n" + b.String())
}
