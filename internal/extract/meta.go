package extract

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/news"
)

// pageMeta is what a document says about itself outside its body text: its
// meta tags, schema.org data, headings, <time> elements and the short dated
// texts of its page header, gathered in one walk of the document.
type pageMeta struct {
	doc           *html.Node
	meta          map[string]string // meta property/name/itemprop (lower case) -> content, first wins
	title         string            // <title>
	h1s           []string
	h1At          int // document position of the first <h1>, -1 when none
	lang          string
	canonical     string
	savedFrom     string            // the address a browser's "saved from url" comment records
	shared        map[string]int    // addresses the page's share links name, counted (readShareLink)
	ld            []ldObject        // schema.org objects from JSON-LD, in document order
	ldNamesByID   map[string]string // names of JSON-LD objects by @id, to resolve {"@id": ...} references
	ldBody        string            // the longest JSON-LD articleBody
	items         []itemDate        // elements marked up with itemprop datePublished/dateModified
	times         []dated           // <time> elements
	texts         []dated           // short visible texts holding a digit (date candidates)
	splitJoined   *html.Node        // the last element whose texts readSplitDate joined into one date
	scriptDates   []string          // publication dates in the JSON of scripts and attributes (readScriptDates)
	relTitles     []dated           // the title or datetime of elements that show a relative time (readRelativeTitle)
	attrJSONDates []dated           // creation and posting times of JSON in attributes (readAttrJSONDates)
	pubAttr       *dated            // the first attribute named for a publication or creation time whose value is a day (readPubAttr)
	pubAttrTime   time.Time         // pubAttr's value as read (parsePubAttrValue)
	pubAttrList   bool              // pubAttr's name is also on an element of another day: a list's items (readPubAttr)
	prose         string            // the page's first texts of minProseWords words or more, up to maxProseSample bytes (proseLang)
	proseBuf      []byte            // prose as countWords writes it during readMeta's walk: one growing buffer, not a string copied whole for every text
	shorts        []dated           // short visible texts (byline candidates near the headline)
	shortParents  []*html.Node      // the element holding each of shorts, to read its markup
	shapes        []nameShape       // the name shape of each of shorts once read (readNameShapes), else nil
	bylines       []bylineMark
	profiles      []dated        // links to a user's or author's profile page (readProfileLink), their texts
	appPoster     string         // a forum thread's first poster in the app state a data-preloaded attribute holds (readPreloadedPoster)
	links         map[string]int // hosts of absolute links, counted
	heads         []heading      // headings and elements marked as a title, in document order
	nodes         int            // nodes walked
	elements      int            // element nodes walked: the segmenter's size hint (segmentPageSized)
	read          time.Time      // when the page was captured (news.Page.Fetched), zero when unknown: see readTime
	// words and proseWords count the words of the visible text nodes up to
	// each one (proseWords only those of nodes of ten words or more), so
	// that the text after a heading can be measured.
	words, proseWords []int32
	// visible holds the short visible texts (lower case, spaces folded)
	// with where each first appears, to tell a title shown on the page
	// from one that is only in the metadata.
	visible map[string]visibleText
	// shownAlso holds the visible texts whose shownKey is not their
	// visibleKey (curly quotes, a dash, a closing period or ellipsis), so
	// that shows finds them in one look-up.
	shownAlso map[string]struct{}
}

// visibleText is where a short visible text first appears, and how often.
type visibleText struct {
	at, textIdx, count int
}

// Visible texts of between minVisible and maxVisible bytes are kept: a
// headline is rarely shorter than two short words, and maxTitleRunes
// bounds the candidates they are compared with.
const (
	minVisible = 4
	maxVisible = 4 * maxTitleRunes
)

// ldObject is one schema.org object of a page's JSON-LD.
type ldObject struct {
	id                          string
	types                       string // lower case, space separated
	headline, name              string
	published, created, updated string
	authorRefs, publisherRefs   []any // names, objects with a name, or {"@id"} references
}

