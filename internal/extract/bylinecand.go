package extract

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/wordvec"
)

// Where a byline candidate comes from.
const (
	bsMetaAuthor        = iota // <meta name="author">
	bsMetaArticleAuthor        // article:author
	bsMetaOther                // dc.creator, parsely-author, sailthru.author, citation_author, byl
	bsLDArticle                // the schema.org article's author
	bsLDOther                  // another schema.org object's author
	bsTwitter                  // Twitter's card data labelled "Written by"
	bsRel                      // rel="author"
	bsItemprop                 // itemprop="author"
	bsClassByline              // an element of class byline or author-name
	bsClassAuthor              // another element whose class or id says author
	bsByText                   // a short text "By Jane Doe"
	bsLabelNext                // a label ("Written by", "Author:") and the text after it
	bsUnion                    // the names of every element of one kind (rel=author, class byline...) together
	bsCopyright                // the owner in the page's copyright line
	bsSiteName                 // the site's name (a personal site is named after its author)
	bsNameLine                 // an unlabelled line by the headline that is a person's name alone (nameLinesNearH1)
	bsAuthorBox                // a name opening a biography or under "About the author" after the headline (authorBoxes)
	bsProfileLink              // the first link to a profile page after the headline (firstProfileName): a forum's first poster
	bsAppState                 // a forum thread's first poster in the app state the page ships (readPreloadedPoster)
	numBylineSources
)

var bylineSourceNames = []string{"meta_author", "meta_article_author", "meta_other", "ld_article", "ld_other", "twitter",
	"rel", "itemprop", "class_byline", "class_author", "by_text", "label_next", "union", "copyright", "site_name", "name_line", "author_box", "profile_link", "app_state"}

// maxUnionNames bounds the names a union of elements may hold: more are a
// list of contributors or of other posts' authors, not one byline.
const maxUnionNames = 4

// bylineCand is one list of authors a page offers.
type bylineCand struct {
	names    []string
	key      string
	src      uint64
	at       int  // first position in the document, -1 when only in metadata
	line     int  // the index in pageMeta.shorts of its name line (bsNameLine), -1 when none
	byPrefix bool // read from a "By ..." text
	// group says the candidate is a group of author elements standing
	// side by side, one person each (markGroups).
	group bool
	// boxBio and boxHeading say what told an author box (bsAuthorBox):
	// a biography naming the person, an "About the author" heading.
	boxBio, boxHeading bool
}

// maxByTexts bounds the "By ..." texts read as candidates.
const maxByTexts = 12

// orgWord recognises names of desks, teams and companies rather than
// people ("Staff", "Editorial Team", "Reuters Media").
var orgWord = regexp.MustCompile(`(?i)\b(?:staff|team|editors?|editorial|desk|redaktion|rédaction|redacción|redazione|news|newsroom|agency|press|media|inc|ltd|llc|gmbh|group|magazine|online|admin|contributors?|guest|partner|sponsored)\b`)

// orgWordAnchors hold, for every word orgWord names, a part of it written
// in ASCII letters that have no case folds but their capitals (not k or s,
// which (?i) also matches as the Kelvin sign and the long s): "taff" of
// "staff", "de" of "desk", "pon" of "sponsored", "daction" of "rédaction".
// A text holding none of them in any ASCII case cannot match orgWord.
var orgWordAnchors = []string{"taff", "team", "editor", "de", "reda", "daction", "new", "agency", "pre", "media", "inc", "ltd", "llc",
	"gmbh", "group", "magazine", "online", "admin", "contributor", "gue", "partner", "pon"}

// namesOrg is orgWord.MatchString, the expression run only on texts
// holding one of orgWordAnchors.
func namesOrg(s string) bool {
	for _, a := range orgWordAnchors {
		if containsLowerASCII(s, a) {
			return orgWord.MatchString(s)
		}
	}
	return false
}

// markSource is the byline source of each kind of author markup.
var markSource = map[int]int{markRel: bsRel, markItemprop: bsItemprop, markByline: bsClassByline, markAuthor: bsClassAuthor}

