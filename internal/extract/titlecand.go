package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Where a title candidate comes from. One text may come from several
// places (an <h1> that og:title repeats): a candidate keeps them all.
const (
	tsH1First    = iota // the page's first <h1>
	tsH1Other           // another <h1>
	tsH2                // an <h2>
	tsH3                // an <h3>
	tsMarked            // an element marked as a title (itemprop=headline, class "entry-title")
	tsOG                // og:title
	tsTwitter           // twitter:title
	tsLDHeadline        // the schema.org article's headline
	tsLDName            // the schema.org main object's name
	tsMetaTitle         // dc.title, parsely-title and the like
	tsDocTitle          // the <title>
	tsPartFirst         // the <title>'s first part, split at separators ("A | B | C": A)
	tsPartLast          // its last part (C)
	tsPartMid           // a part between (B)
	tsPrefix            // its parts but the last ones ("A | B")
	tsSuffix            // its parts but the first ones ("B | C")
	tsOGPart            // a part of og:title
	tsColonHead         // the part of a title or <h1> before its first colon
	tsColonTail         // the part after it
	tsCut               // the <title> or og:title with the site's name cut off
	numTitleSources
)

var titleSourceNames = []string{"h1_first", "h1_other", "h2", "h3", "marked", "og", "twitter", "ld_headline", "ld_name",
	"meta_title", "doc_title", "part_first", "part_last", "part_mid", "prefix", "suffix", "og_part", "colon_head",
	"colon_tail", "cut"}

// titleCand is one headline a page offers.
type titleCand struct {
	text string
	key  string // foldTitle(text)
	src  uint64 // bits of the ts... sources
	head *heading
	// headRank is the heading's rank among the page's headings of its
	// level (0: the first).
	headRank int
}

// maxTitleRunes is the longest text taken as a title candidate.
const maxTitleRunes = 300

// titleCandidates gathers every headline the page offers: its headings and
// title-marked elements, its meta titles, its <title> and the parts of it
// and of og:title split at separators and colons, and both with the site's
// name cut off. Texts that fold to the same words are one candidate.
func (pm pageMeta) titleCandidates(sites []string) []*titleCand {
	var out []*titleCand
	byKey := map[string]*titleCand{}
	add := func(text string, src int, h *heading, rank int) {
		text = cleanSpace(text)
		if text == "" || utf8.RuneCountInString(text) > maxTitleRunes || !strings.ContainsFunc(text, isWordRune) {
			return
		}
		key := foldTitle(text)
		c := byKey[key]
		if c == nil {
			c = &titleCand{text: text, key: key, headRank: -1}
			byKey[key] = c
			out = append(out, c)
		}
		c.src |= 1 << src
		if h != nil && (c.head == nil || h.level != 0 && (c.head.level == 0 || h.level < c.head.level)) {
			c.head, c.headRank = h, rank
		}
	}
	ranks := map[int]int{}
	h1s := 0
	for i := range pm.heads {
		h := &pm.heads[i]
		rank := ranks[h.level]
		ranks[h.level]++
		switch h.level {
		case 1:
			if h1s == 0 {
				add(h.text, tsH1First, h, rank)
			} else {
				add(h.text, tsH1Other, h, rank)
			}
			h1s++
		case 2:
			add(h.text, tsH2, h, rank)
		case 3:
			add(h.text, tsH3, h, rank)
		}
		if h.marked {
			add(h.text, tsMarked, h, rank)
		}
	}
	ld, _ := pm.ldArticle()
	og := unescaped(pm.get("og:title"))
	add(og, tsOG, nil, 0)
	add(unescaped(pm.get("twitter:title")), tsTwitter, nil, 0)
	add(ld.headline, tsLDHeadline, nil, 0)
	add(ld.name, tsLDName, nil, 0)
	for _, k := range []string{"dc.title", "dcterms.title", "parsely-title", "sailthru.title", "title", "headline"} {
		add(unescaped(pm.get(k)), tsMetaTitle, nil, 0)
	}
	doc := pm.title
	add(doc, tsDocTitle, nil, 0)
	parts := splitTitle(doc)
	if len(parts) > 1 {
		for i, p := range parts {
			switch {
			case i == 0:
				add(p.text, tsPartFirst, nil, 0)
			case i == len(parts)-1:
				add(p.text, tsPartLast, nil, 0)
			default:
				add(p.text, tsPartMid, nil, 0)
			}
			if i > 0 && i < len(parts)-1 {
				add(doc[:p.start-len(p.sepBefore)], tsPrefix, nil, 0)
				add(doc[p.start:], tsSuffix, nil, 0)
			}
		}
		if len(parts) == 2 {
			// "A | B": the prefix and suffix are the parts themselves.
			add(parts[0].text, tsPrefix, nil, 0)
			add(parts[1].text, tsSuffix, nil, 0)
		}
	}
	if ogParts := splitTitle(og); len(ogParts) > 1 {
		for _, p := range ogParts {
			add(p.text, tsOGPart, nil, 0)
		}
	}
	firstH1 := ""
	if len(pm.h1s) > 0 {
		firstH1 = cleanHeading(pm.h1s[0])
	}
	for _, t := range []string{doc, og, firstH1} {
		if head, tail, ok := colonSplit(t); ok {
			add(head, tsColonHead, nil, 0)
			add(tail, tsColonTail, nil, 0)
		}
	}
	for _, t := range []string{doc, og} {
		if t != "" {
			if cut := cutSiteName(t, sites, pm.shows); cut != cleanSpace(t) {
				add(cut, tsCut, nil, 0)
			}
		}
	}
	return out
}

