package extract

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a document says about itself outside its body text.
type pageMeta struct {
	meta      map[string]string // meta property/name/itemprop (lower case) -> content, first wins
	title     string            // <title>
	h1s       []string
	lang      string
	canonical string
	ldTitle   string
	ldAuthor  string
	ldDate    string
	ldSite    string
	ldBody    string // JSON-LD articleBody
	timeAttr  string // first <time datetime>
	bylines   []string
}

func readMeta(doc *html.Node) pageMeta {
	pm := pageMeta{meta: map[string]string{}}
	walk(doc, 0, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			pm.lang = attr(n, "lang")
		case atom.Title:
			if pm.title == "" {
				pm.title = cleanSpace(textOf(n))
			}
		case atom.Meta:
			content := attr(n, "content")
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(attr(n, k)); key != "" && content != "" {
					if _, seen := pm.meta[key]; !seen {
						pm.meta[key] = strings.TrimSpace(content)
					}
				}
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && pm.canonical == "" {
				pm.canonical = attr(n, "href")
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				pm.readJSONLD(textOf(n))
			}
			return false
		case atom.H1:
			if t := cleanSpace(textOf(n)); t != "" {
				pm.h1s = append(pm.h1s, t)
			}
		case atom.Time:
			if pm.timeAttr == "" {
				pm.timeAttr = attr(n, "datetime")
			}
		}
		if isBylineNode(n) && len(pm.bylines) < 5 {
			if t := cleanSpace(textOf(n)); t != "" && len(t) < 200 {
				pm.bylines = append(pm.bylines, t)
			}
		}
		return true
	})
	return pm
}

func isBylineNode(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	c := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(c, "byline") || strings.Contains(c, "author-name")
}

// readJSONLD takes headline, author, date and publisher from schema.org data.
func (pm *pageMeta) readJSONLD(src string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
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
			if s, ok := x["headline"].(string); ok && pm.ldTitle == "" {
				pm.ldTitle = cleanSpace(s)
			}
			if s, ok := x["articleBody"].(string); ok && len(s) > len(pm.ldBody) {
				pm.ldBody = s
			}
			if s, ok := x["datePublished"].(string); ok && pm.ldDate == "" {
				pm.ldDate = s
			}
			if pm.ldAuthor == "" {
				pm.ldAuthor = ldName(x["author"])
			}
			if pm.ldSite == "" {
				pm.ldSite = ldName(x["publisher"])
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return cleanSpace(x)
	case map[string]any:
		s, _ := x["name"].(string)
		return cleanSpace(s)
	case []any:
		var names []string
		for _, e := range x {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func (pm pageMeta) get(keys ...string) string {
	for _, k := range keys {
		if v := pm.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// headline picks the article's title: the page's single <h1> or the <h1> the
// <title> begins with, else og:title, JSON-LD headline, or the <title> itself.
func (pm pageMeta) headline() string {
	for _, h := range pm.h1s {
		if len(pm.h1s) == 1 || strings.HasPrefix(strings.ToLower(pm.title), strings.ToLower(h)) {
			if len(h) >= 8 {
				return h
			}
		}
	}
	for _, t := range []string{pm.get("og:title", "twitter:title"), pm.ldTitle} {
		if t != "" {
			return trimSiteSuffix(cleanSpace(t))
		}
	}
	return trimSiteSuffix(pm.title)
}

func (pm pageMeta) byline() string {
	if a := pm.get("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"); a != "" && !strings.Contains(a, "://") {
		if name, ok := bylineName(a); ok {
			return name
		}
		return a
	}
	if pm.ldAuthor != "" {
		return pm.ldAuthor
	}
	for _, b := range pm.bylines {
		if name, ok := bylineName(b); ok {
			return name
		}
	}
	for _, b := range pm.bylines {
		if len(b) <= 60 && isCapitalised(b) {
			return b
		}
	}
	return ""
}

func (pm pageMeta) published(pageURL string) time.Time {
	for _, s := range []string{
		pm.get("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
			"publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
			"parsely-pub-date", "article.published", "displaydate"),
		pm.ldDate, pm.timeAttr,
	} {
		if s == "" {
			continue
		}
		if t, ok := parseISO(s); ok {
			return t
		}
		if t, ok := findDate(s); ok {
			return t
		}
	}
	for _, u := range []string{pageURL, pm.canonical} {
		if t, ok := dateFromURL(u); ok {
			return t
		}
	}
	for _, b := range pm.bylines {
		if t, ok := findDate(b); ok {
			return t
		}
	}
	return time.Time{}
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
