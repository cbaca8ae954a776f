package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// line is one block of a text dump with what the extractor measured of it.
type line struct {
	text   string
	words  int
	prose  bool
	chrome int     // boilerplate phrases found
	score  float64 // contribution to the article region
}

// fromText extracts the article from a plain-text dump of a whole page.
//
// With a line classifier in the model (see lineFeatures), the lines it
// gives a probability at or above its threshold are kept. Without one (the
// embedded model has none: on the development sets the learned line
// classifier did not yet beat the heuristic below, see the README), each
// line gets a score: a prose line (see isProse) adds its word count; a prose
// line that carries page chrome (boilerplate phrases, photo credits)
// subtracts it; any other line (menu entry, label, headline) subtracts
// 10 + 3 x its words up to six words and 10 + 5 x its words beyond, so that a
// short sub-heading inside an article is bridged by the paragraphs around it
// while a teaser behind another story's long headline is not. The article is
// the run of lines with the largest total (Kadane's maximum subarray).
// Lines the site's template knows as boilerplate are chrome either way.
// Title, byline and date come from the lines just above the article (see
// headOf).
func fromText(body []byte, pageURL string, t *Template, m *Model) (news.Article, []uint64, bool, error) {
	var tids wordIDs
	if m.lines != nil {
		tids = m.textWordID
	}
	ls, arena := dumpLines(body, tids)
	fps := make([]uint64, len(ls))
	lines := make([]line, len(ls))
	for i := range ls {
		fps[i] = ls[i].fp
		lines[i] = ls[i].line
		if t.Boilerplate(fps[i]) {
			lines[i].score = -(10 + 3*float64(lines[i].words))
			lines[i].chrome++
		}
	}
	a := news.Article{URL: pageURL}
	if len(ls) == 0 {
		return a, fps, false, nil
	}
	var keep []bool
	if m.lines != nil {
		keep = m.selectLines(ls, arena, t)
	} else {
		keep = make([]bool, len(lines))
		start, end := bestRun(lines)
		for i := max(0, start); i < end; i++ {
			keep[i] = keepInRun(lines[i])
		}
	}
	var paras []string
	start := -1
	for i, k := range keep {
		if k {
			if start < 0 {
				start = i
			}
			paras = append(paras, ls[i].text)
		}
	}
	a.Text = joinParagraphs(paras)
	if start < 0 {
		start = 0
	}
	a.Title, a.Byline, a.Published = headOf(lines, start, paras)
	a.Source = siteName(lines, a.Title)
	a.Lang = guessLang(a.Text)
	visible := false
	for i := range ls {
		visible = visible || ls[i].tokens > 0
	}
	return a, fps, visible, nil
}

// scoreLines scores the blocks of a dump (see fromText) in the light of their
// neighbours: the short items of a list that a line ending in ":" introduces
// cost next to nothing, and prose after a comment-section header ("385
// Comments", "Leave a Reply") that follows a substantial article counts for
// a tenth, as readers' comments rather than the article.
func scoreLines(s string) []line {
	var out []line
	inList := false
	prose := 0.0 // prose words so far
	inComments := false
	for _, raw := range strings.Split(s, "\n") {
		t := strings.Join(strings.Fields(raw), " ")
		if t == "" {
			continue
		}
		l := scoreBlock(t)
		switch {
		case l.prose || l.chrome > 0 || l.words > 15:
			inList = false
		case inList:
			l.score = -1
		}
		if strings.HasSuffix(t, ":") && l.chrome == 0 {
			inList = true
		}
		if !inComments && prose >= 150 && isCommentHeader(t, l.words) {
			inComments = true
		}
		if l.score > 0 {
			prose += l.score
			if inComments {
				l.score *= 0.1
			}
		}
		out = append(out, l)
	}
	return out
}

var commentHeader = regexp.MustCompile(`(?i)^\d+\s+(comments?|responses?|replies|reactions|kommentare|commentaires|comentarios|комментари[иейя]*)$|^(comments?|responses?|kommentare|commentaires|comentarios|комментари[иейя]*)\s*\(\d+\)$|^leave a reply|^post a comment|comments are closed|^\d+ (thoughts|responses) (on|to)`)

// isCommentHeader reports whether a short block opens a comment section.
func isCommentHeader(t string, words int) bool {
	return words <= 8 && commentHeader.MatchString(t)
}

// scoreBlock measures one block and gives it its score (see fromText).
func scoreBlock(t string) line {
	l := line{text: t, words: text.WordCount(t)}
	l.prose = isProse(t, l.words)
	l.chrome = chromeScore(t)
	switch {
	case l.prose && (l.chrome > 0 && l.words < 40*l.chrome || photoCredit.MatchString(t)):
		l.score = -float64(l.words)
	case l.prose:
		l.score = float64(l.words)
	case l.words <= 6:
		l.score = -(10 + 3*float64(l.words))
	default:
		l.score = -(10 + 5*float64(l.words))
	}
	return l
}

