package cluster

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// skewWindow is how far apart two outlets' publication times may be and
// still be put in the wrong order by the outlets' clocks: each site stamps
// its page when its own system publishes it (on filing, on a scheduled
// hour, on the first save), so a copy can carry a time minutes before its
// origin's. Within it, a credit in the text (credits) orders the pair
// rather than the times. 30 minutes is a round bound, not measured: no
// story file has two outlets' derived articles that close together with a
// credit against their times (counted in session 39).
const skewWindow = 30 * time.Minute

// creditOrder tells, for two articles of different outlets published
// within skewWindow of each other, which one the text says came first: 1
// when b names a's outlet and a does not name b's (b credits a: "... the
// Calder Courier reported", a wire's credit line), -1 the other way, 0
// when the text does not tell or the times are further apart. Outlets
// unknown, or known only by a web address, are never named.
func creditOrder(a, b news.Article, outletA, outletB string) int {
	if sameOutlet(outletA, outletB) || a.Published.IsZero() || b.Published.IsZero() || a.DateOnly || b.DateOnly {
		return 0
	}
	if gap := a.Published.Sub(b.Published); gap > skewWindow || gap < -skewWindow {
		return 0
	}
	aNamesB, bNamesA := credits(a, b), credits(b, a)
	switch {
	case bNamesA && !aNamesB:
		return 1
	case aNamesB && !bNamesA:
		return -1
	}
	return 0
}

// credits reports whether article a names b's outlet in its text or
// byline, as a whole word with its capitals ("Harbour Wire", "Calder
// Courier"; "The Calder Courier" also as "Calder Courier"), and not as part
// of a longer name (partOfLongerName).
func credits(a, b news.Article) bool {
	name := strings.TrimPrefix(news.OutletName(b.Source, b.URL), "The ")
	if name == news.UnknownOutlet || strings.Contains(name, ".") {
		return false
	}
	names := creditNames(name)
	for i, n := range names {
		shape := creditShape
		if i > 0 && i == len(names)-1 && strippedOfService(name, n) {
			shape = brandCreditShape
		}
		if utf8.RuneCountInString(n) >= 2 && (namesWordShaped(a.Text, n, shape) || namesWordShaped(a.Byline, n, shape)) {
			return true
		}
	}
	return false
}

// strippedOfService reports whether a form of an outlet's name is its name
// as filed without a word of the service it runs (creditNames: "Fox" of
// "Fox News (Online News)"), not the name itself or its feed's note cut.
func strippedOfService(filed, form string) bool {
	if i := strings.LastIndex(filed, " ("); i > 0 && strings.HasSuffix(filed, ")") {
		filed = strings.TrimSpace(filed[:i])
	}
	return strings.TrimPrefix(filed, "The ") != form
}

// creditNames returns the forms a text may credit an outlet by: its name
// as filed, without a bracketed note of the feed ("Fox News (Online
// News)" is credited as "Fox News"), and without a word of the service
// it runs (outletSuffixes: "Xinhua News Agency" as "Xinhua", "New York
// Times News Service" as "New York Times"), unless what is left is one
// masthead word: "Star News" is another paper than the Star.
func creditNames(name string) []string {
	names := []string{name}
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = strings.TrimSpace(name[:i])
		names = append(names, name)
	}
	for _, suffix := range outletSuffixes {
		if head, ok := strings.CutSuffix(name, " "+suffix); ok && !mastheadWords[head] {
			return append(names, strings.TrimPrefix(head, "The "))
		}
	}
	return names
}

// outletSuffixes are the words of a news service that follow its brand in
// its full name ("Bloomberg News", "Xinhua News Agency", "Anadolu Agency",
// "Kyodo News Service"), longest first. Texts credit the service by
// either form ("Bloomberg reported", "Bloomberg News reported"). Listed
// by hand from the wire names of the story files (duc2003's "Xinhua News
// Agency", allsides_dated's "Fox News", "BBC News") and of wire credits in
// general; "Press" only after "News" or before "Agency": "Associated
// Press", "Free Press" are names in their own right.
var outletSuffixes = []string{"News Agency", "News Service", "Press Agency", "News Network", "Newswires", "Newswire", "News", "Agency"}

// mastheadWords are the nouns newspapers are named by. One of them with a
// word of outletSuffixes is another outlet than the masthead alone ("the
// Star News", "the Sun News", "the Herald Press" are papers of their own),
// so neither credits the other. Listed by hand from newspaper titles.
var mastheadWords = setOf(`Times Post Star Sun Herald Tribune Globe Mirror Ledger Courier Gazette Chronicle Telegraph Journal
Guardian Independent Examiner Express Observer Record Register Bulletin Dispatch Enquirer Inquirer Sentinel Standard
Mail Daily Press Review Advocate Argus Beacon Eagle Leader Monitor Messenger Banner Citizen Democrat Pioneer Statesman
Patriot Republican Item World Free Weekly Evening Morning Sunday`)

