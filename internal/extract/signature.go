package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// isSignatureElement reports whether an element's class or id holds a word
// that begins "signature" ("signature", "message-signature",
// "signaturecontainer", "DiscussionBoard-signature", Stack Exchange's
// "post-signature", as wcxb's forums class them): the lines a forum member
// has printed under each of their posts, or the card of who asked or
// answered.
func isSignatureElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for w := range rawClassWordSeq(a.Val) {
			if len(w) < len("signature") || w[0]|0x20 != 's' {
				continue // most words: no comparison made for nothing
			}
			if strings.EqualFold(w[:len("signature")], "signature") {
				return true
			}
		}
	}
	return false
}

// readsSignatures reports whether dropSignatures applies to a page of this
// kind: a page called a forum's, or whose markup names a forum's thread
// (a schema.org DiscussionForumPosting). Elsewhere an element classed a
// signature may hold the text itself: the names under an open letter, a
// book's contributors (a documentation page of cleaneval and one of wcxb
// whose gold keeps them).
func readsSignatures(pb *pageBlocks, kind string) bool {
	return kind == kindForum || pb.forumMarkup
}

// dropSignatures clears keep for the blocks inside signature elements
// (isSignatureElement) on a forum's thread (readsSignatures): a member's
// signature repeats under each of their posts and is no part of what they
// wrote (wcxb's README: a forum page's main content is its posts). Read on
// every page of the eight sets with the quick check's fold models
// (docs/measurements/extraction.md, "Session 50"): on wcxb's forum pages
// the classifier kept 732 words of signatures, none of them in the gold.
func dropSignatures(pb *pageBlocks, keep []bool, kind string) {
	if !readsSignatures(pb, kind) {
		return
	}
	for i, b := range pb.blocks {
		if keep[i] && pb.elems[b.elem].inherited&flagSignature != 0 {
			keep[i] = false
		}
	}
}
