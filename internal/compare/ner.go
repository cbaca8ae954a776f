package compare

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// This file finds the candidate names of an article (runs of capitalised
// words, with leading function words and people's titles cut off) and
// describes each by the features the entity model weighs: its words, their
// shape, its neighbours, the lexicon's classes and what the rest of the
// article says of the same words.

// nameToken is a word of the article with its byte offsets in the text.
type nameToken struct {
	word       string // as written, a trailing period and possessive cut
	start, end int
}

// candidate is a run of capitalised words that may name an entity.
type candidate struct {
	toks       []nameToken
	start, end int    // byte offsets of the name in the article text
	text       string // the name as written
	title      string // a person's title cut from before it ("president"), lower case
	prev       string // the lower-case word before the name (before its title), "" at the sentence start
	next       string // the lower-case word after it, "" at the sentence end
	prevPunct  string // punctuation right before the name (or its title): "(", ",", "“"
	nextPunct  string // punctuation right after the name
	initial    bool   // the run opens its sentence or a quotation
	cutLeading bool   // a capitalised function word was cut from its front ("But Trump")
}

// functionWords are capitalised only at the start of a sentence; cut from
// the front of a run, they are never part of a name ("But Mr", "While I",
// "Among Mrs", "So I").
var functionWords = toSet(`a an the and but or nor so yet for if while when whenever where whereas after before since until
as because although though unless once then there here this that these those his her its their our my your we i you he she
it they them us me among amid between despite during without within with by from into onto of at in on to about against
under over through across like unlike per via what which who whom whose why how whether not no yes also even only still
just now today tonight yesterday tomorrow meanwhile however moreover instead indeed perhaps maybe both either neither each
every all some many most few several any another such other more less some asked according earlier later last next
first second third finally overall still according dear please thanks thank hi hello well oh`)

// personTitleWords stand before a person's name and are not part of it
// ("President", "Sen.", "Attorney General", "House Speaker").
var personTitleWords = toSet(`pres president vice whip prime minister ambassador mr mrs ms miss messrs dr prof sir dame gen general sen
sens senator senators rep reps representative representatives gov governor mayor chancellor king queen prince princess
pope judge justice secretary spokesperson spokesman spokeswoman chief ceo chairman chairwoman chair director commander
colonel col captain capt lt lieutenant sgt sergeant trooper corporal cpl officer deputy envoy diplomat former lord lady saint herr frau
monsieur madame councillor councilor councilman councilwoman alderman mp mep professor doctor coach manager founder
co-founder owner leader analyst economist premier speaker attorney lawyer detective inspector constable rev reverend
pastor bishop cardinal rabbi imam sheikh adm admiral maj major cmdr commissioner superintendent sheriff treasurer
comptroller auditor delegate congressman congresswoman assemblyman assemblywoman candidate nominee sultan emir
journalist columnist commentator anchor host reporter author writer activist strategist pollster consultant
ayatollah chairperson gov. cong atty asst first-lady counsel adviser advisor aide presidents msgr monsignor`)

// nameConnectors may stand inside a name between capitalised words: "Bank
// of England", "Ministry for Foreign Affairs", "Osama bin Laden".
var nameConnectors = toSet(`of for de del della der den da di du van von la le al bin ibn y`)

