package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minNoscriptWords is how many words a <noscript> fallback must hold to be
// read as the page: a notice ("You need to enable JavaScript to run this
// app.", 9 words) is not content. On the 26 wcxb pages that show no word
// outside <noscript>, the 16 forum threads and shops whose <noscript>
// holds their posts gave 194 to 3,720 words, the one notice 9.
const minNoscriptWords = 30

// segmentPage cuts a page's body into blocks. A body that shows no word
// outside its <noscript> elements is rendered by script (a forum thread,
// a shop page built in the browser); what it shows a reader without script,
// the markup of its <noscript> elements, is cut instead when it holds
// content rather than a notice. Pages with any visible word are cut as
// they are.
func segmentPage(body *html.Node, ids, tids wordIDs) *pageBlocks {
	return segmentPageSized(body, ids, tids, 0)
}

// segmentPageSized is segmentPage with a hint of how many elements the
// body may hold (segmentSized; 0 when not known).
func segmentPageSized(body *html.Node, ids, tids wordIDs, elemHint int) *pageBlocks {
	pb := segmentSized(body, ids, tids, elemHint)
	if hasWords(pb.blocks) {
		return pb
	}
	if alt := noscriptBody(body); alt != nil {
		if npb := segment(alt, ids, tids); wordCount(npb.blocks) >= minNoscriptWords {
			return npb
		}
	}
	return pb
}

// wordCount is how many words the blocks hold.
func wordCount(blocks []block) int {
	n := 0
	for i := range blocks {
		n += int(blocks[i].tokens)
	}
	return n
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
