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
	dir, out := os.Getenv("STORYLINE_TRACE"), os.Getenv("STORYLINE_TRACE_OUT")
	if dir == "" || out == "" {
		t.Skip("set STORYLINE_TRACE to the folder of the site-fold models and STORYLINE_TRACE_OUT to an output file")
	}
	const k = 2
	models := loadSiteFoldModels(t, dir, k, extract.LoadModel)
	sets := []string{"cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "msv-big9", "msv-chaos", "readability", "wcxb"}
	if s := os.Getenv("STORYLINE_TRACE_SETS"); s != "" {
		sets = strings.Split(s, ",")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
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
