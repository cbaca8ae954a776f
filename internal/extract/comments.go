package extract

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxCommentLinkShare is the largest share of a block's characters in
// links for keepCommentSections to take it into the output with
// --comments: a comment's text is the reader's own words, while a block
// mostly of links is the section's chrome ("Reply", "Permalink", "Older
// comments", a list of the commenters' sites). One half, as a link list is
// read elsewhere in this package (a block is a link's when most of it is
// the link); not swept.
const maxCommentLinkShare = 0.5

// canBeCommentSection reports whether an element of this tag, under
// ancestors with these inherited flags, can be a comment section or one
// of its items: a block-level element or one of a tag HTML does not know
// (a script's <disqus-thread>), not a table's cell or row (a data table's
// "comment" column), and not inside code. A syntax highlighter classes a
// code comment "comment" (highlight.js's "hljs-comment", Prism's "token
// comment") on a <span>: a tutorial's code block would read as a readers'
// thread (wcxb 0437, a git guide, lost 60% of its recall so). Nor inside
// an <aside>: a sidebar's "recent comments" widget (WordPress's
// widget_recent_comments) lists other posts' commenters, and the article's
// side matter is left out (dropSideMatter); an <aside> that is itself the
// thread ("comments-area") still counts.
func canBeCommentSection(tag atom.Atom, parentInherited uint32) bool {
	if parentInherited&(flagPre|flagCode|flagAside) != 0 {
		return false
	}
	switch tag {
	case atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Pre, atom.Code:
		return false
	}
	return tag == 0 || boundaryTags[tag]
}

// maxNameWords is the fewest words of an id that can no longer name a
// comment section (idNamesComments takes ids of fewer): "comments",
// "comment-list", "disqus_thread", "comments-area". An id of this many
// words or more is an anchor made from a heading's text, whose words
// say what the heading says ("gmail-predictable-scriptable-responses-from-
// humans", a chapter's section in readability's SRE book page, is no
// readers' thread). Four: the section ids named here have one to three
// words; not swept.
const maxNameWords = 4

// isCommentMarkup reports whether an element is a comment section, an
// item of one, or its form, by markup that reads the same on any site:
//
//   - class words that name comments or replies (isCommentWord, the one
//     list the block features read: "comments", "commentlist",
//     "comment-body", "disqus_thread", "reply", not "commentary"), or the
//     word "discussion" whole ("discussion" threads,
//     "discussion__comments"); an id's words when it is a name, not a
//     heading's anchor (idNamesComments);
//   - a schema.org comment item in microdata or RDFa (itemtype or typeof
//     Comment or UserComments, itemprop comment or comments);
//   - a comment form: a <form> whose action names comments
//     ("wp-comments-post.php", "/comment/reply") or that holds a
//     <textarea>, the box a reader writes in.
//
// The flag alone keeps nothing: keepCommentSections reads where the
// section lies against the article's kept text.
func isCommentMarkup(n *html.Node) bool {
	return namesComments(n) || isSchemaComment(n) || isCommentForm(n)
}

// namesComments reports whether an element's class holds a word that
// names comments (isCommentWord) or the word "discussion", or its id, when
// it is a name (under maxNameWords words), a word that names comments
// themselves (isCommentWord, not isAnswerWord).
func namesComments(n *html.Node) bool {
	for _, a := range n.Attr {
		switch {
		case a.Key == "class" && classNamesComments(a.Val):
			return true
		case a.Key == "id" && idNamesComments(a.Val):
			return true
		}
	}
	return false
}

// classNamesComments reports whether a class value holds a comment word
// (isCommentWord) or "discussion".
func classNamesComments(v string) bool {
	for w := range rawClassWordSeq(v) {
		if mayBeCommentWord(w) && isCommentWord(strings.ToLower(w)) || strings.EqualFold(w, "discussion") {
			return true
		}
	}
	return false
}