// keepInRun reports whether a block inside the article's run belongs to the
// article: prose, or a short heading-like block that is neither chrome nor a
// byline or date.
func keepInRun(l line) bool {
	return l.score > 0 || (l.chrome == 0 && l.words >= 2 && l.words <= 12 && !isBylineOrDate(l.text))
}

// bestRun returns the half-open range of lines with the largest total score,
// or -1 when no line scores above zero.
func bestRun(lines []line) (int, int) {
	bestStart, bestEnd, best := -1, -1, 0.0
	curStart, cur := 0, 0.0
	for i, l := range lines {
		if cur <= 0 {
			curStart, cur = i, 0
		}
		cur += l.score
		if cur > best {
			best, bestStart, bestEnd = cur, curStart, i+1
		}
	}
	return bestStart, bestEnd
}

// headOf finds the title, byline and date in the blocks above the article.
// The byline is a "By ..." block; the title is the nearest headline-shaped block
// above the byline (or above the article when there is no byline); failing
// that, the page's first block, which is the <title> in WET dumps.
func headOf(lines []line, start int, paras []string) (title, byline string, published time.Time) {
	from := max(0, start-12)
	titleBefore := start
	for i := start - 1; i >= from; i-- {
		t := lines[i].text
		if name, ok := bylineName(t); ok && byline == "" {
			byline = name
			titleBefore = i
			if d, ok := findDate(t); ok {
				published = d
			}
			continue
		}
		if published.IsZero() && lines[i].words <= 12 {
			if d, ok := findDate(t); ok {
				published = d
			}
		}
	}
	for i := titleBefore - 1; i >= from; i-- {
		if l := lines[i]; isHeadline(l) && aboutLead(l.text, paras) {
			return l.text, byline, published
		}
	}
	if first := lines[0]; first.chrome == 0 && first.words >= 3 && first.words <= 40 {
		return trimSiteSuffix(first.text), byline, published
	}
	return "", byline, published
}

// aboutLead reports whether a candidate title shares at least 40% of its
// terms (two in five) with the article's first paragraphs, comparing five-letter prefixes as
// a crude stemmer, so that another story's headline above the article is not
// taken for its title.
func aboutLead(title string, paras []string) bool {
	lead := map[string]bool{}
	for _, p := range paras[:min(3, len(paras))] {
		for _, t := range text.Terms(p) {
			lead[stem(t)] = true
		}
	}
	terms := text.Terms(title)
	if len(terms) == 0 {
		return false
	}
	shared := 0
	for _, t := range terms {
		if lead[stem(t)] {
			shared++
		}
	}
	return float64(shared) >= 0.4*float64(len(terms))
}

func stem(t string) string {
	if r := []rune(t); len(r) > 5 {
		return string(r[:5])
	}
	return t
}

// isHeadline reports whether a block has a headline's shape: a few words, no
// chrome, not a date or byline, and not ending like a caption.
func isHeadline(l line) bool {
	return l.words >= 4 && l.words <= 25 && l.chrome == 0 && !isBylineOrDate(l.text) &&
		!photoCredit.MatchString(l.text) && utf8.RuneCountInString(l.text) <= 200
}

func isBylineOrDate(s string) bool {
	if _, ok := bylineName(s); ok {
		return true
	}
	_, ok := findDate(s)
	return ok && text.WordCount(s) <= 10
}

// copyrightLine finds the owner in "© 2026 The Ridgeway Post. All rights reserved."
var copyrightLine = regexp.MustCompile(`(?:©|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?([\p{Lu}][\p{L}\p{N}&'’. -]{1,60}?)(?:\.|,|\s+all rights|\s*\||$)`)

// siteName names the outlet of a text dump: the tail of a "Headline | Site"
// first line (the <title> in WET dumps), else the owner in a copyright line.
func siteName(lines []line, title string) string {
	if len(lines) > 0 {
		first := lines[0].text
		if trimmed := trimSiteSuffix(first); trimmed != first && (title == "" || strings.HasPrefix(first, trimmed)) {
			if site := strings.TrimSpace(strings.TrimLeft(first[len(trimmed):], " |–—-:")); site != "" {
				return site
			}
		}
	}
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-30; i-- {
		if m := copyrightLine.FindStringSubmatch(lines[i].text); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// trimSiteSuffix drops the " | Site" or " - Site" tail of a page title.
func trimSiteSuffix(t string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > 0 && text.WordCount(t[i:]) <= 5 && text.WordCount(t[:i]) >= 3 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}
