package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// fromHTML extracts the article from an HTML document.
//
// Content selection scores containers by the paragraphs they hold, in the
// manner of Arc90's Readability: each paragraph-like block of 25+ characters
// is worth 1 + its commas + min(chars/100, 3); its parent gets the full worth,
// the grandparent half, the great-grandparent a quarter. A container starts from
// its tag (div +5; pre, td, blockquote +3; lists and forms -3; headings -5)
// and its class and id (+25 when they read like content, -25 when they read
// like chrome), and its final score is multiplied by 1 - link density. The best
// container is kept with those siblings that score at least a fifth of it, and
// its blocks are emitted as paragraphs, without link lists and chrome.
//
// With a site template, blocks the site repeats on its pages count for no
// container and are dropped as chrome.
func fromHTML(body []byte, pageURL string, t *Template) (news.Article, []uint64, error) {
	doc, err := html.Parse(bytes.NewReader(closeTitle(toUTF8(body))))
	if err != nil {
		return news.Article{}, nil, fmt.Errorf("parse HTML: %w", err)
	}
	pm := readMeta(doc)
	a := pm.article(pageURL)
	body0 := findBody(doc)
	if body0 == nil {
		return a, nil, nil
	}
	m := map[*html.Node]stats{}
	total := measure(body0, false, m, 0)
	prune(body0, func(n *html.Node) bool {
		// A container that holds a third of the page's text, or several
		// paragraphs of prose, is a layout wrapper ("with-sidebar-right",
		// "js-pagination"), whatever its class says; comment sections,
		// galleries and related stories are prose too, and stay chrome.
		st := m[n]
		if linkDensity(st) >= 0.5 {
			return false
		}
		if st.chars*3 >= total.chars || !strongChrome.match(classOf(n)) && proseParagraphs(n, m) >= 3 {
			return true
		}
		// A "caption" of several sentences without a photo credit describes
		// the embedded video or story: content, unlike a photo's caption.
		if strings.Contains(classOf(n), "caption") && st.chars >= 250 {
			t := cleanSpace(textOf(n))
			return !photoCredit.MatchString(t) && len(text.Sentences(t)) >= 2
		}
		return false
	})
	var fps []uint64
	for _, b := range collectBlocks([]*html.Node{body0}) {
		fps = append(fps, Fingerprint(b.text))
	}
	paras := trimToRun(collectBlocks(selectContent(body0, t)), t)
	if ld := ldParagraphs(pm.ldBody); text.WordCount(joinParagraphs(ld)) > 2*text.WordCount(joinParagraphs(paras)) {
		paras = ld // the page renders its article with script; its JSON-LD still holds it
	}
	a.Text = joinParagraphs(dropHeadMatter(paras, a.Title))
	a.Lang = firstNonEmpty(pm.language(), guessLang(a.Text))
	return a, fps, nil
}

var titleOpen = regexp.MustCompile(`<(?:title|TITLE|Title)[^>]*>`)

// indexFold finds an ASCII needle that begins with '<' in b, ignoring case.
func indexFold(b []byte, needle string) int {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if len(b)-i >= len(needle) && strings.EqualFold(string(b[i:i+len(needle)]), needle) {
			return i
		}
		i++
	}
}

// closeTitle repairs a page that opens <title> and never closes it: HTML5
// would read the rest of the document as the title's text, leaving no body.
// The title is closed where its first line ends, as its author meant.
func closeTitle(body []byte) []byte {
	loc := titleOpen.FindIndex(body)
	if loc == nil || indexFold(body[loc[1]:], "</title") >= 0 {
		return body
	}
	end := bytes.IndexAny(body[loc[1]:], "\n<")
	if end < 0 {
		return body
	}
	end += loc[1]
	out := make([]byte, 0, len(body)+8)
	out = append(out, body[:end]...)
	out = append(out, "</title>"...)
	return append(out, body[end:]...)
}

// toUTF8 decodes a page to UTF-8: valid UTF-8 is taken as it is (declarations
// on old pages are often wrong); otherwise the BOM, the <meta> declaration, or
// windows-1252 decide.
func toUTF8(body []byte) []byte {
	if utf8.Valid(body) {
		return body
	}
	enc, _, _ := charset.DetermineEncoding(body, "")
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	return out
}

func findBody(doc *html.Node) *html.Node {
	var body *html.Node
	walk(doc, 0, func(n *html.Node) bool {
		if body != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			return false
		}
		return true
	})
	return body
}

