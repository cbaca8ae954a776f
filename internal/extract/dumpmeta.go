package extract

import (
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// DumpMeta is what a text dump says about its article besides the text:
// its headline, byline, publication date and site.
type DumpMeta struct {
	Title, Byline, Source string
	Published             time.Time
}

// dumpMetadata picks the title, byline and publication date of a text dump
// with the metadata model's dump rankers, and names its site.
//
// lines are the dump's non-empty lines in order, trimmed (in WET-like dumps
// the first is the page's <title>); body says which lines the text
// extractor kept as the article (nil or all false when it kept none);
// pageURL is the page's address, "" when unknown; fetched is when the page
// was captured, zero when unknown (see readTime). Title, byline and date
// are "" or zero when the dump offers none the rankers trust.
func dumpMetadata(lines []string, body []bool, pageURL string, fetched time.Time) DumpMeta {
	m := DefaultMetaModel()
	d := newDumpDoc(lines, body, pageURL)
	d.read = fetched
	var out DumpMeta
	if c := d.titleCandidates(); len(c) > 0 {
		if i := m.DumpTitle.Pick(c); i >= 0 {
			out.Title = c[i].Value
		}
	}
	if c := d.bylineCandidates(); len(c) > 0 {
		if i := m.DumpByline.Pick(c); i >= 0 {
			out.Byline = c[i].Value
		}
	}
	if c := d.dateCandidates(); len(c) > 0 {
		if i := m.DumpDate.Pick(c); i >= 0 {
			out.Published = c[sameDayWithClock(c, i)].Time
		}
	}
	out.Source = d.siteName(out.Title)
	return out
}

// dumpDoc is a text dump as the dump rankers read it.
type dumpDoc struct {
	lines     []string
	keys      []string // foldTitle of each line
	body      []bool
	bodyStart int // the first article line, -1 when none
	mainStart int // the first line of the article's largest run of kept lines, -1 when none
	url       string
	read      time.Time       // when the dump was captured (news.Page.Fetched), zero when unknown: see readTime
	titleLine string          // the first line, the <title> of WET dumps
	titleKeys []string        // the folded parts of the first line
	echoed    bool            // a line near the article's start repeats the first line or a part
	count     map[string]int  // how often each folded line occurs
	lead      map[string]bool // words of the article's first lines
	host      string
	sites     []string // the names the dump gives its site: its copyright line's owner, its URL's host
}

// dumpWindowBefore and dumpWindowAfter bound the lines around the start of
// the article read as title, byline and date candidates: the headline and
// dateline sit just above the first article line (or a few lines into it,
// when the extractor kept them); a dump's menus above may run to hundreds
// of lines. maxDumpScan bounds the lines searched for a copy of the
// <title>'s headline when the article's start is unknown or misplaced.
const (
	dumpWindowBefore = 40
	dumpWindowAfter  = 8
	maxDumpScan      = 600
)

func newDumpDoc(lines []string, body []bool, pageURL string) *dumpDoc {
	d := &dumpDoc{lines: lines, body: body, bodyStart: -1, mainStart: mainRunStart(lines, body), url: pageURL, count: map[string]int{}, lead: map[string]bool{}}
	d.keys = make([]string, len(lines))
	for i, l := range lines {
		d.keys[i] = foldTitle(l)
		d.count[d.keys[i]]++
	}
	for i, b := range body {
		if b && i < len(lines) {
			if d.bodyStart < 0 {
				d.bodyStart = i
			}
		}
	}
	if d.bodyStart >= 0 {
		n := 0
		for i := d.bodyStart; i < len(lines) && n < 3; i++ {
			if body[i] {
				for w := range wordSet(lines[i]) {
					d.lead[w] = true
				}
				n++
			}
		}
	}
	if len(lines) > 0 {
		d.titleLine = lines[0]
		for _, p := range splitTitle(lines[0]) {
			d.titleKeys = append(d.titleKeys, foldTitle(p.text))
		}
	}
	d.echoed = d.firstLineEchoed()
	if h := Host(pageURL); h != "" {
		d.host = hostLabel(h)
		d.sites = append(d.sites, h, d.host)
	}
	if owner := copyrightOwnerOf(lines); owner != "" {
		d.sites = append(d.sites, owner)
	}
	return d
}

// copyrightOwnerOf is the owner named by a copyright line among a dump's
// last 30 lines (footers are short), "" when none.
func copyrightOwnerOf(lines []string) string {
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-30; i-- {
		if m := copyrightOwner.FindStringSubmatch(lines[i]); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// hasSitePart reports whether a title has a part, cut at a separator,
// that names the site ("Headline - Site").
func hasSitePart(t string, sites []string) bool {
	if len(sites) == 0 {
		return false
	}
	parts := splitTitle(t)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if isSiteName(p.text, sites) {
			return true
		}
	}
	return false
}

// inWindow reports whether line i is near the article's start.
func (d *dumpDoc) inWindow(i int) bool {
	if d.bodyStart < 0 {
		return i < dumpWindowBefore
	}
	return i >= d.bodyStart-dumpWindowBefore && i <= d.bodyStart+dumpWindowAfter
}

// runBridge is how many lines the extractor did not keep may lie inside one
// run of kept lines: a subheading, a photo credit or an inline teaser between
// two paragraphs, the widest bridge of the dump classifier's prose segments
// (proseGaps), which count prose lines where this counts kept ones.
var runBridge = proseGaps[len(proseGaps)-1]

// mainRunStart is the first line of the run of kept lines (bridging up to
// runBridge other lines) with the most words: the article proper. The first
// kept line may be a stray one far above it (a tagline, a teaser's snippet),
// and the headline and dateline sit above the article proper.
func mainRunStart(lines []string, body []bool) int {
	best, bestWords := -1, 0
	start, words, gap := -1, 0, 0
	for i := 0; i <= len(body) && i <= len(lines); i++ {
		kept := i < len(body) && i < len(lines) && body[i]
		switch {
		case kept && start < 0:
			start, words, gap = i, 0, 0
		case kept:
			gap = 0
		case start >= 0:
			gap++
		}
		if kept {
			words += len(strings.Fields(lines[i]))
		}
		if start >= 0 && (gap > runBridge || i == len(body) || i == len(lines)) {
			if words > bestWords {
				best, bestWords = start, words
			}
			start = -1
		}
	}
	return best
}

// nearMainStart reports whether line i lies around the start of the
// article proper (mainRunStart), in the window inWindow uses.
func (d *dumpDoc) nearMainStart(i int) bool {
	return d.mainStart >= 0 && i >= d.mainStart-dumpWindowBefore && i <= d.mainStart+dumpWindowAfter
}

// isDateline reports whether a line is mostly a date ("Updated March 3,
// 2026 8:40 AM"): at least half its words are numbers or month names. A
// headline that names a date ("Storm of January 5, 2024 remembered") is
// mostly other words. Counting day names, clock and zone marks and labels
// ("Posted on Tuesday, March 3rd, 2026 at 8:40 am") as date words too was
// measured and not kept (dump titles right left out 3,169 -> 3,150).
func isDateline(l string) bool {
	if _, ok := parseDate(l); !ok {
		return false
	}
	words := strings.Fields(l)
	dateWords := 0
	for _, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) || isMonth(strings.ToLower(strings.Trim(w, ".,"))) {
			dateWords++
		}
	}
	return 2*dateWords >= len(words)
}

