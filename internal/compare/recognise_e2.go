package compare

import (
	"regexp"
	"strings"
)

// Rules of session 33's second entity pass (s33-e2), applied after the
// model as the other post-model rules are, so the model's fit is unchanged.

// firmNouns are the lower-case nouns of a kind of business that stand
// right before a firm's name in apposition ("electronics giant Foxconn",
// "the video app TikTok", "the pharmaceutical company Innate"): the words
// an English writer uses for a business as such, not names of firms.
// "Site", "service" and "rival" are left out: they stand before days
// ("the polling site Tuesday"), products ("the classified-ads service
// Marketplace") and people ("his rival Trump") as often (counted on the
// seven story files, session 33).
var firmNouns = toSet(`company companies firm giant app maker startup start-up retailer conglomerate insurer airline
carrier platform network outlet website lender manufacturer supplier subsidiary broadcaster chipmaker automaker
carmaker drugmaker gunmaker`)

// firmVerbsAfter are words that, right after a name, show it ends there and
// heads a clause or a list: "giant Foxconn reversed course", "app TikTok and
// messaging app WeChat", "network Newsmax have begun". A lower-case noun
// after it ("the giant Bolton field", "a giant Instagram filter") makes the
// name a modifier, which this reading leaves alone.
var firmVerbsAfter = toSet(`is was has had have are were will would could can may might said says and or but who which that
whose to`)

// firmsNamedByNoun returns the lone words (lower case) the article writes
// right after a noun of a kind of business ("electronics giant Foxconn",
// "video app TikTok"), as the end of a name that heads what follows. Such a
// word is the firm wherever the article writes it alone; the model, fitted
// on Reuters 2020 that rarely names such firms, found no name in it
// (session 33: Foxconn, TikTok, Newsmax, CrowdStrike, Trusteer among the
// 45 missed after such a noun on the seven story files).
// Not a known place, a demonym, a listed first name, a common English word
// the lexicon lists as no firm ("the company Web sites"), an acronym of a
// common noun ("bank ATM"), nor a word the article also writes in lower
// case.
func firmsNamedByNoun(t string, cands []candidate, d docContext) map[string]bool {
	out := map[string]bool{}
	for _, c := range cands {
		if len(c.toks) != 1 || c.title != "" || c.prevPunct != "" || c.initial || !firmNounBefore(t, c) {
			continue
		}
		if !(c.next == "" || c.nextPunct != "" || firmVerbsAfter[c.next] || speechCues[c.next] || strings.HasSuffix(c.next, "ed")) {
			continue
		}
		w := strings.ToLower(c.text)
		if knownPlace(w) || names().has(w, "demonym") || isFirstName(c.text) || d.lower[w] || commonNounAcronym(c.text) ||
			commonWord(w) && !names().has(w, "org") {
			continue
		}
		out[w] = true
	}
	return out
}

// firmNounBefore reports whether the word right before a candidate, with
// one space between and written in lower case, is a noun of a kind of
// business (firmNouns, or a word ending with "maker": "gunmaker").
func firmNounBefore(t string, c candidate) bool {
	w := lastFields(t[:c.start], 1)
	if len(w) != 1 || !strings.HasSuffix(t[:c.start], w[0]+" ") || w[0] != strings.ToLower(w[0]) {
		return false
	}
	return firmNouns[w[0]] || strings.HasSuffix(w[0], "maker") && len(w[0]) > len("maker")
}

// linkLabel matches the label a web page gives a link that opens
// elsewhere, which a scrape of the page keeps inside the sentence
// ("President Smith Opens a New Window said", "opens in a new tab").
var linkLabel = regexp.MustCompile(`^(?i:opens?)\s+(?:in\s+)?(?:a\s+)?(?i:new)\s+(?i:window|tab)\b`)

