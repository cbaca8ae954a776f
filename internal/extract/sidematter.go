package extract

// minMainWordsBeside is how many words the kept blocks outside an aside
// or a readers' comment thread must hold for dropSideMatter to drop the
// kept blocks inside: the article's own text stands apart from them. A
// page whose kept text is all inside one (a post whose whole body sits in
// an <aside>, a Kinja article marked "commented", a Guardian opinion
// column whose class says "tone-comment") keeps it; beside 50 words or
// more outside, a body in an <aside> is dropped all the same, and a
// comment-named wrapper stays only by holdsArticle. 50 words, a short
// news item's length; held out on the quick check's fold models
// (docs/measurements/extraction.md, "Session 46 ... (s46-news)"): with no
// floor, wcxb's articles fell by 0.0005 and dragnet's gain came from pages
// left empty (an empty output costs recall only); with a floor of 50 no
// set or wcxb kind fell by more than 0.0004 (cleaneval, whose gold keeps
// blog comments).
const minMainWordsBeside = 50

// minThreadComments is how many comment-named elements must hold kept
// blocks for dropSideMatter to read them as a readers' thread: two
// readers' comments, where one comment-named element is as often the
// article's own wrapper (a class "commented" or "comment-article"). Held
// out with minMainWordsBeside (same section; a replay of the kept blocks,
// the comment rule alone): 2 and 3 gave the five news sets 0.9520 and
// 0.9518, wcxb's forums (pages the kind classifier calls articles) -0.0005
// and 0.
const minThreadComments = 2

// dropSideMatter clears keep for the kept blocks of two kinds of side
// matter, when the kept blocks outside them hold minMainWordsBeside words
// or more:
//
//   - blocks inside an <aside>, content "tangentially related" to the
//     page's main text by HTML's definition (a pull-out box, a sidebar of
//     related stories, an author's box, a gallery beside the article);
//   - on a page called an article (kind), blocks inside comment-named
//     elements (isCommentElement) when minThreadComments of them hold kept
//     blocks: a readers' thread under a news post, which the news sets'
//     golds leave out and a forum's keeps (forums are not called
//     articles). Not when the caller keeps readers' comments
//     (news.Page.KeepComments: keepCommentSections);
//   - on a page called a product (kind), blocks inside elements whose
//     markup names customers' reviews (isReviewElement) when
//     minThreadComments of them hold kept blocks: a shop's reviews are its
//     readers' thread, and a product's main content is its description
//     (wcxb's README), as a news post's is its article.
//
// The classifier reads the first two flags and drops most such blocks;
// this catches the ones a site's markup scores over the threshold, where
// the page shows its main text apart from them.
func dropSideMatter(pb *pageBlocks, keep []bool, kind string) {
	dropKeptRegions(pb, keep, flagAside, 1, nil)
	if kind == kindArticle && !pb.keepComments {
		dropKeptRegions(pb, keep, flagComment, minThreadComments, holdsArticle)
	}
	if readsReviewsApart(pb, kind) {
		dropKeptRegions(pb, keep, flagReviews, minThreadComments, reviewOutweighsDescription)
	}
}

// dropKeptRegions clears keep for the kept blocks inside elements with the
// flag when at least minRegions such elements (each block's innermost)
// hold kept blocks and the kept blocks outside them hold
// minMainWordsBeside words or more. Nothing is cleared either when stays
// (nil for none) reports that the elements' kept words (by element) hold
// the main text rather than what stands beside it (holdsArticle,
// reviewOutweighsDescription).
func dropKeptRegions(pb *pageBlocks, keep []bool, flag uint32, minRegions int, stays func(regions map[int32]int, outside int) bool) {
	var regions map[int32]int // kept words of each element with the flag; made at the first (most pages have none)
	outside := 0
	for i, b := range pb.blocks {
		if !keep[i] {
			continue
		}
		if r := innermostWith(pb, b.elem, flag); r >= 0 {
			if regions == nil {
				regions = map[int32]int{}
			}
			regions[r] += int(b.tokens)
		} else {
			outside += int(b.tokens)
		}
	}
	if len(regions) < minRegions || outside < minMainWordsBeside || stays != nil && stays(regions, outside) {
		return
	}
	for i, b := range pb.blocks {
		if keep[i] && pb.elems[b.elem].inherited&flag != 0 {
			keep[i] = false
		}
	}
}

// innermostWith returns the nearest element from e up whose own flags
// hold flag, or -1 when none does.
func innermostWith(pb *pageBlocks, e int32, flag uint32) int32 {
	for ; e >= 0; e = pb.elems[e].parent {
		if pb.elems[e].flags&flag != 0 {
			return e
		}
	}
	return -1
}

// holdsArticle reports whether one of the elements of regions (kept words
// by element) holds more kept words than the text outside them and than
// all the other elements together: not one comment of a readers' thread
// but the article in a wrapper whose class names it a comment (an opinion
// site's "comment-article", a German "Kommentar" beside its author box).
// A thread spreads its words over many comments (dragnet's schneier.com
// threads: the longest comment 1.2 to 1.8 times the post, but far less
// than the rest of the thread), and where one comment outweighs the post
// and the thread together, dropping it risks the article (review
// s46-newsrev; a guard on every comment-named or aside element, any one
// element longer than the text outside, lost dragnet 0.0015).
func holdsArticle(regions map[int32]int, outside int) bool {
	total, most := 0, 0
	for _, words := range regions {
		total += words
		most = max(most, words)
	}
	return most > outside && most > total-most
}
