package extract

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flattenDepth is the depth below which a parsed page is flattened: the
// elements under it are unwrapped (their children take their place), so
// that a page nested thousands of elements deep is read whole, in the
// same order, instead of losing its text below maxDepth or being refused
// by the parser. 384 is above every real page seen: the deepest of the
// 4,997 HTML pages of ../shared/bench/extraction is 352 nodes deep (99.9th
// percentile 267, median 13), so flattening changes no page of the
// benchmarks; it stays below maxDepth (400), where walks stop, and below
// the 512 open elements at which golang.org/x/net/html gives up.
const flattenDepth = 384

// parseHTML parses a page (any encoding; an unclosed <title> repaired) into
// a tree no deeper than about flattenDepth. A page the parser refuses for
// its nesting (more than 512 elements open at once) is parsed again with
// the start and end tags deeper than flattenDepth left out of its tokens.
func parseHTML(body []byte) (*html.Node, error) {
	src := closeTitle(toUTF8(body))
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil && strings.Contains(err.Error(), "open stack of elements") {
		doc, err = html.Parse(bytes.NewReader(dropDeepTags(src, flattenDepth)))
	}
	if err != nil {
		return nil, err
	}
	flatten(doc, 0)
	return doc, nil
}

// flatten unwraps the elements deeper than flattenDepth below n (at depth).
// It recurses only down to flattenDepth.
func flatten(n *html.Node, depth int) {
	if depth >= flattenDepth {
		unwrapBelow(n, true)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			flatten(c, depth+1)
		}
	}
}

// unwrapBelow replaces every element below n by its children, keeping the
// text in document order. Elements whose text is no page text (scripts,
// styles, templates) go whole. When keepBlocks, the paragraph-level
// elements right under n stay (with their own elements unwrapped), so
// that paragraphs stay apart.
func unwrapBelow(n *html.Node, keepBlocks bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch {
			case hiddenText[c.DataAtom]:
				n.RemoveChild(c)
			case keepBlocks && paragraphLevel[c.DataAtom]:
				unwrapBelow(c, false)
			default:
				first := c.FirstChild
				for g := c.FirstChild; g != nil; {
					gn := g.NextSibling
					c.RemoveChild(g)
					n.InsertBefore(g, c)
					g = gn
				}
				n.RemoveChild(c)
				if first != nil {
					next = first // its children are looked at in its place
				}
			}
		}
		c = next
	}
}

// hiddenText are the elements whose content is not text a reader sees.
var hiddenText = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true}

// paragraphLevel are the elements that keep blocks of text apart.
var paragraphLevel = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Pre: true, atom.Blockquote: true, atom.Dd: true, atom.Dt: true, atom.Td: true, atom.Th: true,
}

// dropDeepTags rewrites a page leaving out the start tags (and their end
// tags) of elements that would open deeper than limit, counting the
// elements open as the tokens go (void and self-closing tags open none; an
// end tag closes up to its own start tag). Text, comments, the tags above
// the limit and those of raw-text elements (scripts, styles) are kept
// byte for byte.
func dropDeepTags(src []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(src))
	out := make([]byte, 0, len(src))
	type open struct {
		name    string
		dropped bool
	}
	var stack []open
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement[string(name)] {
				break
			}
			// Elements whose content the tokenizer reads as raw text stay:
			// left out, a script's code would become page text.
			drop := len(stack) >= limit && !rawTextElement[string(name)]
			stack = append(stack, open{string(name), drop})
			if drop {
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == string(name) {
					dropped := stack[i].dropped
					stack = stack[:i]
					if dropped {
						raw = nil
					}
					break
				}
			}
		}
		out = append(out, raw...)
	}
}

// rawTextElement are the elements whose content is not markup.
var rawTextElement = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true, "template": true,
}

// voidElement are the elements that never hold content, so never stay open.
var voidElement = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "source": true, "track": true, "wbr": true, "param": true, "keygen": true,
}
