package compare

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// articleLang is the primary language subtag of an article, lower case
// ("de" of "de-AT"): the language its own words are in (narrationLang),
// else the one the article gives; "" when neither tells. The words win over
// the tag: a site may tag every page with its home language, and an
// English report tagged "de" read with German number marks would turn
// "1.5 million" into 1.
func articleLang(a news.Article) string {
	if l := narrationLang(a); l != "" {
		return l
	}
	return primaryTag(a.Lang)
}

// narrationLang is the language text.Language finds in an article's title
// and text outside quotations: a report quotes people in their own
// language ("…", the mayor said), and an English report with a long
// German quote is still English. "" when the words do not tell (too few
// function words), or when they name the language the article gives
// (then its tag, region and all, is kept: see articleRegion).
func narrationLang(a news.Article) string {
	l := text.Language(quotedSpan.ReplaceAllString(a.Title+"\n"+a.Text, " "))
	if l == primaryTag(a.Lang) {
		return ""
	}
	return l
}

// quotedSpan matches a quotation within one paragraph, in the marks of
// English, German, French and the typewriter.
var quotedSpan = regexp.MustCompile(`"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»`)

// primaryTag is the primary subtag of a language tag, lower case.
func primaryTag(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// decimalCommaLangs are the languages whose news writes "3,5" for three
// and a half and groups thousands with a point, a space or an apostrophe
// ("57.000", "116 000", "1'200"): the continental European languages,
// Russian, Ukrainian, Turkish and Indonesian among them (CLDR number
// symbols). English, Chinese, Japanese, Korean, Hebrew and Arabic written
// with Latin digits use the English marks.
var decimalCommaLangs = toSet(`de fr es it pt nl pl ru uk cs sk sl hr sr bs bg ro hu da sv no nb nn fi tr id el lt lv et ca gl eu is lb`)

// NumberReader reads the quantities of one article's sentences in the
// article's language and number marks (NewNumberReader).
type NumberReader struct {
	lang  string
	marks *numberMarks // nil: QuantitiesIn's English reading
	// loneGroup: a lone point before three digits ("57.000") groups
	// thousands in a text of English marks that writes no decimal point
	// (loneGroupsIn).
	loneGroup bool
}

// NewNumberReader returns the reader for an article's text in a language
// (ISO 639-1, as articleLang gives it). In a language that writes a
// decimal comma, "57.000 Euro" is 57,000 euros, "3,5 Mio." three and a
// half million, "27.10." and "7 octobre" dates and "17.15 Uhr" a time,
// unless the text itself groups thousands with commas as English does
// ("620,000 dólares" of Latin American news: englishGrouped); in Chinese
// and Japanese "3.5亿" is 350 million and "10月14日" a date. Other
// languages, English among them, are read as QuantitiesIn reads them.
func NewNumberReader(lang, text string) NumberReader {
	switch {
	case decimalCommaLangs[lang] && englishGrouped(text):
		return NumberReader{lang, &pointMarks, loneGroupsIn(text, &pointMarks)}
	case decimalCommaLangs[lang] && swissGrouped(text):
		return NumberReader{lang, &swissMarks, false}
	case decimalCommaLangs[lang]:
		return NumberReader{lang, &commaMarks, false}
	}
	return NumberReader{lang: lang}
}

// capitalisesNouns reports whether the reader's language capitalises every
// noun (German, Luxembourgish), so that a capital marks no name.
func (r NumberReader) capitalisesNouns() bool { return r.lang == "de" || r.lang == "lb" }

// In lists the quantities of one sentence (QuantitiesIn, in the reader's
// language); index is the sentence's among the article's.
func (r NumberReader) In(sentence string, index int) []Quantity {
	switch {
	case r.marks != nil:
		return markedQuantities(sentence, index, *r.marks, r.loneGroup)
	case r.lang == "zh" || r.lang == "ja":
		return cjkQuantities(sentence, index)
	}
	return QuantitiesIn(sentence, index)
}

// numberMarks are how a text writes numbers: its number pattern (group 1
// a currency sign before, group 2 the whole part with its thousands
// separators, group 3 the decimal mark and decimals) and its times of day.
type numberMarks struct {
	number *regexp.Regexp
	clock  *regexp.Regexp
}

var (
	commaMarks = numberMarks{commaNumber, dayTime}
	// pointMarks are the English marks ("620,000", "3.5") in a text of a
	// decimal-comma language that writes them; only "12:00" is a time.
	pointMarks = numberMarks{
		regexp.MustCompile(`([$€£])?(\d{1,3}(?:,\d{3})+\b|\d+)(\.\d+)?`),
		regexp.MustCompile(`\b\d{1,2}:\d{2}`),
	}
	// swissMarks are the marks of Swiss and Liechtenstein German, French
	// and Italian: thousands grouped by apostrophes ("1'000'000"), a
	// decimal point ("3.50 Franken", "2.5 Prozent"); "17.15 Uhr" and
	// "12:00" are times.
	swissMarks = numberMarks{
		regexp.MustCompile(`([$€£])?(\d{1,3}(?:['’]\d{3})+\b|\d+)(\.\d+)?`),
		regexp.MustCompile(`\b\d{1,2}(?::\d{2}|\.\d{2}\s*(?:Uhr|h)\b)`),
	}
	// apostropheGroups find thousands grouped with apostrophes ("1'000").
	apostropheGroups = regexp.MustCompile(`\d['’]\d{3}\b`)
	// commaGroups and pointGroups find thousands grouped with commas
	// ("73,320,000", "620,000") and with points ("57.000"); commaDecimal
	// a decimal comma before one or two digits ("3,5", "0,25").
	commaGroups  = regexp.MustCompile(`\d,\d{3}\b`)
	pointGroups  = regexp.MustCompile(`\d\.\d{3}\b`)
	commaDecimal = regexp.MustCompile(`\d,\d{1,2}\b`)
)

// englishGrouped reports whether a text of a decimal-comma language writes
// its numbers with English marks: more figures with thousands grouped by
// commas than with points or a decimal comma (a majority vote, so that a
// figure quoted from an English source, "620,000", does not turn a German
// text's "3,5" into 3 and 5, nor one "3,5%" a Latin American text's
// "620,000 dólares" into 620: a tie goes to English marks, as a figure that
// decimal commas would read otherwise has a form of its own, "3,5" or
// "0,038", and "620,000" does not). Latin American Spanish news writes English
// marks ("620,000 dólares", "73,320,000 lempiras" on pages read in session
// 39). The figures the convention would misread are read by their own
// form (unambiguousFigures).
func englishGrouped(text string) bool {
	english := len(commaGroups.FindAllStringIndex(text, -1)) - len(zeroCommaDecimal.FindAllStringIndex(text, -1))
	return english > 0 && english >= len(pointGroups.FindAllStringIndex(text, -1))+len(commaDecimal.FindAllStringIndex(text, -1))
}

// zeroCommaDecimal finds a decimal comma after a lone 0 before three
// digits ("0,038"), which commaGroups also finds but no group writes.
var zeroCommaDecimal = regexp.MustCompile(`(?:^|[^\d.,])0,\d{3}\b`)

// swissGrouped reports whether a text of a decimal-comma language writes
// its numbers the Swiss way: thousands grouped by apostrophes, and never a
// point group or a decimal comma, so that its points are decimal points.
func swissGrouped(text string) bool {
	return apostropheGroups.MatchString(text) && !pointGroups.MatchString(text) && !commaDecimal.MatchString(text)
}

var (
	// numericDate matches a day and month written with points, the year
	// optional: "27.10.", "05.12.2021", "1.3.21". The second point is what
	// tells it from a decimal or a thousands group.
	numericDate = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(?:\d{4}|\d{2}\b)?`)
	// dayTime matches a time of day ("17.15", "12:00", "9h30"); in a
	// decimal-comma language a point before exactly two digits groups no
	// thousands, so "17.15 Uhr" is a time, not 17.15.
	dayTime = regexp.MustCompile(`\b\d{1,2}(?::\d{2}|\.\d{2}\b|h\d{2}\b)`)
	// dayMonth matches a day before a month's name in the languages that
	// write it so: "7 octobre", "27. Oktober", "22 de abril", "16
	// października", "29 июня". The names are the full forms (and the
	// genitives of the Slavic languages); a prefix alone ("mar" of
	// "martes") names no month.
	dayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(?:de\s+|di\s+)?(` + monthNames + `)(?:$|[^\p{L}])`)
	// commaNumber matches a number written with a decimal comma: thousands
	// grouped by points, spaces (also no-break and narrow) or apostrophes,
	// a decimal part after the comma.
	commaNumber = regexp.MustCompile(`([$€£])?(\d{1,3}(?:[.\x{00a0}\x{202f} '’]\d{3})+\b|\d+)(,\d+)?`)
	// commaScale matches a scale word after a number in these languages,
	// with the abbreviations news writes ("Mio.", "Mrd.", "млн", "tys.").
	commaScale = regexp.MustCompile(`(?i)^\s*(` + scaleWords + `)(?:$|[^\p{L}])`)
	// commaPercent matches a percent sign or word after a number.
	commaPercent = regexp.MustCompile(`(?i)^\s*(%|prozent|pour cent|por ciento|por cento|per cento|procent\p{L}*|процент\p{L}*|pct\.?)`)
	// currencyAfter matches a currency written after the number, as these
	// languages do: "57.000 Euro", "620 000 dollars", "5 млрд рублей".
	currencyAfter = regexp.MustCompile(`(?i)^\s*(€|euros?\b|eur\b|евро|\$|dollars?\b|dólar(?:es)?\b|dollari\b|доллар\p{L}*|£)`)
)