// idNamesComments reports whether an id of under maxNameWords words holds
// a comment word that is not an answer's (isAnswerWord). An id is as
// often an anchor made from a heading: "about-responses" (a guide's
// section on HTTP responses), "discussion" (a paper's discussion), "reply"
// words of a heading's text, where "comments" and "disqus_thread" are
// names no heading gives.
func idNamesComments(v string) bool {
	if classWordCount(v) >= maxNameWords {
		return false
	}
	for w := range rawClassWordSeq(v) {
		if !mayBeCommentWord(w) {
			continue // most words: no lower-case copy made for nothing
		}
		if lw := strings.ToLower(w); isCommentWord(lw) && !isAnswerWord(lw) {
			return true
		}
	}
	return false
}

// isAnswerWord reports whether a lower-case comment word (isCommentWord)
// names a reply or a response, which headings name too, rather than
// comments.
func isAnswerWord(w string) bool {
	switch w {
	case "reply", "replies", "respond", "responses":
		return true
	}
	return false
}

// classWordCount counts the words of a class or id value.
func classWordCount(v string) int {
	n := 0
	for range rawClassWordSeq(v) {
		n++
	}
	return n
}

// isSchemaComment reports whether an element is a schema.org comment in
// microdata (itemtype ".../Comment", ".../UserComments"; itemprop
// "comment", "comments") or RDFa (typeof "Comment", "schema:Comment";
// property "comment").
func isSchemaComment(n *html.Node) bool {
	return hasSchemaName(n, "itemtype", "typeof", "Comment", "UserComments") ||
		hasSchemaName(n, "itemprop", "property", "comment", "comments")
}

// isForumPosting reports whether an element is marked a schema.org
// DiscussionForumPosting in microdata or RDFa: the page is a forum's
// thread, whose replies are its content.
func isForumPosting(n *html.Node) bool {
	return hasSchemaName(n, "itemtype", "typeof", "DiscussionForumPosting")
}

// ldNamesForumPosting reports whether a page's JSON-LD types (ldTypes:
// lower case, space-separated) name a DiscussionForumPosting.
func ldNamesForumPosting(ldTypes string) bool { return ldNamesType(ldTypes, "discussionforumposting") }

// ldNamesType reports whether a page's JSON-LD types (ldTypes: lower case,
// space-separated) hold one of types (lower case) as a whole type name.
func ldNamesType(ldTypes string, types ...string) bool {
	for t := range strings.FieldsSeq(ldTypes) {
		if slices.Contains(types, t) {
			return true
		}
	}
	return false
}

// hasSchemaName reports whether the microdata attribute or its RDFa twin
// of n names one of names (any case), each value read as schemaTypeName
// reads it.
func hasSchemaName(n *html.Node, microdata, rdfa string, names ...string) bool {
	for _, a := range n.Attr {
		if a.Key != microdata && a.Key != rdfa {
			continue
		}
		for t := range strings.FieldsSeq(a.Val) {
			t = schemaTypeName(t)
			for _, name := range names {
				if strings.EqualFold(t, name) {
					return true
				}
			}
		}
	}
	return false
}

// schemaTypeName returns the last part of a schema.org type or property as
// microdata ("https://schema.org/Comment") or RDFa ("schema:Comment")
// writes it.
func schemaTypeName(t string) string {
	t = strings.TrimRight(t, "/")
	if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
		return t[i+1:]
	}
	return t
}

// isCommentForm reports whether n is a <form> that takes a reader's
// comment: its action names comments, or it holds a <textarea>.
func isCommentForm(n *html.Node) bool {
	if n.DataAtom != atom.Form {
		return false
	}
	for _, a := range n.Attr {
		if a.Key == "action" && containsLowerASCII(a.Val, "comment") {
			return true
		}
	}
	return holdsTextarea(n, 0)
}

// holdsTextarea reports whether a <textarea> lies under n (to maxDepth).
func holdsTextarea(n *html.Node, depth int32) bool {
	if depth > maxDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Textarea || holdsTextarea(c, depth+1)) {
			return true
		}
	}
	return false
}

// commentSpan is where a comment section lies against the kept text: the
// kept words of the page before its first block and after its last.
type commentSpan struct {
	before, after int
}