// linkLabelCut returns how many of a candidate's words, counted from its
// end, are the start of a link's label ("Opens" of "Smith Opens a New
// Window"), and whether the whole candidate is the label's end ("New
// Window" after "Opens a"). Such words name nothing: 24 mentions in
// allsides_train's scraped pages were such words or names run into them
// (session 33).
func linkLabelCut(t string, c candidate) (cut int, whole bool) {
	last := c.toks[len(c.toks)-1]
	if lw := strings.ToLower(last.word); (lw == "opens" || lw == "open") && linkLabel.MatchString(t[last.start:]) {
		return 1, len(c.toks) == 1
	}
	lower := strings.ToLower(c.text)
	if lower != "new window" && lower != "new tab" {
		return 0, false
	}
	// "Opens a New Window": the label's opening verb stands at most
	// "opens in a " (11 bytes) before the candidate.
	from := max(0, c.start-len("opens in a "))
	if i := strings.LastIndex(strings.ToLower(t[from:c.start]), "open"); i >= 0 && linkLabel.MatchString(t[from+i:]) {
		return len(c.toks), true
	}
	return 0, false
}

// missionWords end the names of a state's missions abroad: "the U.S.
// Embassy", "the British Consulate", "the Chinese Consulate General". The
// model, which met them rarely (conllpp2020 writes "embassy" in lower
// case), found no name in "U.S. Embassy" (about 20 mentions on the seven
// story files, session 33); the recogniser's organisation words do not
// list them.
var missionWords = toSet(`embassy consulate`)

// namesAMission reports whether a name of two to four words ends with a
// mission's word ("U.S. Embassy", "Saudi Consulate", "French Consulate
// General"): a state's mission, an organisation.
func namesAMission(toks []nameToken) bool {
	n := len(toks)
	if n < 2 || n > 4 {
		return false
	}
	last := strings.ToLower(toks[n-1].word)
	if last == "general" && n > 2 {
		last = strings.ToLower(toks[n-2].word)
	}
	return missionWords[last]
}

// personInitials matches two or three initials written with periods and
// no space: "C.T.", "J.R.R.".
var personInitials = regexp.MustCompile(`^(?:[A-Z]\.){2,3}$`)

// countryInitials are the initials of states and unions written so ("U.S.
// Embassy", "U.N. Security Council"), which open no person's name.
var countryInitials = toSet(`u.s. u.k. u.n. e.u. u.s.a. u.a.e. d.c.`)

// initialsBefore returns where initials right before a lone word begin
// ("C.T. Vivian", "J.D. Drew"), and false when none do. The name run stops
// after such initials, which end sentences too ("the F.B.I. Nothing"), so
// the article's person was split into an organisation "C.T." and a
// surname, or missed. Not a state's or a country's initials ("S.C.
// Rivals", "U.S. Navy"), nor initials before a common English word or an
// organisation's or a place's word ("P.O. Box", "R.F.K. Stadium").
func initialsBefore(t string, c candidate) (int, bool) {
	if len(c.toks) != 1 || c.title != "" || isAcronym(c.text) {
		return 0, false
	}
	w := lastFields(t[:c.start], 1)
	if len(w) != 1 || !personInitials.MatchString(w[0]) || !strings.HasSuffix(t[:c.start], w[0]+" ") {
		return 0, false
	}
	lw, last := strings.ToLower(w[0]), strings.ToLower(c.text)
	if countryInitials[lw] || statesInitials(lw) || commonWord(last) && !names().has(last, "last") || orgWords[last] ||
		names().has(last, "orgword") || names().has(last, "placeword") || knownPlace(last) {
		return 0, false
	}
	return c.start - len(w[0]) - 1, true
}

// saintAbbreviations open a city's name in a wire dateline written in
// capitals ("ST. LOUIS (AP) --", "FT. LAUDERDALE, Fla. _"), where the
// name run stops after the period.
var saintAbbreviations = toSet(`st ste ft mt`)

