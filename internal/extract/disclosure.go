package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHeadingButtonRunes bounds the text isHeadingButton reads from a
// button: a question or a section's heading is a line, and a button that
// wraps a whole panel of text (a carousel's slide, a "read more" card)
// is not read as one. 300 runes, a long FAQ question's length twice over
// (the longest question read in wcxb's service pages' accordions is
// under 150 characters, session 50).
const maxHeadingButtonRunes = 300

// isHeadingButton reports whether a <button> is the heading of the panel
// it opens (an accordion's or a tab's label) rather than a command: it
// sits in a heading element (<h3><button>Question</button></h3>, the WAI
// accordion pattern), holds one, or its text is a question (an FAQ's
// "How long does delivery take?"). Such a button's text is the page's
// text as a heading is; a command ("Add to basket", "Next", "Show more")
// is neither a heading nor a question. The question mark is read in its
// Latin, full-width and Arabic forms.
func isHeadingButton(n *html.Node) bool {
	if n.DataAtom != atom.Button {
		return false
	}
	if p := n.Parent; p != nil && isHeadingAtom(p.DataAtom) {
		return true
	}
	var b strings.Builder
	heading := false
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for ; c != nil && !heading && b.Len() <= maxHeadingButtonRunes*utf8.UTFMax; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && isHeadingAtom(c.DataAtom):
				heading = true
			case c.Type == html.ElementNode && !skipTags[c.DataAtom]:
				walk(c.FirstChild)
			}
		}
	}
	walk(n.FirstChild)
	if heading {
		return true
	}
	t := strings.TrimSpace(b.String())
	return utf8.RuneCountInString(t) <= maxHeadingButtonRunes && endsWithQuestionMark(t)
}

// isHeadingAtom reports whether a is a heading element, <h1> to <h6> (the
// tags flagged flagHeading).
func isHeadingAtom(a atom.Atom) bool { return tagFlags[a]&flagHeading != 0 }

// endsWithQuestionMark reports whether t ends with a question mark: "?",
// the full-width "？" (Chinese, Japanese) or the Arabic "؟".
func endsWithQuestionMark(t string) bool {
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") || strings.HasSuffix(t, "؟")
}