func unescaped(s string) string { return cleanSpace(html.UnescapeString(s)) }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// titlePart is one part of a title split at its separators.
type titlePart struct {
	text      string
	start     int    // byte offset in the title
	sepBefore string // the separator before it ("" for the first)
}

// maxTitleParts bounds the parts a title is split into; titles of more
// parts are breadcrumbs ("Home > News > World > ...") of which the first
// few and the last are kept.
const maxTitleParts = 8

// splitTitle splits a page title at its separators (titleSeparators), in
// order of appearance.
func splitTitle(t string) []titlePart {
	t = cleanSpace(t)
	if t == "" {
		return nil
	}
	var parts []titlePart
	start, sep := 0, ""
	for i := 0; i < len(t); {
		found := ""
		if t[i] == ' ' || t[i] == '_' { // every separator of titleSeparators starts with one of them
			found = titleSeparatorAt(t, i)
		}
		if found == "" {
			_, size := utf8.DecodeRuneInString(t[i:])
			i += size
			continue
		}
		if p := strings.TrimSpace(t[start:i]); p != "" {
			parts = append(parts, titlePart{text: p, start: start, sepBefore: sep})
		}
		sep = found
		i += len(found)
		start = i
	}
	if p := strings.TrimSpace(t[start:]); p != "" {
		parts = append(parts, titlePart{text: p, start: start, sepBefore: sep})
	}
	if len(parts) > maxTitleParts {
		parts = append(parts[:maxTitleParts-1], parts[len(parts)-1])
	}
	return parts
}

// titleSeparatorAt returns the separator of titleSeparators that t holds at
// byte i, "" when none; "_" only between two characters.
func titleSeparatorAt(t string, i int) string {
	for _, s := range titleSeparators {
		if strings.HasPrefix(t[i:], s) && (s != "_" || i > 0 && i+1 < len(t)) {
			return s
		}
	}
	return ""
}

// colonSplit splits a title at its first ": " when both sides have words:
// "Garnix Blog: Hardware-Attested Nix Builds", "Thread: Which host?".
func colonSplit(t string) (head, tail string, ok bool) {
	t = cleanSpace(t)
	i := strings.Index(t, ": ")
	if i <= 0 {
		return "", "", false
	}
	head, tail = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+2:])
	if !strings.ContainsFunc(head, isWordRune) || !strings.ContainsFunc(tail, isWordRune) {
		return "", "", false
	}
	return head, tail, true
}

