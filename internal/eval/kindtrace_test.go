package eval

// A reading aid for session 55 (s55-kindcall, issue 13: the page-kind
// call): every HTML page of the sets named in STORYLINE_TRACE_SETS (default
// all eight) read by the kept site-fold model that never saw its site; one
// JSON line per page to STORYLINE_KIND_TRACE_OUT with its address, its gold
// kind, the kind its classifiers call it, their probabilities and the kind
// features they read, by name.
//
//	STORYLINE_KIND_TRACE=/tmp/s51-base/htmlpair STORYLINE_KIND_TRACE_OUT=/tmp/k.jsonl go test ./internal/eval -run TestKindTrace -v

import (
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

func TestKindTrace(t *testing.T) {
	const k = 2
	models, sets, enc := htmlTraceRun(t, "STORYLINE_KIND_TRACE", "STORYLINE_KIND_TRACE_OUT", k)
	names, kinds := extract.KindFeatureNames(), extract.PageKinds()
	for _, set := range sets {
		pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), set), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			m := models[siteFold(p.Site, k)]
			x, ok := m.KindFeatures(p.Page)
			if !ok {
				continue
			}
			probs, called := m.KindProbs(x)
			rec := struct {
				Set, ID, URL, Gold, Called string
				Probs, Features            map[string]float64
			}{set, p.Page.ID, p.Page.URL, p.Kind, called, map[string]float64{}, map[string]float64{}}
			for i, kd := range kinds {
				rec.Probs[kd] = probs[i]
			}
			for i, n := range names {
				rec.Features[n] = x[i]
			}
			if err := enc.Encode(rec); err != nil {
				t.Fatal(err)
			}
		}
	}
}
