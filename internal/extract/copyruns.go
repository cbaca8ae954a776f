package extract

// A page may hold its article twice: a site built for phones and desktops
// renders each layout's copy and lets its style sheet show one (a class,
// not the hidden attribute, hides the other), a gated article keeps the
// full text and the teaser version side by side, a blog engine repeats the
// post inside a comment widget hidden by script. The classifier scores
// each copy as it scores the first, so the text came out twice (read in
// session 43 on wcxb's article pages, each scored by the quick check's fold
// model that never saw its site: three of the 30 pages with the lowest
// precision kept the whole article twice or three times, at precision
// 0.33-0.49; docs/measurements/extraction.md, "Session 43").

// minCopyRunBlocks is the fewest blocks a repeated run must have for
// dropCopiedRuns to drop it: an article's copy repeats its paragraphs in
// order, while one paragraph or a pair of lines said twice (a pull quote,
// a label under two pictures) is the page's own text. 3, fixed before
// measuring: the shortest article bodies of the news sets have three or
// four paragraphs.
const minCopyRunBlocks = 3

// minCopyRunTokens is the fewest words a repeated run must hold: about two
// paragraphs of prose, so that a run of short labels repeated on a page
// (a menu's few words twice) never counts as a copy of the article. Fixed
// before measuring.
const minCopyRunTokens = 100

// minCopyRunShare is the least share of the page's kept words a repeated
// run must hold to be taken for a copy of the article: a second copy of the
// whole article holds half of what is kept (a third with three copies),
// while the old sets' golds keep text a page legitimately says twice in
// separate boxes (a postal guide's rules under two headings, a vacation
// offer's terms under each offer, a tax form's "it currently reads" and
// "it should read"), which is a small share of the page. Chosen after
// reading which pages the rule without it changed, held out on the quick
// check's fold models (docs/measurements/extraction.md, "Session 43"):
// without it 8 pages lost 0.02-0.09 shingle F1 (four cleaneval pages, two
// wcxb services, a documentation page, an article's spec table); at 0.25
// none of them changes, and 22 of the 26 pages that gained 0.01 or more
// still do. Three variants were measured on the same pages: any repeated
// run (15 pages lost, as much as 0.35, where the page shows its text twice
// in one element), runs in separate elements only, and this share.
const minCopyRunShare = 0.25

// dropCopiedRuns clears keep for a later run of kept blocks that repeats an
// earlier run of kept blocks, block by block and in order (same text,
// Fingerprint), when the run has minCopyRunBlocks blocks or more,
// minCopyRunTokens words or more and minCopyRunShare of the kept words or
// more, and the two runs lie in different elements (copiesApart). The
// first copy stays: it is the one a reader meets first. Each block is
// matched with the nearest earlier block of its text, so that a paragraph
// quoted once before the article (a pull quote, a teaser) does not hide the
// copy it starts. The blocks of a run that is not dropped are not tried as
// the start of another. It returns how many pairs of blocks it compared,
// the count its cost test reads.
func dropCopiedRuns(pb *pageBlocks, keep []bool) (compared int) {
	kept, total := keptTextBlocks(pb, keep)
	last := make(map[uint64]int, len(kept)) // fingerprint -> its latest place in kept so far
	for p := 0; p < len(kept); {
		q, seen := last[pb.blocks[kept[p]].fp]
		if !seen {
			last[pb.blocks[kept[p]].fp] = p
			p++
			continue
		}
		n, tokens := copiedRun(pb, kept, q, p)
		compared += n + 1
		if n >= minCopyRunBlocks && tokens >= minCopyRunTokens && float64(tokens) >= minCopyRunShare*float64(total) &&
			copiesApart(pb, kept[q:q+n], kept[p:p+n]) {
			for _, i := range kept[p : p+n] {
				keep[i] = false
			}
		}
		// A run too short, too small or not apart is passed over whole:
		// trying each of its blocks as the start of another run made a
		// page of one text repeated (a long table's identical rows) cost
		// the square of its blocks, and a run that starts inside it is
		// most often its own tail, shorter and smaller still. Held out on
		// the eight sets (docs/measurements/extraction.md, "s43-artrev"),
		// passing over changed no page's text.
		for k := p; k < p+n; k++ {
			last[pb.blocks[kept[k]].fp] = k
		}
		p += n
	}
	return compared
}

