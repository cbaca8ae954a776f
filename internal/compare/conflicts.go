package compare

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// A figure that differs is the same measure of the same thing given two
// values by two articles: "about 52,000 homes lost power on Monday" against
// "outages ... reached 40,000 households by Monday night". Two numbers are the same measure when they are of one
// kind (a share, a sum of money, an age, a count), count things alike (the
// words after them, or around them, close in meaning), are about the same
// people and event (the sentences' names agree, and the sentences state the
// same fact once their numbers are hidden, or the words around the numbers
// say the same), and neither article gives the other's value too (then it
// is a second figure, not a dispute: "61%, up from 48%").

// measure is one number of a sentence with what it measures.
type measure struct {
	kind      string   // "%", "$", "age", "count"
	value     float64  // scaled: "1.6 million" is 1.6e6
	text      string   // as written, for showing
	unit      string   // the word it counts ("arrests"), "" when none follows
	qualifier string   // the stem5 of the capitalised word before that noun ("American troops": "ameri") or of a plural name counted ("Palestinians"), "" when none
	purpose   string   // what the counted things are for: the word after "to" ("votes to overcome"), "" when none
	owner     string   // whose age it is when the name comes right before ("Brandvold, 52,"), whose count (countOwner): that name's last word
	at        int      // byte offset of the figure in the folded sentence
	periods   []string // the months ("sep") and years ("2018") named around it
	filed     bool     // a wire dateline's date ("Nairobi, February 9 (Xinhua) --"): when the report was filed, never disputed
	event     []string // a date's: the stems of the lower-case content words next to it ("signed", "imposed")
	unitOf    float64  // the figure's precision as written: 1e4 for "520,000", 1e5 for "1.6 million"
	bound     bool     // a bound ("more than", "nearly"), not the figure itself
	round     bool     // a round estimate ("about")
	atLeast   bool     // a lower bound ("at least 12", "more than 600")
	atMost    bool     // an upper bound ("as many as 1,000", "fewer than 50")
	modal     bool     // a possible or expected figure ("could have 60 seats", "are expected to"), not one stated
	ratio     bool     // a term of a ratio ("Seven of 10", "29 of 34 passes"): no count of its own, disputed only by a part of an equal whole (termsComparable), but still one of its sentence's figures (unmatched)
	whole     float64  // the whole of the ratio a part belongs to (34 for "29 of 34 passes"), 0 when it is no part
	criterion bool     // a bound of eligibility ("12 and older", "ages 16 to 64"): who a rule covers, no measure of a thing; never disputed, still one of its sentence's figures
	role      string   // what the figure is of a change (roleOf): "" a level, "change" the change itself ("dropped 36,000"), "from" the earlier level ("from a revised 507,000"), "rate" a figure for each one ("1 million doses each")
	verbToll  string   // the kind of toll (tollWords) of a toll verb right before the figure ("killed 612": "dead"), "" when none
	some      bool     // written as a decade and some ("60-some miles", "40-odd"): any value from it up to its precision's next step
	written   string   // the unit as the text writes it, when the article is not English ("Besucher"); "" shows unit
	head      string   // the noun a hyphened figure describes ("the 50-vote minority": "minority"), "" when it is no compound
	context   semantic
}

// numberPattern finds a figure: a currency sign, digits with separators and
// decimals, a scale word, and a percent or an age suffix.
var numberPattern = regexp.MustCompile(`(?i)(\bNos?\.\s*|#)?([$€£₹]|\b(?-i:Rs)\.?\s?|\b(?-i:INR)\s?)?(\d(?:[\d,]*\d)?(?:\.\d+)?)(\s*(?:million|billion|trillion|thousand|bn|lakhs?(?:\s+crores?)?|crores?)\b)?(\s*(?:%|percent\b|per cent\b)|-year-old\b|-years-old\b)?`)

// rangeScale matches the rest of a range after its first number, when
// only the second carries the scale word ("$140 and $150 million", "2 to 3
// billion"): the word counts for both ends.
var rangeScale = regexp.MustCompile(`(?i)^\s*(?:and|to|or|-)\s*[$€£₹]?\d[\d,]*(?:\.\d+)?\s*(million|billion|trillion|thousand|bn|lakhs?(?:\s+crores?)?|crores?)\b`)

// contextWords is how many words on each side of a number say what it
// measures.
const contextWords = 8

// writtenWord is the first word of text that is word in lower case, as
// text writes it ("Besucher" for "besucher"); "" when none is.
func writtenWord(t, word string) string {
	if word == "" {
		return ""
	}
	for _, w := range text.Words(t) {
		if strings.ToLower(w) == word {
			return w
		}
	}
	return ""
}

// measuresOf reads the figures of a sentence. Sentences that do not stand on
// their own (a lower-case start or fewer than five words: what a wrong
// sentence split leaves) give none, nor do ranks ("No. 2"), years, times,
// dates of the month, and numbers inside words ("COVID-19", "F-35").
func measuresOf(s string) []measure {
	return measuresOfFolded(text.Fold(s), false)
}

// measuresOfFolded is measuresOf of a sentence already folded (text.Fold),
// whose byte offsets the measures' at fields index. nouns is true for a
// language that capitalises every noun (German): there a capitalised word
// before a number ("in diesem Jahr 3.5 million") makes no identifier of a
// figure that carries its own measure (a currency, a scale word, a percent).
func measuresOfFolded(s string, nouns bool) []measure {
	if strings.IndexAny(s, "0123456789") < 0 || !startsWithCapital(s) || text.WordCount(s) < 5 { // cheapest first
		return nil
	}
	var out []measure
	if mentionsMonth(s) {
		// Month first ("Sept. 11"), then day first ("11 September") in
		// what is left, so that "the 19 Sept. 11 hijackers" is 19
		// hijackers and a date.
		for _, re := range []*regexp.Regexp{monthFirst, dayFirst} {
			for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
				if d, ok := dateMeasure(s, loc, re == dayFirst); ok {
					out = append(out, d)
				}
			}
			s = re.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
		}
	}
	for _, loc := range numberPattern.FindAllStringSubmatchIndex(s, -1) {
		if loc[2] >= 0 { // a rank
			continue
		}
		start, end := loc[0], loc[1]
		if start > 0 && (isWordByte(s[start-1]) || s[start-1] == '-' || s[start-1] == ':' || s[start-1] == '/') {
			continue
		}
		if end < len(s) && (s[end] == ':' || s[end] == '/' || isWordByte(s[end])) || clockTime.MatchString(s[end:]) {
			continue // a time, a fraction, a code
		}
		if scoreAfter.MatchString(s[end:]) {
			continue // a score, a record or a range: "a 31-24 lead", "(9-14)", "29-of-34", "10-15 people"
		}
		if digitGroup(s[:start], s[end:], s[start:end]) {
			continue // a group of a telephone number ("0845 125 2222"), minutes after "3: ", "200, 000" ...
		}
		if insideQuotes(s, start) {
			continue // what someone said, not what the article reports
		}
		if identifier.MatchString(s[:start]) && start > 0 && !(nouns && (loc[4] >= 0 || loc[8] >= 0 || loc[10] >= 0)) {
			continue // "Amendment 64", "Flight 370", "Chapter 11"
		}
		digits := s[loc[6]:loc[7]]
		v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
		if err != nil {
			continue
		}
		m := measure{kind: "count", value: v, text: strings.TrimSpace(s[start:end]), unitOf: precisionOf(digits), at: start}
		scale := ""
		if loc[8] >= 0 {
			scale = s[loc[8]:loc[9]]
		} else if r := rangeScale.FindStringSubmatch(s[end:]); r != nil {
			scale = r[1] // "between $140 and $150 million": $140 million
		}
		if scale != "" {
			f := scaleOfWords(scale) // "lakh crore" is 1e12
			m.value, m.unitOf = m.value*f, m.unitOf*f
		}
		suffix := ""
		if loc[10] >= 0 {
			suffix = strings.ToLower(strings.TrimSpace(s[loc[10]:loc[11]]))
		}
		switch {
		case loc[4] >= 0:
			m.kind = "$"
		case suffix == "%" || strings.HasPrefix(suffix, "per"):
			m.kind = "%"
		case strings.Contains(suffix, "year"):
			m.kind = "age"
		}
		before, after := s[:start], s[end:]
		m.bound, m.round = bound.MatchString(before), about.MatchString(before)
		m.atLeast, m.atMost = lowerBound.MatchString(before), upperBound.MatchString(before)
		m.unit, m.qualifier = unitAfter(after)
		if tollVerb(lastWordOf(before)) {
			m.verbToll = tollKindOf(lastWordOf(before))
			if m.unit == "" {
				m.unit = "people" // "killed 12 Tuesday", "injuring 30": a toll verb counts people
			}
		}
		m.purpose = purposeAfter(after)
		if m.kind == "count" {
			switch {
			case isYear(digits, "") && loc[8] < 0:
				continue
			case m.unit == "percent" || m.unit == "%":
				m.kind = "%"
			case m.unit == "dollars" || m.unit == "dollar":
				m.kind = "$"
			case ageAfterName.MatchString(before) && closesApposition(after):
				m.kind = "age" // "Brandvold, 52, ran ...", "killing Banky, 40."
				m.owner = strings.ToLower(strings.TrimRight(lastWordOf(before), ", "))
			case m.unit == "years" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(after)), "years old"):
				m.kind = "age"
			}
		}
		if isDuration(m) {
			m.event = spanEventWords(before)
		}
		m.whole = ratioWholeOf(after)
		m.ratio = isRatioWhole(before) || m.whole > 0
		m.criterion = isCriterion(before, after)
		m.role = roleOf(before, after, s)
		m.some = someAfter.MatchString(after)
		if m.some {
			m.bound = true
		}
		m.head = headOf(after)
		m.context = semanticOf(window(before, after))
		m.modal = isModal(before)
		m.periods = periodsOf(before, after)
		out = append(out, m)
	}
	return out
}

