package extract

// A reading aid for the session 19 split-body study (docs/measurements/extraction.md, "Session 19,
// article bodies split by breaks"): prints every block's probability and
// the container features of the pages named in STORYLINE_BLOCK_DUMP
// (comma-separated HTML files), scored by the model in STORYLINE_BLOCK_MODEL
// (the embedded one when unset).
//
//	STORYLINE_BLOCK_DUMP=a.html,b.html go test ./internal/extract -run TestBlockDump -v

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestBlockDump(t *testing.T) {
	files := os.Getenv("STORYLINE_BLOCK_DUMP")
	if files == "" {
		t.Skip("set STORYLINE_BLOCK_DUMP to the HTML files to read")
	}
	var m *Model
	if path := os.Getenv("STORYLINE_BLOCK_MODEL"); path == "" {
		m = DefaultModel()
	} else {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if m, err = LoadModel(raw); err != nil {
			t.Fatal(err)
		}
	}
	show := []string{"depth", "pos_blocks", "in_top_container", "best_ancestor_score", "top_share", "c0_page_share", "c0_score_share", "c1_score_share", "c2_score_share", "class_chain_sum"}
	if s := os.Getenv("STORYLINE_BLOCK_COLS"); s != "" {
		show = strings.Split(s, ",")
	}
	cols := make([]int, len(show))
	for i, s := range show {
		if cols[i] = slices.Index(featureNames, s); cols[i] < 0 {
			t.Fatalf("STORYLINE_BLOCK_COLS: no block feature %q", s) // else x[i*numFeatures-1] reads the block before's last feature
		}
	}
	for _, f := range strings.Split(files, ",") {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parseHTML(body)
		if err != nil {
			t.Fatal(err)
		}
		pm := readMeta(doc)
		pb := segmentPage(findBody(doc), m.wordID, m.textWordID)
		pb.titles = pm.headlineTitles("")
		page := pageFeatures(pb, pageCues{ldTypes: ldTypes(body), ogType: pm.get("og:type"), url: pm.articleURL("")})
		x := append([]float64(nil), blockFeatures(pb, m.ClassLogOdds, m.TextLogOdds, page)...)
		probs := m.blockProbs(pb, page, "")
		var b strings.Builder
		fmt.Fprintf(&b, "%s (threshold %.3f / articles %.3f)\n  prob  %s\n", f, m.Threshold, m.ArticleThreshold, strings.Join(show, " "))
		for i, bl := range pb.blocks {
			if bl.tokens < 4 {
				continue
			}
			fmt.Fprintf(&b, "  %.3f", probs[i])
			for _, c := range cols {
				fmt.Fprintf(&b, " %.2f", x[i*numFeatures+c])
			}
			txt := bl.text
			if len(txt) > 60 {
				txt = txt[:60]
			}
			fmt.Fprintf(&b, " | %s\n", txt)
		}
		t.Log(b.String())
	}
}
