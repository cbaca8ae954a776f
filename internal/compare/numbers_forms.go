package compare

import (
	"regexp"
	"sort"
)

// This file reads the figures of a decimal-comma language's text whose own
// form tells how they are written, whatever the text's convention
// (NewNumberReader's majority vote, englishGrouped): "73,320,000" groups
// thousands by commas and "1.234.567" by points (a decimal mark is written
// once), "3,5" and "0,038" have a decimal comma (English groups three
// digits, and no group follows a lone 0). A lone separator before exactly
// three digits ("620,000", "57.000") is the ambiguous form: it follows the
// text's convention, but for a lone point group in a text of English marks
// that writes no decimal point (loneGroupsIn).

var (
	// commaGroupsTwice and pointGroupsTwice match a number whose thousands
	// are grouped at least twice by the same mark.
	commaGroupsTwice = regexp.MustCompile(`([$€£])?(\d{1,3}(?:,\d{3}){2,})`)
	pointGroupsTwice = regexp.MustCompile(`([$€£])?(\d{1,3}(?:\.\d{3}){2,})`)
	// decimalCommaFigure matches a decimal comma before one or two digits,
	// which no English grouping writes, and zeroDecimalComma one after a
	// lone 0 ("0,038"), which no group follows.
	decimalCommaFigure = regexp.MustCompile(`([$€£])?(\d+)(,\d{1,2})`)
	zeroDecimalComma   = regexp.MustCompile(`([$€£])?(0)(,\d+)`)
	// lonePointGroup matches a whole part of one to three digits, a point
	// and exactly three digits ("57.000").
	lonePointGroup = regexp.MustCompile(`([$€£])?(\d{1,3}\.\d{3})`)
	// signedCommaGroups matches a sum written the English way, the currency
	// sign before digits grouped by commas ("$1,500" quoted in a German
	// text): money is written with two decimals or none, so ",500" after a
	// sign is a group, not three decimals (s40-langrev: it read 1.5).
	signedCommaGroups = regexp.MustCompile(`([$€£])(\d{1,3}(?:,\d{3})+)`)
	// pointDecimal matches a decimal point before one or two digits.
	pointDecimal = regexp.MustCompile(`\d\.\d{1,2}\b`)
)

// loneGroupsIn reports whether a lone point before three digits ("57.000")
// groups thousands in a text read with English marks: when the text
// writes no decimal point, it is a point group of a writer who mixes
// conventions, not 57 written with three decimals.
func loneGroupsIn(text string, marks *numberMarks) bool {
	return marks == &pointMarks && !pointDecimal.MatchString(text)
}

// unambiguousFigures are the patterns of figures read by their own form in
// a text of the marks given (their groups as numberMarks.number's: 1 the
// currency, 2 the whole part, 3 the decimals, absent but for the decimal
// comma).
func unambiguousFigures(marks numberMarks, loneGroup bool) []*regexp.Regexp {
	switch {
	case marks.number == commaMarks.number:
		return []*regexp.Regexp{commaGroupsTwice, signedCommaGroups}
	case marks.number == pointMarks.number && loneGroup:
		return []*regexp.Regexp{pointGroupsTwice, zeroDecimalComma, decimalCommaFigure, lonePointGroup}
	case marks.number == pointMarks.number:
		return []*regexp.Regexp{pointGroupsTwice, zeroDecimalComma, decimalCommaFigure}
	}
	return nil
}

// figureLocs lists where the figures of a sentence are, as
// numberMarks.number's submatch indexes (eight per figure, in order): the
// figures whose form tells their marks first, then the marks' own reading
// of the rest.
func figureLocs(sentence string, marks numberMarks, loneGroup bool) [][]int {
	var locs [][]int
	taken := make([]bool, len(sentence)+1)
	for _, re := range unambiguousFigures(marks, loneGroup) {
		for _, loc := range re.FindAllStringSubmatchIndex(sentence, -1) {
			if overlapsTaken(taken, loc[0], loc[1]) || !wholeFigure(sentence, loc[0], loc[1]) {
				continue
			}
			for len(loc) < 8 {
				loc = append(loc, -1) // no decimals
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			locs = append(locs, loc)
		}
	}
	for _, loc := range marks.number.FindAllStringSubmatchIndex(sentence, -1) {
		if !overlapsTaken(taken, loc[0], loc[1]) {
			locs = append(locs, loc)
		}
	}
	sort.Slice(locs, func(i, j int) bool { return locs[i][0] < locs[j][0] })
	return locs
}

// overlapsTaken reports whether any byte of [lo, hi) is taken.
func overlapsTaken(taken []bool, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

// wholeFigure reports whether sentence[lo:hi] is a whole number as
// written: no digit or separator joined before it, and no digit, nor a
// separator followed by a digit, after it ("1,234,5" is no comma-grouped
// figure).
func wholeFigure(sentence string, lo, hi int) bool {
	isDigit := func(i int) bool { return i >= 0 && i < len(sentence) && sentence[i] >= '0' && sentence[i] <= '9' }
	isMark := func(i int) bool { return i >= 0 && i < len(sentence) && (sentence[i] == '.' || sentence[i] == ',') }
	if isDigit(lo-1) || isMark(lo-1) && isDigit(lo-2) {
		return false
	}
	return !isDigit(hi) && !(isMark(hi) && isDigit(hi+1))
}
