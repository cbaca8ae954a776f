package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// heading is a heading (h1-h3) or an element whose markup says it holds a
// title (itemprop="headline", a class such as "entry-title"), with what the
// title ranker reads of its place in the page.
type heading struct {
	text      string
	level     int // 1-3, 0 for a marked element that is no heading
	at        int // position in the document walk
	textIdx   int // visible text nodes before it
	marked    bool
	inLink    bool // inside a link
	inChrome  bool // inside nav, footer, aside or a menu, sidebar, widget...
	inHeader  bool // inside a <header>
	siteClass bool // it or a container is a logo, brand or site title
}

// maxHeadings bounds the headings kept of each kind: the headline is near
// the top, and pages of hundreds of headings (documentation, listings)
// should not cost more than a few dozen.
const maxHeadings = 24

// addHeading records a heading of the given level (0: a marked element).
func (pm *pageMeta) addHeading(n *html.Node, level, at int) {
	count := 0
	for _, h := range pm.heads {
		if h.level == level {
			count++
		}
	}
	if count >= maxHeadings {
		return
	}
	t := cleanHeading(headingText(n))
	if t == "" || utf8.RuneCountInString(t) > 300 {
		return
	}
	h := heading{text: t, level: level, at: at, textIdx: len(pm.words), marked: level == 0 || isTitleMarked(n)}
	h.inLink, h.inChrome, h.inHeader, h.siteClass = headingPlace(n)
	pm.heads = append(pm.heads, h)
}

// countWords adds a visible text node to the running word counts, and
// the first texts of prose to the page's prose sample (proseLang).
func (pm *pageMeta) countWords(t string) {
	w := int32(fieldCount(t))
	if w >= minProseWords && len(pm.proseBuf) < maxProseSample {
		pm.proseBuf = append(append(pm.proseBuf, t...), '\n')
	}
	var total, prose int32
	if k := len(pm.words); k > 0 {
		total, prose = pm.words[k-1], pm.proseWords[k-1]
	}
	pm.words = append(pm.words, total+w)
	if w >= minProseWords {
		prose += w
	}
	pm.proseWords = append(pm.proseWords, prose)
}

// fieldCount is len(strings.Fields(s)) without building the fields: the
// runs of runes that are not white space (unicode.IsSpace).
func fieldCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			n++
			in = true
		}
	}
	return n
}

// proseAfter counts the words of prose (text nodes of ten words or more)
// among the span text nodes that follow position textIdx.
func (pm pageMeta) proseAfter(textIdx, span int) int {
	if textIdx >= len(pm.proseWords) {
		return 0
	}
	end := min(len(pm.proseWords)-1, textIdx+span)
	before := int32(0)
	if textIdx > 0 {
		before = pm.proseWords[textIdx-1]
	}
	return int(pm.proseWords[end] - before)
}

// isTitleMarked reports whether an element's markup says it holds a
// page's or a post's title: itemprop="headline" or "name" on a heading, a
// class or id token naming a title or headline ("entry-title",
// "article__headline").
func isTitleMarked(n *html.Node) bool {
	return isTitleMarkedAs(n, classAndID(n))
}

// isTitleMarkedAs is isTitleMarked for an element whose classAndID is c,
// for a caller that has it already.
func isTitleMarkedAs(n *html.Node, c string) bool {
	if ip := strings.ToLower(attr(n, "itemprop")); ip == "headline" {
		return true
	}
	if c == "" {
		return false
	}
	// The tokens between spaces, underscores and hyphens, cut byte by byte:
	// the three are ASCII, so no other character's bytes hold them, and
	// strings.FieldsFuncSeq decoded every rune of every element's class.
	start := -1
	for i := 0; i <= len(c); i++ {
		if i < len(c) && c[i] != ' ' && c[i] != '_' && c[i] != '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && isTitleToken(c[start:i]) {
			return n.DataAtom != atom.A && n.DataAtom != atom.Img && n.DataAtom != atom.Input
		}
		start = -1
	}
	return false
}

// isTitleToken reports whether a class or id token (lower case, cut at
// spaces, hyphens and underscores) names a title: one of the usual names
// ("entry-title", "headline"), or a token run together from a word and
// "headline", "heading" or a closing "title" or "head" ("contentheading",
// "storyhead", "headline2", "articaltitle", "lbltitle"): the only marks of
// the headline on many pages of 2008, whose headline is a styled <td>,
// <span> or <font> (l3s-gn1's gold was among no candidate on 151 of 605
// pages, 19 of 63 read had such a class). A subtitle's, the site's or a
// box's title is not the page's ("subtitle", "sitetitle", "boxtitle").
func isTitleToken(tok string) bool {
	switch tok {
	case "title", "headline", "entrytitle", "posttitle", "pagetitle", "articletitle", "storytitle", "heading":
		return true
	}
	if len(tok) < 5 || !namesTitleWord(tok) {
		return false // most tokens: the exclusions below need not be read
	}
	for _, not := range []string{"sub", "site", "box", "block", "module", "widget", "section", "menu", "nav", "side", "foot", "logo", "brand", "mast", "header"} {
		if strings.Contains(tok, not) {
			return false
		}
	}
	// a table's head, "ahead", "overhead"
	return tok != "thead" && !strings.HasSuffix(tok, "ahead") && !strings.HasSuffix(tok, "overhead")
}

// namesTitleWord reports whether a token holds "headline" or "heading" or
// ends in "title" or "head": isTitleToken's condition, read before its
// exclusions.
func namesTitleWord(tok string) bool {
	return strings.Contains(tok, "headline") || strings.Contains(tok, "heading") ||
		strings.HasSuffix(tok, "title") || strings.HasSuffix(tok, "head")
}

// holdsAnyOf reports whether a class or an id holds one of words, reading
// no further than the first found.
func holdsAnyOf(class, id string, words []string) bool {
	for _, w := range words {
		if strings.Contains(class, w) || strings.Contains(id, w) {
			return true
		}
	}
	return false
}

// headingPlace reads where a heading sits: inside a link, inside page
// chrome (nav, footer, aside, a menu or sidebar), inside a <header>, and
// whether it or a container is the site's logo or brand.
func headingPlace(n *html.Node) (inLink, inChrome, inHeader, siteClass bool) {
	depth := 0
	for p := n; p != nil && p.Type == html.ElementNode && depth < 14; p, depth = p.Parent, depth+1 {
		switch p.DataAtom {
		case atom.A:
			inLink = true
		case atom.Nav, atom.Footer, atom.Aside:
			inChrome = true
		case atom.Header:
			inHeader = true
		}
		// The class and the id apart, as classAndID joins them: no word
		// below has a space, so none is found across the join.
		class, id := strings.ToLower(attr(p, "class")), strings.ToLower(attr(p, "id"))
		if class == "" && id == "" {
			continue
		}
		siteClass = siteClass || holdsAnyOf(class, id, []string{"logo", "brand", "site-title", "sitetitle", "site-name", "sitename", "masthead"})
		inChrome = inChrome || holdsAnyOf(class, id, []string{"nav", "menu", "footer", "sidebar", "widget", "related", "breadcrumb", "modal", "popup", "teaser", "card", "promo"})
	}
	return inLink, inChrome, inHeader, siteClass
}