// dropTags never hold article text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Button: true,
	atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Figcaption: true, atom.Figure: true, atom.Audio: true, atom.Video: true,
	atom.Label: true, atom.Menu: true, atom.Dialog: true,
}

var (
	// chromeClass and contentClass read an element's class and id. Parts
	// match anywhere ("related-links"), words only as a whole hyphen- or
	// underscore-separated token ("ad", "tags"), prefixes at a token's start
	// ("nav" in "navbar").
	chromeClass = classPattern{
		parts: []string{"comment", "share", "sharing", "social", "related", "newsletter", "subscription", "promo", "advert",
			"sidebar", "footer", "menu", "cookie", "popup", "modal", "breadcrumb", "byline", "author", "most-read", "mostread",
			"popular", "recommend", "outbrain", "taboola", "sponsor", "widget", "banner", "masthead", "disclaimer", "caption",
			"credit", "toolbar", "pagination", "pager", "signup", "login", "skip", "jump", "hidden", "dateline", "timestamp",
			"metadata", "meta-data", "teaser", "more-stories", "morestories", "read-more", "readmore", "paywall", "donat", "member",
			"gallery", "slideshow", "carousel"},
		words:    []string{"ad", "ads", "tag", "tags"},
		prefixes: []string{"nav", "print", "rss"},
		// "subscribe" is a call to action, "subscriber" a paywall wrapper around the text.
		except: func(l string) bool { return strings.Contains(strings.ReplaceAll(l, "subscriber", ""), "subscribe") },
	}
	// strongChrome names containers of prose that is not the article, which
	// the "several paragraphs of prose" guard must not keep (an explicit
	// content class still does: "article-content photo-gallery").
	strongChrome = classPattern{parts: []string{"comment", "gallery", "slideshow", "carousel", "related"}}
	contentClass = classPattern{
		parts:    []string{"article", "content", "entry", "main", "story", "blog"},
		prefixes: []string{"body", "page", "post", "text"},
	}
	paragraphTags = map[atom.Atom]bool{atom.P: true, atom.Pre: true, atom.Td: true, atom.Blockquote: true}
)

// prune removes elements that never hold the article: scripts, forms' controls,
// navigation and asides, hidden elements, and containers whose class, id or
// role reads like chrome (unless it also reads like content, or keep says the
// container is too large to be chrome).
func prune(n *html.Node, keep func(*html.Node) bool) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type == html.CommentNode || (c.Type == html.ElementNode && isChrome(c, keep)) {
			n.RemoveChild(c)
			continue
		}
		prune(c, keep)
	}
}

func isChrome(n *html.Node, keep func(*html.Node) bool) bool {
	if dropTags[n.DataAtom] && n.DataAtom != atom.Aside && n.DataAtom != atom.Footer && n.DataAtom != atom.Nav {
		return true
	}
	if keep(n) || isArticleBody(n) {
		return false
	}
	if dropTags[n.DataAtom] {
		return true
	}
	if attr(n, "hidden") != "" || isHiddenStyle(attr(n, "style")) || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	if n.DataAtom == atom.A || n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	role := strings.ToLower(attr(n, "role"))
	if role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo" || role == "dialog" {
		return true
	}
	class := classOf(n)
	return class != "" && chromeClass.match(class) && !contentClass.match(class)
}

// proseParagraphs counts the <p> elements below n with 80 characters or
// more and little link text.
func proseParagraphs(n *html.Node, m map[*html.Node]stats) int {
	count := 0
	walk(n, 0, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.P {
			if st := m[c]; st.chars >= 80 && linkDensity(st) < 0.2 {
				count++
			}
			return false
		}
		return true
	})
	return count
}

// isHiddenStyle reports whether an inline style hides the element.
func isHiddenStyle(style string) bool {
	if style == "" {
		return false
	}
	l := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(l, "display:none") || strings.Contains(l, "visibility:hidden")
}

// classOf is an element's class and id, lower case.
func classOf(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// classPattern recognises words in lower-case class and id strings.
type classPattern struct {
	parts    []string          // anywhere
	words    []string          // a whole token
	prefixes []string          // at a token's start
	except   func(string) bool // extra test, matches too
}

func (p classPattern) match(l string) bool {
	for _, s := range p.parts {
		if strings.Contains(l, s) {
			return true
		}
	}
	if p.except != nil && p.except(l) {
		return true
	}
	if len(p.words) == 0 && len(p.prefixes) == 0 {
		return false
	}
	for _, tok := range strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		for _, w := range p.words {
			if tok == w {
				return true
			}
		}
		for _, pre := range p.prefixes {
			if strings.HasPrefix(tok, pre) {
				return true
			}
		}
	}
	return false
}

