package news

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// LeadTitle is a title made from the article's text, for an article whose
// page gave none (wire copy, text dumps, feed items and archives often have
// no headline): the first sentence of its lead, without the dateline
// ("WASHINGTON (AP) --", "PARIS, May 8 (Xinhua) --") and without a byline
// or an all-capitals label line before it, nor the page's furniture above
// it (a date stamp, a picture credit, share buttons, an agency's name
// alone: isFurnitureLine), cut at a word with an ellipsis
// when longer than leadTitleMax characters. It is "" for an article with
// no text. It never replaces the article's own Title, which stays what the
// page had.
func LeadTitle(a Article) string {
	lead, _, _ := leadLines(a)
	if lead == "" {
		return ""
	}
	return text.Label(shortTitle(firstSentence(lead)))
}

// LeadAndNext splits the text around the sentence LeadTitle names the
// article by: head is the line that sentence opens, up to its end, its
// dateline included ("PENSACOLA, Fla. (AP) -- The Navy is ..."), and next
// the sentence after it, in that line or the lines after ("" when none).
// A story titled by its lead shows next as its one line, rather than the
// lead again or a piece of its dateline ("PENSACOLA, Fla.", which the
// sentence splitter takes for a sentence).
func LeadAndNext(a Article) (head, next string) {
	lead, line, rest := leadLines(a)
	if lead == "" {
		return "", ""
	}
	sentences := text.Sentences(lead)
	if len(sentences) == 0 {
		return line, ""
	}
	k := max(firstWorded(sentences), 0)
	at := strings.Index(lead, sentences[k])
	if at < 0 {
		return line, ""
	}
	head = line[:len(line)-len(lead)+at+len(sentences[k])]
	if next = wordedSentence(sentences[k+1:]); next != "" {
		return head, next
	}
	return head, nextLeadSentence(a, rest)
}

// wordedSentence is the first of sentences that has a letter, or "": the
// next item's number ("2.") is no sentence to show.
func wordedSentence(sentences []string) string {
	if i := firstWorded(sentences); i >= 0 {
		return sentences[i]
	}
	return ""
}

// firstWorded is the index of the first of sentences with a letter, else
// -1: a list's number ("1."), an ellipsis or a stray mark the splitter
// takes for a sentence before the lead's first words names nothing.
func firstWorded(sentences []string) int {
	for i, s := range sentences {
		if strings.ContainsFunc(s, unicode.IsLetter) {
			return i
		}
	}
	return -1
}

// nextLeadSentence is the first sentence of the first of lines that could
// be a lead, without its dateline: lines without a letter, bylines,
// labels and the page's furniture between the lead and the text's next
// sentence (an "Advertisement" line, a picture's caption or credit, a
// date stamp, share buttons) are passed over as leadLines passes them
// over above the lead, so a story's one line is no such line. "" when no
// line is left.
func nextLeadSentence(a Article, lines []string) string {
	lead, _, _ := firstLeadLine(a, lines, true)
	return wordedSentence(text.Sentences(lead))
}

// LeadParagraph is the article's text from the line its lead is in (its
// dateline included) to the end of that paragraph: the first paragraph,
// unless bylines, labels or the page's furniture come before the lead
// (leadLines). "" for an article with no text.
func LeadParagraph(a Article) string {
	_, line, _ := leadLines(a)
	if line == "" {
		return ""
	}
	for _, p := range a.Paragraphs() {
		if i := strings.Index(p, line); i >= 0 {
			return p[i:]
		}
	}
	return line
}

// leadLines finds the line an article's lead is in: lead is that line
// without its dateline, line the whole line, rest the lines after it.
// Lines without a letter, bylines, label lines and the page's furniture
// (isFurnitureLine: date stamps, posting lines, credits, buttons, an
// agency or the outlet alone, a byline's second line) are passed over.
func leadLines(a Article) (lead, line string, rest []string) {
	var lines []string
	for _, p := range a.Paragraphs() {
		lines = append(lines, strings.Split(p, "\n")...)
	}
	if lead, line, rest = firstLeadLine(a, lines, true); lead != "" {
		return lead, line, rest
	}
	// A text of furniture alone ("Posted ... by Jane Doe | Permalink") is
	// still named by its first line: some title beats none.
	return firstLeadLine(a, lines, false)
}

