package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// namesInLanguage keeps, of the mentions the recogniser (which reads
// English) found in a text of another language, those that are names:
// their leading function words cut ("Le Hamas", "En Cisjordanie", "Nach
// Mörbisch", "L’ONG Faune"), and in German, which capitalises every noun,
// only those with a word the name lexicon, an acronym or the text's other
// names vouch for, or with a word the text never uses as a common noun
// (germanNames). English ("" or "en") is returned as it is.
func namesInLanguage(lang, t string, ms []mention) []mention {
	if lang == "" || lang == "en" {
		return ms
	}
	out := make([]mention, 0, len(ms))
	for _, m := range ms {
		if m, ok := withoutLeadingFunctionWords(t, m); ok {
			out = append(out, m)
		}
	}
	if lang == "de" || lang == "lb" {
		for i := range out {
			out[i] = withoutLeadingTitles(t, withoutLeadingGenitive(lang, t, out[i]))
		}
		// A country's German name vouches for no phrase ("Schweden
		// Roadtrip" is none): the country alone comes back below.
		out = germanNames(t, out)
	}
	for i := range out {
		out[i] = countryAsPlace(out[i]) // after germanNames, which cuts "Regierung von Frankreich" to its last part
	}
	return withoutPeoplePlurals(lang, t, withCountryNames(lang, t, out))
}

// peoplePlurals are German and Dutch names of countries that are also the
// plural of their people: "Polen" (Poland, the Poles), "Schweden", "Ungarn"
// (Hungary, the Hungarians), Dutch "Zweden". Read from the CLDR names of
// otherPlaceLanguages whose people's plural is the same word
// (s40-langrev, invented probes: "Die Polen haben gewählt" was Poland).
var peoplePlurals = map[string]map[string]bool{
	"de": toSet(`polen schweden ungarn`), "lb": toSet(`polen schweden ungarn`), "nl": toSet(`polen zweden`)}

// pluralDeterminers are German and Dutch words that stand before a plural
// noun and never before a country's name that takes no article: "die
// Polen", "viele Schweden", "den Ungarn", Dutch "de Polen". Countries that
// take an article in German ("die Türkei", "der Iran") are not
// peoplePlurals, so "die" before one of those says nothing.
var pluralDeterminers = toSet(`die der den viele vielen einige alle allen beide manche wenige meisten junge jungen zwei drei
de veel vele sommige`)

// withoutPeoplePlurals drops a country mention of a text in German or
// Dutch that names the people, not the country: one of peoplePlurals after
// a plural determiner ("Viele Polen arbeiten", "die Schweden rechnen").
func withoutPeoplePlurals(lang, t string, ms []mention) []mention {
	plurals := peoplePlurals[lang]
	if plurals == nil {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if m.kind == news.Place && plurals[strings.ToLower(m.name)] && pluralDeterminers[strings.ToLower(lastWordBefore(t, m.offset))] {
			continue
		}
		out = append(out, m)
	}
	return out
}

// lastWordBefore returns the word of letters that ends right before
// offset, past spaces; "" when punctuation or the text's start comes first.
func lastWordBefore(t string, offset int) string {
	before := strings.TrimRight(t[:offset], " ")
	i := len(before)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return before[i:]
}

// countryWord matches a word of letters and hyphens ("Royaume-Uni").
var countryWord = regexp.MustCompile(`\p{L}[\p{L}-]*\p{L}|\p{L}`)

// maxCountryWords is the most words a country's name has in the
// otherPlaceLanguages' CLDR names that news writes ("Islas Vírgenes
// Británicas" has three, "Bosnia y Herzegovina" three); four leaves room.
const maxCountryWords = 4