// stats are the text measures of one node's subtree.
type stats struct {
	chars, linkChars int
}

func measure(n *html.Node, inLink bool, m map[*html.Node]stats, depth int) stats {
	var s stats
	if depth > maxDepth {
		return s
	}
	if n.Type == html.TextNode {
		c := utf8.RuneCountInString(strings.TrimSpace(n.Data))
		s.chars = c
		if inLink {
			s.linkChars = c
		}
		return s
	}
	link := inLink || n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := measure(c, link, m, depth+1)
		s.chars += cs.chars
		s.linkChars += cs.linkChars
	}
	m[n] = s
	return s
}

func linkDensity(s stats) float64 {
	if s.chars == 0 {
		return 0
	}
	return float64(s.linkChars) / float64(s.chars)
}

// selectContent returns the nodes that hold the article, in document order.
func selectContent(body *html.Node, tmpl *Template) []*html.Node {
	m := map[*html.Node]stats{}
	measure(body, false, m, 0)
	scores := map[*html.Node]float64{}
	var order []*html.Node
	walk(body, 0, func(n *html.Node) bool {
		if n.Type != html.ElementNode || !isParagraphLike(n) {
			return true
		}
		t := textOf(n)
		chars := m[n].chars
		if chars < 25 || tmpl != nil && tmpl.Boilerplate(Fingerprint(t)) {
			return true
		}
		worth := 1 + float64(strings.Count(t, ",")+strings.Count(t, "，")+strings.Count(t, "、")) + min(float64(chars)/100, 3)
		level := 0
		for anc := n.Parent; anc != nil && level < 3; anc = anc.Parent {
			if anc.Type != html.ElementNode {
				break
			}
			if _, ok := scores[anc]; !ok {
				scores[anc] = initialScore(anc)
				order = append(order, anc)
			}
			scores[anc] += worth / float64(max(1, level*2))
			level++
		}
		return n.DataAtom != atom.Td // a td's inner paragraphs count for themselves
	})
	var top *html.Node
	best := 0.0
	for _, n := range order {
		s := scores[n] * (1 - linkDensity(m[n]))
		scores[n] = s
		if s > best {
			top, best = n, s
		}
	}
	if top == nil {
		return []*html.Node{body}
	}
	// Articles split over sibling containers: keep siblings that score well or
	// read as paragraphs.
	threshold := max(10, best*0.2)
	var out []*html.Node
	for sib := top.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
		if sib == top {
			out = append(out, sib)
			continue
		}
		if sib.Type != html.ElementNode {
			continue
		}
		st := m[sib]
		bonus := 0.0
		if c := attr(top, "class"); c != "" && attr(sib, "class") == c {
			bonus = best * 0.2
		}
		if s, ok := scores[sib]; ok && s+bonus >= threshold {
			out = append(out, sib)
			continue
		}
		if sib.DataAtom == atom.P {
			ld := linkDensity(st)
			if (st.chars > 80 && ld < 0.25) || (st.chars > 0 && ld == 0 && endsSentence(textOf(sib))) {
				out = append(out, sib)
			}
		}
	}
	return out
}

// isParagraphLike reports whether n is a block whose own text makes a
// paragraph: p, pre, td, blockquote, or a div/section without block children.
func isParagraphLike(n *html.Node) bool {
	if paragraphTags[n.DataAtom] {
		return true
	}
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Span {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return false
		}
	}
	return n.DataAtom != atom.Span
}

// isArticleBody reports whether schema.org microdata marks n as the article's
// text.
func isArticleBody(n *html.Node) bool {
	p := attr(n, "itemprop")
	return strings.EqualFold(p, "articleBody") || strings.EqualFold(p, "reviewBody")
}

func initialScore(n *html.Node) float64 {
	s := 0.0
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main, atom.Section:
		s = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s = -5
	}
	if class := classOf(n); class != "" {
		if contentClass.match(class) {
			s += 25
		}
		if chromeClass.match(class) {
			s -= 25
		}
	}
	if isArticleBody(n) {
		s += 40
	}
	return s
}

