package extract

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeparators split a page title into its headline and the site's name
// ("Headline | Site", "Site – Headline", "Headline :: Section :: Site").
// The bullet, angle quotes and tilde are as common as the bar on 2025
// sites ("Headline • Site", "Docs › Guide"); wcxb held out had pages whose
// only site suffix was " • Site". Breadcrumb titles of older pages use
// " > " ("Site.com > News > World", l3s-gn1). " -- " is no separator:
// held out it cut "Online NewsHour: Congo's Future -- January 23, 2001"
// (cleaneval's gold keeps it whole) more often than it found a headline.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " « ", " › ", " ‹ ", " > ", " ~ ", " / ", " _ ", "_"}

// How well a heading agrees with a page title, best first.
const (
	agreeSame  = iota + 1 // the same words (case and typography folded)
	agreeCut              // the same once the site's name is cut off the title
	agreeStart            // the title's start, up to a separator or colon
	agreeEnd              // the title's end, after a separator ("Site | Headline")
	agreeNone
)

// titleAgreement says how a heading agrees with a page title (shows as
// cutSiteName reads it).
func titleAgreement(h, title string, sites []string, shows func(string) bool) int {
	return foldPageTitle(title, sites, shows).agreement(foldTitle(h))
}

// foldedTitle is a page title folded (foldTitle) as a heading is compared
// with it: whole, and with the site's name cut off. Folding it once per
// page, not once per candidate, keeps the title ranker's features cheap.
type foldedTitle struct{ whole, cut string }

func foldPageTitle(title string, sites []string, shows func(string) bool) foldedTitle {
	if title == "" {
		return foldedTitle{}
	}
	return foldedTitle{whole: foldTitle(title), cut: foldTitle(cutSiteName(title, sites, shows))}
}

// foldedSeparators are titleSeparators folded as titles are.
var foldedSeparators = sync.OnceValue(func() []string {
	out := make([]string, len(titleSeparators))
	for i, sep := range titleSeparators {
		out[i] = foldTitle(sep)
	}
	return out
})

// agreement says how a folded heading fh agrees with the title.
func (t foldedTitle) agreement(fh string) int {
	ft := t.whole
	switch {
	case fh == "" || ft == "":
		return agreeNone
	case fh == ft:
		return agreeSame
	case fh == t.cut:
		return agreeCut
	}
	if rest, ok := strings.CutPrefix(ft, fh); ok {
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " :") {
			return agreeStart
		}
		spaced, _ := strings.CutPrefix(rest, " ")
		for _, fs := range foldedSeparators() {
			if len(spaced) < len(rest) && strings.HasPrefix(spaced, fs) || strings.HasPrefix(rest, fs) {
				return agreeStart
			}
		}
	}
	if rest, ok := strings.CutSuffix(ft, fh); ok {
		spaced, _ := strings.CutSuffix(rest, " ")
		for _, fs := range foldedSeparators() {
			if len(spaced) < len(rest) && strings.HasSuffix(spaced, fs) || strings.HasSuffix(rest, fs) {
				return agreeEnd
			}
		}
	}
	return agreeNone
}