// nearStart reports whether line i lies around the first kept line or
// around the start of the article proper: where headline, byline and
// dateline are looked for.
func (d *dumpDoc) nearStart(i int) bool { return d.inWindow(i) || d.nearMainStart(i) }

// fromMain is line i's distance from the start of the article proper
// (signed, on a log scale), missing when there is none.
func (d *dumpDoc) fromMain(i int) float64 {
	if d.mainStart < 0 || i < 0 {
		return missing
	}
	return signedLog(float64(i - d.mainStart))
}

// fromBody is line i's distance from the article's start (signed, on a
// log scale), missing when the start is unknown.
func (d *dumpDoc) fromBody(i int) float64 {
	if d.bodyStart < 0 || i < 0 {
		return missing
	}
	return signedLog(float64(i - d.bodyStart))
}

// Where a dump title candidate comes from.
const (
	dtFirstLine = iota // the dump's first line (the <title>)
	dtPartFirst        // the first line's first part, split at separators
	dtPartLast         // its last part
	dtPartMid          // a part between
	dtLine             // a line near the article's start
	dtTitleCopy        // a line that repeats the first line or one of its parts
	numDumpTitleSources
)

var dumpTitleSourceNames = []string{"first_line", "part_first", "part_last", "part_mid", "line", "title_copy"}