// withCountryNames adds to the mentions of a text of another language
// than English each country it names in that language (otherLanguageCountries,
// or the English gazetteer's name) that no mention covers: "Francia y
// Estados Unidos", which the recogniser, reading English, finds nothing in,
// and "l’Espagne", "dell’Italia", a capitalised word glued to an elided
// article. The longest name at a capitalised word wins; a given name
// ("Chad") is not added. The mentions stay in text order.
// In German, a country's genitive ("Polens", "Frankreichs") is the
// country too (genitiveCountry).
func withCountryNames(lang, t string, ms []mention) []mention {
	covered := func(lo, hi int) bool {
		for _, m := range ms {
			if m.offset < hi && lo < m.end {
				return true
			}
		}
		return false
	}
	words := countryWord.FindAllStringIndex(t, -1)
	added := false
	for i := 0; i < len(words); i++ {
		lo := words[i][0]
		if r, _ := utf8.DecodeRuneInString(t[lo:]); !unicode.IsUpper(r) {
			continue
		}
		n := countryAt(t, words[i:])
		if n == 0 {
			if stem := genitiveCountry(lang, t[lo:words[i][1]]); stem != "" && !covered(lo, lo+len(stem)) && !afterPersonTitle(t, words, i) && !inFirmName(t, words, i) {
				ms = append(ms, mention{name: stem, kind: news.Place, offset: lo, end: lo + len(stem), country: otherLanguageCountries()[strings.ToLower(stem)]})
				added = true
			}
			continue
		}
		hi := words[i+n-1][1]
		if name := t[lo:hi]; !covered(lo, hi) && !isFirstName(name) {
			ms = append(ms, mention{name: name, kind: news.Place, offset: lo, end: hi, country: otherLanguageCountries()[strings.ToLower(name)]})
			added = true
		}
		i += n - 1
	}
	if added {
		slices.SortStableFunc(ms, func(a, b mention) int { return a.offset - b.offset })
	}
	return ms
}

// withoutLeadingGenitive cuts from a German mention of several words a
// country's genitive that opens it ("Frankreichs Präsident Emmanuel
// Macron", "Polens Regierung"): the country owns what follows and is no
// part of its name. withCountryNames adds the country back as a place of
// its own once no mention covers it. A genitive before a firm's legal
// form ("Indiens Tech GmbH") is part of the firm's name and stays.
func withoutLeadingGenitive(lang, t string, m mention) mention {
	first, rest, ok := strings.Cut(m.name, " ")
	if !ok || genitiveCountry(lang, first) == "" || endsWithLegalForm(rest) {
		return m
	}
	return cutFront(t, m, len(first)+1)
}

// germanTitleEndings end the German nouns of an office or a title that
// stand before a person's name without an article ("Präsident Emmanuel
// Macron", "Außenminister Antonio Tajani", "Bundeskanzlerin Angela
// Merkel", "Regierungssprecher Steffen Seibert"): compounds end with the
// office. Listed by hand from German usage, not from a text.
var germanTitleEndings = []string{"präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "chef", "chefin",
	"sprecher", "sprecherin", "meister", "meisterin", "botschafter", "botschafterin", "vorsitzende", "vorsitzender", "könig",
	"königin", "premier", "senator", "senatorin", "gouverneur", "gouverneurin", "direktor", "direktorin", "trainer", "trainerin"}

// germanTitle reports whether a word of a German mention is a title or an
// office before a name: one of personTitleWords ("Herr", "Dr.") or a noun
// ending as germanTitleEndings do, capitalised.
func germanTitle(w string) bool {
	l := strings.ToLower(strings.TrimSuffix(w, "."))
	if !isCapitalised(w) {
		return false
	}
	return personTitleWords[l] || slices.ContainsFunc(germanTitleEndings, func(e string) bool { return strings.HasSuffix(l, e) })
}

// withoutLeadingTitles cuts the titles and offices that open a German
// person's mention ("Präsident Emmanuel Macron" is Emmanuel Macron), the
// English recogniser having read them as part of the name: German writes
// no article before an office that a name follows. At least one word is
// left; a mention of another kind is left as it is.
func withoutLeadingTitles(t string, m mention) mention {
	if m.kind != news.Person {
		return m
	}
	cut := 0
	for {
		word, rest, ok := strings.Cut(m.name[cut:], " ")
		if !ok || !germanTitle(word) || !isCapitalised(rest) {
			break
		}
		cut += len(word) + 1
	}
	if cut == 0 {
		return m
	}
	return cutFront(t, m, cut)
}

