package text

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence when a capital
// follows ("Gen. Smith", "Oct. 5", "Mr. Zorin"). Lower-case, without the
// final period. The last line are the number and clause signs of German,
// Russian and Polish read split before their number on session 39's pages
// ("Abs. 6", "ст. 259", "godz. 3").
var abbreviations = toSet(`mr mrs ms messrs mmes dr prof gen gens sen sens rep reps cong gov govs lt col sgt capt cmdr adm maj
pres supt atty asst assoc st jr sr rev hon fr sec amb insp det ave blvd rd mt ft inc corp ltd co bros no nos vs etc al
approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
fig figs vol pp ed eds op cf e.g i.e a.m p.m u.s u.k u.n e.u u.s.a d.c n.y l.a
nr abs ст godz ust pkt`)

// ordinalMonths are the months that German and the languages like it write
// after a day with an ordinal point ("am 3. Oktober"): the point after the
// day ends no sentence. Lower case; the names English shares (April,
// August, September, November) are left out, so English text is read as
// before ("won 3. April sales rose").
var ordinalMonths = toSet(`januar jänner februar märz mai juni juli oktober dezember`)

// weakAbbreviations may end a sentence as well as stand inside one: a month
// ("in Jan. The next month") or a number sign ("No. 2" but "The answer was
// No."). The sentence ends after them only when a typical first word follows.
var weakAbbreviations = toSet(`jan feb mar apr jun jul aug sep sept oct nov dec no`)

// stateAbbreviations are the AP style abbreviations of US states that
// news writes with a period ("Calif.", "Ariz.", "N.J." aside: initialisms
// are read as such), lower case without it.
var stateAbbreviations = toSet(`ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
nev okla ore pa tenn tex va vt wash wis wyo`)

// sentenceStarters are capitalised words that, after an abbreviation such as
// "U.S.", show that a new sentence has begun.
var sentenceStarters = toSet(`the a an he she it they we i his her its their this that these those there but and
in on at for after before when while if as however meanwhile yet so also then now officials police`)

func toSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

const (
	closers = "\"'\u201d\u2019)]\u00bb"
	openers = "\"'\u201c\u2018([\u00ab"
)

// hasDoubleQuote reports whether p holds a straight or curly double
// quotation mark, as strings.ContainsAny(p, "\"\u201c\u201d") does. Given
// characters beyond ASCII, ContainsAny decodes every rune of p and looks
// it up among them: that was half of Sentences' time (0.51 of 0.96 s in a
// profile of the 100,000-article stream of issue 14, session 42), where a
// search for each mark's bytes is a fast scan. The answers agree on any
// bytes: a mark's encoding is found only where it decodes as the mark,
// since no decoding swallows its first byte, which continues no rune.
func hasDoubleQuote(p string) bool {
	return strings.IndexByte(p, '"') >= 0 || strings.Contains(p, "\u201c") || strings.Contains(p, "\u201d")
}

// Sentences splits a paragraph into sentences. It ends a sentence at . ! ? …
// and their CJK forms, with any closing quotes or brackets that follow, when a
// space and then a capital, digit or opening quote come next; it keeps
// abbreviations ("Gen.", "Oct. 5", "U.S. officials"), initials ("J. R. Smith")
// and decimals ("3.5") inside the sentence.
func Sentences(p string) []string {
	var out []string
	var marks *quoteMarks
	if hasDoubleQuote(p) {
		marks = quoteMarksOf(p)
	} else {
		marks = &quoteMarks{}
	}
	linesAreParagraphs := -1 // LinesAreParagraphs(p), worked out at the first line break met: 0 or 1
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		next := i + size
		if isCJKStop(r) {
			end := skipClosers(p, next)
			out = appendSentence(out, p[start:end])
			start, i = end, end
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '\u2026' {
			i = next
			continue
		}
		end := skipRepeats(p, next)
		end = skipClosers(p, end)
		if end >= len(p) {
			break
		}
		after := strings.TrimLeft(p[end:], " \t\r\n")
		if len(after) == len(p[end:]) || after == "" { // no space: "3.5", "U.S.-led", or trailing space only
			i = end
			continue
		}
		lineBreak := strings.ContainsRune(p[end:len(p)-len(after)], '\n')
		if lineBreak && linesAreParagraphs < 0 {
			linesAreParagraphs = 0
			if LinesAreParagraphs(p) {
				linesAreParagraphs = 1
			}
		}
		lineBreak = lineBreak && linesAreParagraphs == 1
		if !startsSentence(after) || (r == '.' && !periodEnds(p[start:i], after, lineBreak)) || insideAttributedQuote(p, marks, end) {
			i = end
			continue
		}
		out = appendSentence(out, p[start:end])
		start = end
		i = end
	}
	return appendSentence(out, p[start:])
}

