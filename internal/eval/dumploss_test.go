package eval

// A reading aid for held-out text dumps (session 25): where the macro
// precision and recall the quick check's site-fold models lose lie. The
// metric averages each page's precision and recall, so a page's loss counts
// as its share of what it keeps (or of its gold), whatever its length; this
// splits each page's loss over the places its lines lie (by line, with the
// fit's gold cover of 0.5 as "gold") and sums them over pages.
//
//	STORYLINE_DUMP_LOSS=/tmp/models STORYLINE_DUMP_SETS=dragnet,wcxb go test ./internal/eval -run TestDumpLoss -v
//
// STORYLINE_DUMP_OUT writes each page's losses by place, one line a page.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestDumpLoss(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_LOSS")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_LOSS to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	var b, pb strings.Builder
	for _, set := range dumpReadingSets(t) {
		pages := loadDumpReadingSet(t, set)
		pLoss, rLoss := map[string]float64{}, map[string]float64{}
		var np, nr float64
		for _, p := range pages {
			m := models[siteFold(p.Site, k)]
			ls, _, _ := m.TraceDump(p.Page, p.Gold)
			if len(ls) == 0 {
				continue
			}
			firstGold, lastGold, firstKept, lastKept := -1, -1, -1, -1
			var keptTok, goldTok float64
			for i, l := range ls {
				n := float64(len(strings.Fields(l.Text)))
				if l.Cover >= 0.5 {
					if firstGold < 0 {
						firstGold = i
					}
					lastGold = i
					goldTok += n
				}
				if l.Kept {
					if firstKept < 0 {
						firstKept = i
					}
					lastKept = i
					keptTok += n
				}
			}
			if keptTok > 0 {
				np++
			}
			if goldTok > 0 {
				nr++
			}
			pl, rl := map[string]float64{}, map[string]float64{}
			for i, l := range ls {
				n := float64(len(strings.Fields(l.Text)))
				short := "long"
				if len(strings.Fields(l.Text)) <= 5 {
					short = "short"
				}
				switch {
				case l.Kept && l.Cover < 0.5:
					place := "no gold"
					switch {
					case firstGold < 0:
					case i < firstGold:
						place = "before gold"
					case i < lastGold:
						place = "between gold"
					default:
						place = "after gold"
					}
					pl[place+" "+short] += n / keptTok
				case !l.Kept && l.Cover >= 0.5:
					place := "nothing kept"
					switch {
					case l.Rule:
						place = "rule"
					case firstKept < 0:
					case i < firstKept:
						place = "before kept"
					case i < lastKept:
						place = "between kept"
					default:
						place = "after kept"
					}
					rl[place+" "+short] += n / goldTok
				}
			}
			var pt, rt float64
			for c, v := range pl {
				pLoss[c] += v
				pt += v
			}
			for c, v := range rl {
				rLoss[c] += v
				rt += v
			}
			fmt.Fprintf(&pb, "%s/%s %s P-loss %.3f R-loss %.3f %v %v\n", set, p.Page.ID, p.PageType, pt, rt, pl, rl)
		}
		fmt.Fprintf(&b, "== %s: %d pages with output, %d with gold (losses in points of macro P and R, by line place)\n", set, int(np), int(nr))
		for _, x := range []struct {
			name string
			m    map[string]float64
			n    float64
		}{{"P", pLoss, np}, {"R", rLoss, nr}} {
			var keys []string
			var tot float64
			for c, v := range x.m {
				keys = append(keys, c)
				tot += v
			}
			sort.Slice(keys, func(i, j int) bool { return x.m[keys[i]] > x.m[keys[j]] })
			fmt.Fprintf(&b, "  %s lost %.4f\n", x.name, tot/x.n)
			for _, c := range keys {
				fmt.Fprintf(&b, "    %-22s %.4f\n", c, x.m[c]/x.n)
			}
		}
	}
	if out := os.Getenv("STORYLINE_DUMP_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(pb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("\n" + b.String())
}

// TestDumpRuleLines counts, by set, the tokens of the lines isLineChrome's
// rules drop, gold (cover 0.5 or more) or not, by rule, and prints the gold
// ones to STORYLINE_DUMP_OUT.
func TestDumpRuleLines(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_RULES")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_RULES to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	var b, pb strings.Builder
	for _, set := range dumpReadingSets(t) {
		pages := loadDumpReadingSet(t, set)
		gold, other := map[string]int{}, map[string]int{}
		goldLines, otherLines := map[string]int{}, map[string]int{}
		for _, p := range pages {
			ls, _, _ := models[siteFold(p.Site, k)].TraceDump(p.Page, p.Gold)
			for _, l := range ls {
				if l.Why == "" {
					continue
				}
				n := len(strings.Fields(l.Text))
				if l.Cover >= 0.5 {
					gold[l.Why] += n
					goldLines[l.Why]++
					fmt.Fprintf(&pb, "%s/%s %s %.2f %.2f | %s\n", set, p.Page.ID, l.Why, l.Prob, l.Cover, l.Text)
				} else {
					other[l.Why] += n
					otherLines[l.Why]++
				}
			}
		}
		for _, why := range []string{"chrome", "credit", "byline"} {
			fmt.Fprintf(&b, "%-16s %-7s gold %6d tokens %5d lines, not gold %7d tokens %6d lines\n", set, why, gold[why], goldLines[why], other[why], otherLines[why])
		}
	}
	if out := os.Getenv("STORYLINE_DUMP_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(pb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("\n" + b.String())
}

// dumpReadingSets are the extraction sets the dump reading aids read,
// STORYLINE_DUMP_SETS split at its commas.
func dumpReadingSets(t *testing.T) []string {
	v := os.Getenv("STORYLINE_DUMP_SETS")
	if v == "" {
		t.Fatal("set STORYLINE_DUMP_SETS to the extraction sets to read, comma-separated (dragnet,wcxb)")
	}
	return strings.Split(v, ",")
}

// loadDumpReadingSet loads one extraction set's dumps, only the pages of
// STORYLINE_DUMP_TYPE's wcxb page type when it is set.
func loadDumpReadingSet(t *testing.T, set string) []LabelledPage {
	pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), set), true)
	if err != nil {
		t.Fatal(err)
	}
	if ty := os.Getenv("STORYLINE_DUMP_TYPE"); ty != "" {
		pages = slices.DeleteFunc(pages, func(p LabelledPage) bool { return p.PageType != ty })
	}
	return pages
}
