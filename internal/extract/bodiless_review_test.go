package extract

import (
	"slices"
	"strings"
	"testing"
)

// Probes of the bodiless rule (hasNoArticleBlock) from its review
// (docs/measurements/extraction.md, "Session 47: review of s47-whole"):
// inputs its rule or code might get wrong, kept where they protect
// behaviour.

// datedPost is an invented page called an article: a date line and a post
// whose text is body.
func datedPost(body string) string {
	return `<html><body><h2>Monday, March 3</h2><div class="post"><p>` + body + `</p></div></body></html>`
}

// lowProbs are the probabilities of datedPost's two blocks on a layout the
// classifier reads as chrome: the post at 0.2, under minArticleTopProb,
// the date line under half of it, so that the fallback keeps the post alone.
var lowProbs = []float64{0.08, 0.2}

// keepsPost reports whether the decoding keeps datedPost(body)'s post on a
// page called an article at the threshold 0.5, the probabilities lowProbs.
func keepsPost(t *testing.T, body string) bool {
	t.Helper()
	pb, _ := allBlocksKept(t, datedPost(body))
	if len(pb.blocks) != len(lowProbs) {
		t.Fatalf("%d blocks, want %d", len(pb.blocks), len(lowProbs))
	}
	keep, _ := decideOnProbs(pb, slices.Clone(lowProbs), 0.5, kindArticle, 0.9, nil)
	return keep[1]
}

// TestBodilessCapIsStrict: a post the fallback keeps with exactly
// maxBodilessKeptWords words is kept, one word fewer is not.
func TestBodilessCapIsStrict(t *testing.T) {
	at := strings.TrimSpace(strings.Repeat("pier ", maxBodilessKeptWords))
	under := strings.TrimSpace(strings.Repeat("pier ", maxBodilessKeptWords-1))
	if !keepsPost(t, at) {
		t.Errorf("a post of %d words dropped, want it kept", maxBodilessKeptWords)
	}
	if keepsPost(t, under) {
		t.Errorf("a post of %d words kept, want the page emptied", maxBodilessKeptWords-1)
	}
}

// TestBodilessCapCountsHanWords: the cap counts a Chinese post's words as
// the metric does (two Han characters a word), not by spaces, which would
// read any Chinese post as one word and empty every such page the
// classifier scores low.
func TestBodilessCapCountsHanWords(t *testing.T) {
	// 15 Han characters a sentence: 7.5 words as the metric counts them.
	sentence := "渡轮码头的木板已经使用了五十年。"
	// 225 characters, 112 words: over the cap.
	if !keepsPost(t, strings.Repeat(sentence, 15)) {
		t.Errorf("a Chinese post of 112 words dropped, want it kept")
	}
	// 150 characters, 75 words: under it.
	if keepsPost(t, strings.Repeat(sentence, 10)) {
		t.Errorf("a Chinese post of 75 words kept, want the page emptied")
	}
}

// TestBodilessReadsBlocksRulesKeep: a menu scoring over the threshold is
// dropped by rule (inNav) and does not count as the page's best block, so
// the page whose other blocks all score under minArticleTopProb keeps
// nothing (keptBlocks has set the menu's probability to 0 before
// hasNoArticleBlock reads it: the test guards that order as much as
// hasNoArticleBlock's own use of dropped); and a page with no blocks at
// all decodes to nothing, without a panic.
func TestBodilessReadsBlocksRulesKeep(t *testing.T) {
	page := `<html><body><nav><a href="/">Home</a> <a href="/news">News and weather</a></nav>` +
		`<h2>Monday, March 3</h2><div class="post"><p>Morning light on the ferry pier.</p></div></body></html>`
	pb, _ := allBlocksKept(t, page)
	if len(pb.blocks) != 3 || !droppedByRule(pb, nil, 0) {
		t.Fatalf("%d blocks, the first dropped by rule %v; want 3, a menu dropped", len(pb.blocks), len(pb.blocks) > 0 && droppedByRule(pb, nil, 0))
	}
	keep, _ := decideOnProbs(pb, []float64{0.9, 0.08, 0.2}, 0.5, kindArticle, 0.9, nil)
	if got := keptLeads(pb, keep); len(got) != 0 {
		t.Errorf("kept %q, want nothing: the menu is no article block", got)
	}
	empty, _ := allBlocksKept(t, `<html><body></body></html>`)
	if keep, _ := decideOnProbs(empty, nil, 0.5, kindArticle, 0.9, nil); len(keep) != 0 {
		t.Errorf("a page without blocks keeps %v", keep)
	}
}
