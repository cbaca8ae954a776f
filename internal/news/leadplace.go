package news

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/placenames"
	"github.com/storyline-news/storyline/internal/text"
)

// This file reads a city named alone before a colon as a dateline ("NEW
// DELHI: The government ...", the style of many South Asian and British
// papers), which cutColonDateline cannot tell from a headline's kicker
// ("EXCLUSIVE: ...", "CLAIM: ...", "UPDATE: ...") by its shape: a city
// that datelines name without a country tells it.

// datelineCities are the cities that datelines name alone
// (placenames.Cities and placenames.OtherDatelineCities), as
// datelineCityKey reads them.
var datelineCities = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range [][]string{placenames.Cities, placenames.OtherDatelineCities} {
		for _, c := range list {
			m[datelineCityKey(c)] = true
		}
	}
	return m
}()

// datelineCityKey is a city's name in lower case without full stops and
// apostrophes, as written in capitals or not ("ST. PETERSBURG" and "St
// Petersburg", "N'DJAMENA" and "Ndjamena").
func datelineCityKey(name string) string {
	return strings.NewReplacer(".", "", "'", "", "’", "").Replace(strings.ToLower(strings.Join(strings.Fields(name), " ")))
}

// datelinePlaceAloneWords is the most words of a place named alone before
// a colon: "NEW DELHI", "BANDAR SERI BEGAWAN", "HO CHI MINH CITY" is four.
const datelinePlaceAloneWords = 4

// isKnownPlaceInCapitals reports whether prefix is a dateline's city
// written in capitals, as a dateline names it alone ("NEW DELHI",
// "KABUL"). In ordinary case the same words open headlines ("London: a
// city that ..."), and are not read. A country is not read: datelines
// name a city, while a country in capitals before a colon is a
// headline's subject ("CHINA: Exports fall") or, as many are also names
// and words, a speaker or an entry ("JORDAN: Thank you", "TURKEY: The
// bird ..."); none of the 21,342 bench texts has one on any line
// (session 37, s37-lrev).
func isKnownPlaceInCapitals(prefix string) bool {
	words := strings.Fields(prefix)
	if len(words) == 0 || len(words) > datelinePlaceAloneWords || strings.ContainsFunc(prefix, unicode.IsLower) {
		return false
	}
	return datelineCities[datelineCityKey(prefix)]
}

// readsAsLeadParagraph reports whether the words after a dateline's colon
// are a lead's sentences rather than a headline's: they end in a full stop
// (endsInFullStop), or their first sentence does and more follow (a
// paragraph signed by its agency, "... He was 85. Wirenews"), as a
// paragraph does and a headline does not ("LONDON: A city that never
// sleeps", "NEW DELHI: Government raises tax"). All 24 lines of the bench
// texts with a dateline city in capitals before a colon read so, 22 by
// their last full stop (session 37, s37-lrev).
func readsAsLeadParagraph(rest string) bool {
	rest = strings.TrimSpace(rest)
	if endsInFullStop(rest) {
		return true
	}
	sentences := text.Sentences(rest)
	return len(sentences) > 1 && endsInFullStop(sentences[0])
}
