package extract

import (
	"slices"
	"testing"
)

// TestKeepFirstCopies: of kept blocks with the same text, five tokens or
// more, only the first stays (a shop's mobile and desktop copies of one
// description); short labels that recur on every item card, blocks that
// were not kept, and different texts stay as they were.
func TestKeepFirstCopies(t *testing.T) {
	page := `<html><body>
<div class="mobile"><h2>Walnut desk lamp</h2><p>A brass lamp with a walnut base and a linen shade.</p><span>In stock now</span></div>
<div class="desktop"><h2>Walnut desk lamp</h2><p>A brass lamp with a walnut base and a linen shade.</p><span>In stock now</span></div>
<ul><li>Full-Time</li><li>Full-Time</li></ul>
<p>A brass lamp with a walnut base and a linen shade.</p>
</body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segmentPage(findBody(doc), nil, nil)
	var texts []string
	for _, b := range pb.blocks {
		texts = append(texts, b.text)
	}
	want := []string{"Walnut desk lamp", "A brass lamp with a walnut base and a linen shade.", "In stock now",
		"Walnut desk lamp", "A brass lamp with a walnut base and a linen shade.", "In stock now",
		"Full-Time", "Full-Time", "A brass lamp with a walnut base and a linen shade."}
	if !slices.Equal(texts, want) {
		t.Fatalf("blocks %q, want %q", texts, want)
	}
	keep := []bool{true, true, true, true, true, true, true, true, false}
	keepFirstCopies(pb, keep)
	wantKeep := []bool{true, true, true, true, false, true, true, true, false}
	if !slices.Equal(keep, wantKeep) {
		t.Errorf("kept %v, want %v", keep, wantKeep)
	}
}

// TestDocumentationKeepsLaterCopies: a page called documentation keeps the
// later copy of a step its manual repeats, as an article does; a page
// called a product or a forum drops it (keepFirstCopies).
func TestDocumentationKeepsLaterCopies(t *testing.T) {
	page := `<html><body>
<h2>Export a report</h2><p>Open the File menu and choose the export format you need.</p><p>Name the report and save it.</p>
<h2>Share a report</h2><p>Open the File menu and choose the export format you need.</p><p>Send the saved file to your team.</p>
</body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segmentPage(findBody(doc), nil, nil)
	if len(pb.blocks) != 6 || pb.blocks[1].fp != pb.blocks[4].fp {
		t.Fatalf("blocks %d, the repeated step not one text: the test needs its page read as written", len(pb.blocks))
	}
	for _, c := range []struct {
		kind      string
		keepsCopy bool
	}{{kindDocumentation, true}, {kindArticle, true}, {kindProduct, false}, {kindForum, false}} {
		probs := []float64{0.9, 0.9, 0.9, 0.9, 0.9, 0.9}
		keep, _ := decideOnProbs(pb, probs, 0.5, c.kind, 0.95, nil)
		if keep[4] != c.keepsCopy || !keep[1] {
			t.Errorf("on a page called %s the step's copies kept %v, %v; want true, %v", c.kind, keep[1], keep[4], c.keepsCopy)
		}
	}
}
