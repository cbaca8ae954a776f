package eval

// Rebuilt copies of fitting news pages whose article body is split by the
// breaks real sites put in it (session 19's study, a fit option since session 20;
// docs/measurements/extraction.md: "Session 19, article bodies split by breaks"). The dev pages
// mostly hold an article's paragraphs as siblings in one container, so a
// block classifier fitted on them alone learns that what lies outside the
// page's one best container is not the article: a body cut by a teaser, an
// ad slot or a video, by subheaded sections, or nested deeper half way,
// loses its parts outside that container (on the study's rebuilt dev pages
// read by the fold model that never saw their site, 14 of 2,374 pages lost
// a third of their recall or more to the breaks). Fitting with rebuilt
// copies of a share of the fitting pages, the gold unchanged, teaches the
// trees such bodies; the copies are only fitted on, never scored and never
// used to choose a threshold. An option of the fit (`eval extract
// --augment-split`), not in the embedded model: held out at 0.25 the news
// sets gained and cleaneval and wcxb lost (CVOptions.SplitShare).

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/news"
)

// splitShape rebuilds a page's body container (body, its element whose <p>
// children hold the most gold text; paras those gold paragraphs, in order)
// in place; seed varies the rebuild from page to page. It returns false
// when it cannot.
type splitShape func(doc, body *html.Node, paras []*html.Node, seed uint32) bool

// splitShapes are the rebuilds splitCopies chooses among, by a hash of the
// page's path: (a) split by a break, (b) sections with subheadings, (c) the
// second half deeper.
var splitShapes = []splitShape{splitWithBreaks, sectionsWithHeadings, deeperHalf}

// splitCopies returns rebuilt copies (rebuildBody, with one of splitShapes)
// of about share of pages' HTML article pages (Kind "article": the five
// news sets, readability's articles, wcxb's article pages), each with its
// original's set, site, kind and gold, so that a fold that leaves a set or a
// site out leaves its copies out too. The page and its shape are chosen by a
// hash of the page's set and id, so a run is deterministic and a page is
// copied the same way in every fold; a page whose body is not one
// container of four gold paragraphs or more holding half its gold or more
// is not copied (at 0.25, 560 copies of the 2,238 such pages of the eight
// dev sets).
func splitCopies(pages []LabelledPage, share float64) []LabelledPage {
	if share <= 0 {
		return nil
	}
	var out []LabelledPage
	for _, p := range pages {
		if p.Kind != "article" || p.Page.Kind != news.KindHTML {
			continue
		}
		h := fnv.New32a()
		h.Write([]byte("augment/" + p.Set + "/" + p.Page.ID))
		x := h.Sum32()
		if float64(x%1000) >= share*1000 {
			continue
		}
		b := rebuildBody(p.Page.Body, p.Gold, splitShapes[(x/1000)%uint32(len(splitShapes))], p.Page.ID)
		if b == nil {
			continue
		}
		c := p
		c.Page.Body = b
		out = append(out, c)
	}
	return out
}

// rebuildBody parses body, finds its body container (the element whose <p>
// children hold the most of gold's text), rebuilds it with shape (seeded by
// a hash of id) and renders the page again; nil when the page has no
// container of four gold paragraphs or more holding half the gold or more,
// or shape fails. The page's text is kept: only elements are added around
// and between the paragraphs, and the added blocks (breaks, headings) are
// not in the gold.
func rebuildBody(body []byte, gold string, shape splitShape, id string) []byte {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil
	}
	g := collapse(gold)
	var best *html.Node
	var bestParas []*html.Node
	bestChars := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			chars := 0
			var paras []*html.Node
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.P {
					s := collapse(textOf(c))
					if len(s) >= 30 && strings.Contains(g, s[:min(len(s), 60)]) {
						chars += len(s)
						paras = append(paras, c)
					}
				}
			}
			if chars > bestChars {
				best, bestParas, bestChars = n, paras, chars
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// A body of fewer than four gold paragraphs, or holding under half the
	// gold, is not one an article's breaks split.
	if best == nil || len(bestParas) < 4 || 2*bestChars < len(g) {
		return nil
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	if !shape(doc, best, bestParas, h.Sum32()) {
		return nil
	}
	var buf bytes.Buffer
	if err := html.Render(&buf, doc); err != nil {
		return nil
	}
	return buf.Bytes()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// groups cuts body's children into parts at the gold paragraphs that
// begin each part (parts equal shares of the paragraphs).
func groups(body *html.Node, paras []*html.Node, parts int) [][]*html.Node {
	cuts := map[*html.Node]bool{}
	for i := 1; i < parts; i++ {
		cuts[paras[i*len(paras)/parts]] = true
	}
	var out [][]*html.Node
	var cur []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if cuts[c] {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, c)
	}
	return append(out, cur)
}

func elem(tag string, a atom.Atom, attrs ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: a}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: attrs[i], Val: attrs[i+1]})
	}
	return n
}