// saintDatelineBefore returns where "ST. " opens the line right before a
// candidate written in capitals that a dateline's tail follows ("ST. LOUIS
// (AP) --"), and false otherwise. Three datelines of duc2003 and
// allsides_train were so split (session 33).
func saintDatelineBefore(t string, c candidate) (int, bool) {
	if strings.ToUpper(c.text) != c.text || !strings.HasSuffix(t[:c.start], ". ") {
		return 0, false
	}
	w := lastFields(t[:c.start], 1)
	if len(w) != 1 || !saintAbbreviations[strings.ToLower(strings.TrimSuffix(w[0], "."))] || strings.ToUpper(w[0]) != w[0] {
		return 0, false
	}
	start := c.start - len(w[0]) - 1
	if start != 0 && t[start-1] != '\n' || !datelineTail(t[c.end:]) {
		return 0, false
	}
	return start, true
}

// datelineTail reports whether what follows a city in capitals is a
// dateline's: a comma and a region, the agency in parentheses, or a dash
// ("ST. LOUIS (AP) --", "FT. WORTH, Texas _", "ST. PAUL _"), not a
// headline's next word ("ST. PATRICK'S DAY PARADE").
func datelineTail(after string) bool {
	// "ST. KITTS and NEVIS _": a second name in capitals joined by "and".
	if rest, ok := strings.CutPrefix(after, " and "); ok {
		w, tail, _ := strings.Cut(rest, " ")
		if w != "" && w == strings.ToUpper(w) && capitalsWord(w) {
			return datelineTail(" " + tail)
		}
	}
	for _, p := range []string{",", " (", " _", " —", " –", " -"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// stateOfThe reports whether "State of the " (capitalised "State") stands
// right before offset i: the last word after it is the rest of the name of
// an address ("the State of the Union"), a phrase of US politics that the
// story files write in 47 articles, not a name of its own. Written after
// a title word ("Secretary of State of the Union of Calderia") it is not.
func stateOfThe(t string, i int) bool {
	before, ok := strings.CutSuffix(t[:i], "State of the ")
	if !ok {
		return false
	}
	w := lastFields(before, 1)
	return len(w) == 0 || !isTitle(w[0]) && !strings.EqualFold(w[0], "of")
}

// employeeRoles are occupations held in an employer's pay: the name after
// "<role> for|at|with" is the employer ("chief economist for Calder Smith
// Barney", "an analyst with Goldman Sachs"), an organisation, whatever
// people's words it is made of. Roles that serve a person ("spokesman",
// "adviser", "aide", "strategist for Trump") are left out.
var employeeRoles = toSet(`economist economists analyst analysts researcher researchers scientist scientists engineer
engineers executive executives`)

// namedElsewhere reports whether the article names a person, other than
// the name written at start, with the surname w (fullNamed: surnames of
// the article's people and where each is written in full).
func namedElsewhere(t string, fullNamed map[string][]int, w, name string, start int) bool {
	for _, at := range fullNamed[w] {
		if at != start && !strings.HasPrefix(t[at:], name) {
			return true
		}
	}
	return false
}

// employerAfterRole reports whether a candidate stands right after an
// employee's role and "for", "at" or "with" ("economist for X").
func employerAfterRole(t string, c candidate) bool {
	ws := lastFields(t[:c.start], 2)
	if len(ws) != 2 || c.prevPunct != "" || c.title != "" {
		return false
	}
	switch ws[1] {
	case "for", "at", "with":
		return employeeRoles[ws[0]]
	}
	return false
}

// employeeBefore reports whether a name is followed by an apposition of at
// most five words ending with an employee's role and "for", "at" or
// "with" ("Chip Brown, chief Latin American economist for ..."): the name
// is that employee, a person.
func employeeBefore(after string) bool {
	rest, ok := strings.CutPrefix(after, ", ")
	if !ok {
		return false
	}
	ws := firstFields(rest, 7)
	for i := 0; i+1 < len(ws) && i < 6; i++ {
		lw := strings.ToLower(ws[i])
		if strings.ContainsAny(ws[i], ",.;:") || functionWords[lw] && lw != "a" && lw != "an" && lw != "the" || orgWords[lw] || firmNouns[lw] {
			return false // "Wells Fargo, the bank whose chief economist for years was ..."
		}
		if employeeRoles[ws[i]] {
			switch ws[i+1] {
			case "for", "at", "with":
				return true
			}
			return false
		}
	}
	return false
}