// dumpTitleCand is one headline a dump offers.
type dumpTitleCand struct {
	text string
	key  string
	src  uint64
	line int // its first line (-1 for parts of the first line only)
}

// titleCandidates gathers the dump's headlines: its first line and that
// line's parts, the short lines near the article's start, and any line
// that repeats the first line or one of its parts.
func (d *dumpDoc) titleCandidatesRaw() []*dumpTitleCand {
	var out []*dumpTitleCand
	byKey := map[string]*dumpTitleCand{}
	add := func(text string, src, line int) {
		text = cleanSpace(text)
		if text == "" || utf8.RuneCountInString(text) > maxTitleRunes || !strings.ContainsFunc(text, isWordRune) {
			return
		}
		key := foldTitle(text)
		c := byKey[key]
		if c == nil {
			c = &dumpTitleCand{text: text, key: key, line: line}
			byKey[key] = c
			out = append(out, c)
		}
		c.src |= 1 << src
		if line >= 0 && (c.line < 0 || line < c.line && src != dtFirstLine) {
			c.line = line
		}
	}
	if len(d.lines) == 0 {
		return nil
	}
	add(d.titleLine, dtFirstLine, 0)
	parts := splitTitle(d.titleLine)
	if len(parts) > 1 {
		for i, p := range parts {
			switch {
			case i == 0:
				add(p.text, dtPartFirst, -1)
			case i == len(parts)-1:
				add(p.text, dtPartLast, -1)
			default:
				add(p.text, dtPartMid, -1)
			}
		}
	}
	for i := 1; i < len(d.lines) && i < maxDumpScan; i++ {
		words := len(strings.Fields(d.lines[i]))
		if words == 0 || words > 40 {
			continue
		}
		if d.keys[i] == d.keys[0] || d.isTitlePart(d.keys[i]) || (len(d.keys[i]) >= 8 && strings.Contains(d.keys[0], d.keys[i])) {
			add(d.lines[i], dtTitleCopy, i)
		} else if d.nearStart(i) && words >= 2 {
			add(d.lines[i], dtLine, i)
		}
	}
	return out
}

func (d *dumpDoc) isTitlePart(key string) bool {
	for _, k := range d.titleKeys {
		if k == key {
			return true
		}
	}
	return false
}

// DumpTitleFeatureNames names the features of a dump title candidate.
var DumpTitleFeatureNames = sync.OnceValue(func() []string {
	r := featureRow{naming: true}
	d := &dumpDoc{count: map[string]int{}, bodyStart: -1}
	d.titleFeatures(&r, &dumpTitleCand{line: -1}, nil)
	return r.names
})

