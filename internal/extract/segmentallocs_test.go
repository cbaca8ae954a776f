package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// paragraphsPage is an invented page of n paragraphs, each one text with
// white space around it, as pages indent their markup.
func paragraphsPage(n int) *html.Node {
	var b strings.Builder
	b.WriteString("<html><body>")
	for range n {
		b.WriteString("<p>\n  The council met on Tuesday to discuss the bridge.\n</p>")
	}
	b.WriteString("</body></html>")
	doc, err := parseHTML([]byte(b.String()))
	if err != nil {
		panic(err)
	}
	return findBody(doc)
}

// TestSegmentAllocatesOnceABlock: a block of one text costs one allocation,
// the text collapseSpace makes; the block's text is not first copied into
// a buffer of its own (session 43). The count, not a time, is checked.
func TestSegmentAllocatesOnceABlock(t *testing.T) {
	const paragraphs = 400
	body := paragraphsPage(paragraphs)
	allocs := testing.AllocsPerRun(5, func() { segment(body, nil, nil) })
	// The slices of elements and blocks grow a few dozen times and the
	// segmenter's own state takes a handful: well under a fifth of an
	// allocation a block in all.
	if perBlock := allocs / paragraphs; perBlock > 1.2 {
		t.Errorf("segment allocated %.0f times for %d one-text blocks (%.2f a block), want about one a block", allocs, paragraphs, perBlock)
	}
}

// BenchmarkSegment cuts an invented page of 400 paragraphs into blocks.
func BenchmarkSegment(b *testing.B) {
	body := paragraphsPage(400)
	b.ReportAllocs()
	for b.Loop() {
		segment(body, nil, nil)
	}
}
