package cli

import (
	"encoding/json"
	"flag"
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
	_, err := gobCached(file, func() (func(), error) { return func() {}, nil }) // gob cannot encode a func
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Fatalf("err = %v, want a write error naming %s", err, file)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("the cache file was left behind (stat: %v)", err)
	}
	got, err := gobCached(file, func() ([]string, error) { return []string{"a"}, nil })
	if err != nil || len(got) != 1 {
		t.Fatalf("gobCached after a failed write = %v, %v", got, err)
	}
	if got, err = gobCached(file, func() ([]string, error) { return nil, nil }); err != nil || len(got) != 1 || got[0] != "a" {
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
	if _, err := gobCached(file, func() ([]eval.MetaPage, error) { return pages, nil }); err != nil {
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

// A --score-cache file without a page the run scores held out is an error
// naming the file and the page, before any fit: the page would otherwise
// be scored on no candidates and count as a miss of every field. A page
// of a set the run only fits on may be missing.
func TestEvalMetaScoreCacheCoversHeldPages(t *testing.T) {
	dir := t.TempDir()
	title := func(v string) extract.MetaCandidates {
		return extract.MetaCandidates{Title: []extract.MetaCandidate{{Value: v}}}
	}
	harbour := []eval.MetaPage{{Set: "harbour", ID: "h1", Cands: title("Ferry route opens")}, {Set: "harbour", ID: "h2", Cands: title("Quay to close")}}
	valley := eval.MetaPage{Set: "valley", ID: "v1", Cands: title("Weir repairs begin")}
	writeCache := func(name string, pages []eval.MetaPage) string {
		file := filepath.Join(dir, name)
		if _, err := gobCached(file, func() ([]eval.MetaPage, error) { return pages, nil }); err != nil {
			t.Fatal(err)
		}
		return file
	}
	cache := writeCache("own.gob", append(slices.Clone(harbour), valley))
	harbourOnly := writeCache("harbour-only.gob", harbour)
	sets := []string{filepath.Join(dir, "harbour"), filepath.Join(dir, "valley")}
	run := func(mode ...string) string {
		args := append([]string{"eval", "meta", "--cache", cache, "--score-cache", harbourOnly, "--cv-set", "harbour"}, mode...)
		_, errOut, _ := storyline(t, append(args, sets...)...)
		return errOut
	}
	if errOut := run("--loso"); !strings.Contains(errOut, harbourOnly) || !strings.Contains(errOut, "valley/v1") {
		t.Errorf("--loso scores valley, which %s lacks: %q; want an error naming the file and the page", harbourOnly, errOut)
	}
	if errOut := run("--cv", "5"); strings.Contains(errOut, "--score-cache") {
		t.Errorf("--cv 5 --cv-set harbour scores harbour alone, which %s holds: %q", harbourOnly, errOut)
	}
}