// titleContext is what the title features compare a candidate with.
type titleContext struct {
	sites                 []string
	doc, og, h1           string // folded
	docRaw, ogRaw, h1Raw  string
	docT, ogT, h1T        foldedTitle // the three, folded for titleAgreement
	docWords, ogWords     map[string]bool
	descWords             map[string]bool
	docRunes              int
	h1s, docParts, cands  int
	hasOG, hasLD, hasDesc bool
	// truncated holds the candidates that are another's start cut short
	// with an ellipsis ("Brandon Crawford scores winning run…").
	truncated map[string]bool
	host      string // the distinctive label of the page's host ("fool" for www.fool.com)
}

// TitleFeatureNames names the features of a title candidate, in order.
var TitleFeatureNames = sync.OnceValue(func() []string {
	r := featureRow{naming: true}
	titleFeatures(&r, pageMeta{}, &titleCand{head: &heading{}}, titleContext{})
	return r.names
})

// titleFeatures describes a title candidate: where it comes from and how
// many places agree on it; its shape; for headings, their place in the
// page and the prose after them; how it relates to the <title>, og:title
// and the description; and the page's own make-up.
func titleFeatures(r *featureRow, pm pageMeta, c *titleCand, cx titleContext) {
	r.bits("src_", titleSourceNames, c.src)
	n, heads, metas := 0, 0, 0
	for s := 0; s < numTitleSources; s++ {
		if c.src&(1<<s) == 0 {
			continue
		}
		n++
		switch s {
		case tsH1First, tsH1Other, tsH2, tsH3, tsMarked:
			heads++
		case tsOG, tsTwitter, tsLDHeadline, tsLDName, tsMetaTitle, tsDocTitle:
			metas++
		}
	}
	r.add("n_sources", float64(n))
	r.add("n_heading_sources", float64(heads))
	r.add("n_meta_sources", float64(metas))
	r.flag("is_site", isSitePart(c.text, cx.sites))
	r.flag("has_site_part", cutSiteName(c.text, cx.sites, pm.shows) != c.text)
	parts := splitTitle(c.text)
	r.flag("host_match", hostMatch(c.text, cx.host))
	r.flag("first_part_host_match", len(parts) > 1 && hostMatch(parts[0].text, cx.host))
	r.flag("last_part_host_match", len(parts) > 1 && hostMatch(parts[len(parts)-1].text, cx.host))
	words := strings.Fields(c.text)
	runes := utf8.RuneCountInString(c.text)
	r.add("words", float64(len(words)))
	r.add("log_runes", logCount(runes))
	r.flag("has_separator", len(parts) > 1)
	r.flag("has_colon", strings.Contains(c.text, ": "))
	last, _ := utf8.DecodeLastRuneInString(c.text)
	r.flag("ends_stop", last == '.' || last == '!' || last == '?' || last == '…' || last == ':')
	first, _ := utf8.DecodeRuneInString(c.text)
	r.flag("starts_digit", unicode.IsDigit(first))
	r.flag("starts_lower", unicode.IsLower(first))
	r.add("upper_share", upperShare(c.text))
	r.flag("has_brackets", strings.ContainsAny(c.text, "()[]"))
	h := c.head
	if h == nil {
		for _, name := range []string{"head_level", "head_pos", "head_rank", "head_in_link", "head_in_chrome", "head_in_header",
			"head_site_class", "head_prose_after", "head_prose_after_far", "head_before_h1"} {
			r.add(name, missing)
		}
	} else {
		r.add("head_level", float64(h.level))
		r.add("head_pos", float64(h.at)/float64(max(pm.nodes, 1)))
		r.add("head_rank", float64(c.headRank))
		r.flag("head_in_link", h.inLink)
		r.flag("head_in_chrome", h.inChrome)
		r.flag("head_in_header", h.inHeader)
		r.flag("head_site_class", h.siteClass)
		r.add("head_prose_after", logCount(pm.proseAfter(h.textIdx, 30)))
		r.add("head_prose_after_far", logCount(pm.proseAfter(h.textIdx, 150)))
		r.flag("head_before_h1", pm.h1At >= 0 && h.at < pm.h1At)
	}
	if v, ok := pm.visible[visibleKey(c.text)]; ok {
		r.add("visible", logCount(v.count))
		r.add("visible_pos", float64(v.at)/float64(max(pm.nodes, 1)))
		r.add("visible_prose_after", logCount(pm.proseAfter(v.textIdx, 30)))
		if pm.h1At >= 0 {
			r.add("visible_from_h1", signedLog(float64(v.at-pm.h1At)))
		} else {
			r.add("visible_from_h1", missing)
		}
	} else {
		r.add("visible", 0)
		r.add("visible_pos", missing)
		r.add("visible_prose_after", missing)
		r.add("visible_from_h1", missing)
	}
	cw := wordSet(c.text)
	r.add("agree_doc_title", float64(cx.docT.agreement(c.key)))
	r.add("agree_og", float64(cx.ogT.agreement(c.key)))
	r.add("agree_h1", float64(cx.h1T.agreement(c.key)))
	r.flag("in_doc_title", cx.doc != "" && strings.Contains(cx.doc, c.key))
	r.flag("in_og", cx.og != "" && strings.Contains(cx.og, c.key))
	r.flag("contains_h1", cx.h1 != "" && c.key != cx.h1 && strings.Contains(c.key, cx.h1))
	r.flag("cut_short", cx.truncated[c.key])
	r.flag("in_h1", cx.h1 != "" && c.key != cx.h1 && strings.Contains(cx.h1, c.key))
	r.add("jaccard_doc_title", jaccard(cw, cx.docWords))
	r.add("jaccard_og", jaccard(cw, cx.ogWords))
	r.add("covered_by_desc", covered(cw, cx.descWords))
	r.add("runes_of_doc_title", float64(runes)/float64(max(cx.docRunes, 1)))
	r.add("page_h1s", float64(cx.h1s))
	r.add("page_doc_parts", float64(cx.docParts))
	r.add("page_cands", float64(cx.cands))
	r.flag("page_has_og", cx.hasOG)
	r.flag("page_has_ld", cx.hasLD)
	r.flag("page_has_desc", cx.hasDesc)
}