// months are the month abbreviations monthDay captures, in order.
var monthAbbrevs = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthFirst and dayFirst match a date of the month: "Oct. 5", "October 5";
// "5 October".
var (
	monthFirst = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b`)
	dayFirst   = regexp.MustCompile(`(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b`)
)

// datelineBefore and datelineAfter match what comes before and after the
// date of a wire dateline ("ALDBURY, Calder, February 8 (VWS) --"): only
// the place, one to four capitalised words at the sentence's start, before
// it; the agency in parentheses (at most 30 characters, as compare.go's
// dateline allows) and a dash after it. A date further in ("The deal was
// signed on March 3 (local time) - officials said") is no dateline's.
var (
	datelineBefore = regexp.MustCompile(`^\s*(?:\p{Lu}[\p{L}.'’-]*,?\s+){1,4}$`)
	datelineAfter  = regexp.MustCompile(`^\s*\([^)]{1,30}\)\s*(?:--|—|–|-|_)`)
)

// dateEventWords are the stems of the lower-case content words among the
// eventSpan words either side of a date: what happened then ("signed by
// President Obama on March 11": "signe"), names, numbers and months aside.
func dateEventWords(before, after string) []string {
	b, a := text.Words(before), text.Words(after)
	near := append(b[max(0, len(b)-eventSpan):], a[:min(len(a), eventSpan)]...)
	var out []string
	for _, w := range near {
		if r := []rune(w)[0]; unicode.IsLower(r) && !text.IsStopWord(w) && !calendarWords[w] {
			out = append(out, stem5(w))
		}
	}
	return out
}

// spanEventWords are a duration's event words: those of dateEventWords
// among the eventSpan words before it only, where the verb that lasted it
// stands ("the Calder port lasted 12 days" gives "port", "laste"). The
// words after it name the kind of span, which two spans share: "three
// 10-year sentences" and "a new 20-year sentence" are two prison terms.
func spanEventWords(before string) []string {
	return dateEventWords(before, "")
}

// sharesEvent reports whether two figures' event words have a stem in
// common.
func sharesEvent(a, b measure) bool {
	return slices.ContainsFunc(a.event, func(w string) bool { return slices.Contains(b.event, w) })
}

// eventSpan is how many words either side of a date say what happened on
// it: "signed by President Obama on March 11" needs four before it.
const eventSpan = 4

// dateMeasure reads a date of the month found at loc.
func dateMeasure(s string, loc []int, dayFirst bool) (measure, bool) {
	month, day := s[loc[2]:loc[3]], s[loc[4]:loc[5]]
	if dayFirst {
		month, day = day, month
	}
	m := slices.Index(monthAbbrevs, strings.ToLower(month)[:3])
	d, err := strconv.Atoi(day)
	if m < 0 || err != nil || d < 1 || d > 31 {
		return measure{}, false
	}
	name := strings.ToUpper(month[:1]) + strings.ToLower(month[1:3])
	return measure{kind: "date", value: float64((m+1)*100 + d), text: name + " " + day,
		context: semanticOf(window(s[:loc[0]], s[loc[1]:])), filed: datelineBefore.MatchString(s[:loc[0]]) && datelineAfter.MatchString(s[loc[1]:]),
		event: dateEventWords(s[:loc[0]], s[loc[1]:])}, true
}

// precisionOf is the place of a written number's last significant digit:
// 1 for "52", 100 for "2,400", 0.01 for "4.55".
func precisionOf(digits string) float64 {
	digits = strings.ReplaceAll(digits, ",", "")
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return math.Pow(10, -float64(len(digits)-i-1))
	}
	p := 1.0
	for i := len(digits) - 1; i > 0 && digits[i] == '0'; i-- {
		p *= 10
	}
	return p
}

// clockTime matches what follows the hour of a time of day ("2 p.m.",
// "3 a. m." as tokenised text writes it).
var clockTime = regexp.MustCompile(`^\s*[ap]\.?\s?m\b`)

// scoreAfter matches what makes a number the first of a pair joined by a
// hyphen: a game's score or a team's record ("31-24", "9-14"), a
// player's shots ("29-of-34", "7-for-14") or a range ("10-15"). Such a
// number is one side of a state at a moment, not a count: on ECB+ dev's
// cluster stories 11 of the 60 conflicts shown had such a value, all false
// (scores of one game at different moments, records of other seasons).
var scoreAfter = regexp.MustCompile(`^-(?:of-|for-)?\d`)

// spaceGroupBefore and spaceGroupAfter match a number's neighbour that
// makes it one group of a longer figure across a bare space: digits (or a
// colon) right before it ("0845 125 2222", "3: 30"), or digits right after
// it ("0845 125").
var (
	spaceGroupBefore = regexp.MustCompile(`(?:\d|:)\s$`)
	spaceGroupAfter  = regexp.MustCompile(`^\s\d`)
)

// commaGroupBefore and commaGroupAfter match the other group of a number
// written as tokenised text writes thousands ("home to 200, 000 people"):
// one to three digits, not part of a longer number, before ", "; exactly
// three digits after it. "In 2019, 300 people" (a year) and "killed 12, 30
// were injured" (a list) are no such groups.
var (
	commaGroupBefore = regexp.MustCompile(`(?:^|[^\d,.])\d{1,3},\s$`)
	// recordBefore matches a win-loss record and a comma before a number:
	// what follows is the record's statistic ("Thompson (36-3, 24 KOs)",
	// "The Colts (10-5, 4-4 away)"), no count of the story (ECB+ dev cluster
	// stories: 6 false values, boxers' and teams' records).
	recordBefore    = regexp.MustCompile(`\d+(?:-\d+)+,\s$`)
	commaGroupAfter = regexp.MustCompile(`^,\s\d{3}\b`)
)

// threeDigits matches a number of exactly three digits.
var threeDigits = regexp.MustCompile(`^\d{3}$`)

// digitGroup reports whether the number written as num between before and
// after is one group of a longer figure (spaceGroupBefore, commaGroupBefore).
func digitGroup(before, after, num string) bool {
	if spaceGroupBefore.MatchString(before) || spaceGroupAfter.MatchString(after) || recordBefore.MatchString(before) {
		return true
	}
	return threeDigits.MatchString(num) && commaGroupBefore.MatchString(before) ||
		len(num) <= 3 && !strings.ContainsAny(num, ",.") && commaGroupAfter.MatchString(after)
}

// insideQuotes reports whether byte i of a sentence (quotation marks folded
// to ") lies between quotation marks: an odd number of them before it.
func insideQuotes(s string, i int) bool {
	return strings.Count(s[:i], `"`)%2 == 1
}

// identifier matches a capitalised word (not a month, not the sentence's
// first) right before a number: the number names something ("Amendment 64",
// "Route 9") rather than counts it.
var identifier = regexp.MustCompile(`\S\s+(?:\p{Lu}\p{Ll}+)\s+$`)

// ratioBefore matches a number and "of", "in" or "out of" before a
// number, which makes it the whole of a ratio, no count: "Seven of 10
// Brazilians who will vote" (duc2003's cluster stories showed it against
// "the 106 million Brazilians eligible to vote", false), "20 million out of
// 30 million people". "One of" is membership, no ratio ("Kroon was one of 52
// people killed" counts the dead), so it is not in the list.
var ratioBefore = regexp.MustCompile(`(?i)\b(\d[\d,.]*(?:\s+(?:thousand|million|billion))?|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+)?(?:of|in)\s+$`)

// isRatioWhole reports whether what precedes a number makes it the whole of
// a ratio (ratioBefore), the part being no year ("In 2019 in 52
// countries"); a day of a month is never one, as measuresOf blanks dates
// out before it reads counts.
func isRatioWhole(before string) bool {
	m := ratioBefore.FindStringSubmatch(before)
	return m != nil && !isYear(m[1], "")
}

// ratioAfter matches "of", "in" or "out of" and a number after a number,
// which makes it the part of a ratio: "completed 29 of 34 passes".
var ratioAfter = regexp.MustCompile(`(?i)^\s+(?:out\s+)?(?:of|in)\s+(\d[\d,]*)\b`)

// ratioWholeOf is the whole of the ratio whose part a number is
// (ratioAfter): 34 for " of 34 passes"; 0 when it is no part, or when the
// whole is a year ("12 in 2019" is a count).
func ratioWholeOf(after string) float64 {
	m := ratioAfter.FindStringSubmatch(after)
	if m == nil || isYear(m[1], "") {
		return 0
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return 0
	}
	return v
}

// termsComparable reports whether two figures may dispute as far as ratios
// go: neither is a term of a ratio, or both are parts of equal wholes ("29
// of 34 passes" and "25 of 34 passes", "52 of 100 senators" and "48 of
// 100"). A ratio's term against a count, or parts of other wholes, are two
// measures ("Seven of 10 Brazilians" and "106 million Brazilians").
func termsComparable(a, b measure) bool {
	if !a.ratio && !b.ratio {
		return true
	}
	return a.whole > 0 && a.whole == b.whole
}

// criterionBefore and criterionAfter match the words that make a figure a
// bound of eligibility, which says who a rule covers, not how many of
// something there are: "anyone 12 and older", "people ages 16 to 64",
// "children younger than 5", "over the age of 65". Two such bounds in two
// articles are most often the bounds of two groups (allsides_dated: a
// vaccine open to "12 and older", boosters for "65 and older" and "16 and
// older", shown as one disputed age).
var (
	criterionBefore = regexp.MustCompile(`(?i)\b(?:ages|younger than|older than|(?:under|over|above|below) the age of)\s*$`)
	criterionAfter  = regexp.MustCompile(`(?i)^\s*(?:years?\s+)?(?:and|or)\s+(?:older|over|up|above|younger|under|below)\b`)
	agedBefore      = regexp.MustCompile(`(?i)\baged\s*$`)
	rangeAfter      = regexp.MustCompile(`(?i)^\s*(?:to|and)\s+\d`)
)

// isCriterion reports whether a figure is a bound of eligibility
// (criterionBefore, criterionAfter, or "aged 16 to 64"). One person's age
// is none: "a man aged 52", "died at the age of 75".
func isCriterion(before, after string) bool {
	return criterionBefore.MatchString(before) || criterionAfter.MatchString(after) ||
		agedBefore.MatchString(before) && rangeAfter.MatchString(after)
}

// changeVerbs are the words after which a figure is the size of a change,
// not a level ("dropped 36,000 to 293,000", "rose by 5%", "up 9,000"), and
// changeNouns those before "of" that do so ("an increase of 36,000").
const (
	changeVerbs = `rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|dropped|drop|drops|dropping|increased|increases|increasing|` +
		`decreased|decreases|decreasing|declined|declines|declining|jumped|jumps|climbed|climbs|grew|grown|grows|slipped|slid|surged|` +
		`plunged|soared|tumbled|shrank|shrunk|dipped|(?:revised|edged|is|was|were|are|been)\s+(?:up|down)`
	changeNouns = `increase|decrease|drop|decline|rise|jump|gain|fall|growth|reduction`
)

// changeBefore matches the end of what comes before a change's size
// (changeVerbs, changeNouns; an estimate's word may stand between), and
// changeAfter what comes after a difference ("13 short of a majority",
// "eight fewer than Ford's total"). fromBefore matches the earlier level
// of a change ("from a revised 507,000", "from a peak of 1.6 million").
var (
	changeBefore = regexp.MustCompile(`(?i)\b(?:(?:` + changeVerbs + `)(?:\s+by)?|(?:` + changeNouns + `)\s+of)\s+(?:(?:about|nearly|almost|roughly|some|around|more than|less than)\s+)?$`)
	changeAfter  = regexp.MustCompile(`(?i)^\s*(?:[a-z]+\s+)?(?:short of|fewer than|more than|less than|higher than|lower than)\b`)
	fromBefore   = regexp.MustCompile(`(?i)\bfrom\s+(?:(?:a|an|the|its|their|revised|record|peak|high|low|of|previous|level|about|nearly|around|roughly|some|upwardly|downwardly)\s+){0,4}$`)
	changeWord   = regexp.MustCompile(`(?i)\b(?:` + changeVerbs + `|` + changeNouns + `|revised|up|down)\b`)
	toFigure     = regexp.MustCompile(`(?i)^\s*(?:[^\s,;]+\s+){0,4}?to\s+[$€£]?\d`)
	rateAfter    = regexp.MustCompile(`(?i)^\s*(?:[a-z-]+\s+){0,3}?(?:each|apiece|per)\b`)
)

// roleOf is what a figure of sentence s is in a change told in figures:
// "change" its size ("dropped 36,000 to 293,000", "grew by 27.1%", "13
// short of a majority"), "from" the earlier level ("fell to 473,000 from a
// revised 507,000 a week earlier": a figure of the period before, when the
// sentence tells a change or the figure runs to another), "rate" a figure
// for each one ("more than 1 million wasted doses each", "5 miles per
// hour"), "" a level. Figures of two roles are two measures: on
// allsides_dated's stories the earlier week's level was shown against
// another report's new level, a change against a level, and what each of
// four chains wasted against all wasted doses.
func roleOf(before, after, s string) string {
	switch {
	case changeBefore.MatchString(before) || changeAfter.MatchString(after):
		return "change"
	case fromBefore.MatchString(before) && (changeWord.MatchString(s) || toFigure.MatchString(after)):
		return "from"
	case rateAfter.MatchString(clauseOf(after)):
		return "rate"
	}
	return ""
}

// clauseOf is what follows a figure up to the next clause break.
func clauseOf(after string) string {
	if loc := clauseBreak.FindStringIndex(after); loc != nil {
		return after[:loc[0]]
	}
	return after
}

// someAfter matches what makes a figure a decade and some ("60-some
// miles", "40-odd years", "20-plus"): it stands for any value from it up to
// its precision's next step (agree).
var someAfter = regexp.MustCompile(`(?i)^(?:-(?:some|odd|plus|something)\b|\+)`)

// compoundAfter matches the rest of a figure joined by a hyphen to a noun
// before another word: "50-vote minority", "47-page indictment"; its group
// is the word the compound describes.
var compoundAfter = regexp.MustCompile(`^-[a-z]+\s+([a-z]+)\b`)

// headOf is the word a hyphened figure describes (compoundAfter), when it
// is a content word: "minority" for "the chamber's 50-vote minority". Two
// such figures describing words not alike (unitsAlike) are two measures
// ("the 50-vote minority" and "the 60-vote threshold", allsides_dated),
// while "a 47-page indictment" and "the 48-page indictment" (BASIL) are
// one. Only the first word is read: taking up to two ("a 15-year prison
// sentence" would meet "a 12-year sentence") brought back one false
// conflict on ECB+ dev's stories (an 86-yard touchdown run against
// another, 90-yard run) and changed nothing elsewhere.
func headOf(after string) string {
	m := compoundAfter.FindStringSubmatch(after)
	if m == nil || someAfter.MatchString(after) || !isContentWord(m[1]) {
		return ""
	}
	return m[1]
}

// about matches the words that make a figure a round estimate ("about
// $3.6 billion", "roughly 2,000").
var about = regexp.MustCompile(`(?i)\b(?:about|around|roughly|approximately|some|an estimated)\s*$`)

// lowerWords and upperWords make a figure a bound one way: "at least 12"
// holds for 15, "as many as 1,000" for 600. nearWords make it a bound
// either way or none: "nearly $44 million", "over 20 years", but also
// "fought over 12 islands", where "over" is a preposition.
const (
	lowerWords = `at least|more than|upwards of|in excess of|no fewer than`
	upperWords = `fewer than|less than|up to|as many as|no more than|at most`
	nearWords  = `nearly|almost|over|under|close to`
)

// bound matches the words that make a figure a bound of any kind (its
// value is then an estimate, estimateGap); lowerBound and upperBound those
// of one way.
var (
	bound      = regexp.MustCompile(`(?i)\b(?:` + lowerWords + `|` + upperWords + `|` + nearWords + `)\s*$`)
	lowerBound = regexp.MustCompile(`(?i)\b(?:` + lowerWords + `)\s*$`)
	upperBound = regexp.MustCompile(`(?i)\b(?:` + upperWords + `)\s*$`)
)

// ageAfterName matches the end of "Name," before an age given as "Name, 52,".
var ageAfterName = regexp.MustCompile(`\p{Lu}\p{L}+,\s*$`)

// closesApposition reports whether what follows a number ends an
// apposition: a comma, or the sentence's end ("killing Benjamin Banky,
// 40.").
func closesApposition(after string) bool {
	after = strings.TrimSpace(after)
	return after == "" || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ".") && strings.TrimSpace(after[1:]) == ""
}

// startsWithCapital reports whether a sentence's first letter or digit is a
// capital letter: a sentence that starts in lower case or with a figure
// (which news style spells out there) is most often the tail of a wrong
// split ("No. | 3 Republican").
func startsWithCapital(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// unitAfter is the first word after a number, lower-cased, when it is a
// content word within the next two ("520,000 arrests", "12 people", "6
// percent"). A capitalised word with a lower-case content word right after
// it (a space between them, no stop) qualifies that noun ("2,000 American
// troops", "500 Windows users"; not "minus 15 Fahrenheit) early"):
// the noun is the unit, so that "American troops" and "American soldiers"
// count two things by their nouns, not one by their nationality (on BASIL's
// cluster stories, troops withdrawn from Syria against soldiers killed in
// Afghanistan were one measure through "american").
// The capitalised word is returned too, as qualifier, cut to its stem5
// ("ameri"), and so is a capitalised plural name that is the unit itself
// ("45 Palestinians": "pales"), so that a plural demonym and the same
// demonym before a noun ("52 Palestinian civilians") compare as one
// qualifier (review s7b: they had become two measures).
func unitAfter(after string) (unit, qualifier string) {
	ws := text.Words(after)
	for i, w := range ws {
		if i >= 2 {
			break
		}
		lw := strings.ToLower(w)
		if lw == "percent" {
			return lw, ""
		}
		if whenWords[lw] {
			break // "killed 12 Tuesday night": what follows the day is not counted
		}
		if text.IsStopWord(lw) || unicode.IsDigit([]rune(lw)[0]) {
			continue
		}
		if i+1 < len(ws) && text.IsUpperInitial(w) && !isPluralName(lw) && isNounAfter(ws[i+1]) && strings.Contains(after, w+" "+ws[i+1]) {
			return strings.ToLower(ws[i+1]), stem5(lw)
		}
		if text.IsUpperInitial(w) && isPluralName(lw) {
			return lw, stem5(lw) // "45 Palestinians" are qualified as "52 Palestinian civilians" are
		}
		return lw, ""
	}
	return "", ""
}

// whenWords say when, not what is counted: wire copy writes "killed 12
// Tuesday" for "killed 12 people on Tuesday", so a day after a number ends
// the search for its unit: neither it nor what follows ("Tuesday night",
// "Tuesday morning") is what the number counts (review s7b: "night" was).
var whenWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true, "overnight": true}

// isPluralName reports whether a capitalised word (lower-cased) is a
// plural noun itself, the counted people: "52 Palestinians died", "300
// Democrats voted", "45 Marines". An -s ending other than -ss or -us makes
// it one, except the names in singularS ("500 Windows users", "Texas
// voters").
func isPluralName(lw string) bool {
	return strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") && !singularS[lw]
}

// singularS are names ending in -s that qualify a noun rather than count
// people.
var singularS = map[string]bool{"windows": true, "texas": true, "kansas": true, "arkansas": true, "paris": true,
	"wales": true, "illinois": true, "states": true, "athens": true, "los": true, "las": true}

// isNounAfter reports whether the word after a capitalised one may be the
// noun it qualifies: a content word that does not read as a verb (no -ed
// or -ing ending, no speech verb): "American troops" but not "Palestinians
// wounded", "Democrats voted".
func isNounAfter(w string) bool {
	lw := strings.ToLower(w)
	return isContentWord(w) && !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "ing") && !speechCues[lw]
}