// cutSiteName removes the site's name from a page title: a part at either
// end, behind a separator, that is one of the site's names (isSiteName);
// a part at the end that opens with the host's label (opensWithHostLabel);
// a part at the start that does so when the page shows what is left of
// the title (siteLedCut); failing that, a short tail (see cutShortSuffix).
// shows reports whether the page shows a text (pageMeta.shows); nil for a
// title with no page, whose parts that open with the host's label are cut
// at the end only. A title longer than maxCutTitleBytes is given back
// whole.
func cutSiteName(t string, sites []string, shows func(string) bool) string {
	t = cleanSpace(t)
	if len(t) > maxCutTitleBytes {
		return t
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && isSitePart(t[i+len(sep):], sites) {
			return cutSiteName(strings.TrimSpace(t[:i]), sites, shows)
		}
		if i := strings.Index(t, sep); i > 0 && siteLedCut(t[:i], t[i+len(sep):], sites, shows) {
			return cutSiteName(strings.TrimSpace(t[i+len(sep):]), sites, shows)
		}
	}
	for _, sep := range []string{": ", " : "} {
		if i := strings.Index(t, sep); i > 0 && siteLedCut(t[:i], t[i+len(sep):], sites, shows) {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return cutShortSuffix(t)
}

// siteLedCut reports whether a title's first part, before rest, is the
// site's name to cut: one of the site's names, or a part that opens with
// the host's label when the page shows rest, cut of its own site's names
// (cutSiteName with no page). A brand opens its products' and posts' names
// as it opens its own: in "Stripe Payments | Global Payment Processing
// Platform", "Docker Hardened Images: Security Independently Validated by
// SRLabs" and "Redfin's 2026 Predictions: Welcome to The Great Housing
// Reset" the first part is the headline's, and the page never shows the
// rest alone, where "Khaleej Times Online - Bush speech draws mixed
// response" shows its headline. On 89 pages of the eight extraction sets
// a <title> or og:title opens with such a part: 34 show the rest (cut as
// before; the title so cut is the gold on 12 of the 22 with a gold title,
// most others a menu or swatch word the page shows, "Black",
// "Everywhere"), 55 do not, and their title with its first part kept is
// the gold on 15 of the 35 with a gold title, where the cut was on none
// (session 46, docs/measurements/metadata.md).
func siteLedCut(part, rest string, sites []string, shows func(string) bool) bool {
	if isSiteName(part, sites) {
		return true
	}
	return shows != nil && opensWithHostLabel(part, sites) && shows(cutSiteName(strings.TrimSpace(rest), sites, nil))
}

// maxCutTitleBytes is the longest title cutSiteName cuts. Each cut scans
// what is left of the title again, so a title of n bytes that is all
// separators and site names ("Headline | Site | Site | ...") took time
// growing as n² (6.6 s for 112 KB of " | Site"), and a page may be 32 MB
// (news.MaxPageBytes); it is asked up to seven times a page (the title
// candidates and the headline's block). Eight times maxTitleRunes, the
// longest candidate, in bytes: the longest <title> of the eight benchmark
// sets' 4,769 titled pages is 954 bytes (cleaneval), so no page of theirs is
// left uncut.
const maxCutTitleBytes = 8 * maxTitleRunes

// maxHostLedWords bounds the words of a title part that opensWithHostLabel
// takes for the site's because it opens with the host's name: "WTNH.com,
// Connecticut News and Weather" is five, the longest such site part of the
// l3s-gn1 titles read (s20-title); a headline that opens with the site's
// name runs longer more often than not.
const maxHostLedWords = 6

// minHostLedLabel is the fewest letters of a host's label that
// opensWithHostLabel matches at a part's start: shorter labels ("cbs",
// "ft") open ordinary words and headlines too.
const minHostLedLabel = 4

// isSitePart reports whether a part of a page title, cut at a separator or
// colon, may be the site's name: isSiteName or opensWithHostLabel.
func isSitePart(s string, sites []string) bool {
	return isSiteName(s, sites) || opensWithHostLabel(s, sites)
}

// opensWithHostLabel reports whether a part of a page title is short and
// its letters and digits begin with the host's label ("Khaleej Times
// Online" on khaleejtimes.com, "KalingaTimes.com", "Berkshire Eagle
// Online" on berkshireeagle.com). Pages of 2008 name their site so in the
// <title> and nowhere else (no og:site_name), so the cut took the headline
// for the "short tail" instead (l3s-gn1).
func opensWithHostLabel(s string, sites []string) bool {
	if fieldCount(s) > maxHostLedWords {
		return false
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	squashed := b.String()
	for _, site := range sites {
		label := strings.ReplaceAll(site, "-", "")
		if len(label) < minHostLedLabel || !isHostLabel(label) {
			continue
		}
		if strings.HasPrefix(squashed, label) {
			return true
		}
	}
	return false
}

// isHostLabel reports whether a site name is a host's label (hostLabel):
// lower-case ASCII letters and digits only.
func isHostLabel(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// isSiteName reports whether s names the site: it equals one of the names
// (case, space and punctuation folded), or a host's name without its
// domain ("Ars Technica" and arstechnica.com).
func isSiteName(s string, sites []string) bool {
	fs := foldTitle(s)
	if fs == "" {
		return false
	}
	for _, site := range sites {
		f := foldTitle(site)
		if f == "" {
			continue
		}
		if f == fs || equalBesideSpaces(f, fs) {
			return true
		}
	}
	return false
}

// equalBesideSpaces reports whether a and b are the same bytes once their
// ASCII spaces are dropped (strings.ReplaceAll(a, " ", "") ==
// strings.ReplaceAll(b, " ", "")), without building either: isSiteName
// compared a copy of every site's name with its spaces dropped.
func equalBesideSpaces(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == ' ' {
			i++
		}
		for j < len(b) && b[j] == ' ' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i++
		j++
	}
}

// siteNameCandidates lists the names a page gives its site, and its host's
// labels ("arstechnica" for arstechnica.com, "bbc" for www.bbc.co.uk): the
// hosts of its canonical link and og:url, and of pageURL when not "" (the
// page's own address names the site too where the page gives neither: most
// pages of 2008, l3s-gn1 and cleaneval; the titles read it, the byline
// ranker was fitted without it).
func (pm pageMeta) siteNameCandidates(pageURL string) []string {
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
	for _, u := range []string{pm.canonical, pm.get("og:url"), pageURL} {
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
// no-break spaces) so that two spellings of one title compare equal: runs
// of white space (unicode.IsSpace) become one space, none at either end.
func foldTitle(s string) string {
	if isFoldedTitle(s) {
		return s
	}
	return collapseSpaceMapped(strings.ToLower(s), foldTypography) // ToLower leaves no invalid UTF-8
}

// foldTypography maps a curly quote, a prime or a backquote to its straight
// quote and a dash or minus to a hyphen (foldTitle); no-break and thin
// spaces are white space already.
func foldTypography(r rune) rune {
	switch r {
	case '‘', '’', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '″', '«', '»':
		return '"'
	case '–', '—', '‒', '―', '−':
		return '-'
	}
	return r
}

// isFoldedTitle reports whether foldTitle would give s back unchanged
// because it has nothing to fold: ASCII with no capital, no backquote, no
// white space but single spaces between words. Host names and most site
// names are, and foldTitle is asked about them for every title candidate.
func isFoldedTitle(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c >= 'A' && c <= 'Z', c == '`', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
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
// The labels of buttons inside it are left out when it has words of its
// own: "Crate tokio" with its "Copy item path" button, a headline with its
// "Share" button, are the heading's words; a heading that is all button
// (an accordion's question, <h3><button>...</button></h3>) keeps them, and
// so does one whose other text is only marks, no letter or digit: the
// accordion's "+" or "▼" icon, a permalink's "¶" beside the button.
func headingText(n *html.Node) string {
	if t := headingTextSkipping(n, atom.Button); strings.ContainsFunc(t, isWordRune) {
		return t
	}
	return headingTextSkipping(n, 0)
}

// headingTextSkipping is headingText with the elements of tag skip (none
// for 0) left out.
func headingTextSkipping(n *html.Node, skip atom.Atom) string {
	var b strings.Builder
	walk(n, 0, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && (c.DataAtom == atom.Br || c.DataAtom == atom.Div || c.DataAtom == atom.P):
			b.WriteByte(' ')
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Svg):
			return false
		case c.Type == html.ElementNode && skip != 0 && c.DataAtom == skip:
			return false
		}
		return true
	})
	return cleanSpace(b.String())
}

// cutShortSuffix drops the " | Site" or " - Site" tail of a page title: a
// tail of at most five words behind the last separator, after a headline
// of three words or more (titleSiteSuffix).
func cutShortSuffix(t string) string {
	t = cleanSpace(t)
	tail := titleSiteSuffix(t)
	if tail == "" {
		return t
	}
	head := strings.TrimSpace(strings.TrimSuffix(t, tail))
	for _, sep := range titleSeparators {
		if s := strings.TrimSpace(sep); strings.HasSuffix(head, s) {
			return strings.TrimSpace(strings.TrimSuffix(head, s))
		}
	}
	return head
}
