package extract

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/text"
)

// A page that lists items (a recipe index, a list of jobs, a catalogue of
// reports) repeats one box per item: siblings of one tag and class, each
// holding a title, a line or two of text and some labels. The block
// classifier scores such items one by one, and on a page it calls an
// article, whose threshold is high, it keeps some of a list's items and
// drops the others, which score a little lower (docs/measurements/extraction.md,
// "Session 40" and "Session 41"). fillLargestItemRun reads the page's
// own structure instead: when most of what the page keeps lies in its
// largest run of item boxes, the run is the page's content, and its other
// items are kept with it, but not the lines every item repeats (the list's
// furniture: a date line, "Read more", "Posted by ... | Permalink").

// itemRunMin is the fewest sibling boxes of one signature that make an
// item run: two same-class siblings are as often a layout's two columns
// (session 33, "k = 2" measured no better than 3).
const itemRunMin = 3

// itemRunMaxShare is the largest share of a run's characters one member
// may hold: a layout's rows or columns (one of which holds the whole
// article) are runs by tag and class, but uneven ones; a list's items
// share the run's text about evenly (session 33's evenness test: the gold
// tokens dragnet's pages dropped inside such runs fell from 18,688 to
// 6,545 with it, the layout runs no longer counted).
const itemRunMaxShare = 0.5

// itemRunMaxLevels is how many levels above a block's container the
// item box may be: 1 is the container's parent, the smallest box that
// holds a title and a text of its own, and 3 reaches a card's wrapper
// around a link around its lines. The container itself is not an item:
// an article's paragraphs are siblings of one tag, and counting them made
// the rule keep comments, tags and footer lines beside a body's paragraphs
// (held out on the quick check's fold models, session 41: levels 0-3 cost
// dragnet and msv-big9 0.0001 of word F1 each, levels 1-3 changed no
// output of the five news sets; session 42, on new fold models: levels 0-3
// gained wcxb's listings 0.0017 and cost wcxb's articles 0.0006, cleaneval
// 0.0004 and three dragnet pages 0.03 to 0.19 each).
//
// On a page the kind classifiers call a list of items (isListKind) the
// climb has no bound: there the kind has said that the page is its items,
// and a shop's product cards, a chart's rows and a job board's postings
// nest their linked titles four to eight levels inside the <li> or card
// that repeats (session 51: of the 20 worst held-out wcxb listings and
// collections, 4 had their items in no run at 3 levels, the deepest a
// chart's title eight levels inside its <li>, under a link and six
// wrappers). The climb still stops at the nearest box with siblings of its
// signature. Alone it moves little (wcxb's listings +0.003 of word F1 held
// out on the quick check's fold models, at 8 levels): the items it finds
// score under itemRunFloor, so it pays with itemRunListFloor (listings
// +0.011, collections +0.004 together; 8 levels against no bound: the same
// but for three collections, +0.04 to +0.12, with no bound).
const itemRunMaxLevels = 3

// itemRunFloor is the share of the page's threshold an item of the run
// must still score to be kept with it: a list's lower items score 0.1-0.4
// under an article threshold near 0.5, while an empty box or a label the
// classifier reads as chrome scores under a tenth of it. Measured on the
// quick check's fold models, each page by the model that never saw its
// site (session 41): 0 and 0.25 gave wcxb's listings +0.010 of word F1,
// 0.5 +0.007 (0.75, measured without itemRunMaxArticleProb, +0.002); the
// five news sets unchanged at each.
const itemRunFloor = 0.25