// isContentWord reports whether w is a lower-case word that is no stop
// word.
func isContentWord(w string) bool {
	r := []rune(w)[0]
	return unicode.IsLower(r) && !text.IsStopWord(w)
}

// purposeWords is how many words after a number may come before the "to"
// that says what the counted things are for: "41 votes needed to
// filibuster" (the third), "60 votes to overcome" (the second). Further
// on, "to" most often starts another clause.
const purposeWords = 3

// purposeAfter is what a figure's things are for: the lower-case content
// word right after a "to" among the first purposeWords words after the
// number, within its clause ("60 votes to overcome such a filibuster":
// "overcome"). "to 400,000", "to Texas", "to the border" and "to southern
// Syria" give none: a figure, a name or a place is no purpose.
func purposeAfter(after string) string {
	if i := strings.IndexAny(after, ",;:.!?\"()"); i >= 0 {
		after = after[:i]
	}
	ws := text.Words(after)
	for i := 0; i < min(len(ws), purposeWords) && i+1 < len(ws); i++ {
		next := ws[i+1]
		if !strings.EqualFold(ws[i], "to") {
			continue
		}
		if r := []rune(next)[0]; unicode.IsLower(r) && !text.IsStopWord(next) && !beforeName(ws, i+1) {
			return next
		}
		return ""
	}
	return ""
}