// monthNames are the months' names of the decimal-comma languages
// storyline meets most: German, French, Spanish, Italian, Portuguese,
// Dutch, Polish (genitive) and Russian (genitive).
const monthNames = `januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|` +
	`janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|` +
	`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|` +
	`gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|` +
	`janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|` +
	`januari|februari|maart|mei|augustus|` +
	`stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|` +
	`января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря`

// scaleWords are the words and abbreviations for thousand, million and
// billion in those languages; scaleOf gives their factors.
const scaleWords = `mio\.?|millionen|million|millions|millones|millón|milioni|milione|milhões|milhão|miljoen|mln\.?|milion\p{L}*|млн\.?|миллион\p{L}*|` +
	`mrd\.?|milliarden|milliarde|milliards|milliard|miliardi|miliardo|bilhões|bilhão|mld\.?|miliard\p{L}*|млрд\.?|миллиард\p{L}*|` +
	`tsd\.?|tausend|mille|mil|tys\.?|тыс\.?|тысяч\p{L}*`

// scaleOf is the factor of a scale word commaScale matched.
func scaleOf(w string) float64 {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	switch {
	case strings.HasPrefix(w, "mrd") || strings.HasPrefix(w, "milliard") || strings.HasPrefix(w, "miliard") ||
		strings.HasPrefix(w, "bilh") || w == "mld" || strings.HasPrefix(w, "млрд") || strings.HasPrefix(w, "миллиард"):
		return 1e9
	case w == "tsd" || w == "tausend" || w == "mille" || w == "mil" || w == "tys" || strings.HasPrefix(w, "тыс"):
		return 1e3
	}
	return 1e6
}

