package extract

import "golang.org/x/net/html/atom"

// A shop's page of one item shows other items beside it: "customers also
// viewed", "similar items", a sponsored strip, "complete the set". Each
// of them is a card: a box with the item's name, its own price and a link
// to its own page, repeated once per item. wcxb's product golds leave
// them out (its README: a product's main content is its description), and
// the block classifier keeps their names and prices where they score like
// the item's own facts (docs/measurements/extraction.md, "Session 51").
// The markup tells them on any shop: siblings of one signature, each
// holding a price and a link, as even as a list's items.

// cardBoxes returns, for each block, whether it lies inside another
// item's card: an element that holds a price (hasPrice, on a short block
// under it) and a link, one of itemRunMin or more siblings of one strip
// (stripKeys) that do so, when those are at least half of the strip's
// siblings with text and none of them holds more than itemRunMaxShare of
// their characters (a layout's rows, one of which holds the page's own
// item, are uneven). The nearest such element above a block is its card;
// a block in none is false.
func cardBoxes(pb *pageBlocks) []bool {
	priced, linked := cardParts(pb)
	type strip struct{ members, cards, chars, maxChars int32 }
	strips := map[stripKey]*strip{}
	for i := range pb.elems {
		e := &pb.elems[i]
		if e.parent < 0 || e.chars == 0 {
			continue
		}
		for _, k := range stripKeys(e) {
			s := strips[k]
			if s == nil {
				s = &strip{}
				strips[k] = s
			}
			s.members++
			if priced[i] && linked[i] {
				s.cards++
				s.chars += e.chars
				s.maxChars = max(s.maxChars, e.chars)
			}
		}
	}
	isCard := func(e int32) bool {
		el := &pb.elems[e]
		if el.parent < 0 || !priced[e] || !linked[e] {
			return false
		}
		for _, k := range stripKeys(el) {
			s := strips[k]
			if s != nil && s.cards >= itemRunMin && 2*s.cards >= s.members &&
				float64(s.maxChars) <= itemRunMaxShare*float64(s.chars) {
				return true
			}
		}
		return false
	}
	// The nearest card at or above each element, in one pass over the
	// elements (nearestBoxes): walking up from every block instead cost a
	// block times its depth: 1.5 s against 0.013 s on a page of 40,000
	// paragraphs under 370 levels of wrappers that each hold a price and a
	// link (BenchmarkCardBoxesDeep).
	card := nearestBoxes(pb, isCard)
	out := make([]bool, len(pb.blocks))
	for i, b := range pb.blocks {
		out[i] = b.elem >= 0 && card[b.elem] >= 0
	}
	return out
}

// stripKey names a strip of sibling elements: their parent and their
// signature (itemSignature), or for list items their tag alone (byTag).
type stripKey struct {
	parent int32
	sig    uint32
	byTag  bool
}

// stripKeys returns the strips an element may be a card of: its siblings
// of its signature, and, for a list item, also the list's other items
// whatever their classes: a shop's cards in a list often carry the item's
// own classes (WooCommerce's "product_cat-sandals", "first", "instock").
// A <div>'s class is always read: a layout's columns are sibling divs,
// each with prices and links in it, told from a strip of cards by their
// classes (without it a music shop's item page lost its own spec list,
// docs/measurements/extraction.md, "Session 51").
func stripKeys(e *element) []stripKey {
	keys := []stripKey{{parent: e.parent, sig: e.sig}}
	if e.tag == atom.Li {
		keys = append(keys, stripKey{parent: e.parent, byTag: true})
	}
	return keys
}

// cardParts returns, for each element, whether a price (a short block
// that hasPrice) lies under it and whether a link (an <a> element, with
// or without text: a card's link often wraps its image alone) does.
func cardParts(pb *pageBlocks) (priced, linked []bool) {
	priced, linked = make([]bool, len(pb.elems)), make([]bool, len(pb.elems))
	mark := func(marks []bool, e int32) {
		for ; e >= 0 && !marks[e]; e = pb.elems[e].parent {
			marks[e] = true
		}
	}
	for _, b := range pb.blocks {
		if isPriceLine(&b) {
			mark(priced, b.elem)
		}
	}
	for i, e := range pb.elems {
		if e.tag == atom.A {
			mark(linked, int32(i))
		}
	}
	return priced, linked
}

// maxPriceLineTokens is the most words a block may have for its price to
// be a price line (isPriceLine): a card's, and one the kind features count
// (pageFeatures' prices), so that a paragraph naming a sum makes no card
// and no price of the page.
const maxPriceLineTokens = 12

// dropOtherItemCards clears keep for the kept blocks inside other items'
// cards (cardBoxes) on a page of one item (readsReviewsApart: called a
// product, or declaring itself one by its og:type or its markup; not a
// page called a list of items, whose cards are its content) when the kept blocks
// outside the cards hold minMainWordsBeside words or more and either
// outweigh the kept cards or show a price of their own (the item's, which
// a shop's grid of items does not have outside its cards). A heading over
// nothing but cards goes with them (dropStripHeadings).
func dropOtherItemCards(pb *pageBlocks, keep []bool, kind string) {
	if !readsReviewsApart(pb, kind) || isListKind(kind) {
		return
	}
	cards := cardBoxes(pb)
	inside, outside, ownPrice := 0, 0, false
	for i, b := range pb.blocks {
		switch {
		case cards[i]:
			if keep[i] {
				inside += int(b.tokens)
			}
		case keep[i]:
			outside += int(b.tokens)
			ownPrice = ownPrice || isPriceLine(&pb.blocks[i])
		}
	}
	if outside < minMainWordsBeside || inside > outside && !ownPrice {
		return
	}
	dropStripHeadings(pb, keep, cards)
	for i := range keep {
		if cards[i] {
			keep[i] = false
		}
	}
}

// dropStripHeadings clears keep for a kept heading outside the cards whose
// section (the blocks after it up to the next heading outside the cards;
// a card's own name is often a heading) keeps cards and nothing else: the
// strip's title ("You may also like", "Sponsored"), no more the item's
// text than its cards. Called before the cards are cleared.
func dropStripHeadings(pb *pageBlocks, keep, cards []bool) {
	for i := range pb.blocks {
		if !keep[i] || cards[i] || !isHeadingBlock(pb, &pb.blocks[i]) {
			continue
		}
		sawCard, sawOther := false, false
		for j := i + 1; j < len(pb.blocks) && !sawOther; j++ {
			if !cards[j] && isHeadingBlock(pb, &pb.blocks[j]) {
				break
			}
			sawCard = sawCard || keep[j] && cards[j]
			sawOther = keep[j] && !cards[j]
		}
		if sawCard && !sawOther {
			keep[i] = false
		}
	}
}

// isPriceLine reports whether a block is a short line holding a price
// (hasPrice; maxPriceLineTokens words or fewer).
func isPriceLine(b *block) bool {
	return b.digits > 0 && b.tokens <= maxPriceLineTokens && hasPrice(b.text)
}