// beforeName reports whether word i of ws is followed by a capitalised
// word: then it qualifies a name ("to southern Syria", "to northern Iraq")
// and is no verb of purpose.
func beforeName(ws []string, i int) bool {
	return i+1 < len(ws) && unicode.IsUpper([]rune(ws[i+1])[0])
}

// purposesAgree tells whether two figures count things for the same end:
// their purposes are alike (unitsAlike), or neither says one, or the
// figure that says none has the other's purpose word around it. "41 votes
// necessary to filibuster" is no other value of "60 votes to overcome such
// a filibuster", nor of "only 51 votes right now".
func purposesAgree(a, b measure) bool {
	switch {
	case a.purpose == "" && b.purpose == "":
		return true
	case a.purpose != "" && b.purpose != "":
		return unitsAlike(a.purpose, b.purpose)
	case a.purpose == "":
		a, b = b, a
	}
	stem := stem5(a.purpose)
	return slices.ContainsFunc(b.context.words, func(w string) bool { return stem5(w) == stem })
}

// periodsOf lists the months (capitalised, by their first three letters)
// and the years of 1900 to 2099 that a figure's own clause (within
// contextWords either side, up to a comma, semicolon, colon or bracket)
// names as a period: after a preposition ("136,000 jobs in September",
// "for 2019", "since October") or as a possessive ("September's"). A month
// that is a name ("Theresa May said 300 jobs"), a date of another clause
// ("The protests, which began in September, have left 12 dead") and a
// report's year ("450 jobs ..., a 2020 report found") are no period of the
// figure.
func periodsOf(before, after string) []string {
	if loc := clauseBreak.FindAllStringIndex(before, -1); loc != nil {
		before = before[loc[len(loc)-1][1]:]
	}
	if loc := clauseBreak.FindStringIndex(after); loc != nil {
		after = after[:loc[0]]
	}
	b, a := text.Words(before), text.Words(after)
	ws := append(b[max(0, len(b)-contextWords):], a[:min(len(a), contextWords)]...)
	var out []string
	for i, w := range ws {
		lw := strings.ToLower(w)
		period := ""
		switch {
		case unicode.IsUpper([]rune(w)[0]) && calendarWords[lw] && slices.Contains(monthAbbrevs, lw[:3]):
			period = lw[:3]
		case len(w) == 4 && isYear(w, ""):
			period = w
		default:
			continue
		}
		if i > 0 && periodPrepositions[strings.ToLower(ws[i-1])] || i+1 < len(ws) && ws[i+1] == "s" ||
			len(out) > 0 && i > 0 && strings.EqualFold(ws[i-1][:min(3, len(ws[i-1]))], out[len(out)-1]) {
			out = append(out, period) // also the year of a month that is one: "in May 1984"
		}
	}
	return out
}

// clauseBreak matches what ends a figure's clause for periodsOf: a comma or
// colon before a space (not one inside "520,000"), a semicolon, a bracket.
var clauseBreak = regexp.MustCompile(`[,:]\s|;|[()]`)

// periodPrepositions are the words before a month or a year that make it
// the period a figure measures ("in September", "for 2019", "on February
// 1979").
var periodPrepositions = map[string]bool{"in": true, "on": true, "for": true, "since": true, "during": true,
	"through": true, "until": true, "from": true, "of": true, "by": true}

// samePeriod tells whether two figures may measure one period: one of
// them names none, or they name a month or year in common. "136,000 jobs in
// September" and "213,000 jobs in June" are two months' figures.
func samePeriod(a, b measure) bool {
	if len(a.periods) == 0 || len(b.periods) == 0 {
		return true
	}
	for _, p := range a.periods {
		if slices.Contains(b.periods, p) {
			return true
		}
	}
	return false
}

// isModal reports whether a figure is made possible, expected or planned
// rather than stated by a modal word heading its own verb phrase: one of
// modalWords among the modalReach words right before it, in its clause,
// with no past participle or past tense between them unless after an
// auxiliary ("could have 60 seats", "will send about 800 troops", "would fly
// its 246 passengers", "expected to reach 60", "could have killed 12").
// Words after the figure never make it modal: "52 people died and the toll
// is expected to rise" states 52. On the cluster stories it removed a plan
// against a deed on allsides_val ("will send about 800 troops" / "prepared
// to deploy as many as 15,000") and on ECB+ dev ("would fly its 246
// passengers" / "evacuate some 420"), both false.
func isModal(before string) bool {
	if loc := clauseBreak.FindAllStringIndex(before, -1); len(loc) > 0 {
		before = before[loc[len(loc)-1][1]:]
	}
	b := text.Words(before)
	b = b[max(0, len(b)-modalReach):]
	for i := len(b) - 1; i >= 0; i-- {
		if modalWords[b[i]] {
			return true
		}
		if strings.HasSuffix(strings.ToLower(b[i]), "ed") && (i == 0 || !auxiliaries[strings.ToLower(b[i-1])]) {
			return false // another verb's: "forecasters expected to weaken killed 52"
		}
	}
	return false
}

// modalReach is how many words before a figure its verb phrase's modal may
// stand: "would fly its 246", "expected to reach 60" put it third; further
// back it is most often another clause's ("The storm that forecasters
// expected to weaken killed 52").
const modalReach = 3

// modalWords make a figure possible or expected (lower case only: "May" is
// a month or a name).
var modalWords = map[string]bool{"could": true, "would": true, "may": true, "might": true, "will": true, "should": true,
	"expected": true, "projected": true, "forecast": true, "predicted": true}

