package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/extract"
)

// eval meta --days fails before reading any page when its file cannot be
// written, saying which flag, and refuses the fitting modes it would ignore.
func TestEvalMetaDaysFlag(t *testing.T) {
	dir := t.TempDir()
	missingSet := filepath.Join(dir, "no-such-set")
	_, errOut, code := storyline(t, "eval", "meta", "--days", filepath.Join(dir, "no", "dir", "out.tsv"), missingSet)
	if code != 1 || !strings.Contains(errOut, "eval meta --days: open ") {
		t.Errorf("--days into a missing folder: exit %d, %q; want 1 and the flag's error before the set is read", code, errOut)
	}
	for _, mode := range []string{"--fit", "--loso", "--cv=5"} {
		_, errOut, code := storyline(t, "eval", "meta", "--days", filepath.Join(dir, "out.tsv"), mode, missingSet)
		if code != 2 || !strings.Contains(errOut, "does not combine") {
			t.Errorf("--days with %s: exit %d, %q; want a usage error", mode, code, errOut)
		}
	}
}

// eval meta --strip-meta scores HTML pages: it refuses the modes that
// would fit a model, write days or read dumps, before reading a page.
func TestEvalMetaStripMetaFlag(t *testing.T) {
	missingSet := filepath.Join(t.TempDir(), "no-such-set")
	for _, mode := range [][]string{{"--fit"}, {"--days", filepath.Join(t.TempDir(), "d.tsv")}, {"--text"}} {
		_, errOut, code := storyline(t, append(append([]string{"eval", "meta", "--strip-meta"}, mode...), missingSet)...)
		if code != 2 || !strings.Contains(errOut, "--strip-meta") || !strings.Contains(errOut, "does not combine") {
			t.Errorf("--strip-meta with %v: exit %d, %q; want a usage error naming the flag", mode, code, errOut)
		}
	}
}

// eval meta's flags out of range or at odds are usage errors naming the
// flag, before any page is read.
func TestEvalMetaFlagErrors(t *testing.T) {
	missingSet := filepath.Join(t.TempDir(), "no-such-set")
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"--loso", "--fields", "date", "--wrong-cost", "-1"}, "--wrong-cost"},
		{[]string{"--loso", "--fields", "date", "--inner-folds", "1"}, "--inner-folds"},
		{[]string{"--loso", "--fields", "date", "--max-wrong", "1.5"}, "--max-wrong"},
		{[]string{"--loso", "--fields", "date", "--max-wrong", "0.1", "--wrong-cost", "1"}, "--wrong-cost and --max-wrong"},
		{[]string{"--loso", "--model", "m.json"}, "--model"},
		{[]string{"--cv", "5", "--cv-partition", "-1"}, "--cv-partition"},
		{[]string{"--picks", "p.tsv"}, "--picks writes the picks of held-out pages"},
		{[]string{"--fit", "--picks", "p.tsv"}, "--picks writes the picks of held-out pages"},
		{[]string{"--id-runs", "0001-0956"}, "--id-runs counts the picks of held-out pages"},
		{[]string{"--loso", "--id-runs", "0956-0001"}, `--id-runs: id run "0956-0001"`},
		{[]string{"--cv", "5", "--id-runs", "0001"}, `--id-runs: id run "0001": want FIRST-LAST`},
	} {
		_, errOut, code := storyline(t, append(append([]string{"eval", "meta"}, tc.args...), missingSet)...)
		if code != 2 || !strings.Contains(errOut, tc.flag) {
			t.Errorf("%v: exit %d, %q; want a usage error naming %s", tc.args, code, errOut, tc.flag)
		}
	}
}