// markNames reads the names an author element's text gives: the names
// after a "By" (byPrefix), else the names of its first line when that is
// short enough to be names, else a name and its co-authors in brackets.
func markNames(text string) (names []string, byPrefix bool) {
	if name, ok := bylineName(text); ok {
		return splitNames(name), true
	}
	first, _, _ := strings.Cut(text, " | ")
	if len(first) <= 60 && len(strings.Fields(first)) <= 5 {
		return splitNames(first), false
	}
	if list, ok := coauthorList(first); ok {
		return splitNames(list), false // "Jane Doe (avec John Roe et Ann Poe)": longer than one name, a list
	}
	return nil, false
}

// bylineCandidates gathers every list of authors the page offers: author
// meta tags, schema.org authors (with @graph references resolved),
// Twitter's "Written by", author markup and classes, "By ..." texts and
// labelled names.
func (pm pageMeta) bylineCandidates() []*bylineCand {
	var out []*bylineCand
	byKey := map[string]*bylineCand{}
	add := func(names []string, src, at int, byPrefix bool) *bylineCand {
		names = cleanNames(names)
		if len(names) == 0 {
			return nil
		}
		key := strings.ToLower(strings.Join(names, "|"))
		c := byKey[key]
		if c == nil {
			c = &bylineCand{names: names, key: key, at: -1, line: -1}
			byKey[key] = c
			out = append(out, c)
		}
		c.src |= 1 << src
		if at >= 0 && (c.at < 0 || at < c.at) {
			c.at = at
		}
		c.byPrefix = c.byPrefix || byPrefix
		return c
	}
	add(splitNames(pm.get("author")), bsMetaAuthor, -1, false)
	add(splitNames(pm.get("article:author")), bsMetaArticleAuthor, -1, false)
	for _, k := range []string{"byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author"} {
		add(splitNames(pm.get(k)), bsMetaOther, -1, false)
	}
	ld, hasLD := pm.ldArticle()
	if hasLD {
		add(pm.names(ld.authorRefs), bsLDArticle, -1, false)
	}
	for _, o := range pm.ld {
		if !hasLD || o.id != ld.id || o.types != ld.types {
			add(pm.names(o.authorRefs), bsLDOther, -1, false)
		}
	}
	for _, k := range []string{"twitter:label1", "twitter:label2"} {
		if l := strings.ToLower(pm.get(k)); strings.Contains(l, "written by") || strings.Contains(l, "author") {
			add(splitNames(pm.get("twitter:data"+k[len(k)-1:])), bsTwitter, -1, false)
		}
	}
	union := map[int][]string{}
	unionAt := map[int]int{}
	for _, m := range pm.bylines {
		src := markSource[m.kind]
		names, byPrefix := markNames(m.text)
		add(names, src, m.at, byPrefix)
		if _, seen := unionAt[src]; !seen {
			unionAt[src] = m.at
		}
		union[src] = append(union[src], cleanNames(names)...)
	}
	for _, src := range slices.Sorted(maps.Keys(union)) {
		if names := uniqueFold(union[src]); len(names) >= 2 && len(names) <= maxUnionNames {
			add(names, bsUnion, unionAt[src], false)
		}
	}
	for _, g := range pm.markGroups() {
		if c := add(g.names, markSource[g.kind], g.at, false); c != nil {
			c.group = true
		}
	}
	for i := len(pm.texts) - 1; i >= 0 && i >= len(pm.texts)-30; i-- {
		if m := copyrightOwner.FindStringSubmatch(pm.texts[i].value); m != nil {
			add([]string{m[1]}, bsCopyright, pm.texts[i].at, false)
			break
		}
	}
	if site := firstNonEmpty(cleanSpace(pm.get("og:site_name")), titleSiteSuffix(pm.title)); site != "" {
		add([]string{site}, bsSiteName, -1, false)
	}
	for _, i := range pm.nameLinesNearH1() {
		if c := add([]string{cleanSpace(pm.shorts[i].value)}, bsNameLine, pm.shorts[i].at, false); c != nil && c.line < 0 {
			c.line = i
		}
	}
	for _, b := range pm.authorBoxes() {
		if c := add([]string{cleanSpace(pm.shorts[b.line].value)}, bsAuthorBox, pm.shorts[b.line].at, false); c != nil {
			c.boxBio = c.boxBio || b.bio
			c.boxHeading = c.boxHeading || b.header
		}
	}
	if name, at, ok := pm.firstProfileName(); ok {
		byPrefix := matchesBylinePrefix(name)
		add(splitNames(name), bsProfileLink, at, byPrefix) // "By Jane Doe" as a link's text: the name after "By"
	}
	add([]string{pm.appPoster}, bsAppState, -1, false)
	by := 0
	for i, d := range pm.shorts {
		if by >= maxByTexts {
			break
		}
		if isLabelOnly(d.value) && i+1 < len(pm.shorts) && pm.shorts[i+1].at-d.at < 8 {
			if name, ok := bylineName("By " + pm.shorts[i+1].value); ok {
				add(splitNames(name), bsLabelNext, d.at, true)
				by++
			}
			continue
		}
		if matchesBylinePrefix(d.value) {
			if name, ok := bylineName(d.value); ok {
				add(splitNames(name), bsByText, d.at, true)
				by++
			}
		}
	}
	return out
}

