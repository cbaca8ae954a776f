package extract

import (
	"bytes"
	"fmt"
	"net/url"
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
// The body is cut into blocks (see segment) and the model's block classifier
// gives each the probability that it is main content, from features of the
// block, its ancestry and class/id words, the containers around it, its
// neighbours and the page (see featureNames). The blocks at or above the
// model's threshold (its article threshold on pages it calls articles) are
// the text (see pageThreshold for a page where none is), with those between
// two of them that score nearly as high (bridgeBlocks). Five rules that
// hold on any site stay: blocks in a <nav> are navigation (inNav), a form
// control's own text (<button>, <label>, <legend>) is not read (inControl), blocks the site's template
// knows as repeated on its pages are chrome, a figure caption with a photo
// credit is not article text (isCreditedCaption), and a page whose JSON-LD
// articleBody holds more than twice the words found in its markup renders
// its article by script, so the JSON-LD text is taken. On a page called an
// article without being sure of it, when most of the kept text lies in the
// page's largest list of item boxes, the list's other items are kept with it
// (fillLargestItemRun). A later copy of a long run of the kept blocks, in an
// element of its own (the article rendered again for another layout), is
// dropped (dropCopiedRuns), and so is a hidden block that copies a shown
// one (dropHiddenCopies). A page called an article none of whose blocks
// reaches minArticleTopProb, and of which the fallback would keep a few
// lines only, has no body and keeps no text (hasNoArticleBlock). The
// headline and a byline or date line at the top are dropped
// (dropHeadMatter).
func fromHTML(p news.Page, t *Template, m *Model) (news.Article, []uint64, []int32, bool, error) {
	hp, err := m.readHTMLPage(p)
	if err != nil {
		return news.Article{}, nil, nil, false, err
	}
	pm, a, pb := hp.meta, hp.meta.article(p.URL), hp.blocks
	if pb == nil {
		return a, nil, nil, false, nil
	}
	fps := make([]uint64, len(pb.blocks))
	words := make([]int32, len(pb.blocks))
	for i := range pb.blocks {
		fps[i], words[i] = pb.blocks[i].fp, pb.blocks[i].tokens
	}
	a.Kind = hp.kind
	paras := m.selectBlocks(pb, hp.page, hp.kind, hp.articleProb, t)
	if ld := ldParagraphs(pm.ldBody); len(ld) > 0 && text.WordCount(joinParagraphs(ld)) > 2*text.WordCount(joinParagraphs(paras)) {
		paras = ld // the page renders its article with script; its JSON-LD still holds it
	}
	a.Text = joinParagraphs(dropHeadMatter(paras, a.Title))
	if a.Lang = pm.language(); a.Lang == "" {
		a.Lang = guessLang(a.Text)
	}
	return a, fps, words, hasWords(pb.blocks), nil
}

// htmlPage is an HTML page read as far as the block classifier reads it:
// its metadata, its blocks (nil when it has no <body>), the page part of
// the blocks' features, and the kind the model's kind classifiers call it
// with their article probability ("" and 0 without kind classifiers).
type htmlPage struct {
	meta        pageMeta
	blocks      *pageBlocks
	page        []float64
	kind        string
	articleProb float64
}

// readHTMLPage parses page p and cuts its body into blocks, as fromHTML
// and TraceBlocks read it.
func (m *Model) readHTMLPage(p news.Page) (htmlPage, error) {
	doc, err := parseHTML(p.Body)
	if err != nil {
		return htmlPage{}, fmt.Errorf("parse HTML: %w", err)
	}
	hp := htmlPage{meta: readMeta(doc)}
	hp.meta.read = p.Fetched
	body0 := findBody(doc)
	if body0 == nil {
		return hp, nil
	}
	pb := segmentPageSized(body0, m.wordID, m.textWordID, hp.meta.elements)
	pb.titles = hp.meta.headlineTitles(p.URL)
	pb.wholeTitles = hp.meta.wholeTitles()
	hp.blocks = pb
	// The block features read the address the caller gave, not the one a
	// saved page's comment records (pm.address): the model was fitted so.
	lt := ldTypes(p.Body)
	pb.forumMarkup = pb.forumMarkup || ldNamesForumPosting(lt)
	pb.keepComments = p.KeepComments
	pb.ogProduct = isProductOGType(hp.meta.get("og:type"))
	pb.offerMarkup = pb.offerMarkup || ldNamesOffer(lt)
	pb.readItemDeclarations(lt, hp.meta.get("og:type"))
	hp.page = pageFeatures(pb, pageCues{ldTypes: lt, ogType: hp.meta.get("og:type"), url: hp.meta.articleURL(p.URL)})
	if len(m.Kinds) > 0 {
		kp := kindProbs(m.Kinds, hp.page)
		hp.kind, hp.articleProb = kindOfProbs(kp), kp[0] // pageKinds[0] is kindArticle
	}
	if m.givenKind != "" {
		hp.kind = m.givenKind // the article probability stays the classifiers' (see ReadAsKind)
	}
	return hp, nil
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
// The title is closed where its first line ends, as its author meant. A
// "</title" that runs on into other letters ("</titlevalue=...", a template
// tool's mangled output) closes nothing for the parser, so it does not
// count as a close.
func closeTitle(body []byte) []byte {
	loc := titleOpen.FindIndex(body)
	if loc == nil || hasTitleEnd(body[loc[1]:]) {
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

// hasTitleEnd reports whether b holds an end tag the HTML tokenizer takes
// as the title's: "</title" followed by white space, "/" or ">".
func hasTitleEnd(b []byte) bool {
	for i := 0; ; {
		j := indexFold(b[i:], "</title")
		if j < 0 {
			return false
		}
		i += j + len("</title")
		if i == len(b) {
			return false
		}
		switch b[i] {
		case ' ', '\t', '\n', '\f', '\r', '/', '>':
			return true
		}
	}
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

// isHiddenStyle reports whether an inline style hides the element.
func isHiddenStyle(style string) bool {
	if style == "" {
		return false
	}
	l := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(l, "display:none") || strings.Contains(l, "visibility:hidden")
}

// isArticleBody reports whether schema.org microdata marks n as the article's
// text.
func isArticleBody(n *html.Node) bool {
	p := attr(n, "itemprop")
	return strings.EqualFold(p, "articleBody") || strings.EqualFold(p, "reviewBody")
}

// blockTags start a new paragraph in the emitted text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Main: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Br: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Form: true, atom.Fieldset: true, atom.Tbody: true,
}

// ldParagraphs splits a JSON-LD articleBody into paragraphs; it may hold
// markup, which is reduced to its text.
func ldParagraphs(body string) []string {
	if strings.TrimSpace(body) == "" {
		return nil
	}
	if strings.Contains(body, "<") {
		if doc, err := parseHTML([]byte(body)); err == nil {
			if b := findBody(doc); b != nil {
				return allBlocks(segment(b, nil, nil))
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
// at the top of the body. A paragraph is the headline when it reads as the
// title does once its invisible characters are dropped (readerTitle): the
// title is given without them, the page's headline block keeps them.
func dropHeadMatter(paras []string, title string) []string {
	out := paras[:0]
	for i, p := range paras {
		if i < 5 && (strings.EqualFold(readerTitle(p), title) || isBylineOrDate(p)) {
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

// absURL resolves ref against base to an http(s) address, "" when there
// is none.
func absURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	abs := ref
	if !u.IsAbs() {
		if base == "" {
			return ""
		}
		if abs = resolve(base, ref); abs == "" {
			return ""
		}
		u, _ = url.Parse(abs) // resolve's own output parses
	}
	// A reference that resolves to no web address ("A:", "mailto:...",
	// "http://" alone) names no page: the caller falls back to the page's
	// own URL.
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return abs
}

// allBlocks is the text of every block.
func allBlocks(pb *pageBlocks) []string {
	out := make([]string, len(pb.blocks))
	for i := range pb.blocks {
		out[i] = pb.blocks[i].text
	}
	return out
}

// hasWords reports whether any block holds a word: a page of markup, control
// characters or punctuation alone has no visible text.
func hasWords(blocks []block) bool {
	for i := range blocks {
		if blocks[i].tokens > 0 {
			return true
		}
	}
	return false
}

// classOf is an element's class and id, lower case.
func classOf(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}
