package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// bakesPage is an invented page that lists five bakes, each in a box of its
// own (an <li> of one class but for a number), under an introduction of three
// paragraphs and above a footer line.
const bakesPage = `<html><body><div class="page">
<h1>Weekend bakes</h1>
<div class="intro">
<p>Our kitchen tried a dozen recipes this month and kept five of them for you.</p>
<p>Each takes under an hour and needs nothing a small kitchen lacks.</p>
<p>Scroll on for the list, from the quickest to the slowest bake.</p>
</div>
<ul class="bakes">
<li class="bake-1"><h3>Rye crackers</h3><p>Thin and crisp, rolled by hand and ready in forty minutes.</p></li>
<li class="bake-2"><h3>Plum galette</h3><p>A free-form tart with late plums and a spoon of honey.</p></li>
<li class="bake-3"><h3>Walnut loaf</h3><p>A dense quick bread that keeps for a week in a tin.</p></li>
<li class="bake-4"><h3>Oat biscuits</h3><p>Chewy rounds with raisins, twelve to a tray.</p></li>
<li class="bake-5"><h3>Lemon buns</h3><p>Soft rolls glazed with sugar and zest while still warm.</p></li>
</ul>
<p class="footer">Copyright the Kitchen Letter.</p>
</div></body></html>`

// segmentString cuts an invented page into blocks without a model.
func segmentString(t *testing.T, page string) *pageBlocks {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return segment(findBody(doc), nil, nil)
}

// blockIndex is the index of the block whose text starts with prefix.
func blockIndex(t *testing.T, pb *pageBlocks, prefix string) int {
	t.Helper()
	for i, b := range pb.blocks {
		if strings.HasPrefix(b.text, prefix) {
			return i
		}
	}
	t.Fatalf("no block starts with %q", prefix)
	return -1
}

// TestItemRunsFindTheListsItemsNotParagraphs: the bakes' titles and texts
// share one run (the <li> boxes match with their numbers left out); the
// introduction's paragraphs, siblings of one tag but no boxes, are in none.
func TestItemRunsFindTheListsItemsNotParagraphs(t *testing.T) {
	pb := segmentString(t, bakesPage)
	runs, _, n := itemRuns(pb, false)
	if n != 1 {
		t.Fatalf("runs = %d, want 1 (the bakes)", n)
	}
	for _, item := range []string{"Rye crackers", "Thin and crisp", "Lemon buns", "Soft rolls"} {
		if r := runs[blockIndex(t, pb, item)]; r != 0 {
			t.Errorf("run of %q = %d, want 0", item, r)
		}
	}
	for _, other := range []string{"Weekend bakes", "Our kitchen", "Each takes", "Scroll on", "Copyright"} {
		if r := runs[blockIndex(t, pb, other)]; r != -1 {
			t.Errorf("run of %q = %d, want none", other, r)
		}
	}
}

// deepBakesPage is the bakes list of bakesPage with each bake's title and
// text four levels inside its <li>, in a card's wrappers, as shops and
// boards nest their items.
const deepBakesPage = `<html><body><div class="page">
<h1>Weekend bakes</h1>
<ul class="bakes">
<li class="bake"><div class="card"><div class="card-body"><div class="card-head"><h3>Rye crackers</h3></div><div class="card-text"><p>Thin and crisp, rolled by hand and ready in forty minutes.</p></div></div></div></li>
<li class="bake"><div class="card"><div class="card-body"><div class="card-head"><h3>Plum galette</h3></div><div class="card-text"><p>A free-form tart with late plums and a spoon of honey.</p></div></div></div></li>
<li class="bake"><div class="card"><div class="card-body"><div class="card-head"><h3>Walnut loaf</h3></div><div class="card-text"><p>A dense quick bread that keeps for a week in a tin.</p></div></div></div></li>
<li class="bake"><div class="card"><div class="card-body"><div class="card-head"><h3>Oat biscuits</h3></div><div class="card-text"><p>Chewy rounds with raisins, twelve to a tray.</p></div></div></div></li>
</ul>
<p class="footer">Copyright the Kitchen Letter.</p>
</div></body></html>`