// LinesAreParagraphs reports whether p breaks its paragraphs with single
// newlines: it has line breaks and at least minParagraphLines of its
// lines end a sentence (. ! ? or a closing quote after one); lines that end
// in an abbreviation ("the U.S.") are not counted either way. Hard-wrapped
// text ("the U.S.\nSenate voted") ends its lines anywhere in a sentence,
// and there a line break says nothing.
func LinesAreParagraphs(p string) bool {
	if !strings.Contains(p, "\n") {
		return false
	}
	lines, ended := 0, 0
	all := strings.Split(strings.TrimRight(p, " \t\r\n"), "\n")
	for _, l := range all[:len(all)-1] { // the text's last line ends a sentence whatever its kind
		l = strings.TrimRight(l, " \t\r"+closers)
		if l == "" {
			continue
		}
		if strings.HasSuffix(l, ".") && !periodEnds(l[:len(l)-1], "", false) {
			continue // "the U.S.", "Mr.": an abbreviation says nothing either way
		}
		lines++
		if last, _ := utf8.DecodeLastRuneInString(l); last == '.' || last == '!' || last == '?' || last == '\u2026' {
			ended++
		}
	}
	return lines > 0 && float64(ended) >= minParagraphLines*float64(lines)
}

// minParagraphLines is the share of a text's lines that must end a
// sentence for its single newlines to be read as paragraph breaks. Of
// paragraph-per-line news text nearly every line ends one (headlines,
// datelines and captions are the exceptions): of BASIL's 300 articles the
// lowest share is .65 (a tenth below .93), of newswcl50's 50 .89. Of the
// same BASIL texts hard-wrapped at 70 columns the median is .05 and the
// highest .15.
const minParagraphLines = 0.6

func isCJKStop(r rune) bool { return r == '\u3002' || r == '\uff01' || r == '\uff1f' }

func skipRepeats(p string, i int) int {
	for i < len(p) && (p[i] == '.' || p[i] == '!' || p[i] == '?') {
		i++
	}
	return i
}

func skipClosers(p string, i int) int {
	for i < len(p) {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !strings.ContainsRune(closers, r) {
			break
		}
		i += size
	}
	return i
}

func appendSentence(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// startsSentence reports whether text can begin a sentence: a capital, a digit
// or an opening quote or bracket.
func startsSentence(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(openers, r) || isHan(r) ||
		(unicode.IsLetter(r) && !unicode.IsLower(r)) // scripts without case
}

// periodEnds decides whether a period after before ends the sentence, given
// the text after it and whether a line break lies between.
func periodEnds(before, after string, lineBreak bool) bool {
	if ordinalDay(before) && ordinalMonths[strings.ToLower(firstWord(after))] {
		return false // a day's ordinal point: "am 3. Oktober"
	}
	last := lastToken(before)
	if last == "" {
		return true
	}
	if last == "Rs" && rupeeBeforeNumber(before, after) {
		return false // "Rs. 5,000": the rupee's sign, not a sentence's end
	}
	lower := strings.ToLower(last)
	if utf8.RuneCountInString(last) == 1 && unicode.IsUpper([]rune(last)[0]) {
		return false // an initial: "J. Smith"
	}
	// "U.S.", "a.m.", initials run together ("B.J. Habibie") and months end
	// sentences too: believe it when a typical first word follows.
	// "Leading senators are calling for Ariz. Gov. Ada Marsh to":
	// a state's abbreviation ends a sentence after a comma ("in Tempe,
	// Ariz. It will"), but without one it qualifies the words after it.
	// A party's label ("R-Tenn.") ends one too. Only the capitalised
	// abbreviation counts ("ill", "ore", "wash" are words too), and a
	// typical first word after it still ends the sentence ("to Mass.
	// Then").
	if stateAbbreviations[lower] && unicode.IsUpper([]rune(last)[0]) && !sentenceStarters[strings.ToLower(firstWord(after))] {
		rest := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(before, "."), last), " ")
		if !strings.HasSuffix(rest, ",") && !strings.HasSuffix(rest, "-") {
			return false
		}
	}
	// A line break before a capitalised word ends the sentence as well:
	// texts that break paragraphs with one newline ("at 12:01 a.m.\nTrump
	// on March 23"). Titles ("Mr.\nSmith") and a month before its day
	// ("Jan.\n5") in hard-wrapped text are not read so.
	if isInitialism(last) || weakAbbreviations[lower] || abbreviations[lower] && strings.Contains(lower, ".") {
		first, _ := utf8.DecodeRuneInString(after)
		return lineBreak && unicode.IsUpper(first) || sentenceStarters[strings.ToLower(firstWord(after))]
	}
	return !abbreviations[lower]
}

