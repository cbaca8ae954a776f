package compare

import "sort"

// doubleMarks lists where a text's line breaks and double quotation marks
// are, in order, so that the questions asked about every name (which
// quotation of its paragraph holds it) are answered by a binary search
// rather than by reading the paragraph around the name again: in a
// paragraph of 20,000 words that cost the square of its length (s40-attr).
type doubleMarks struct {
	lines    []int // byte offsets of '\n'
	opens    []int // of “
	closes   []int // of ”
	straight []int // of "
}

// The curly double quotation marks, whose UTF-8 forms both open with the
// byte 0xE2.
const (
	openDouble  = "“"
	closeDouble = "”"
)

// doubleMarksOf indexes the line breaks and double quotation marks of t.
func doubleMarksOf(t string) *doubleMarks {
	m := &doubleMarks{}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\n':
			m.lines = append(m.lines, i)
		case '"':
			m.straight = append(m.straight, i)
		case openDouble[0]:
			switch {
			case hasAt(t, i, openDouble):
				m.opens = append(m.opens, i)
			case hasAt(t, i, closeDouble):
				m.closes = append(m.closes, i)
			}
		}
	}
	return m
}

// hasAt reports whether s holds sub at byte i.
func hasAt(s string, i int, sub string) bool {
	return len(s)-i >= len(sub) && s[i:i+len(sub)] == sub
}

// lastBefore returns the last of the sorted offsets xs that is at least lo
// and below hi, or -1.
func lastBefore(xs []int, lo, hi int) int {
	k := sort.SearchInts(xs, hi)
	if k > 0 && xs[k-1] >= lo {
		return xs[k-1]
	}
	return -1
}

// firstFrom returns the first of the sorted offsets xs that is at least lo
// and below hi, or -1.
func firstFrom(xs []int, lo, hi int) int {
	k := sort.SearchInts(xs, lo)
	if k < len(xs) && xs[k] < hi {
		return xs[k]
	}
	return -1
}

// countIn returns how many of the sorted offsets xs are at least lo and
// below hi.
func countIn(xs []int, lo, hi int) int {
	return sort.SearchInts(xs, hi) - sort.SearchInts(xs, lo)
}

// inQuotedTitle reports whether the text t[start:end] (m indexes t) lies
// inside a quotation of its paragraph that is written as a title
// (titleShaped): after the paragraph's last “ before it with no ” between,
// up to the next ” in the paragraph; else, after an odd number of straight
// quotation marks, up to the next one.
func (m *doubleMarks) inQuotedTitle(t string, start, end int) bool {
	from := lastBefore(m.lines, 0, start) + 1
	to := len(t)
	if i := firstFrom(m.lines, end, len(t)); i >= 0 {
		to = i
	}
	qOpen, qClose := -1, -1
	if i := lastBefore(m.opens, from, start-len(openDouble)+1); i >= 0 && lastBefore(m.closes, i, start-len(closeDouble)+1) < 0 {
		qOpen = i + len(openDouble)
		if j := firstFrom(m.closes, end, to-len(closeDouble)+1); j >= 0 {
			qClose = j
		}
	} else if countIn(m.straight, from, start)%2 == 1 {
		qOpen = lastBefore(m.straight, from, start) + 1
		if j := firstFrom(m.straight, end, to); j >= 0 {
			qClose = j
		}
	}
	return qOpen >= 0 && qClose >= 0 && titleShaped(t[qOpen:qClose])
}
