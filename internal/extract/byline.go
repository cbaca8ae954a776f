package extract

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// bylinePrefix finds "By Jane Doe" and its equivalents at the start of a
// block: an optional lead word, a word for "by", and the name. It is built
// from bylineLeadWords and bylineByWords, which matchesBylinePrefix reads
// too, so the two cannot come to know different words.
var bylinePrefix = regexp.MustCompile(`(?is)^\s*(?:(?:` + strings.Join(bylineLeadWords, "|") + `)\s+)?(?:` +
	strings.Join(bylineByWords, "|") + `)\s*:?\s+(.+)$`)

// bylineFirstLetters are the letters a text bylinePrefix matches can start
// with (after white space): the first letters of its words, with every
// case (?i) folds to them (the long s of "story" too).
var bylineFirstLetters = foldOrbits(firstLetters(bylineLeadWords, bylineByWords))

// firstLetters returns the first letter of every word of the lists.
func firstLetters(lists ...[]string) string {
	var b strings.Builder
	for _, words := range lists {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldOrbits is the set of letters and of every rune that folds to one of
// them (unicode.SimpleFold, as (?i) matches).
func foldOrbits(letters string) map[rune]bool {
	out := map[rune]bool{}
	for _, r := range letters {
		out[r] = true
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			out[f] = true
		}
	}
	return out
}

// mayBeByline is a cheap test that every text bylinePrefix matches
// passes: its first rune after ASCII white space (\s) is one of
// bylineFirstLetters. It keeps the regular expression off most short
// texts of a page.
func mayBeByline(s string) bool {
	return startsWithOneOf(s, bylineFirstLetters)
}

// startsWithOneOf reports whether the first rune of s after ASCII white
// space (a regular expression's \s) is one of letters.
func startsWithOneOf(s string, letters map[rune]bool) bool {
	s = strings.TrimLeft(s, " \t\n\f\r")
	r, _ := utf8.DecodeRuneInString(s)
	return letters[r]
}

// matchesBylinePrefix reports whether bylinePrefix matches s, without the
// regular expression: its words are read with (?i)'s case folding and its
// \s as ASCII white space. The regular expression backtracked through the
// whole of every short text that began with one of its first letters (a
// seventieth of a page's extraction time on msv-chaos, session 43); the
// two are held equal by TestBylinePrefixEdges and FuzzBylinePrefixGate.
func matchesBylinePrefix(s string) bool {
	if !mayBeByline(s) {
		return false
	}
	s = strings.TrimLeft(s, regexpSpace)
	if byWordThenName(s) {
		return true
	}
	for _, w := range bylineLeadWords {
		rest, ok := cutFoldPrefix(s, w)
		if !ok {
			continue
		}
		if after := strings.TrimLeft(rest, regexpSpace); len(after) < len(rest) && byWordThenName(after) {
			return true
		}
	}
	return false
}

// regexpSpace is the white space a regular expression's \s matches.
const regexpSpace = " \t\n\f\r"

// bylineLeadWords and bylineByWords are the words of bylinePrefix: an
// optional lead word ("Posted", "Written") and the word for "by".
var (
	bylineLeadWords = []string{"posted", "written", "words", "story", "authored", "reported", "post", "article", "text", "contributed"}
	bylineByWords   = []string{"by", "von", "par", "por", "di", "door", "av", "автор", "текст"}
)

// byWordThenName reports whether s matches the end of bylinePrefix: a word
// for "by", then white space (a colon in it allowed) and at least one more
// character, `(?:by|...)\s*:?\s+(.+)$`.
func byWordThenName(s string) bool {
	for _, w := range bylineByWords {
		if rest, ok := cutFoldPrefix(s, w); ok && separatorThenText(rest) {
			return true
		}
	}
	return false
}

// separatorThenText reports whether s matches `^\s*:?\s+(.+)$` in (?s)
// mode: white space right away with any character after its first, or
// white space, a colon, white space and any character after that.
func separatorThenText(s string) bool {
	if len(s) >= 2 && isRegexpSpace(s[0]) {
		return true
	}
	t := strings.TrimLeft(s, regexpSpace)
	return len(t) >= 3 && t[0] == ':' && isRegexpSpace(t[1])
}

// isRegexpSpace reports whether b is white space to a regular expression's \s.
func isRegexpSpace(b byte) bool {
	return strings.IndexByte(regexpSpace, b) >= 0
}

// cutFoldPrefix returns s after word when s begins with word under simple
// case folding (as (?i) matches a literal: "BY", "By", the long s of
// "ſtory"), and false when it does not. word is lower case.
func cutFoldPrefix(s, word string) (string, bool) {
	for _, w := range word {
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || r != w && !foldsTo(r, w) {
			return "", false
		}
		s = s[size:]
	}
	return s, true
}

// foldsTo reports whether r is in w's simple case-folding orbit.
func foldsTo(r, w rune) bool {
	for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// gluedBy finds a "By" run into the name after it ("byScott Miller",
// "WRITTEN BYShelby Loos"), as text read from inline elements comes.
var gluedBy = regexp.MustCompile(`^((?i:(?:written |posted |authored )?by))(\p{Lu}\p{Ll})`)

// handleWord is a login name as forums show it: letters, digits, dots,
// underscores and hyphens, in lower case or with a digit or mark.
var handleWord = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._-]{1,29}$`)

// handleStops are lower-case words that follow "by" in prose, not names.
var handleStops = map[string]bool{"the": true, "a": true, "an": true, "our": true, "their": true, "his": true, "her": true,
	"its": true, "my": true, "your": true, "using": true, "default": true, "far": true, "now": true, "then": true,
	"this": true, "that": true, "these": true, "those": true, "us": true, "them": true, "email": true, "phone": true}

// nameParticles may stand inside a person's name in lower case.
var nameParticles = map[string]bool{"de": true, "da": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "del": true, "bin": true, "al": true}

// bylineName returns the person (or people) named by a byline block, without
// the dates, places and reading times that often follow the names.
func bylineName(block string) (string, bool) {
	// A text over lines is as often a piece of prose broken by an inline
	// element ("by specifying\nit with the") as a byline: it is read for
	// capitalised names only, never for a forum handle.
	overLines := strings.Contains(block, "\n")
	block = lineBreaksAsBars(block)
	if !mayBeByline(block) { // gluedBy keeps the first letter, which bylinePrefix needs
		return "", false
	}
	block = gluedBy.ReplaceAllString(block, "$1 $2")
	m := bylinePrefix.FindStringSubmatch(block)
	if m == nil || len(block) > 200 {
		return "", false
	}
	if h, ok := handleByline(m[1]); ok && !overLines {
		return h, true
	}
	var names []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			names = append(names, strings.Join(cur, " "))
			cur = nil
		}
	}
	fields := strings.Fields(m[1])
	for i, f := range fields {
		word := strings.TrimRight(f, ",;|·•")
		lw := strings.ToLower(strings.TrimRight(word, "."))
		switch {
		case word == "" || word == "|" || word == "-" || word == "–" || word == "—" || word == "·" || word == "•":
			flush()
			if len(names) > 0 {
				return strings.Join(names, ", "), true
			}
			continue
		case lw == "and" || lw == "und" || lw == "et" || lw == "y" || lw == "и" || word == "&":
			flush()
			continue
		case isMonth(lw) && monthEndsName(cur, word, word != f, fields[i+1:]):
			cur = append(cur, word) // "Tom May": a surname, not the date after the name
		case isMonth(lw) || startsWithDigit(word):
			flush()
			return strings.Join(names, ", "), len(names) > 0
		case nameParticles[lw] && len(cur) > 0:
			cur = append(cur, word)
		case isCapitalised(word):
			cur = append(cur, word)
		default:
			flush()
			return strings.Join(names, ", "), len(names) > 0
		}
		if word != f { // a comma or bar closed this name
			flush()
		}
	}
	flush()
	return strings.Join(names, ", "), len(names) > 0 && len(names) <= 4
}

// lineBreaksAsBars joins a text's lines with " | " and folds the rest of
// its white space: a byline's name ends at its line's end ("by Jon Foster",
// a dash and the date on the lines below, as a <p> written over lines
// gives it), and a label alone on its line ("By", then the name) is read
// as a label and its name.
func lineBreaksAsBars(s string) string {
	if !strings.Contains(s, "\n") {
		return cleanSpace(s)
	}
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = cleanSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, " | ")
}

// monthEndsName reports whether a month word read after the name cur is
// the name's last word, a surname ("By Tom May", "Written by Ada June |
// Jan 3"): it follows one capitalised first word and ends the text or
// comes before a separator (closed: a comma or bar ends the word itself).
// "By Jane Doe May 3, 2024" and "By Jane May 2024" read the month as the
// date's.
func monthEndsName(cur []string, word string, closed bool, rest []string) bool {
	if len(cur) != 1 || !isCapitalised(word) {
		return false
	}
	if closed || len(rest) == 0 {
		return true
	}
	next := rest[0]
	first, _ := utf8.DecodeRuneInString(next)
	return strings.ContainsRune("|-–—·•", first)
}

// handleByline reads a forum's "by jdoe42 » Tue Dec 3" or "by julian": a
// single login name in lower case (or with digits and marks), alone or
// before a separator, a date or "on".
func handleByline(rest string) (string, bool) {
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", false
	}
	w := strings.TrimRight(fields[0], ",;:")
	if isCapitalised(w) || !handleWord.MatchString(w) || handleStops[strings.ToLower(w)] || isMonth(strings.ToLower(w)) {
		return "", false
	}
	if len(fields) > 1 {
		next := strings.ToLower(fields[1])
		first, _ := utf8.DecodeRuneInString(next) // not next[:1]: "»" and "·" are two bytes
		if !strings.ContainsRune("»|-–—·•(", first) && next != "on" && next != "at" && !isMonth(strings.TrimRight(next, ".,")) &&
			!startsWithDigit(next) && !strings.HasSuffix(fields[0], ",") {
			return "", false
		}
	}
	return w, true
}

// isMonth reports whether lw (lower case) is a month name or abbreviation
// of the months table (English, German, French).
func isMonth(lw string) bool {
	_, ok := months[lw]
	return ok
}

func startsWithDigit(w string) bool {
	for _, r := range w {
		return unicode.IsDigit(r)
	}
	return false
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// nameListSplit separates the names of a list of authors.
var nameListSplit = regexp.MustCompile(`\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b)\s*`)

// credential recognises the degrees and titles written after a name
// ("Jane Doe, MD", "PhD"), which are not names.
var credential = regexp.MustCompile(`^(?:[A-Z]{2,6}|Ph\.?D\.?|M\.D\.?|Jr\.?|Sr\.?|I{2,3}|IV)$`)

// splitNames splits a list of authors into names, without a leading "By"
// and without credentials.
func splitNames(s string) []string {
	if name, ok := bylineName(s); ok {
		s = name
	}
	s = withoutAddress(s)
	if list, ok := coauthorList(s); ok {
		s = list
	}
	// "Doe, Jane" and "Doe, Jane Q.": one name written surname first (the
	// form of citation_author and library catalogues).
	if parts := strings.Split(s, ","); len(parts) == 2 && len(strings.Fields(parts[0])) == 1 && givenNames(strings.TrimSpace(parts[1])) {
		return []string{strings.TrimSpace(parts[1]) + " " + strings.TrimSpace(parts[0])}
	}
	var out []string
	for _, p := range nameListSplit.Split(s, -1) {
		p = strings.TrimSpace(p)
		if p == "" || credential.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// initial is a given name's initial ("Q.").
var initial = regexp.MustCompile(`^\p{Lu}\.$`)

// givenNames reports whether s, the part after the comma of "Doe, Jane
// Q." or "Doe, J.", is a given name or an initial, alone or followed by
// initials, not a credential ("Doe, MD") or a second name ("Reuters, Jane
// Doe").
func givenNames(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || credential.MatchString(w[0]) {
		return false
	}
	for _, x := range w[1:] {
		if !initial.MatchString(x) {
			return false
		}
	}
	return true
}

// nameAddress matches a web or mail address written in brackets beside a
// name, "Jane Doe (https://jane.example/)" or "Jane Doe <jd@example.org>",
// as author meta tags and feeds write them.
var nameAddress = regexp.MustCompile(`\s*[(<\[]\s*[^()<>\[\]\s]*(?:://|@|www\.)[^()<>\[\]\s]*\s*[)>\]]`)

// addressThenName matches a mail address followed by the name in
// brackets, "jd@example.org (Jane Doe)" (RSS's author convention).
var addressThenName = regexp.MustCompile(`^\s*[^\s()@]+@[^\s()]+\s*\(([^()]+)\)\s*$`)

// withoutAddress drops a bracketed address from beside a name, or keeps
// the bracketed name of "address (Name)"; other texts are returned as
// they are.
func withoutAddress(s string) string {
	if !strings.ContainsAny(s, "@/.") {
		return s
	}
	if m := addressThenName.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1])
	}
	return nameAddress.ReplaceAllString(s, "")
}