func withText(n *html.Node, s string) *html.Node {
	n.AppendChild(&html.Node{Type: html.TextNode, Data: s})
	return n
}

// wrapGroups replaces body's children by one wrapper per group, with
// between(i) (or nothing) before group i > 0.
func wrapGroups(body *html.Node, gs [][]*html.Node, wrapper func(i int) *html.Node, between func(i int) *html.Node) {
	for _, g := range gs {
		for _, c := range g {
			body.RemoveChild(c)
		}
	}
	for i, g := range gs {
		if i > 0 && between != nil {
			if b := between(i); b != nil {
				body.AppendChild(b)
			}
		}
		w := wrapper(i)
		for _, c := range g {
			w.AppendChild(c)
		}
		body.AppendChild(w)
	}
}

// splitName is a class name unknown to any fit, different from page to
// page, so that a fit with rebuilt copies cannot learn the rebuilds' own
// names (and a class word is learned only when 20 sites carry it).
func splitName(prefix string, seed uint32) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s%d", prefix, seed)
	return fmt.Sprintf("%s-%x", prefix, h.Sum32()&0xfffff)
}

// breakBlock is one of the blocks German news sites set between an
// article's parts: a "Mehr zum Thema" teaser of links, an ad slot with an
// image, an embedded video.
func breakBlock(kind uint32, i int) *html.Node {
	switch kind % 3 {
	case 0:
		a := elem("aside", atom.Aside, "class", splitName("mzt", kind))
		a.AppendChild(withText(elem("span", atom.Span), "Mehr zum Thema"))
		ul := elem("ul", atom.Ul)
		for j, s := range []string{"Was die neue Regelung für Mieter bedeutet", "Kommentar: Ein überfälliger Schritt", "Alle Entwicklungen im Überblick"} {
			li := elem("li", atom.Li)
			li.AppendChild(withText(elem("a", atom.A, "href", fmt.Sprintf("/politik/artikel-%d-%d.html", i, j)), s))
			ul.AppendChild(li)
		}
		a.AppendChild(ul)
		return a
	case 1:
		d := elem("div", atom.Div, "class", splitName("ad", kind))
		d.AppendChild(withText(elem("span", atom.Span), "Anzeige"))
		d.AppendChild(elem("img", atom.Img, "src", fmt.Sprintf("/ads/banner-%d.jpg", i), "alt", ""))
		return d
	default:
		f := elem("figure", atom.Figure, "class", splitName("emb", kind))
		f.AppendChild(elem("iframe", atom.Iframe, "src", fmt.Sprintf("https://www.youtube.com/embed/x%dZ", i), "width", "640", "height", "360"))
		f.AppendChild(withText(elem("figcaption", atom.Figcaption), "Video: Die Lage vor Ort"))
		return f
	}
}

// splitWithBreaks (a): the body's paragraphs in two or three sibling
// containers with a teaser, ad or embed between them.
func splitWithBreaks(doc, body *html.Node, paras []*html.Node, seed uint32) bool {
	parts := 2 + int(seed%2)
	gs := groups(body, paras, parts)
	wrapGroups(body, gs, func(i int) *html.Node { return elem("div", atom.Div, "class", splitName("txt", seed)) },
		func(i int) *html.Node { return breakBlock(seed/2+uint32(i), i) })
	return true
}

// splitHeadings are the subheadings sectionsWithHeadings adds (the first
// section has none). They are not in the gold: a copy teaches that they are
// not content, and the study takes them out of its output before scoring.
var splitHeadings = []string{"", "Die Hintergründe", "Wie es jetzt weitergeht"}

// sectionsWithHeadings (b): three groups, each in its own <section>, the
// later ones opened by an <h2>.
func sectionsWithHeadings(doc, body *html.Node, paras []*html.Node, seed uint32) bool {
	gs := groups(body, paras, 3)
	wrapGroups(body, gs, func(i int) *html.Node {
		s := elem("section", atom.Section, "class", splitName("sec", seed))
		if i > 0 {
			s.AppendChild(withText(elem("h2", atom.H2), splitHeadings[i]))
		}
		return s
	}, nil)
	return true
}

// deeperHalf (c): the second half of the paragraphs one level deeper, in a
// div of an unknown class.
func deeperHalf(doc, body *html.Node, paras []*html.Node, seed uint32) bool {
	gs := groups(body, paras, 2)
	w := elem("div", atom.Div, "class", splitName("x", seed))
	for _, c := range gs[1] {
		body.RemoveChild(c)
		w.AppendChild(c)
	}
	body.AppendChild(w)
	return true
}