// cleanNames trims a list of names and drops what names no one: too
// short, addresses, labels without a name ("By", "Author"), and repeats.
func cleanNames(names []string) []string {
	var out []string
	for _, n := range names {
		n = cleanSpace(strings.Trim(n, " ,;|·•-–—:："))
		switch {
		case utf8.RuneCountInString(n) < 2 || utf8.RuneCountInString(n) > 80 || strings.Contains(n, "://") || !strings.ContainsFunc(n, unicode.IsLetter):
		case isLabelOnly(n):
		case monthStartsDate(n):
			// "Jun 2", "August 28": a date in an author box, not a name.
		default:
			out = append(out, n)
		}
	}
	out = uniqueFold(out)
	if len(out) > 8 {
		return nil // a list of tags or of every contributor, not a byline
	}
	return out
}

// monthStartsDate reports whether a text that starts with a month word is
// a date ("Jun 2", "August 28", "May") rather than a name whose first
// name is a month's ("April Fulton", "June Carter"): it holds a digit, or
// the month stands alone or before a word that is not a capitalised name
// (another month, a lower-case word).
func monthStartsDate(n string) bool {
	w := strings.Fields(n)
	if !isMonth(strings.ToLower(strings.Trim(w[0], ".,"))) {
		return false
	}
	if len(w) == 1 || strings.ContainsFunc(n, unicode.IsDigit) || strings.HasSuffix(w[0], ".") || strings.HasSuffix(w[0], ",") {
		return true
	}
	next := strings.Trim(w[1], ".,")
	return !isCapitalised(next) || isMonth(strings.ToLower(next)) || isLabelOnly(next)
}

// BylineFeatureNames names the features of a byline candidate, in order.
var BylineFeatureNames = sync.OnceValue(func() []string {
	r := featureRow{naming: true}
	bylineFeatures(&r, pageMeta{}, []*bylineCand{{names: []string{"x"}, line: -1}}, 0, bylineContext{})
	return r.names
})

// bylineContext holds what the byline features compare a candidate with.
type bylineContext struct {
	sites        []string
	title, h1    string // folded
	hasLD, hasH1 bool
	// shown are the page's short visible texts in lower case, with their
	// document positions (pm.shorts), to find where a name is written;
	// nil on a page without an <h1>, where nearestShown reads none.
	shown []dated
	// nameLines counts the page's name lines (countNameLines).
	nameLines int
	// profileNames counts the distinct texts of the page's profile links
	// (pageMeta.profileNames): many on a forum thread or a listing.
	profileNames int
}

