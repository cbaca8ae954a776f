package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeparators split a page title into its headline and the site's name
// ("Headline | Site", "Site – Headline", "Headline :: Section :: Site").
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / ", " _ ", "_"}

// headline picks the article's title, the headline a reader sees:
//
//  1. an <h1> that the page's own titles (og:title, twitter:title, the
//     schema.org headline, <title>) agree with: equal, or equal once the
//     site's name is cut off, or the start of one of them;
//  2. else the page's single <h1> when it is not the site's name;
//  3. else og:title, the schema.org headline or <title>, without the
//     site's name.
//
// An <h1> that names the site (a logo or a forum's name) is never the
// headline.
func (pm pageMeta) headline() string {
	sites := pm.siteNameCandidates()
	ld, _ := pm.ldArticle()
	titles := []string{pm.get("og:title"), pm.get("twitter:title"), ld.headline, pm.title}
	var h1s []string
	for _, h := range pm.h1s {
		if h = cleanHeading(h); len(h) >= 4 && !isSiteName(h, sites) {
			h1s = append(h1s, h)
		}
	}
	for level := agreeSame; level <= agreeEnd; level++ {
		for _, h := range h1s {
			for _, t := range titles {
				if t != "" && titleAgreement(h, t, sites) == level {
					return h
				}
			}
		}
	}
	if len(h1s) == 1 && len(h1s[0]) >= 8 {
		return h1s[0]
	}
	for _, t := range titles {
		if t = cleanSpace(html.UnescapeString(t)); t != "" {
			if cut := cutSiteName(t, sites); cut != "" && !isSiteName(cut, sites) {
				return cut
			}
		}
	}
	if len(h1s) > 0 {
		return h1s[0]
	}
	return cutSiteName(pm.title, sites)
}

// How well a heading agrees with a page title, best first.
const (
	agreeSame  = iota + 1 // the same words (case and typography folded)
	agreeCut              // the same once the site's name is cut off the title
	agreeStart            // the title's start, up to a separator or colon
	agreeEnd              // the title's end, after a separator ("Site | Headline")
	agreeNone
)

// titleAgreement says how a heading agrees with a page title.
func titleAgreement(h, title string, sites []string) int {
	fh, ft := foldTitle(h), foldTitle(title)
	switch {
	case fh == "" || ft == "":
		return agreeNone
	case fh == ft:
		return agreeSame
	case fh == foldTitle(cutSiteName(title, sites)):
		return agreeCut
	case strings.HasPrefix(ft, fh+":") || strings.HasPrefix(ft, fh+" :"):
		return agreeStart
	}
	for _, sep := range titleSeparators {
		if fs := foldTitle(sep); strings.HasPrefix(ft, fh+" "+fs) || strings.HasPrefix(ft, fh+fs) {
			return agreeStart
		}
	}
	for _, sep := range titleSeparators {
		if fs := foldTitle(sep); strings.HasSuffix(ft, fs+" "+fh) || strings.HasSuffix(ft, fs+fh) {
			return agreeEnd
		}
	}
	return agreeNone
}