// itemRunListFloor is the share of the page's threshold an item of the run
// must score to be kept with it on a page called a list of items, where
// the fill takes the run by its size (runLeads). The classifier scores a
// list's linked titles, prices and short labels as chrome, and at the low
// threshold of pages not called articles most of a list's items fall under
// itemRunFloor (session 51, the held-out wcxb listings and collections
// whose largest run the gold holds, read by hand: a product grid's, a job
// board's and an auction list's items at 0.1-0.25 of the threshold, half
// to nine tenths of them under the quarter). A site's menu, footer columns
// and promotion bar, the largest runs of five pages whose gold holds none
// of them, scored under a tenth of the threshold (their medians 0.01-0.07);
// the tenth is the round value between the two, not tuned further. Held out
// on the quick check's fold models, with the list pages' deeper climb
// (itemRunMaxLevels): wcxb's
// listings +0.011 and collections +0.004 of word F1 at their out-of-fold
// thresholds, +0.009 and +0.026 at their single ones; at a floor of 0 the
// footers and the menu cost three service pages 0.22-0.27 each. The tenth
// was read off these same wcxb pages, so those figures are in sample for
// the constant; split by site in two halves (session 51's review), the
// floor is flat from 0.05 to 0.1 and the value chosen on either half gains
// on the other half's listings and collections (+0.005 to +0.026 at both
// settings). Medians hide the tails: one shop's menu panels, not in a
// <nav>, have items at 0.10-0.2 of the threshold and are filled.
const itemRunListFloor = 0.1

// chromeLandmarks are the flags of the elements that hold a page's own
// chrome: its footer, header, navigation, asides and contentinfo. A run
// inside one keeps itemRunFloor on a page called a list (runFloor): footer
// columns scored at 0.1-0.2 of the threshold cost two service pages called
// listings 0.15 and 0.03 of word F1 at itemRunListFloor without it.
const chromeLandmarks = flagFooter | flagHeader | flagNav | flagAside | flagContentInfo

// itemRunMaxArticleProb is the article probability under which a page
// called an article may be a list of items. The kind classifiers call a
// third of wcxb's listings articles, most of them under 0.9 (median 0.63),
// where nine in ten of the news sets' pages are called articles at 0.97 or
// more. Held out (session 41): with no bound the rule took comment threads
// and footers beside news articles (l3s-gn1 -0.002 of word F1, the five
// news sets -0.0006); at 0.95 they lost under 0.0001 and cleaneval gained
// 0.003, at 0.9 no news output changed and cleaneval gained 0.002, at 0.8
// wcxb's listings gained 0.007 instead of 0.010.
const itemRunMaxArticleProb = 0.9

// itemFurnitureShare is the share of a run's boxes a line must recur in
// (its numbers, month and day names left out: furnitureKey) to be the
// list's furniture rather than an item's content: more than half, "most
// boxes". A line in every other box is still repeated furniture ("Read
// more" under the teasers that have more); an item's own title or text is
// in one box. Held out on the quick check's fold models (session 42): at
// 0.5 wcxb's listings gained 0.0006 of word F1 over the fill without it
// (cleaneval 0.0001, no page lost 0.01, no news output changed); 0.75 was
// measured only in the variant that also drops the furniture the
// classifier kept, where it gained listings 0.0003 against 0.5's 0.0006.
const itemFurnitureShare = 0.5

// fnvOffset and fnvPrime are FNV-1a's 32-bit constants (tagNameHash,
// itemSignature).
const fnvOffset, fnvPrime = 2166136261, 16777619

// tagNameHash hashes an element's tag name by FNV-1a: the part of its
// signature (itemSignature) its class does not add to.
func tagNameHash(tag string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(tag); i++ {
		h = (h ^ uint32(tag[i])) * fnvPrime
	}
	return h
}

// itemSignature hashes an element's tag name (tagNameHash) and its class
// attribute with the digits left out, so that "card-1" and "card-2" match:
// the items of one list share it, by FNV-1a.
func itemSignature(n *html.Node) uint32 { return signatureOf(n, tagNameHash(n.Data)) }

// signatureOf is itemSignature from the hash of n's tag name (name), which
// the segmenter keeps apart too (element.name), so that it is made once.
func signatureOf(n *html.Node, name uint32) uint32 {
	h := name
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		h = (h ^ 0) * fnvPrime // a separator: the tag "ab" and class "c" differ from "a", "bc"
		for i := 0; i < len(a.Val); i++ {
			if c := a.Val[i]; c < '0' || c > '9' {
				h = (h ^ uint32(c)) * fnvPrime
			}
		}
	}
	return h
}

// runKey names a run: the parent its members share and their signature,
// or on a page called a list of items their tag name's hash (byTag,
// boxRunKey).
type runKey struct {
	parent int32
	sig    uint32
	byTag  bool
}