// keptTextBlocks returns the kept blocks that hold words, in page order,
// and how many words they hold.
func keptTextBlocks(pb *pageBlocks, keep []bool) (kept []int, tokens int) {
	for i := range pb.blocks {
		if keep[i] && pb.blocks[i].tokens > 0 {
			kept = append(kept, i)
			tokens += int(pb.blocks[i].tokens)
		}
	}
	return kept, tokens
}

// copiedRun returns how many of the kept blocks from place p on repeat,
// one by one, those from place q < p on, without the later run reaching
// back into the earlier one, and the words of the repeated blocks.
func copiedRun(pb *pageBlocks, kept []int, q, p int) (n, tokens int) {
	for p+n < len(kept) && q+n < p && pb.blocks[kept[q+n]].fp == pb.blocks[kept[p+n]].fp {
		tokens += int(pb.blocks[kept[p+n]].tokens)
		n++
	}
	return n, tokens
}

// copiesApart reports whether two runs of blocks lie in different
// elements: the smallest element holding each run is not the same. Two
// layouts' copies of an article each sit in a wrapper of their own; a page
// whose author pasted the text twice into one body (the old sets' golds
// keep both) has both runs in one element.
func copiesApart(pb *pageBlocks, a, b []int) bool {
	return runElement(pb, a) != runElement(pb, b)
}

// runElement returns the smallest element that holds every block of run.
func runElement(pb *pageBlocks, run []int) int32 {
	e := pb.blocks[run[0]].elem
	for _, i := range run[1:] {
		e = commonAncestor(pb, e, pb.blocks[i].elem)
	}
	return e
}

// commonAncestor returns the deepest element that holds both elements a
// and b (either itself included), or -1 when only the body holds both.
func commonAncestor(pb *pageBlocks, a, b int32) int32 {
	for a != b {
		if a < 0 || b < 0 {
			return -1
		}
		if pb.elems[a].depth >= pb.elems[b].depth {
			a = pb.elems[a].parent
		} else {
			b = pb.elems[b].parent
		}
	}
	return a
}

// dropHiddenCopies clears keep for a kept block of minCopyTokens words or
// more that markup hides (the hidden attribute, aria-hidden, display:none
// or visibility:hidden) and whose text is the text of a kept block it does
// not hide: a copy the reader never sees of what the page shows (a comment
// widget's hidden copy of the post, a test page's hidden duplicates).
// Hidden blocks that copy nothing stay to the classifier: pages show
// hidden tabs and panels by script, and dropping every hidden block cost
// wcxb 0.848 -> 0.836 (docs/measurements/extraction.md, "Session 43").
// Short blocks stay for the reason keepFirstCopies leaves them: a
// documentation page's code samples in hidden language tabs repeat their
// line numbers, which the gold keeps (wcxb 0681 lost 0.09 without the
// floor). Held out on the quick check's fold models after dropCopiedRuns:
// 11 pages up by 0.01 or more (dragnet, l3s-gn1, readability's two hidden
// fixtures), none down.
func dropHiddenCopies(pb *pageBlocks, keep []bool) {
	shown := make(map[uint64]bool)
	for i := range pb.blocks {
		if keep[i] && !inHidden(pb, i) {
			shown[pb.blocks[i].fp] = true
		}
	}
	for i := range pb.blocks {
		if keep[i] && inHidden(pb, i) && pb.blocks[i].tokens >= minCopyTokens && shown[pb.blocks[i].fp] {
			keep[i] = false
		}
	}
}

// inHidden reports whether block i lies in an element markup hides.
func inHidden(pb *pageBlocks, i int) bool {
	return pb.elems[pb.blocks[i].elem].inherited&flagHidden != 0
}
