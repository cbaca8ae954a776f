package extract

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A dateline that writes no year ("on Tuesday July 24, @12:06PM", "Apr 4,
// 10:52 AM EDT", "Fri 18 Jan, 11:45 AM"): news wires, Slashdot-like
// sites and many pages of the current year leave the year out of a
// story's time stamp. Such a day is read only on a page that offers no
// other date, nor one in its title (dateCandidates' last resort, taken
// without the ranker: MetaCandidate.LastResort), with the year its
// weekday names near the latest year the page writes, else that year.

// yearlessDateline is a month's name and a day, either order, after an
// optional weekday, with a time of day right after it (a story's time
// stamp; a bare "Sat, March 20" is as often an event's day as the
// page's), and no year after the day or the time: a day with its year is
// findDate's.
var yearlessDateline = regexp.MustCompile(`(?i)(?:^|[^\pL\d])(?:(\pL{3,9})\.?,?\s+)?(?:(\pL{3,9})\.?\s+(\d{1,2})|(\d{1,2})\.?\s+(\pL{3,9})\.?)(?:st|nd|rd|th)?,?\s+(?:@\s*|at\s+)?(\d{1,2}):(\d{2})(?:[^\d:]|$)`)

// yearAfterClock is a year written after the time of a dateline ("Oct 29
// 16:15:29 PDT 1999"): that dateline has a year, and findDate reads it.
var yearAfterClock = regexp.MustCompile(`^[\d:]*\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5})?\s*,?\s*(?:19|20)\d{2}\b`)

// englishWordMonths are the short months of other languages that are
// also English words a number and a time of day stand around ("Game 3
// set at 7:30 PM", "Episode 5 out at 9:00 PM"): Italian and Portuguese
// "set" (September), Portuguese "out" (October). With a year after them
// they are days (findDate reads "5 out 2024"); without one, in a yearless
// stamp, the English reading is the likelier (s48-daterev: invented
// schedule lines; none of the yearless stamps read on the eight
// extraction sets is written so).
var englishWordMonths = map[string]bool{"set": true, "out": true}

// pageYear matches the years 1990 to 2099 written as a word, each of a
// range ("© 1995-2026").
var pageYear = regexp.MustCompile(`\b(199\d|20\d\d)\b`)

// maxWeekdayYearsBack is how far before the page's latest year a weekday
// may place a yearless day: a weekday names one year in every 5 to 11,
// and the seven years from the latest back hold six of a day's seven
// weekdays (a leap day skips one; s48-daterev counted every day of
// 2000-2029), so a stamp on the seventh gets no year. The stamps read on
// the extraction sets (s48-date: Slashdot 2012, AP 2005, Sporting Life
// 2008) are all of the page's latest year.
const maxWeekdayYearsBack = 6

// yearlessDay reads the first yearless dateline of the page's dated
// texts outside comment threads, with its year from latestPageYear; nil
// when there is none or the page writes no year.
func (pm pageMeta) yearlessDay(now time.Time) []dateCand {
	return firstYearlessStamp(pm.texts, now, func() int { return pm.latestPageYear(now) })
}

// firstYearlessStamp is the first of texts outside comment threads that
// readYearless reads as a day up to now, its year chosen on latestYear,
// which it asks once at most: latestYear reads every text, and a page of
// thousands of stamps that give no day (each after the reading, or on a
// weekday no year of the window has) asked it once per stamp took time
// growing with the square of its texts (s48-daterev: 4,000 stamps, 25 s).
func firstYearlessStamp(texts []dated, now time.Time, latestYear func() int) []dateCand {
	latest := sync.OnceValue(latestYear)
	for _, d := range texts {
		if d.comment {
			continue
		}
		t, ok := readYearless(d.value, latest)
		if ok && !afterReading(t, now) {
			return []dateCand{{t: t, src: dsText, at: d.at, label: d.label, class: d.class, text: d.value, lastResort: true}}
		}
	}
	return nil
}

// readYearless reads a yearless dateline in s, its year chosen by
// yearOfDay on the page's latest year (asked only for a dateline).
func readYearless(s string, latestYear func() int) (time.Time, bool) {
	m := yearlessDateline.FindStringSubmatchIndex(s)
	if m == nil || yearAfterClock.MatchString(s[m[14]:]) {
		return time.Time{}, false
	}
	month, day := submatch(s, m, 2), submatch(s, m, 3)
	if m[4] < 0 {
		month, day = submatch(s, m, 5), submatch(s, m, 4)
	}
	mo, ok := monthOf(month)
	d, _ := strconv.Atoi(day)
	if !ok || englishWordMonths[strings.ToLower(month)] || d < 1 || d > 31 {
		return time.Time{}, false
	}
	latest := latestYear()
	if latest == 0 {
		return time.Time{}, false
	}
	wd, named := weekdayNames[strings.ToLower(submatch(s, m, 1))]
	y, ok := yearOfDay(mo, d, wd, named, latest)
	if !ok {
		return time.Time{}, false
	}
	return withClock(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), s[m[12]:]), true // "12:06PM" read as 12:06, "10:00 p.m." as 22:00
}

// submatch is the text of submatch i of m in s, "" when it did not take part.
func submatch(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// monthOf is the month a name or abbreviation names, of any language
// months and moreMonths hold.
func monthOf(name string) (time.Month, bool) {
	lower := strings.ToLower(name)
	if mo, ok := months[lower]; ok {
		return mo, true
	}
	mo, ok := moreMonths[lower]
	return mo, ok
}

// yearOfDay is the year of a day that writes none: the latest year at or
// before latest whose day falls on the weekday named, within
// maxWeekdayYearsBack; without a weekday, latest. A day that is not one
// of its month (Feb 30) has none.
func yearOfDay(mo time.Month, d int, wd time.Weekday, named bool, latest int) (int, bool) {
	for y := latest; y >= latest-maxWeekdayYearsBack; y-- {
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue // Feb 29 of a year that has none
		}
		if !named || t.Weekday() == wd {
			return y, true
		}
	}
	return 0, false
}

// latestPageYear is the latest year from 1990 to the reading time's that
// the page's dated texts write as a word (its copyright line's "© 2005",
// a heading's "2012"), 0 when none: the year a yearless time stamp most
// likely has, as a page is most often read the year it was written.
func (pm pageMeta) latestPageYear(now time.Time) int {
	latest := 0
	for _, d := range pm.texts {
		for _, m := range pageYear.FindAllStringSubmatch(d.value, -1) {
			if y, _ := strconv.Atoi(m[1]); y <= now.Year() && y > latest {
				latest = y
			}
		}
	}
	return latest
}