// titleMetaCandidates describes the page's title candidates for the
// ranker.
func (pm pageMeta) titleMetaCandidates(pageURL string) []MetaCandidate {
	sites := pm.siteNameCandidates(pageURL)
	cands := pm.titleCandidates(sites)
	ld, hasLD := pm.ldArticle()
	cx := titleContext{
		sites:    sites,
		doc:      foldTitle(pm.title),
		og:       foldTitle(unescaped(pm.get("og:title"))),
		docRunes: utf8.RuneCountInString(pm.title),
		h1s:      len(pm.h1s),
		docParts: len(splitTitle(pm.title)),
		cands:    len(cands),
		hasOG:    pm.get("og:title") != "",
		hasLD:    hasLD && ld.headline != "",
	}
	cx.docRaw, cx.ogRaw = pm.title, unescaped(pm.get("og:title"))
	if len(pm.h1s) > 0 {
		cx.h1Raw = cleanHeading(pm.h1s[0])
		cx.h1 = foldTitle(cx.h1Raw)
	}
	cx.docT, cx.ogT, cx.h1T = foldPageTitle(cx.docRaw, sites, pm.shows), foldPageTitle(cx.ogRaw, sites, pm.shows), foldPageTitle(cx.h1Raw, sites, pm.shows)
	cx.docWords, cx.ogWords = wordSet(cx.doc), wordSet(cx.og)
	desc := pm.get("og:description", "description", "twitter:description")
	cx.descWords, cx.hasDesc = wordSet(desc), desc != ""
	cx.truncated = truncatedTitles(cands)
	if h := Host(firstNonEmpty(absURL(pageURL, pm.canonical), absURL(pageURL, pm.get("og:url")), pageURL)); h != "" {
		cx.host = hostLabel(h)
	}
	out := make([]MetaCandidate, len(cands))
	n := len(TitleFeatureNames())
	for i, c := range cands {
		r := featureRow{vals: make([]float64, 0, n)}
		titleFeatures(&r, pm, c, cx)
		out[i] = MetaCandidate{Value: readerTitle(c.text), Features: r.vals}
	}
	return out
}