// trailing reports whether the section comes after the article: the kept
// text before it holds minMainWordsBeside words or more (the floor by
// which dropSideMatter tells an article from its side matter, not swept
// here), and no less than the kept text after it. An element whose class names it a comment but
// that wraps the article itself (Kinja's "commented", an opinion site's
// "comment-article") starts before the article's text, and a widget
// inside the article ("12 comments" beside the byline) has most of the
// article after it.
func (s commentSpan) trailing() bool {
	return s.before >= minMainWordsBeside && s.before >= s.after
}

// trailingCommentSections returns the comment sections (elements with
// their own flagCommentSection) that trail the article
// (commentSpan.trailing), by element. A section's place is that of its
// blocks, kept or not (an element's blocks follow one another), so a
// thread the classifier dropped whole is found as well as one it kept.
func trailingCommentSections(pb *pageBlocks, keep []bool) map[int32]bool {
	total := 0
	for i, b := range pb.blocks {
		if keep[i] {
			total += int(b.tokens)
		}
	}
	spans := map[int32]*commentSpan{} // after holds, until the end, the kept words up to the section's last block
	seen := 0                         // kept words before block i
	for i, b := range pb.blocks {
		if keep[i] {
			seen += int(b.tokens)
		}
		if pb.elems[b.elem].inherited&flagCommentSection == 0 {
			continue
		}
		for e := b.elem; e >= 0; e = pb.elems[e].parent {
			if pb.elems[e].flags&flagCommentSection == 0 {
				continue
			}
			s := spans[e]
			if s == nil {
				before := seen
				if keep[i] {
					before -= int(b.tokens)
				}
				s = &commentSpan{before: before}
				spans[e] = s
			}
			s.after = seen
		}
	}
	out := map[int32]bool{}
	for e, s := range spans {
		if (commentSpan{before: s.before, after: total - s.after}).trailing() {
			out[e] = true
		}
	}
	return out
}

// inSection reports whether element e is one of sections or lies inside
// one.
func inSection(pb *pageBlocks, e int32, sections map[int32]bool) bool {
	if pb.elems[e].inherited&flagCommentSection == 0 {
		return false
	}
	for ; e >= 0; e = pb.elems[e].parent {
		if sections[e] {
			return true
		}
	}
	return false
}

// inSectionForm reports whether element e lies in a <form> that is one of
// sections or inside one (the comment form, whose labels and chrome are no
// comment), walking up from e past every section, as a form's own fields
// may be classed as comment sections too ("comment-form-author"). A form
// around every section does not count: an ASP.NET WebForms page wraps its
// whole body, thread and all, in one <form>.
func inSectionForm(pb *pageBlocks, e int32, sections map[int32]bool) bool {
	inForm := false
	for ; e >= 0; e = pb.elems[e].parent {
		inForm = inForm || pb.elems[e].flags&flagForm != 0
		if inForm && sections[e] {
			return true
		}
	}
	return false
}

// readsComments reports whether keepCommentSections applies to a page of
// this kind: a page called an article that no markup names a forum's
// thread. A forum's replies are its content, kept or dropped as the
// classifier reads them.
func readsComments(pb *pageBlocks, kind string) bool {
	return kind == kindArticle && !pb.forumMarkup
}

// keepCommentSections sets keep for the blocks of the comment sections
// that trail the article on a page called an article (readsComments),
// as trafilatura's include_comments adds a page's comments: every block
// inside such a section but those dropped whatever their probability
// (dropped), the text of a form box (inFormBox: the comment form's
// invitation) or of a form inside the section (inSectionForm), and
// blocks mostly of links (maxCommentLinkShare). A section
// trails when the kept blocks the classifier chose put the article
// before it, whether it kept any of the section's blocks or none.
func keepCommentSections(pb *pageBlocks, keep []bool, kind string, dropped func(i int) bool) {
	if !readsComments(pb, kind) {
		return
	}
	sections := trailingCommentSections(pb, keep)
	if len(sections) == 0 {
		return
	}
	for i, b := range pb.blocks {
		if keep[i] || !inSection(pb, b.elem, sections) || dropped(i) || inFormBox(pb, i) ||
			pb.elems[b.elem].inherited&flagHidden != 0 || inSectionForm(pb, b.elem, sections) {
			continue
		}
		if float64(b.linkChars) <= maxCommentLinkShare*float64(b.chars) {
			keep[i] = true
		}
	}
}