// markedQuantities reads the quantities of a sentence of a decimal-comma
// language: dates (numeric and with a month's name) first, times skipped,
// then numbers written with the marks given, with their scale, percent or
// currency and what they count.
func markedQuantities(sentence string, index int, marks numberMarks, loneGroup bool) []Quantity {
	if strings.IndexAny(sentence, "0123456789") < 0 {
		return nil
	}
	var out []Quantity
	taken := make([]bool, len(sentence)+1)
	take := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			taken[i] = true
		}
	}
	for _, loc := range numericDate.FindAllStringSubmatchIndex(sentence, -1) {
		if loc[0] > 0 && (sentence[loc[0]-1] == '.' || sentence[loc[0]-1] == ',') {
			continue
		}
		day, _ := strconv.ParseFloat(sentence[loc[2]:loc[3]], 64)
		month, _ := strconv.Atoi(sentence[loc[4]:loc[5]])
		if day >= 1 && day <= 31 && month >= 1 && month <= 12 {
			out = append(out, Quantity{Text: strings.TrimSpace(sentence[loc[0]:loc[1]]), Value: day, Unit: "date", Sentence: index})
		}
		take(loc[0], loc[1])
	}
	for _, loc := range dayMonth.FindAllStringSubmatchIndex(sentence, -1) {
		if taken[loc[0]] {
			continue
		}
		day, _ := strconv.ParseFloat(sentence[loc[2]:loc[3]], 64)
		out = append(out, Quantity{Text: sentence[loc[0]:loc[5]], Value: day, Unit: "date", Sentence: index})
		take(loc[0], loc[5])
	}
	for _, loc := range marks.clock.FindAllStringIndex(sentence, -1) {
		if !taken[loc[0]] && (loc[0] == 0 || !strings.ContainsRune(".,", rune(sentence[loc[0]-1]))) {
			take(loc[0], loc[1])
		}
	}
	for _, loc := range figureLocs(sentence, marks, loneGroup) {
		if q, ok := commaQuantity(sentence, loc, taken); ok {
			q.Sentence = index
			out = append(out, q)
		}
	}
	return out
}

