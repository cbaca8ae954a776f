package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// walksGuidePage is an invented guide whose article goes on in three
// sibling boxes, one walk each (a heading and its paragraphs in a text
// box), beside an aside of three linked teasers, each a headline and a
// short line. The first walk has the most prose, so its text box is the
// page's top container.
const walksGuidePage = `<body><main>
<h1>Three walks on the north coast</h1>
<div class="walk"><h2>The cliff path</h2><div class="text">
<p>The cliff path leaves the harbour by the old lime kilns and climbs for a mile above the bay, with benches at each bend.</p>
<p>In spring the slopes below it are yellow with gorse, and the gulls nest on ledges that you can watch from the second bench.</p>
<p>The path comes down to the beach at the far end, where a cafe in the old boathouse serves soup until the light goes.</p>
</div></div>
<div class="walk"><h2>The river mouth</h2><div class="text">
<p>From the car park by the bridge a level track follows the river to its mouth, where herons stand in the shallows at low tide.</p>
<p>It is the easiest of the three walks, and the track is wide enough for a pushchair as far as the shingle bank.</p>
</div></div>
<div class="walk"><h2>The lighthouse loop</h2><div class="text">
<p>The loop starts at the lighthouse gate and crosses two fields before it drops into a wooded valley full of ferns.</p>
<p>Allow three hours, take water, and keep dogs on a lead where the sheep are grazing along the valley floor.</p>
</div></div>
</main>
<aside>
<div class="teaser"><a href="/a"><h3>Ferry fares rise</h3></a><p>Fares go up in May.</p></div>
<div class="teaser"><a href="/b"><h3>New cafe opens</h3></a><p>On the quay.</p></div>
<div class="teaser"><a href="/c"><h3>Beach clean on Sunday</h3></a><p>Bring gloves.</p></div>
</aside></body>`

// TestBoxRunFeaturesTellTheArticlesBoxesFromTeasers: the later walks'
// blocks sit in boxes of a run whose boxes all hold prose and one of whose
// other boxes holds the page's top container; the first walk's blocks are
// in the top's own box; the teasers' run holds no prose, no box of it
// holds the top, and its best other box scores under the walks'; a block
// in no run reads boxRunNone.
func TestBoxRunFeaturesTellTheArticlesBoxesFromTeasers(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(walksGuidePage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	x := blockFeatures(pb, nil, nil, pageFeatures(pb, pageCues{}))
	col := func(prefix, name string) float64 {
		t.Helper()
		k := slices.Index(featureNames, name)
		if k < 0 {
			t.Fatalf("no feature %q", name)
		}
		for i := range pb.blocks {
			if strings.HasPrefix(pb.blocks[i].text, prefix) {
				return x[i*numFeatures+k]
			}
		}
		t.Fatalf("no block %q", prefix)
		return 0
	}
	for _, c := range []struct {
		prefix string
		share  float64
		top    float64
	}{
		{"From the car park", 1, 1}, {"The lighthouse loop", 1, 1}, {"Allow three hours", 1, 1},
		{"The cliff path leaves", 1, 0.5},
		{"Ferry fares rise", 0, 0}, {"On the quay", 0, 0},
	} {
		if got := col(c.prefix, "run_prose_box_share"); got != c.share {
			t.Errorf("%q: run_prose_box_share %v, want %v", c.prefix, got, c.share)
		}
		if got := col(c.prefix, "run_holds_top"); got != c.top {
			t.Errorf("%q: run_holds_top %v, want %v", c.prefix, got, c.top)
		}
	}
	walk, teaser := col("From the car park", "run_sibling_best_score"), col("Ferry fares rise", "run_sibling_best_score")
	if walk <= teaser || walk <= 0 || walk > 1 {
		t.Errorf("run_sibling_best_score: a walk's %v, a teaser's %v; want the walk's higher, in (0, 1]", walk, teaser)
	}
	for _, name := range boxRunNames {
		if got := col("Three walks", name); got != boxRunNone {
			t.Errorf("headline outside any run: %s %v, want %v", name, got, float64(boxRunNone))
		}
	}
}