// window joins the contextWords words before and after a number.
func window(before, after string) string {
	b, a := text.Words(before), text.Words(after)
	b = b[max(0, len(b)-contextWords):]
	a = a[:min(len(a), contextWords)]
	return strings.Join(b, " ") + " " + strings.Join(a, " ")
}

// sameMeasure scores whether two figures of different articles measure the
// same thing, and says whether they may. The words around them must agree
// (ctxAgree), and something must tie the two figures to one measure:
//   - the sentences give another figure alike (anchored: "from a peak of 1.6
//     million" in both), or
//   - they state the same fact once their numbers are hidden (sameFact) and
//     the figures say what they count with the same word ("50,000 pages",
//     "55,000 pages"), or, for ages, name the same person, or, for dates,
//     only that.
//
// Dates, sums and shares name nothing they count: their surroundings must
// agree as closely as ctxAlone, and a sum or a share must be anchored (on
// BASIL, sums and shares tied only by the sentences' fact were nearly all
// different measures: a demand and a grant, federal and total tax rates).
func sameMeasure(a, b measure, anchored, sameFact, sameName bool, retold func() bool) (float64, bool) {
	if a.kind != b.kind {
		return 0, false
	}
	if a.unit != "" && b.unit != "" && !unitsAlike(a.unit, b.unit) && !sameQualified(a, b) {
		return 0, false
	}
	if a.kind == "count" && a.qualifier != "" && b.qualifier != "" && a.qualifier != b.qualifier {
		return 0, false // "2,000 Freedonian troops" and "2,600 Sylvanian troops" are two countries'
	}
	if a.kind != "date" && !samePeriod(a, b) {
		return 0, false // the same measure of two months or years
	}
	if a.kind == "count" && !sameThing(a, b) && !sameToll(a, b) {
		return 0, false // a toll and a count of something else: "50 people crowded onto the roof" and "69 people died"
	}
	if a.criterion || b.criterion {
		return 0, false // who a rule covers ("12 and older") measures nothing
	}
	if a.role != b.role {
		return 0, false // a change against a level, an earlier level against a later one, one's share against all
	}
	if a.head != "" && b.head != "" && !unitsAlike(a.head, b.head) {
		return 0, false // "the 50-vote minority" and "the 60-vote threshold" describe two things
	}
	if farApart(a, b, retold) {
		return 0, false // too far apart: a part against the whole, or another scale
	}
	if a.modal != b.modal {
		return 0, false // what could be against what is: "could have 60 seats" and "hold 55 seats"
	}
	if !purposesAgree(a, b) {
		return 0, false // "votes to filibuster" and "votes to overcome" a filibuster are two measures
	}
	c := contextAgreement(&a.context, &b.context)
	if c < ctxAgree {
		return c, false
	}
	if a.owner != "" && b.owner != "" && a.owner != b.owner {
		return c, false // two people's ages ("Lopez, 20" and "Carrasquillo, 24"), two players' points
	}
	named := a.kind == "count" || a.kind == "age"
	switch {
	case !named && c < ctxAlone:
		return c, false // sums, shares and dates name nothing: their surroundings must
	case anchored:
		return c, true
	case !sameFact:
		return c, false
	case isDuration(a) || isDuration(b):
		// A span of time, like a sum, needs another figure alike to pin it
		// down, or the words next to both saying what lasted it ("the
		// strike ... lasted 12 days" / "19 days").
		return c, sharesEvent(a, b)
	case a.kind == "count":
		return c, a.unit != "" && b.unit != "" && (stem5(a.unit) == stem5(b.unit) || sameQualified(a, b))
	case a.kind == "age":
		return c, sameName
	case a.kind == "date":
		// Two dates are of one event only when the words next to them
		// share what happened, if both say: "signed ... on March 11" and "On March
		// 3, ... directed" are two acts. Every date shown on the stories
		// of newswcl50 and ECB+ dev (9) was another act's before this.
		return c, len(a.event) == 0 || len(b.event) == 0 || sharesEvent(a, b)
	}
	return c, false // a sum or a share needs another figure alike to pin it down
}

// magnitudeGap is how many times one figure may be another's and still be
// another account of it. Beyond it, one is a part and the other the whole,
// another scale, another period or a forecast against a result. Session 7
// set it to ten (on the cluster stories of allsides_dated, allsides_val
// and ECB+ dev 8 conflicts shown were that far apart, all false: "204.3
// million" white against "3.7 million" Native American, a career's "2,290
// points" against a game's 20). Session 33 read every conflict shown on
// the stories of duc2003 and the first 1,500 lines of allsides_train (26):
// 3 real, at most 1.06 and 1.39 times apart (a fleet of 54 or 57, an age of
// 23 or 32) and a temperature near zero (see temperature); 11 false ones lay
// between twice and ten times apart (a total of 12,000 troops against 2,000
// in one attack, 43 million auctions since 1995 against a quarter's 13.6
// million, 55 seats held against 11 lost). Every real dispute read in the
// write-ups (BASIL, allsides_dated, ECB+ dev, duc2003) was at most 1.7
// times apart (garbled seasons; the others at most 1.4), so twice leaves
// room above them; a crowd counted by its organisers and by the police may
// differ more and is then missed, which the brief of issue 15 prefers to a
// false alarm.
const magnitudeGap = 2.0

// orderGap is how far apart a one-way bound and a figure beyond it ("at
// least 40" injured against "15 injured") may lie and still be one
// measure: an order of magnitude, session 7's gap for all figures. On the
// duc2003 stories a flood's "about 15,700" moved from low-lying areas lay
// twenty times below "more than 320,000" forced from their homes.
const orderGap = 10.0

// farApart reports whether two figures, neither a date nor a temperature,
// lie too far apart to be two accounts of one measure: more than
// magnitudeGap times for two figures or two bounds ("at least 430"
// throughout a region, "at least 69" in one province of it), more than
// orderGap times for a one-way
// bound and a figure on the side it rules out, or for two figures whose
// sentences are one sentence retold but for the figures (retold: "a bus
// overturned ..., injuring 12 passengers" and "..., injuring 36
// passengers" is one count reported twice, not a part and a whole). A
// figure on the side a bound allows is weighed by within instead: "more
// than 5" people stays a dispute of "some 500" (review s7b, boundReach).
// retold is asked only for figures beyond magnitudeGap: it reads both
// sentences' words.
func farApart(a, b measure, retold func() bool) bool {
	if a.kind == "date" || temperature(a) || temperature(b) {
		return false
	}
	gap := magnitudeGap
	if oneBound(a, b) || oneBound(b, a) {
		bound, figure := a, b
		if !a.atLeast && !a.atMost {
			bound, figure = b, a
		}
		if bound.atLeast && figure.value >= bound.value || bound.atMost && figure.value <= bound.value {
			return false
		}
		gap = orderGap
	}
	lo, hi := math.Min(math.Abs(a.value), math.Abs(b.value)), math.Max(math.Abs(a.value), math.Abs(b.value))
	if lo*gap < hi && gap < orderGap && retold() {
		gap = orderGap
	}
	return lo*gap < hi
}

// oneBound reports whether a is a one-way bound and b no bound.
func oneBound(a, b measure) bool {
	return (a.atLeast || a.atMost) && !b.atLeast && !b.atMost
}

// temperature reports whether a figure is in degrees: their zero is no
// nothing, so how many times one is the other says nothing ("minus 15
// Fahrenheit" against "minus 4 Fahrenheit" is one reading given twice).
func temperature(m measure) bool {
	switch strings.ToLower(m.unit) {
	case "degrees", "degree", "fahrenheit", "celsius", "centigrade", "f", "c":
		return true
	}
	return false
}

// sameQualified reports whether two figures describe what they count with
// the same capitalised word, so that their nouns may differ. Ages: "a
// 38-year-old Troy resident" and "the 39-year-old Troy man" may be one man
// (ECB+ dev's one accused), "a 32-year-old British climber" and "a
// 36-year-old Australian man" are two; the noun after an age describes a
// person, and articles describe one person differently. Counts: "2,000
// American troops" and "2,600 American soldiers" are one force told in
// other nouns, unless one is a toll and the other not: troops withdrawn
// from Syria against soldiers killed in Afghanistan (BASIL's cluster
// stories) are two measures.
func sameQualified(a, b measure) bool {
	if a.qualifier == "" || a.qualifier != b.qualifier {
		return false
	}
	return a.kind == "age" || a.kind == "count" && isToll(a) == isToll(b) && nounsClose(a, b)
}

// nounsClose reports whether two qualified counts' nouns may name one
// thing: one is the plural name itself ("45 Palestinians" and "52
// Palestinian civilians"), or they are close in meaning (unitsAlike:
// "troops"/"soldiers" .90, against "troops"/"contractors" .42, which review
// s7b found shown as one measure). GloVe cannot tell "students" from
// "teachers" (.87): those stay one measure.
func nounsClose(a, b measure) bool {
	return stem5(a.unit) == a.qualifier || stem5(b.unit) == b.qualifier || unitsAlike(a.unit, b.unit)
}

