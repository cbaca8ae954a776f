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

// maxDateSpots bounds the script dates a page keeps while it is walked:
// dateCandidates reads at most maxDatesPerSource of them (nearly all
// parse: scriptDateKey only takes date-shaped values), and an app state
// listing a thousand stories should cost no more.
const maxDateSpots = maxDatesPerSource

// minScriptDateLen is the length of the shortest text scriptDateKey
// matches (`datePosted":"20241006`): a shorter attribute cannot hold a
// publication date, and is not searched.
const minScriptDateLen = len(`datePosted":"`) + 8

// readAttrJSON records the publication dates of JSON that an element's
// attributes hold.
func (pm *pageMeta) readAttrJSON(n *html.Node) {
	for _, a := range n.Attr {
		if len(a.Val) >= minScriptDateLen && strings.Contains(a.Val, `"`) {
			pm.readScriptDates(a.Val)
		}
	}
}

// scriptDateKey finds the publication keys of JSON written outside JSON-LD
// ("datePublished":"2025-11-17T09:00:00-05:00", "publishedAt", "publish_date",
// "firstPublishedAt"), with HTML-escaped quotes as attributes write them.
// The value is 8 to 31 characters, "20241006" to
// "2025-11-17T09:00:00.12345+05:00"; a longer one (microseconds and an
// offset, 32) is cut and read as its day (parseISO). Reading it whole (34)
// made it a zoned candidate and cost a wcxb page held out (wcxb left out
// 594 -> 593 right, storyline eval meta --loso --held wcxb --fields date).
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
// texts whose label or class, or whose own words before the day, say date
// (looseDate), since "1.2.19" is as often a version.
var shortYearDate = regexp.MustCompile(`(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:[^\d.]|\.?$|\.\s)`)

// shortYearCue says a text, its label or its class is about a date:
// "Stand", "Datum", "vom", "dnia", "fecha", "date", or a word of
// publication or change in the languages of publishedLabel and
// updatedLabel. Not "time" ("Lap time 1.12.19") nor "data" (the class
// "data-table" of scores): both name more than dates.
var shortYearCue = regexp.MustCompile(`(?i)\b(?:stand|datum|date|vom|dnia|fecha)\b|ver(?:ö|oe)ffentlicht|aktualisiert|erstellt|publi|posted|updated|actuali|zaktualizowano`)

// notADayWord is a word that, right before numbers written like a day,
// says they name a version, a build or a time instead ("Updated to version
// 2.1.23", "v2.1.23", "Build 4.5.21", "Lap time 1.12.19"), or a document's
// number: "Publication 3.4.22 of the rules", "Issue 1.2.19", "Nr. 4.5.21"
// (its noun right before the numbers, with no colon between: "Date of
// publication: 3.4.22" still labels a day). Not "edition" or "Ausgabe": a
// newspaper's print edition is named by its day ("Ausgabe 03.04.22" on an
// e-paper page). No page of the eight extraction dev sets writes either
// kind before such a day (a grep of their HTML; the date eval was not run
// again for this list).
var notADayWord = regexp.MustCompile(`(?i)(?:\b(?:version|ver|release|build|rev|revision|patch|time|lap|score)|\bv)\W*$|` +
	`\b(?:publication|issue|volume|vol|number|no|nr|nummer)\.?\s*$`)

// shortYearPivot is the last two-digit year read as 20yy; a later one is
// 19yy, and plausibleFrom refuses those before 1990. Any pivot from the
// current year to 89 reads every plausible date the same; none of the dev
// sets (wcxb, readability) has a page dated after 2026, and 50 leaves the
// coming decades to 20yy.
const shortYearPivot = 50

// parseShortYear reads shortYearDate in s, with the offset in s where the
// day begins.
func parseShortYear(s string) (t time.Time, at int, ok bool) {
	m := shortYearDate.FindStringSubmatchIndex(s)
	if m == nil {
		return time.Time{}, 0, false
	}
	y, _ := strconv.Atoi(s[m[6]:m[7]])
	if y += 2000; y > 2000+shortYearPivot {
		y -= 100
	}
	if t, ok = numericDate(strconv.Itoa(y), s[m[4]:m[5]], s[m[2]:m[3]]); !ok {
		return time.Time{}, 0, false
	}
	return withClock(t, s[m[1]:]), m[2], true
}
