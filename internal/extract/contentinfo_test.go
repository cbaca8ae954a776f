package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// contentInfoPage is an invented shop page: a product's description, a
// review footer inside the product's <article> (a <footer> tag, which is
// not the page's contentinfo landmark), and the page's footer declared
// with role="contentinfo" (twice: once on a <div> with other role tokens,
// once upper case).
const contentInfoPage = `<html><body>
<main><article><h1>Blue enamel kettle</h1>
<p>A two-litre kettle in blue enamel, with a whistle and a wooden handle that stays cool on the hob.</p>
<footer><p>Made by hand in a small workshop; each kettle's colour varies a little.</p></footer>
</article></main>
<div role="contentinfo region"><p>Kettle House Ltd is registered in England, company number 0000000.</p>
<ul><li><a href="/privacy">Privacy notice</a></li><li><a href="/terms">Terms of sale</a></li></ul></div>
<footer role="ContentInfo"><p>Free delivery on orders over twenty pounds, returns within thirty days.</p></footer>
</body></html>`

func TestContentInfoFooterIsDroppedByRule(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(contentInfoPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	var dropped, kept []string
	for i := range pb.blocks {
		if droppedByRule(pb, nil, i) {
			dropped = append(dropped, pb.blocks[i].text)
		} else {
			kept = append(kept, pb.blocks[i].text)
		}
	}
	wantDropped := []string{"Kettle House Ltd is registered in England, company number 0000000.", "Privacy notice", "Terms of sale",
		"Free delivery on orders over twenty pounds, returns within thirty days."}
	if !slices.Equal(dropped, wantDropped) {
		t.Errorf("dropped by rule = %q, want the contentinfo footer's blocks %q", dropped, wantDropped)
	}
	if len(kept) != 3 {
		t.Errorf("left to the classifier = %q, want the headline, the description and the article's own <footer>", kept)
	}
}

// dialogPage is an invented service page with a consent dialog, a booking
// form in a <dialog> and a drawer marked aria-modal, beside the page's own
// text.
const dialogPage = `<html><body>
<main><h1>Harbour boat tours</h1>
<p>Our ninety-minute tours leave the north quay every hour from ten until five, weather allowing.</p></main>
<div role="alertdialog"><p>We use cookies to remember your choices and to measure visits to this site.</p></div>
<dialog><p>Book a tour: choose a day and the number of seats you need.</p></dialog>
<div aria-modal="true"><p>Your basket is empty. Tours you add will appear here.</p></div>
<div aria-modal="false"><p>Tours for groups of twelve or more can be booked by telephone.</p></div>
</body></html>`

func TestDialogTextIsDroppedByRule(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(dialogPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	var dropped []string
	for i := range pb.blocks {
		if droppedByRule(pb, nil, i) {
			dropped = append(dropped, pb.blocks[i].text)
		}
	}
	want := []string{"We use cookies to remember your choices and to measure visits to this site.",
		"Book a tour: choose a day and the number of seats you need.", "Your basket is empty. Tours you add will appear here."}
	if !slices.Equal(dropped, want) {
		t.Errorf("dropped by rule = %q, want the three dialogs' blocks %q", dropped, want)
	}
}

// TestPageThresholdSkipsBlocksDroppedByRule: a page whose only block at the
// threshold is dropped by rule (its footer) falls back to half the highest
// probability of the blocks that may be kept, instead of keeping nothing.
func TestPageThresholdSkipsBlocksDroppedByRule(t *testing.T) {
	probs := []float64{0.30, 0.24, 0.90, 0.10}
	footer := func(i int) bool { return i == 2 }
	if got := pageThresholdWithout(probs, 0.5, footer); got != 0.15 {
		t.Errorf("threshold with the footer dropped = %v, want 0.15 (half the top of the others)", got)
	}
	if got := pageThresholdWithout(probs, 0.5, func(int) bool { return false }); got != 0.5 {
		t.Errorf("threshold with nothing dropped = %v, want the model's 0.5", got)
	}
	keep := keptBlocks(slices.Clone(probs), pageThresholdWithout(probs, 0.5, footer), footer, nil)
	if !slices.Equal(keep, []bool{true, true, false, false}) {
		t.Errorf("kept = %v, want the two blocks over half the kept-able top, not the footer", keep)
	}
}

// TestPageThresholdKeepsNothingWhenEveryBlockIsDropped: a page whose only
// text is its menu keeps nothing (the fallback must not fall to 0, where
// every block, dropped ones too, would pass).
func TestPageThresholdKeepsNothingWhenEveryBlockIsDropped(t *testing.T) {
	probs := []float64{0.9, 0.2}
	all := func(int) bool { return true }
	keep := keptBlocks(slices.Clone(probs), pageThresholdWithout(probs, 0.5, all), all, nil)
	if slices.Contains(keep, true) {
		t.Errorf("kept = %v, want nothing: every block is dropped by rule", keep)
	}
}