// commaQuantity reads one number a numberMarks pattern matched at loc, with what
// follows it; false when it is part of a date, time, word or year.
func commaQuantity(sentence string, loc []int, taken []bool) (Quantity, bool) {
	start, end := loc[0], loc[1]
	if taken[start] || start > 0 && (joinsNumberRune(sentence[:start]) || strings.ContainsRune(".,", rune(sentence[start-1]))) {
		return Quantity{}, false
	}
	if isNumberSign(sentence[:start]) || numberSignBefore(sentence[:start]) {
		return Quantity{}, false
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, sentence[loc[4]:loc[5]])
	if loc[6] >= 0 {
		digits += "." + sentence[loc[6]+1:loc[7]]
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return Quantity{}, false
	}
	q := Quantity{}
	if loc[2] >= 0 {
		q.Unit = sentence[loc[2]:loc[3]]
	}
	scaled := false
	if m := commaScale.FindStringSubmatchIndex(sentence[end:]); m != nil {
		v *= scaleOf(sentence[end+m[2] : end+m[3]])
		end += m[3]
		scaled = true
	}
	if m := commaPercent.FindStringIndex(sentence[end:]); m != nil {
		q.Unit = "%"
		end += m[1]
	} else if m := currencyAfter.FindStringSubmatchIndex(sentence[end:]); m != nil && q.Unit == "" {
		q.Unit = currencySign(sentence[end+m[2] : end+m[3]])
		end += m[1]
	}
	if q.Unit == "" && !scaled && loc[6] < 0 && len(digits) == 4 && (digits[:2] == "19" || digits[:2] == "20") {
		return Quantity{}, false // a year
	}
	q.Value = v
	if q.Unit != "%" {
		q.Counts = countedByAny(sentence[end:])
	}
	q.Text = strings.TrimSpace(sentence[start:end])
	return q, true
}

// currencySign names a currency as QuantitiesIn does ("€", "$", "£").
func currencySign(w string) string {
	l := strings.ToLower(w)
	switch {
	case l == "€" || strings.HasPrefix(l, "eur") || l == "евро":
		return "€"
	case l == "£":
		return "£"
	}
	return "$"
}

// numberSignBefore reports whether the text before a number ends with a
// number or article sign of these languages ("Nr. 5", "n° 3", "§ 13",
// "Abs. 6", "ст. 259", "art. 7"): a rank or a clause, not a quantity.
func numberSignBefore(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	return numberSigns[f[len(f)-1]]
}

// numberSigns are the words before a number that make it a rank, a page or
// a clause (numberSignBefore).
var numberSigns = toSet(`nr. n° nº no. § abs. art. ст. № núm. s. p. ust. pkt`)

// joinsNumberRune reports whether the last rune before a number makes it
// part of a word ("A-107", "F13", "Covid-19"), letters of any script.
func joinsNumberRune(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-'
}

// countedByAny is countedBy with the function words of every language
// text.IsStopWord knows ending the phrase too ("200 Personen bei", "5
// ans de prison").
func countedByAny(rest string) string {
	words := strings.Fields(countedBy(rest))
	for i, w := range words {
		if text.IsStopWord(strings.ToLower(w)) {
			return strings.Join(words[:i], " ")
		}
	}
	return strings.Join(words, " ")
}

var (
	// cjkScale matches the Chinese and Japanese scale characters after a
	// number: 万 ten thousand, 亿/億 a hundred million, and their compounds.
	cjkScale = regexp.MustCompile(`^(?:千万|千萬|百万|百萬|万|萬|亿|億|千)`)
	// cjkDate matches a month and day ("10月14日"); cjkYear a year ("2016年").
	cjkDate = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日`)
	cjkYear = regexp.MustCompile(`\d{4}年`)
)

// cjkScales are the factors of cjkScale's characters.
var cjkScales = map[string]float64{"千万": 1e7, "千萬": 1e7, "百万": 1e6, "百萬": 1e6, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3}

// cjkQuantities reads a Chinese or Japanese sentence: dates and years by
// their characters, then QuantitiesIn's numbers with a scale character
// after them multiplied ("3.5亿" is 350,000,000).
func cjkQuantities(sentence string, index int) []Quantity {
	var out []Quantity
	masked := []byte(sentence)
	for _, loc := range cjkDate.FindAllStringSubmatchIndex(sentence, -1) {
		day, _ := strconv.ParseFloat(sentence[loc[4]:loc[5]], 64)
		out = append(out, Quantity{Text: sentence[loc[0]:loc[1]], Value: day, Unit: "date", Sentence: index})
		maskDigits(masked, loc[0], loc[1])
	}
	for _, loc := range cjkYear.FindAllStringIndex(sentence, -1) {
		maskDigits(masked, loc[0], loc[1])
	}
	for _, loc := range dayTime.FindAllStringIndex(sentence, -1) {
		maskDigits(masked, loc[0], loc[1])
	}
	cursor := 0
	for _, q := range QuantitiesIn(string(masked), index) {
		at := strings.Index(string(masked[cursor:]), q.Text)
		if at >= 0 {
			at += cursor
			cursor = at + len(q.Text)
			after := sentence[at+len(q.Text):]
			if m := cjkScale.FindString(after); m != "" {
				q.Value *= cjkScales[m]
				q.Text += m
			}
		}
		out = append(out, q)
	}
	return out
}

// maskDigits blanks the digits of b[lo:hi] so that no number is read there.
func maskDigits(b []byte, lo, hi int) {
	for i := lo; i < hi; i++ {
		if b[i] >= '0' && b[i] <= '9' {
			b[i] = ' '
		}
	}
}