// names resolves JSON-LD person or organisation values to their names.
func (pm pageMeta) names(refs []any) []string {
	var out []string
	for _, r := range refs {
		if m, ok := r.(map[string]any); ok {
			if id, ok := m["@id"].(string); ok && ldText(m["name"]) == "" {
				if name := pm.ldNamesByID[id]; name != "" {
					out = append(out, name)
				}
				continue
			}
		}
		out = append(out, ldNames(r)...)
	}
	return out
}

// ldNonPersonNames are the names (lower case, as cleanNames writes a
// byline candidate's) of the JSON-LD values refs typed as something other
// than a person: an Organization or a wire service listed as an author
// beside the reporters, directly or by an {"@id"} reference. A plain name
// or an object without a type is not among them.
func (pm pageMeta) ldNonPersonNames(refs []any) map[string]bool {
	out := map[string]bool{}
	if len(refs) == 0 {
		return out
	}
	typesByID := pm.ldTypesByID()
	for _, r := range refs {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		types := strings.ToLower(strings.Join(ldStrings(m["@type"]), " "))
		if id, ok := m["@id"].(string); ok && types == "" {
			types = typesByID[id]
		}
		if types == "" || typesPerson(types) {
			continue
		}
		for _, n := range cleanNames(pm.names([]any{r})) {
			out[strings.ToLower(n)] = true
		}
	}
	return out
}

// ldTypesByID are the types (lower case, space separated) of the page's
// JSON-LD objects by @id, the first typed object of each: one map, so that
// a list of many references is read in one pass over the objects.
func (pm pageMeta) ldTypesByID() map[string]string {
	out := map[string]string{}
	for _, o := range pm.ld {
		if _, seen := out[o.id]; o.id != "" && o.types != "" && !seen {
			out[o.id] = o.types
		}
	}
	return out
}

// typesPerson reports whether JSON-LD types (lower case, space separated,
// each a name or an address: "person", "https://schema.org/person") hold
// schema.org's Person.
func typesPerson(types string) bool {
	for t := range strings.FieldsSeq(types) {
		if schemaTypeName(t) == "person" {
			return true
		}
	}
	return false
}

// publisher is the name of the object's publisher, "" when none.
func (pm pageMeta) publisher(o ldObject) string {
	if p := pm.names(o.publisherRefs); len(p) > 0 {
		return p[0]
	}
	return ""
}

