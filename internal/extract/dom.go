package extract

import (
	"strings"

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

func cleanSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