// namesWord reports whether name occurs in s as a name: with no letter or
// digit right before or after it, nor a hyphen joining it to a longer name
// ("Calder Courier-Gazette" is not the Calder Courier). Han characters
// (text.IsHanPiece) do not join it: Chinese and Japanese put a name
// between characters without spaces ("据Calder Courier报道"). A name of one
// word at the start of a sentence counts only before a word of reporting
// ("Ostwire reported"): a capital there marks no name, and outlets named
// by a common word ("Time", "The Sun") open sentences of any report
// ("Time is running out").
// Nor is it a part of another proper name, joined to it by a space
// (partOfLongerName: "the Valley Ledger" does not name the Ledger).
// A one-word name the text writes as a person's surname (writtenAsSurname:
// "Michael Bloomberg", "Mr. Fox") names the outlet only with a word of
// outletSuffixes after it ("Bloomberg News"): there "Bloomberg said" is
// the man.
func namesWord(s, name string) bool {
	return namesWordShaped(s, name, creditShape)
}

// nameShape reports whether the name at s[start:end] is written as a
// credit to an outlet (creditShape, brandCreditShape).
type nameShape func(s string, start, end int) bool

// namesWordShaped is namesWord with the shape a common word must take to
// name the outlet (shape: creditShape for an outlet's own name,
// brandCreditShape for a brand cut from its service's name).
func namesWordShaped(s, name string, shape nameShape) bool {
	oneWord := !strings.Contains(name, " ")
	if !commonWordName(name) {
		shape = nil
	}
	surname := oneWord && writtenAsSurname(s, name)
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(name)
		if standsAlone(s, start, end) && namedAt(s, start, end, name, oneWord, shape, surname) {
			return true
		}
		from = start + 1
	}
}

// writtenAsSurname reports whether s writes name right after a given name
// of the name lexicon or a person's honorific, one space between:
// "Michael Bloomberg", "Vicente Fox", "Mr. Fox", "Ms. Sun". A given name
// after "the" or another capitalised word, not a person's role ("Mayor
// Michael Bloomberg"), or before a further capitalised word, is part of a
// longer name: "the Washington Post", "San Francisco Chronicle",
// "Washington Post Staff Writer". A name in capitals ("AP") is no one's
// surname.
func writtenAsSurname(s, name string) bool {
	if !strings.ContainsFunc(name, unicode.IsLower) {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return false
		}
		start := from + i
		if head, ok := strings.CutSuffix(s[:start], " "); ok && standsAlone(s, start, start+len(name)) {
			at := strings.LastIndexFunc(head, func(r rune) bool { return !joins(r) && r != '.' }) + 1
			if word := head[at:]; honorifics[word] || givenNameBefore(word, head[:at], s[start+len(name):]) {
				return true
			}
		}
		from = start + 1
	}
}

// givenNameBefore reports whether word, written before a name, is a given
// name of the name lexicon that opens a person's name: not after "the" or
// a capitalised word (before), nor with a capitalised word after the name
// (after).
func givenNameBefore(word, before, after string) bool {
	if !unicode.IsUpper(firstRune(word)) || !text.IsFirstName(strings.ToLower(word)) || afterCapitalisedWord(before) {
		return false
	}
	if prev, ok := strings.CutSuffix(before, " "); ok && len(prev) >= 3 && strings.EqualFold(prev[len(prev)-3:], "the") && !joins(lastRune(prev[:len(prev)-3])) {
		return false
	}
	next, ok := strings.CutPrefix(after, " ")
	return !ok || !unicode.IsUpper(firstRune(next))
}

// afterCapitalisedWord reports whether the text before a word ends with a
// capitalised word, no noun of a person's role (text.RoleNouns), and one
// space.
func afterCapitalisedWord(before string) bool {
	head, ok := strings.CutSuffix(before, " ")
	if !ok {
		return false
	}
	word := head[strings.LastIndexFunc(head, func(r rune) bool { return !joins(r) })+1:]
	return unicode.IsUpper(firstRune(word)) && !text.RoleNouns()[strings.ToLower(word)]
}

// honorifics are the titles written before a person's surname alone.
var honorifics = wordSet{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true}

// namedAt reports whether the name at s[start:end], standing alone, names
// the outlet: followed by a word of outletSuffixes ("Bloomberg News
// reported", "Xinhua News Agency said") it does, as a name of several
// words does, unless a capitalised word goes on the longer name ("Kyodo
// News Service Tokyo" aside, "Bloomberg News Editor") or the name is a
// masthead word ("the Star News" is another paper); otherwise, when it is
// no person's surname in the text (surname) and no part of a longer name,
// as namedAsOutlet says.
func namedAt(s string, start, end int, name string, oneWord bool, shape nameShape, surname bool) bool {
	if withSuffix := afterOutletSuffix(s, end); withSuffix > end && !mastheadWords[name] {
		return !partOfLongerName(s, start, withSuffix)
	}
	return !surname && !partOfLongerName(s, start, end) && namedAsOutlet(s, start, end, oneWord, shape)
}