// bylineFeatures describes candidate i of cands: its sources; its names'
// count and shape (words, capitals, handles, digits, words of desks and
// companies, the site's own name; first names, surnames and organisations
// of the name lexicon); whether the page's title or headline
// holds a name; its place relative to the <h1>; how near the <h1> the page
// shows its names (an author meta tag naming an uploader's account the page
// never shows, beside the byline under the headline); how many other
// candidates share a name with it; and how many share its kind of markup,
// and come before it (markupKin).
func bylineFeatures(r *featureRow, pm pageMeta, cands []*bylineCand, i int, cx bylineContext) {
	c := cands[i]
	r.bits("src_", bylineSourceNames, c.src)
	n := 0
	for s := 0; s < numBylineSources; s++ {
		if c.src&(1<<s) != 0 {
			n++
		}
	}
	r.add("n_sources", float64(n))
	r.add("n_names", float64(len(c.names)))
	minW, maxW, sumW := 99, 0, 0
	handles, sites, digits, org, lower, inTitle, inH1, runes := 0, 0, 0, 0, 0, 0, 0, 0
	for _, name := range c.names {
		w := strings.Fields(name)
		minW, maxW, sumW = min(minW, len(w)), max(maxW, len(w)), sumW+len(w)
		runes += utf8.RuneCountInString(name)
		if isHandle(name) {
			handles++
		}
		if isSiteName(name, cx.sites) {
			sites++
		}
		if strings.ContainsFunc(name, unicode.IsDigit) {
			digits++
		}
		if namesOrg(name) {
			org++
		}
		for _, word := range w {
			if !isCapitalised(word) && !nameParticles[strings.ToLower(word)] {
				lower++
			}
		}
		if f := foldTitle(name); len(f) > 3 {
			if strings.Contains(cx.title, f) {
				inTitle++
			}
			if strings.Contains(cx.h1, f) {
				inH1++
			}
		}
	}
	k := float64(len(c.names))
	r.add("min_words", float64(minW))
	r.add("max_words", float64(maxW))
	r.add("mean_words", float64(sumW)/k)
	r.add("mean_runes", float64(runes)/k)
	r.add("handles", float64(handles)/k)
	r.add("site_names", float64(sites)/k)
	r.add("with_digits", float64(digits)/k)
	r.add("org_words", float64(org)/k)
	lexiconFeatures(r, c.names)
	r.add("lower_words", float64(lower))
	r.add("upper_share", upperShare(strings.Join(c.names, " ")))
	common, rare := wordRanks(c.names)
	r.add("common_word_rank", common)
	r.add("rare_word_rank", rare)
	r.flag("in_title", inTitle > 0)
	r.flag("in_h1", inH1 > 0)
	r.flag("by_prefix", c.byPrefix)
	if c.at >= 0 && pm.h1At >= 0 {
		r.add("from_h1", signedLog(float64(c.at-pm.h1At)))
	} else {
		r.add("from_h1", missing)
	}
	if c.at >= 0 {
		r.add("doc_pos", float64(c.at)/float64(max(pm.nodes, 1)))
	} else {
		r.add("doc_pos", missing)
	}
	if near, ok := nearestShown(c.names, cx.shown, pm.h1At); ok {
		r.add("shown_near_h1", logCount(near))
	} else {
		r.add("shown_near_h1", missing)
	}
	shared, superset := 0, 0
	for j, o := range cands {
		if j == i {
			continue
		}
		common := 0
		for _, a := range c.names {
			if slices.ContainsFunc(o.names, func(b string) bool { return strings.EqualFold(a, b) }) {
				common++
			}
		}
		if common > 0 {
			shared++
		}
		if common == len(c.names) && len(o.names) > len(c.names) {
			superset++
		}
	}
	r.add("cands_sharing_a_name", float64(shared))
	r.add("cands_with_more_names", float64(superset))
	kin, before := markupKin(cands, i)
	r.add("markup_kin", logCount(kin))
	r.add("markup_kin_before", logCount(before))
	nameLineFeatures(r, pm, c, cx)
	authorBoxFeatures(r, c)
	r.add("profile_names", logCount(cx.profileNames))
	r.add("page_cands", float64(len(cands)))
	r.flag("page_has_ld", cx.hasLD)
	r.flag("page_has_h1", cx.hasH1)
}