// TestItemRunsReachDeepBoxesOnListPagesOnly: on a page called a list of
// items the climb reaches the <li> four levels above each title and text,
// and the bakes share one run, each in a box of its own; on a page not
// called a list the climb stops at itemRunMaxLevels and finds no run.
func TestItemRunsReachDeepBoxesOnListPagesOnly(t *testing.T) {
	pb := segmentString(t, deepBakesPage)
	if runs, _, n := itemRuns(pb, false); n != 0 {
		t.Errorf("page not called a list: runs = %d (%v), want none", n, runs)
	}
	runs, boxes, n := itemRuns(pb, true)
	if n != 1 {
		t.Fatalf("page called a list: runs = %d, want 1 (the bakes)", n)
	}
	seen := map[int32]bool{}
	for _, bake := range [][2]string{{"Rye crackers", "Thin and crisp"}, {"Plum galette", "A free-form"},
		{"Walnut loaf", "A dense"}, {"Oat biscuits", "Chewy rounds"}} {
		title, text := blockIndex(t, pb, bake[0]), blockIndex(t, pb, bake[1])
		if runs[title] != 0 || runs[text] != 0 {
			t.Errorf("%q: runs %d and %d, want 0", bake[0], runs[title], runs[text])
		}
		if boxes[title] != boxes[text] || seen[boxes[title]] {
			t.Errorf("%q: boxes %d and %d, want one box of its own", bake[0], boxes[title], boxes[text])
		}
		seen[boxes[title]] = true
	}
	for _, other := range []string{"Weekend bakes", "Copyright"} {
		if r := runs[blockIndex(t, pb, other)]; r != -1 {
			t.Errorf("run of %q = %d, want none", other, r)
		}
	}
}

// footerBakesPage is bakesPage with its list of bakes inside a <footer>.
func footerBakesPage() string {
	return strings.Replace(strings.Replace(bakesPage, "<ul", "<footer><ul", 1), "</ul>", "</ul></footer>", 1)
}

// TestFillLargestItemRunBelievesARunInTheFooter: the bakes list inside the
// page's <footer> is filled on a page called a list only down to a quarter
// of the threshold (itemRunFloor): a run in the page's chrome (a footer's
// columns, a menu) keeps the stricter floor.
func TestFillLargestItemRunBelievesARunInTheFooter(t *testing.T) {
	pb := segmentString(t, footerBakesPage())
	none := func(int) bool { return false }
	probs := droppedItemsProbs(t, pb)
	keep := keptBlocks(probs, 0.5, none, nil)
	fillLargestItemRun(pb, probs, 0.5, keep, none, true)
	if !keep[blockIndex(t, pb, "A dense")] {
		t.Error("an item over a quarter of the threshold was not kept")
	}
	if keep[blockIndex(t, pb, "Chewy rounds")] {
		t.Error("an item under a quarter of the threshold was kept from a run in the footer")
	}
}

// TestItemRunsSkipUnevenLayouts: three columns of one class, one of which
// holds nearly all the text, are a layout, not a list.
func TestItemRunsSkipUnevenLayouts(t *testing.T) {
	pb := segmentString(t, `<body><div class="row">
<div class="col"><div><p>Menu</p></div></div>
<div class="col"><div><p>`+strings.Repeat("The body of the story runs on here. ", 20)+`</p></div></div>
<div class="col"><div><p>Ads</p></div></div></div></body>`)
	if runs, _, n := itemRuns(pb, false); n != 0 {
		t.Errorf("runs = %d (%v), want none: one column holds nearly all the text", n, runs)
	}
}

// bakesProbs gives the bakes page's blocks invented probabilities: the
// heading, the first two bakes kept at an article threshold of 0.5, the
// next two under it, the last bake's text far under it (scored as chrome).
func bakesProbs(t *testing.T, pb *pageBlocks, intro float64) []float64 {
	probs := make([]float64, len(pb.blocks))
	set := func(prefix string, p float64) { probs[blockIndex(t, pb, prefix)] = p }
	set("Weekend bakes", 0.9)
	for _, s := range []string{"Our kitchen", "Each takes", "Scroll on"} {
		set(s, intro)
	}
	set("Rye crackers", 0.6)
	set("Thin and crisp", 0.7)
	set("Plum galette", 0.55)
	set("A free-form", 0.6)
	set("Walnut loaf", 0.3)
	set("A dense", 0.35)
	set("Oat biscuits", 0.2)
	set("Chewy rounds", 0.25)
	set("Lemon buns", 0.3)
	set("Soft rolls", 0.05)
	set("Copyright", 0.2)
	return probs
}

// keptTexts are the texts of the kept blocks.
func keptTexts(pb *pageBlocks, keep []bool) []string {
	var out []string
	for i, k := range keep {
		if k {
			out = append(out, pb.blocks[i].text)
		}
	}
	return out
}

// TestFillLargestItemRunKeepsTheListsOtherItems: most of what the page keeps
// lies in the list, so the bakes under the threshold are kept with the first
// two, but not a text scored under a quarter of the threshold, nor the
// footer outside the list.
func TestFillLargestItemRunKeepsTheListsOtherItems(t *testing.T) {
	pb := segmentString(t, bakesPage)
	probs := bakesProbs(t, pb, 0.1)
	none := func(int) bool { return false }
	keep := keptBlocks(probs, 0.5, none, nil)
	fillLargestItemRun(pb, probs, 0.5, keep, none, false)
	want := []string{"Weekend bakes", "Rye crackers", "Thin and crisp, rolled by hand and ready in forty minutes.",
		"Plum galette", "A free-form tart with late plums and a spoon of honey.", "Walnut loaf",
		"A dense quick bread that keeps for a week in a tin.", "Oat biscuits", "Chewy rounds with raisins, twelve to a tray.",
		"Lemon buns"}
	if got := keptTexts(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept = %q,\nwant %q", got, want)
	}
	// A block dropped by rule stays dropped.
	walnut := blockIndex(t, pb, "Walnut loaf")
	keep = keptBlocks(bakesProbs(t, pb, 0.1), 0.5, none, nil)
	fillLargestItemRun(pb, probs, 0.5, keep, func(i int) bool { return i == walnut }, false)
	if keep[walnut] {
		t.Error("a block dropped by rule was kept with its run")
	}
}

