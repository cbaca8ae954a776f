package compare

import (
	"strconv"
	"strings"
)

// InEnglishMarks rewrites a sentence so that the comparison's figure reader
// (measuresOf, which knows English marks only) reads its numbers as the
// article's language writes them: "3,5 Millionen" becomes "3.5 million",
// "57.000 Euro" "€57000", "4,5 Prozent" "4.5%"; dates ("27.10.", "3.
// Oktober"), times ("17.15 Uhr") and ranks ("Nr. 5") are blanked, as
// measuresOf does with English ones. written maps each rewritten figure
// back to the figure as written, for showing. A reader of English or of a
// language without decimal-comma marks returns the sentence unchanged and
// a nil map.
func (r NumberReader) InEnglishMarks(sentence string) (rewritten string, written map[string]string) {
	if r.marks == nil || strings.IndexAny(sentence, "0123456789") < 0 {
		return sentence, nil
	}
	blank := notFigureSpans(sentence, *r.marks)
	var b strings.Builder
	written = map[string]string{}
	last := 0
	for _, loc := range figureLocs(sentence, *r.marks, r.loneGroup) {
		if loc[0] < last {
			continue
		}
		start := loc[0]
		if blank[start] {
			continue
		}
		q, ok := commaQuantity(sentence, loc, make([]bool, len(sentence)+1))
		if !ok {
			if numberSignBefore(sentence[:start]) || isNumberSign(sentence[:start]) {
				b.WriteString(sentence[last:start])
				last = loc[1] // a rank or clause: no figure, as "No. 2" is none
			}
			continue
		}
		end := start + len(q.Text)
		english := englishFigure(sentence, loc, q)
		b.WriteString(sentence[last:start])
		b.WriteString(english)
		written[english] = q.Text
		last = end
	}
	b.WriteString(sentence[last:])
	return blankSpans(b.String(), sentence, blank, written), written
}

// notFigureSpans marks the bytes of a sentence that are dates or times of
// day in the marks given (markedQuantities reads them so).
func notFigureSpans(sentence string, marks numberMarks) []bool {
	blank := make([]bool, len(sentence)+1)
	mark := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			blank[i] = true
		}
	}
	for _, loc := range numericDate.FindAllStringIndex(sentence, -1) {
		if loc[0] == 0 || !strings.ContainsRune(".,", rune(sentence[loc[0]-1])) {
			mark(loc[0], loc[1])
		}
	}
	for _, loc := range dayMonth.FindAllStringSubmatchIndex(sentence, -1) {
		mark(loc[0], loc[5])
	}
	for _, loc := range marks.clock.FindAllStringIndex(sentence, -1) {
		if loc[0] == 0 || !strings.ContainsRune(".,", rune(sentence[loc[0]-1])) {
			mark(loc[0], loc[1])
		}
	}
	return blank
}

// blankSpans replaces the digits of the blanked spans (dates, times) in
// the rewritten sentence with spaces; the rewritten figures never overlap
// them, so a blanked span is found again by its text.
func blankSpans(rewritten, sentence string, blank []bool, written map[string]string) string {
	for lo := 0; lo < len(sentence); lo++ {
		if !blank[lo] {
			continue
		}
		hi := lo
		for hi < len(sentence) && blank[hi] {
			hi++
		}
		span := sentence[lo:hi]
		rewritten = strings.Replace(rewritten, span, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return ' '
			}
			return r
		}, span), 1)
		lo = hi
	}
	return rewritten
}

// englishFigure writes a figure commaQuantity read in English marks: the
// currency sign before, the digits with a decimal point, the scale word
// ("million") and a percent sign, as measuresOf's numberPattern reads them.
func englishFigure(sentence string, loc []int, q Quantity) string {
	num := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, sentence[loc[4]:loc[5]])
	if loc[6] >= 0 {
		num += "." + sentence[loc[6]+1:loc[7]]
	}
	var b strings.Builder
	if q.Unit != "" && q.Unit != "%" {
		b.WriteString(q.Unit)
	}
	b.WriteString(num)
	if n, err := strconv.ParseFloat(num, 64); err == nil && n > 0 {
		switch scale := q.Value / n; { // commaQuantity scaled by 1e3, 1e6 or 1e9, or not at all
		case scale > 5e8:
			b.WriteString(" billion")
		case scale > 5e5:
			b.WriteString(" million")
		case scale > 500:
			b.WriteString(" thousand")
		}
	}
	if q.Unit == "%" {
		b.WriteString("%")
	}
	return b.String()
}