// nameLineFeatures describes what tells a byline's name line from another
// name beside the headline: whether it sits in page chrome, how far the
// nearest date is, whether its last word is a surname, and how many name
// lines the page has. The first three are missing for a candidate that is
// no name line.
func nameLineFeatures(r *featureRow, pm pageMeta, c *bylineCand, cx bylineContext) {
	r.add("name_lines", logCount(cx.nameLines))
	if c.line < 0 {
		r.add("line_in_menu", missing)
		r.add("line_digits_away", missing)
		r.add("line_last_name", missing)
		return
	}
	r.flag("line_in_menu", pm.lineInMenu(c.line))
	if d, ok := pm.nodesToDate(pm.shorts[c.line].at); ok {
		r.add("line_digits_away", logCount(d))
	} else {
		r.add("line_digits_away", missing)
	}
	r.flag("line_last_name", lastWordIsSurname(c.names[0]))
}

// markupSources are the sources read from the page's own elements and
// texts, whose repeats on one page mark a list (commenters, the authors of
// related posts, a forum's posters) rather than one byline.
const markupSources = 1<<bsRel | 1<<bsItemprop | 1<<bsClassByline | 1<<bsClassAuthor | 1<<bsByText | 1<<bsLabelNext | 1<<bsAuthorBox

// markupKin counts the other candidates of the page that share a markup
// source with candidate i (kin) and how many of them the page shows before
// it (before): a byline is most often the only one of its kind, or the
// first, under the headline; the fifth "class author" name of a page is a
// related post's author or a commenter.
func markupKin(cands []*bylineCand, i int) (kin, before int) {
	c := cands[i]
	mine := c.src & markupSources
	if mine == 0 {
		return 0, 0
	}
	for j, o := range cands {
		if j == i || o.src&mine == 0 {
			continue
		}
		kin++
		if o.at >= 0 && o.at < c.at {
			before++
		}
	}
	return kin, before
}

// bylineMetaCandidates describes the page's byline candidates for the
// ranker.
func (pm pageMeta) bylineMetaCandidates() []MetaCandidate {
	pm.shapes = pm.readNameShapes()
	cands := pm.bylineCandidates()
	if len(cands) == 0 {
		return nil
	}
	ld, hasLD := pm.ldArticle()
	cx := bylineContext{sites: pm.siteNameCandidates(""), title: foldTitle(pm.title), hasLD: hasLD, hasH1: pm.h1At >= 0}
	if len(pm.h1s) > 0 {
		cx.h1 = foldTitle(pm.h1s[0])
	}
	if pm.h1At >= 0 {
		cx.shown = shownTexts(pm.shorts) // nearestShown reads them only from an <h1>
	}
	cx.nameLines = pm.countNameLines()
	cx.profileNames = pm.profileNames()
	out := make([]MetaCandidate, len(cands))
	n := len(BylineFeatureNames())
	fuller := fullerBylines(cands, pm.ldNonPersonNames(ld.authorRefs))
	for i, c := range cands {
		r := featureRow{vals: make([]float64, 0, n)}
		bylineFeatures(&r, pm, cands, i, cx)
		out[i] = MetaCandidate{Value: strings.Join(c.names, ", "), Features: r.vals, Fuller: fuller[i]}
	}
	return out
}

// fullerBylines gives, for each candidate read from page markup, 1 + the
// index of the list of authors to give instead of it (0 when none): the
// first candidate read from the article's own schema.org author list, or
// from author elements standing side by side (bylineCand.group,
// markGroups), that names every person of the candidate and more, each of the others shown
// on the page as a byline element of its own (markupSources) and no
// organisation: not typed in the list as other than a person (notPeople,
// lower case: an Organization, a wire service a footer links with
// rel="author") nor named with a word of a desk or company (namesOrg:
// "News Desk"). A page that marks up two
// authors' bylines separately offers each as a candidate, and the ranker
// most often trusts the first one shown over the pair its structured data
// lists; the others' own byline elements tell co-authors from the outlet
// or the role a list of names may carry ("Jane Doe, The Daily Example").
// (Taking any fuller list, not only the article's with its names shown,
// lost held out: session 48, docs/measurements/metadata.md.)
func fullerBylines(cands []*bylineCand, notPeople map[string]bool) []int {
	out := make([]int, len(cands))
	shown := map[string]bool{} // the one-name candidates from page markup that may be people
	for _, c := range cands {
		if len(c.names) == 1 && c.src&markupSources != 0 && !notPeople[strings.ToLower(c.names[0])] && !namesOrg(c.names[0]) {
			shown[strings.ToLower(c.names[0])] = true
		}
	}
	for i, c := range cands {
		if c.src&markupSources == 0 {
			continue // an outlet's or a meta tag's name is no co-author's byline
		}
		for j, o := range cands {
			if j != i && (o.src&(1<<bsLDArticle) != 0 || o.group) && namesMore(o.names, c.names, shown) {
				out[i] = j + 1
				break
			}
		}
	}
	return out
}

