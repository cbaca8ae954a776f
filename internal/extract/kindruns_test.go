package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// kindFeature returns the kind feature named name of an HTML page.
func kindFeature(t *testing.T, page, name string) float64 {
	t.Helper()
	pb := segmentHTML(t, page)
	f := kindFeatures(pb, pageFeatures(pb, pageCues{}))
	if len(f) != numKindFeatures {
		t.Fatalf("%d kind features, want %d", len(f), numKindFeatures)
	}
	i := slices.Index(kindFeatureNames, name)
	if i < 0 {
		t.Fatalf("no kind feature %q", name)
	}
	return f[i]
}

// storyList is a section front: five teasers, each a linked headline, a
// line of text and a date.
func storyList() string {
	var sb strings.Builder
	sb.WriteString(`<html><body><h1>Science</h1><div class="stream">`)
	for i := range 5 {
		fmt.Fprintf(&sb, `<div class="teaser"><h2><a href="/story-%d">Researchers find a new way to read old maps, part %d</a></h2>
<p>A short summary of what the team found and why it matters to map readers.</p><span>May %d, 2024</span></div>`, i, i, i+1)
	}
	sb.WriteString(`</div></body></html>`)
	return sb.String()
}

// sectionedArticle is an article whose body is cut by section headings
// that are not links, with a list of three related links under it.
const sectionedArticle = `<html><body><h1>How the valley's orchards came back</h1>
<p>The orchards of the valley were planted again after the long drought, and the growers kept records of every tree.</p>
<h2>The first seasons</h2>
<p>In the first seasons the young trees needed water twice a week, which the growers carried by hand from the river.</p>
<h2>What changed</h2>
<p>A new canal brought water to the upper terraces, and the harvests grew with each year that followed it.</p>
<ul><li><a href="/a">Related: the canal's builders</a></li><li><a href="/b">Related: a season in the hills</a></li><li><a href="/c">Related: the river's floods</a></li></ul>
</body></html>`

// TestRunKindFeaturesTellAListFromAnArticle: the section front's headings
// are all links and every teaser of its largest run holds a link and a
// date; the article's headings are not links and its largest run (the
// related links) holds no date.
func TestRunKindFeaturesTellAListFromAnArticle(t *testing.T) {
	list := storyList()
	for name, want := range map[string]float64{"run_box_link_share": 1, "run_box_date_share": 1, "run_box_price_share": 0} {
		if got := kindFeature(t, list, name); got != want {
			t.Errorf("story list: %s = %v, want %v", name, got, want)
		}
	}
	if got := kindFeature(t, list, "linked_heading_share"); got < 0.8 { // five linked headlines of six headings
		t.Errorf("story list: linked_heading_share = %v, want 5/6", got)
	}
	if got := kindFeature(t, list, "run_share"); got < 0.8 {
		t.Errorf("story list: run_share = %v, want most of the page", got)
	}
	if got := kindFeature(t, sectionedArticle, "linked_heading_share"); got != 0 {
		t.Errorf("article: linked_heading_share = %v, want 0", got)
	}
	if got := kindFeature(t, sectionedArticle, "run_box_date_share"); got != 0 {
		t.Errorf("article: run_box_date_share = %v, want 0", got)
	}
}

// TestRunKindFeaturesCountPricedBoxes: a shop's grid of four cards, three
// of them priced.
func TestRunKindFeaturesCountPricedBoxes(t *testing.T) {
	page := `<html><body><h1>Lamps</h1><ul class="grid">
<li class="card"><a href="/l1">Brass desk lamp</a><span>$49.00</span></li>
<li class="card"><a href="/l2">Paper floor lamp</a><span>$89.00</span></li>
<li class="card"><a href="/l3">Clip-on reading lamp</a><span>$19.50</span></li>
<li class="card"><a href="/l4">Ceramic table lamp</a><span>Sold out</span></li></ul></body></html>`
	if got := kindFeature(t, page, "run_box_price_share"); got != 0.75 {
		t.Errorf("run_box_price_share = %v, want 0.75", got)
	}
	if got := kindFeature(t, page, "run_boxes"); got != log1p(4) {
		t.Errorf("run_boxes = %v, want log1p(4)", got)
	}
}

// TestRefitKindsFitsOnTheGivenRows: kind classifiers refitted on rows where
// the date share of the largest run alone tells listings from articles call
// a new row by it, and the model keeps its block classifier.
func TestRefitKindsFitsOnTheGivenRows(t *testing.T) {
	col := slices.Index(kindFeatureNames, "run_box_date_share")
	var xs [][]float64
	var kinds []string
	for i := range 60 {
		x := make([]float64, numKindFeatures)
		x[0] = float64(i % 7) // a feature that tells nothing
		kind := "article"
		if i%2 == 0 {
			x[col], kind = 1, "listing"
		}
		xs, kinds = append(xs, x), append(kinds, kind)
	}
	m := DefaultModel()
	r, err := m.RefitKinds(context.Background(), xs, kinds, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Blocks != m.Blocks || len(m.Kinds) == len(r.Kinds) && &m.Kinds[0] == &r.Kinds[0] {
		t.Fatal("RefitKinds changed the block classifier or kept the old kinds")
	}
	probe := make([]float64, numKindFeatures)
	probe[col] = 1
	if _, kind := r.KindProbs(probe); kind != "listing" {
		t.Errorf("a row with dated boxes called %q, want listing", kind)
	}
	probe[col] = 0
	if _, kind := r.KindProbs(probe); kind != "article" {
		t.Errorf("a row without dated boxes called %q, want article", kind)
	}
	if _, err := m.RefitKinds(context.Background(), xs[:1], kinds, 1); err == nil {
		t.Error("RefitKinds accepted one row for 60 kinds")
	}
}