// titleFeatures describes a dump title candidate: its sources; its shape;
// its line's place (from the top, from the article's start) and what
// surrounds it (a "By" line or a date just below, the article right
// after); how it relates to the first line and to the article's lead; how
// often it recurs in the dump.
func (d *dumpDoc) titleFeatures(r *featureRow, c *dumpTitleCand, cands []*dumpTitleCand) {
	r.bits("src_", dumpTitleSourceNames, c.src)
	n := 0
	for s := 0; s < numDumpTitleSources; s++ {
		if c.src&(1<<s) != 0 {
			n++
		}
	}
	r.add("n_sources", float64(n))
	words := strings.Fields(c.text)
	r.add("words", float64(len(words)))
	r.add("log_runes", logCount(utf8.RuneCountInString(c.text)))
	parts := splitTitle(c.text)
	r.flag("has_separator", len(parts) > 1)
	r.flag("has_colon", strings.Contains(c.text, ": "))
	last, _ := utf8.DecodeLastRuneInString(c.text)
	r.flag("ends_stop", last == '.' || last == '!' || last == '?' || last == '…' || last == ':')
	r.add("upper_share", upperShare(c.text))
	_, byline := bylineName(c.text)
	r.flag("is_dateline", byline || isDateline(c.text)) // a "By Name" line or a dateline is the headline's neighbour, not the headline
	r.flag("is_site", isSiteName(c.text, d.sites))
	r.flag("has_site_part", hasSitePart(c.text, d.sites))
	r.flag("host_match", hostMatch(c.text, d.host))
	r.flag("last_part_host_match", len(parts) > 1 && hostMatch(parts[len(parts)-1].text, d.host))
	r.flag("first_part_host_match", len(parts) > 1 && hostMatch(parts[0].text, d.host))
	r.add("line", logCount(c.line))
	r.add("from_body", d.fromBody(c.line))
	r.add("from_main", d.fromMain(c.line))
	inBody := c.line >= 0 && c.line < len(d.body) && d.body[c.line]
	r.flag("in_body", inBody)
	byBelow, dateBelow, bodyBelow := false, false, false
	if c.line >= 0 {
		for j := c.line + 1; j < len(d.lines) && j <= c.line+4; j++ {
			if matchesBylinePrefix(d.lines[j]) {
				byBelow = true
			}
			if _, ok := findDate(d.lines[j]); ok && len(d.lines[j]) <= maxDatedText {
				dateBelow = true
			}
			if j < len(d.body) && d.body[j] {
				bodyBelow = true
			}
		}
	}
	r.flag("byline_below", byBelow)
	r.flag("date_below", dateBelow)
	r.flag("body_below", bodyBelow)
	r.add("recurs", logCount(d.count[c.key]))
	r.flag("equals_first_line", d.titleLine != "" && c.key == foldTitle(d.titleLine))
	r.flag("is_first_line_part", d.isTitlePart(c.key))
	r.flag("in_first_line", d.titleLine != "" && strings.Contains(foldTitle(d.titleLine), c.key))
	cw := wordSet(c.text)
	r.add("jaccard_first_line", jaccard(cw, wordSet(d.titleLine)))
	r.add("covered_by_lead", covered(cw, d.lead))
	r.flag("page_has_body", d.bodyStart >= 0)
	r.add("page_first_line_parts", float64(len(d.titleKeys)))
	r.add("page_cands", float64(len(cands)))
	d.chromeFeatures(r, c)
}

// chromeFeatures say whether a dump title candidate, and the dump's first
// line, read as page chrome (a membership or newsletter pitch, a "Skip to
// content"): the boilerplate phrases the text extractor knows, counted in
// the candidate, in the line it stands on, and in the first line, and
// whether the first line ends as a sentence (a <title> seldom does, a
// banner often does), and whether the first line is echoed near the
// article. A WET dump's first line is the page's <title>, so the rankers
// otherwise learn "the first line is the title". Refitted on the bench
// (docs/measurements/metadata.md, s6-fixm), the echo carries the weight and the phrase counts
// almost none: the bench dumps hardly ever open with chrome.
func (d *dumpDoc) chromeFeatures(r *featureRow, c *dumpTitleCand) {
	line := d.titleLine
	if c.line > 0 && c.line < len(d.lines) {
		line = d.lines[c.line]
	}
	r.add("chrome_phrases", float64(chromeScore(c.text)))
	r.add("line_chrome_phrases", float64(chromeScore(line)))
	r.add("page_first_line_chrome", float64(chromeScore(d.titleLine)))
	r.flag("page_first_line_sentence", endsSentence(d.titleLine))
	r.flag("page_first_line_echoed", d.echoed)
}