// coauthorSuffix matches a name followed by its co-authors in brackets,
// "Jane Doe (with John Roe and Ann Poe)", in the languages of
// bylinePrefix: with, avec, con, mit, com, met, med.
var coauthorSuffix = regexp.MustCompile(`(?i)^([^()]+?)\s*\((?:with|avec|con|mit|com|met|med)\s+([^()]+)\)$`)

// coauthorConjunction separates the last two names of a bracketed list
// of co-authors ("y" and "e" and "och" too, read only inside the brackets
// after coauthorSuffix's word, where they cannot be part of a name).
var coauthorConjunction = regexp.MustCompile(`\s+(?:and|et|y|e|und|en|och|og)\s+`)

// coauthorList rewrites "Jane Doe (avec John Roe et Ann Poe)" as the list
// "Jane Doe, John Roe, Ann Poe"; ok is false for other texts.
func coauthorList(s string) (list string, ok bool) {
	if !strings.HasSuffix(strings.TrimSpace(s), ")") {
		return "", false
	}
	m := coauthorSuffix.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	return m[1] + ", " + coauthorConjunction.ReplaceAllString(m[2], ", "), true
}

// labelOnly is a byline's label without a name.
var labelOnly = regexp.MustCompile(`(?i)^(?:by|von|par|por|door|(?:this article was )?(?:written|posted|reported|published|authored|reviewed|edited|article|text|words|story|contributed) by|author|authors|autor|auteur|undefined|null|none|admin|anonymous|editor|staff|updated|published|posted|reviewed|modified|post|written by|share|follow|autorin|autore|autori|autorzy|författare|forfatter|kirjoittaja|автор|yazar|作者|记者|記者|编辑|編輯|撰文|文)$`)

