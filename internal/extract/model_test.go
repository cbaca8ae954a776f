package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"

	"golang.org/x/net/html"
)

func TestSplitClass(t *testing.T) {
	tests := []struct{ in, want string }{
		{"main-content articleBody", "main content article body"},
		{"nav_bar js-2col", "nav bar js col"},
		{"HTMLWidget x", "htmlwidget"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitClass(tt.in), " "); got != tt.want {
			t.Errorf("splitClass(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGoldCover: a block is covered by the gold's shingles, including a
// short heading between two gold paragraphs, and chrome is not.
func TestGoldCover(t *testing.T) {
	blocks := []string{"Home News Sport", "The council met on Monday to vote on the budget.", "Background", "It was the third vote this year on the plan.", "Subscribe to our newsletter"}
	gold := "The council met on Monday to vote on the budget.\nBackground\nIt was the third vote this year on the plan."
	got := goldCover(blocks, gold)
	want := []float64{0, 1, 1, 1, 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("cover of %q = %.2f, want %.2f", blocks[i], got[i], want[i])
		}
	}
}

func TestContextFeatures(t *testing.T) {
	p := []float64{0.9, 0.1, 0.8}
	tokens := []int32{10, 2, 10}
	f := contextFeatures(p, tokens, nil, 0)
	if len(f) != 3*numContext {
		t.Fatalf("len = %d, want %d", len(f), 3*numContext)
	}
	row := f[numContext : 2*numContext] // the middle item
	if row[0] != 0.1 || row[1] != 0.9 || row[2] != 0.8 {
		t.Errorf("p, p_m1, p_p1 = %v, want 0.1 0.9 0.8", row[:3])
	}
	if row[13] != 1 || row[14] != 1 {
		t.Errorf("distances to content = %v %v, want 1 1", row[13], row[14])
	}
	if row[11] != 0.5 || row[12] != 0.5 {
		t.Errorf("content before/after = %v %v, want 0.5 0.5", row[11], row[12])
	}
}

func TestBridgeBlocks(t *testing.T) {
	// A page's blocks at threshold 0.4: a menu before the first kept
	// paragraph, a list item and a caption between kept ones, a teaser after
	// the last. The list item is just above the bridge's bar (bridgeShare of
	// the threshold); the caption is just under it; the menu and the teaser
	// lie outside the span of kept blocks.
	const th = 0.4
	item := bridgeShare*th + 0.01
	probs := []float64{item, 0.9, item, bridgeShare*th - 0.01, 0.8, item}
	got := bridgeBlocks(probs, th, nil)
	want := []bool{false, true, true, false, true, false}
	if !slices.Equal(got, want) {
		t.Errorf("bridgeBlocks = %v, want %v (only the item between kept blocks, at bridgeShare of the threshold or more, joins)", got, want)
	}
	if got := bridgeBlocks([]float64{item, 0.9, item}, th, nil); !slices.Equal(got, []bool{false, true, false}) {
		t.Errorf("one kept block bridges nothing: %v", got)
	}
	if got := bridgeBlocks(nil, th, nil); len(got) != 0 {
		t.Errorf("no blocks: %v", got)
	}
}

func TestDroppedBlocksAnchorNoBridge(t *testing.T) {
	// An article's two paragraphs, a teaser under the threshold after them,
	// then a navigation block scoring over it: the navigation is dropped
	// and must not bridge the teaser in; the list item between the two
	// paragraphs still is.
	const th = 0.4
	item := bridgeShare*th + 0.01
	probs := []float64{0.9, item, 0.8, item, 0.95}
	got := keptBlocks(probs, th, func(i int) bool { return i == 4 }, nil)
	if want := []bool{true, true, true, false, false}; !slices.Equal(got, want) {
		t.Errorf("keptBlocks = %v, want %v (a dropped block neither kept nor anchoring)", got, want)
	}
}

func TestHasPrice(t *testing.T) {
	for s, want := range map[string]bool{"$19.99": true, "19,99 €": true, "Price: £ 5": true, "US$ values": false, "Save with EUR": false} {
		if got := hasPrice(s); got != want {
			t.Errorf("hasPrice(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLDTypes(t *testing.T) {
	page := []byte(`<script type="application/ld+json">{"@context":"https://schema.org","@type":["NewsArticle"],"publisher":{"@type" : "Organization"}}</script>`)
	if got, want := ldTypes(page), "newsarticle organization"; got != want {
		t.Errorf("ldTypes = %q, want %q", got, want)
	}
}

func TestLoadModelRejectsBrokenModels(t *testing.T) {
	for name, data := range map[string]string{
		"not json":           `{`,
		"no classifiers":     `{"class_words":[],"class_log_odds":[]}`,
		"words without odds": `{"class_words":["nav"],"class_log_odds":[]}`,
		"wrong feature count": `{"class_words":[],"class_log_odds":[],"blocks":{"bias":0,"trees":[{"nodes":[{"f":9999,"t":1,"l":1,"r":2},{"f":-1},{"f":-1}]}]},
			"lines":{"bias":0,"trees":[]}}`,
	} {
		if _, err := LoadModel([]byte(data)); err == nil {
			t.Errorf("%s: LoadModel accepted it", name)
		}
	}
	if _, err := LoadModel(embeddedModel); err != nil {
		t.Errorf("embedded model: %v", err)
	}
}

// TestForestPredictsAsBoosted: the compiled forest gives the learn model's
// probabilities on the embedded model's blocks of a page.
func TestForestPredictsAsBoosted(t *testing.T) {
	m := DefaultModel()
	pb := segmentHTML(t, `<body><div class="nav"><a href="/">Home</a></div><article><h1>Title here</h1><p>The council met on Monday, and it voted.</p><p>More text, with commas, follows here.</p></article><footer>© 2026</footer></body>`)
	x := blockFeatures(pb, m.ClassLogOdds, m.TextLogOdds, pageFeatures(pb, pageCues{}))
	for i := range pb.blocks {
		row := x[i*numFeatures : (i+1)*numFeatures]
		if got, want := m.blocks.predict(row), m.Blocks.Predict(row); math.Abs(got-want) > 1e-12 {
			t.Errorf("block %d: forest %v, boosted %v", i, got, want)
		}
	}
}

func segmentHTML(t *testing.T, page string) *pageBlocks {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return segment(findBody(doc), DefaultModel().wordID, DefaultModel().textWordID)
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", "  a  b\t\nc ", "\u00a0x\u2003y\u00a0", "one", "\xff bad  utf8 "} {
		if got, want := collapseSpace(s), cleanSpace(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestReplaceFigures(t *testing.T) {
	tests := []struct{ figures, prefix, part, want string }{
		{"", "text dumps:", "text dumps: new", "text dumps: new"},
		{"fitted on html", "text dumps:", "text dumps: new", "fitted on html || text dumps: new"},
		{"fitted on html || text dumps: old", "text dumps:", "text dumps: new", "fitted on html || text dumps: new"},
	}
	for _, tt := range tests {
		if got := ReplaceFigures(tt.figures, tt.prefix, tt.part); got != tt.want {
			t.Errorf("ReplaceFigures(%q, %q, %q) = %q, want %q", tt.figures, tt.prefix, tt.part, got, tt.want)
		}
	}
}

// TestWithDumpPartsChangesOnlyTheDumpKeys: a refit of the text-dump parts,
// put in the embedded model, leaves every other key of model.json byte for
// byte as it was (the HTML parts are refitted apart and merged key by key),
// and replaces only the text-dump part of the figures.
func TestWithDumpPartsChangesOnlyTheDumpKeys(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	words := strings.Fields("tana ki moru sel vanta ori pel su kadra lim eno ta rusa vel om dari")
	samples, v := syntheticDumpSamples(t, r, words, 12, 4)
	lm, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 5, Depth: 2, MinLeaf: 0.01}, OneStage: true, MinSites: 2, Lines: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DefaultModel().WithDumpParts(lm, "lines: refitted"); err == nil {
		t.Error("figures without the text-dump prefix accepted")
	}
	m, err := DefaultModel().WithDumpParts(lm, "text dumps: refitted for the test")
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var before, after map[string]json.RawMessage
	if err := json.Unmarshal(embeddedModel, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &after); err != nil {
		t.Fatal(err)
	}
	for k, b := range before {
		if k == "figures" || slices.Contains(DumpKeys, k) {
			continue
		}
		if !bytes.Equal(b, after[k]) {
			t.Errorf("key %q changed by a refit of the text dumps", k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok && !slices.Contains(DumpKeys, k) {
			t.Errorf("key %q added by a refit of the text dumps", k)
		}
	}
	if !bytes.Equal(after["lines"], mustJSON(t, lm.Lines)) {
		t.Error("the line classifier is not the refitted one")
	}
	htmlPart := strings.Split(DefaultModel().Figures, figuresSep)[0]
	if want := htmlPart + figuresSep + "text dumps: refitted for the test"; m.Figures != want {
		t.Errorf("figures = %q, want %q", m.Figures, want)
	}
	if _, err := LoadModel(data); err != nil {
		t.Errorf("the merged model does not load: %v", err)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestKeepingTheDumpParts: the text-dump parts read alone from the embedded
// model file are its own, with its text-dump figures, and put in another
// model (a refit of the HTML parts) they leave the dump keys byte for byte.
func TestKeepingTheDumpParts(t *testing.T) {
	d, err := LoadDumpParts(EmbeddedModelJSON())
	if err != nil {
		t.Fatal(err)
	}
	if d.Blocks != nil || d.Kinds != nil {
		t.Error("LoadDumpParts kept HTML parts")
	}
	fig := DumpFigures(d.Figures)
	if !strings.HasPrefix(fig, dumpFiguresPrefix) || strings.Contains(fig, figuresSep) {
		t.Fatalf("DumpFigures = %q", fig)
	}
	if got := DumpFigures("fitted on html"); got != "" {
		t.Errorf("DumpFigures of figures without a dump part = %q", got)
	}
	html := *DefaultModel()
	html.Lines, html.Lines2, html.LineThreshold, html.DumpKinds, html.Figures = nil, nil, 0, nil, "fitted on html"
	m, err := html.WithDumpParts(d, fig)
	if err != nil {
		t.Fatal(err)
	}
	var before, after map[string]json.RawMessage
	if err := json.Unmarshal(embeddedModel, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(mustJSON(t, m), &after); err != nil {
		t.Fatal(err)
	}
	for _, k := range DumpKeys {
		if !bytes.Equal(before[k], after[k]) {
			t.Errorf("key %q not kept byte for byte", k)
		}
	}
	if want := "fitted on html" + figuresSep + fig; m.Figures != want {
		t.Errorf("figures = %q, want %q", m.Figures, want)
	}
}

// TestInnerFoldsSplitOneSiteFold: the sites of one fold of eval's
// `--site-folds 2` (one low bit of the site's hash) are still split in two
// for the second stage, and sites of both folds keep the low bit's split.
func TestInnerFoldsSplitOneSiteFold(t *testing.T) {
	var sites, oneFold []string
	for i := range 200 {
		s := fmt.Sprintf("site%d.example", i)
		sites = append(sites, s)
		h := fnv.New32a()
		h.Write([]byte(s))
		if h.Sum32()%2 == 1 {
			oneFold = append(oneFold, s)
		}
	}
	for _, ss := range [][]string{sites, oneFold} {
		fold := innerFolds(len(ss), func(k int) string { return ss[k] })
		n := 0
		for k := range ss {
			n += fold(k)
		}
		if n == 0 || n == len(ss) {
			t.Errorf("%d sites all in inner fold %d", len(ss), fold(0))
		}
	}
}

// TestBlockProbsReusedRows: a small page scored right after a big one on
// the same goroutine, when featureRows hands it the big page's buffer,
// gets the features and probabilities it gets from freshly made rows.
func TestBlockProbsReusedRows(t *testing.T) {
	m := DefaultModel()
	var big strings.Builder
	big.WriteString(`<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>A long report</h1>`)
	for i := range 150 {
		fmt.Fprintf(&big, `<p>Paragraph %d of the report, with a comma, ends here and says %d more things.</p><div class="share">Share %d</div>`, i, i*7, i)
	}
	big.WriteString(`</article><footer>© 2026 The Gazette</footer></body>`)
	small := `<body><div class="nav"><a href="/">Home</a></div><article><h1>Title here</h1><p>The council met on Monday, and it voted.</p></article><footer>© 2026</footer></body>`
	// score gives a page's block features and probabilities, and the
	// capacity of the rows its features were written in.
	score := func(page string) (x, p []float64, rows int) {
		pb := segmentHTML(t, page)
		pf := pageFeatures(pb, pageCues{})
		raw := blockFeatures(pb, m.ClassLogOdds, m.TextLogOdds, pf)
		x, rows = slices.Clone(raw), cap(raw)
		featureRowsPool.Put(&raw) // for blockProbs to take again
		return x, m.blockProbs(pb, pf, ""), rows
	}
	featureRowsPool = sync.Pool{} // nothing to reuse: fresh rows
	freshX, freshP, _ := score(small)
	featureRowsPool = sync.Pool{}
	bigX, _, _ := score(big.String())
	if len(bigX) <= 4*len(freshX) {
		t.Fatalf("the big page has %d feature values, the small one %d", len(bigX), len(freshX))
	}
	gotX, gotP, rows := score(small) // the big page's rows, put back by blockProbs
	if rows < len(bigX) {
		t.Skip("the pool dropped the big page's rows (a collection, or the race detector's random drops)")
	}
	if !slices.Equal(gotX, freshX) {
		t.Errorf("features after a big page differ from fresh rows")
	}
	if !slices.Equal(gotP, freshP) {
		t.Errorf("probabilities after a big page: %v, fresh rows: %v", gotP, freshP)
	}
}