// firstLineEchoed reports whether a line near the article's start repeats
// the first line or one of its parts: a <title> whose headline the page
// shows again above its article. A first line that is not echoed there
// (a banner, a <title> unlike the headline) leaves the lines above the
// article as the headline's candidates.
func (d *dumpDoc) firstLineEchoed() bool {
	for i := 1; i < len(d.lines) && i < maxDumpScan; i++ {
		if d.inWindow(i) && len(d.keys[i]) > 0 && (d.keys[i] == d.keys[0] || d.isTitlePart(d.keys[i])) {
			return true
		}
	}
	return false
}

// titleCandidates describes the dump's title candidates for the ranker.
func (d *dumpDoc) titleCandidates() []MetaCandidate {
	cands := d.titleCandidatesRaw()
	out := make([]MetaCandidate, len(cands))
	for i, c := range cands {
		r := featureRow{vals: make([]float64, 0, len(DumpTitleFeatureNames()))}
		d.titleFeatures(&r, c, cands)
		out[i] = MetaCandidate{Value: c.text, Features: r.vals}
	}
	return out
}

// dumpByline is one list of authors a dump offers, from one line.
type dumpByline struct {
	names    []string
	line     int
	labelled bool // a label line ("Written by") and the name on the next
	bare     bool // a line that is only a name, without "By" or a label
}

// Bare name lines: a dump gives the byline as a line of its own ("Jane
// Doe" above "August 25, 2025") more often than as "By Jane Doe" (wcxb:
// the gold author is a whole line of the dump on 352 of its 673 pages with
// an author). Such lines are read only right around the article's start
// (bareNameWindow lines before or after the first kept line or the start of
// the article proper: the headline, byline and dateline are the few lines
// above it), at most maxBareNames a page, and only when they are shaped
// like a name: bareNameMinWords to bareNameMaxWords capitalised words, no
// digits, no end punctuation, no page chrome. The ranker weighs them
// against the labelled lines with the rest of the features.
const (
	bareNameWindow   = 6 // headline, byline, dateline, reading time and a label or two; not tuned (measured at this value only)
	maxBareNames     = 6 // as many as the window's lines on one side; not tuned
	bareNameMinWords = 2 // one capitalised word is any menu item
	bareNameMaxWords = 4 // longer lines are headlines and labels
)

