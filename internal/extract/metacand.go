package extract

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MetaCandidate is one value a page offers for a metadata field (a
// headline, a byline, a publication date), described by the features the
// field's ranker reads (TitleFeatureNames, DateFeatureNames,
// BylineFeatureNames, and the Dump... names for text dumps).
type MetaCandidate struct {
	Value    string    // the title, the byline's names joined by ", ", or the date in RFC 3339
	Time     time.Time // the date, for date candidates
	Features []float64
	// LastResort marks a date offered only because the page offers no
	// other (the day its title writes, a time stamp without a year):
	// taken without the ranker (lastResortPick) and left out of its
	// fitting, so that it neither needs the ranker's trust nor teaches it.
	LastResort bool
	// Fuller is, for a byline, 1 + the index of the candidate to give
	// instead when this one is picked (fullerBylines): the article's own
	// structured-data list of authors that names this candidate's people
	// and more; 0 when there is none.
	Fuller int
}

// Widened returns the candidate to give when candidate i is picked: the
// fuller list of authors it names (MetaCandidate.Fuller), else i itself
// (also for i < 0, no pick).
func Widened(cands []MetaCandidate, i int) int {
	if i >= 0 && cands[i].Fuller > 0 {
		return cands[i].Fuller - 1
	}
	return i
}

// lastResortPick reports whether a page's candidates are one last-resort
// date, which Score and Pick take as it is.
func lastResortPick(cands []MetaCandidate) bool {
	return len(cands) == 1 && cands[0].LastResort
}

// MetaCandidates are the candidates of a page for each field, as the
// rankers see them.
type MetaCandidates struct {
	Title, Byline, Date []MetaCandidate
}

// featureRow collects a candidate's features in a fixed order; with
// naming set it also records their names, so that the names and the
// values of a field come from one function and cannot drift apart.
type featureRow struct {
	naming bool
	names  []string
	vals   []float64
}

func (r *featureRow) add(name string, v float64) {
	if r.naming {
		r.names = append(r.names, name)
	}
	r.vals = append(r.vals, v)
}

func (r *featureRow) flag(name string, b bool) { r.add(name, b2f(b)) }

// oneHot adds one feature per name of names, 1 for the one at index i.
func (r *featureRow) oneHot(prefix string, names []string, i int) {
	for j, n := range names {
		r.flag(r.joinedName(prefix, n), i == j)
	}
}

// bits adds one feature per name of names, 1 where mask has the bit.
func (r *featureRow) bits(prefix string, names []string, mask uint64) {
	for j, n := range names {
		r.flag(r.joinedName(prefix, n), mask&(1<<j) != 0)
	}
}

// joinedName is prefix+name when the row records names, "" otherwise: the
// rankers' rows (naming off) then build no name string per feature.
func (r *featureRow) joinedName(prefix, name string) string {
	if !r.naming {
		return ""
	}
	return prefix + name
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// logCount is log(1+n), the scale the rankers read counts on.
func logCount(n int) float64 { return math.Log1p(float64(max(n, 0))) }

// missing marks a feature with no value on a candidate (a distance to an
// <h1> on a page without one). The trees send it to the left of every
// split, apart from real values, which are never negative this far.
const missing = -1e9

// MissingFeature is the value a candidate's feature row holds where the
// feature has no value (missing), for code that reads the rows.
const MissingFeature = missing

// wordsOf splits a text into lower-case words of letters and digits.
func wordsOf(s string) []string {
	if isASCII(s) {
		return asciiWordsOf(strings.ToLower(s))
	}
	return strings.FieldsFunc(strings.ToLower(s), isNotWordRune)
}

// isNotWordRune reports whether r is neither a letter nor a digit: what
// wordsOf splits at.
func isNotWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// asciiWordsOf is wordsOf's split of an ASCII text already in lower case,
// read byte by byte: among ASCII bytes only a-z and 0-9 are lower-case
// letters and digits. Like strings.FieldsFunc it returns a slice of
// exactly the words' number, not nil when there are none.
func asciiWordsOf(l string) []string {
	n := 0
	for i := 0; i < len(l); i++ {
		if isASCIIWordByte(l[i]) && (i == 0 || !isASCIIWordByte(l[i-1])) {
			n++
		}
	}
	return appendASCIIWords(make([]string, 0, n), l)
}

// appendASCIIWords appends asciiWordsOf's words of l to out.
func appendASCIIWords(out []string, l string) []string {
	start := -1
	for i := 0; i < len(l); i++ {
		switch word := isASCIIWordByte(l[i]); {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, l[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, l[start:])
	}
	return out
}

// isASCIIWordByte reports whether b is a lower-case ASCII letter or a digit.
func isASCIIWordByte(b byte) bool { return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' }

// isASCII reports whether s holds no byte over 0x7F.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordSet is the set of a text's words.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordsOf(s) {
		out[w] = true
	}
	return out
}

// jaccard is the share of the words of a and b that both have.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// covered is the share of a's words that b has.
func covered(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// upperShare is the share of a text's letters in upper case.
func upperShare(s string) float64 {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(upper) / float64(letters)
}
