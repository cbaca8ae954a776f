package eval

// A reading aid for held-out text dumps (session 20, issue 13 point 5):
// each dump of the sets named is read by the quick check's site-fold model
// that never saw its site (`eval extract --text --cv --site-folds 2
// --keep-models DIR`), and the worst dumps by shingle F1 are printed line
// by line: the classifier's probability, the gold's cover of the line, and
// a mark (K+ kept gold, K- kept not gold, D+ dropped gold, "  " dropped not
// gold, R when a rule dropped it whatever its probability).
//
//	STORYLINE_DUMP_TRACE=/tmp/models STORYLINE_DUMP_SETS=dragnet STORYLINE_DUMP_WORST=25 \
//	  STORYLINE_DUMP_OUT=/tmp/trace.txt go test ./internal/eval -run TestDumpTrace -v
//
// STORYLINE_DUMP_TYPE limits the pages to one wcxb page type (article, ...),
// STORYLINE_DUMP_IDS to the pages of these ids (comma-separated).

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

func TestDumpTrace(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_TRACE")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_TRACE to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	bench := extractionBenchDir()
	worst, _ := strconv.Atoi(os.Getenv("STORYLINE_DUMP_WORST"))
	if worst == 0 {
		worst = 25
	}
	var b strings.Builder
	for _, set := range strings.Split(os.Getenv("STORYLINE_DUMP_SETS"), ",") {
		pages, err := LoadExtractionSet(filepath.Join(bench, set), true)
		if err != nil {
			t.Fatal(err)
		}
		if ids := os.Getenv("STORYLINE_DUMP_IDS"); ids != "" {
			pages = slices.DeleteFunc(pages, func(p LabelledPage) bool { return !slices.Contains(strings.Split(ids, ","), p.Page.ID) })
		}
		if ty := os.Getenv("STORYLINE_DUMP_TYPE"); ty != "" {
			pages = slices.DeleteFunc(pages, func(p LabelledPage) bool { return p.PageType != ty })
		}
		type res struct {
			i int
			s PageScore
			f float64
		}
		var rs []res
		for i, p := range pages {
			a, _ := models[siteFold(p.Site, k)].Extract(p.Page)
			s := ScorePage(p.Gold, a.Text)
			rs = append(rs, res{i, s, F1(s.Precision, s.Recall)})
		}
		slices.SortStableFunc(rs, func(a, b res) int {
			if a.f < b.f {
				return -1
			}
			if a.f > b.f {
				return 1
			}
			return 0
		})
		for _, r := range rs[:min(worst, len(rs))] {
			p := pages[r.i]
			m := models[siteFold(p.Site, k)]
			ls, th, art := m.TraceDump(p.Page, p.Gold)
			fmt.Fprintf(&b, "=== %s/%s %s F1 %.3f P %.3f R %.3f threshold %.3f article %.2f fold %d\n", set, p.Page.ID, p.PageType, r.f, r.s.Precision, r.s.Recall, th, art, siteFold(p.Site, k))
			for _, l := range ls {
				mark := "  "
				switch {
				case l.Kept && l.Cover >= 0.5:
					mark = "K+"
				case l.Kept:
					mark = "K-"
				case l.Cover >= 0.5:
					mark = "D+"
				}
				rule := " "
				if l.Rule {
					rule = "R"
				}
				txt := l.Text
				if len(txt) > 160 {
					txt = txt[:160] + "..."
				}
				fmt.Fprintf(&b, "%s%s %.3f %.2f %3d | %s\n", mark, rule, l.Prob, l.Cover, len(strings.Fields(l.Text)), txt)
			}
		}
	}
	if out := os.Getenv("STORYLINE_DUMP_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Log(b.String())
}

// TestDumpRescore scores every held-out dump of the eight sets again with
// the quick check's kept site-fold models (STORYLINE_DUMP_RESCORE, as
// TestDumpTrace's folder): the fits are the same, so what it measures is a
// change in how lines are chosen from the probabilities (thresholds,
// bridges, rules), not in the features. On an unchanged tree it gives the
// quick check's figures. STORYLINE_DUMP_BLANK=1 (2, 3) reads the pages at
// that extract.WordBlank level, as `eval extract --unknown-words` does.
//
//	STORYLINE_DUMP_RESCORE=/tmp/models go test ./internal/eval -run TestDumpRescore -v
func TestDumpRescore(t *testing.T) {
	dir := os.Getenv("STORYLINE_DUMP_RESCORE")
	if dir == "" {
		t.Skip("set STORYLINE_DUMP_RESCORE to the folder of the site-fold models")
	}
	k := 2
	models := loadSiteFoldDumpModels(t, dir, k)
	if lv, _ := strconv.Atoi(os.Getenv("STORYLINE_DUMP_BLANK")); lv > 0 { // read every page as one whose words the fit never read (extract.WordBlank)
		for f := range models {
			models[f] = models[f].Blanked(extract.WordBlank(lv))
		}
	}
	bench := extractionBenchDir()
	news := []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos"}
	sets := append(slices.Clone(news), "cleaneval", "readability", "wcxb")
	var b strings.Builder
	var five, all []PageScore
	var pb strings.Builder // each page's F1, P and R, for STORYLINE_DUMP_PAGES
	line := func(name string, ss []PageScore) {
		p, r, f := CorpusScore(ss)
		fmt.Fprintf(&b, "%-22s %4d  F1 %.4f  P %.3f  R %.3f\n", name, len(ss), f, p, r)
	}
	for _, set := range sets {
		pages, err := LoadExtractionSet(filepath.Join(bench, set), true)
		if err != nil {
			t.Fatal(err)
		}
		var ss []PageScore
		types := map[string][]PageScore{}
		for _, p := range pages {
			a, _ := models[siteFold(p.Site, k)].Extract(p.Page)
			s := ScorePage(p.Gold, a.Text)
			ss = append(ss, s)
			fmt.Fprintf(&pb, "%s/%s %.4f %.4f %.4f\n", set, p.Page.ID, F1(s.Precision, s.Recall), s.Precision, s.Recall)
			if p.PageType != "" {
				types[p.PageType] = append(types[p.PageType], s)
			}
		}
		line(set, ss)
		for _, ty := range []string{"article", "listing", "forum", "product", "documentation", "service", "collection"} {
			if len(types[ty]) > 0 {
				line("  "+ty, types[ty])
			}
		}
		all = append(all, ss...)
		if slices.Contains(news, set) {
			five = append(five, ss...)
		}
	}
	line("five news pooled", five)
	line("all pooled", all)
	if out := os.Getenv("STORYLINE_DUMP_PAGES"); out != "" {
		if err := os.WriteFile(out, []byte(pb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("\n" + b.String())
}

// loadDumpModel reads a kept fold model of a text-dump fit (dump parts
// only) into a copy of the embedded model (extract.LoadDumpParts).
// extractionBenchDir is the extraction benchmark's folder the env-gated
// studies read: STORYLINE_BENCH, else ../shared beside the repository.
func extractionBenchDir() string {
	if dir := os.Getenv("STORYLINE_BENCH"); dir != "" {
		return dir
	}
	return "../../../shared/bench/extraction"
}

// loadSiteFoldDumpModels reads the k site-fold models kept in dir
// (site-fold-F-of-K.json) for their dump parts (loadDumpModel).
func loadSiteFoldDumpModels(t *testing.T, dir string, k int) []*extract.Model {
	t.Helper()
	return loadSiteFoldModels(t, dir, k, loadDumpModel)
}

// loadSiteFoldModels reads the k site-fold models kept in dir
// (site-fold-F-of-K.json), each by load.
func loadSiteFoldModels(t *testing.T, dir string, k int, load func([]byte) (*extract.Model, error)) []*extract.Model {
	t.Helper()
	models := make([]*extract.Model, k)
	for f := range k {
		raw, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("site-fold-%d-of-%d.json", f+1, k)))
		if err != nil {
			t.Fatal(err)
		}
		if models[f], err = load(raw); err != nil {
			t.Fatal(err)
		}
	}
	return models
}

func loadDumpModel(raw []byte) (*extract.Model, error) {
	d, err := extract.LoadDumpParts(raw)
	if err != nil {
		return nil, err
	}
	// The embedded model's HTML parts, without its dump parts, which need
	// not load beside line features that changed since it was fitted.
	var base map[string]json.RawMessage
	if err := json.Unmarshal(extract.EmbeddedModelJSON(), &base); err != nil {
		return nil, err
	}
	for _, k := range extract.DumpKeys {
		delete(base, k)
	}
	raw, err = json.Marshal(base)
	if err != nil {
		return nil, err
	}
	m, err := extract.LoadModel(raw)
	if err != nil {
		return nil, err
	}
	return m.WithDumpParts(d, "text dumps: a kept fold model")
}
