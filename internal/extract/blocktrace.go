package extract

import (
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// BlockTrace is one block of an HTML page as the block classifier and the
// decoding after it read it: a reading aid for held-out pages (eval's
// TestBlockTrace), not used when extracting.
type BlockTrace struct {
	Text      string
	Tokens    int
	Chars     int // non-space characters
	LinkChars int // of them, in links
	Prob      float64
	// RawProb is the classifier's probability before any rule drops the
	// block (Prob is 0 for a block dropped by rule).
	RawProb float64
	// Kept is whether selectBlocks keeps it: before the headline is
	// dropped, and whatever a page whose JSON-LD articleBody holds more
	// than twice the kept words prints instead (fromHTML).
	Kept bool
	// Rule is whether a rule dropped the block whatever its probability
	// (droppedByRule; its Prob is then 0).
	Rule      bool
	Unbridged bool    // never bridged in (inFormBox)
	Prose     bool    // it reads as running text (isProseBlock)
	Cover     float64 // the share of its tokens the gold covers (goldCover, as the fit labels blocks)
	Container int     // its container element (an index of the page's elements)
	Parent    int     // the container's parent element, -1 for none
	Tag       string  // the container's tag name
	// Path is the tag names of the block's innermost element and its
	// ancestors, outermost first, joined by ">" (custom elements as "?").
	Path      string
	Run       int  // its item run (itemRuns), -1 for none
	Box       int  // its box in the item run, -1 for none
	Furniture bool // a line its item run repeats in most boxes (runFurniture)
	// BoxParent is the parent element of the block's box (-1 for none), and
	// BoxSig and BoxParentSig the box's and that parent's signatures
	// (itemSignature), BoxTag the box's tag name: how a list's runs split.
	BoxParent            int
	BoxSig, BoxParentSig uint32
	BoxTag               string
	// Filled is whether the block is kept only by the item-run fill
	// (fillLargestItemRun): kept, and not kept with the fill left out.
	Filled  bool
	Reviews bool // inside an element whose markup names customers' reviews (isReviewElement)
}

// TraceBlocks returns each block of HTML page p as m reads it without a
// site template, with gold's cover of it, and the page's threshold and
// kind.
func (m *Model) TraceBlocks(p news.Page, gold string) (blocks []BlockTrace, threshold float64, kind string) {
	hp, err := m.readHTMLPage(p)
	if err != nil || hp.blocks == nil {
		return nil, 0, ""
	}
	pb := hp.blocks
	raw := m.blockProbs(pb, hp.page, hp.kind)
	keep, probs, th := m.decideBlocks(pb, hp.page, hp.kind, hp.articleProb, nil)
	unfilled, _ := decideOnProbsFill(pb, slices.Clone(raw), m.kindThreshold(hp.kind), hp.kind, hp.articleProb, nil, false)
	runs, boxes, furniture := allRunFurniture(pb, isListKind(hp.kind))
	cover := goldCover(allBlocks(pb), gold)
	out := make([]BlockTrace, len(pb.blocks))
	for i := range pb.blocks {
		b := &pb.blocks[i]
		out[i] = BlockTrace{Text: b.text, Tokens: int(b.tokens), Chars: int(b.chars), LinkChars: int(b.linkChars),
			Prob: probs[i], RawProb: raw[i], Kept: keep[i], Rule: droppedByRule(pb, nil, i), Unbridged: inFormBox(pb, i),
			Prose: isProseBlock(b), Cover: cover[i], Container: int(b.container), Parent: -1,
			Run: int(runs[i]), Box: int(boxes[i]), Furniture: furniture[i],
			Filled: keep[i] && !unfilled[i], Reviews: pb.elems[b.elem].inherited&flagReviews != 0}
		if c := b.container; c >= 0 {
			out[i].Parent, out[i].Tag = int(pb.elems[c].parent), pb.elems[c].tag.String()
		}
		out[i].Path = tagPath(pb, b.elem)
		out[i].BoxParent = -1
		if bx := boxes[i]; bx >= 0 {
			e := &pb.elems[bx]
			out[i].BoxParent, out[i].BoxSig, out[i].BoxTag = int(e.parent), e.sig, e.tag.String()
			if e.parent >= 0 {
				out[i].BoxParentSig = pb.elems[e.parent].sig
			}
		}
	}
	return out, th, hp.kind
}

// allRunFurniture returns each block's item run and box (itemRuns) and
// whether it is its run's furniture (runFurniture), on a page called a list
// of items or not (listPage).
func allRunFurniture(pb *pageBlocks, listPage bool) (runs, boxes []int32, furniture []bool) {
	runs, boxes, n := itemRuns(pb, listPage)
	furniture = make([]bool, len(pb.blocks))
	for r := range int32(n) {
		for i, f := range runFurniture(pb, runs, boxes, r) {
			furniture[i] = furniture[i] || f
		}
	}
	return runs, boxes, furniture
}

// tagPath returns the tag names of element e and its ancestors, outermost
// first, joined by ">"; a custom element (no known tag) is "?".
func tagPath(pb *pageBlocks, e int32) string {
	var tags []string
	for ; e >= 0; e = pb.elems[e].parent {
		name := pb.elems[e].tag.String()
		if name == "" {
			name = "?"
		}
		tags = append(tags, name)
	}
	slices.Reverse(tags)
	return strings.Join(tags, ">")
}