// cutSiteName removes the site's name from a page title: a part at either
// end, behind a separator, that is one of the site's names (or its host's
// name without the domain); failing that, a short tail (see
// trimSiteSuffix).
func cutSiteName(t string, sites []string) string {
	t = cleanSpace(t)
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && isSiteName(t[i+len(sep):], sites) {
			return cutSiteName(strings.TrimSpace(t[:i]), sites)
		}
		if i := strings.Index(t, sep); i > 0 && isSiteName(t[:i], sites) {
			return cutSiteName(strings.TrimSpace(t[i+len(sep):]), sites)
		}
	}
	for _, sep := range []string{": ", " : "} {
		if i := strings.Index(t, sep); i > 0 && isSiteName(t[:i], sites) {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return trimSiteSuffix(t)
}

// isSiteName reports whether s names the site: it equals one of the names
// (case, space and punctuation folded), or a host's name without its
// domain ("Ars Technica" and arstechnica.com).
func isSiteName(s string, sites []string) bool {
	fs := foldTitle(s)
	if fs == "" {
		return false
	}
	squashed := strings.ReplaceAll(fs, " ", "")
	for _, site := range sites {
		f := foldTitle(site)
		if f == "" {
			continue
		}
		if f == fs || strings.ReplaceAll(f, " ", "") == squashed {
			return true
		}
	}
	return false
}

// siteNameCandidates lists the names a page gives its site, and its host's
// labels ("arstechnica" for arstechnica.com, "bbc" for www.bbc.co.uk).
func (pm pageMeta) siteNameCandidates() []string {
	// A name that is the page's own headline (og:title, else <title>) is
	// not the site's: some pages fill application-name or a WebSite's name
	// with the article's title.
	own := foldTitle(firstNonEmpty(pm.get("og:title"), pm.title))
	var out []string
	add := func(s string) {
		if s = strings.TrimPrefix(cleanSpace(s), "@"); s != "" && foldTitle(s) != own {
			out = append(out, s)
		}
	}
	for _, s := range []string{pm.get("og:site_name"), pm.get("application-name"), pm.get("twitter:site")} {
		add(s)
	}
	for _, o := range pm.ld {
		add(pm.publisher(o))
		if strings.Contains(o.types, "website") {
			add(o.name)
		}
	}
	for _, u := range []string{pm.canonical, pm.get("og:url")} {
		if h := Host(u); h != "" {
			out = append(out, h, hostLabel(h))
		}
	}
	return out
}

// hostLabel is the distinctive label of a host: "theguardian" for
// www.theguardian.com, "bbc" for bbc.co.uk, "sport.aktualne" -> "aktualne".
func hostLabel(host string) string {
	parts := strings.Split(strings.TrimPrefix(host, "www."), ".")
	if len(parts) < 2 {
		return host
	}
	i := len(parts) - 2
	// A second-level label of a country's registry ("co.uk", "com.au").
	if i > 0 && len(parts[i]) <= 3 && len(parts[len(parts)-1]) == 2 {
		i--
	}
	return parts[i]
}

// foldTitle folds case, white space and typography (curly quotes, dashes,
// no-break spaces) so that two spellings of one title compare equal.
func foldTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case '‘', '’', '‛', '′', '`', '´':
			r = '\''
		case '“', '”', '„', '″', '«', '»':
			r = '"'
		case '–', '—', '‒', '―', '−':
			r = '-'
		case '\u00a0', '\u2009', '\u202f':
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// cleanHeading drops the permalink marks documentation generators append
// to headings ("Quickstart¶", "Install #").
func cleanHeading(h string) string {
	return strings.TrimSpace(strings.TrimRightFunc(h, func(r rune) bool {
		return r == '¶' || r == '#' || r == '§' || r == '🔗' || unicode.IsSpace(r)
	}))
}

// blockText is the text below n with a space wherever an element starts or
// ends, so that "<span>Jane Doe</span><span>Staff writer</span>" keeps its
// two parts apart.
func blockText(n *html.Node) string {
	var b strings.Builder
	walk(n, 0, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Svg):
			return false
		case c.Type == html.ElementNode && c.DataAtom != atom.A && c.DataAtom != atom.B && c.DataAtom != atom.Strong && c.DataAtom != atom.Em && c.DataAtom != atom.I:
			b.WriteString(" | ")
		}
		return true
	})
	return cleanSpace(strings.Trim(cleanSpace(b.String()), "| "))
}

// headingText is the text of a heading, with a space where a line break or
// a block element separates its words ("Data<br>Analytics" is two words).
func headingText(n *html.Node) string {
	var b strings.Builder
	walk(n, 0, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && (c.DataAtom == atom.Br || c.DataAtom == atom.Div || c.DataAtom == atom.P):
			b.WriteByte(' ')
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Svg):
			return false
		}
		return true
	})
	return cleanSpace(b.String())
}