// cutFront drops the first n bytes of a mention's name, moving its offset
// when the name is written as it stands in the text.
func cutFront(t string, m mention, n int) mention {
	if m.offset >= 0 && m.end <= len(t) && strings.HasPrefix(t[m.offset:m.end], m.name) {
		m.offset += n
	}
	m.name = m.name[n:]
	return m
}

// legalForms end the names of firms: German, Austrian and Swiss forms
// and the common English ones, lower case and without their dots.
var legalForms = toSet(`gmbh ag kg kgaa se ohg ug ev mbh ltd inc llc plc corp sa nv bv`)

// endsWithLegalForm reports whether a run of words ends with a firm's
// legal form ("Tech GmbH", "Werke AG", "Holdings Ltd.").
func endsWithLegalForm(words string) bool {
	ws := strings.Fields(words)
	if len(ws) == 0 {
		return false
	}
	last := strings.ToLower(strings.ReplaceAll(ws[len(ws)-1], ".", ""))
	return legalForms[last]
}

// genitiveLanguages write a country's genitive with an "s" glued to its
// name: German ("Polens Regierung", "die Hauptstadt Frankreichs") and
// Luxembourgish.
var genitiveLanguages = toSet(`de lb`)

// genitiveCountry returns the country a word of a text in a
// genitiveLanguage names in the genitive, its name without the "s"
// ("Polens" -> "Polen"), when that name is a country's in the language
// (otherLanguageCountries) or in English ("Irans", "Chinas"); "" else.
// Countries only, not cities: many a German noun is a town's name and an
// "s" ("Bruchs", "Werks"). Session 41, from s40-langrev's "Left" list.
func genitiveCountry(lang, w string) string {
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || !genitiveLanguages[lang] || utf8.RuneCountInString(stem) < minGenitiveStem {
		return ""
	}
	if lw := strings.ToLower(stem); otherLanguageCountries()[lw] != "" || englishCountryNames()[lw] {
		return stem
	}
	return ""
}

// afterPersonTitle reports whether the word words[i] of t follows a
// person's title with only spaces (and the title's full stop) between:
// "Herr Jordans", "Dr. Chinas" name a person by a surname, however like a
// country's genitive it is (session 41's review).
func afterPersonTitle(t string, words [][]int, i int) bool {
	if i == 0 {
		return false
	}
	prev := t[words[i-1][0]:words[i-1][1]]
	gap := t[words[i-1][1]:words[i][0]]
	return strings.TrimLeft(gap, ". ") == "" && personTitleWords[strings.ToLower(prev)]
}

// inFirmName reports whether the word words[i] of t opens, or stands in, a
// run of capitalised words joined by single spaces that ends with a
// firm's legal form ("Indiens Tech GmbH"): a part of the firm's name, not
// a country's genitive (session 41's review).
func inFirmName(t string, words [][]int, i int) bool {
	for k := i + 1; k < len(words) && k <= i+maxCountryWords; k++ {
		if t[words[k-1][1]:words[k][0]] != " " || !isCapitalised(t[words[k][0]:words[k][1]]) {
			return false
		}
		if legalForms[strings.ToLower(t[words[k][0]:words[k][1]])] {
			return true
		}
	}
	return false
}

// minGenitiveStem is the shortest country name read in a genitive: four
// letters ("Irans", "Perus", "Chinas"); shorter stems are more often
// other words with an "s". Not tuned.
const minGenitiveStem = 4

// countryAt returns how many of the words (byte spans of t), from the first,
// make the longest country name the gazetteers know, each separated from
// the next by one space; 0 when none.
func countryAt(t string, words [][]int) int {
	for n := min(maxCountryWords, len(words)); n > 0; n-- {
		joined := true
		for k := 1; k < n; k++ {
			if words[k][0] != words[k-1][1]+1 || t[words[k-1][1]] != ' ' {
				joined = false
				break
			}
		}
		if joined && placeName(strings.ToLower(t[words[0][0]:words[n-1][1]]), true) != "" {
			return n
		}
	}
	return 0
}

