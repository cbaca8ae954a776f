package compare

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
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

// Quantity is a number an article states, with what it counts.
type Quantity struct {
	Text     string  `json:"text"`     // as written: "$4.5 million", "2,400 homes", "69-year-old", "Oct. 5"
	Value    float64 `json:"value"`    // 4500000, 2400, 69, 5
	Unit     string  `json:"unit"`     // "$", "€", "£", "%", "years old", "date" (Value is the day; Text names the month), "" for a count
	Counts   string  `json:"counts"`   // the words after the number that say what it counts ("homes", "border arrests"); "" when none
	Sentence int     `json:"sentence"` // the index of its sentence among the article's
}

// numberPhrase matches a number as news writes it, with its currency,
// scale and percent: "$4.5 million", "2,400", "30%", "12 percent", "1.2bn",
// and Indian English's figures: lakh grouping ("12,34,567": the last three
// digits, then pairs), the rupee ("Rs 3 crore", "Rs. 500", "₹2 lakh",
// "INR 40") and the scale words lakh (100,000) and crore (10 million).
var numberPhrase = regexp.MustCompile(`(?i)([$€£₹]|\b(?-i:Rs)\.?\s?|\b(?-i:INR)\s?)?(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(million|billion|trillion|thousand|bn|m|lakhs?(?:\s+crores?)?|crores?)\b)?(\s*%|\s+percent\b|\s+per cent\b|-year-old\b|-years-old\b)?`)

// scales multiply a number by its scale word. Indian English joins two:
// "lakh crore" is 1e5 times 1e7 (scaleOfWords).
var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}

// scaleOfWords returns the product of the scales of the words of a scale
// phrase: 1e6 for "million", 1e12 for "lakh crore" ("₹1.5 lakh crore" is
// 1.5 trillion rupees); 1 for no known word.
func scaleOfWords(phrase string) float64 {
	f := 1.0
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if s, ok := scales[w]; ok {
			f *= s
		}
	}
	return f
}

// currencyOf names the currency written before a number: "$", "€", "£",
// and "₹" for the rupee however written ("Rs", "Rs.", "INR").
func currencyOf(sign string) string {
	switch strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sign), ".")) {
	case "Rs", "INR", "₹":
		return "₹"
	}
	return sign
}

// countWordsStop end what a number counts: function words and verbs that
// commonly follow a count ("12 people were", "3 of the").
var countWordsStop = toSet(`of the a an and or to in on at for from by with were was are is be been have has had will would
could may might than that which who as per each more less over under about after before since when while into across their
his her its our your this these those it they he she we i said says`)

// QuantitiesIn lists the quantities a sentence states: counts with what
// they count, money, percentages, ages and dates of the month. Years ("in
// 2017") and the numbers of ordinals and names ("No. 2", "Apollo 11") are
// not quantities.
func QuantitiesIn(sentence string, index int) []Quantity {
	if strings.IndexAny(sentence, "0123456789") < 0 {
		return nil
	}
	var out []Quantity
	taken := make([]bool, len(sentence))
	if mentionsMonth(sentence) {
		for _, loc := range monthDay.FindAllStringSubmatchIndex(sentence, -1) {
			var day string
			if loc[4] < 0 {
				day = sentence[loc[6]:loc[7]]
			} else {
				day = sentence[loc[4]:loc[5]]
			}
			v, _ := strconv.ParseFloat(day, 64)
			out = append(out, Quantity{Text: sentence[loc[0]:loc[1]], Value: v, Unit: "date", Sentence: index})
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
		}
	}
	for _, loc := range numberPhrase.FindAllStringSubmatchIndex(sentence, -1) {
		start, end := loc[0], loc[1]
		if taken[start] || start > 0 && (joinsNumber(sentence[start-1]) || sentence[start-1] == '.') {
			continue // part of a date, a word ("COVID-19") or a decimal already read
		}
		if isNumberSign(sentence[:start]) {
			continue // "No. 2": a rank, not a quantity
		}
		digits := strings.ReplaceAll(sentence[loc[4]:loc[5]], ",", "")
		if loc[6] >= 0 {
			digits += sentence[loc[6]:loc[7]]
		}
		v, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			continue
		}
		q := Quantity{Sentence: index}
		if loc[2] >= 0 {
			q.Unit = currencyOf(sentence[loc[2]:loc[3]])
		}
		if loc[8] >= 0 {
			v *= scaleOfWords(sentence[loc[8]:loc[9]])
		}
		suffix := ""
		if loc[10] >= 0 {
			suffix = strings.ToLower(strings.TrimSpace(sentence[loc[10]:loc[11]]))
		}
		switch {
		case suffix == "%" || suffix == "percent" || suffix == "per cent":
			q.Unit = "%"
		case strings.HasPrefix(suffix, "-year"):
			q.Unit = "years old"
		case q.Unit == "" && loc[8] < 0 && loc[6] < 0 && len(digits) == 4 && (digits[:2] == "19" || digits[:2] == "20"):
			continue // a year
		}
		q.Value = v
		if q.Unit == "" || q.Unit == "$" || q.Unit == "€" || q.Unit == "£" || q.Unit == "₹" {
			q.Counts = countedBy(sentence[end:])
		}
		q.Text = strings.TrimSpace(sentence[start:end])
		out = append(out, q)
	}
	return out
}

// countedBy returns the words right after a number that say what it counts:
// up to three words, up to a function word or punctuation ("border arrests
// last year" gives "border arrests last"; "people were hurt" gives
// "people").
func countedBy(rest string) string {
	if rest == "" || rest[0] != ' ' {
		return ""
	}
	var words []string
	for _, w := range strings.Fields(rest) {
		clean := strings.TrimRight(w, ".,;:!?)\"'”’")
		if clean == "" || countWordsStop[strings.ToLower(clean)] || !isLetters(clean) {
			break
		}
		words = append(words, clean)
		if len(clean) != len(w) || len(words) == 3 {
			break // punctuation ends the phrase
		}
	}
	return strings.Join(words, " ")
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// joinsNumber reports whether a byte before a number makes it part of a
// word ("COVID-19", "F16") rather than a quantity.
func joinsNumber(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-'
}

// isNumberSign reports whether the text before a number ends with a number
// sign ("No. 2", "#3").
func isNumberSign(before string) bool {
	b := strings.TrimRight(before, " ")
	return strings.HasSuffix(b, "No.") || strings.HasSuffix(b, "no.") || strings.HasSuffix(b, "#") || strings.HasSuffix(b, "Nos.")
}