// calendarWords are capitalised but name no entity.
var calendarWords = toSet(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`)

// candidatesOf finds the candidate names of a text, sentence by sentence,
// with offsets into text. Paragraphs are separated by newlines. A first
// line in title case, the headline ("Glenn Beck Rips Progressivism at
// CPAC"), where capitals say nothing of names, gives only the names the rest
// of the text gives. (Lines further down in title case are bylines and
// credits, whose capitals are names.)
func candidatesOf(t string) []candidate {
	var out []candidate
	var headlines [][2]int
	for start := 0; start < len(t); {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		para := t[start:end]
		if start == 0 && isTitleCase(para) {
			headlines = append(headlines, [2]int{start, end})
			start = end + 1
			continue
		}
		pos := 0
		for _, s := range text.Sentences(para) {
			si := strings.Index(para[pos:], s) + pos
			pos = si + len(s)
			out = append(out, sentenceCandidates(t, start+si, s)...)
		}
		start = end + 1
	}
	if len(headlines) == 0 {
		return out
	}
	known := map[string]bool{}
	for _, c := range out {
		known[strings.ToLower(c.text)] = true
	}
	for _, h := range headlines {
		for _, c := range sentenceCandidates(t, h[0], t[h[0]:h[1]]) {
			out = append(out, knownParts(t, c, known)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// knownParts returns the longest runs of a headline candidate's words that
// the body names, each a candidate of its own.
func knownParts(t string, c candidate, known map[string]bool) []candidate {
	var out []candidate
	for i := 0; i < len(c.toks); {
		found := false
		for j := len(c.toks); j > i; j-- {
			start, end := c.toks[i].start, c.toks[j-1].end
			if known[strings.ToLower(t[start:end])] {
				part := c
				part.toks, part.start, part.end, part.text = c.toks[i:j], start, end, t[start:end]
				out = append(out, part)
				i, found = j, true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// isTitleCase reports whether a line is a headline in title case: three or
// more words of four letters or more, nearly all capitalised, and not all
// in capitals. Four letters leave out the short words that title case
// keeps in lower case ("at", "of", "and").
func isTitleCase(line string) bool {
	long, capital, lower := 0, 0, 0
	for _, w := range text.Words(line) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			lower++
		}
		if utf8.RuneCountInString(w) < 4 || !unicode.IsLetter(r) {
			continue
		}
		long++
		if unicode.IsUpper(r) && strings.ToUpper(w) != w {
			capital++
		}
	}
	return long >= 3 && float64(capital) >= titleCaseShare*float64(long) && lower <= long/3
}

// titleCaseShare is the share of a line's long words that must be
// capitalised for it to be a headline; a sentence of running text with many
// names ("Fox News host Glenn Beck blamed ...") stays well below it.
const titleCaseShare = 0.8

// sentenceCandidates finds the candidates of one sentence, which starts at
// byte base of the article text t.
func sentenceCandidates(t string, base int, sentence string) []candidate {
	raw := tokensOf(sentence)
	toks := make([]nameToken, len(raw))
	for i, r := range raw {
		toks[i] = nameToken{r.word, base + r.start, base + r.end}
	}
	gap := func(i int) string { // the text between token i-1 and token i
		if i == 0 {
			return t[base:toks[0].start]
		}
		return t[toks[i-1].end:toks[i].start]
	}
	var out []candidate
	for i := 0; i < len(toks); {
		if !isNameWord(toks[i].word) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if w := toks[j-1].word; strings.HasSuffix(w, ".") && !abbreviatesBefore(strings.TrimSuffix(w, "."), toks[j].word) {
				break // "... hurt the U.S. Donald Trump said": an initialism token keeps its period
			}
			g := strings.TrimSpace(gap(j))
			if toks[j-1].word == "US" && functionWords[strings.ToLower(toks[j].word)] {
				break // "the former US First Lady": a function word after "US" opens the next run, as after "U.S."
			}
			if possessiveInName(g, toks, j) {
				j++
				continue // "People's Liberation Army", "Women's Tennis Association": one name
			}
			if g != "" && g != "&" && !(g == "." && abbreviatesBefore(toks[j-1].word, toks[j].word)) {
				break
			}
			if isNameWord(toks[j].word) || elidedPlacePart(t, toks, i, j) {
				j++
				continue
			}
			// Connectors, one or more ("Bank of England", "Ursula von der
			// Leyen"), between capitalised words.
			c := j
			for c < len(toks) && isConnector(toks[c].word) && strings.TrimSpace(gap(c)) == "" {
				c++
			}
			if c > j && c < len(toks) && isNameWord(toks[c].word) && strings.TrimSpace(gap(c)) == "" {
				j = c + 1
				continue
			}
			if joinsOrgName(toks, i, j, gap) {
				j += 2 // "Ways and Means Committee", "Department of Housing and Urban Development"
				continue
			}
			break
		}
		initial := i == 0 || strings.ContainsAny(gap(i), "“\"‘:—")
		// A run longer than any name is a line in capitals or a list,
		// not a name: it gives no candidate.
		if j-i <= maxRunWords {
			out = append(out, splitRun(t, toks, i, j, initial, gap)...)
		}
		i = j
	}
	return out
}

// joinsOrgName reports whether "and" at toks[j] joins the two halves of
// one organisation's name after the capitalised words toks[i:j]:
// "Department of Housing and Urban Development" (an organisation's word
// and "of" before, none after), "House Ways and Means Committee" (a plain
// English word before, among the 5,000 most frequent of GloVe's
// vocabulary as in commonOpener, and words ending with an organisation's
// word after).
// Two names joined by "and" ("House and Senate", "Apple and American
// Airlines", "FBI and National Security Agency", "School of Foreign Service
// and School of Nursing") are not joined: a name, an acronym or an
// organisation's word on either side keeps them apart.
func joinsOrgName(toks []nameToken, i, j int, gap func(int) string) bool {
	if j+1 >= len(toks) || toks[j].word != "and" || !isNameWord(toks[j+1].word) || strings.TrimSpace(gap(j)) != "" ||
		strings.TrimSpace(gap(j+1)) != "" {
		return false
	}
	end := j + 1
	for end < len(toks) && isNameWord(toks[end].word) && strings.TrimSpace(gap(end)) == "" {
		end++
	}
	after := toks[j+1 : end]
	for _, tk := range after {
		if tk.word == "of" || isAcronym(tk.word) {
			return false
		}
	}
	firstAfter := strings.ToLower(after[0].word)
	if orgWords[firstAfter] || isTitle(after[0].word) || nameListed(firstAfter) {
		return false
	}
	if orgWords[strings.ToLower(toks[i].word)] && slices.ContainsFunc(toks[i+1:j], func(tk nameToken) bool { return tk.word == "of" }) {
		return true
	}
	before := strings.ToLower(toks[j-1].word)
	if !orgWords[strings.ToLower(after[len(after)-1].word)] || orgWords[before] || isAcronym(toks[j-1].word) || nameListed(before) {
		return false
	}
	r, ok := wordvec.Rank(before)
	return ok && r < commonSurnameRank && !partyAdjectives[strings.TrimSuffix(before, "s")] &&
		!knownPlace(strings.ToLower(joinWords(after)))
}

// nameListed reports whether the name lexicon lists a lower-case word as
// (part of) a person's, place's or organisation's name, or a demonym.
func nameListed(w string) bool {
	for _, c := range names()[w] {
		switch c {
		case "first", "last", "person", "org", "demonym", "city", "country", "region", "place":
			return true
		}
	}
	return false
}

// isAcronym reports whether a word of two or more letters is in capitals
// ("FBI", "ABC").
func isAcronym(w string) bool {
	return utf8.RuneCountInString(w) > 1 && w == strings.ToUpper(w)
}

// isConnector reports whether a word joins the words of a name: "of",
// "von", and in a name in capitals "OF" and "AND" ("OFFICE OF MANAGEMENT AND
// BUDGET").
func isConnector(w string) bool {
	if nameConnectors[w] {
		return true
	}
	lw := strings.ToLower(w)
	return w == strings.ToUpper(w) && (nameConnectors[lw] || lw == "and")
}

// abbreviates reports whether a word before a period is an initial or an
// abbreviated title, which the name goes on after: "Donald J. Trump",
// "Sen. Ted Cruz", "St. Louis", "A.J. Smith".
func abbreviates(w string) bool {
	return initials(w) || isTitle(w) || w == "St" || w == "Ft" || w == "Mt" || w == "Jr" || w == "Sr"
}

// abbreviatesBefore reports whether the period after w ends no sentence,
// next being the word after it: always after an initial or an abbreviated
// title (abbreviates), but initials of several letters only when next is
// no first name the lexicon lists, as a name opens the next sentence there
// ("... will hurt the U.S. Donald Trump said"), while a surname or the
// rest of a name goes on ("A.J. Kowalski", "U.S. Supreme Court").
func abbreviatesBefore(w, next string) bool {
	if (w == "No" || w == "no" || w == "Nos") && next != "" && next[0] >= '0' && next[0] <= '9' {
		return true // "The No. 3 Republican", "No. 10 Downing Street": a number's sign
	}
	if w == "Del" {
		return isFirstName(strings.Trim(next, ",.;:“\"")) // "said Del. Stacey Plaskett", not "Dover, Del. The vote"
	}
	if strings.Contains(w, ".") && initials(w) && isFirstName(strings.Trim(next, ",.;:“\"")) {
		return false
	}
	return abbreviates(w)
}

// initials reports whether w is one capital letter or several joined by
// periods ("J", "A.J", "U.S"): the period after it ends no sentence.
func initials(w string) bool {
	for i, part := range strings.Split(w, ".") {
		r, size := utf8.DecodeRuneInString(part)
		if size != len(part) || !unicode.IsUpper(r) || i >= maxInitials {
			return false
		}
	}
	return true
}

// maxInitials is the most letters a run of initials has ("J.R.R.T",
// "U.S.A"): a person's or a country's; longer ones are rare and are the
// acronyms of organisations, after which a period may end a sentence.
const maxInitials = 4

// maxRunWords is the longest run of capitalised words read as names: with
// its titles, a name rarely runs past ten words ("Former Secretary of State
// Hillary Rodham Clinton", "International Association of Chiefs of
// Police"); longer runs are headlines and lists.
const maxRunWords = 12

// isNameWord reports whether a word may be part of a name: it begins with
// a capital letter.
func isNameWord(w string) bool {
	if w == "I" || strings.HasPrefix(w, "I’") || strings.HasPrefix(w, "I'") {
		return false // the pronoun, and "I’d", "I'm"
	}
	return (text.IsUpperInitial(w) || particleName(w)) && !isContraction(w) // "We’re", "Don't", "They'll" open sentences; no name ends so
}

// isContraction reports whether a word ends with a contracted verb or
// "not": "We’re", "Don't", "You'll", "They’ve".
func isContraction(w string) bool {
	for _, a := range []string{"'", "’"} {
		i := strings.LastIndex(w, a)
		if i < 0 {
			continue
		}
		switch tail := w[i+len(a):]; {
		case strings.EqualFold(tail, "re"), strings.EqualFold(tail, "ll"), strings.EqualFold(tail, "ve"), strings.EqualFold(tail, "m"):
			return true
		case strings.EqualFold(tail, "t") && i > 0 && (w[i-1] == 'n' || w[i-1] == 'N'):
			return true
		}
	}
	return false
}

// elidedPlacePart reports whether toks[j], a word opened by an elided
// "d’" ("d’Ivoire"), ends with the words toks[i:j] before it a place the
// gazetteer knows ("Côte d’Ivoire"): a name of a French shape that English
// text writes too. Only so: in French text "d’Alan Moore" is "of Alan
// Moore", and "Quai d’Orsay" a ministry (session 41, read on the
// extraction sets' French gold text).
func elidedPlacePart(t string, toks []nameToken, i, j int) bool {
	w := toks[j].word
	rest, ok := strings.CutPrefix(w, "d'")
	if !ok {
		rest, ok = strings.CutPrefix(w, "d’")
	}
	if !ok || !text.IsUpperInitial(rest) {
		return false
	}
	return places().places[strings.ToLower(t[toks[i].start:toks[j].end])] != ""
}

// particleName reports whether a word is a surname with a particle written
// in lower case before a capital: "diGenova", "deBlasio", "McDonald" aside,
// and Arabic surnames with their article and a hyphen ("al-Hakim",
// "el-Masri"), which were cut from the given name before them ("Ahmad
// al-Hakim" gave "Ahmad"; duc2003, session 38).
func particleName(w string) bool {
	for _, p := range []string{"di", "de", "da", "du", "van", "von", "le", "la", "al-", "el-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// splitRun turns the run toks[i:j] into candidates: capitalised function
// words and titles are cut from its front, a title inside it separates what
// comes before ("House Speaker Nancy Pelosi": "House", then "Nancy Pelosi"
// with the title "speaker"), and days and months are cut from its end.
func splitRun(t string, toks []nameToken, i, j int, initial bool, gap func(int) string) []candidate {
	var out []candidate
	k := i
	cut := false
	lowered := sentenceLowered(toks)
	for k < j && (functionWord(toks[k].word, lowered) || calendarWords[strings.ToLower(toks[k].word)] ||
		leadingQualifiers[strings.ToLower(toks[k].word)] || k == i && initial && j-k > 1 && isCommonGerund(toks[k].word) ||
		k == i && initial && j-k > 2 && commonOpener(toks, k) ||
		k == i && initial && j-k > 2 && partitiveOpener(toks, k) ||
		j-k > 1 && controlledBy(toks[k].word) ||
		j-k > 2 && partyAdjectives[strings.ToLower(toks[k].word)] && isFirstName(toks[k+1].word) ||
		j-k == 2 && partyAdjectives[strings.ToLower(toks[k].word)] && legislatures[strings.ToLower(toks[k+1].word)]) {
		k++
		cut = true
	}
	title := ""
	// "Secretary of the Interior Ryan Zinke": the lower-case "the" ends
	// the title's run, so the department opens this one; it is the
	// title's, not the name's, when a first name follows (review s8b; not
	// "director of the National Economic Council").
	if k < j-1 && titleComplements[strings.ToLower(toks[k].word)] && afterTitleOfThe(t[:toks[k].start]) {
		switch {
		case isFirstName(toks[k+1].word):
			k++
			cut = true
		case k < j-2 && complementTails[strings.ToLower(toks[k+1].word)] && isFirstName(toks[k+2].word):
			k += 2 // "Secretary of the Air Force Frank Kendall"
			cut = true
		}
	}
	// "chairman of the Joint Chiefs of Staff Colin Powell": after a title,
	// "of" and "the", the words before a first name that has a surname
	// after it are the title's organisation, a name of its own, and the
	// person is named after them.
	if f := titleOrgEnd(t, toks, k, j); f > k {
		out = append(out, makeCandidate(t, toks, k, f, "", false, false, gap))
		k, cut = f, true
	}
	for k < j-1 && isTitle(toks[k].word) {
		title = strings.ToLower(strings.TrimSuffix(toks[k].word, "."))
		k++
		k = titleComplement(toks, k, j)
	}
	k, title = afterOccupation(toks, afterProTem(toks, k, j, title), j, title)
	// A title inside the run, with a name after it, splits the run.
	for m := j - 2; m > k; m-- {
		if !isTitle(toks[m].word) || surnameTitle(toks, m) || placeOnlyAfter(toks, m+1, j) {
			// After a first name a title word is a surname ("Martin Luther
			// King Jr."), and so is one followed only by "of" and a place
			// ("Sen. Angus King of Maine"): a title inside a run has a
			// name after it.
			continue
		}
		first := m
		for first > k && (isTitle(toks[first-1].word) || isConnector(toks[first-1].word) || titleQualifiers[strings.ToLower(toks[first-1].word)] ||
			partyAdjectives[strings.ToLower(toks[first-1].word)]) {
			first-- // "Senate Minority Leader", "White House Press Secretary"
		}
		if first > k {
			out = append(out, makeCandidate(t, toks, k, first, title, initial && !cut, cut, gap))
		}
		title, k = strings.ToLower(toks[m].word), titleComplement(toks, m+1, j)
		k, title = afterOccupation(toks, afterProTem(toks, k, j, title), j, title)
		initial, cut = false, false
		break
	}
	for j > k && calendarWords[strings.ToLower(toks[j-1].word)] && !monthSurname(t, toks, k, j) {
		j--
	}
	// "the California Democratic delegation": a party adjective that ends
	// the run qualifies what follows it, not the name before it.
	for j-k > 1 && partyAdjectives[strings.ToLower(toks[j-1].word)] && strings.ToLower(toks[j-1].word) != "gop" {
		j--
	}
	// A place the gazetteer knows, run together with a name of two or more
	// words that holds no organisation's word ("in London Boris Johnson
	// said"), is two names.
	if at := placePrefix(toks[k:j]); at > 0 {
		out = append(out, makeCandidate(t, toks, k, k+at, title, initial && !cut && title == "", cut, gap))
		k, title, initial, cut = k+at, "", false, false
	}
	// "Lisa Murkowski of Alaska", "Bronislaw Komorowski of Poland": a
	// person's name, "of", and a place the gazetteer knows, when nothing
	// before "of" names an organisation ("Bank of England" stays whole).
	if at := personOfPlace(toks[k:j]); at > 0 {
		if at > 1 || !partyWords[strings.ToLower(toks[k].word)] {
			out = append(out, makeCandidate(t, toks, k, k+at, title, initial && !cut && title == "", cut, gap))
		}
		k, title, initial, cut = k+at+1, "", false, false
	}
	// "George Stephanopoulos of ABC News", "Jane Roe of Calder Valley News":
	// a first name and a surname, "of", and an organisation's name are a
	// person and where she works, not one organisation.
	if at := personOfOrg(toks[k:j]); at > 0 {
		out = append(out, makeCandidate(t, toks, k, k+at, title, initial && !cut && title == "", cut, gap))
		k, title, initial, cut = k+at+1, "", false, false
	}
	// A lone letter ("R" of "(R-Wyo.)") names no one.
	if k < j && !(j-k == 1 && (isTitle(toks[k].word) && title == "" || functionWord(toks[k].word, lowered) || utf8.RuneCountInString(toks[k].word) == 1)) {
		out = append(out, makeCandidate(t, toks, k, j, title, initial && !cut && title == "", cut, gap))
	}
	return out
}

// functionWord reports whether a capitalised word of a run is one of the
// functionWords, cut from a name. "US" written in capitals in a sentence
// that has lower-case words ("doses for people in the US", "the US and
// China") is the country, as "U.S." is, not the pronoun: the pronoun is
// written so only in a line in capitals ("JOIN US"). The story files write
// "US" about 900 times (allsides_train 759, allsides_val 104; after "the"
// 290 times), and every one was lost; conllpp2020 never writes it.
func functionWord(w string, lowered bool) bool {
	if w == "US" && lowered {
		return false
	}
	return functionWords[strings.ToLower(w)]
}

// sentenceLowered reports whether a sentence's words hold a lower-case
// letter, that is, whether it is not written all in capitals.
func sentenceLowered(toks []nameToken) bool {
	return slices.ContainsFunc(toks, func(tk nameToken) bool { return strings.ContainsFunc(tk.word, unicode.IsLower) })
}

// monthSurname reports whether the month that ends the run toks[k:j] is a
// surname ("Theresa May", "Brian May", "Elizabeth May", "Rodney March"):
// it is a month's full name, not a weekday's or an abbreviation, it follows
// a listed first name, and no figure follows it ("Ingrid May 5" is read as
// a first name and a date). Cut as a month, "Prime Minister Theresa May"
// was read "Theresa", the first name alone (review s23-rev2): in session
// 24, 33 articles of BASIL, allsides_train and newswcl50 so, all joined
// right, and no other name ending with a month was made.
func monthSurname(t string, toks []nameToken, k, j int) bool {
	if j-k < 2 || !fullMonths[strings.ToLower(toks[j-1].word)] || !isFirstName(toks[j-2].word) {
		return false
	}
	return !numberAfter(t[toks[j-1].end:])
}

// fullMonths are the months written out, the calendar words that are also
// surnames and given names; weekdays and abbreviations ("Jan") are not
// taken for a surname.
var fullMonths = toSet(`january february march april may june july august september october november december`)

// titleComplement skips the "of State" of a title ("Secretary of State
// Hillary Clinton", "Chief of Staff Rahm Emanuel"): from k, right after the
// title, a connector and the one word after it belong to the title when
// that word is a department or staff, or a first name follows. It returns where the name starts.
func titleComplement(toks []nameToken, k, j int) int {
	c := k
	for c < j && isConnector(toks[c].word) {
		c++
	}
	if c == k {
		return k
	}
	if c+2 < j && titleComplements[strings.ToLower(toks[c].word)] && complementTails[strings.ToLower(toks[c+1].word)] {
		return c + 2 // "Secretary of Homeland Security Kirstjen Nielsen", "Director of National Intelligence Dan Coats"
	}
	if c+1 < j && (titleComplements[strings.ToLower(toks[c].word)] || isFirstName(toks[c+1].word)) {
		return c + 1 // "of State", then the name
	}
	return c // "CEO of World Wrestling Entertainment": an organisation follows
}

// afterTitleOfThe reports whether text ends in a title, "of" and "the"
// ("... Secretary of the ").
func afterTitleOfThe(before string) bool {
	ws := lastFields(before, 3)
	return len(ws) == 3 && ws[2] == "the" && ws[1] == "of" && isTitle(ws[0])
}

// firstFields returns the first n of strings.Fields(s) (fewer when s has
// fewer), reading s from its start: as lastFields, for the words right
// after a name, without splitting the rest of the text.
func firstFields(s string, n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// lastFields returns the last n of strings.Fields(s), in order (fewer when
// s has fewer), reading s from its end: callers ask about the words right
// before a name, and splitting the whole text before it, for every name,
// cost the square of an article's length.
func lastFields(s string, n int) []string {
	out := make([]string, 0, n)
	end := len(s)
	for len(out) < n {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		out = append(out, s[start:end])
		end = start
	}
	slices.Reverse(out)
	return out
}

// titleOrgEnd returns where a person's name starts inside the run
// toks[k:j] that follows a title, "of" and "the": at the last first name
// the lexicon lists with at least one word after it, past two or more
// words of the organisation and no title; k when there is none.
func titleOrgEnd(t string, toks []nameToken, k, j int) int {
	if j-k < 4 || !afterTitleOfThe(t[:toks[k].start]) {
		return k
	}
	for f := j - 2; f >= k+2; f-- {
		if !isFirstName(toks[f].word) || isConnector(toks[f-1].word) {
			continue
		}
		// "Board Mary Ann Smith", "Staff Mark Alexander Milley": a listed
		// first or middle name before f belongs to the person, not the org.
		for f-1 >= k+2 && isFirstName(toks[f-1].word) && !isConnector(toks[f-2].word) {
			f--
		}
		for _, tk := range toks[k:f] {
			if isTitle(tk.word) {
				return k // "... Army Gen. Mark Milley": the title splits the run
			}
		}
		return f
	}
	return k
}

// complementTails are the second words of two-word departments.
var complementTails = toSet(`security intelligence affairs force`)

// titleComplements complete a title after "of": the departments (and the
// armed services: "Secretary of the Navy", "of the Air Force") of a
// secretary, a chief's staff.
var titleComplements = toSet(`state staff defense defence treasury commerce labor labour energy justice interior agriculture
education transportation health homeland housing national veterans navy army air`)

// isFirstName reports whether the name lexicon gives a word as a person's
// first name.
func isFirstName(w string) bool {
	lw := strings.ToLower(w)
	return names().has(lw, "first") || names().has(lw, "male") || names().has(lw, "female")
}

// surnameTitle reports whether the title word toks[m] follows a first name
// and is written in full ("King", not "Rep."): a surname such as King,
// Bishop or Judge. An abbreviated title is never one ("North Carolina Rep.
// Bob Etheridge": Carolina is a first name too).
func surnameTitle(toks []nameToken, m int) bool {
	w := toks[m].word
	return m > 0 && isFirstName(toks[m-1].word) && !strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 3
}

// placeOnlyAfter reports whether toks[k:j] are "of" and a place the
// gazetteer or the lexicon knows, and nothing else.
func placeOnlyAfter(toks []nameToken, k, j int) bool {
	if j-k < 2 || !strings.EqualFold(toks[k].word, "of") {
		return false
	}
	words := make([]string, 0, j-k-1)
	for _, t := range toks[k+1 : j] {
		words = append(words, t.word)
	}
	return knownPlace(strings.ToLower(strings.Join(words, " ")))
}

// partyWords describe a politician before "of" and a state.
var partyWords = toSet(`democrat republican independent`)

// personOfPlace returns where "of" stands in a run such as "Lisa Murkowski
// of Alaska" (two or more words before it, none an organisation's word, a
// gazetteer place after it), and 0 otherwise.
func personOfPlace(toks []nameToken) int {
	for at := 1; at < len(toks)-1; at++ {
		if toks[at].word != "of" {
			continue
		}
		place := strings.ToLower(joinWords(toks[at+1:]))
		if places().places[place] == "" && !names().has(place, "region") && !names().has(place, "country") && !names().has(place, "city") &&
			!genericPlace(toks[at+1:]) { // "Sheriff Adam Hayward of Deuel County"
			return 0
		}
		for _, tk := range toks[:at] {
			lw := strings.ToLower(tk.word)
			if orgWords[lw] || names().has(lw, "orgword") || placeWords[lw] || placeHeads[lw] {
				return 0
			}
		}
		// One word before "of" is a party ("Democrat of Massachusetts"),
		// not a name; two or more are a name.
		if at == 1 && !partyWords[strings.ToLower(toks[0].word)] {
			return 0
		}
		return at
	}
	return 0
}

// personOfOrg returns where "of" stands in a run such as "George
// Stephanopoulos of ABC News": two or three words before it that are
// shaped like a person's name (personShaped: a first name, perhaps an
// initial, a surname), and after it two or more words, one of them an
// organisation's word ("News", "University", "Committee"); 0 otherwise.
// "Bank of America", "Duke of Edinburgh" and "University of Chicago" have
// no person's name before "of".
func personOfOrg(toks []nameToken) int {
	for at := 2; at <= 3 && at < len(toks)-2; at++ {
		if toks[at].word != "of" || !personShaped(toks[:at]) {
			continue
		}
		if endsWithOrgWord(toks[at+1:]) || slices.ContainsFunc(toks[at+1:], func(tk nameToken) bool {
			lw := strings.ToLower(tk.word)
			return orgWords[lw] || names().has(lw, "orgword")
		}) {
			return at
		}
	}
	return 0
}

// placePrefix returns how many words of a run name a place the gazetteer
// knows when two or more words follow that hold no organisation's word, and 0
// otherwise. A country's initialism ("US", "UK", "UAE") qualifies the words
// after it, as "U.S." does, and is no prefix: "US Geological Survey", "UK
// Border Force" are one organisation each.
func placePrefix(toks []nameToken) int {
	for at := min(len(toks)-2, 4); at >= 1; at-- { // places run to four words ("Rio de Janeiro")
		if places().places[strings.ToLower(joinWords(toks[:at]))] == "" || at == 1 && isAcronym(toks[0].word) {
			continue
		}
		for _, tk := range toks[at:] {
			if orgWords[strings.ToLower(tk.word)] || names().has(strings.ToLower(tk.word), "orgword") {
				return 0
			}
		}
		return at
	}
	return 0
}

func joinWords(toks []nameToken) string {
	ws := make([]string, len(toks))
	for i, tk := range toks {
		ws[i] = tk.word
	}
	return strings.Join(ws, " ")
}

// partyAdjectives stand before a politician's name without being part of
// it: "Republican Linda McMahon", "Democrat Hillary Clinton".
var partyAdjectives = toSet(`republican democrat democratic independent gop libertarian`)

// legislatures are the chambers a party adjective qualifies without being
// part of their name: "the Republican Senate", "a Democratic Congress".
var legislatures = toSet(`senate congress house legislature`)

// controlledBy reports whether a word is a hyphenated adjective of control
// or origin that qualifies the name after it: "GOP-controlled Congress",
// "Saudi-led coalition", "Iranian-backed Hezbollah".
func controlledBy(w string) bool {
	lw := strings.ToLower(w)
	for _, s := range []string{"-controlled", "-led", "-backed", "-based", "-owned", "-run", "-allied", "-aligned"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// afterOccupation skips an occupation written in capitals before a full
// name, anywhere in a sentence ("Billionaire Tom Steyer", "Chief Executive
// Mara Olsen" after the title "Chief", "Deputy Prosecutor Jan Holt"): the
// occupation describes the person and is no part of the name. Only before
// a first name the lexicon lists with at least one more word after it, so
// a surname alone ("Billionaire Steyer") or an occupation that is a
// surname after a first name ("Peter Singer") is left as it was. commonOpener
// cuts such words only at a sentence start and only the 5,000 commonest
// (where "actor" is and "billionaire" is not). The occupation is the
// person's title when the run gave none, so "the comedian said" after
// "Comedian Ada Marsh" is still hers.
func afterOccupation(toks []nameToken, k, j int, title string) (int, string) {
	if j-k > 2 && occupationWords[strings.ToLower(toks[k].word)] && isFirstName(toks[k+1].word) {
		if title == "" {
			title = strings.ToLower(toks[k].word) // "the comedian said" after "Comedian Ada Marsh"
		}
		return k + 1, title
	}
	return k, title
}

// afterProTem skips "Pro Tem" or "Pro Tempore" right after a title with
// a name after it ("Senate President Pro Tem Dana Long"): the rest of the
// title, not the name (s31-q2: 4 speakers of the story files began "Pro
// Tem").
func afterProTem(toks []nameToken, k, j int, title string) int {
	if title == "" || j-k < 3 || !strings.EqualFold(toks[k].word, "pro") {
		return k
	}
	if w := strings.ToLower(strings.TrimSuffix(toks[k+1].word, ".")); w == "tem" || w == "tempore" {
		return k + 2
	}
	return k
}

// occupationWords are occupations that stand capitalised before a person's
// name in news without being titles (personTitleWords): read off the
// speakers of the story sets (s31-q2: "Billionaire", "Executive",
// "Prosecutor" opened 7 speakers' names) and completed with their kin.
var occupationWords = toSet(`billionaire millionaire rapper singer songwriter actor actress comedian businessman
businesswoman prosecutor executive tycoon magnate mogul entrepreneur filmmaker producer musician novelist poet
playwright philanthropist investor financier banker astronaut athlete quarterback golfer boxer chef designer
photographer scientist physicist economist historian`)

// leadingQualifiers open a run without being part of the name after them:
// "Outgoing White House economic adviser", "Incoming Senator ...".
var leadingQualifiers = toSet(`outgoing incoming acting interim embattled beleaguered veteran longtime retiring senior`)

// participleOpener reports whether a lone capitalised word that opens a
// sentence right before a preposition is an English participle, not a
// name: "Combined with $1.4 billion", "Compared to last year". It is a
// common gerund (isCommonGerund) or the like word in -ed, and the
// preposition follows with no punctuation between.
func participleOpener(c candidate) bool {
	if len(c.toks) != 1 || !c.initial || c.nextPunct != "" || !openerPrepositions[c.next] {
		return false
	}
	w := c.toks[0].word
	if isCommonGerund(w) {
		return true
	}
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "ed") && isCommonGerund(strings.TrimSuffix(lw, "ed")+"ing")
}

// openerPrepositions follow a participle that opens a sentence.
var openerPrepositions = toSet(`with to by in on at for from about after into as over under against`)

// isCommonGerund reports whether a word that opens a sentence is an
// English verb in -ing ("Diverting Pentagon funds"), not a name: the
// vectors know it and the name lexicon does not.
func isCommonGerund(w string) bool {
	lw := strings.ToLower(w)
	if !strings.HasSuffix(lw, "ing") || len(lw) < 6 {
		return false
	}
	if _, ok := wordvec.Rank(lw); !ok {
		return false
	}
	for _, class := range names()[lw] {
		if class != "orgword" && class != "placeword" {
			return false // "Reading", "Browning": names too
		}
	}
	return places().places[lw] == ""
}

// commonOpener reports whether toks[k], which opens a sentence before a
// first name, is a common English word the name lexicon does not list
// ("Actor George Takei", "FIRED Eric Cantor", "Meet Melania Trump"): a
// verb or a noun before the name, not part of it. Common is within the
// GloVe vocabulary's 5,000 most frequent words (commonSurnameRank), where
// "meet", "actor" and "fired" are; a place the two words name ("San
// Francisco") stays whole.
func commonOpener(toks []nameToken, k int) bool {
	w := toks[k].word
	lw := strings.ToLower(w)
	if k+1 >= len(toks) || !isFirstName(toks[k+1].word) || len(names()[lw]) > 0 || isTitle(w) ||
		knownPlace(lw+" "+strings.ToLower(toks[k+1].word)) {
		return false
	}
	r, ok := wordvec.Rank(lw)
	return ok && r < commonSurnameRank
}

// isTitle reports whether a word is a person's title, hyphenated ones
// ("President-elect", "ex-Minister", "Vice-Chairman") among them.
func isTitle(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if personTitleWords[lw] {
		return true
	}
	parts := strings.Split(lw, "-")
	if len(parts) < 2 {
		return false
	}
	titled := false
	for _, p := range parts {
		switch {
		case personTitleWords[p]:
			titled = true
		case !titleModifiers[p]:
			return false
		}
	}
	return titled
}

// titleQualifiers stand before a title inside a run and belong to it, not
// to the organisation before them: "Senate Minority Leader Chuck Schumer",
// "White House Press Secretary Sarah Sanders".
var titleQualifiers = toSet(`majority minority press assistant associate executive managing national senior chief general
judiciary intelligence armed appropriations foreign finance budget ranking`)

// titleModifiers join a title with a hyphen: "President-elect", "ex-Mayor",
// "Speaker-to-be".
var titleModifiers = toSet(`elect ex vice co acting deputy former designate general to be`)

// makeCandidate describes the name toks[k:j].
func makeCandidate(t string, toks []nameToken, k, j int, title string, initial, cut bool, gap func(int) string) candidate {
	for k < j-1 && isConnector(toks[k].word) { // "of State Jon Husted"
		k++
	}
	c := candidate{toks: toks[k:j], start: toks[k].start, end: toks[j-1].end, title: title, initial: initial, cutLeading: cut}
	c.text = t[c.start:c.end]
	before := k // the first word of the name with its titles
	for title != "" && before > 0 && (isTitle(toks[before-1].word) || isConnector(toks[before-1].word)) && strings.TrimSpace(gap(before)) == "" {
		before--
	}
	if before > 0 {
		c.prev = strings.ToLower(toks[before-1].word)
	}
	c.prevPunct = punctOf(gap(before))
	if j < len(toks) {
		c.next = strings.ToLower(toks[j].word)
		c.nextPunct = punctOf(gap(j))
	}
	return c
}

// punctOf keeps the punctuation of a gap between words, folded.
func punctOf(g string) string {
	var b strings.Builder
	for _, r := range text.Fold(g) {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docContext is what the whole article says about words, for the features
// of each candidate.
type docContext struct {
	lower      map[string]bool // words the article writes in lower case
	titledLast map[string]bool // last words of names that follow a person's title
	multiLast  map[string]bool // last words of names of two or more words
	acronyms   map[string]bool // acronyms of the article's names of several words ("IAEA")
}

func contextOf(t string, cands []candidate) docContext {
	d := docContext{lower: map[string]bool{}, titledLast: map[string]bool{}, multiLast: map[string]bool{}, acronyms: map[string]bool{}}
	for _, w := range text.Words(t) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			d.lower[w] = true
		}
	}
	for _, c := range cands {
		last := strings.ToLower(c.toks[len(c.toks)-1].word)
		if c.title != "" {
			d.titledLast[last] = true
		}
		if len(c.toks) > 1 {
			d.multiLast[last] = true
			var a strings.Builder
			for _, tk := range c.toks {
				if !isConnector(tk.word) {
					r, _ := utf8.DecodeRuneInString(tk.word)
					a.WriteRune(r)
				}
			}
			d.acronyms[a.String()] = true
		}
	}
	return d
}

// sparseFeaturesOf lists the named features of a candidate that the entity
// model weighs, all but its vector's.
func sparseFeaturesOf(c candidate, d docContext) []feature {
	l := names()
	g := places()
	f := []feature{{"bias", 1}}
	add := func(parts ...string) { f = append(f, feature{strings.Join(parts, ":"), 1}) }
	n := len(c.toks)
	lowered := make([]string, n)
	for i, tk := range c.toks {
		lowered[i] = strings.ToLower(strings.TrimSuffix(tk.word, "."))
		add("w", lowered[i])
	}
	whole := strings.Join(lowered, " ")
	first, last := lowered[0], lowered[n-1]
	add("first", first)
	add("last", last)
	add("len", string(rune('0'+min(n, 4))))
	if n == 1 {
		add("one", first)
	}
	add("shape", shapeOf(c.toks))
	add("suffix", suffix(last, 3))
	if c.initial {
		add("initial")
		if n == 1 {
			add("initial-one")
		}
	}
	if c.cutLeading {
		add("cut")
	}
	if c.title != "" {
		add("title")
		add("title", c.title)
	}
	add("prev", c.prev)
	add("next", c.next)
	if c.prev != "" && nounKind(c.prev) == "person" {
		add("prev-person-noun") // "host Glenn Beck", "lawyer Ann Lee"
	}
	add("prevpunct", c.prevPunct)
	add("nextpunct", c.nextPunct)
	for _, class := range kindClasses(l[whole]) {
		add("lex", class)
	}
	if g.places[whole] != "" {
		add("gaz", "place")
	}
	for _, class := range kindClasses(l[first]) {
		add("lexfirst", class)
	}
	for _, class := range kindClasses(l[last]) {
		add("lexlast", class)
	}
	if n > 1 {
		for _, w := range lowered[1 : n-1] {
			for _, class := range kindClasses(l[w]) {
				add("lexmid", class)
			}
		}
	}
	if orgWords[last] {
		add("orgword")
	}
	if placeWords[last] {
		add("placeword")
	}
	if n > 1 && placeHeads[first] {
		add("placehead")
	}
	if eventWords[first] || eventWords[last] {
		add("eventword")
	}
	if n == 1 && d.lower[strings.ToLower(c.toks[0].word)] {
		add("lower-seen")
	}
	if d.titledLast[last] {
		add("titled-elsewhere")
	}
	if n == 1 && d.multiLast[last] {
		add("last-of-longer")
	}
	if n == 1 && d.acronyms[c.toks[0].word] {
		add("acronym-of-name")
	}
	// How common the words are in English: a capitalised word that is
	// among the most frequent lower-case words opens a sentence rather than
	// names someone ("Trade", "Shares").
	for i, w := range lowered {
		pos := "mid"
		if i == 0 {
			pos = "first"
		}
		add("rank", pos, rankBucket(w))
	}
	return f
}

// featuresOf lists all the features of a candidate, its vector's among
// them, for fitting.
func featuresOf(c candidate, d docContext) []feature {
	f := sparseFeaturesOf(c, d)
	if v, ok := vectorOf(c); ok {
		for i, x := range v {
			f = append(f, feature{vectorFeatures[i], float64(x)})
		}
	}
	return f
}

// vectorOf is the meaning of a candidate's words: the unit-length mean of
// their GloVe vectors. GloVe places the names of people, places and
// companies in regions of their own, which carries the model to names it
// has never seen. False when no word is in the table.
func vectorOf(c candidate) (wordvec.Vec, bool) {
	words := make([]string, len(c.toks))
	for i, tk := range c.toks {
		words[i] = strings.TrimSuffix(tk.word, ".")
	}
	v, found := wordvec.Mean(words, func(string) float64 { return 1 })
	if found == 0 {
		return v, false
	}
	v.Normalize()
	return v, true
}

// vectorFeatures name the dimensions of a candidate's mean word vector.
var vectorFeatures = func() (out [wordvec.Dim]string) {
	for i := range out {
		out[i] = "vec:" + strconv.Itoa(i)
	}
	return out
}()

// rankBucket sums up a word's frequency rank in English: "top100",
// "top1k", "top10k", "top100k", or "unknown".
func rankBucket(w string) string {
	r, ok := wordvec.Rank(w)
	switch {
	case !ok:
		return "unknown"
	case r < 100:
		return "top100"
	case r < 1000:
		return "top1k"
	case r < 10000:
		return "top10k"
	}
	return "top100k"
}

// shapeOf sums up how a name is written: "Xx Xx", "XX", "X.X.", "Xx-xx".
func shapeOf(toks []nameToken) string {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		var prev byte
		for _, r := range tk.word {
			var c byte
			switch {
			case unicode.IsUpper(r):
				c = 'X'
			case unicode.IsLower(r):
				c = 'x'
			case unicode.IsDigit(r):
				c = 'd'
			default:
				c = byte(min(r, 127))
			}
			if c != prev {
				b.WriteByte(c)
				prev = c
			}
		}
	}
	return b.String()
}

// suffix returns the last n runes of w.
func suffix(w string, n int) string {
	r := []rune(w)
	return string(r[max(0, len(r)-n):])
}

// kindClasses are the lexicon's classes of a word that the entity model
// weighs: all but "unisex", which tells whether a first name gives its
// bearer's sex (for pronouns), not what kind of name a word is; left out,
// the model's features stay those it was fitted with.
func kindClasses(classes []string) []string {
	if !slices.Contains(classes, "unisex") {
		return classes
	}
	return slices.DeleteFunc(slices.Clone(classes), func(c string) bool { return c == "unisex" })
}