// ldValues flattens a JSON-LD value that may be one value or a list.
func ldValues(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// itemDate is a microdata date: <meta itemprop="datePublished" content>,
// <time itemprop="datePublished" datetime> or an element's text.
type itemDate struct {
	value   string
	updated bool
}

// dated is a piece of the page that may hold a date: its text (or datetime
// attribute), its position in the document, the text just before it (a
// label such as "Updated:") and its element's class.
type dated struct {
	value, label, class string
	at                  int
	comment             bool // inside a comment thread (inCommentRegion)
}

// bylineMark is an element marked as naming the author: rel=author,
// itemprop=author, or a class or id saying byline or author.
type bylineMark struct {
	text    string
	strong  bool // rel/itemprop, not only a class
	kind    int  // markRel, markItemprop, markByline or markAuthor
	at      int
	comment bool       // inside a comment thread (inCommentRegion): a commenter's name and date
	node    *html.Node // the element, to read what stands between it and the next (markGroups)
}

// How an element says it names the author.
const (
	markRel      = iota // rel="author"
	markItemprop        // itemprop="author"
	markByline          // a class or id with "byline" or "author-name"
	markAuthor          // another class or id with "author"
)

// maxDatedText is the longest text kept as a date candidate: a dateline
// ("Published 12 March 2024, 10:41 CET", "By Jane Doe | Updated ...") is
// short, a paragraph that happens to mention a date is not.
const maxDatedText = 160

// maxBylineText is the longest text read as a byline ("By Jane Doe and
// John Roe, Staff Writers").
const maxBylineText = 120

func readMeta(doc *html.Node) pageMeta {
	pm := pageMeta{doc: doc, meta: map[string]string{}, h1At: -1, links: map[string]int{}, ldNamesByID: map[string]string{},
		visible: map[string]visibleText{}, shownAlso: map[string]struct{}{}}
	at := 0
	prevText := ""
	walk(doc, 0, func(n *html.Node) bool {
		at++
		if n.Type == html.TextNode {
			t := strings.TrimSpace(n.Data)
			if t == "" {
				return true
			}
			if len(t) >= minVisible && len(t) <= maxVisible {
				pm.addVisible(t, at)
			}
			pm.countWords(t)
			if len(t) <= maxDatedText && strings.ContainsAny(t, "0123456789") {
				pm.texts = append(pm.texts, dated{value: t, label: prevText, at: at, class: classAndID(n.Parent), comment: inCommentRegion(n.Parent)})
			}
			if len(t) <= maxBylineText {
				pm.shorts = append(pm.shorts, dated{value: t, label: prevText, at: at})
				pm.shortParents = append(pm.shortParents, n.Parent)
			}
			prevText = t
			if len(prevText) > 60 {
				prevText = prevText[len(prevText)-60:]
			}
			return true
		}
		if n.Type == html.CommentNode {
			if pm.savedFrom == "" {
				pm.savedFrom = savedFromURL(n.Data)
			}
			return true
		}
		if n.Type != html.ElementNode {
			return true
		}
		pm.elements++
		switch n.DataAtom {
		case atom.Html:
			pm.lang = attr(n, "lang")
		case atom.Title:
			if pm.title == "" {
				pm.title = cleanSpace(textOf(n))
			}
			return false
		case atom.Meta:
			pm.readMetaTag(n)
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && pm.canonical == "" {
				pm.canonical = attr(n, "href")
			}
			if h := attr(n, "href"); strings.HasPrefix(h, "http") {
				if host := Host(h); host != "" {
					pm.links[host]++ // its feeds, icon and style sheets are most often on the site's own host
				}
			}
		case atom.A:
			if h := attr(n, "href"); strings.HasPrefix(h, "http") {
				if host := Host(h); host != "" {
					pm.links[host]++
				}
			}
			pm.readProfileLink(n, at)
			pm.readShareLink(n)
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && pm.readJSONLD(textOf(n)) {
				return false
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				pm.readScriptDates(c.Data) // an app's state, or JSON-LD that does not parse
			}
			return false
		case atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return false
		case atom.H1:
			if t := headingText(n); t != "" {
				pm.h1s = append(pm.h1s, t)
				if pm.h1At < 0 {
					pm.h1At = at
				}
			}
			pm.addHeading(n, 1, at)
		case atom.H2:
			pm.addHeading(n, 2, at)
		case atom.H3:
			pm.addHeading(n, 3, at)
		case atom.Abbr:
			pm.readAbbrDate(n, at, prevText)
		case atom.Time:
			v := attr(n, "datetime")
			if v == "" {
				v = cleanSpace(textOf(n))
			}
			if v != "" {
				pm.times = append(pm.times, dated{value: v, label: prevText, at: at, class: classAndID(n) + " " + strings.ToLower(attr(n, "itemprop")+" "+attr(n, "pubdate")),
					comment: inCommentRegion(n)})
			}
		}
		pm.readAttrJSON(n)
		pm.readAttrJSONDates(n, at)
		pm.readPubAttr(n, at)
		pm.readRelativeTitle(n, at, prevText)
		pm.readPreloadedPoster(n)
		pm.readSplitDate(n, at, prevText)
		if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" || ip == "datecreated" || ip == "datemodified" {
			v := firstNonEmpty(attr(n, "content"), attr(n, "datetime"))
			if v == "" && n.DataAtom != atom.Meta {
				v = cleanSpace(textOf(n))
			}
			if v != "" {
				pm.items = append(pm.items, itemDate{value: v, updated: ip == "datemodified"})
			}
		}
		ca := classAndID(n) // once for both tests below
		if n.DataAtom != atom.H1 && n.DataAtom != atom.H2 && n.DataAtom != atom.H3 && isTitleMarkedAs(n, ca) {
			pm.addHeading(n, 0, at)
		}
		if kind, ok := bylineKind(n, ca); ok && len(pm.bylines) < 12 {
			// schema.org's Person: its name is the itemprop="name" inside,
			// not the label, title or biography beside it ("Written By: |
			// Tom May" read "Tom", May being a month).
			var t string
			if kind == markItemprop {
				t = itemName(n)
			}
			if t == "" {
				t = blockText(n)
			}
			if t != "" && len(t) < 200 {
				pm.bylines = append(pm.bylines, bylineMark{text: t, strong: kind <= markItemprop, kind: kind, at: at, comment: inCommentRegion(n), node: n})
			}
		}
		return true
	})
	pm.nodes = at
	pm.prose, pm.proseBuf = string(pm.proseBuf), nil
	return pm
}