// countryAsPlace makes a mention whose whole name is a place the
// gazetteer knows (in English or another language: "Estados Unidos",
// "Österreich") a place when the recogniser, which reads English, read it
// as a person: it read "Auch Österreich" before its opening word was cut,
// or met a name it never saw; or a country named in another language that
// it read as an organisation ("Spagna": its rule that a known place read
// as an organisation is the place, outside match reports, knows English
// names only). A place's name that is a given name too ("Chad") keeps the
// recogniser's kind, and so does an English name read as an organisation
// (a country's team in a match report).
func countryAsPlace(m mention) mention {
	lw := strings.ToLower(m.name)
	if (m.kind == news.Person || m.kind == news.Org && otherLanguageCountries()[lw] != "") && placeName(lw, true) != "" && !isFirstName(lw) {
		m.kind = news.Place
	}
	if m.kind == news.Place {
		m.country = otherLanguageCountries()[lw]
	}
	return m
}

// openingWords are words that open a sentence before a name in the
// languages storyline meets most and that text.IsStopWord does not list:
// prepositions, sentence adverbs and pronouns ("Laut", "Environ", "Según",
// "Ella"), lower case. Each was read glued to a name on the session 39
// pages (German, French, Spanish news).
var openingWords = toSet(`laut seit doch während dort denn zudem bereits selbst jetzt heute gestern morgen
environ certes selon après avant depuis aussi ainsi alors enfin merci à
según tras además entonces ella él ellos ellas también incluso
inoltre secondo dopo anche
также после однако
dein deine deiner deines deinem deinen sein seine seiner seines seinem seinen unser unsere unserer unseres unserem unseren
euer eure dieser diese dieses diesem diesen jener jene jenes deren dessen weitere weiteren`)

// withoutLeadingFunctionWords cuts the function words a mention that opens
// a sentence starts with, elided articles ("L’", "D’", "C’est") too (a
// capitalised article inside a sentence belongs to the name: "selon Le
// Monde"); false when nothing of a name is left or the mention is one
// function word.
func withoutLeadingFunctionWords(t string, m mention) (mention, bool) {
	written := m.offset >= 0 && m.end <= len(t) && strings.HasPrefix(t[m.offset:m.end], m.name)
	if !strings.Contains(m.name, " ") && isFunctionWord(m.name) {
		return m, false // "Ella", "Para", "Environ": a capitalised function word opening a sentence
	}
	if !written || !opensSentence(t[:m.offset]) {
		return m, true // inside a sentence a capitalised article is part of the name ("selon Le Monde")
	}
	name := m.name
	for {
		word, rest, _ := strings.Cut(name, " ")
		cut := 0
		switch {
		case rest != "" && isFunctionWord(word):
			cut = len(word) + 1
		case elidedArticle(word) > 0:
			cut = elidedArticle(word)
			if isFunctionWord(word[cut:]) && rest != "" {
				cut = len(word) + 1
			}
		}
		if cut == 0 {
			break
		}
		name = strings.TrimLeft(name[cut:], " ")
		if name == "" {
			return m, false
		}
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return m, false
		}
	}
	if written {
		m.offset += len(m.name) - len(name) // name is what is left at the end of m.name
	}
	m.name = name
	return m, true
}

// opensSentence reports whether text ending as before is at a sentence's
// start: nothing before, or a sentence mark, line break, colon or opening
// quotation mark, with spaces between.
func opensSentence(before string) bool {
	b := strings.TrimRight(before, " \t\u00a0")
	if b == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(b)
	return strings.ContainsRune(".!?:;\n\"«„“”‘’'(—–-…", r)
}

// isFunctionWord reports whether a written word is a function word of one
// of the languages text.IsStopWord knows or an opening word.
func isFunctionWord(w string) bool {
	l := strings.ToLower(w)
	return text.IsStopWord(l) || openingWords[l]
}

// elidedArticle returns the length of an elided article or pronoun that
// starts a word ("L’" of "L’ONG", "D’" of "D’Alger", "C’" of "C’est"),
// apostrophe included; 0 when none.
func elidedArticle(w string) int {
	for _, ap := range []string{"’", "'"} {
		if i := strings.Index(w, ap); i > 0 && i <= 2 && i+len(ap) < len(w) {
			switch strings.ToLower(w[:i]) {
			case "l", "d", "c", "j", "s", "n", "qu", "m", "t":
				return i + len(ap)
			}
		}
	}
	return 0
}

