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
	if name == news.UnknownOutlet || utf8.RuneCountInString(name) < 2 || strings.Contains(name, ".") {
		return false
	}
	return namesWord(a.Text, name) || namesWord(a.Byline, name)
}

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
func namesWord(s, name string) bool {
	oneWord, common := !strings.Contains(name, " "), commonWordName(name)
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(name)
		if standsAlone(s, start, end) && !partOfLongerName(s, start, end) && namedAsOutlet(s, start, end, oneWord, common) {
			return true
		}
		from = start + 1
	}
}

// namedAsOutlet reports whether the name at s[start:end], standing alone,
// names the outlet: a name of several words always; a common word
// (commonWordName) only in a credit's shape (creditShape), wherever it
// stands; another one-word name where it does not open a sentence (a
// "The" before it aside: "The Sun came out" opens one), or before a word
// of reporting.
func namedAsOutlet(s string, start, end int, oneWord, common bool) bool {
	switch {
	case !oneWord:
		return true
	case common:
		return creditShape(s, start, end)
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
