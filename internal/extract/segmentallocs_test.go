package extract

import (
	"reflect"
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

// TestSegmentSizedSameBlocks: the element hint sets a capacity and nothing
// else; a hint of none, too few, the count and far too many cut the same
// blocks and elements as segment.
func TestSegmentSizedSameBlocks(t *testing.T) {
	body := paragraphsPage(60)
	want := segment(body, nil, nil)
	for _, hint := range []int{-1, 0, 1, 61, 62, 1000} {
		if got := segmentSized(body, nil, nil, hint); !reflect.DeepEqual(got, want) {
			t.Errorf("hint %d: the blocks or elements differ from segment's", hint)
		}
	}
}

// TestSegmentPageSizedGrowsNoElementList: given readMeta's element count,
// the element list is made once at its size and never copied as it grows:
// at least eight allocations fewer for 400 paragraphs than without the
// hint (a list growing to 401 elements is made ten times). Counts, not
// times, are checked.
func TestSegmentPageSizedGrowsNoElementList(t *testing.T) {
	const paragraphs = 400
	body := paragraphsPage(paragraphs)
	pm := readMeta(body.Parent)
	pb := segmentPageSized(body, nil, nil, pm.elements)
	if len(pb.elems) > pm.elements || cap(pb.elems) != pm.elements {
		t.Fatalf("%d elements in a list of capacity %d, readMeta counted %d: the list grew", len(pb.elems), cap(pb.elems), pm.elements)
	}
	sized := testing.AllocsPerRun(5, func() { segmentPageSized(body, nil, nil, pm.elements) })
	unsized := testing.AllocsPerRun(5, func() { segmentPage(body, nil, nil) })
	if sized > unsized-8 {
		t.Errorf("segmentPageSized allocated %.0f times, segmentPage %.0f: want eight fewer or more", sized, unsized)
	}
}
