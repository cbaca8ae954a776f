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
// by the parser. 384 is far above every real page seen: the deepest of the
// 4,997 HTML pages of ../shared/bench/extraction is 58 nodes deep (99.9th
// percentile 57, median 17), so flattening changes no page of the
// benchmarks and leaves room for deeper sites; it stays below maxDepth
// (400), where walks stop, and below the 512 open elements at which
// golang.org/x/net/html gives up.
const flattenDepth = 384

// pruneAboveTags and maxElements bound the tree a page is parsed into,
// which costs some 500 bytes a node (a 10 MB page of 925,000 elements took
// 960 MB): a page with more than pruneAboveTags '<' is pruned as it is
// tokenized, before the tree is built, to its first maxElements start
// tags (the text of the rest kept, flat) without its inline drawings and
// comments. The most tag-dense of the 4,997 HTML pages of
// ../shared/bench/extraction has 21,646 '<' and 15,793 start tags (99.9th
// percentile 9,887): none comes near either bound, so no page of the
// benchmarks is pruned.
const (
	pruneAboveTags = 100_000
	maxElements    = 50_000
)

// parseHTML parses a page (any encoding; an unclosed <title> repaired) into
// a tree no deeper than about flattenDepth, of at most about maxElements
// elements. A page the parser refuses for its nesting (more than 512
// elements open at once) is parsed again with the start and end tags
// deeper than flattenDepth left out of its tokens.
func parseHTML(body []byte) (*html.Node, error) {
	src := closeTitle(toUTF8(body))
	if bytes.Count(src, []byte("<")) > pruneAboveTags {
		src = pruneTokens(src, pruneLimits{depth: flattenDepth, elements: maxElements, drawings: true})
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil && strings.Contains(err.Error(), "open stack of elements") {
		doc, err = html.Parse(bytes.NewReader(pruneTokens(src, pruneLimits{depth: flattenDepth})))
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

// pruneLimits bound what pruneTokens keeps of a page.
type pruneLimits struct {
	depth    int  // elements opening deeper are left out (their text kept)
	elements int  // start tags kept, at most; 0: no bound
	drawings bool // inline SVG and MathML subtrees and comments left out whole
}

// pruneTokens rewrites a page leaving out, as its tokens go, the tags that
// lim bounds: those of elements that would open deeper than lim.depth
// (counting the elements open: void and self-closing tags open none, an
// end tag closes up to its own start tag), those past the first
// lim.elements start tags, and with lim.drawings inline drawings and
// comments whole. The text is kept, as are the tags of raw-text elements
// (left out, a script's code would become page text) and everything else,
// byte for byte.
func pruneTokens(src []byte, lim pruneLimits) []byte {
	z := html.NewTokenizer(bytes.NewReader(src))
	out := make([]byte, 0, len(src))
	type open struct {
		name    string
		dropped bool
	}
	var stack []open
	kept := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		switch tt {
		case html.CommentToken:
			if lim.drawings {
				continue
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if lim.drawings && drawing[string(name)] || lim.elements > 0 && kept >= lim.elements {
				continue
			}
			kept++
		case html.StartTagToken:
			name, _ := z.TagName()
			if lim.drawings && drawing[string(name)] {
				skipElement(z, string(name))
				continue
			}
			over := lim.elements > 0 && kept >= lim.elements
			if voidElement[string(name)] {
				if over {
					continue
				}
				kept++
				break
			}
			drop := (len(stack) >= lim.depth || over) && !rawTextElement[string(name)]
			stack = append(stack, open{string(name), drop})
			if drop {
				continue
			}
			kept++
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

// drawing are the elements whose subtrees are drawings, not text: inline
// SVG icons hold hundreds of path elements each.
var drawing = map[string]bool{"svg": true, "math": true}

// skipElement reads the tokens of an element whose start tag (name) was
// just read, through its end tag.
func skipElement(z *html.Tokenizer, name string) {
	for depth := 1; depth > 0; {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken:
			if n, _ := z.TagName(); string(n) == name {
				depth++
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); string(n) == name {
				depth--
			}
		}
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
