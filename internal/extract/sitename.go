package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// firstSiteName returns the first of a page's site-name sources, tried in
// order, whose name, cleaned (cleanSiteName), reads as the name of a site
// (plausibleSiteName); "" when none does. A source that gives a footer's
// sentence, a fragment of markup or a version number is passed over for
// the next one rather than shown as the outlet: the outlet is what the
// story pages, the sources list and the filters group articles by.
func firstSiteName(sources ...func() string) string {
	for _, source := range sources {
		if name := cleanSiteName(source()); plausibleSiteName(name) {
			return name
		}
	}
	return ""
}

// siteNameMark, siteNameYears, siteNameSpan and siteNameBy match what a
// footer or a damaged title puts before a site's name (cutSiteNameLead):
// a copyright mark ("Copyright ", "© ", "(c) "), the years after it
// ("1995-2008 ", "2008 "), a span of years without a mark ("1995-2008 ")
// and a "by", "of" or "from" ("© 2008 by ", "from "). siteNameTrail
// matches a trailing year or span of years ("... Limited 2008", "... 1913
// - 2012"). Trademark signs and dangling separators ("Business |") are
// trimmed by cleanSiteName.
var (
	siteNameMark  = regexp.MustCompile(`^(?:(?i:copyright)\b\s*)?(?:©|\((?i:c)\))?\s*`)
	siteNameYears = regexp.MustCompile(`^\d{4}\s*(?:[-–]\s*(?:\d{4})?\s*)?`)
	siteNameSpan  = regexp.MustCompile(`^\d{4}\s*[-–]\s*\d{4}\s+`)
	siteNameBy    = regexp.MustCompile(`^(?:by|of|from)\s+`)
	siteNameTrail = regexp.MustCompile(`\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$`)
)

// cutSiteNameLead removes a copyright mark, the years after it and a
// "by" before a site's name. A number that opens a name with no mark
// before it is the name's own ("1843 Magazine", "2600 Magazine"). The word
// "Copyright" is always taken for a mark: footers name their owner so
// ("Copyright Toronto Star", 25 pages of the extraction sets), far more
// often than a name begins with it ("Copyright Clearance Center", none).
func cutSiteNameLead(s string) string {
	mark := siteNameMark.FindString(s)
	rest := s[len(mark):]
	if mark != "" {
		rest = siteNameYears.ReplaceAllString(rest, "")
	} else {
		rest = siteNameSpan.ReplaceAllString(rest, "")
	}
	return siteNameBy.ReplaceAllString(rest, "")
}

// siteNameDate matches a date or a season of a year, which a page may
// give where its site's name belongs ("October 29, 2012", "24 October
// 2003", "03/09/99", "Spring 2002"): no name, and no name once its year
// is cut ("October 29,").
var siteNameDate = regexp.MustCompile(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b`)

// cleanSiteName strips a site's name of the copyright words, years,
// trademark signs and dangling separators around it; a name that is a
// date is no name ("").
func cleanSiteName(s string) string {
	s = cleanSpace(s)
	if siteNameDate.MatchString(s) {
		return ""
	}
	for {
		before := s
		s = cutSiteNameLead(s)
		s = siteNameTrail.ReplaceAllString(s, "")
		s = strings.TrimRight(s, " ®™|-–—:·•»/")
		s = strings.TrimSpace(s)
		if s == before {
			return s
		}
	}
}

// siteNameConnectives are the lower-case words a name's capitalised words
// may be joined by ("Center for Strategic and International Studies", "Le
// Monde de l'Éducation"): not evidence that the name is a sentence.
var siteNameConnectives = map[string]bool{"a": true, "an": true, "and": true, "at": true, "by": true, "de": true,
	"del": true, "der": true, "des": true, "di": true, "die": true, "du": true, "for": true, "in": true, "la": true,
	"le": true, "of": true, "on": true, "the": true, "to": true, "und": true, "van": true, "von": true, "y": true}

// sentenceLowerWords is how many lower-case words (connectives aside) a
// name with capitals must have, and outnumber its capitalised words by,
// to read as a sentence rather than a name: a footer's "The BBC is not
// responsible for the content of external sites" has six against two,
// while the longest real names among the site names of the eight
// extraction sets' pages ("Mozilla Hacks – the Web developer blog",
// "The Nutrition Source - Harvard Chan School") have at most two.
const sentenceLowerWords = 3

// plausibleSiteName reports whether a cleaned name reads as a site's name:
// it has a letter, holds no markup ("<", ">", "=", braces: a damaged
// <link>, attribute or script read as text), does not open with "All rights" (a
// copyright line with no owner) and is no sentence (sentenceLowerWords).
// A name all in lower case ("nutty nomads blog", "bkuhn") is a styled name,
// not a sentence.
func plausibleSiteName(s string) bool {
	if s == "" || !strings.ContainsFunc(s, unicode.IsLetter) || strings.ContainsAny(s, "<>={}") {
		return false
	}
	if strings.HasPrefix(strings.ToLower(s), "all rights") {
		return false
	}
	lower, capital := 0, 0
	for _, w := range strings.Fields(s) {
		r := []rune(strings.Trim(w, `.,;:!?'’()[]-–—|`))
		switch {
		case len(r) == 0 || !unicode.IsLetter(r[0]):
		case unicode.IsUpper(r[0]):
			capital++
		case !siteNameConnectives[strings.ToLower(string(r))]:
			lower++
		}
	}
	return capital == 0 || lower < sentenceLowerWords || lower <= capital
}
