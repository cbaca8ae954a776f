package compare

import (
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// DifferentStatements says whether two sentences report different
// statements: each is mostly a direct quotation, and the quoted words of
// the two barely overlap. Two articles quoting the same people on the same
// topic share their names and topic words, which the fact model reads as a
// common fact; but a fact that is a quotation is the quotation, and two
// quotations with other words are two statements (two Pelosi quotes, two
// Trump tweets). The fact decision (factScore, Same in fact mode) vetoes
// such pairs.
func DifferentStatements(a, b string) bool {
	qa, qb := quotedStems(a), quotedStems(b)
	if !qa.mostlyQuoted() || !qb.mostlyQuoted() {
		return false
	}
	shared := 0
	for s := range qa.quoted {
		if qb.quoted[s] {
			shared++
		}
	}
	return float64(shared) < maxQuoteOverlap*float64(min(len(qa.quoted), len(qb.quoted)))
}

// maxQuoteOverlap is the share of the shorter quotation's content stems
// below which two quotations are different statements. Reporters quoting
// one statement quote overlapping parts of it, so even a short shared part
// keeps the pair; 0.2 means fewer than one in five words in common (two
// Trump posts on impeachment share one word of six). Checked on the fact
// pair sets (duc_scu_dev cross-validated, ecbplus_sentpairs_dev: no
// figure moves) and on 10 BASIL stories read by hand (docs/measurements/comparison.md).
const maxQuoteOverlap = 0.2

// minQuotedStems is the fewest distinct content stems a sentence's
// quotations need before the sentence counts as a quotation: a quoted
// phrase of a word or two ("dead on arrival") is a label inside a
// reported fact, not the statement itself.
const minQuotedStems = 3

// minQuotedShare is the share of a sentence's content stems that its
// quotations must hold for the sentence to be mostly a quotation: below it
// the sentence reports a fact of its own and quotes words about it, and two
// such sentences may state the same fact with different quotes. The
// attribution ("House Speaker Nancy Pelosi (D-Calif.) said") takes four or
// five stems, a short quoted statement as many (0.4 of the sentence). On 10
// BASIL stories read by hand a third also split two reports of one
// announcement that quote different fragments of it ("announced he would
// introduce legislation “...”"); half kept a two-quote pair of different
// statements. The pair sets hold too few quotations to measure it
// (duc_scu_dev: no pair vetoed at any of these; ecbplus_sentpairs_dev: 2
// negative pairs).
const minQuotedShare = 0.4

// quotation are a sentence's content stems inside and outside quotation
// marks.
type quotation struct {
	quoted map[string]bool
	all    map[string]bool
}

// mostlyQuoted says whether the quotations are the sentence's statement
// (minQuotedStems, minQuotedShare).
func (q quotation) mostlyQuoted() bool {
	return len(q.quoted) >= minQuotedStems && float64(len(q.quoted)) >= minQuotedShare*float64(len(q.all))
}

// quotedStems gathers the content stems of a sentence and of its quoted
// parts. A mark opens or closes by its kind and place (quoteMarkAt); words
// before a closing mark that none opened are quoted (a quotation begun in
// the sentence before), as are words after an opening mark that none
// closes.
func quotedStems(s string) quotation {
	q := quotation{quoted: map[string]bool{}, all: map[string]bool{}}
	eachQuoteSegment(s, func(part string, quoted, _ bool) { q.add(part, quoted) })
	return q
}

// eachQuoteSegment calls f with each part of s between quotation marks, in
// order, the part after the last mark last: quoted when a mark closes it or
// it follows an opening mark none closes, and strayClose when the mark
// that ends it closes a quotation none opened (its start an earlier
// sentence's). A mark opens or closes by its kind and place (quoteMarkAt).
func eachQuoteSegment(s string, f func(part string, quoted, strayClose bool)) {
	start, inside := 0, false
	for i := 0; i < len(s); {
		opens, size := quoteMarkAt(s, i, inside)
		if size == 0 {
			i++
			continue
		}
		f(s[start:i], !opens || inside, !opens && !inside)
		inside = opens
		start = i + size
		i += size
	}
	f(s[start:], inside, false)
}

// Double quotation marks by what they do: open only (German and Polish
// „, French «, and tokenised text's two backquotes), close only (English
// ”, French », tokenised text's two apostrophes), and those that close a
// quotation when one is open and open one otherwise (English “, which also
// closes a German „; the straight mark). Single marks are left out: ’ is
// also the apostrophe.
var (
	openingMarks = []string{"„", "«", "``"}
	closingMarks = []string{"”", "»", "''"}
)

// quoteMarkAt reads a double quotation mark at byte i of s, inside saying
// whether a quotation is open there: its size in bytes (0 for none) and
// whether it opens a quotation. A straight mark outside a quotation opens
// one when what precedes it is the start or a space, bracket or dash.
func quoteMarkAt(s string, i int, inside bool) (opens bool, size int) {
	rest := s[i:]
	for _, m := range openingMarks {
		if strings.HasPrefix(rest, m) {
			return true, len(m)
		}
	}
	for _, m := range closingMarks {
		if strings.HasPrefix(rest, m) {
			return false, len(m)
		}
	}
	switch {
	case strings.HasPrefix(rest, "“"):
		return !inside, len("“")
	case rest[0] == '"':
		if inside {
			return false, 1
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		return i == 0 || strings.ContainsRune(" \t\n([{—–-", prev), 1
	}
	return false, 0
}

// add gathers the content stems of a part of a sentence.
func (q quotation) add(part string, quoted bool) {
	for _, w := range text.Words(text.Fold(part)) {
		lw := strings.ToLower(w)
		if text.IsStopWord(lw) || utf8.RuneCountInString(lw) < 2 {
			continue // a stop word, or a letter cut off by an apostrophe ("can’t")
		}
		st := stem5(lw)
		q.all[st] = true
		if quoted {
			q.quoted[st] = true
		}
	}
}