// germanDeterminers are the articles, contractions, possessives and
// demonstratives that stand before a German common noun ("die Hilfe", "im
// Jahr", "seine Reisen"), lower case.
var germanDeterminers = toSet(`der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen
im am zum zur vom beim ins ans aufs durchs fürs
mein meine meiner meines meinem meinen dein deine sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren
unser unsere unserer unseres unserem unseren euer eure dieser diese dieses diesem diesen jener jene jenes jedem jeden jede jeder
welche welcher welches alle allen viele vielen mehrere einige`)

// germanNounEndings are endings that make German common nouns (the
// abstract and collective nouns news writes most: "Teuerung", "Freiheit",
// "Wissenschaft", "Simulationen", "Ergebnis") and no names of people or
// places in the name lexicon's German entries.
var germanNounEndings = []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
	"sion", "sionen", "tät", "täten", "ismus", "nis", "nisse", "tum", "tümer", "chen", "ment", "mente", "ierung"}

// germanNames keeps the mentions of a German text that are names: German
// capitalises every noun, so a run of capitalised words is a name only when
// one of its words is vouched for (nameVouched: the name lexicon, an acronym,
// a digit), or is a word of a name so kept, or, for a name of two or more
// words, one word the text never writes after a determiner nor with a
// common noun's ending ("Hendryk Bockelmann"). A single unvouched word
// ("Hilfe", "Jahr", "Zähne") is a common noun.
func germanNames(t string, ms []mention) []mention {
	nouns := wordsAfterDeterminers(t)
	vouched := map[string]bool{}
	keep := make([]bool, len(ms))
	for i := range ms {
		var phrase bool
		ms[i], phrase = lastNamePart(t, ms[i], nouns)
		keep[i] = germanName(strings.Fields(ms[i].name), nouns) && !phrase || phrase && anyVouched(ms[i].name)
		if keep[i] {
			for _, w := range strings.Fields(ms[i].name) {
				if !isFunctionWord(w) {
					vouched[strings.ToLower(w)] = true
				}
			}
		}
	}
	out := ms[:0:0]
	for i, m := range ms {
		if !keep[i] {
			for _, w := range strings.Fields(m.name) {
				if vouched[strings.ToLower(w)] && !nouns[strings.ToLower(w)] {
					keep[i] = true
				}
			}
		}
		if keep[i] {
			out = append(out, m)
		}
	}
	return out
}

// germanName reports whether the words of a German mention make a name:
// one word vouched for (nameVouched), or a last word, or two words, that
// are no common nouns by the text (unknownCapital).
func germanName(ws []string, nouns map[string]bool) bool {
	unknown := 0
	for _, w := range ws {
		if nameVouched(w) {
			return true
		}
		if unknownCapital(w, nouns) {
			unknown++
		}
	}
	return len(ws) > 1 && (unknown >= 2 || unknownCapital(ws[len(ws)-1], nouns))
}

// unknownCapital reports whether a capitalised word is no common noun by
// what the text shows: never written after a determiner, without a common
// noun's ending, no function word.
func unknownCapital(w string, nouns map[string]bool) bool {
	return isCapitalised(w) && !nouns[strings.ToLower(w)] && !hasNounEnding(w) && !isFunctionWord(w)
}

// germanConnectors join a German noun to the name or noun it governs
// ("Präsentation der F13", "Maßnahmepaket von Innenministerin Nancy
// Faeser"); the English recogniser reads such a run as one name.
var germanConnectors = toSet(`der des den dem von vom zur zum für im am bei beim`)