// A --model file lacking a ranker that is kept is named in the error; one
// lacking only the ranker being refitted is read.
func TestEvalMetaModelFile(t *testing.T) {
	dir := t.TempDir()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(extract.EmbeddedMetaModel(), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "date")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "nodate.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("meta", flag.ContinueOnError)
	fs.String("fields", "", "")
	if err := fs.Parse([]string{"--fields", "title"}); err != nil {
		t.Fatal(err)
	}
	if _, err := fitBase(fs, file, []eval.MetaField{eval.FieldTitle}); err == nil || !strings.Contains(err.Error(), "--model "+file) || !strings.Contains(err.Error(), "date") {
		t.Errorf("a model without the kept date ranker: %v; want an error naming the file and the ranker", err)
	}
	base, err := fitBase(fs, file, []eval.MetaField{eval.FieldDate})
	if err != nil || base == nil || base.Date != nil || base.Title == nil {
		t.Errorf("a model lacking only the refitted date ranker: %v", err)
	}
	// A ranker refitted because its features changed need not read the
	// extractor's features; a kept one must.
	var byline map[string]json.RawMessage
	if err := json.Unmarshal(m["byline"], &byline); err != nil {
		t.Fatal(err)
	}
	byline["features"] = json.RawMessage(`["a feature no longer given"]`)
	if m["byline"], err = json.Marshal(byline); err != nil {
		t.Fatal(err)
	}
	m["date"] = json.RawMessage(extractRanker(t, "date"))
	if b, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if base, err := fitBase(fs, file, []eval.MetaField{eval.FieldByline}); err != nil || base == nil || base.Byline != nil || base.Date == nil {
		t.Errorf("a model whose refitted byline ranker reads old features: %v", err)
	}
	if _, err := fitBase(fs, file, []eval.MetaField{eval.FieldTitle}); err == nil || !strings.Contains(err.Error(), "byline") {
		t.Errorf("a model whose kept byline ranker reads old features: %v; want an error naming the byline ranker", err)
	}
}

// extractRanker is the embedded model's ranker of a field, as JSON.
func extractRanker(t *testing.T, field string) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(extract.EmbeddedMetaModel(), &m); err != nil {
		t.Fatal(err)
	}
	return m[field]
}

// A cache gobCached cannot write is not left behind, cut: the next run
// would fail reading it instead of loading the pages again.
func TestGobCachedLeavesNoCutFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cands.gob")
	_, err := gobCached(file, "test", writtenByAnyBuild, func() (func(), error) { return func() {}, nil }) // gob cannot encode a func
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Fatalf("err = %v, want a write error naming %s", err, file)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("the cache file was left behind (stat: %v)", err)
	}
	got, err := gobCached(file, "test", writtenByAnyBuild, func() ([]string, error) { return []string{"a"}, nil })
	if err != nil || len(got) != 1 {
		t.Fatalf("gobCached after a failed write = %v, %v", got, err)
	}
	if got, err = gobCached(file, "test", writtenByAnyBuild, func() ([]string, error) { return nil, nil }); err != nil || len(got) != 1 || got[0] != "a" {
		t.Errorf("gobCached read back = %v, %v, want [a] from the file", got, err)
	}
}

// eval meta --score-cache scores held-out HTML pages: without --loso or
// --cv, or with --fit, --text or --strip-meta, it is a usage error naming
// the flag, before any page is read.
func TestEvalMetaScoreCacheFlag(t *testing.T) {
	missingSet := filepath.Join(t.TempDir(), "no-such-set")
	for _, mode := range [][]string{{}, {"--fit"}, {"--loso", "--text"}, {"--cv", "5", "--strip-meta"}} {
		_, errOut, code := storyline(t, append(append([]string{"eval", "meta", "--score-cache", "c.gob"}, mode...), missingSet)...)
		if code != 2 || !strings.Contains(errOut, "--score-cache scores held-out HTML pages") {
			t.Errorf("--score-cache with %v: exit %d, %q; want a usage error saying what the flag combines with", mode, code, errOut)
		}
	}
}

// The candidates of another run's --cache file are read by page; a file
// that is not there is an error naming it, and none is written in its place.
func TestCachedCandidates(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "other.gob")
	pages := []eval.MetaPage{{Set: "harbour", ID: "p1", Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{{Value: "Ferry route opens"}}}}}
	if _, err := gobCached(file, "test", writtenByAnyBuild, func() ([]eval.MetaPage, error) { return pages, nil }); err != nil {
		t.Fatal(err)
	}
	got, err := cachedCandidates(file)
	if err != nil {
		t.Fatal(err)
	}
	if c := got[eval.PageKey("harbour", "p1")]; len(got) != 1 || len(c.Title) != 1 || c.Title[0].Value != "Ferry route opens" {
		t.Errorf("cachedCandidates = %v; want the page's one title candidate", got)
	}
	missing := filepath.Join(dir, "missing.gob")
	if _, err := cachedCandidates(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("a missing file: %v; want an error naming it", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a missing --score-cache file was written")
	}
}

// writeMetaCache writes pages to a gob file as eval meta --cache does on
// the HTML pages of the set folder set.
func writeMetaCache(t *testing.T, file, set string, pages []eval.MetaPage) {
	t.Helper()
	holds := cacheContents("HTML pages", []string{set})
	if _, err := gobCached(file, holds, writtenByAnyBuild, func() ([]eval.MetaPage, error) { return pages, nil }); err != nil {
		t.Fatal(err)
	}
}

