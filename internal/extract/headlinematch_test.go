package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// anchorPage is an invented guide page: a menu of one- and two-word links,
// an h1 and the guide's first paragraph.
const anchorPage = `<html><body>
<nav><ul><li><a href="/">Shop</a></li><li><a href="/zero-waste">Zero Waste</a></li><li><a href="/notes">Field notes</a></li></ul></nav>
<main><h1>Zero Waste - A Beginner's Guide</h1>
<p>Start with the kitchen: a jar for dry goods, a cloth bag for bread and a tin for the week's scraps.</p>
<h2>All Headphones</h2>
<h2>Harbour bridge repairs diary</h2>
</main></body></html>`

// anchorBlocks segments anchorPage.
func anchorBlocks(t *testing.T) *pageBlocks {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(anchorPage))
	if err != nil {
		t.Fatal(err)
	}
	return segment(findBody(doc), nil, nil)
}

// TestHeadlineBlockKeepsTitleWholeForAHeading: the cut title "Zero Waste"
// (its subtitle taken for a tagline) matches the menu's link exactly, but
// the h1 is the whole title, so the h1 is the headline.
func TestHeadlineBlockKeepsTitleWholeForAHeading(t *testing.T) {
	pb := anchorBlocks(t)
	pb.titles = []string{"Zero Waste", "Zero Waste"}
	pb.wholeTitles = []string{"Zero Waste - A Beginner's Guide", "Zero Waste - A Beginner's Guide"}
	if at := headlineBlock(pb); blockTextAt(pb, at) != "Zero Waste - A Beginner's Guide" {
		t.Errorf("headline block %d (%q), want the h1", at, blockTextAt(pb, at))
	}
	pb.wholeTitles = pb.titles // nothing cut: the link matches best, as before
	if at := headlineBlock(pb); blockTextAt(pb, at) != "Zero Waste" {
		t.Errorf("uncut title: headline block %d (%q), want the link", at, blockTextAt(pb, at))
	}
}

// TestHeadlineBlockFallsBackToWholeTitles: no block matches the cut titles,
// so the whole ones are tried after them and find the heading.
func TestHeadlineBlockFallsBackToWholeTitles(t *testing.T) {
	pb := anchorBlocks(t)
	pb.titles = []string{"", "Diary"}
	pb.wholeTitles = []string{"", "Diary | Harbour bridge repairs"}
	if at := headlineBlock(pb); blockTextAt(pb, at) != "Harbour bridge repairs diary" {
		t.Errorf("headline block %d (%q), want the h2 of the whole title", at, blockTextAt(pb, at))
	}
}

// TestHeadlineBlockPrefersHeadingToOneWordLink: on the two-word title "Shop
// Headphones" the menu's link "Shop" scores 0.67 and the h2 "All
// Headphones" 0.5; each shares one word, and the heading is the headline.
func TestHeadlineBlockPrefersHeadingToOneWordLink(t *testing.T) {
	pb := anchorBlocks(t)
	pb.titles = []string{"Shop Headphones"}
	pb.wholeTitles = pb.titles
	if at := headlineBlock(pb); blockTextAt(pb, at) != "All Headphones" {
		t.Errorf("headline block %d (%q), want the h2", at, blockTextAt(pb, at))
	}
	pb.titles = []string{"Shop"} // a one-word title: the link is its match
	pb.wholeTitles = pb.titles
	if at := headlineBlock(pb); blockTextAt(pb, at) != "Shop" {
		t.Errorf("one-word title: headline block %d (%q), want the link", at, blockTextAt(pb, at))
	}
}