// afterOutletSuffix returns where a word of outletSuffixes that follows
// s[:end] after one space ends, the longest first; end when none does.
// The suffix must end the word: "Newsday" is no suffix.
func afterOutletSuffix(s string, end int) int {
	rest, ok := strings.CutPrefix(s[end:], " ")
	if !ok {
		return end
	}
	for _, suffix := range outletSuffixes {
		if strings.HasPrefix(rest, suffix) && !joins(firstRune(rest[len(suffix):])) {
			return end + 1 + len(suffix)
		}
	}
	return end
}

// namedAsOutlet reports whether the name at s[start:end], standing alone,
// names the outlet: a name of several words always; a common word
// (commonWordName; shape is nil for others) only in a credit's shape
// (shape: creditShape or brandCreditShape), wherever it
// stands; another one-word name where it does not open a sentence (a
// "The" before it aside: "The Sun came out" opens one), or before a word
// of reporting.
func namedAsOutlet(s string, start, end int, oneWord bool, shape nameShape) bool {
	switch {
	case !oneWord:
		return true
	case shape != nil:
		return shape(s, start, end)
	}
	return !opensSentence(withoutThe(s[:start])) || reportingWordAfter(s[end:])
}

// withoutThe drops a "The " that ends the text before a name.
func withoutThe(before string) string {
	return strings.TrimSuffix(before, "The ")
}

// standsAlone reports whether s[start:end] is no piece of a longer word
// or hyphenated name.
func standsAlone(s string, start, end int) bool {
	before, size := utf8.DecodeLastRuneInString(s[:start])
	if before == '-' {
		before, _ = utf8.DecodeLastRuneInString(s[:start-size])
	}
	after, size := utf8.DecodeRuneInString(s[end:])
	if after == '-' {
		after, _ = utf8.DecodeRuneInString(s[end+size:])
	}
	return !joins(before) && !joins(after)
}

// joins reports whether r, next to a name, makes it part of a longer
// word: a letter or digit, not a Han character (utf8.RuneError, from the
// ends of a string, does not).
func joins(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !text.IsHanPiece(string(r))
}

// opensSentence reports whether the text before a word ends a sentence or
// paragraph (or is empty), spaces and quotation marks aside.
func opensSentence(before string) bool {
	t := strings.TrimRight(before, " \t\"'“‘")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?\n", r)
}

// reportingWords say that an outlet, named at the start of a sentence,
// reported: "Ostwire reported", "Ostwire said". The common verbs of a
// credit, listed by hand (session 39 review, on invented sentences; no
// story file has two outlets minutes apart with a credit to count on).
var reportingWords = map[string]bool{"reported": true, "reports": true, "said": true, "says": true, "wrote": true, "writes": true, "revealed": true, "first": true, "quoted": true, "cited": true,
	"notes": true, "quotes": true} // notes, quotes: after the read of the extraction sets' gold text (review of s40-attr)

// reportingWordAfter reports whether the word after a name is one of
// reporting (reportingWords), or an auxiliary then a word of news found
// (perfectReportingWords: "the Ledger has learned").
func reportingWordAfter(after string) bool {
	ws := text.Words(after[:min(len(after), 40)]) // the next word lies within 40 bytes when it follows the name
	if len(ws) == 0 {
		return false
	}
	first := strings.ToLower(ws[0])
	return reportingWords[first] || auxiliaries[first] && len(ws) > 1 && perfectReportingWords[strings.ToLower(ws[1])]
}

// auxiliaries open a perfect tense between an outlet's name and its verb:
// "the Ledger has learned", "Ostwire had reported".
var auxiliaries = wordSet{"has": true, "had": true, "have": true}

// perfectReportingWords say, after an auxiliary, that an outlet found or
// told the news: the common forms of a newsroom's own credit ("has learned",
// "has obtained"), listed by hand on invented sentences by the review of
// s40-attr (session 40). Not "seen" nor "first": "the Atlantic has seen
// twelve storms", "the Sun had first appeared" are no credits.
var perfectReportingWords = wordSet{"learned": true, "learnt": true, "obtained": true, "reported": true, "revealed": true}

// articles open a sentence before an outlet's name without being part of
// it: "The Ledger reported", "A Ledger reporter said".
var articles = wordSet{"The": true, "A": true, "An": true}

// partOfLongerName reports whether s[start:end] is joined by a space to a
// capitalised word before or after it, and so is part of another proper
// name than the one looked for: an outlet known as "Ledger" (its "The"
// dropped) is not named by "the Valley Ledger", "Hill" not by "Capitol
// Hill" nor "Hill Street". A credit missed so leaves the times to order
// the pair, as with no credit; one read wrongly would reverse it.
func partOfLongerName(s string, start, end int) bool {
	if head, ok := strings.CutSuffix(s[:start], " "); ok {
		word := head[strings.LastIndexFunc(head, func(r rune) bool { return !joins(r) })+1:]
		if first, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(first) && !articles[word] {
			return true // an article opens a sentence: "The Calder Courier reported", "A Sun reporter said"
		}
	}
	if tail, ok := strings.CutPrefix(s[end:], " "); ok {
		if first, _ := utf8.DecodeRuneInString(tail); unicode.IsUpper(first) {
			return true
		}
	}
	return false
}