// TestFillLargestItemRunLeavesAnArticleAlone: when the kept text lies mostly
// outside the list (the introduction kept), the list's lower items stay out.
func TestFillLargestItemRunLeavesAnArticleAlone(t *testing.T) {
	pb := segmentString(t, bakesPage)
	probs := bakesProbs(t, pb, 0.9)
	none := func(int) bool { return false }
	keep := keptBlocks(probs, 0.5, none, nil)
	before := slices.Clone(keep)
	fillLargestItemRun(pb, probs, 0.5, keep, none, false)
	if !slices.Equal(keep, before) {
		t.Errorf("kept = %q, want it unchanged: %q", keptTexts(pb, keep), keptTexts(pb, before))
	}
}

// droppedItemsProbs gives a bakes page's blocks invented probabilities as
// the classifier scores a list it reads as chrome: the heading and the
// introduction kept at a threshold of 0.5, every bake under it (the fourth
// bake's text under a quarter of it, the last bake's under a tenth), the
// footer under it.
func droppedItemsProbs(t *testing.T, pb *pageBlocks) []float64 {
	probs := make([]float64, len(pb.blocks))
	for i := range probs {
		probs[i] = 0.9
	}
	set := func(prefix string, p float64) { probs[blockIndex(t, pb, prefix)] = p }
	for _, s := range []string{"Rye crackers", "Plum galette", "Walnut loaf", "Oat biscuits", "Lemon buns"} {
		set(s, 0.2)
	}
	for _, s := range []string{"Thin and crisp", "A free-form", "A dense"} {
		set(s, 0.35)
	}
	set("Chewy rounds", 0.08) // under a quarter of the threshold, over a tenth (itemRunListFloor)
	set("Soft rolls", 0.02)
	set("Copyright", 0.2)
	return probs
}

// TestFillLargestItemRunOnAListPageKeepsItemsTheClassifierDropped: on a
// page called a list of items, a list the classifier kept none of is kept
// when it holds more words than half of what the page keeps, with a text
// under a quarter of the threshold but over a tenth (itemRunListFloor), but
// not a text under a tenth nor the footer; on a page called an article the
// same scores keep the introduction alone.
func TestFillLargestItemRunOnAListPageKeepsItemsTheClassifierDropped(t *testing.T) {
	pb := segmentString(t, bakesPage)
	none := func(int) bool { return false }
	keep := keptBlocks(droppedItemsProbs(t, pb), 0.5, none, nil)
	intro := keptTexts(pb, keep)
	fillLargestItemRun(pb, droppedItemsProbs(t, pb), 0.5, keep, none, false)
	if got := keptTexts(pb, keep); !slices.Equal(got, intro) {
		t.Errorf("page called an article: kept = %q, want the introduction alone: %q", got, intro)
	}
	fillLargestItemRun(pb, droppedItemsProbs(t, pb), 0.5, keep, none, true)
	want := append(slices.Clone(intro), "Rye crackers", "Thin and crisp, rolled by hand and ready in forty minutes.",
		"Plum galette", "A free-form tart with late plums and a spoon of honey.", "Walnut loaf",
		"A dense quick bread that keeps for a week in a tin.", "Oat biscuits", "Chewy rounds with raisins, twelve to a tray.",
		"Lemon buns")
	if got := keptTexts(pb, keep); !slices.Equal(got, want) {
		t.Errorf("page called a list: kept = %q,\nwant %q", got, want)
	}
}

// TestFillLargestItemRunOnAListPageLeavesASmallRunBesideLongText: on a page
// called a list whose kept text is more than twice the words of its largest
// run (a shop's filter facets, a social feed beside a long text), the run
// stays as the classifier scored it.
func TestFillLargestItemRunOnAListPageLeavesASmallRunBesideLongText(t *testing.T) {
	long := strings.Repeat("The market stalls sell flour by the sack and butter by the block. ", 12)
	pb := segmentString(t, strings.Replace(bakesPage, `<div class="intro">`, `<div class="intro"><p>`+long+`</p>`, 1))
	none := func(int) bool { return false }
	probs := droppedItemsProbs(t, pb)
	keep := keptBlocks(probs, 0.5, none, nil)
	before := slices.Clone(keep)
	fillLargestItemRun(pb, probs, 0.5, keep, none, true)
	if !slices.Equal(keep, before) {
		t.Errorf("kept = %q, want it unchanged: %q", keptTexts(pb, keep), keptTexts(pb, before))
	}
}