// runStats sums a run's members that hold text.
type runStats struct {
	members, chars, maxChars int32
}

// itemRuns returns, for each block, the id of the item run its box belongs
// to (-1 for none) and that box (an index in pb.elems, -1 for none), and
// how many runs there are. A block's box is the nearest element 1 to
// itemRunMaxLevels levels above its container (at any level on a page
// called a list of items, listPage) that has itemRunMin or more siblings
// with text of its signature (itself counted), none of them holding more
// than itemRunMaxShare of their characters.
func itemRuns(pb *pageBlocks, listPage bool) (runs, boxes []int32, n int) {
	stats := map[runKey]*runStats{}
	for _, e := range pb.elems {
		if e.parent < 0 || e.chars == 0 {
			continue
		}
		k := runKey{parent: e.parent, sig: e.sig}
		st := stats[k]
		if st == nil {
			st = &runStats{}
			stats[k] = st
		}
		st.members++
		st.chars += e.chars
		st.maxChars = max(st.maxChars, e.chars)
	}
	isBox := func(a int32) bool {
		e := &pb.elems[a]
		if e.parent < 0 {
			return false
		}
		st := stats[runKey{parent: e.parent, sig: e.sig}]
		return st != nil && isItemRun(st)
	}
	var nearest []int32
	if listPage {
		nearest = nearestBoxes(pb, isBox)
	}
	ids := map[runKey]int32{}
	runs, boxes = make([]int32, len(pb.blocks)), make([]int32, len(pb.blocks))
	for i, b := range pb.blocks {
		runs[i], boxes[i] = -1, -1
		if b.container < 0 {
			continue
		}
		a := pb.elems[b.container].parent
		if listPage {
			a = nearestOrNone(nearest, a)
		} else {
			a = boundedBox(pb, a, isBox)
		}
		if a < 0 {
			continue
		}
		k := boxRunKey(pb, a, listPage)
		id, ok := ids[k]
		if !ok {
			id = int32(len(ids))
			ids[k] = id
		}
		runs[i], boxes[i] = id, a
	}
	return runs, boxes, len(ids)
}

// boxRunKey returns the run of item box a: its parent and signature, or on
// a page called a list of items (listPage) its parent and tag, so that the
// boxes of one list that differ in class (a job board's featured posts
// among the others, a shop's sponsored cards, rows of alternating styles)
// are one run, as cardBoxes reads a list's <li>s whatever their classes.
// Each box is still found by its own signature (a run of at least
// itemRunMin even siblings); only the runs of boxes that share a parent
// and a tag name are joined (by its hash, so that custom elements of two
// names, which share no atom, stay apart: a shop's <x-card>s and the
// <x-ad>s among them). Held out on the quick check's fold models (session 52): wcxb's
// listings +0.0015 of word F1 at the out-of-fold thresholds (+0.0001 at
// the single ones), two pages up (a job board whose featured posts carry a
// class of their own, +0.13 and +0.03; a rankings list of two alternating
// card classes, +0.04), none down by more than 0.002, no other wcxb type
// moved; one cleaneval page called a listing +0.02 and +0.04.
func boxRunKey(pb *pageBlocks, a int32, listPage bool) runKey {
	e := &pb.elems[a]
	if listPage {
		return runKey{parent: e.parent, sig: e.name, byTag: true}
	}
	return runKey{parent: e.parent, sig: e.sig}
}

// boundedBox returns the nearest element from a up, at most
// itemRunMaxLevels of them, that is an item box (isBox), or -1.
func boundedBox(pb *pageBlocks, a int32, isBox func(int32) bool) int32 {
	for lvl := 1; lvl <= itemRunMaxLevels && a >= 0; lvl++ {
		if isBox(a) {
			return a
		}
		a = pb.elems[a].parent
	}
	return -1
}