// lastNamePart cuts a German mention after its last connector when the
// part after it is a name by itself ("Präsentation der F13" is "F13");
// "van der", "de la" and the like inside a name are no connectors. phrase
// is true when the part after the connector is no name: the mention is a
// noun phrase ("Integration von Asylbewerbern") unless a word of it is
// vouched for.
func lastNamePart(t string, m mention, nouns map[string]bool) (_ mention, phrase bool) {
	ws := strings.Fields(m.name)
	if m, ok := genitiveAfterNouns(t, m, ws, nouns); ok {
		return m, false
	}
	for i := len(ws) - 2; i >= 1; i-- {
		if !germanConnectors[ws[i]] || innerParticles[strings.ToLower(ws[i-1])] {
			continue
		}
		if !germanName(ws[i+1:], nouns) {
			return m, true
		}
		tail := strings.Join(ws[i+1:], " ")
		if at := strings.LastIndex(m.name, tail); at >= 0 {
			if m.offset >= 0 && m.end <= len(t) && strings.HasPrefix(t[m.offset:m.end], m.name) {
				m.offset += at
			}
			m.name = m.name[at:]
		}
		return m, false
	}
	return m, false
}

// genitiveAfterNouns cuts a German mention of common nouns followed by a
// country's genitive to the country ("Hauptstadt Frankreichs" is
// Frankreich, "Wirtschaft Irans" Iran): the recogniser, reading English,
// takes the capitalised run for a name. The nouns are the text's (written
// after a determiner, as "die Hauptstadt"). Session 41.
func genitiveAfterNouns(t string, m mention, ws []string, nouns map[string]bool) (mention, bool) {
	if len(ws) < 2 {
		return m, false
	}
	stem := genitiveCountry("de", ws[len(ws)-1])
	if stem == "" {
		return m, false
	}
	for _, w := range ws[:len(ws)-1] {
		if !nouns[strings.ToLower(w)] {
			return m, false
		}
	}
	at := strings.LastIndex(m.name, ws[len(ws)-1])
	if m.offset >= 0 && m.end <= len(t) && strings.HasPrefix(t[m.offset:m.end], m.name) {
		m.offset += at
		m.end = m.offset + len(stem)
	}
	m.name, m.kind = stem, news.Place
	return m, true
}

// anyVouched reports whether a word of a name is vouched for (nameVouched).
func anyVouched(name string) bool {
	for _, w := range strings.Fields(name) {
		if nameVouched(w) {
			return true
		}
	}
	return false
}

// innerParticles are the particles before "der", "den" inside a name
// ("Van der Bellen", "von der Leyen").
var innerParticles = toSet(`van von vander ter`)

// nameVouched reports whether a written word is a name by itself: an
// acronym ("FPÖ", "DKRZ"), a word with a digit ("F13") or an inner capital
// ("McKinsey"), or one the name lexicon lists as a person's name, a place
// or an organisation.
func nameVouched(w string) bool {
	w = strings.Trim(w, ".,;:!?()[]\"'„“”‚‘’«»")
	if w == "" || isFunctionWord(w) {
		return false
	}
	if isAcronym(w) || strings.IndexAny(w, "0123456789") >= 0 {
		return true
	}
	rs := []rune(w)
	for _, r := range rs[1:] {
		if unicode.IsUpper(r) {
			return true
		}
	}
	l := strings.ToLower(w)
	lex := names()
	for _, class := range []string{"first", "last", "person", "city", "country", "region", "place", "org"} {
		if lex.has(l, class) {
			return true
		}
	}
	return knownPlace(l)
}

// wordsAfterDeterminers returns the lower-case words a text writes right
// after a German determiner ("die Hilfe" gives "hilfe"): common nouns.
func wordsAfterDeterminers(t string) map[string]bool {
	out := map[string]bool{}
	ws := text.Words(t)
	for i := 1; i < len(ws); i++ {
		if germanDeterminers[strings.ToLower(ws[i-1])] && isCapitalised(ws[i]) {
			out[strings.ToLower(ws[i])] = true
		}
	}
	return out
}

// hasNounEnding reports whether a word ends as German common nouns do
// (germanNounEndings).
func hasNounEnding(w string) bool {
	l := strings.ToLower(w)
	for _, e := range germanNounEndings {
		if strings.HasSuffix(l, e) && len(l) > len(e)+2 {
			return true
		}
	}
	return false
}

// isCapitalised reports whether a word starts with a capital letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