// bareNameLine reports whether line i is a name on a line of its own near
// the article's start.
func (d *dumpDoc) bareNameLine(i int) bool {
	near := func(start int) bool { return start >= 0 && i >= start-bareNameWindow && i <= start+bareNameWindow }
	if !near(d.bodyStart) && !near(d.mainStart) || d.keys[i] == d.keys[0] || d.isTitlePart(d.keys[i]) {
		return false
	}
	l := d.lines[i]
	words := strings.Fields(l)
	if len(words) < bareNameMinWords || len(words) > bareNameMaxWords || strings.ContainsFunc(l, unicode.IsDigit) {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(l); strings.ContainsRune(".!?:;,", last) || chromeScore(l) > 0 {
		return false
	}
	if notNameFirst[strings.ToLower(words[0])] || notNameLast[strings.ToLower(words[len(words)-1])] {
		return false // "The Road Ahead", "Getty Images", "World News"
	}
	for _, w := range words {
		if !isCapitalised(w) && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// notNameFirst are words a name does not open with (articles of the
// languages with capitalised names), and notNameLast the nouns of credits,
// sections and media a name does not end with: lines near a headline that
// are shaped like a name and are not ("The Road Ahead", "Getty Images",
// "Photo Gallery", "World News"; the second review's probes).
var (
	notNameFirst = map[string]bool{"the": true, "a": true, "an": true, "der": true, "die": true, "das": true, "le": true,
		"la": true, "les": true, "el": true, "los": true, "il": true, "our": true, "my": true, "your": true}
	notNameLast = map[string]bool{"images": true, "image": true, "photos": true, "photo": true, "gallery": true,
		"news": true, "video": true, "videos": true, "media": true, "press": true, "stories": true, "articles": true,
		"podcast": true, "newsletter": true, "archive": true, "archives": true, "section": true, "sections": true}
)

// dateNear reports whether a line within two of line i holds a date: a
// byline and its dateline sit together.
func (d *dumpDoc) dateNear(i int) bool {
	for j := max(0, i-2); j <= i+2 && j < len(d.lines); j++ {
		if j != i && len(d.lines[j]) <= maxDatedText {
			if _, ok := parseDate(d.lines[j]); ok {
				return true
			}
		}
	}
	return false
}

// bylineCandidatesRaw gathers the "By ..." lines near the article's start,
// the names after a lone label line, and the lines that are only a name
// right around it (bareNameLine).
func (d *dumpDoc) bylineCandidatesRaw() []dumpByline {
	var out []dumpByline
	bare := 0
	for i := 1; i < len(d.lines) && i < maxDumpScan; i++ {
		if !d.nearStart(i) || len(d.lines[i]) > maxBylineText*2 {
			continue
		}
		l := d.lines[i]
		if isLabelOnly(l) && i+1 < len(d.lines) {
			if name, ok := bylineName("By " + d.lines[i+1]); ok {
				if names := cleanNames(splitNames(name)); len(names) > 0 {
					out = append(out, dumpByline{names: names, line: i + 1, labelled: true})
				}
			}
			continue
		}
		if name, ok := bylineName(l); ok {
			if names := cleanNames(splitNames(name)); len(names) > 0 {
				out = append(out, dumpByline{names: names, line: i})
			}
		} else if bare < maxBareNames && d.bareNameLine(i) {
			if names := cleanNames([]string{l}); len(names) > 0 {
				out = append(out, dumpByline{names: names, line: i, bare: true})
				bare++
			}
		}
		if len(out) >= maxByTexts {
			break
		}
	}
	return out
}

// DumpBylineFeatureNames names the features of a dump byline candidate.
var DumpBylineFeatureNames = sync.OnceValue(func() []string {
	r := featureRow{naming: true}
	d := &dumpDoc{count: map[string]int{}, bodyStart: -1}
	d.bylineFeatures(&r, []dumpByline{{names: []string{"x"}, line: -1}}, 0)
	return r.names
})

// bylineFeatures describes a dump byline candidate: its names' count and
// shape, how common their words are, its line's place relative to the
// article and the first line, and how many other candidates repeat it.
func (d *dumpDoc) bylineFeatures(r *featureRow, cands []dumpByline, i int) {
	c := cands[i]
	r.flag("labelled", c.labelled)
	r.flag("bare", c.bare)
	r.flag("date_near", c.line >= 0 && d.dateNear(c.line))
	r.add("n_names", float64(len(c.names)))
	maxW, handles, org := 0, 0, 0
	for _, n := range c.names {
		maxW = max(maxW, len(strings.Fields(n)))
		if isHandle(n) {
			handles++
		}
		if namesOrg(n) {
			org++
		}
	}
	r.add("max_words", float64(maxW))
	r.add("handles", float64(handles))
	r.add("org_words", float64(org))
	common, rare := wordRanks(c.names)
	r.add("common_word_rank", common)
	r.add("rare_word_rank", rare)
	r.add("line", logCount(c.line))
	r.add("from_body", d.fromBody(c.line))
	r.add("from_main", d.fromMain(c.line))
	r.flag("in_body", c.line >= 0 && c.line < len(d.body) && d.body[c.line])
	r.add("line_runes", logCount(len(d.lineAt(c.line))))
	inTitle := false
	for _, n := range c.names {
		if f := foldTitle(n); len(f) > 3 && strings.Contains(foldTitle(d.titleLine), f) {
			inTitle = true
		}
	}
	r.flag("in_first_line", inTitle)
	same := 0
	for j, o := range cands {
		if j != i && strings.EqualFold(strings.Join(o.names, ","), strings.Join(c.names, ",")) {
			same++
		}
	}
	r.add("repeated", float64(same))
	r.add("rank", float64(i))
	r.add("page_cands", float64(len(cands)))
	r.flag("page_has_body", d.bodyStart >= 0)
}

func (d *dumpDoc) lineAt(i int) string {
	if i < 0 || i >= len(d.lines) {
		return ""
	}
	return d.lines[i]
}

// bylineCandidates describes the dump's byline candidates for the ranker.
func (d *dumpDoc) bylineCandidates() []MetaCandidate {
	cands := d.bylineCandidatesRaw()
	out := make([]MetaCandidate, len(cands))
	for i, c := range cands {
		r := featureRow{vals: make([]float64, 0, len(DumpBylineFeatureNames()))}
		d.bylineFeatures(&r, cands, i)
		out[i] = MetaCandidate{Value: strings.Join(c.names, ", "), Features: r.vals}
	}
	return out
}

// dumpDate is one date a dump offers: from a short line near the article's
// start, or from the page's URL (line -1).
type dumpDate struct {
	t    time.Time
	line int
}

// dateCandidatesRaw gathers the dates of the short lines near the
// article's start, and of the URL.
func (d *dumpDoc) dateCandidatesRaw() []dumpDate {
	var out []dumpDate
	now := readTime(d.read)
	for i := 1; i < len(d.lines) && i < maxDumpScan; i++ {
		if !d.nearStart(i) || len(d.lines[i]) > maxDatedText || photoCredit.MatchString(d.lines[i]) {
			continue // a caption dates its photo, not the page
		}
		if t, ok := parseDate(d.lines[i]); ok && !afterReading(t, now) {
			out = append(out, dumpDate{t: t, line: i})
		}
		if len(out) >= maxDatesPerSource {
			break
		}
	}
	if t, ok := dateFromURL(d.url); ok && !afterReading(t, now) {
		out = append(out, dumpDate{t: t, line: -1})
	}
	return out
}

// DumpDateFeatureNames names the features of a dump date candidate.
var DumpDateFeatureNames = sync.OnceValue(func() []string {
	r := featureRow{naming: true}
	d := &dumpDoc{count: map[string]int{}, bodyStart: -1}
	d.dateFeatures(&r, []dumpDate{{line: -1}}, 0)
	return r.names
})

// dateFeatures describes a dump date candidate: where it comes from (a
// line or the URL), the words on its line (updated, published, by), its
// line's length and place, and how it relates to the dump's other dates.
func (d *dumpDoc) dateFeatures(r *featureRow, cands []dumpDate, i int) {
	c := cands[i]
	l := d.lineAt(c.line)
	prev := d.lineAt(c.line - 1)
	r.flag("from_url", c.line < 0)
	r.flag("label_updated", updatedLabel.MatchString(l) || updatedLabel.MatchString(prev))
	r.flag("label_published", publishedLabel.MatchString(l) || publishedLabel.MatchString(prev))
	r.flag("with_byline", matchesBylinePrefix(l))
	r.flag("copyright", copyrightNotice.MatchString(l))
	r.flag("line_is_sentence", endsSentence(l))
	r.flag("has_clock", c.t.Hour() != 0 || c.t.Minute() != 0)
	r.flag("day_one", c.t.Day() == 1)
	r.add("line_words", float64(len(strings.Fields(l))))
	r.add("line", logCount(c.line))
	r.add("from_body", d.fromBody(c.line))
	r.add("from_main", d.fromMain(c.line))
	r.flag("in_body", c.line >= 0 && c.line < len(d.body) && d.body[c.line])
	earliest, latest := c.t, c.t
	same, days := 0, map[string]bool{}
	for j, o := range cands {
		days[dayKey(o.t)] = true
		if o.t.Before(earliest) {
			earliest = o.t
		}
		if o.t.After(latest) {
			latest = o.t
		}
		if j != i && dayKey(o.t) == dayKey(c.t) {
			same++
		}
	}
	r.add("same_day", float64(same))
	r.flag("is_earliest", dayKey(earliest) == dayKey(c.t))
	r.flag("is_latest", dayKey(latest) == dayKey(c.t))
	r.add("days_after_earliest", logCount(int(daysBetween(earliest, c.t))))
	r.add("days_before_latest", logCount(int(daysBetween(c.t, latest))))
	r.add("page_days", float64(len(days)))
	r.add("rank", float64(i))
	r.flag("page_has_body", d.bodyStart >= 0)
}

// dateCandidates describes the dump's date candidates for the ranker.
func (d *dumpDoc) dateCandidates() []MetaCandidate {
	cands := d.dateCandidatesRaw()
	out := make([]MetaCandidate, len(cands))
	for i, c := range cands {
		r := featureRow{vals: make([]float64, 0, len(DumpDateFeatureNames()))}
		d.dateFeatures(&r, cands, i)
		out[i] = MetaCandidate{Value: c.t.Format(time.RFC3339), Time: c.t, Features: r.vals}
	}
	return out
}

// siteName names the outlet of a dump: the tail of a "Headline | Site"
// first line (unless it is the headline picked), else the owner in a
// copyright line near the end, else the host of the page's URL, a
// bracketed tail of the first line, the part of the first line before the
// headline ("Site - Headline": after the owner and the host, as that part
// is as often a section, "FAQ - ..."), the domain the text names most or
// the name its furniture gives its outlet ("Thank you for reading X",
// "Follow X", "X ©": dumpSelfName); each cleaned and passed over when it does not read as a name
// (firstSiteName). "" when the dump names no site and has no URL (the
// caller's --source, or the file's folder, is then the only name there is).
func (d *dumpDoc) siteName(title string) string {
	return firstSiteName(
		func() string { return d.titleLineSite(title) },
		func() string { return copyrightOwnerOf(d.lines) },
		func() string { return Host(d.url) },
		func() string { return bracketSiteSuffix(d.titleLine) },
		func() string { return titleSitePrefix(d.titleLine, title) },
		func() string { return mostNamedDomain(d.lines) },
		func() string { return dumpSelfName(d.lines) },
	)
}

// titleLineSite is the site's name the dump's first line ends with
// ("Headline | Site"), unless that tail is the headline picked.
func (d *dumpDoc) titleLineSite(title string) string {
	if tail := titleSiteSuffix(d.titleLine); foldTitle(tail) != foldTitle(title) {
		return tail
	}
	return ""
}

// titleSitePrefix is the part of a title line before its first separator
// when the rest of the line is the headline ("BBC News - Graduates lack
// skills"), at most five words as titleSiteSuffix's tails; "" otherwise.
func titleSitePrefix(line, headline string) string {
	line = cleanSpace(line)
	if headline == "" {
		return ""
	}
	for _, sep := range titleSeparators {
		i := strings.Index(line, sep)
		if i <= 0 {
			continue
		}
		head, rest := strings.TrimSpace(line[:i]), line[i+len(sep):]
		if foldTitle(rest) == foldTitle(headline) && len(strings.Fields(head)) <= 5 {
			return head
		}
	}
	return ""
}

// domainName finds a written domain name ("EcoGeek.org", "www.bbc.co.uk").
var domainName = regexp.MustCompile(`(?i)\b(?:[a-z0-9][a-z0-9-]*\.)+(?:com|org|net|edu|gov|info|io|co|news|blog|[a-z]{2})\b`)

// mostNamedDomain is the domain a dump's text names most often, sharing
// platforms aside, the later one on a tie (a page names its own site in
// its footer): what a dump without a URL, title suffix or copyright line
// still says about where it comes from. "" when it names none.
func mostNamedDomain(lines []string) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for _, l := range lines {
		if !strings.Contains(l, ".") {
			continue
		}
		for _, m := range domainName.FindAllString(l, -1) {
			h := strings.TrimPrefix(strings.ToLower(m), "www.")
			if platformHosts[h] || !strings.ContainsFunc(h, unicode.IsLetter) {
				continue
			}
			counts[h]++
			if counts[h] >= bestN {
				best, bestN = m, counts[h]
			}
		}
	}
	return strings.TrimPrefix(best, "www.")
}
