package eval

// A reading aid for session 25 (s25-html, issue 13 point 1): every page of the
// sets named in STORYLINE_LOSS_SETS (default the five news sets, cleaneval and
// readability) read with the quick check's kept site-fold model that never
// saw its site, at that model's fitted thresholds; one line per page (set, id,
// fold, P, R, F1, gold and output shingle counts) to STORYLINE_LOSS_OUT/pages.tsv,
// and each page's output and gold text beside it, to read against each other.
// With STORYLINE_LOSS_TEXT=1 the pages' text dumps are read instead, by the
// dump parts of the models a `--text` quick check kept (session 35, s35-pitch).
// With STORYLINE_LOSS_NO_META=1 each page's og:type and JSON-LD are taken
// out before it is read (stripKindMetadata), to see what a capture that
// lost them gets (session 42, s42-items: the pages the kind classifiers
// then call articles without being sure).
//
//	STORYLINE_LOSS=/tmp/html/models0 STORYLINE_LOSS_OUT=/tmp/html/pages go test ./internal/eval -run TestPageLoss -v

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

func TestPageLoss(t *testing.T) {
	dir := os.Getenv("STORYLINE_LOSS")
	out := os.Getenv("STORYLINE_LOSS_OUT")
	if dir == "" || out == "" {
		t.Skip("set STORYLINE_LOSS to the folder of the site-fold models and STORYLINE_LOSS_OUT to an output folder")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	const k = 2
	dumps := os.Getenv("STORYLINE_LOSS_TEXT") == "1"
	load := extract.LoadModel
	if dumps {
		load = loadDumpModel
	}
	models := loadSiteFoldModels(t, dir, k, load)
	sets := []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos", "cleaneval", "readability"}
	if s := os.Getenv("STORYLINE_LOSS_SETS"); s != "" {
		sets = strings.Split(s, ",")
	}
	var tsv strings.Builder
	for _, set := range sets {
		pages, err := LoadExtractionSet(filepath.Join(extractionBenchDir(), set), dumps)
		if err != nil {
			t.Fatal(err)
		}
		if os.Getenv("STORYLINE_LOSS_NO_META") == "1" {
			for i := range pages {
				pages[i].Page.Body = stripKindMetadata(pages[i].Page.Body)
			}
		}
		outs, _ := extractOutputs(context.Background(), pages, 2, func(p LabelledPage) *extract.Model { return models[siteFold(p.Site, k)] })
		var scores []PageScore
		for i, p := range pages {
			s := ScorePage(p.Gold, outs[i])
			scores = append(scores, s)
			fmt.Fprintf(&tsv, "%s\t%s\t%d\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\n", set, p.Page.ID, siteFold(p.Site, k), p.PageType,
				s.Precision, s.Recall, F1(s.Precision, s.Recall), len(shingleCounts(p.Gold)), len(shingleCounts(outs[i])))
			base := filepath.Join(out, set+"_"+strings.ReplaceAll(p.Page.ID, "/", "_"))
			for ext, text := range map[string]string{".out": outs[i], ".gold": p.Gold} {
				if err := os.WriteFile(base+ext, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		pr, rc, f := CorpusScore(scores)
		t.Logf("%s: P %.3f R %.3f F1 %.3f (%d pages)", set, pr, rc, f, len(pages))
	}
	if err := os.WriteFile(filepath.Join(out, "pages.tsv"), []byte(tsv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ogTypeMeta and ldJSONScript match a page's og:type meta tag and its
// JSON-LD scripts, the page kind cues a capture can lose.
var (
	ogTypeMeta   = regexp.MustCompile(`(?is)<meta\b[^>]*\bog:type\b[^>]*>`)
	ldJSONScript = regexp.MustCompile(`(?is)<script\b[^>]*application/ld\+json[^>]*>.*?</script\s*>`)
)

// stripKindMetadata returns the page without its og:type meta tags and its
// JSON-LD scripts.
func stripKindMetadata(body []byte) []byte {
	return ldJSONScript.ReplaceAll(ogTypeMeta.ReplaceAll(body, nil), nil)
}

// TestStripKindMetadata: the og:type tag and the JSON-LD go, the other meta
// tags, scripts and the body stay.
func TestStripKindMetadata(t *testing.T) {
	page := `<html><head><meta property="og:type" content="article"><meta property="og:title" content="Pier">` +
		`<script type="application/ld+json">{"@type": "NewsArticle"}</script><script>var x = 1;</script>` +
		`</head><body><p>The pier closed.</p></body></html>`
	want := `<html><head><meta property="og:title" content="Pier"><script>var x = 1;</script>` +
		`</head><body><p>The pier closed.</p></body></html>`
	if got := string(stripKindMetadata([]byte(page))); got != want {
		t.Errorf("stripped =\n%s\nwant\n%s", got, want)
	}
}
