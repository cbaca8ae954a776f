package extract

import "golang.org/x/net/html/atom"

// The kind classifiers read, besides the page features the block
// classifier also reads (pageFeatures), how the page's repeated items look
// (runKindFeatures): a list of stories, courses or events is a run of boxes
// that each hold a linked title and a date, a shop's category a run of
// boxes that each hold a price, an article's largest run its related
// stories or its comments beside a body that is not a run. These are
// appended to the kind classifiers' vector only (kindFeatures), so the
// block classifier's inputs, and every model fitted before, are unchanged.

// runKindFeatureNames names runKindFeatures in order.
var runKindFeatureNames = []string{
	"linked_heading_share", "run_boxes", "run_share", "run_box_link_share", "run_box_date_share", "run_box_price_share",
}

// kindFeatureNames names the kind classifiers' features: the page features,
// then runKindFeatures.
var kindFeatureNames = append(append([]string(nil), pageFeatureNames...), runKindFeatureNames...)

var numKindFeatures = len(kindFeatureNames)

// kindFeatures is the kind classifiers' vector of a page whose page
// features are page.
func kindFeatures(pb *pageBlocks, page []float64) []float64 {
	return append(append(make([]float64, 0, numKindFeatures), page...), runKindFeatures(pb)...)
}

// runKindFeatures are the share of the page's heading blocks that are
// links (a list's titles are; an article's or a service page's section
// headings are not), and of the page's largest item run (itemRuns, by its
// characters): how many boxes it has, its share of the page's characters,
// and the share of its boxes that hold a link, a date and a price.
func runKindFeatures(pb *pageBlocks) []float64 {
	var headings, linked float64
	for i := range pb.blocks {
		b := &pb.blocks[i]
		switch pb.elems[b.container].tag {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			headings++
			if 2*b.linkChars > b.chars {
				linked++
			}
		}
	}
	out := []float64{linked / max(1, headings)}
	return append(out, largestRunFeatures(pb)...)
}

// boxMarks is what one item box of a run holds.
type boxMarks struct{ link, date, price bool }

// largestRunFeatures are the box count (log), the share of the page's
// characters, and the shares of boxes with a link, a date and a price of
// the page's largest item run (by its characters); zeros for a page
// without a run. A block's box is found as itemRuns finds it, but from its
// container up (itemBoxOf): a card whose name, price and date are inline
// text is a box that holds its lines itself.
func largestRunFeatures(pb *pageBlocks) []float64 {
	box := itemBoxOf(pb)
	chars := map[runKey]int32{}
	var best runKey
	for i := range pb.blocks {
		if a := box[i]; a >= 0 {
			k := runKey{parent: pb.elems[a].parent, sig: pb.elems[a].sig}
			chars[k] += pb.blocks[i].chars
			if chars[k] > chars[best] {
				best = k
			}
		}
	}
	if len(chars) == 0 {
		return []float64{0, 0, 0, 0, 0}
	}
	marks := map[int32]*boxMarks{}
	for i := range pb.blocks {
		a := box[i]
		if a < 0 || pb.elems[a].parent != best.parent || pb.elems[a].sig != best.sig {
			continue
		}
		m := marks[a]
		if m == nil {
			m = &boxMarks{}
			marks[a] = m
		}
		b := &pb.blocks[i]
		m.link = m.link || b.linkChars > 0
		if b.digits > 0 && b.tokens <= maxPriceLineTokens {
			m.price = m.price || hasPrice(b.text)
			if !m.date && b.digits >= 4 { // every date form findDate reads has a four-digit year
				_, m.date = findDate(b.text)
			}
		}
	}
	var link, date, price float64
	for _, m := range marks {
		if m.link {
			link++
		}
		if m.date {
			date++
		}
		if m.price {
			price++
		}
	}
	nb := float64(len(marks))
	return []float64{log1p(int32(len(marks))), float64(chars[best]) / float64(max(1, pb.chars)), link / nb, date / nb, price / nb}
}

// itemBoxOf returns each block's item box: the nearest element from its
// container up to itemRunMaxLevels above it that has itemRunMin or more
// siblings with text of its signature, none of them holding more than
// itemRunMaxShare of their characters (isItemRun); -1 for none.
func itemBoxOf(pb *pageBlocks) []int32 {
	stats := siblingStats(pb)
	out := make([]int32, len(pb.blocks))
	for i, b := range pb.blocks {
		out[i] = -1
		for a, lvl := b.container, 0; a >= 0 && lvl <= itemRunMaxLevels; a, lvl = pb.elems[a].parent, lvl+1 {
			e := &pb.elems[a]
			if st := stats[runKey{parent: e.parent, sig: e.sig}]; e.parent >= 0 && st != nil && isItemRun(st) {
				out[i] = a
				break
			}
		}
	}
	return out
}