// inventedMetaPages are n pages of a set, each on a site of its own, with
// the gold title among two title candidates.
func inventedMetaPages(set string, n int) []eval.MetaPage {
	var pages []eval.MetaPage
	for i := range n {
		title := fmt.Sprintf("Ferry route %d opens", i)
		pages = append(pages, eval.MetaPage{Set: set, ID: fmt.Sprintf("p%d", i), Site: fmt.Sprintf("site%d.example", i),
			Gold: eval.GoldMeta{Title: title},
			Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
				{Value: title, Features: []float64{1}}, {Value: "Harbour News", Features: []float64{0}}}}})
	}
	return pages
}

// A --score-cache file that lacks pages of a held-out set (written from
// other sets, or from the sets as they were) is an error naming the file
// and a page it lacks, before any ranker is fitted: scored on no
// candidates, those pages would count as misses of the change measured.
// Pages of a set not held out, and pages the file holds beyond the
// run's, need nothing.
func TestEvalMetaScoreCacheLackingPages(t *testing.T) {
	dir := t.TempDir()
	missingSet := filepath.Join(dir, "no-such-set") // not read: the --cache file holds the pages
	own := filepath.Join(dir, "own.gob")
	writeMetaCache(t, own, missingSet, append(inventedMetaPages("harbour", 6), inventedMetaPages("quay", 6)...))
	other := filepath.Join(dir, "other.gob") // harbour's p5 missing, quay whole, a set the run has not
	writeMetaCache(t, other, missingSet, slices.Concat(inventedMetaPages("harbour", 5), inventedMetaPages("quay", 6), inventedMetaPages("dock", 3)))
	for _, tc := range []struct {
		mode    []string
		lacking bool
	}{
		{[]string{"--cv", "2", "--cv-set", "harbour"}, true},
		{[]string{"--loso"}, true},
		{[]string{"--loso", "--held", "harbour"}, true},
		{[]string{"--cv", "2", "--cv-set", "quay"}, false},
		{[]string{"--loso", "--held", "quay"}, false},
	} {
		args := append([]string{"eval", "meta", "--fields", "title", "--cache", own, "--score-cache", other}, tc.mode...)
		_, errOut, code := storyline(t, append(args, missingSet)...)
		named := code == 1 && strings.Contains(errOut, other) && strings.Contains(errOut, "1 of the") && strings.Contains(errOut, "harbour/p5")
		if named != tc.lacking {
			t.Errorf("%v (the file lacks a held-out page: %v): exit %d, %q", tc.mode, tc.lacking, code, errOut)
		}
	}
}

// An empty or corrupt --score-cache file is an error naming the flag and
// the file, and the file is left as it was.
func TestCachedCandidatesBadFile(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"empty.gob": "", "corrupt.gob": "not a gob file at all"} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := cachedCandidates(file)
		if err == nil || !strings.Contains(err.Error(), "--score-cache") || !strings.Contains(err.Error(), file) {
			t.Errorf("%s: %v; want an error naming the flag and the file", name, err)
		}
		if got, _ := os.ReadFile(file); string(got) != body {
			t.Errorf("%s was rewritten: %q", name, got)
		}
	}
}

// A file of none of the held-out pages has each counted, the first three
// named.
func TestScoreOnCoversNamesFirstPages(t *testing.T) {
	if err := scoreOnCovers(inventedMetaPages("harbour", 6), map[string]bool{"harbour": true}, map[string]extract.MetaCandidates{}, "F"); err == nil || !strings.Contains(err.Error(), "6 of the 6") || !strings.Contains(err.Error(), "harbour/p0, harbour/p1, harbour/p2, ...") {
		t.Errorf("an empty file's candidates: %v; want every page counted and the first three named", err)
	}
}

