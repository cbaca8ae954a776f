package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// maxDepth bounds recursion over pathological nesting; deeper nodes are
// ignored.
const maxDepth = 400

// walk visits n and its descendants in document order; visit returns false to
// skip a node's children.
func walk(n *html.Node, depth int, visit func(*html.Node) bool) {
	if depth > maxDepth || !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, depth+1, visit)
	}
}

// hasAttr reports whether n has the attribute key, whatever its value (a
// boolean attribute: itemscope, hidden).
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf concatenates the text below n.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, 0, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// cleanSpace is s with its runs of white space (unicode.IsSpace) made one
// space and none at either end: strings.Join(strings.Fields(s), " "), which
// FuzzCleanSpace holds it to. A text to collapse is written in one pass
// (collapseSpace), without the slice of its fields Fields built.
func cleanSpace(s string) string {
	if spacedClean(s) {
		return s // most texts: nothing to collapse, and no copy
	}
	return collapseSpace(s)
}

// spacedClean reports whether cleanSpace would return s unchanged: no
// white space at either end, none but single ASCII spaces inside.
func spacedClean(s string) bool {
	prevSpace := true // white space at the start is trimmed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}