// readMetaTag records a <meta> element's content under each key it names:
// its property, name, itemprop and http-equiv. RDFa's property and
// microdata's itemprop may hold several space-separated keys
// (property="og:title twitter:title"), each recorded; Dublin Core keys are
// recorded in one spelling whichever form the page writes (metaKey). The
// first content of a key wins.
func (pm *pageMeta) readMetaTag(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, a := range []string{"property", "name", "itemprop", "http-equiv"} {
		v := attr(n, a)
		keys := []string{v}
		if a == "property" || a == "itemprop" {
			keys = strings.Fields(v) // both attributes are lists of tokens by their standards
		}
		for _, k := range keys {
			if key := metaKey(k); key != "" {
				if _, seen := pm.meta[key]; !seen {
					pm.meta[key] = content
				}
			}
		}
	}
}

// dublinCorePrefixes are the RDFa prefixes of Dublin Core's vocabularies
// (RDFa 1.1's initial context binds dc and dcterms to DCMI's terms; dct is
// their other common abbreviation), each with the HTML meta name spelling
// the readers look keys up by ("dc:title" is read as "dc.title").
var dublinCorePrefixes = []struct{ rdfa, name string }{
	{"dc:", "dc."},
	{"dcterms:", "dcterms."},
	{"dct:", "dcterms."},
}

// metaKey is a meta key as the readers look it up: trimmed, lower case,
// and a Dublin Core term written with an RDFa prefix ("dc:title",
// "dcterms:created") spelled as its meta name form ("dc.title",
// "dcterms.created").
func metaKey(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	for _, p := range dublinCorePrefixes {
		if rest, ok := strings.CutPrefix(k, p.rdfa); ok {
			return p.name + rest
		}
	}
	return k
}

// addVisible records a short visible text, before countWords counts it.
func (pm *pageMeta) addVisible(t string, at int) {
	k := visibleKey(t)
	v, ok := pm.visible[k]
	if !ok {
		v = visibleText{at: at, textIdx: len(pm.words)}
	}
	v.count++
	pm.visible[k] = v
	if sk := shownKey(k); sk != k && sk != "" { // k is folded as foldTitle folds but for typography: no copy of most texts
		pm.shownAlso[sk] = struct{}{}
	}
}

// visibleKey is the form visible texts are looked up by: lower case, runs
// of white space as one space.
func visibleKey(t string) string {
	if hasSpaceToFold(t) {
		t = collapseSpace(t)
	}
	return strings.ToLower(t)
}

// hasSpaceToFold reports whether t holds a newline, tab, carriage return,
// no-break space (U+00A0, bytes C2 A0) or two spaces in a row, in one
// pass over its bytes (strings.ContainsAny with a non-ASCII character
// decodes every rune of t and searches the set for each).
func hasSpaceToFold(t string) bool {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\n', '\t', '\r':
			return true
		case ' ':
			if i+1 < len(t) && t[i+1] == ' ' {
				return true
			}
		case 0xC2:
			if i+1 < len(t) && t[i+1] == 0xA0 {
				return true
			}
		}
	}
	return false
}