// nearestBoxes returns, for each element, the nearest item box (isBox) at
// or above it, or -1: the unbounded climb of a page called a list of items
// in one pass over the elements (a parent is stored before its children),
// where climbing from every block cost blocks times depth (two seconds
// for a page of 50,000 paragraphs 390 elements deep, against 10 ms at
// itemRunMaxLevels; session 51's review).
func nearestBoxes(pb *pageBlocks, isBox func(int32) bool) []int32 {
	nearest := make([]int32, len(pb.elems))
	for i, e := range pb.elems {
		switch {
		case isBox(int32(i)):
			nearest[i] = int32(i)
		case e.parent >= 0:
			nearest[i] = nearest[e.parent]
		default:
			nearest[i] = -1
		}
	}
	return nearest
}

// nearestOrNone returns nearest[a], or -1 when a is -1.
func nearestOrNone(nearest []int32, a int32) int32 {
	if a < 0 {
		return -1
	}
	return nearest[a]
}

// isItemRun reports whether a run's members are enough and share its text
// evenly enough to be a list's items (itemRunMin, itemRunMaxShare).
func isItemRun(st *runStats) bool {
	return st.members >= itemRunMin && float64(st.maxChars) <= itemRunMaxShare*float64(st.chars)
}

// fillsItemRuns reports whether fillLargestItemRun applies to a page of
// this kind and article probability: a page called a list of items
// (isListKind), or a page called an article without being sure of it
// (itemRunMaxArticleProb).
func fillsItemRuns(kind string, articleProb float64) bool {
	return isListKind(kind) || kind == kindArticle && articleProb < itemRunMaxArticleProb
}

// isListKind reports whether the kind classifiers called the page a list of
// items: a listing (its main content is its items, a title and a teaser
// each, by wcxb's definition) or a shop's collection (its products).
func isListKind(kind string) bool {
	return kind == "listing" || kind == "collection"
}

// fillLargestItemRun keeps the other items of the page's largest item run
// (itemRuns; the one whose blocks hold the most words, the blocks dropped
// by rule left out) when that run is most of what the page keeps
// (runLeads): its blocks that dropped does not drop, that score the run's
// floor or more (runFloor) and that are not the run's furniture
// (runFurniture). The furniture the classifier kept stays kept: dropping it
// too cost more than it gained (session 42: a byline or a "Reported by"
// line under each item is often in the gold). listPage says the page was
// called a list of items (isListKind).
func fillLargestItemRun(pb *pageBlocks, probs []float64, th float64, keep []bool, dropped func(i int) bool, listPage bool) {
	runs, boxes, n := itemRuns(pb, listPage)
	if n == 0 {
		return
	}
	words, kept := make([]int32, n), make([]int32, n)
	var pageKept int32
	for i, r := range runs {
		if keep[i] {
			pageKept += pb.blocks[i].tokens
		}
		if r < 0 || dropped(i) {
			continue
		}
		words[r] += pb.blocks[i].tokens
		if keep[i] {
			kept[r] += pb.blocks[i].tokens
		}
	}
	largest := int32(0)
	for r := range words {
		if words[r] > words[largest] {
			largest = int32(r)
		}
	}
	if !runLeads(words[largest], kept[largest], pageKept, listPage) {
		return
	}
	furniture := runFurniture(pb, runs, boxes, largest)
	floor := runFloor(pb, runs, boxes, largest, listPage) * th
	for i, r := range runs {
		if r == largest && !dropped(i) && probs[i] >= floor && !furniture[i] {
			keep[i] = true
		}
	}
}

// runLeads reports whether the largest item run, of runWords words of which
// the classifier kept runKept, leads a page that keeps pageKept words. On a
// page called an article the kept part must be at least half of what the
// page keeps: a news page's teaser lists and comment threads are runs too,
// and only a run the classifier already reads as content is filled. On a
// page called a list of items the kind has said that the page's content is
// its items, and the classifier scores a list's linked titles and short
// lines as chrome (wcxb's listings and collections: whole product grids
// and job lists kept at none of their items), so the run as a whole must
// hold at least half of what the page keeps: enough to tell the list from
// a shop's filter facets or a social feed beside a page's longer text,
// which are item runs as well (session 50, wcxb's listings and collections
// read by hand; the half is the article side's share, not tuned). Held out
// on the quick check's fold models at their out-of-fold thresholds: wcxb's
// listings +0.008 of word F1, collections +0.003, no page of another type
// or of the news sets down; with no size test seven pages lost up to 0.06.
// At a fold model's single threshold (0.425-0.45) collections +0.003 and
// listings -0.001: one front page whose largest run is its comments.
func runLeads(runWords, runKept, pageKept int32, listPage bool) bool {
	if listPage {
		return runWords > 0 && 2*runWords >= pageKept
	}
	return runKept > 0 && 2*runKept >= pageKept
}

