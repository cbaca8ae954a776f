package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestDumpMixture (a reading aid, session 31): would a second line
// classifier fitted on wcxb's dumps alone help, mixed with the shipped kind
// of classifier (fitted on all sets) by the dump's article probability? Each
// dump of STORYLINE_DUMP_SETS is read by the site fold that never saw its
// site of both kept model folders (STORYLINE_DUMP_ORACLE: all sets;
// STORYLINE_DUMP_MIX: wcxb alone), and the line probabilities and the
// thresholds are mixed as p = a pAll + (1 - a) pWcxb, a the all-sets model's
// article probability. Printed per set (and wcxb page type): the mean token F1
// of the lines kept at the threshold as read (before rules and bridges, as
// TestDumpPageThresholdOracle) and the within-page AUC, for the all-sets model,
// the wcxb model and the mixture.
//
//	STORYLINE_DUMP_ORACLE=/tmp/all STORYLINE_DUMP_MIX=/tmp/wcxb STORYLINE_DUMP_SETS=wcxb,dragnet \
//	  go test ./internal/eval -run TestDumpMixture -v
func TestDumpMixture(t *testing.T) {
	dirA, dirB := os.Getenv("STORYLINE_DUMP_ORACLE"), os.Getenv("STORYLINE_DUMP_MIX")
	if dirA == "" || dirB == "" {
		t.Skip("set STORYLINE_DUMP_ORACLE and STORYLINE_DUMP_MIX to the folders of the site-fold models")
	}
	k := 2
	all, wc := loadSiteFoldDumpModels(t, dirA, k), loadSiteFoldDumpModels(t, dirB, k)
	type acc struct{ n, f1 [3]float64 }
	type aucAcc struct{ n, auc [3]float64 }
	var b strings.Builder
	for _, set := range strings.Split(os.Getenv("STORYLINE_DUMP_SETS"), ",") {
		pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), set), true)
		if err != nil {
			t.Fatal(err)
		}
		f1s, aucs := map[string]*acc{}, map[string]*aucAcc{}
		var order []string
		for _, p := range pages {
			f := siteFold(p.Site, k)
			la, tha, art := all[f].TraceDump(p.Page, p.Gold)
			lb, thb, _ := wc[f].TraceDump(p.Page, p.Gold)
			if len(la) == 0 || len(la) != len(lb) {
				continue
			}
			// a: the all-sets model's weight; by default its article
			// probability, with STORYLINE_DUMP_MIX_KIND=forum one minus the
			// kind's probability (the wcxb model for that kind alone).
			a := art
			if kind := os.Getenv("STORYLINE_DUMP_MIX_KIND"); kind != "" {
				a = 1 - all[f].KindsOfDump(p.Page)[slices.Index(extract.PageKinds(), kind)]
			}
			mix := slices.Clone(la)
			for i := range mix {
				mix[i].Prob = a*la[i].Prob + (1-a)*lb[i].Prob
			}
			thm := a*tha + (1-a)*thb
			for _, key := range []string{set, set + " " + p.PageType} {
				if key == set+" " {
					continue
				}
				if f1s[key] == nil {
					f1s[key], aucs[key] = &acc{}, &aucAcc{}
					order = append(order, key)
				}
				for m, r := range []struct {
					ls []extract.DumpLineTrace
					th float64
				}{{la, tha}, {lb, thb}, {mix, thm}} {
					f1s[key].n[m]++
					f1s[key].f1[m] += linesF1(r.ls, r.th)
					if auc, ok := linesAUC(r.ls); ok {
						aucs[key].n[m]++
						aucs[key].auc[m] += auc
					}
				}
			}
		}
		for _, key := range order {
			a, u := f1s[key], aucs[key]
			fmt.Fprintf(&b, "%-22s %4.0f pages  F1 as read all %.3f wcxb %.3f mix %.3f   AUC all %.3f wcxb %.3f mix %.3f\n", key, a.n[0],
				a.f1[0]/a.n[0], a.f1[1]/a.n[1], a.f1[2]/a.n[2], u.auc[0]/max(1, u.n[0]), u.auc[1]/max(1, u.n[1]), u.auc[2]/max(1, u.n[2]))
		}
	}
	t.Log("\n" + b.String())
}
