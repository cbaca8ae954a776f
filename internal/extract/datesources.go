package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Dates that pages write in the JSON of scripts that are not JSON-LD (an
// app's state, JSON-LD that does not parse) or of attributes
// (data-props="{&quot;datePublished&quot;:...}"), and datelines with a
// two-digit year: general conventions of page templates, read on any page.

// maxDateSpots bounds the script dates a page keeps while it is walked: the
// ranker reads at most maxDatesPerSource of them, and an app state listing
// a thousand stories should cost no more.
const maxDateSpots = 2 * maxDatesPerSource

// readAttrJSON records the publication dates of JSON that an element's
// attributes hold.
func (pm *pageMeta) readAttrJSON(n *html.Node) {
	for _, a := range n.Attr {
		if len(a.Val) > 40 && strings.Contains(a.Val, `"`) {
			pm.readScriptDates(a.Val)
		}
	}
}

// scriptDateKey finds the publication keys of JSON written outside JSON-LD
// ("datePublished":"2025-11-17T09:00:00-05:00", "publishedAt", "publish_date",
// "firstPublishedAt"), with HTML-escaped quotes as attributes write them.
var scriptDateKey = regexp.MustCompile(`(?:datePublished|publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|firstPublishedAt|first_published_at|datePosted)(?:\\?"|&quot;)\s*:\s*(?:\\?"|&quot;)([0-9][0-9T:.+\- Z]{7,30})`)

// scriptDateCue is a literal every scriptDateKey match holds ("publish",
// "Publish", "Posted"), looked for first so that the pattern runs only on
// the few scripts that can match it.
func scriptDateCue(s string) bool {
	return strings.Contains(s, "ublish") || strings.Contains(s, "Posted")
}

// readScriptDates records the publication dates the JSON of a script or
// attribute gives, in document order.
func (pm *pageMeta) readScriptDates(src string) {
	if !scriptDateCue(src) {
		return
	}
	for _, m := range scriptDateKey.FindAllStringSubmatch(src, maxDateSpots) {
		if len(pm.scriptDates) >= maxDateSpots {
			return
		}
		pm.scriptDates = append(pm.scriptDates, m[1])
	}
}

// shortYearDate reads a day written with a two-digit year, "01.12.19" or
// "1.12.19", as German and other European pages write datelines: only in
// texts whose label, class or own words say date (shortYearCue), since
// "1.2.19" is as often a version. A year up to 50 is read as 20yy, a later
// one as 19yy (plausibleFrom refuses those before 1990).
var shortYearDate = regexp.MustCompile(`(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:[^\d.]|\.?$|\.\s)`)

// shortYearCue says a text, its label or its class is about a date:
// "Stand", "Datum", "vom", "dnia", "data", "fecha", "date", or a word of
// publication or change in the languages of publishedLabel and
// updatedLabel.
var shortYearCue = regexp.MustCompile(`(?i)\b(?:stand|datum|date|vom|dnia|data|fecha|time)\b|ver(?:ö|oe)ffentlicht|aktualisiert|erstellt|publi|posted|updated|actuali|zaktualizowano`)

// parseShortYear reads shortYearDate in s.
func parseShortYear(s string) (time.Time, bool) {
	m := shortYearDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	y += 2000
	if y > 2050 {
		y -= 100
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || d < 1 || t.Day() != d {
		return time.Time{}, false
	}
	return withClock(t, s[strings.Index(s, m[0])+len(m[0]):]), true
}
