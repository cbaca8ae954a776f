package cluster

import (
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/text"
)

// weekdays is a set of days of the week, bit d for time.Weekday d: an
// article's lead days are one byte, compared by a single and.
type weekdays uint8

// weekdayNamed is the day of the week each lower-case English day name is.
// Other languages' day names are not read: their articles never clash.
var weekdayNamed = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// dayCounts are a story's articles naming each day of the week in their
// lead, by time.Weekday: a fixed array, so that a story holds them without
// an allocation or a hash.
type dayCounts [7]int32

// add adds d to the count of every day of w.
func (c *dayCounts) add(w weekdays, d int32) {
	for i := range c {
		if w&(1<<i) != 0 {
			c[i] += d
		}
	}
}

// addAll adds another story's counts, as a merge does.
func (c *dayCounts) addAll(o *dayCounts) {
	for i := range c {
		c[i] += o[i]
	}
}

// set is the days some article of the story names.
func (c *dayCounts) set() weekdays {
	var w weekdays
	for i, n := range c {
		if n > 0 {
			w |= 1 << i
		}
	}
	return w
}

// notADayBefore are words that make the day after them part of a name, not
// the day something happened: holidays and shopping days ("Good Friday",
// "Black Friday", "Cyber Monday", "Easter Sunday"), primaries ("Super
// Tuesday") and a chain ("Ruby Tuesday"). A report of a vote on Good Friday
// and one of the same vote "on Friday" would clash if it were read, and an
// article about Black Friday sales names no day of its own. The list is the
// English names of that kind we know of, not read off a benchmark (a scan of
// the dev leads found none of them).
var notADayBefore = map[string]bool{
	"good": true, "black": true, "cyber": true, "super": true, "ash": true, "palm": true,
	"easter": true, "maundy": true, "holy": true, "ruby": true, "whit": true, "shrove": true,
}

// notADayBeforeCapitalised are words that make the day after them part of
// a name only when capitalised, since in lower case they are ordinary
// words before a day ("is giving Tuesday's speech", "a bloody Sunday on
// the road"): "Fat Tuesday", "Giving Tuesday", "Bloody Sunday" and "Super
// Bowl Sunday". Found by the review of session 40 (s40-clurev) probing the
// day reader with invented leads, not read off a benchmark: the bench
// files' texts hold three of them, all in allsides_train (a training set).
var notADayBeforeCapitalised = map[string]bool{
	"fat": true, "giving": true, "bloody": true, "bowl": true,
}

// partOfAName tells whether word prev, the one before a day name, makes the
// day part of a name (notADayBefore, notADayBeforeCapitalised).
func partOfAName(prev string) bool {
	lp := strings.ToLower(prev)
	return notADayBefore[lp] || notADayBeforeCapitalised[lp] && text.IsUpperInitial(prev)
}

// notADayAfter are capitalised words that make the day before them part of
// a name: newspapers ("the Sunday Times", "Sunday Telegraph") and shows
// ("Saturday Night Live", "Monday Night Football"). Only capitalised, since
// "on Friday night" is a day.
var notADayAfter = map[string]bool{
	"times": true, "telegraph": true, "mirror": true, "express": true, "mail": true, "post": true,
	"herald": true, "sport": true, "people": true, "star": true, "night": true, "morning": true,
}

// dayAt tells which day of the week word i of a sentence names, if it
// names one as a day: a capitalised English day name that is not part of a
// name (partOfAName, notADayAfter). At a sentence's start a capital says
// nothing, so the day is read only when the next word is lower-case
// ("Tuesday's vote", split as "Tuesday" "s"; "Tuesday, the council ...")
// and not when it is another capital ("Tuesday Morning Corp.").
func dayAt(words []string, i int) (time.Weekday, bool) {
	w := words[i]
	if len(w) < 2 || !text.IsUpperInitial(w) {
		return 0, false
	}
	d, ok := weekdayNamed[strings.ToLower(w)]
	if !ok {
		return 0, false
	}
	if i > 0 && partOfAName(words[i-1]) {
		return 0, false
	}
	if i+1 < len(words) {
		next := words[i+1]
		if text.IsUpperInitial(next) && (i == 0 || notADayAfter[strings.ToLower(next)]) {
			return 0, false
		}
	} else if i == 0 {
		return 0, false
	}
	return d, true
}
