package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// segmentPage cuts a page's body into blocks. A body that shows no word
// outside its <noscript> elements is rendered by script (a forum thread,
// a shop page built in the browser); what it shows a reader without script,
// the markup of its <noscript> elements, is cut instead. Pages with any
// visible word are cut as they are.
func segmentPage(body *html.Node, ids, tids wordIDs) *pageBlocks {
	pb := segment(body, ids, tids)
	if hasWords(pb.blocks) {
		return pb
	}
	if alt := noscriptBody(body); alt != nil {
		if npb := segment(alt, ids, tids); hasWords(npb.blocks) {
			return npb
		}
	}
	return pb
}

// noscriptBody parses the markup of the <noscript> elements below body (the
// parser, scripting on as in a browser, keeps it as raw text) as one
// document and returns its body; nil when they hold none.
func noscriptBody(body *html.Node) *html.Node {
	var sb strings.Builder
	walk(body, 0, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.Noscript {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
				sb.WriteByte('\n')
			}
		}
		return false
	})
	if strings.TrimSpace(sb.String()) == "" {
		return nil
	}
	doc, err := parseHTML([]byte("<html><body>" + sb.String() + "</body></html>"))
	if err != nil {
		return nil
	}
	return findBody(doc)
}
