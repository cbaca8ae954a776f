package eval

// A reading aid for session 46 (s46-second, issue 13 point 1: the second
// part of an article's body dropped): every HTML page of the sets named in
// STORYLINE_TRACE_SETS (default all eight) read with the quick check's kept
// site-fold model that never saw its site; one JSON line per page to
// STORYLINE_TRACE_OUT with each block's probability, whether it was kept,
// its gold cover and its container, to count where a container's prose run
// is split by the threshold.
// STORYLINE_TRACE_IDS, a comma-separated list of page ids ("0639,3015"),
// traces those pages alone. STORYLINE_TRACE_GOLD_KIND=1 reads each page of
// a known kind as that kind (LabelledPage.Kind, extract.Model.ReadAsKind;
// as GoldKindModelOf).
//
//	STORYLINE_TRACE=/tmp/s42-models/html STORYLINE_TRACE_OUT=/tmp/x.jsonl go test ./internal/eval -run TestBlockTrace -v

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/text"
)

func TestBlockTrace(t *testing.T) {
	const k = 2
	models, sets, enc := htmlTraceRun(t, "STORYLINE_TRACE", "STORYLINE_TRACE_OUT", k)
	for _, set := range sets {
		pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), set), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if ids := os.Getenv("STORYLINE_TRACE_IDS"); ids != "" && !strings.Contains(","+ids+",", ","+p.Page.ID+",") {
				continue
			}
			m := models[siteFold(p.Site, k)]
			if os.Getenv("STORYLINE_TRACE_GOLD_KIND") != "" && p.Kind != "" {
				if m, err = m.ReadAsKind(p.Kind); err != nil {
					t.Fatal(err)
				}
			}
			blocks, th, kind := m.TraceBlocks(p.Page, p.Gold)
			rec := struct {
				Set, ID, Type, Kind string
				Threshold           float64
				GoldTokens          int
				Blocks              []extract.BlockTrace
			}{set, p.Page.ID, p.PageType, kind, th, len(text.Words(p.Gold)), blocks}
			if err := enc.Encode(rec); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// htmlTraceRun is what a trace of the HTML pages needs (TestBlockTrace,
// TestKindTrace): the k site-fold models of the folder the environment
// variable dirVar names, the sets to read (STORYLINE_TRACE_SETS, else all
// eight) and an encoder of the file outVar names, closed when the test
// ends. The test is skipped when either variable is unset: a reading aid,
// not a check.
func htmlTraceRun(t *testing.T, dirVar, outVar string, k int) (models []*extract.Model, sets []string, enc *json.Encoder) {
	t.Helper()
	dir, out := os.Getenv(dirVar), os.Getenv(outVar)
	if dir == "" || out == "" {
		t.Skipf("set %s to the folder of the site-fold models and %s to an output file", dirVar, outVar)
	}
	models = loadSiteFoldModels(t, dir, k, extract.LoadModel)
	sets = []string{"cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "msv-big9", "msv-chaos", "readability", "wcxb"}
	if s := os.Getenv("STORYLINE_TRACE_SETS"); s != "" {
		sets = strings.Split(s, ",")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return models, sets, json.NewEncoder(f)
}
