package extract

import (
	"slices"
	"strings"
	"testing"
)

// photoPost is an invented blog post of one photo: a date line, a caption
// of a few words, the blog's "about me" box and a licence note. Nothing on
// it reads as an article's body.
const photoPost = `<html><body>` +
	`<h2>Monday, March 3</h2>` +
	`<div class="post"><p>Morning light on the ferry pier.</p></div>` +
	`<div class="sidebar"><p>I live by the harbour and photograph it every day before work, rain or shine, and post what I see here.</p></div>` +
	`<p>Photos on this blog may be shared with credit under a Creative Commons licence.</p>` +
	`</body></html>`

// photoPostProbs are probabilities a classifier might give photoPost's four
// blocks: the about box highest, every block far under a threshold of 0.5.
var photoPostProbs = []float64{0.08, 0.12, 0.22, 0.15}

// TestArticleWithNoBlockAtFloorKeepsNothing: a page called an article whose
// best block scores under minArticleTopProb keeps nothing, where the
// fallback to half the page's best (pageThresholdWithout) would keep the
// about box, the licence note and the caption.
func TestArticleWithNoBlockAtFloorKeepsNothing(t *testing.T) {
	pb, _ := allBlocksKept(t, photoPost)
	if len(pb.blocks) != len(photoPostProbs) {
		t.Fatalf("%d blocks, want %d", len(pb.blocks), len(photoPostProbs))
	}
	keep, _ := decideOnProbs(pb, slices.Clone(photoPostProbs), 0.5, kindArticle, 0.9, nil)
	if got := keptLeads(pb, keep); len(got) != 0 {
		t.Errorf("kept %q, want nothing: no block reaches %v", got, minArticleTopProb)
	}
}

// TestFallbackStaysOffArticlesAndOverFloor: the fallback still keeps the
// blocks at half the best on a page of another kind (a shop's or listing's
// probabilities run low), and on an article page whose best block reaches
// minArticleTopProb though not the threshold.
func TestFallbackStaysOffArticlesAndOverFloor(t *testing.T) {
	pb, _ := allBlocksKept(t, photoPost)
	keep, th := decideOnProbs(pb, slices.Clone(photoPostProbs), 0.5, "listing", 0, nil)
	want := []string{"Morning light", "I live", "Photos on"}
	if got := keptLeads(pb, keep); th != 0.11 || !slices.Equal(got, want) {
		t.Errorf("listing: threshold %v, kept %q; want 0.11 and %q", th, got, want)
	}
	higher := []float64{0.08, 0.12, minArticleTopProb, 0.15}
	keep, _ = decideOnProbs(pb, higher, 0.5, kindArticle, 0.9, nil)
	if got := keptLeads(pb, keep); !slices.Equal(got, []string{"I live", "Photos on"}) {
		t.Errorf("article at the floor: kept %q, want the about box and the licence note", got)
	}
}

// TestFloorNeverDropsBlocksAtThreshold: with a threshold under
// minArticleTopProb (a model fitted so), a block at the threshold is kept.
func TestFloorNeverDropsBlocksAtThreshold(t *testing.T) {
	pb, _ := allBlocksKept(t, photoPost)
	keep, _ := decideOnProbs(pb, slices.Clone(photoPostProbs), 0.2, kindArticle, 0.9, nil)
	if got := keptLeads(pb, keep); !slices.Equal(got, []string{"I live"}) {
		t.Errorf("kept %q, want the one block at the threshold 0.2", got)
	}
}

// TestFallbackKeepsLongTextOnArticles: when what the fallback keeps on a
// page called an article holds maxBodilessKeptWords words or more, the page
// has a body the classifier scores low (a shop's description), and keeps it.
func TestFallbackKeepsLongTextOnArticles(t *testing.T) {
	long := strings.Repeat("The pier has stood since the old harbour was dug out by hand. ", 9) // 108 words
	page := `<html><body><h2>Monday, March 3</h2><div class="post"><p>` + long + `</p></div></body></html>`
	pb, _ := allBlocksKept(t, page)
	keep, _ := decideOnProbs(pb, []float64{0.08, 0.2}, 0.5, kindArticle, 0.9, nil)
	if got := keptLeads(pb, keep); !slices.Equal(got, []string{"The pier"}) {
		t.Errorf("kept %q, want the long paragraph the fallback keeps", got)
	}
}