// TestFillsItemRunsOnlyOnListsAndPagesUnsureToBeArticles: the rule is for
// pages called lists of items (listings, collections) and pages called
// articles at an article probability under itemRunMaxArticleProb; a sure
// article and pages of the other kinds are left alone.
func TestFillsItemRunsOnlyOnListsAndPagesUnsureToBeArticles(t *testing.T) {
	for _, c := range []struct {
		kind string
		pa   float64
		want bool
	}{{kindArticle, 0.6, true}, {kindArticle, 0.97, false}, {"listing", 0.3, true}, {"collection", 0.97, true},
		{"forum", 0.3, false}, {"product", 0.3, false}, {"", 0, false}} {
		if got := fillsItemRuns(c.kind, c.pa); got != c.want {
			t.Errorf("fillsItemRuns(%q, %v) = %v, want %v", c.kind, c.pa, got, c.want)
		}
	}
}

// TestItemSignatureLeavesDigitsOut: boxes numbered in their class match; a
// different tag or class does not.
func TestItemSignatureLeavesDigitsOut(t *testing.T) {
	node := func(tag, class string) *html.Node {
		return &html.Node{Type: html.ElementNode, Data: tag, Attr: []html.Attribute{{Key: "class", Val: class}}}
	}
	if itemSignature(node("li", "bake-1")) != itemSignature(node("li", "bake-22")) {
		t.Error("numbered classes differ")
	}
	if itemSignature(node("li", "bake")) == itemSignature(node("div", "bake")) {
		t.Error("two tags match")
	}
	if itemSignature(node("li", "bake")) == itemSignature(node("li", "cake")) {
		t.Error("two classes match")
	}
}