// namesMore reports whether the list full holds every name of part (case
// folded) and more, each of the more in shown (lower case).
func namesMore(full, part []string, shown map[string]bool) bool {
	if len(full) <= len(part) {
		return false
	}
	extra := 0
	for _, n := range full {
		if slices.ContainsFunc(part, func(p string) bool { return strings.EqualFold(p, n) }) {
			continue
		}
		if !shown[strings.ToLower(n)] {
			return false
		}
		extra++
	}
	return extra == len(full)-len(part)
}

// minShownName is the shortest name looked for in the page's visible
// text, in nameWidth units: shorter ones ("Al", "Jo") are inside too many
// words. Not swept: four is the shortest name that is rarely part of a
// common word; a CJK name of two characters ("张三") has width four.
const minShownName = 4

// nameWidth is a name's length with a Han, Hangul or Kana character
// counted as two: a two- or three-character East Asian name is as telling
// as a four- to six-letter Latin one.
func nameWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			w++
		}
	}
	return w
}

// shownTexts gives the short visible texts names are looked for in (see
// nearestShown), white space collapsed and in lower case. (Joining
// neighbouring texts, to find "By <a>Jane</a> <a>Doe</a>", was measured
// and lost held out: wcxb 5-fold byline F1 .845 -> .842, readability left
// out .783 -> .731.)
func shownTexts(shorts []dated) []dated {
	out := make([]dated, len(shorts))
	for i, d := range shorts {
		out[i] = dated{value: strings.ToLower(cleanSpace(d.value)), at: d.at}
	}
	return out
}

// nearestShown is the distance, in document nodes, from the <h1> (at h1At)
// to the nearest short visible text (lower case) that holds one of names:
// the byline under a headline is near it, a commenter's name or an
// uploader's account in a meta tag is far or nowhere. ok is false when no
// name is shown or the page has no <h1>.
func nearestShown(names []string, shown []dated, h1At int) (dist int, ok bool) {
	if h1At < 0 {
		return 0, false
	}
	dist = -1
	for _, name := range names {
		ln := strings.ToLower(cleanSpace(name))
		if nameWidth(ln) < minShownName {
			continue
		}
		for _, t := range shown {
			if d := abs(t.at - h1At); (dist < 0 || d < dist) && strings.Contains(t.value, ln) {
				dist = d
			}
		}
	}
	return dist, dist >= 0
}

// abs is the absolute value of x.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// unknownRank stands for the rank of a word outside the word table, rarer
// than any in it.
const unknownRank = 200000

// wordRanks reads how common the words of a list of names are in English
// (GloVe's frequency ranks, on a log scale): the most common word and the
// rarest. Names of people are made of rare words or words that are only
// names; "Tweet", "Name", "Sold By" and "Google Cloud" are common words.
func wordRanks(names []string) (common, rare float64) {
	lo, hi := unknownRank, 0
	for _, n := range names {
		for _, w := range wordsOf(n) {
			r, ok := wordvec.Rank(w)
			if !ok {
				r = unknownRank
			}
			lo, hi = min(lo, r), max(hi, r)
		}
	}
	if hi == 0 && lo == unknownRank {
		return missing, missing
	}
	return logCount(lo), logCount(hi)
}