// ctxAgree and ctxAlone are the agreement of the eight words either side of
// two numbers (SIF-weighted soft alignment, the lower of the two
// directions): the least for any dispute, and the least for a dispute of
// dates, sums or shares, whose figures name nothing. Read on BASIL's 100
// stories: a true dispute told in other words (a count of arrests at a
// border against a count of "apprehensions" there, fallen "to" the lower
// figure) agrees .46; a demand against a sum granted ("demanded $5.7 billion for
// the wall" / "approved $1.4 billion for border fencing") .47, so sums need
// more.
const (
	ctxAgree = 0.45
	ctxAlone = 0.6
)

// unitsAlike tells whether two figures count the same kind of thing: the
// same word or stem, words close in meaning ("arrests" and
// "apprehensions"), or no word after one of them.
func unitsAlike(a, b string) bool {
	if a == "" || b == "" || a == b || stem5(a) == stem5(b) {
		return true
	}
	if timeUnits[stem5(a)] || timeUnits[stem5(b)] {
		return false // "22 days" and "90 minutes" measure different spans
	}
	sa, sb := semanticOf(a), semanticOf(b)
	if len(sa.words) == 0 || len(sb.words) == 0 {
		return false
	}
	return wordSim(&sa, &sb, 0, 0) >= unitSim
}

// isDuration reports whether a figure counts units of time ("a 30-day
// program", "12 hours of deliberation", "19 seasons"): a span, which names
// no thing it measures. Two spans told alike are most often of two things
// (on ECB+ dev's cluster stories 9 of the 45 conflicts shown were
// durations, all false: two sentences, two careers, two rehab stays; none
// was among the real ones read on BASIL, ECB+ dev or duc2003), so a
// duration must be anchored, as a sum must, or its sentences state one fact
// and the words before both spans share what lasted them (spanEventWords:
// "the strike ... lasted 12 days" / "19 days").
func isDuration(m measure) bool {
	return m.kind == "count" && m.unit != "" && (timeUnits[stem5(m.unit)] || stem5(m.unit) == "seaso")
}

// timeUnits are the stems of the units of time, whose vectors are close
// though they measure different spans.
var timeUnits = map[string]bool{"secon": true, "minut": true, "hour": true, "hours": true, "day": true, "days": true, "week": true, "weeks": true,
	"month": true, "year": true, "years": true, "decad": true, "centu": true}

// unitSim is the cosine from which two counted nouns are the same thing
// (GloVe: "people"/"residents" .6, "people"/"homes" .45; but
// "arrests"/"apprehensions" only .31, so a unit decides only against).
const unitSim = 0.6

// contextAgreement is the lower of the two directions' SIF-weighted soft
// alignment of two contexts.
func contextAgreement(a, b *semantic) float64 {
	if len(a.words) == 0 || len(b.words) == 0 {
		return 0
	}
	ab, ba := softMatch(a, b)
	return math.Min(weightedMean(ab, a.weights, 0, len(ab)), weightedMean(ba, b.weights, 0, len(ba)))
}

// closeValues reports whether two values are one figure rounded: within 2%
// of the larger ("about 2,400" and "2,412"). Dates must be equal.
func closeValues(kind string, x, y float64) bool {
	if kind == "date" {
		return x == y
	}
	return math.Abs(x-y) <= roundingGap*math.Max(math.Abs(x), math.Abs(y))
}

// roundingGap is how far apart two figures may be and still be one figure
// rounded ($1.375 billion and $1.4 billion), and estimateGap how far when
// one is a bound ("over 20 years" and "a 21-year veteran").
const (
	roundingGap = 0.02
	roundGap    = 0.05 // "about $3.6 billion" and "$3.5 billion"
	estimateGap = 0.15
)

// agree reports whether two figures of a kind may be the same one: close
// (closeValues), or the finer one rounded or cut to the coarser one's
// precision ("$43 million" and "$43,885,310"), or within a bound's or an
// estimate's reach.
func agree(a, b measure) bool {
	if closeValues(a.kind, a.value, b.value) || within(a, b) || within(b, a) || someHolds(a, b) || someHolds(b, a) {
		return true
	}
	// A figure of one significant digit ("50,000") is not cut from another.
	if coarse := math.Max(a.unitOf, b.unitOf); a.kind != "date" && coarse > 0 && math.Abs(a.value-b.value) < coarse &&
		math.Min(a.value, b.value) >= 10*coarse {
		return true
	}
	gap := 0.0
	switch {
	case a.kind == "date":
		return false
	case a.bound || b.bound:
		gap = estimateGap
	case a.round || b.round:
		gap = roundGap
	}
	return math.Abs(a.value-b.value) <= gap*math.Max(math.Abs(a.value), math.Abs(b.value))
}

// someHolds reports whether figure b is one that a decade and some
// (a.some) stands for: from a up to its precision's next step, "60-some
// miles" for "about 66 miles" (allsides_dated), not for 72.
func someHolds(a, b measure) bool {
	return a.some && b.value >= a.value && b.value < a.value+a.unitOf
}

// within reports whether figure b, not itself a bound the same way, is
// consistent with bound a: at or above a lower bound but within boundReach
// of it ("at least 12" and "15"), at or below an upper bound but not below
// it by more than boundReach ("as many as 1,000" and "600"). Two bounds the
// same way agree only as estimates do (estimateGap): "at least 12" and "at
// least 30" killed is the classic dispute of a toll.
func within(a, b measure) bool {
	if a.kind == "date" {
		return false
	}
	return a.atLeast && !b.atLeast && b.value >= a.value && b.value <= boundReach*a.value ||
		a.atMost && !b.atMost && b.value <= a.value && b.value*boundReach >= a.value
}

// boundReach is how far beyond a one-way bound a figure may lie and still
// be the one it bounds: "more than 5" people is no account of "some 500".
// 2 keeps the pairs the rule was written for ("at least 12" / 15 injured,
// 1.25; "as many as 1,000" / 600, 1.67); it was not fitted. On the cluster
// stories the conflicts shown stayed 4 on BASIL; on duc2003 it (with
// same-way bounds as estimates) showed again tolls days apart and "more
// than 66,000" uncounted in Houston against 8 million nationwide (false).
const boundReach = 2.0

// updates reports whether of two counts reported at ta and tb the later
// one, at least updateGap later, is a higher toll (tollWords around both)
// of things alike (unitsAlike): a toll rising over days is news, not a
// dispute ("at least 129" dead on one day, "at least 156" the next). A lower
// one later still disputes it, and so do tolls reported closer in time, or
// in reports without a time, and counts that are no toll (a ferry's
// manifest does not grow).
func updates(a, b measure, ta, tb time.Time) bool {
	if a.kind != "count" || ta.IsZero() || tb.IsZero() || !isToll(a) || !isToll(b) || !unitsAlike(a.unit, b.unit) {
		return false
	}
	if tb.Before(ta) {
		a, b, ta, tb = b, a, tb, ta
	}
	return tb.Sub(ta) >= updateGap && b.value > a.value
}

// updateGap is how long after a report a higher toll is its update: half a
// day, the next news cycle (a morning's and an evening's figures). It
// replaced "a later UTC day", which made two reports three hours apart on
// one American evening an update; duc2003's cluster stories, whose tolls
// were reported day after day, were its measure: their conflicts shown
// stayed as they were.
const updateGap = 12 * time.Hour

// tollWords begin the words that make a count a toll, which grows as the
// reports come in: the dead, hurt, missing, sick or displaced of a disaster
// or an attack (duc2003's cluster stories: typhoon, flood, cold-wave and
// outbreak tolls reported day after day), each word with its kind of toll.
// "Lives" and "life" are the usual paraphrase of the dead ("claimed the
// lives of 45 people", "loss of life"; review s7b: without them such a toll
// was no toll against "52 people were killed"; tollWholeWords); "fatal"
// covers fatalities.
var tollWords = []struct{ prefix, kind string }{{"kill", "dead"}, {"dead", "dead"}, {"died", "dead"}, {"dies", "dead"},
	{"death", "dead"}, {"toll", "dead"}, {"victim", "dead"}, {"casualt", "dead"}, {"injur", "hurt"}, {"wound", "hurt"},
	{"hurt", "hurt"}, {"hospitali", "hurt"}, {"missing", "missing"}, {"sicken", "sick"}, {"infect", "sick"},
	{"evacuat", "displaced"}, {"homeless", "displaced"}, {"displac", "displaced"}, {"perish", "dead"}, {"fatal", "dead"},
	{"drown", "dead"}, {"bodies", "dead"}}

// tollWholeWords are toll words matched whole, as prefixes they would begin
// other words ("livestock", "lifeboat").
var tollWholeWords = map[string]string{"lives": "dead", "life": "dead"}

// tollVerbStems are the stems of the verbs of a toll of the dead or the
// hurt (killed, killing, injured, wounds, hospitalized).
var tollVerbStems = []string{"kill", "injur", "wound", "hurt", "hospitali"}

// tollVerb reports whether a word is a toll verb (tollVerbStems) in a verb
// form: the figure right after it counts people even when wire copy leaves
// the noun out ("killed 12 Tuesday").
func tollVerb(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ", "))
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s") {
		return false
	}
	return slices.ContainsFunc(tollVerbStems, func(stem string) bool { return strings.HasPrefix(w, stem) })
}