// A --score-cache file whose candidates have more or fewer features than
// the --cache file's (a build that added or dropped one) is an error
// naming the file and the field, not a panic in the ranker (fewer) or a
// misread row (more).
func TestEvalMetaScoreCacheOtherFeatures(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "own.gob")
	missingSet := filepath.Join(dir, "no-such-set") // not read: the --cache file holds the pages
	pages := slices.Concat(inventedMetaPages("harbour", 6), inventedMetaPages("quay", 6))
	writeMetaCache(t, own, missingSet, pages)
	for _, width := range []int{0, 3} {
		other := filepath.Join(dir, fmt.Sprintf("other%d.gob", width))
		var changed []eval.MetaPage
		for _, p := range pages {
			p.Cands.Title = slices.Clone(p.Cands.Title)
			for i := range p.Cands.Title {
				p.Cands.Title[i].Features = make([]float64, width)
			}
			changed = append(changed, p)
		}
		writeMetaCache(t, other, missingSet, changed)
		_, errOut, code := storyline(t, "eval", "meta", "--fields", "title", "--cache", own, "--score-cache", other, "--loso", missingSet)
		if code != 1 || !strings.Contains(errOut, other) || !strings.Contains(errOut, fmt.Sprintf("title candidates have %d features, the --cache file's 1", width)) {
			t.Errorf("candidates of %d features against 1: exit %d, %q; want an error naming the file and the field", width, code, errOut)
		}
	}
}

// TestEvalMetaPicksFile checks eval meta --picks end to end: a run with it
// prints what one without does, and writes a PAGE line for every held-out
// page; a --picks file that cannot be written is an error naming it, after
// the run's figures are printed (they took the whole run to make).
func TestEvalMetaPicksFile(t *testing.T) {
	dir := t.TempDir()
	missingSet := filepath.Join(dir, "no-such-set") // not read: the --cache file holds the pages
	cache := filepath.Join(dir, "pages.gob")
	writeMetaCache(t, cache, missingSet, append(inventedMetaPages("harbour", 6), inventedMetaPages("quay", 6)...))
	args := []string{"eval", "meta", "--fields", "title", "--cache", cache, "--loso"}
	plain, errOut, code := storyline(t, append(args, missingSet)...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	picks := filepath.Join(dir, "picks.tsv")
	out, errOut, code := storyline(t, append(args, "--picks", picks, missingSet)...)
	if code != 0 || out != plain {
		t.Fatalf("with --picks: exit %d, stderr %q, stdout\n%s\nwant as without\n%s", code, errOut, out, plain)
	}
	data, err := os.ReadFile(picks)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "PAGE\t"); n != 12 {
		t.Errorf("%d PAGE lines, want one for each of the 12 held-out pages:\n%s", n, data)
	}
	bad := filepath.Join(dir, "no-such-folder", "picks.tsv")
	out, errOut, code = storyline(t, append(args, "--picks", bad, missingSet)...)
	if code != 1 || !strings.Contains(errOut, bad) || out != plain {
		t.Errorf("--picks in a missing folder: exit %d, stderr %q, stdout\n%s\nwant exit 1, the file named and the figures printed", code, errOut, out)
	}
}

// printIDRuns gives each run's date figures out of the pages the gold
// dates, and leaves out a run that holds no page of the set.
func TestPrintIDRuns(t *testing.T) {
	right := []eval.PickCandidate{{Value: "2024-05-01", Right: true}}
	wrong := []eval.PickCandidate{{Value: "2024-05-02"}}
	r := eval.MetaHeldOut{Set: "wcxb", Picks: []eval.HeldOutPick{
		{Set: "wcxb", ID: "0007", Field: eval.FieldDate, Gold: "2024-05-01", Taken: 0, Cands: right},
		{Set: "wcxb", ID: "0016", Field: eval.FieldDate, Gold: "2024-05-01", Taken: 0, Cands: right},
		{Set: "wcxb", ID: "0018", Field: eval.FieldDate, Gold: "2024-05-01", Taken: 0, Cands: wrong},
		{Set: "wcxb", ID: "0020", Field: eval.FieldDate, Taken: 0, Cands: wrong},
		{Set: "wcxb", ID: "4014", Field: eval.FieldDate, Gold: "2024-05-01", Taken: -1, Cands: wrong},
	}}
	var b strings.Builder
	printIDRuns(&b, r, []eval.MetaField{eval.FieldDate}, []eval.IDRun{{First: "0001", Last: "0956"}, {First: "4001", Last: "4917"}, {First: "5001", Last: "5999"}})
	want := "  ids 0001-0956: date right 66.7% (2/3) wrong 33.3% (1/3) missing 0.0% (0/3), extra 1 (of 1 pages without a gold date)\n" +
		"  ids 4001-4917: date right 0.0% (0/1) wrong 0.0% (0/1) missing 100.0% (1/1), extra 0 (of 0 pages without a gold date)\n"
	if b.String() != want {
		t.Errorf("printIDRuns wrote\n%s\nwant\n%s", b.String(), want)
	}
}
