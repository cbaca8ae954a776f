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

// noscriptShare is how many times the words a page shows outside its
// <noscript> elements the words of its <noscript> fallback must be for the
// fallback to be read as the page, when the page shows some words: a forum
// built by script shows only its menu or a loading notice (5 to 33 words)
// beside a fallback holding the whole thread. On the eight sets of
// ../shared/bench/extraction (5,000 pages) the three such wcxb forum
// threads (Discourse and Flarum) held 52 to 360 times their visible words
// in <noscript>; every other page with a fallback of 30 words or more held
// under once its visible words (at most 0.98; mostly a copy of images,
// menus or an article's own text for readers without script). Ten lies in
// that gap, well away from both sides.
const noscriptShare = 10

// segmentPage cuts a page's body into blocks. A body that shows nearly no
// word outside its <noscript> elements is rendered by script (a forum
// thread, a shop page built in the browser); what it shows a reader without
// script, the markup of its <noscript> elements, is cut instead when it
// holds content rather than a notice and far more words than the page
// shows (noscriptShare). Other pages are cut as they are.
func segmentPage(body *html.Node, ids, tids wordIDs) *pageBlocks {
	return segmentPageSized(body, ids, tids, 0)
}

// segmentPageSized is segmentPage with a hint of how many elements the
// body may hold (segmentSized; 0 when not known).
func segmentPageSized(body *html.Node, ids, tids wordIDs, elemHint int) *pageBlocks {
	pb := segmentSized(body, ids, tids, elemHint)
	shown := wordCount(pb.blocks)
	if shown > 0 && pb.noscripts == 0 {
		return pb // the common case: no fallback beside the page's words
	}
	markup := noscriptMarkup(body)
	// A word takes a byte of markup at least: a fallback shorter than
	// noscriptShare times the shown words cannot outweigh them.
	if markup == "" || len(markup) < noscriptShare*shown {
		return pb
	}
	alt := parseNoscript(markup)
	if alt == nil {
		return pb
	}
	npb := segment(alt, ids, tids)
	if n := wordCount(npb.blocks); n >= minNoscriptWords && n >= noscriptShare*shown {
		return npb
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

// noscriptMarkup is the markup of the <noscript> elements below body (the
// parser, scripting on as in a browser, keeps it as raw text), one after
// the other; "" when they hold none.
func noscriptMarkup(body *html.Node) string {
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
		return ""
	}
	return sb.String()
}

// parseNoscript parses <noscript> markup as one document and returns its
// body; nil when it cannot.
func parseNoscript(markup string) *html.Node {
	doc, err := parseHTML([]byte("<html><body>" + markup + "</body></html>"))
	if err != nil {
		return nil
	}
	return findBody(doc)
}