// blockTags start a new paragraph in the emitted text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Main: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Br: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Form: true, atom.Fieldset: true, atom.Tbody: true,
}

// block is one emitted paragraph with its link text share.
type block struct {
	text        string
	linkChars   int
	boilerplate bool // the site repeats it on its pages
}

// collectBlocks emits the text blocks below the given nodes.
func collectBlocks(nodes []*html.Node) []block {
	var blocks []block
	var cur strings.Builder
	linkChars := 0
	flush := func() {
		if t := cleanSpace(cur.String()); t != "" {
			blocks = append(blocks, block{text: t, linkChars: linkChars})
		}
		cur.Reset()
		linkChars = 0
	}
	var emit func(n *html.Node, inLink bool, depth int)
	emit = func(n *html.Node, inLink bool, depth int) {
		if depth > maxDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink {
				linkChars += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			}
			return
		case html.ElementNode:
			if blockTags[n.DataAtom] {
				flush()
				defer flush()
			}
			inLink = inLink || n.DataAtom == atom.A
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			emit(c, inLink, depth+1)
		}
	}
	for _, n := range nodes {
		emit(n, false, 0)
		flush()
	}
	return blocks
}

// paragraphsOf emits the article paragraphs below the given nodes.
func paragraphsOf(nodes []*html.Node) []string { return trimToRun(collectBlocks(nodes), nil) }

// trimToRun keeps the article's blocks out of the selected containers: each
// block is scored as a text-dump line is (see Text), a block that is mostly
// link text as a menu entry, and the run with the largest total is kept. This
// drops the teaser lists and link rows that table layouts put in the same
// cell as the article. Without any prose block, every block that passes
// keepBlock is kept.
func trimToRun(blocks []block, t *Template) []string {
	lines := make([]line, len(blocks))
	for i, b := range blocks {
		lines[i] = scoreBlock(b.text)
		switch {
		case t != nil && t.Boilerplate(Fingerprint(b.text)):
			lines[i].score = -(10 + 3*float64(lines[i].words))
			lines[i].chrome++
			blocks[i].boilerplate = true
		case b.linkChars*2 > utf8.RuneCountInString(b.text) && lines[i].words < 40:
			lines[i].score = -(10 + 3*float64(lines[i].words))
		case lines[i].score < 0 && lines[i].chrome == 0:
			// Not prose, but no sign of chrome either: in markup that has
			// already been chosen as the article, a caption or a short line.
			lines[i].score = -1
		}
	}
	start, end := bestRun(lines)
	var out []string
	if start < 0 {
		for i, b := range blocks {
			if keepBlock(b, lines[i]) && !b.boilerplate {
				out = append(out, b.text)
			}
		}
		return out
	}
	for i := start; i < end; i++ {
		if keepBlock(blocks[i], lines[i]) && !blocks[i].boilerplate {
			out = append(out, blocks[i].text)
		}
	}
	return out
}

// keepBlock reports whether a block of the chosen container is article text;
// l is the block as scoreBlock measured it.
func keepBlock(b block, l line) bool {
	words := l.words
	if words == 0 {
		return false
	}
	if float64(b.linkChars) > 0.5*float64(utf8.RuneCountInString(b.text)) && words < 40 {
		return false
	}
	if c := l.chrome; c > 0 && words < 20*c {
		return false
	}
	return words > 60 || !photoCredit.MatchString(b.text)
}

// ldParagraphs splits a JSON-LD articleBody into paragraphs; it may hold
// markup, which is reduced to its text.
func ldParagraphs(body string) []string {
	if strings.TrimSpace(body) == "" {
		return nil
	}
	if strings.Contains(body, "<") {
		if doc, err := html.Parse(strings.NewReader(body)); err == nil {
			if b := findBody(doc); b != nil {
				return paragraphsOf([]*html.Node{b})
			}
		}
	}
	var out []string
	for _, p := range strings.Split(body, "\n") {
		if p = cleanSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dropHeadMatter removes the headline, bylines and bare dates that pages repeat
// at the top of the body.
func dropHeadMatter(paras []string, title string) []string {
	out := paras[:0]
	for i, p := range paras {
		if i < 5 && (strings.EqualFold(p, title) || isBylineOrDate(p)) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func absURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
		return ref
	}
	if base == "" {
		return ""
	}
	return resolve(base, ref)
}