// runFloor returns the share of the page's threshold the items of run
// must score to be filled in: itemRunListFloor on a page called a list of
// items (listPage), unless a box of the run lies in the page's chrome
// (chromeLandmarks: a footer's columns, a menu), whose low scores are
// believed; itemRunFloor elsewhere.
func runFloor(pb *pageBlocks, runs, boxes []int32, run int32, listPage bool) float64 {
	if !listPage {
		return itemRunFloor
	}
	for i, r := range runs {
		if r == run && pb.elems[boxes[i]].inherited&chromeLandmarks != 0 {
			return itemRunFloor
		}
	}
	return itemRunListFloor
}

// runFurniture marks the blocks of run whose line recurs in more than
// itemFurnitureShare of the run's boxes, numbers and dates aside
// (furnitureKey): a list's own furniture, not an item's content; but not
// in a box that has no other line (keepBoxesWithoutOwnLines). A box's
// blocks follow one another in page order, so a box is counted once per
// line by remembering the last box each line was seen in.
func runFurniture(pb *pageBlocks, runs, boxes []int32, run int32) []bool {
	type seen struct{ lastBox, boxes int32 }
	lines := map[uint64]*seen{}
	keys := make([]uint64, len(pb.blocks))
	var nBoxes int32
	lastBox := int32(-1)
	for i, r := range runs {
		if r != run {
			continue
		}
		if boxes[i] != lastBox {
			nBoxes++
			lastBox = boxes[i]
		}
		keys[i] = furnitureKey(pb.blocks[i].text)
		s := lines[keys[i]]
		if s == nil {
			s = &seen{lastBox: -1}
			lines[keys[i]] = s
		}
		if s.lastBox != boxes[i] {
			s.lastBox = boxes[i]
			s.boxes++
		}
	}
	out := make([]bool, len(pb.blocks))
	for i, r := range runs {
		out[i] = r == run && float64(lines[keys[i]].boxes) > itemFurnitureShare*float64(nBoxes)
	}
	keepBoxesWithoutOwnLines(runs, boxes, run, out)
	return out
}

// keepBoxesWithoutOwnLines clears the furniture marks of run's boxes that
// have no line of their own: furniture is what a list repeats beside each
// item's own content, so a box every line of which recurs holds its item's
// content, not furniture (items whose titles differ only in a number or a
// date: "Episode 3", "Minutes of 3 March 2024", whose box is its title).
func keepBoxesWithoutOwnLines(runs, boxes []int32, run int32, furniture []bool) {
	hasOwn := map[int32]bool{}
	for i, r := range runs {
		if r == run && !furniture[i] {
			hasOwn[boxes[i]] = true
		}
	}
	for i, r := range runs {
		if r == run && !hasOwn[boxes[i]] {
			furniture[i] = false
		}
	}
}

// furnitureKey hashes a line's words, case folded, with the words that
// hold a digit and the names of months and days (and am, pm) left out, so
// that "Posted 3 March at 9 am | Comments (2)" and "Posted 12 May at 4 pm
// | Comments (0)" share it.
func furnitureKey(line string) uint64 {
	var b strings.Builder
	for _, w := range text.Words(text.Normalize(line)) {
		if strings.ContainsAny(w, "0123456789") || isCalendarWord(w) {
			continue
		}
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return text.Hash(b.String())
}

// isCalendarWord reports whether w (lower case) is a name or abbreviation
// of a month or a day of the week in any language the date reader reads
// (months, moreMonths, weekdayNames), or am or pm.
func isCalendarWord(w string) bool {
	if w == "am" || w == "pm" {
		return true
	}
	_, more := moreMonths[w]
	_, day := weekdayNames[w]
	return isMonth(w) || more || day
}