// tollKindOf is the kind of toll (tollWords) a word begins, "" when none.
func tollKindOf(w string) string {
	w = strings.ToLower(strings.TrimRight(w, ", "))
	for _, t := range tollWords {
		if strings.HasPrefix(w, t.prefix) {
			return t.kind
		}
	}
	return ""
}

// isToll reports whether a figure's surrounding words make it a toll.
func isToll(m measure) bool {
	return len(tollsOf(m)) > 0
}

// tollsOf lists the kinds of toll (tollWords) that words around a figure
// name: the dead, the hurt ... A toll verb right before the figure names
// its only kind, whatever other tolls its sentence gives.
func tollsOf(m measure) []string {
	if m.verbToll != "" {
		return []string{m.verbToll} // "It killed 580 people and injured some 900": 580 are the dead only
	}
	var out []string
	for _, t := range tollWords {
		if !slices.Contains(out, t.kind) && slices.ContainsFunc(m.context.words, func(w string) bool { return strings.HasPrefix(w, t.prefix) }) {
			out = append(out, t.kind)
		}
	}
	for _, w := range m.context.words {
		if k, ok := tollWholeWords[w]; ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// sameThing reports whether two counts name the same thing they count, by
// a word other than the generic ones for people (genericUnits): "129
// passengers" and "156 passengers" are one manifest whatever the words
// around them, but "50 people crowded onto the roof" and "69 people died"
// are told apart only by what happened to them (sameToll). On the cluster
// stories, telling tolls from other counts of people removed 3 conflicts
// shown of duc2003's 17 and two values of a fourth, all false (people
// affected against people killed, 50 on a roof against 69 dead, 497
// treated against 58 hospitalized), and left BASIL, ECB+ dev and
// allsides_val as they were; also applied to counts of one noun it removed
// only one more, false (two climbers' falls in metres), at the cost of a
// real kind (a manifest near a toll word), so it is not.
func sameThing(a, b measure) bool {
	return a.unit != "" && stem5(a.unit) == stem5(b.unit) && !genericUnits[a.unit]
}

// genericUnits are the nouns that count people without saying who they are.
var genericUnits = map[string]bool{"people": true, "persons": true, "person": true}

// sameToll reports whether two figures are tolls of a kind in common
// ("killed 32" and "had died", though one also names the homeless), or
// neither is a toll.
func sameToll(a, b measure) bool {
	ta, tb := tollsOf(a), tollsOf(b)
	if len(ta) == 0 || len(tb) == 0 {
		return len(ta) == len(tb)
	}
	return slices.ContainsFunc(ta, func(k string) bool { return slices.Contains(tb, k) })
}

// gives reports whether a sentence's figures include one close to v of the
// kind.
func gives(ms []measure, kind string, v float64) bool {
	for _, m := range ms {
		if m.kind == kind && closeValues(kind, m.value, v) {
			return true
		}
	}
	return false
}

// givesAlike reports whether figures ms include one like m: of its kind,
// close to its value, counting things alike, of no other owner (another
// player's 14 points are no account of this one's), said in words that
// agree (ctxAgree) and of the same kind of toll (sameToll): "Another 45
// people were injured" is no account of "45 people died". Figures under 10
// are too common to tell.
func givesAlike(ms []measure, m measure) bool {
	return m.value >= 10 && slices.ContainsFunc(ms, func(x measure) bool {
		return x.kind == m.kind && closeValues(m.kind, x.value, m.value) && unitsAlike(x.unit, m.unit) &&
			(x.owner == "" || m.owner == "" || x.owner == m.owner) &&
			sameToll(x, m) && contextAgreement(&x.context, &m.context) >= ctxAgree
	})
}

// alikeMemo returns alike(i, art), for figure i of n and article art, each
// answer worked out once: conflictsOf asks whether an article gives a
// figure like figure i (givesAlike, which reads all that article's figures)
// for every pair of figures, so that an article's figures were read once
// per pair, the cube of their number (s40-attr: 16.8 s to compare two
// articles of 20,000 words; each answer depends only on the figure and the
// article).
func alikeMemo(n int, alike func(i, art int) bool) func(i, art int) bool {
	memo := make([]map[int]bool, n)
	return func(i, art int) bool {
		if v, ok := memo[i][art]; ok {
			return v
		}
		if memo[i] == nil {
			memo[i] = map[int]bool{}
		}
		v := alike(i, art)
		memo[i][art] = v
		return v
	}
}

// unmatched counts the figures of a kind in a that b does not also give.
func unmatched(a, b []measure, kind string) int {
	n := 0
	for _, x := range a {
		if x.kind == kind && !gives(b, kind, x.value) {
			n++
		}
	}
	return n
}

// shareFigure reports whether two sentences give a figure alike: of a kind
// other than a date, the same value, and counting the same thing.
func shareFigure(a, b []measure) bool {
	for _, x := range a {
		for _, y := range b {
			if x.kind == y.kind && x.kind != "date" && closeValues(x.kind, x.value, y.value) && x.value >= 10 && unitsAlike(x.unit, y.unit) {
				return true
			}
		}
	}
	return false
}

// namesDisagree reports whether two sentences name different people or
// places: each names someone (a capitalised word not at the start) and they
// share none. Two ages are then two people's. For figures other than dates,
// months are no names: periodsOf tells a figure's period from a month of
// another clause ("The protests, which began in September, have left 12
// dead"). For dates they stay names, as before: two dates of different
// months and no name in common were nearly all two acts' (ECB+ dev and
// duc2003 cluster stories: "the fiscal year ends on Sept. 30" / "began Oct. 1").
func namesDisagree(a, b profile, kind string) bool {
	na, nb := a.names, b.names
	if kind != "date" {
		na, nb = withoutMonths(na), withoutMonths(nb)
	}
	return len(na) > 0 && len(nb) > 0 && meet(na, nb) == 0
}

// monthHashes are the hashes of the month words, as a profile's names hold
// them.
var monthHashes = func() map[uint64]bool {
	out := map[uint64]bool{}
	for w := range calendarWords {
		if slices.Contains(monthAbbrevs, w[:3]) {
			out[text.Hash(w)] = true
		}
	}
	return out
}()

// withoutMonths is a sorted set of name hashes without the months.
func withoutMonths(names hset) hset {
	if !slices.ContainsFunc(names, func(h uint64) bool { return monthHashes[h] }) {
		return names
	}
	return slices.DeleteFunc(slices.Clone(names), func(h uint64) bool { return monthHashes[h] })
}

// countOwner is whose a count is: the nearest word before it in its
// sentence (before holds the folded sentence up to the figure) that is part
// of the name of a person or an organisation the article names (names:
// their words, lower case), lower-cased: "Tomas Brandt finished the game
// with 20 points" is Brandt's, "Iguodala is averaging just 14.9 points"
// Iguodala's, "said VanDeest, who had 13 points" VanDeest's. The nearest
// name is not always the subject ("led the Rovers with 23 points" gives the
// team), but two players' or two teams' counts get different owners, and a
// count with no name before it none. A name is passed over, with the
// capitalised words before it (the rest of that name), when it is the
// figure's source: a speech verb follows it before the figure ("Mayor Piet
// Kroon said 45 people", "Ada Marsh, the police chief, said 30", "Marsh
// told the Associated Press that 30"), or it is whom the figure was told to
// or is according to (sourceObject); and when it stands in a relative
// clause set off before the figure's own ("The flood, which prompted
// Governor Ada Marsh to declare an emergency, killed 52").
func countOwner(before string, names map[string]bool) string {
	var clauses []string // before cut at its clause breaks, the figure's own last
	at := 0
	for _, loc := range clauseBreak.FindAllStringIndex(before, -1) {
		clauses = append(clauses, before[at:loc[0]])
		at = loc[1]
	}
	clauses = append(clauses, before[at:])
	spoken := false // a speech verb lies between the word scanned and the figure
	for c := len(clauses) - 1; c >= 0; c-- {
		ws := text.Words(clauses[c])
		if c < len(clauses)-1 && len(ws) > 0 && relativeWords[strings.ToLower(ws[0])] {
			continue // a relative clause about someone else (relativeWords, compare.go)
		}
		for i := len(ws) - 1; i >= 0; i-- {
			w, lw := ws[i], strings.ToLower(ws[i])
			if !text.IsUpperInitial(w) {
				spoken = spoken || speechCues[lw]
				continue
			}
			if !names[lw] {
				continue
			}
			j := i // where the name starts: "Police chief Ada Marsh said"
			for j > 0 && text.IsUpperInitial(ws[j-1]) {
				j--
			}
			if spoken || sourceObject(ws, j) {
				i = j
				continue
			}
			return lw
		}
	}
	return ""
}

// sourceObject reports whether the name starting at word j of ws is whom a
// figure was told to or is according to, perhaps with an article between
// ("told the Associated Press", "according to Ada Marsh"). Other objects
// may own a count ("to the Rovers at their own 30"), and the name after
// an inverted "said" is its subject ("said VanDeest").
func sourceObject(ws []string, j int) bool {
	k := j - 1
	if k >= 0 && (strings.EqualFold(ws[k], "the") || strings.EqualFold(ws[k], "a")) {
		k--
	}
	if k < 0 {
		return false
	}
	switch ws[k] {
	case "told", "tells", "telling", "asked", "asks", "informed":
		return true
	case "to":
		return k >= 1 && strings.EqualFold(ws[k-1], "according")
	}
	return false
}

// nameAfterAge is whose an age is when a name follows it closely: "the
// 36-year-old Klitschko", "a 61-year-old Vancouver man, Eric Allen
// Kirkpatrick": the last word, lower-cased, of the first name of a person or
// organisation (names: their words) among the ageNameWords words after
// it, with no verb (an -ed word) or preposition (objectMarkers) before it.
// "" when none is that close ("an 11-year-old girl were wounded by ...
// Andrew Lopez", "The 25-year-old shot by Tomas Brandt").
func nameAfterAge(after string, names map[string]bool) string {
	ws := text.Words(after)
	for i := 0; i < min(len(ws), ageNameWords); i++ {
		if lw := strings.ToLower(ws[i]); ws[i] == lw && (objectMarkers[lw] || strings.HasSuffix(lw, "ed")) {
			return "" // a name past a verb or a preposition is another's: "The 25-year-old shot by Tomas Brandt"
		}
		if !text.IsUpperInitial(ws[i]) || !names[strings.ToLower(ws[i])] {
			continue
		}
		for i+1 < len(ws) && text.IsUpperInitial(ws[i+1]) {
			i++ // to the name's last word: "Eric Allen Kirkpatrick"
		}
		return strings.ToLower(ws[i])
	}
	return ""
}

// ageNameWords is how many words after an age its person's name may start:
// "a 61-year-old Vancouver man-Eric Allen Kirkpatrick" puts it third
// (ECB+ dev); further on the name is most often another clause's.
const ageNameWords = 3

// ownerWords are the lower-case words of the names of the people and
// organisations an article mentions: what countOwner reads as owners.
func ownerWords(ms []mention) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		if m.kind != news.Person && m.kind != news.Org {
			continue
		}
		for _, w := range text.Words(m.name) {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

// conflictsOf finds the figures that articles report differently (see the
// comment at the top of this file); figures linked through a shared one
// form one conflict. owners[i] are article i's ownerWords, times[i] when
// it was published (zero when not known), numbers[i] the reader of its
// language's number marks (nil: all English).
func conflictsOf(stop *stopper, sents []sentenceRef, ids []string, owners []map[string]bool, times []time.Time, numbers []NumberReader) []news.Conflict {
	type figure struct {
		k int // sentence
		m measure
	}
	var figs []figure
	byK := map[int][]measure{}
	byArt := map[int][]measure{} // each article's figures, of all its sentences
	for k, s := range sents {
		if s.appeal {
			continue // a pitch's figure ("Help us reach 5,000 members") is not the event's
		}
		folded, written, nouns := text.Fold(s.text), map[string]string(nil), false
		if numbers != nil {
			var english string
			english, written = numbers[s.article].InEnglishMarks(s.text)
			folded, nouns = text.Fold(english), numbers[s.article].capitalisesNouns()
		}
		for _, m := range measuresOfFolded(folded, nouns) {
			if w, ok := written[m.text]; ok {
				m.text = w // shown as the article writes it: "3,5 Millionen"
			}
			if written != nil {
				m.written = writtenWord(folded[m.at:], m.unit)
			}
			if m.owner == "" && (m.kind == "count" || m.kind == "age") {
				if m.kind == "count" {
					m.owner = countOwner(folded[:m.at], owners[s.article])
				} else {
					m.owner = nameAfterAge(folded[min(len(folded), m.at+len(m.text)):], owners[s.article])
				}
			}
			figs = append(figs, figure{k, m})
			byK[k] = append(byK[k], m)
			byArt[s.article] = append(byArt[s.article], m)
		}
	}
	masked := map[int]profile{}
	maskedOf := func(k int) profile {
		p, ok := masked[k]
		if !ok {
			p = profileOf(digits.ReplaceAllString(sents[k].text, "0"))
			masked[k] = p
		}
		return p
	}
	factOf := map[[2]int]bool{}
	// Two sentences state the same fact once their numbers are hidden.
	sameFact := func(k, l int) bool {
		key := [2]int{min(k, l), max(k, l)}
		v, ok := factOf[key]
		if !ok {
			v = factScore(maskedOf(k), maskedOf(l)) >= 1
			factOf[key] = v
		}
		return v
	}
	parent := make([]int, len(figs))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// Each figure is linked to the figure of each other article it
	// measures the same thing as best, when that one's best is it too.
	type match struct {
		j     int
		score float64
	}
	best := make([]map[int]match, len(figs)) // figure -> other article -> best figure there
	for i := range best {
		best[i] = map[int]match{}
	}
	alikeIn := alikeMemo(len(figs), func(i, art int) bool { return givesAlike(byArt[art], figs[i].m) })
	for i, a := range figs {
		if stop.stopped() {
			return nil // the comparison gives up
		}
		for j := i + 1; j < len(figs); j++ {
			stop.looked()
			b := figs[j]
			if sents[a.k].article == sents[b.k].article || a.m.kind != b.m.kind || a.m.filed || b.m.filed || !termsComparable(a.m, b.m) || agree(a.m, b.m) {
				continue
			}
			if updates(a.m, b.m, times[sents[a.k].article], times[sents[b.k].article]) {
				continue // a toll rising over days: the later report updates the earlier
			}
			// A second figure, not a dispute, when either also gives the other's value.
			if gives(byK[b.k], a.m.kind, a.m.value) || gives(byK[a.k], b.m.kind, b.m.value) {
				continue
			}
			// Likewise when either article gives the other's figure, of the
			// same thing, in another sentence: it holds the two for two
			// measures ("66,000 people in Houston" and "8 million" in the
			// nation, both in each of two reports).
			if alikeIn(i, sents[b.k].article) || alikeIn(j, sents[a.k].article) {
				continue
			}
			if namesDisagree(sents[a.k].prof, sents[b.k].prof, a.m.kind) {
				continue // other people, places or events
			}
			// Which figure answers which must be plain: once the figures
			// both give are set aside, each sentence has one of the kind.
			if unmatched(byK[a.k], byK[b.k], a.m.kind) != 1 || unmatched(byK[b.k], byK[a.k], a.m.kind) != 1 {
				continue
			}
			pa, pb := sents[a.k].prof, sents[b.k].prof
			score, ok := sameMeasure(a.m, b.m, shareFigure(byK[a.k], byK[b.k]), sameFact(a.k, b.k), meet(pa.names, pb.names) > 0, func() bool { return retold(sents[a.k].text, sents[b.k].text) })
			if !ok {
				continue
			}
			if m, seen := best[i][sents[b.k].article]; !seen || score > m.score {
				best[i][sents[b.k].article] = match{j, score}
			}
			if m, seen := best[j][sents[a.k].article]; !seen || score > m.score {
				best[j][sents[a.k].article] = match{i, score}
			}
		}
	}
	linked := make([]bool, len(figs))
	for i := range figs {
		for art, m := range best[i] {
			if back, ok := best[m.j][sents[figs[i].k].article]; ok && back.j == i && art == sents[figs[m.j].k].article {
				parent[find(i)] = find(m.j)
				linked[i], linked[m.j] = true, true
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range figs {
		if !linked[i] {
			continue
		}
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := []news.Conflict{}
	for _, r := range roots {
		var c news.Conflict
		c.About = sents[figs[groups[r][0]].k].text
		index := map[string]int{}
		arts := map[int]bool{}
		for _, i := range groups[r] {
			f := figs[i]
			arts[sents[f.k].article] = true
			v := f.m.text
			if f.m.written != "" && f.m.kind == "count" {
				v += " " + f.m.written
			} else if f.m.unit != "" && f.m.kind == "count" {
				v += " " + f.m.unit
			}
			at, ok := index[v]
			if !ok {
				at = len(c.Values)
				index[v] = at
				c.Values = append(c.Values, news.ConflictValue{Value: v, Sentence: sents[f.k].text})
			}
			c.Values[at].Articles = appendUnique(c.Values[at].Articles, ids[sents[f.k].article])
		}
		if len(c.Values) < 2 || len(arts) < 2 {
			continue
		}
		slices.SortFunc(c.Values, func(x, y news.ConflictValue) int { return strings.Compare(x.Value, y.Value) })
		out = append(out, c)
	}
	return out
}

// retold reports whether two sentences say the same words but for their
// figures: one statement retold with another figure ("a bus overturned
// ..., injuring 12 passengers" and "..., injuring 36 passengers"). Every
// word must be shared: a part and its whole are often told apart by one
// place ("across the islands", "in the province"), and a share of 0.8 of
// the words took such a pair for one statement (TestFiguresThatDiffer).
func retold(s, t string) bool {
	ws, wt := wordsBut(s), wordsBut(t)
	if len(ws) == 0 || len(ws) != len(wt) {
		return false
	}
	for w := range ws {
		if !wt[w] {
			return false
		}
	}
	return true
}

// wordsBut is the set of a sentence's words in lower case, numbers left out.
func wordsBut(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range text.Words(s) {
		if w = strings.ToLower(w); strings.IndexFunc(w, unicode.IsDigit) < 0 {
			set[w] = true
		}
	}
	return set
}