func isLabelOnly(s string) bool { return labelOnlyGated(s, true) }

// labelOnlyGated is isLabelOnly with its shape gate on or off (off: the
// gate's fuzz reference).
func labelOnlyGated(s string, gated bool) bool {
	s = strings.TrimSpace(strings.TrimRight(s, ":： "))
	// No label is longer than 40 bytes ("this article was reviewed by"):
	// longer texts are not matched at all, which keeps the test cheap on
	// every short text of a page it is asked about.
	if len(s) > 40 {
		return false
	}
	words, ok := labelOnlyWords()
	if !ok {
		return labelOnly.MatchString(s)
	}
	if gated && !labelWordShapes().mayBe(s) {
		return false // no label has s's first letter, in any case, and its number of letters
	}
	for _, w := range words {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// labelOnlyWords lists the texts labelOnly matches (foldedWords), which
// isLabelOnly compares a text with, case folded, instead of running the
// pattern: it is asked about every short text of a page, and the pattern
// took 3% of the extraction time on msv-chaos. ok is false when the
// pattern is no longer a finite list of words.
var labelOnlyWords = sync.OnceValues(func() ([]string, bool) {
	re, err := syntax.Parse(labelOnly.String(), syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) != 3 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return nil, false
	}
	return foldedWords(re.Sub[1], 0)
})

// foldShapes is a cheap exact gate before strings.EqualFold against a
// list of words: EqualFold compares rune by rune, each pair equal under
// unicode.SimpleFold, so a text equal to a word has the word's number of
// runes and a first rune of the word's first rune's fold orbit (k, K and
// the Kelvin sign K). isLabelOnly is asked about every short text of a
// page; the 57 comparisons were 0.9% of a page's time on msv-chaos.
type foldShapes struct {
	// lengths has, for every case form of a word's first rune, bit n set
	// for each word of n runes that opens with it (63 for 63 or more).
	lengths map[rune]uint64
	empty   bool // the list holds ""
}

// newFoldShapes records the shapes of words.
func newFoldShapes(words []string) foldShapes {
	fs := foldShapes{lengths: map[rune]uint64{}}
	for _, w := range words {
		if w == "" {
			fs.empty = true
			continue
		}
		first, _ := utf8.DecodeRuneInString(w)
		bit := runeCountBit(w)
		for r := first; fs.lengths[r]&bit == 0; r = unicode.SimpleFold(r) {
			fs.lengths[r] |= bit
		}
	}
	return fs
}

// runeCountBit is the bit of foldShapes.lengths for s's number of runes.
func runeCountBit(s string) uint64 { return 1 << min(utf8.RuneCountInString(s), 63) }

// mayBe reports whether s may equal one of the words, case folded: false
// only when it cannot.
func (fs foldShapes) mayBe(s string) bool {
	if s == "" {
		return fs.empty
	}
	first, _ := utf8.DecodeRuneInString(s)
	return fs.lengths[first]&runeCountBit(s) != 0
}

// labelWordShapes is the gate of labelOnlyWords' words (empty when the
// pattern is no list).
var labelWordShapes = sync.OnceValue(func() foldShapes {
	words, _ := labelOnlyWords()
	return newFoldShapes(words)
})

// maxFoldedWords bounds the list foldedWords builds: a pattern that
// matches more texts is run as a pattern. labelOnly lists 57 texts; the
// bound, about 17 times that, lets the label list grow (an optional part
// doubles the words it is in) while a pattern of thousands of texts, whose
// comparisons one by one would cost more than the pattern, stays one.
const maxFoldedWords = 1000

// foldedWords lists the texts a pattern of literals, alternations, optional
// parts, groups and small classes matches, when they are matched case
// folded as strings.EqualFold folds them: every cased literal is
// case-insensitive and every class holds the case forms of its letters, so
// that a text matches the pattern exactly when it equals one of the list,
// case folded (both fold rune by rune, by unicode.SimpleFold). ok is false
// for any other pattern.
func foldedWords(re *syntax.Regexp, depth int) (out []string, ok bool) {
	// labelOnly nests 5 deep (its parsed form: alternations, their shared
	// prefixes factored out, groups, an optional part); 20 is far
	// above any list of words and only stops the recursion on a pattern
	// nested deeper, which is run as a pattern.
	if depth > 20 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase == 0 && unicode.SimpleFold(r) != r {
				return nil, false
			}
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			// A range wider than 64 runes ([\p{L}], [^x]) is no small set of
			// letters: listing it rune by rune would pass maxFoldedWords
			// as soon as it is concatenated with anything.
			if re.Rune[i+1]-re.Rune[i] > 64 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if !classHas(re.Rune, f) {
						return nil, false
					}
				}
				out = append(out, string(r))
			}
		}
		return out, len(out) <= maxFoldedWords
	case syntax.OpCapture:
		return foldedWords(re.Sub[0], depth+1)
	case syntax.OpQuest:
		out, ok = foldedWords(re.Sub[0], depth+1)
		return append(out, ""), ok
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			w, ok := foldedWords(sub, depth+1)
			if !ok || len(out)+len(w) > maxFoldedWords {
				return nil, false
			}
			out = append(out, w...)
		}
		return out, true
	case syntax.OpConcat:
		out = []string{""}
		for _, sub := range re.Sub {
			w, ok := foldedWords(sub, depth+1)
			if !ok || len(out)*len(w) > maxFoldedWords {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(w))
			for _, a := range out {
				for _, b := range w {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// classHas reports whether a class's ranges (pairs of low and high) hold r.
func classHas(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// isHandle reports whether a name is a login handle rather than a person's
// name: one word with a digit, dot, hyphen or underscore, or all in lower
// case.
func isHandle(s string) bool {
	if strings.ContainsRune(s, ' ') {
		return false
	}
	return strings.ContainsAny(s, "0123456789._-@") || strings.ToLower(s) == s
}

// uniqueFold drops names repeated in another case.
func uniqueFold(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if k := strings.ToLower(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