// classAndID is an element's class and id in lower case.
func classAndID(n *html.Node) string {
	if n == nil {
		return ""
	}
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// bylineKind reports whether an element, whose classAndID is c, names the
// author, and how it says so: by markup (rel=author, itemprop=author) or
// by a class.
func bylineKind(n *html.Node, c string) (int, bool) {
	if strings.EqualFold(attr(n, "rel"), "author") {
		return markRel, true
	}
	if strings.EqualFold(attr(n, "itemprop"), "author") {
		return markItemprop, true
	}
	if strings.Contains(c, "byline") || strings.Contains(c, "author-name") {
		return markByline, true
	}
	// An author's name in a box of its own ("post-author", "the-author",
	// "authorName"), not the box's picture, biography or list of posts.
	if !strings.Contains(c, "author") || strings.Contains(c, "authori") {
		return 0, false
	}
	for _, not := range []string{"avatar", "bio", "desc", "image", "img", "photo", "pic", "about", "social", "posts", "more", "list"} {
		if strings.Contains(c, not) {
			return 0, false
		}
	}
	return markAuthor, true
}

// itemName is the text of the first element below n (an itemprop="author"
// Person) marked itemprop="name", "" when none. An item nested in n (an
// itemscope of its own: the Person's worksFor or affiliation) is not
// looked into: its name is its own, not the Person's.
func itemName(n *html.Node) string {
	var name string
	walk(n, 0, func(c *html.Node) bool {
		if name != "" {
			return false
		}
		if c == n || c.Type != html.ElementNode {
			return true
		}
		if strings.EqualFold(attr(c, "itemprop"), "name") {
			name = cleanSpace(firstNonEmpty(attr(c, "content"), textOf(c)))
			return false
		}
		return !hasAttr(c, "itemscope")
	})
	return name
}

// readJSONLD keeps the schema.org objects of a JSON-LD script, with @graph
// members and nested objects, and the longest articleBody; false when src
// is not JSON.
func (pm *pageMeta) readJSONLD(src string) bool {
	var v any
	if json.Unmarshal([]byte(unwrapScript(src)), &v) != nil {
		return false
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			o := ldObject{types: strings.ToLower(strings.Join(ldStrings(x["@type"]), " "))}
			if id, ok := x["@id"].(string); ok {
				o.id = id
				if name := ldText(x["name"]); name != "" {
					pm.ldNamesByID[id] = name
				}
			}
			o.headline = ldText(x["headline"])
			o.name = ldText(x["name"])
			o.published = ldText(x["datePublished"])
			o.created = ldText(x["dateCreated"])
			o.updated = ldText(x["dateModified"])
			o.authorRefs = ldValues(x["author"])
			if len(o.authorRefs) == 0 {
				o.authorRefs = ldValues(x["creator"])
			}
			o.publisherRefs = ldValues(x["publisher"])
			if s, ok := x["articleBody"].(string); ok && len(s) > len(pm.ldBody) {
				pm.ldBody = s
			}
			if o.types != "" || o.headline != "" || o.published != "" || len(o.authorRefs) > 0 {
				pm.ld = append(pm.ld, o)
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
				if g, ok := x[k]; ok {
					visit(g, depth+1)
				}
			}
		}
	}
	visit(v, 0)
	return true
}

// scriptWrappers are the openings and closings a page may wrap a script's
// text in so that old XHTML and HTML readers skip it: a CDATA section, as
// is or behind a line or block comment of the script's language, and an
// HTML comment. Longest first, so that "//<![CDATA[" is not read as "<![CDATA[".
var scriptWrappers = []struct{ open, close string }{
	{"/*<![CDATA[*/", "/*]]>*/"},
	{"//<![CDATA[", "//]]>"},
	{"<![CDATA[", "]]>"},
	{"<!--", "-->"},
}