// FuzzItemRuns: on any page, runs are in range, each block in a run has a
// box, the box is the one a climb from the block finds (climbToBox), and
// filling the largest run (at probabilities drawn from the blocks'
// lengths, on a page called an article or a list by the input's length)
// only adds blocks, never one dropped by rule nor one that is its
// run's furniture.
func FuzzItemRuns(f *testing.F) {
	f.Add(bakesPage)
	f.Add(bakesBlogPage())
	f.Add(deepBakesPage)
	f.Add(footerBakesPage())
	f.Add(jobsPage)
	f.Add(shopOfCustomElementsPage)
	f.Add(`<ul><li class="a1"><p>x</p></li><li class="a2"><p>y</p></li><li class="a3"><p>z</p></li></ul>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		body := findBody(doc)
		if body == nil {
			return
		}
		pb := segment(body, nil, nil)
		listPage := len(page)%2 == 0 // both sides: a page called an article or a list
		runs, boxes, n := itemRuns(pb, listPage)
		probs := make([]float64, len(pb.blocks))
		for i, r := range runs {
			if r < -1 || int(r) >= n {
				t.Fatalf("run %d of block %d out of range [-1, %d)", r, i, n)
			}
			if (r >= 0) != (boxes[i] >= 0) || int(boxes[i]) >= len(pb.elems) {
				t.Fatalf("block %d: run %d, box %d", i, r, boxes[i])
			}
			probs[i] = float64(pb.blocks[i].chars%10) / 10
		}
		for _, list := range []bool{false, true} {
			runs, boxes, _ := itemRuns(pb, list)
			checkRunsShareParentAndTag(t, pb, runs, boxes, list)
			for i, b := range pb.blocks {
				if want := climbToBox(pb, b, list); boxes[i] != want {
					t.Fatalf("block %d, page called a list %v: box %d, the climb finds %d", i, list, boxes[i], want)
				}
			}
		}
		dropped := func(i int) bool { return i%4 == 3 }
		keep := keptBlocks(probs, 0.5, dropped, nil)
		before := slices.Clone(keep)
		fillLargestItemRun(pb, probs, 0.5, keep, dropped, listPage)
		for i := range keep {
			if before[i] && !keep[i] {
				t.Fatalf("block %d unkept", i)
			}
			if keep[i] && dropped(i) {
				t.Fatalf("block %d dropped by rule kept", i)
			}
			if keep[i] && !before[i] && runFurniture(pb, runs, boxes, runs[i])[i] {
				t.Fatalf("block %d, its run's furniture, filled in", i)
			}
		}
	})
}

// checkRunsShareParentAndTag fails t unless the boxes of each run share
// one parent and one signature, or on a page called a list of items
// (listPage) one parent and one tag name (boxRunKey).
func checkRunsShareParentAndTag(t *testing.T, pb *pageBlocks, runs, boxes []int32, listPage bool) {
	t.Helper()
	first := map[int32]int32{} // a run's first box
	for i, r := range runs {
		if r < 0 {
			continue
		}
		a, ok := first[r]
		if !ok {
			first[r] = boxes[i]
			continue
		}
		e, f := &pb.elems[boxes[i]], &pb.elems[a]
		same := e.sig == f.sig
		if listPage {
			same = e.name == f.name && e.tag == f.tag
		}
		if e.parent != f.parent || !same {
			t.Fatalf("block %d, page called a list %v: box %d of run %d unlike its first box %d", i, listPage, boxes[i], r, a)
		}
	}
}

// climbToBox is itemRuns' box for block b found the plain way: from its
// container's parent up, the nearest element with itemRunMin or more
// siblings of its signature sharing their text evenly (isItemRun), at most
// itemRunMaxLevels up unless the page is called a list of items.
func climbToBox(pb *pageBlocks, b block, listPage bool) int32 {
	if b.container < 0 {
		return -1
	}
	a := pb.elems[b.container].parent
	for lvl := 1; (listPage || lvl <= itemRunMaxLevels) && a >= 0; lvl++ {
		e := pb.elems[a]
		if e.parent >= 0 {
			var st runStats
			for _, s := range pb.elems {
				if s.parent == e.parent && s.sig == e.sig && s.chars > 0 {
					st.members++
					st.chars += s.chars
					st.maxChars = max(st.maxChars, s.chars)
				}
			}
			if isItemRun(&st) {
				return a
			}
		}
		a = e.parent
	}
	return -1
}

// BenchmarkItemRunsDeepListPage: a page of 5,000 paragraphs nested 390
// elements deep, in no list, read as a page called a list of items, whose
// climb meets no box all the way to the body (session 51's review: climbing
// from each block took blocks times depth, 0.09 s here; one pass over
// the elements takes half a millisecond).
func BenchmarkItemRunsDeepListPage(b *testing.B) {
	var page strings.Builder
	page.WriteString("<html><body>" + strings.Repeat("<div>", 390))
	for i := range 5000 {
		fmt.Fprintf(&page, "<p>Paragraph %d of a page nested deep in wrappers.</p>", i)
	}
	page.WriteString(strings.Repeat("</div>", 390) + "</body></html>")
	doc, err := html.Parse(strings.NewReader(page.String()))
	if err != nil {
		b.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	b.ResetTimer()
	for range b.N {
		itemRuns(pb, true)
	}
}

// boxedArticle is an invented news page whose body paragraphs are each
// wrapped in a box of one class, followed by a comment thread of boxes of
// another class in a container of its own. Each paragraph names another
// finding (pierFindings), as a body's paragraphs differ in their words,
// not only in a number (a line that differs only in its numbers is the
// list's furniture, runFurniture).
func boxedArticle(paras, comments int) string {
	var b strings.Builder
	b.WriteString(`<html><body><article><h1>Ferry pier closed</h1><div class="body">`)
	for i := 0; i < paras; i++ {
		fmt.Fprintf(&b, `<div class="para"><p>The harbour council closed the old ferry pier after inspectors found %s, paragraph %d of the report.</p></div>`,
			pierFindings[i%len(pierFindings)], i)
	}
	b.WriteString(`</div><div class="comments">`)
	for i := 0; i < comments; i++ {
		fmt.Fprintf(&b, `<div class="comment"><p>reader %d wrote:</p><p>About time too, the pier has been crumbling for years now.</p></div>`, i)
	}
	b.WriteString(`</div></article></body></html>`)
	return b.String()
}

// pierFindings are what boxedArticle's paragraphs report, one each.
var pierFindings = []string{"cracks", "rust", "loose railings", "rotten planks", "a sunken pile", "missing bolts",
	"broken lamps", "a split beam", "worn steps", "a leaning post", "flaking paint", "a gap in the deck"}

// TestFillLargestItemRunLeavesCommentsBesideABoxedArticle: when the kept
// body is itself a run of paragraph boxes, filling it brings back a body
// paragraph scored under the threshold, but never the comment thread (a
// run of its own under another parent), however close its score; and when
// the thread holds more words than the body, it is the largest run, none of
// it is kept, and nothing changes.
func TestFillLargestItemRunLeavesCommentsBesideABoxedArticle(t *testing.T) {
	isBody := func(s string) bool { return strings.HasPrefix(s, "The harbour") || strings.HasPrefix(s, "Ferry pier") }
	for _, c := range []struct {
		comments int
		restored bool
	}{{6, true}, {40, false}} {
		pb := segmentString(t, boxedArticle(12, c.comments))
		probs := make([]float64, len(pb.blocks))
		for i, b := range pb.blocks {
			probs[i] = 0.45 // the comments, just under the threshold
			if isBody(b.text) {
				probs[i] = 0.8
			}
		}
		low := blockIndex(t, pb, "The harbour council closed the old ferry pier after inspectors found "+pierFindings[5]+", paragraph 5")
		probs[low] = 0.3
		none := func(int) bool { return false }
		keep := keptBlocks(probs, 0.5, none, nil)
		fillLargestItemRun(pb, probs, 0.5, keep, none, false)
		if keep[low] != c.restored {
			t.Errorf("%d comments: body paragraph under the threshold kept = %v, want %v", c.comments, keep[low], c.restored)
		}
		for i, b := range pb.blocks {
			if keep[i] && !isBody(b.text) {
				t.Errorf("%d comments: kept %q from beside the article", c.comments, b.text)
			}
		}
	}
}

// BenchmarkItemRuns finds the runs of a page of 50,000 sibling boxes, the
// worst case of a long list: the work is linear in the page's elements.
func BenchmarkItemRuns(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html><body><div class="list">`)
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&sb, `<div class="item item-%d"><div><p>Item %d of a long list, one line about it.</p></div></div>`, i, i)
	}
	sb.WriteString(`</div></body></html>`)
	doc, err := html.Parse(strings.NewReader(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	probs := make([]float64, len(pb.blocks))
	b.ResetTimer()
	for range b.N {
		keep := make([]bool, len(pb.blocks))
		keep[0] = true
		fillLargestItemRun(pb, probs, 0.5, keep, func(int) bool { return false }, false)
	}
}

// bakesBlogPage is bakesPage as a blog's index: each bake's box also holds
// the index's own lines, a date line, "Read more" and a comment count,
// which differ from box to box only in their numbers and month names.
func bakesBlogPage() string {
	bakes := []struct{ name, text, date string }{
		{"Rye crackers", "Thin and crisp, rolled by hand and ready in forty minutes.", "Posted 3 March 2026"},
		{"Plum galette", "A free-form tart with late plums and a spoon of honey.", "Posted 12 April 2026"},
		{"Walnut loaf", "A dense quick bread that keeps for a week in a tin.", "Posted 1 May 2026"},
		{"Oat biscuits", "Chewy rounds with raisins, twelve to a tray.", "Posted 20 May 2026"},
		{"Lemon buns", "Soft rolls glazed with sugar and zest while still warm.", "Posted 2 June 2026"},
	}
	var b strings.Builder
	b.WriteString(`<html><body><div class="page"><h1>Weekend bakes</h1><ul class="bakes">`)
	for i, k := range bakes {
		fmt.Fprintf(&b, `<li class="bake-%d"><h3>%s</h3><p class="when">%s</p><p>%s</p><p class="more"><a href="/b%d">Read more</a> | Comments (%d)</p></li>`,
			i, k.name, k.date, k.text, i, 3*i)
	}
	b.WriteString(`</ul></div></body></html>`)
	return b.String()
}

// TestFillLargestItemRunLeavesTheItemsFurnitureOut: filling the blog index's
// list keeps every bake's title and text and adds none of the lines every
// box repeats (the date line, "Read more | Comments (n)"); the first box's
// date line, which the classifier kept, stays kept.
func TestFillLargestItemRunLeavesTheItemsFurnitureOut(t *testing.T) {
	pb := segmentString(t, bakesBlogPage())
	probs := make([]float64, len(pb.blocks))
	for i, b := range pb.blocks {
		probs[i] = 0.3 // under the threshold, over a quarter of it
		if strings.HasPrefix(b.text, "Weekend") || strings.HasPrefix(b.text, "Rye") || strings.HasPrefix(b.text, "Thin") ||
			strings.HasPrefix(b.text, "Posted 3 March") {
			probs[i] = 0.8
		}
	}
	none := func(int) bool { return false }
	keep := keptBlocks(probs, 0.5, none, nil)
	fillLargestItemRun(pb, probs, 0.5, keep, none, false)
	want := []string{"Weekend bakes", "Rye crackers", "Posted 3 March 2026", "Thin and crisp, rolled by hand and ready in forty minutes.",
		"Plum galette", "A free-form tart with late plums and a spoon of honey.", "Walnut loaf",
		"A dense quick bread that keeps for a week in a tin.", "Oat biscuits", "Chewy rounds with raisins, twelve to a tray.",
		"Lemon buns", "Soft rolls glazed with sugar and zest while still warm."}
	if got := keptTexts(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept = %q,\nwant %q", got, want)
	}
}

// TestFurnitureKeyLeavesNumbersAndDatesOut: lines that differ only in
// their numbers, month and day names share a key; other words do not.
func TestFurnitureKeyLeavesNumbersAndDatesOut(t *testing.T) {
	for _, same := range [][2]string{
		{"Comments (3)", "Comments (12)"},
		{"Posted 3 March 2026 at 10:15 am", "Posted Tuesday, 12 April 2025 at 9:02 PM"},
		{"Read more »", "READ MORE"},
		// A German listing: its weekdays and months are the date reader's.
		{"Veröffentlicht am Dienstag, 3. März 2026", "Veröffentlicht am Freitag, 12. Januar 2025"},
		{"Beitrag vom Mo 3. Juni", "Beitrag vom Sa 12. Mai"},
		{"Publicado el 4 de agosto", "Publicado el 12 de marzo"},
	} {
		if furnitureKey(same[0]) != furnitureKey(same[1]) {
			t.Errorf("%q and %q have different keys", same[0], same[1])
		}
	}
	if furnitureKey("Posted by Ann") == furnitureKey("Posted by Bo") {
		t.Error("two names share a key")
	}
}

// TestFillLargestItemRunKeepsItemsWhoseOnlyLineDiffersInADate: a council's
// list of minutes whose items are each one title that differs from the
// others only in its date ("Minutes of 3 March 2026") has no furniture: a
// line is furniture beside an item's own content, and these boxes have no
// other. Filling the list keeps every title, as it keeps titles that differ
// in their words.
func TestFillLargestItemRunKeepsItemsWhoseOnlyLineDiffersInADate(t *testing.T) {
	dates := []string{"3 March 2026", "17 April 2026", "2 May 2026", "9 June 2026", "14 July 2026"}
	var b strings.Builder
	b.WriteString(`<html><body><div class="page"><h1>Council minutes</h1><ul class="minutes">`)
	for i, d := range dates {
		fmt.Fprintf(&b, `<li class="m-%d"><p>Minutes of the meeting of %s</p></li>`, i, d)
	}
	b.WriteString(`</ul></div></body></html>`)
	pb := segmentString(t, b.String())
	probs := make([]float64, len(pb.blocks))
	for i, bl := range pb.blocks {
		probs[i] = 0.3 // under the threshold, over a quarter of it
		if strings.HasPrefix(bl.text, "Council") || strings.HasSuffix(bl.text, dates[0]) {
			probs[i] = 0.8
		}
	}
	none := func(int) bool { return false }
	keep := keptBlocks(probs, 0.5, none, nil)
	fillLargestItemRun(pb, probs, 0.5, keep, none, false)
	for _, d := range dates {
		if i := blockIndex(t, pb, "Minutes of the meeting of "+d); !keep[i] {
			t.Errorf("%q not kept: an item's only line is its content, not the list's furniture", pb.blocks[i].text)
		}
	}
}

// jobsPage is an invented job board: seven posts in one list, three of them
// featured, whose <li>s carry a class of their own among the others.
const jobsPage = `<html><body><div class="page">
<h1>Open positions</h1>
<p class="intro">New roles from small workshops, posted this week.</p>
<ul class="jobs">
<li class="job job-featured"><h3>Pastry cook</h3><p>Early shifts in a bakery by the river, four days a week.</p></li>
<li class="job"><h3>Bicycle mechanic</h3><p>Repairs and tune-ups in a busy shop near the station.</p></li>
<li class="job"><h3>Bookbinder</h3><p>Hand binding and repairs of old ledgers for an archive.</p></li>
<li class="job job-featured"><h3>Gardener</h3><p>Care of a walled garden and its glasshouses through the year.</p></li>
<li class="job"><h3>Potter's assistant</h3><p>Clay preparation, glazing and loading the kiln twice a week.</p></li>
<li class="job job-featured"><h3>Sign painter</h3><p>Lettering shop fronts and boards by hand in the old town.</p></li>
<li class="job"><h3>Cheesemaker</h3><p>Turning and washing rinds in a cellar of a small dairy.</p></li>
</ul>
<p class="footer">Copyright the Workshop Board.</p>
</div></body></html>`

// jobTitles are the first words of each post's title in jobsPage, and
// jobTexts of its text.
var jobTitles, jobTexts = []string{"Pastry cook", "Bicycle mechanic", "Bookbinder", "Gardener", "Potter's assistant", "Sign painter", "Cheesemaker"},
	[]string{"Early shifts", "Repairs and", "Hand binding", "Care of", "Clay preparation", "Lettering shop", "Turning and"}

// TestItemRunsJoinAListsBoxesOfOtherClassesOnListPages: on a page called a
// list of items the featured posts, whose <li>s differ in class, share one
// run with the others (boxRunKey); on a page not called a list they are a
// run of their own.
func TestItemRunsJoinAListsBoxesOfOtherClassesOnListPages(t *testing.T) {
	pb := segmentString(t, jobsPage)
	pastry, bike := blockIndex(t, pb, "Pastry cook"), blockIndex(t, pb, "Bicycle mechanic")
	if runs, _, _ := itemRuns(pb, false); runs[pastry] < 0 || runs[bike] < 0 || runs[pastry] == runs[bike] {
		t.Errorf("page not called a list: runs %d and %d, want two runs", runs[pastry], runs[bike])
	}
	runs, boxes, n := itemRuns(pb, true)
	if n != 1 {
		t.Fatalf("page called a list: runs = %d, want 1 (the posts)", n)
	}
	seen := map[int32]bool{}
	for k, title := range jobTitles {
		i, j := blockIndex(t, pb, title), blockIndex(t, pb, jobTexts[k])
		if runs[i] != 0 || runs[j] != 0 || boxes[i] != boxes[j] || seen[boxes[i]] {
			t.Errorf("%q: runs %d and %d, boxes %d and %d, want run 0 and one box of its own", title, runs[i], runs[j], boxes[i], boxes[j])
		}
		seen[boxes[i]] = true
	}
}

// TestFillLargestItemRunKeepsAListsFeaturedItems: on a page called a list
// whose posts the classifier scored under the threshold, the fill keeps all
// seven, the featured ones with the others, and not the footer.
func TestFillLargestItemRunKeepsAListsFeaturedItems(t *testing.T) {
	pb := segmentString(t, jobsPage)
	probs := make([]float64, len(pb.blocks))
	for i := range probs {
		probs[i] = 0.9
	}
	for k, title := range jobTitles {
		probs[blockIndex(t, pb, title)], probs[blockIndex(t, pb, jobTexts[k])] = 0.2, 0.3
	}
	probs[blockIndex(t, pb, "Copyright")] = 0.02
	none := func(int) bool { return false }
	keep := keptBlocks(probs, 0.5, none, nil)
	fillLargestItemRun(pb, probs, 0.5, keep, none, true)
	for k, title := range jobTitles {
		if !keep[blockIndex(t, pb, title)] || !keep[blockIndex(t, pb, jobTexts[k])] {
			t.Errorf("post %q not kept", title)
		}
	}
	if keep[blockIndex(t, pb, "Copyright")] {
		t.Error("the footer was kept")
	}
}

// shopOfCustomElementsPage is an invented shop whose product cards are
// custom elements, <x-card>s of two classes, with a run of <x-ad>s, custom
// elements of another name, among them under the same parent.
const shopOfCustomElementsPage = `<html><body><div class="grid">
<x-card class="card"><h3>Red kettle</h3><p>A kettle of enamelled steel for the stove.</p></x-card>
<x-card class="card sale"><h3>Blue mug</h3><p>A stoneware mug for tea or coffee.</p></x-card>
<x-ad class="ad"><p>Sign up to our letters for a tenth off.</p></x-ad>
<x-card class="card"><h3>Green teapot</h3><p>A cast iron teapot with a steel infuser.</p></x-card>
<x-card class="card sale"><h3>Oak board</h3><p>A cutting board of oiled oak wood.</p></x-card>
<x-ad class="ad"><p>Free delivery on orders over fifty.</p></x-ad>
<x-card class="card"><h3>Steel pan</h3><p>A frying pan of carbon steel, seasoned.</p></x-card>
<x-card class="card sale"><h3>Linen cloth</h3><p>A tea towel of washed linen in grey.</p></x-card>
<x-ad class="ad"><p>Get our app for offers of the week.</p></x-ad>
</div></body></html>`

// TestItemRunsKeepCustomElementsOfTwoNamesApartOnListPages: on a page
// called a list, the <x-card>s of both classes are one run (boxRunKey
// joins a tag's boxes), but the <x-ad>s among them, custom elements of
// another name, are a run of their own: a custom element has no atom, and
// its name tells it from the others.
func TestItemRunsKeepCustomElementsOfTwoNamesApartOnListPages(t *testing.T) {
	pb := segmentString(t, shopOfCustomElementsPage)
	runs, _, n := itemRuns(pb, true)
	kettle, mug, ad := blockIndex(t, pb, "Red kettle"), blockIndex(t, pb, "Blue mug"), blockIndex(t, pb, "Sign up")
	if n != 2 || runs[kettle] < 0 || runs[kettle] != runs[mug] || runs[ad] < 0 || runs[ad] == runs[kettle] {
		t.Errorf("runs = %d (want 2): kettle %d, mug %d (want one run), ad %d (want another)", n, runs[kettle], runs[mug], runs[ad])
	}
}

// TestDecideOnProbsFillLeavesTheFillOutWhenAsked: on the invented bakes list
// called a listing, the decoding with the fill keeps the items the
// classifier dropped over a tenth of the threshold, and the same decoding
// with the fill left out (how TraceBlocks marks BlockTrace.Filled) keeps
// only what the classifier kept.
func TestDecideOnProbsFillLeavesTheFillOutWhenAsked(t *testing.T) {
	pb := segmentString(t, bakesPage)
	none := func(int) bool { return false }
	classifier := keptTexts(pb, keptBlocks(droppedItemsProbs(t, pb), 0.5, none, nil))
	filled, _ := decideOnProbsFill(pb, droppedItemsProbs(t, pb), 0.5, "listing", 0, nil, true)
	unfilled, _ := decideOnProbsFill(pb, droppedItemsProbs(t, pb), 0.5, "listing", 0, nil, false)
	if got := keptTexts(pb, unfilled); !slices.Equal(got, classifier) {
		t.Errorf("fill left out: kept = %q, want the classifier's %q", got, classifier)
	}
	if got := keptTexts(pb, filled); !slices.Contains(got, "Plum galette") || slices.Contains(classifier, "Plum galette") {
		t.Errorf("with the fill: kept = %q, want the dropped item %q added to the classifier's %q", got, "Plum galette", classifier)
	}
}