// rupeeBeforeNumber reports whether "Rs." (before ends with it) is the
// rupee's sign: a word of its own ("KC-130Rs." is a plural) and a digit
// next ("Rs. 5,000"; "paid in Rs. The court" ends a sentence).
func rupeeBeforeNumber(before, after string) bool {
	b := strings.TrimSuffix(strings.TrimSuffix(before, "."), "Rs")
	r, _ := utf8.DecodeLastRuneInString(b)
	d, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " "))
	return (b == "" || unicode.IsSpace(r) || strings.ContainsRune("(", r)) && unicode.IsDigit(d)
}

// ordinalDay reports whether text before a period ends with a day of one
// or two digits standing alone ("am 3", not "2023" nor "A3").
func ordinalDay(before string) bool {
	b := strings.TrimSuffix(before, ".")
	n := len(b) - len(strings.TrimRight(b, "0123456789"))
	if n == 0 || n > 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(b[:len(b)-n])
	return len(b) == n || unicode.IsSpace(r)
}

// isInitialism reports whether a token is upper-case single letters joined
// by periods, as "B.J" or "P.A" (the final period already cut).
func isInitialism(tok string) bool {
	parts := strings.Split(tok, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		r, size := utf8.DecodeRuneInString(p)
		if size != len(p) || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// lastToken returns the trailing run of letters and inner periods of s.
func lastToken(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return strings.Trim(s[i:], ".")
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, openers)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// quoteMarks indexes the quotation marks of a paragraph, so that whether a
// position is inside a quotation is found by binary search rather than by
// counting the paragraph's marks again at every sentence end.
type quoteMarks struct {
	open, close, straight []int // byte offsets of “, ” and "
	closers               []int // of ” and " together, in order
}

func quoteMarksOf(p string) *quoteMarks {
	q := &quoteMarks{}
	for i, r := range p {
		switch r {
		case '\u201c':
			q.open = append(q.open, i)
		case '\u201d':
			q.close = append(q.close, i)
			q.closers = append(q.closers, i)
		case '"':
			q.straight = append(q.straight, i)
			q.closers = append(q.closers, i)
		}
	}
	return q
}

// before counts the offsets in xs below i.
func before(xs []int, i int) int { return sort.SearchInts(xs, i) }

// insideAttributedQuote reports whether position i of p lies inside a
// quotation that closes later in p and is followed by its attribution in
// lower case ("What is this? A circus?" he said): the quotation and its
// attribution stay one sentence, so that the speaker is found with the words.
func insideAttributedQuote(p string, q *quoteMarks, i int) bool {
	closeAt := -1
	if before(q.open, i) > before(q.close, i) {
		// Pages mix their quotation marks: a curly quote may close straight.
		if k := before(q.closers, i); k < len(q.closers) {
			closeAt = q.closers[k]
		}
	} else if before(q.straight, i)%2 == 1 {
		if k := before(q.straight, i); k < len(q.straight) {
			closeAt = q.straight[k]
		}
	}
	if closeAt < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(p[closeAt:])
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[closeAt+size:], " ,"))
	return unicode.IsLower(r)
}