// firstLeadLine is leadLines' search, passing over the page's furniture
// when skipFurniture says so.
func firstLeadLine(a Article, lines []string, skipFurniture bool) (lead, line string, rest []string) {
	afterByline := false
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if !hasLetter(l) {
			continue // a line with no letter ("***", "12:45", "&nbsp;") is a separator or a stamp, no lead
		}
		byline := isBylineLine(l, a.Byline) || isWrittenByLine(l)
		if byline || isLabelLine(l) || skipFurniture && isFurnitureLine(l, nextLine(lines[i+1:]), a, afterByline) {
			afterByline = byline
			continue
		}
		if lead = strings.TrimSpace(cutDateline(l)); hasLetter(lead) {
			return lead, l, lines[i+1:]
		}
		// a dateline on a line of its own, or with no word after it ("March 3 --.")
	}
	return "", "", nil
}

// hasLetter reports whether a line has a letter once the HTML entities a
// feed left in it are read ("&nbsp;" and "&#8212;" have none), as the
// title made of it would show them (firstSentence).
func hasLetter(line string) bool {
	return strings.ContainsFunc(readEntities(line), unicode.IsLetter)
}

// nextLine is the first of lines with a letter, trimmed, or "".
func nextLine(lines []string) string {
	for _, l := range lines {
		if hasLetter(l) {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// TitleOrLead is the article's title, else its LeadTitle with derived
// true: what a story with this article alone would be called.
func TitleOrLead(a Article) (title string, derived bool) {
	if t := text.Label(a.Title); t != "" {
		return t, false
	}
	title = LeadTitle(a)
	return title, title != ""
}

// StoryTitle is the headline of a story made of arts: the title of its
// earliest dated titled article, else of its first titled article. A story
// none of whose articles has a title gets one made from the lead of its
// earliest dated article (LeadTitle), and derived says so: a real headline
// always wins over a derived one. projection.Title gives it to a compared
// story; the stores give it to a story split off before it is compared.
func StoryTitle(arts []Article) (title string, derived bool) {
	if best := earliest(arts, func(a Article) bool { return text.Label(a.Title) != "" }); best >= 0 {
		return text.Label(arts[best].Title), false
	}
	if best := earliest(arts, func(a Article) bool { return LeadTitle(a) != "" }); best >= 0 {
		return LeadTitle(arts[best]), true
	}
	return "", false
}

// earliest is the index of the earliest dated article that keep accepts,
// else of the first it accepts, else -1.
func earliest(arts []Article, keep func(Article) bool) int {
	best := -1
	for i, a := range arts {
		if !keep(a) {
			continue
		}
		if best < 0 || !a.Published.IsZero() && (arts[best].Published.IsZero() || a.Published.Before(arts[best].Published)) {
			best = i
		}
	}
	return best
}

// leadTitleMax is the longest derived title, in characters: real headlines
// of the story sets (allsides_val, ecbplus_dev, newswcl50: 1,743 titles)
// have a median of 69 characters and three in four are 92 or shorter, so a
// lead cut at 100 reads as long as most headlines and fits two lines of a
// list.
const leadTitleMax = 100

// datelineMax is the longest prefix read as a dateline, in characters: a
// place, a date and an agency ("RIO DE JANEIRO, Brazil (AP)", "WASHINGTON,
// February 6 (Xinhua)") stay under 50; a longer prefix before a dash is
// a sentence's own words.
const datelineMax = 60

// cutDateline removes a leading dateline: a short prefix ending in a dash
// whose first word is a place in capitals ("WASHINGTON _", "NEW YORK
// (AP) --", "WASHINGTON—"), that names an agency in brackets
// ("Washington (CNN) —") or that is a date ("Feb. 23, 2015 —"). Else it
// tries cutGluedAgency, then cutColonDateline. An agency alone in
// brackets before the place and date ("(ANSA) - ROMA, 3 MAR - Il ...",
// the Italian wires' order) is cut with them, and so is one that opens
// the line before a space and a capital ("(Wire) OSTRAVA - ...", "(Wire)
// The council ...": cutOpeningAgency).
func cutDateline(s string) string {
	if rest, ok := cutOpeningAgency(s); ok {
		s = rest
	}
	rest, agencyAlone := cutDashDateline(s)
	if agencyAlone {
		rest, _ = cutDashDateline(rest)
	}
	return rest
}

// cutOpeningAgency removes an agency in brackets that opens the line, then
// spaces, before a capital ("(Wire) OSTRAVA - The council ...", "(Wire)
// On Monday, the council ..."): the page put the agency first and the
// place or the sentence after it. An agency glued to the capital or
// followed by a dash is cutGluedAgency's and cutDashDateline's. A bracket
// whose words run into the words after it ("(Almost) Everyone ...",
// "(Tomb of the) Pharaohs", runsIntoNext) is the sentence's own and is
// kept. ok says there was one.
func cutOpeningAgency(s string) (rest string, ok bool) {
	closing := strings.Index(s, ")")
	if !strings.HasPrefix(s, "(") || closing < 0 || closing > datelineMax || !bracketedAgency(s[:closing+1]) || runsIntoNext(s[1:closing]) {
		return s, false
	}
	rest = strings.TrimLeft(s[closing+1:], " ")
	if len(rest) == len(s[closing+1:]) || !unicode.IsUpper(firstRune(rest)) {
		return s, false
	}
	return rest, true
}

// runsIntoNext reports whether the words in a bracket read on into the
// words after it, as a headline's aside does ("(Almost) Everyone loves
// ...", "(Not So) Fast", "(Creating a) Colony", "(Mr. Doe's) Class"): its
// last word is a function word that qualifies or joins the next one
// (bracketJoinWords) or a possessive. An agency ("(Wire)", "(Kestra
// News)"), a label ("(Updated)", "(Video)") or a date is no such word.
func runsIntoNext(inside string) bool {
	words := strings.Fields(inside)
	if len(words) == 0 || len(words) == 1 && utf8.RuneCountInString(words[0]) == 1 {
		return false // "(a) The board shall ...": a list's letter
	}
	last := strings.ToLower(words[len(words)-1])
	return bracketJoinWords[last] || strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s")
}

// bracketJoinWords are the English words that end a bracket reading on
// into the next words: articles and determiners, prepositions,
// conjunctions, negations and adverbs of degree. None ends the 24
// brackets that opened a lead line of the 21,342 bench texts (agencies,
// a date, "(Return to Top)", "(File photo)"); of the 276 brackets of at
// most three words opening any of their lines before a capital, they or
// a possessive end 31, all running into a heading ("(All About) ...",
// "(What Was the) ...", "(VERY) Early ...") and none an agency (session
// 37, s37-lrev).
var bracketJoinWords = wordSet(`a an the this that these those my your his her its our their some any another every
	each all both no not nor never so very too quite rather almost nearly mostly partly largely still just only even
	also more less most least sort kind of for on in at to by with about from into onto over under and or but re un`)

// cutDashDateline is cutDateline's one cut; agencyAlone says the dateline
// was an agency in brackets and nothing else ("(ANSA) -").
func cutDashDateline(s string) (rest string, agencyAlone bool) {
	i, j := firstDash(s)
	if i < 0 || i > datelineMax {
		return cutOtherDateline(s), false
	}
	prefix := strings.TrimSpace(s[:i])
	if prefix == "" || !bracketedAgency(prefix) && !capitalPlace(prefix) && !namedPlace(prefix, s[i:j], s[j:]) && !isDatePrefix(prefix) {
		return cutOtherDateline(s), false
	}
	if !bracketedAgency(prefix) && startsLower(s[j:]) {
		return s, false // "ISIS -- the group -- claimed ...": an aside after a name in capitals
	}
	return s[j:], strings.HasPrefix(prefix, "(") && bracketedAgency(prefix)
}

// cutOtherDateline removes a dateline that ends in no dash: an agency in
// brackets glued to the lead (cutGluedAgency), else a dateline ending in a
// colon (cutColonDateline).
func cutOtherDateline(s string) string {
	if cut := cutGluedAgency(s); cut != s {
		return cut
	}
	return cutColonDateline(s)
}

// isDatePrefix reports whether a dateline's prefix is a date alone ("Feb.
// 23, 2015", "23 February 2015", "Monday, March 3"): a date stamp
// (isDateStamp) with a month's or a day's name, or with two numbers
// ("23.02.2015"). A single number before a dash ("10 — The number of
// ...") is a sentence's.
func isDatePrefix(prefix string) bool {
	if !isDateStamp(prefix) || indexBy(prefix) >= 0 {
		return false
	}
	numbers := 0
	for _, w := range lowerWords(prefix) {
		if calendarWords[w] {
			return true
		}
		if isNumber(w) {
			numbers++
		}
	}
	return numbers >= 2
}

// cutColonDateline removes a dateline ending in a colon, as some papers
// and agencies write it ("WASHINGTON, March 3: The Senate ...", "Feb.
// 23, 2015: The Senate ...", "LONDON, May 8 (Xinhua): ..."): a prefix of
// a place and a date, or a date alone, or a place in capitals and an
// agency in brackets, then a colon and a capital. A place alone before a
// colon is cut when it is a dateline's city written in capitals and a
// lead's sentences follow ("NEW DELHI: The government said ...",
// isKnownPlaceInCapitals, readsAsLeadParagraph): by its shape it cannot
// be told from a headline's "NASA: ..." or "BREAKING: ...".
func cutColonDateline(s string) string {
	i := strings.Index(s, ": ")
	if i <= 0 || i > datelineMax {
		return s
	}
	prefix, rest := strings.TrimSpace(s[:i]), strings.TrimLeft(s[i+1:], " ")
	if rest == "" || !unicode.IsUpper(firstRune(rest)) && !unicode.IsDigit(firstRune(rest)) && !strings.ContainsRune("\"“‘'", firstRune(rest)) {
		return s
	}
	if isDatePrefix(prefix) || isPlaceAndDate(prefix) || bracketedAgency(prefix) && capitalPlace(prefix) || isKnownPlaceInCapitals(prefix) && readsAsLeadParagraph(rest) {
		return rest
	}
	return s
}

// isPlaceAndDate reports whether a prefix is a place, a comma and a date
// ("WASHINGTON, March 3", "Kestra, 3 March 2026"): the place in capitals
// or a few capitalised words, the date as isDatePrefix reads it.
func isPlaceAndDate(prefix string) bool {
	// A place with a state after a comma ("Kansas City, Mo., March 3:") is
	// not read, its state being no date.
	place, date, ok := strings.Cut(prefix, ",")
	if !ok || !isDatePrefix(strings.TrimSpace(date)) {
		return false
	}
	words := strings.Fields(place)
	if len(words) == 0 || len(words) > datelinePlaceWords {
		return false
	}
	return capitalPlace(place) || readsAsNames(words, nil)
}

// startsLower reports whether s begins with a lower-case letter: a lead
// after a dateline begins as a sentence does, with a capital, a figure or
// a quote, while an aside set off by dashes goes on in lower case.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// datelinePlaceWords is the most words of a dateline's place in ordinary
// case (namedPlace, isPlaceAndDate): "Washington", "Kansas City, Mo.";
// "Rio de Janeiro" has a small word and is not taken; four capitalised
// words are a name or a title more often than a place. (A package
// constant: leadskip.go's placeWords are other words.)
const datelinePlaceWords = 3

// namedPlace reports whether a prefix in ordinary case is a dateline's
// place ("Washington —", "Kansas City, Mo. --"): a few capitalised words
// before an em or en dash or a double hyphen, and a capital after it. An
// aside opened by a dash goes on in lower case ("The Senate — in a vote
// ...") and a spaced hyphen joins words too often ("Ostland - Kestra
// talks") to end a place.
func namedPlace(prefix, dash, rest string) bool {
	words := strings.Fields(prefix)
	if len(words) > datelinePlaceWords || !strings.ContainsFunc(dash, isLongDash) && !strings.Contains(dash, "--") {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(next)
}

// firstDash finds the first dash that separates rather than joins: a run
// of dashes ('-', '–', '—', '_', and the horizontal bar '―' and figure
// dash '‒' some papers set for an em dash: "WASHINGTON ― The House ...")
// that is two long (the wires' "--", "–-"), or a long dash, or spaced on
// both sides (" - ", " _ "); a hyphen inside a word ("U.S.-brokered") is
// not one. It returns the run's start and its end, "" and spaces after it
// included, or -1.
func firstDash(s string) (start, end int) {
	isDash := func(r rune) bool { return r == '-' || r == '_' || isLongDash(r) }
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDash(r) {
			i += size
			continue
		}
		j, n, long := i, 0, false
		for j < len(s) {
			q, qs := utf8.DecodeRuneInString(s[j:])
			if !isDash(q) {
				break
			}
			long = long || isLongDash(q)
			j += qs
			n++
		}
		spaced := (i == 0 || s[i-1] == ' ') && (j == len(s) || s[j] == ' ')
		if n >= 2 || long || spaced {
			return i, j + len(s[j:]) - len(strings.TrimLeft(s[j:], " "))
		}
		i = j
	}
	return -1, -1
}

// isLongDash reports whether r is a dash that never joins words: the em and
// en dashes, the horizontal bar ('―', U+2015) and the figure dash ('‒',
// U+2012). The bar stands for an em dash in the datelines of some papers
// ("WASHINGTON ― ...", "NEW YORK, May 21 (Wirenews) ― ...": 18 lead
// titles of the story files and extraction-bench texts kept such a
// dateline before session 37).
func isLongDash(r rune) bool {
	return r == '—' || r == '–' || r == '―' || r == '‒'
}

// cutGluedAgency removes a dateline whose agency in brackets runs into the
// lead's first word with no dash nor space ("Washington (CNN)The Senate",
// "(CNN)The Senate"), or with the full stop and dash of the Spanish
// wires ("MADRID, 3 mar (EFE).- El consejo"): a bracket closed right
// before a capital is no sentence's aside.
func cutGluedAgency(s string) string {
	closing := strings.Index(s, ")")
	if closing < 0 || closing > datelineMax || closing+1 >= len(s) {
		return s
	}
	rest := afterStopAndDash(s[closing+1:])
	if !unicode.IsUpper(firstRune(rest)) || !bracketedAgency(s[:closing+1]) {
		return s
	}
	return rest
}

// afterStopAndDash is s past a full stop and a dash that open it, and the
// spaces after them (".- El consejo" is "El consejo"), else s: a full stop
// alone (". The") ends a sentence and is kept.
func afterStopAndDash(s string) string {
	if !strings.HasPrefix(s, ".") {
		return s
	}
	after := strings.TrimLeft(s[1:], "-–—")
	if len(after) == len(s)-1 {
		return s
	}
	return strings.TrimLeft(after, " ")
}

// capitalPlace reports whether the prefix begins with a place in capitals,
// as a dateline does ("WASHINGTON", "ST. LOUIS", "RIO DE JANEIRO, Brazil"):
// its letters up to a comma or bracket are all capitals, three or more
// (two, "US" or "EU", begin sentences too).
func capitalPlace(prefix string) bool {
	if i := strings.IndexAny(prefix, ",("); i >= 0 {
		prefix = prefix[:i]
	}
	n := 0
	for _, r := range prefix {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 3
}

// bracketedAgency reports whether the prefix ends with a bracketed name, as
// "Washington (CNN)", "LONDON, May 8 (Xinhua)" and "(CNN)" do.
func bracketedAgency(prefix string) bool {
	prefix = strings.TrimSpace(prefix)
	i := strings.LastIndex(prefix, "(")
	if !strings.HasSuffix(prefix, ")") || i < 0 {
		return false
	}
	// agencyWords: "(AP)", "(Xinhua)", "(Associated Press)", "(Agence
	// France-Presse)"; more words in brackets are an aside of a sentence.
	const agencyWords = 3
	return len(strings.Fields(prefix[i+1:len(prefix)-1])) <= agencyWords
}

// isBylineLine reports whether a line is a byline: the article's own, or a
// short "By ..." line with no sentence in it.
func isBylineLine(line, byline string) bool {
	if byline != "" && strings.EqualFold(strings.TrimPrefix(strings.TrimPrefix(line, "By "), "BY "), byline) {
		return true
	}
	if !strings.HasPrefix(line, "By ") && !strings.HasPrefix(line, "BY ") {
		return false
	}
	// bylineWords: "By Jane Q. Public, Associated Press Writer" is 7 words;
	// a sentence that starts with "By" ("By noon, the river had ...") has
	// more, or ends as a sentence does.
	const bylineWords = 8
	return len(strings.Fields(line)) <= bylineWords && !strings.HasSuffix(line, ".")
}

// isLabelLine reports whether a line is a label rather than a lead: all in
// capitals, short, with no sentence end ("NATIONAL FORECAST", "EDITOR'S
// NOTE"). A dateline alone on its line is cut by cutDateline instead. A
// line in a script without capitals (Chinese, Japanese, Arabic, Hebrew)
// is no label: its letters are neither upper nor lower case, and its
// sentences end with marks other than ".!?" ("。").
func isLabelLine(line string) bool {
	// labelWords: section labels and kickers are one to a few words; a
	// lead sentence in capitals (a shouted dump) is longer.
	const labelWords = 6
	if len(strings.Fields(line)) > labelWords || strings.ContainsAny(line, ".!?") {
		return false
	}
	letters := 0
	for _, r := range line {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && !endsWithDash(line)
}

// endsWithDash reports whether the line ends in a dash: a dateline on a line
// of its own, which cutDateline handles.
func endsWithDash(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.HasSuffix(line, "--") || isLongDash(r) || strings.HasSuffix(line, " _")
}

// firstSentence is the first sentence of a line that has a letter
// (firstWorded), without its final period (headlines have none), with the
// wires' ASCII dashes and quotes as the characters they stand for, HTML
// entities a feed or a JSON file left in its text ("&amp;", "&quot;",
// "&#8217;") as their characters (the title is shown as text, where an
// entity would read as written), and no format marks
// (withoutFormatMarks).
func firstSentence(line string) string {
	s := withoutFormatMarks(readEntities(line))
	if ss := text.Sentences(s); len(ss) > 0 {
		s = ss[max(firstWorded(ss), 0)]
	}
	if i := strings.Index(s, "。"); i >= 0 { // the ideographic full stop ends a sentence of Chinese or Japanese
		s = s[:i]
	}
	s = strings.TrimFunc(wireASCII(s), isSpaceOrFormat)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// ShownSentence is a sentence of an article's text as a list shows it under
// a story's title: as firstSentence reads the title, with the HTML
// entities a feed or a JSON file left in the text as their characters
// ("&amp;" is "&", "&#8217;" "’"), the wires' ASCII dashes and TeX quotes
// as the characters they stand for, and no bidirectional marks; its final
// full stop stays. The stored text keeps what the input had.
func ShownSentence(s string) string {
	return strings.TrimFunc(wireASCII(withoutFormatMarks(readEntities(s))), isSpaceOrFormat)
}

// entityReference matches an HTML character reference closed by its
// semicolon: a name ("&amp;", "&rsquo;"), a decimal or a hexadecimal
// number ("&#8217;", "&#x2014;").
var entityReference = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// readEntities is s with the HTML character references a feed or a JSON
// file left in it read as their characters ("&amp;" is "&", "&#8217;"
// "’"). Only a reference closed by its semicolon is read:
// html.UnescapeString also reads the old names written without one, which
// would turn the "&not" of "news&notes" into "¬" and the "&reg" of a
// link's "&region=" into "®" (none of the bench texts has such a name
// without its semicolon, so no bench title changes; session 37, s37-lrev).
func readEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entityReference.ReplaceAllStringFunc(s, html.UnescapeString)
}

// withoutFormatMarks drops from s the bidirectional embeddings, overrides
// and isolates (U+202A to U+202E, U+2066 to U+2069), which come in pairs
// that cutting out a sentence can split (an override left open turns the
// text shown after the title around), and trims the other invisible
// format characters at its ends (a byte order mark, a zero-width space);
// inside a word they stay, as Persian and Indic scripts need their joiners.
func withoutFormatMarks(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
			return -1
		}
		return r
	}, s)
	return strings.TrimFunc(s, isSpaceOrFormat)
}

// isSpaceOrFormat reports whether r is a space or an invisible format
// character (a byte order mark, a zero-width space or joiner).
func isSpaceOrFormat(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// wireDashes writes the em dash that wire copy spells in ASCII (" -- ",
// " _ "), and texQuotes its TeX quotes (two grave accents open a quote,
// two apostrophes close it) as curly ones: only in text that opens a quote
// so do two apostrophes close one (elsewhere they may stand for a straight
// quote, opening or closing).
var (
	wireDashes = strings.NewReplacer(" -- ", " — ", " _ ", " — ")
	texQuotes  = strings.NewReplacer("``", "“", "''", "”")
)

// wireASCII writes wire copy's ASCII dashes and quotes as the characters
// they stand for.
func wireASCII(s string) string {
	s = wireDashes.Replace(s)
	if strings.Contains(s, "``") {
		s = texQuotes.Replace(s)
	}
	return s
}

// shortTitle cuts a title longer than leadTitleMax characters at the last
// word boundary before it, drops the punctuation left hanging there, and
// ends it with an ellipsis.
func shortTitle(s string) string {
	if utf8.RuneCountInString(s) <= leadTitleMax {
		return s
	}
	cut := []rune(s)[:leadTitleMax]
	end := len(cut)
	for end > 0 && !unicode.IsSpace(cut[end-1]) {
		end--
	}
	if end == 0 { // one long word: cut inside it
		end = len(cut)
	}
	out := strings.TrimRightFunc(string(cut[:end]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:-–—_(\"“'`", r)
	})
	return out + "…"
}
