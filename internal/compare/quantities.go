package compare

import (
	"regexp"
	"strings"
)

// quantity matches a number with what it counts: "12 people", "$4.5 million",
// "30%", "2,400 homes", and ages written "69-year-old", "aged 69" or
// "Brandvold, 52,".
var (
	// monthDay matches the date of an event: "Oct. 5", "October 5", "5 October".
	monthDay = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b`)
	quantity = regexp.MustCompile(`(?i)([$€£]?\d[\d,]*(?:\.\d+)?)(\s*(?:%|percent|per cent)|\s*(?:million|billion|thousand|m|bn)\b|-year-old|\s+[\p{L}]+)?`)
	ageForms = regexp.MustCompile(`(?i)(?:(\d{1,3})-year-old|\baged\s+(\d{1,3})\b|\p{L},\s+(\d{1,3}),)`)
)

// quantitiesOf lists the (unit, value) pairs a sentence states, dates of
// the month among them. Years ("in 2017") are not quantities.
func quantitiesOf(s string) [][2]string {
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil
	}
	var out [][2]string
	if mentionsMonth(s) {
		out, s = monthDays(s)
	}
	for _, m := range ageForms.FindAllStringSubmatch(s, -1) {
		for _, v := range m[1:] {
			if v != "" {
				out = append(out, [2]string{"years old", v})
			}
		}
	}
	for _, m := range quantity.FindAllStringSubmatch(s, -1) {
		unit := strings.ToLower(strings.TrimSpace(m[2]))
		if unit == "" || unit == "-year-old" || isYear(m[1], unit) {
			continue
		}
		if unit == "percent" || unit == "per cent" {
			unit = "%"
		}
		out = append(out, [2]string{unit, strings.ReplaceAll(m[1], ",", "")})
	}
	return out
}

// monthDays lists the dates of the month a sentence gives and returns the
// sentence without them.
func monthDays(s string) ([][2]string, string) {
	var out [][2]string
	for _, m := range monthDay.FindAllStringSubmatch(s, -1) {
		month, day := m[1], m[2]
		if month == "" {
			month, day = m[4], m[3]
		}
		month = strings.ToUpper(month[:1]) + strings.ToLower(month[1:3])
		out = append(out, [2]string{"date", month + " " + day})
	}
	return out, monthDay.ReplaceAllString(s, "")
}

// mentionsMonth reports whether s may name a month: monthDay cannot match
// a sentence that does not, and is costly to run.
func mentionsMonth(s string) bool {
	l := strings.ToLower(s)
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// isYear tells a year ("in 2017") from a count.
func isYear(num, unit string) bool {
	if len(num) != 4 || (num[:2] != "19" && num[:2] != "20") {
		return false
	}
	return !strings.ContainsAny(unit, "%$") && unit != "million" && unit != "billion"
}
