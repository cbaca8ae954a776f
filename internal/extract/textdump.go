package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
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
// With a line classifier in the model (the embedded one has one: see
// lineFeatures and docs/measurements/extraction.md's held-out figures), the lines it gives a
// probability at or above its threshold are kept, and the dump's kind comes
// from the model's dump-kind classifiers. Without one, each line gets a
// score: a prose line (see isProse) adds its word count; a prose
// line that carries page chrome (boilerplate phrases, photo credits)
// subtracts it; any other line (menu entry, label, headline) subtracts
// 10 + 3 x its words up to six words and 10 + 5 x its words beyond, so that a
// short sub-heading inside an article is bridged by the paragraphs around it
// while a teaser behind another story's long headline is not. The article is
// the run of lines with the largest total (Kadane's maximum subarray). The
// classifier reads this heuristic's score and run as features of each line.
// Lines the site's template knows as boilerplate are chrome either way.
// Title, byline, date and site come from dumpMetadata; a kept line that
// repeats the title near the top is dropped (dropHeadMatter, as for HTML).
func fromText(p news.Page, t *Template, m *Model) (news.Article, []uint64, []int32, bool, error) {
	body, pageURL := p.Body, p.URL
	ls, fps, texts, keep, kinds := keptDumpLines(body, pageURL, t, m)
	a := news.Article{URL: pageURL}
	if len(ls) == 0 {
		return a, fps, nil, false, nil
	}
	words := make([]int32, len(ls))
	var paras []string
	for i, k := range keep {
		if k {
			paras = append(paras, texts[i])
		}
	}
	dm := dumpMetadata(texts, keep, pageURL, p.Fetched)
	a.Text = joinParagraphs(dropHeadMatter(paras, dm.Title)) // the headline is the Title, not body (as for HTML)
	a.Title, a.Byline, a.Published, a.Source = dm.Title, dm.Byline, dm.Published, dm.Source
	a.Lang = guessLang(a.Text)
	if len(m.DumpKinds) > 0 {
		a.Kind = kindOfProbs(kinds)
	}
	visible := false
	for i := range ls {
		words[i] = ls[i].tokens
		visible = visible || ls[i].tokens > 0
	}
	return a, fps, words, visible, nil
}

// keptDumpLines cuts a dump into its non-empty lines (with their
// fingerprints and texts) and says which ones the article keeps, before its
// headline is dropped: what dumpMetadata reads, both when a dump is
// extracted (fromText) and when the dump rankers are fitted
// (DumpMetaCandidates), so that they see the same lines and marks. kinds is
// the dump's kind probabilities (kindProbs; zeros when the model has no
// dump kind classifiers), which the line classifier reads with the dump's
// page-kind features.
func keptDumpLines(body []byte, pageURL string, t *Template, m *Model) (ls []lineInfo, fps []uint64, texts []string, keep []bool, kinds []float64) {
	ls, _ = dumpLines(body, nil)
	fps = make([]uint64, len(ls))
	texts = make([]string, len(ls))
	lines := make([]line, len(ls))
	for i := range ls {
		fps[i], texts[i] = ls[i].fp, ls[i].text
		lines[i] = ls[i].line
		if t.Boilerplate(fps[i]) {
			lines[i].score = -(10 + 3*float64(lines[i].words))
			lines[i].chrome++
		}
	}
	pf := dumpPageFeatures(ls, pageURL)
	kinds = kindProbs(m.DumpKinds, pf)
	if len(ls) == 0 {
		return ls, fps, texts, nil, kinds
	}
	if m.lines != nil {
		return ls, fps, texts, m.selectLines(ls, dumpPageRow(kinds, pf), kinds, t), kinds
	}
	keep = make([]bool, len(lines))
	start, end := bestRun(lines)
	for i := max(0, start); i < end; i++ {
		keep[i] = keepInRun(lines[i])
	}
	return ls, fps, texts, keep, kinds
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
		t := cleanSpace(raw)
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
	return words <= 8 && mayBeCommentHeader(t) && commentHeader.MatchString(t)
}

// mayBeCommentHeader is a cheap test that every text commentHeader matches
// passes, so that the regular expression (unanchored for "comments are
// closed", hence tried at every position) runs on few texts. By the
// expression's alternatives, a match starts with a digit ("12 comments",
// "3 thoughts on ..."); or holds "omment" in some ASCII case ("Comments
// (4)", "Kommentare (2)", "post a comment", "comments are closed"; o, m,
// e, n, t have no non-ASCII case folds); or starts with "leave a reply"
// in some ASCII case; or ends with ")" and starts with c, r or к in some
// case ("Responses (2)", "Comentarios (3)", "Комментарии (5)").
func mayBeCommentHeader(t string) bool {
	if t == "" {
		return false
	}
	if t[0] >= '0' && t[0] <= '9' {
		return true
	}
	if containsLowerASCII(t, "omment") || hasPrefixLowerASCII(t, "leave a reply") {
		return true
	}
	if t[len(t)-1] != ')' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	switch unicode.ToLower(first) {
	case 'c', 'r', 'к':
		return true
	}
	return false
}

// hasPrefixLowerASCII reports whether s starts with prefix, lower-case
// ASCII letters and spaces, in any ASCII case.
func hasPrefixLowerASCII(s, prefix string) bool {
	return len(s) >= len(prefix) && containsLowerASCII(s[:len(prefix)], prefix)
}

// containsLowerASCII reports whether s holds sub, a lower-case ASCII word
// of letters, in any ASCII case, without building a folded copy of s.
func containsLowerASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
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

func isBylineOrDate(s string) bool {
	if _, ok := bylineName(s); ok {
		return true
	}
	_, ok := findDate(s)
	return ok && text.WordCount(s) <= 10
}

// DropFirstLine returns a dump without its first non-empty line (the page's
// <title> in the benchmark sets' dumps and WET records): how a dump that
// does not begin with a title line, as `lynx -dump` gives, reads (eval
// extract --drop-first-line scores held-out dumps without it).
func DropFirstLine(body []byte) []byte {
	rest := body
	for len(rest) > 0 {
		ln := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			ln, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(bytes.TrimSpace(ln)) > 0 {
			return rest
		}
	}
	return nil
}