// truncatedTitles finds the candidates that end in an ellipsis and begin
// another candidate: a teaser's or breadcrumb's shortened headline.
func truncatedTitles(cands []*titleCand) map[string]bool {
	out := map[string]bool{}
	for _, c := range cands {
		stem := strings.TrimSpace(strings.TrimRight(c.key, ".… "))
		if stem == c.key || len(stem) < 8 {
			continue
		}
		for _, o := range cands {
			if o != c && len(o.key) > len(stem) && strings.HasPrefix(o.key, stem) {
				out[c.key] = true
				break
			}
		}
	}
	return out
}

// hostMatch reports whether a text names the site by its host: its letters
// and digits (lower case) hold the host's distinctive label, or the label
// holds them ("The Motley Fool" and fool.com, "NewsBreak" and
// newsbreak.com, "Brave Community" and community.brave.com). Labels and
// texts of fewer than four letters match only when equal.
func hostMatch(text, host string) bool {
	if host == "" {
		return false
	}
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	t := b.String()
	host = strings.ReplaceAll(host, "-", "")
	switch {
	case t == "" || host == "":
		return false
	case t == host:
		return true
	case len(host) < 4 || len(t) < 4:
		return false
	}
	return strings.Contains(t, host) || strings.Contains(host, t)
}

// readerTitle is a title candidate's text as the reader is given it: its
// double-encoded characters read again (repairDoubleUTF8), its invisible
// characters dropped (dropInvisible), and a zero-width joiner or non-joiner
// at either end (which joins nothing there) trimmed with the white space.
// The candidate's features read the text as the page has it, as the title
// ranker was fitted on.
func readerTitle(t string) string {
	return cleanSpace(strings.TrimFunc(dropInvisible(repairDoubleUTF8(t)), isSpaceOrJoiner))
}

func isSpaceOrJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' || unicode.IsSpace(r) }

// dropInvisible drops the characters a one-line title shows as nothing: the
// soft hyphen (a word's break point: "Assis\u00adtance" is shown
// "Assistance"), the zero-width space, the word joiner and the byte-order
// mark. The zero-width joiner and non-joiner are kept: they shape emoji and
// the letters of Persian and Indic scripts.
func dropInvisible(s string) string {
	if !strings.ContainsAny(s, invisibleRunes) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(invisibleRunes, r) {
			return -1
		}
		return r
	}, s)
}

// invisibleRunes are the characters dropInvisible drops.
const invisibleRunes = "\u00ad\u200b\u2060\ufeff"

// repairDoubleUTF8 reads again a text whose UTF-8 was read as Latin-1 and
// encoded as UTF-8 once more before the page was written (the bytes of
// "Investor’s" read as "Investorâ" and the controls U+0080 U+0099, then
// "s"; wcxb has two such pages): when the text holds a C1 control
// character (U+0080 to U+009F, which no text means, and which such a
// reading makes of every curly quote and dash) and every character up to
// U+00FF taken as the byte it numbers makes valid UTF-8, that UTF-8 is the
// text. Else the text is given back as it is: a text that also holds a
// Latin-1 letter of its own ("Café") does not read as UTF-8 and is left, as
// is a text that is not valid UTF-8 itself.
func repairDoubleUTF8(s string) string {
	if !strings.ContainsFunc(s, isC1Control) || !utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r <= 0xff {
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

func isC1Control(r rune) bool { return r >= 0x80 && r <= 0x9f }
