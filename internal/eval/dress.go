package eval

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// Regular expressions that find what of a real page says which article it
// carries: its prose paragraphs, title, canonical address, structured data
// and dates. DressArticle takes them out and puts another article in.
var (
	paragraph      = regexp.MustCompile(`(?is)<p[\s>].*?</p>`)
	tag            = regexp.MustCompile(`<[^>]*>`)
	pageTitle      = regexp.MustCompile(`(?is)<title[^>]*>.*?</title>`)
	articleMeta    = regexp.MustCompile(`(?is)<(?:link[^>]+rel=["']?canonical|meta[^>]+(?:og:|twitter:|article:|name=["']?(?:date|pubdate|description|title))|meta[^>]+itemprop)[^>]*>`)
	structuredData = regexp.MustCompile(`(?is)<script[^>]+ld\+json[^>]*>.*?</script>`)
	headStart      = regexp.MustCompile(`(?is)<head(?:\s[^>]*)?>`) // not <header>
)

// proseChars is the length from which a paragraph is taken for the page's
// article rather than chrome.
const proseChars = 150

// DressArticle makes an HTML page that carries the article a in the chrome
// of a real page: the page's prose paragraphs, title, canonical link,
// article metadata and JSON-LD are taken out; a's title, canonical address
// url, date and paragraphs go in (the paragraphs where the page's first prose
// paragraph was). Menus, sidebars, footers and scripts stay, so extraction
// does the work it does on real pages, while the texts and their stories
// are those of a labelled set.
func DressArticle(chrome []byte, a news.Article, url string) []byte {
	var body strings.Builder
	body.WriteString("<h1>" + html.EscapeString(a.Title) + "</h1>\n")
	for _, para := range strings.Split(a.Text, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			body.WriteString("<p>" + html.EscapeString(para) + "</p>\n")
		}
	}
	page := structuredData.ReplaceAll(chrome, nil)
	page = articleMeta.ReplaceAll(page, nil)
	inserted := false
	page = paragraph.ReplaceAllFunc(page, func(p []byte) []byte {
		if len(bytes.TrimSpace(tag.ReplaceAll(p, nil))) < proseChars {
			return p
		}
		if inserted {
			return nil
		}
		inserted = true
		return []byte(body.String())
	})
	if !inserted {
		page = bytes.Replace(page, []byte("</body>"), []byte(body.String()+"</body>"), 1)
	}
	head := `<title>` + html.EscapeString(a.Title) + `</title><link rel="canonical" href="` + html.EscapeString(url) + `">`
	if !a.Published.IsZero() {
		head += `<meta property="article:published_time" content="` + a.Published.Format("2006-01-02T15:04:05Z07:00") + `">`
	}
	page = pageTitle.ReplaceAll(page, nil)
	if loc := headStart.FindIndex(page); loc != nil {
		return append(page[:loc[1]:loc[1]], append([]byte(head), page[loc[1]:]...)...)
	}
	return append([]byte("<html><head>"+head+"</head>"), page...)
}