// unwrapScript is a script's text without the spaces around it and
// without the wrappers of scriptWrappers (each opening and closing
// independently, as pages pair them loosely), so that JSON-LD inside
// a CDATA section parses.
func unwrapScript(src string) string {
	s := strings.TrimSpace(src)
	for _, w := range scriptWrappers {
		if rest, ok := strings.CutPrefix(s, w.open); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	for _, w := range scriptWrappers {
		if rest, ok := strings.CutSuffix(s, w.close); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	return s
}

// ldStrings reads a JSON-LD value that may be a string or a list of them.
func ldStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldText(v any) string {
	switch x := v.(type) {
	case string:
		return cleanSpace(html.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return ldText(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return cleanSpace(s)
		}
	}
	return ""
}

// ldNames reads the names of a JSON-LD person or organisation value: a
// string, an object with a name, or a list of either.
func ldNames(v any) []string {
	switch x := v.(type) {
	case string:
		if s := cleanSpace(html.UnescapeString(x)); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		if s := ldText(x["name"]); s != "" {
			return []string{s}
		}
	case []any:
		var names []string
		for _, e := range x {
			names = append(names, ldNames(e)...)
		}
		return names
	}
	return nil
}

// ldArticle is the page's main schema.org object: an article type
// (Article, NewsArticle, BlogPosting, Report...) first, else a web page,
// else the first object with a headline.
func (pm pageMeta) ldArticle() (ldObject, bool) {
	for _, want := range []func(t string) bool{
		func(t string) bool {
			return strings.Contains(t, "article") || strings.Contains(t, "posting") || strings.Contains(t, "report") || strings.Contains(t, "review")
		},
		func(t string) bool { return strings.Contains(t, "webpage") },
	} {
		for _, o := range pm.ld {
			if want(o.types) {
				return o, true
			}
		}
	}
	for _, o := range pm.ld {
		if o.headline != "" {
			return o, true
		}
	}
	return ldObject{}, false
}

// headlineTitles are the page's titles from outside its body, which the
// article-end features find the headline's block by, in the order they are
// tried: og:title, then <title>, each without the site's name (cutSiteName,
// the names as the title candidates read them for the page at pageURL).
// Whole, "Running Shoes | REI Co-op" matches a block of the site's name
// alone (a logo, a copyright line, a menu's "REI Co-op") better than the
// h1 "Running Shoes" (3 of its 5 words against 2), and on shop, service
// and documentation pages, whose headlines are short, the site's words
// often outnumber the headline's: on wcxb the anchor moved on 153 of
// 1,358 pages, from a site's name or a breadcrumb to the headline on
// most (docs/measurements/extraction.md, "Session 45").
func (pm pageMeta) headlineTitles(pageURL string) []string {
	sites := pm.siteNameCandidates(pm.address(pageURL))
	out := pm.wholeTitles()
	for i, t := range out {
		if t != "" {
			out[i] = cutSiteName(t, sites, pm.shows)
		}
	}
	return out
}

// shows reports whether the page shows a text: as one of its short visible
// texts (a text node of its own) or as a heading's or title-marked
// element's text, both compared by shownKey. <title> and the meta tags
// are not shown.
func (pm pageMeta) shows(s string) bool {
	k := shownKey(s)
	if k == "" {
		return false
	}
	if _, ok := pm.visible[k]; ok {
		return true
	}
	if _, ok := pm.shownAlso[k]; ok {
		return true
	}
	for _, h := range pm.heads {
		if shownKey(h.text) == k {
			return true
		}
	}
	return false
}

// shownKey is the form shows compares a title with the page's texts by:
// case, space and typography folded (foldTitle), less a closing period or
// ellipsis, which a page's heading and its <title> give or drop apart
// ("Mayor’s budget passes." on the page, "Mayor's budget passes" in the
// <title>).
func shownKey(s string) string {
	return strings.TrimRight(foldTitle(s), ". …")
}

// wholeTitles are og:title and <title> as the page gives them, in the
// order headlineTitles cuts them.
func (pm pageMeta) wholeTitles() []string {
	return []string{unescaped(pm.get("og:title")), pm.title}
}

func (pm pageMeta) get(keys ...string) string {
	for _, k := range keys {
		if v := pm.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// savedFromRE reads the comment browsers write at the top of a page they
// save to disk (the "mark of the web"): <!-- saved from url=(0058)https://... -->.
var savedFromRE = regexp.MustCompile(`^\s*saved from url=\(\d+\)(https?://\S+?)\s*$`)

// savedFromURL returns the address a "saved from url" comment records, or
// "" for any other comment.
func savedFromURL(comment string) string {
	if m := savedFromRE.FindStringSubmatch(comment); m != nil {
		return m[1]
	}
	return ""
}

// address is where the page came from: pageURL, else the address its
// "saved from url" comment records (a page a browser saved to disk still
// says where it came from), else "".
func (pm pageMeta) address(pageURL string) string {
	return firstNonEmpty(pageURL, pm.savedFrom)
}

// articleURL is the page's canonical address: its canonical link or
// og:url (resolved against pageURL), else pageURL.
func (pm pageMeta) articleURL(pageURL string) string {
	return firstNonEmpty(absURL(pageURL, pm.canonical), absURL(pageURL, pm.get("og:url")), pageURL)
}

// article builds an article's metadata from the page's: its canonical URL,
// outlet, and the headline, byline and publication date the metadata
// model's rankers pick among the page's candidates. pageURL is where the
// page came from ("" when unknown).
func (pm pageMeta) article(pageURL string) news.Article {
	m := DefaultMetaModel()
	pageURL = pm.address(pageURL)
	a := news.Article{URL: pm.articleURL(pageURL)}
	if c := pm.titleMetaCandidates(pageURL); len(c) > 0 {
		if i := m.Title.Pick(c); i >= 0 {
			a.Title = c[i].Value
		}
	}
	if c := pm.bylineMetaCandidates(); len(c) > 0 {
		if i := Widened(c, m.Byline.Pick(c)); i >= 0 {
			a.Byline = c[i].Value
		}
	}
	if c := pm.dateMetaCandidates(pageURL); len(c) > 0 {
		if i := m.Date.Pick(c); i >= 0 {
			a.Published = c[sameDayWithClock(c, i)].Time
		}
	}
	a.Source = pm.siteName(a.URL, pageURL)
	return a
}

// sameDayWithClock returns, when the date candidate picked carries no
// time of day (a URL's /2026/03/03/, a date without a clock), the first
// candidate of the same day that has one (a meta tag's 08:40), else the
// pick: the ranker chooses the day, and a story's timeline orders its
// reports by the hour.
func sameDayWithClock(cands []MetaCandidate, pick int) int {
	t := cands[pick].Time
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
		return pick
	}
	day := dayKey(t)
	for i, c := range cands {
		if (c.Time.Hour() != 0 || c.Time.Minute() != 0 || c.Time.Second() != 0) && dayKey(c.Time) == day {
			return i
		}
	}
	return pick
}

// siteName names the outlet: og:site_name, application-name, the JSON-LD
// publisher or WebSite name, else the host of the page's URL (its
// canonical address, then the address it came from: a canonical link
// such as "//0" resolves to a host that reads as no name), else the
// site's name as the page's <title> ends ("Headline | Site"), else the
// owner in its copyright line, a bracketed title suffix, the twitter
// handle or the host the page links to most; each cleaned and passed over
// when it does not read as a name (firstSiteName). "" when the page names
// no outlet at all.
func (pm pageMeta) siteName(canonicalURL, pageURL string) string {
	return firstSiteName(
		func() string { return pm.get("og:site_name", "application-name") },
		pm.publisherName,
		pm.websiteName,
		func() string { return Host(canonicalURL) },
		func() string { return Host(pageURL) },
		func() string { return titleSiteSuffix(pm.title) },
		pm.footerCopyrightOwner,
		func() string { return bracketSiteSuffix(pm.title) },
		func() string { return strings.TrimPrefix(cleanSpace(pm.get("twitter:site")), "@") },
		func() string { return mostLinkedHost(pm.links) },
	)
}

// publisherName is the first JSON-LD publisher's name the page gives.
func (pm pageMeta) publisherName() string {
	for _, o := range pm.ld {
		if p := pm.publisher(o); p != "" {
			return p
		}
	}
	return ""
}

// websiteName is the name of the page's JSON-LD WebSite.
func (pm pageMeta) websiteName() string {
	for _, o := range pm.ld {
		if strings.Contains(o.types, "website") && o.name != "" {
			return o.name
		}
	}
	return ""
}

// footerCopyrightOwner is the owner named by a copyright line among the page's
// last 30 texts (footers are short), "" when none.
func (pm pageMeta) footerCopyrightOwner() string {
	for i := len(pm.texts) - 1; i >= 0 && i >= len(pm.texts)-30; i-- {
		if m := copyrightOwner.FindStringSubmatch(pm.texts[i].value); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// bracketSiteSuffix is the site's name a page title ends with in brackets
// ("Weekly Edition for March 26 [LWN.net]"): at most five words.
func bracketSiteSuffix(title string) string {
	title = cleanSpace(title)
	for _, b := range [][2]string{{"[", "]"}, {"(", ")"}, {"<", ">"}, {"＜", "＞"}, {"【", "】"}} {
		if !strings.HasSuffix(title, b[1]) {
			continue
		}
		i := strings.LastIndex(title, b[0])
		if i <= 0 {
			continue
		}
		inner := strings.TrimSpace(title[i+len(b[0]) : len(title)-len(b[1])])
		if inner != "" && len(strings.Fields(inner)) <= 5 && strings.ContainsFunc(inner, unicode.IsLetter) {
			return inner
		}
	}
	return ""
}

// platformHosts are platforms a page links to for sharing, following or
// embedding (with their image hosts, "pic.twitter.com", and the link
// shorteners that shared posts quote), and the blog hosts whose footers
// say "Powered by": not the page's own site.
var platformHosts = map[string]bool{"facebook.com": true, "twitter.com": true, "x.com": true, "linkedin.com": true,
	"pinterest.com": true, "reddit.com": true, "instagram.com": true, "youtube.com": true, "t.co": true,
	"plus.google.com": true, "google.com": true, "wa.me": true, "api.whatsapp.com": true, "addthis.com": true,
	"sharethis.com": true, "tumblr.com": true, "digg.com": true, "del.icio.us": true, "stumbleupon.com": true,
	"feedburner.com": true, "feeds.feedburner.com": true, "creativecommons.org": true, "wordpress.org": true,
	"en.wikipedia.org": true, "t.me": true, "telegram.me": true, "vk.com": true, "tiktok.com": true,
	"apps.apple.com": true, "itunes.apple.com": true, "play.google.com": true, "typepad.com": true,
	"wordpress.com": true, "blogger.com": true, "blogspot.com": true, "movabletype.org": true, "squarespace.com": true,
	"pic.twitter.com": true, "bit.ly": true, "ow.ly": true, "buff.ly": true, "goo.gl": true, "tinyurl.com": true,
	"dlvr.it": true, "youtu.be": true, "fb.me": true, "lnkd.in": true}

// mostLinkedHost is the host a page's absolute links point to most often,
// sharing platforms aside: a page that names no outlet and came without a
// URL usually links to its own site's sections and archives more than
// anywhere else. "" when no host has two links.
func mostLinkedHost(links map[string]int) string {
	best, bestN := "", 1
	for h, n := range links {
		if platformHosts[h] {
			continue
		}
		if n > bestN || n == bestN && best != "" && h < best {
			best, bestN = h, n
		}
	}
	return best
}

// copyrightOwner finds the owner in "© 2026 The Ridgeway Post. All rights
// reserved."
var copyrightOwner = regexp.MustCompile(`(?i:©|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?([\p{Lu}][\p{L}\p{N}&'’. -]{1,60}?)(?:\.|,|\s+(?i:all rights)|\s*\||$)`)

// titleSiteSuffix is the site's name a page title ends with ("Headline |
// Site", "Headline - Site"): a tail of at most five words behind the last
// separator, after a headline of three words or more.
func titleSiteSuffix(title string) string {
	title = cleanSpace(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], strings.TrimSpace(title[i+len(sep):])
		if tail != "" && len(strings.Fields(tail)) <= 5 && (len(strings.Fields(head)) >= 3 || utf8.RuneCountInString(head) >= 10) {
			return tail
		}
	}
	return ""
}

func (pm pageMeta) language() string {
	l := pm.lang
	if l == "" {
		l = pm.get("content-language", "og:locale", "language")
	}
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if len(l) < 2 || len(l) > 3 {
		return ""
	}
	return l
}
