package extract

import (
	"strings"
	"testing"
)

// Review probes of dropSideMatter (s46-newsrev): pages never seen, whose
// markup names the article's own text as an aside or a comment, beside
// 50 kept words or more of other text (a standfirst, an intro).

// reviewStandfirst is an invented standfirst of 55 words: enough kept
// text outside the side matter for minMainWordsBeside.
const reviewStandfirst = `<p class="standfirst">The council's budget for next year, agreed late on Wednesday after a ` +
	`four-hour meeting, raises the tax on second homes, cuts two bus routes from the villages to the town, keeps ` +
	`the library open on Saturdays and sets aside money for the flood wall that residents of the lower town have ` +
	`asked for since the river rose two winters ago.</p>`

// reviewBody returns n invented paragraphs of about 45 words each, every
// one starting with "Body".
func reviewBody(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(`<p>Body text of the budget story: the treasurer said the second-home tax would bring in ` +
			`about a million a year, that the bus routes carried fewer than twenty riders a day, and that the ` +
			`flood wall would be built in two stages so that the road stays open through the summer.</p>`)
	}
	return b.String()
}

// keptBodyParagraphs counts the kept blocks that start with "Body".
func keptBodyParagraphs(pb *pageBlocks, keep []bool) int {
	n := 0
	for i, b := range pb.blocks {
		if keep[i] && strings.HasPrefix(b.text, "Body") {
			n++
		}
	}
	return n
}

// TestDropSideMatterKeepsArticleMarkedAsSide: an article whose body the
// site's markup sets in elements whose class names a comment (an opinion
// site's "comment-article" wrapper beside a thread, a German "Kommentar"
// with its author box), beside a kept standfirst of 55 words: the body
// holds most of the kept text and stays (holdsArticle). A body set in an
// <aside> is still dropped: a size guard on asides cost dragnet's real
// sidebars (branch s46-newsrev-tried).
func TestDropSideMatterKeepsArticleMarkedAsSide(t *testing.T) {
	for name, page := range map[string]string{
		"body in a comment-article wrapper beside a thread": `<html><body>` + reviewStandfirst +
			`<div class="comment-article">` + reviewBody(6) + `</div>` +
			`<div class="comment"><p>Readers' view: about time too.</p></div>` +
			`<div class="comment"><p>Readers' view: the buses matter more.</p></div></body></html>`,
		"German Kommentar with its author box": `<html><body><article>` + reviewStandfirst +
			`<div class="kommentar-text">` + reviewBody(6) + `</div>` +
			`<div class="kommentar-autor"><p>Anna Berg ist Redakteurin im Ressort Politik.</p></div>` +
			`</article></body></html>`,
	} {
		pb, keep := allBlocksKept(t, page)
		want := keptBodyParagraphs(pb, keep)
		dropSideMatter(pb, keep, kindArticle)
		if got := keptBodyParagraphs(pb, keep); got != want {
			t.Errorf("%s: %d of the %d body paragraphs kept", name, got, want)
		}
	}
}

// TestDropSideMatterCommentaryIsNotAThread: "commentary" names an opinion
// column, not a readers' thread (isCommentWord), so an opinion page whose
// sections are classed "commentary" keeps them.
func TestDropSideMatterCommentaryIsNotAThread(t *testing.T) {
	page := `<html><body>` + reviewStandfirst +
		`<div class="commentary">` + reviewBody(2) + `</div><div class="commentary">` + reviewBody(2) + `</div></body></html>`
	pb, keep := allBlocksKept(t, page)
	dropSideMatter(pb, keep, kindArticle)
	if got := keptBodyParagraphs(pb, keep); got != 4 {
		t.Errorf("%d of the 4 body paragraphs kept", got)
	}
}

// TestDropSideMatterEmptyAndLonePage: no blocks, or blocks all in one
// aside, leave keep as it was (no panic, nothing dropped).
func TestDropSideMatterEmptyAndLonePage(t *testing.T) {
	for _, page := range []string{``, `<html><body></body></html>`,
		`<html><body><aside>` + reviewBody(3) + `</aside></body></html>`} {
		pb, keep := allBlocksKept(t, page)
		n := keptBodyParagraphs(pb, keep)
		dropSideMatter(pb, keep, kindArticle)
		if got := keptBodyParagraphs(pb, keep); got != n {
			t.Errorf("%q: %d of %d kept", page, got, n)
		}
	}
}
