package cluster

import "time"

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
