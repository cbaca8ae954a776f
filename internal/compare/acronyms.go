package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Acronyms an article defines: "NAME (ACR)" found by one scanner
// (parenthesisedAcronym) and tested by one initials matcher (spells).
// Two stages use them: acronymsDefined, before the kinds are settled,
// gives an acronym the class of what it stands for; withDefinedAcronyms,
// after, gives its mentions the full name, so both are one entity.

// spelling is how an acronym's letters must match the initials of words.
type spelling int

const (
	// everyInitial: one letter for each word, in order, none skipped,
	// letter case aside ("Alexandria Ocasio Cortez", "AOC"; "personal
	// protective equipment", "PPE").
	everyInitial spelling = iota
	// someCapitals: the letters are initials of the capitalised words, in
	// order, starting with the first's, others skipped ("Centers for
	// Disease Control and Prevention", "CDC"; "U.S. Olympic and Paralympic
	// Committee", "USOPC").
	someCapitals
)

// spells reports whether an acronym's letters (its periods are none) are
// the initials of words as how says. someCapitals needs two letters or
// more.
func spells(acronym string, words []string, how spelling) bool {
	letters := []rune(strings.ReplaceAll(acronym, ".", ""))
	if how == everyInitial {
		if len(letters) != len(words) {
			return false
		}
		for i, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); !strings.EqualFold(string(r), string(letters[i])) {
				return false
			}
		}
		return true
	}
	var initials []rune
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	if len(letters) < 2 || len(initials) == 0 || letters[0] != initials[0] {
		return false
	}
	k := 0
	for _, r := range initials {
		if k < len(letters) && r == letters[k] {
			k++
		}
	}
	return k == len(letters)
}

// nameParts splits a name into the words whose initials an acronym may
// spell: at spaces, periods and hyphens ("U.S.-based" gives U, S, based).
func nameParts(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '.' || r == '-' })
}

// parenthesisedAcronym reports whether t[start:end] is an acronym standing
// alone in parentheses, "NAME (ACR)", and returns the text before the
// opening parenthesis, spaces trimmed from its end: NAME ends it. Strict
// asks for exactly that form, one space and no other ("the Calder River
// Trust\n\n(CRT)" is a name in another paragraph; review s11a), as
// withDefinedAcronyms, which joins the two into one entity, always did;
// otherwise any white space may stand around the parentheses, as
// acronymsDefined, which only borrows a class, always read them.
func parenthesisedAcronym(t string, start, end int, strict bool) (before string, ok bool) {
	if !isAcronym(t[start:end]) {
		return "", false
	}
	if strict {
		if !strings.HasSuffix(t[:start], " (") || !strings.HasPrefix(t[end:], ")") ||
			strings.TrimRightFunc(t[:start-2], unicode.IsSpace) != t[:start-2] {
			return "", false
		}
		return t[:start-2], true
	}
	open := strings.TrimRightFunc(t[:start], unicode.IsSpace)
	if !strings.HasSuffix(open, "(") || !strings.HasPrefix(strings.TrimLeftFunc(t[end:], unicode.IsSpace), ")") {
		return "", false
	}
	return strings.TrimRightFunc(strings.TrimSuffix(open, "("), unicode.IsSpace), true
}

// acronymsDefined finds the acronyms an article defines in parentheses
// after what they stand for, with the class of that: the kind of the name
// right before the parenthesis ("Corruption Eradication Commission (KPK)",
// "New South Wales (NSW)"), or none after lower-case words whose initials
// the acronym spells ("personal protective equipment (PPE)"): a common
// noun's acronym names no one. After a person's name the acronym must
// spell every word's initial ("Alexandria Ocasio Cortez (AOC)"): otherwise
// it is a credit or an affiliation ("John Locher (AP)"); after a place,
// its capitals' ("Washington (AFP)": a dateline's credit).
func acronymsDefined(t string, cands []candidate, kinds []int) map[string]int {
	out := map[string]int{}
	for i, c := range cands {
		if len(c.toks) != 1 {
			continue
		}
		before, ok := parenthesisedAcronym(t, c.start, c.end, false)
		if !ok {
			continue
		}
		switch {
		case i > 0 && kinds[i-1] != 0 && (kinds[i-1] != 1 || spells(c.text, cands[i-1].words(), everyInitial)) &&
			(kinds[i-1] != 2 || spells(c.text, nameParts(cands[i-1].text), someCapitals)) &&
			strings.TrimSpace(before[cands[i-1].start:]) == cands[i-1].text:
			out[c.text] = kinds[i-1]
		case lowerCaseInitials(c.text, before):
			out[c.text] = 0
		default:
			// "Diversity, Equity, and Inclusion (DEI)": a list of
			// capitalised words is a concept's name, and neither the
			// acronym nor its words are organisations: no organisation's
			// name holds a comma.
			if ws, ok := listInitials(c.text, before); ok {
				out[c.text] = 0
				for _, w := range ws {
					out[w] = 0
				}
			}
		}
	}
	return out
}

// words returns a candidate's words.
func (c candidate) words() []string {
	ws := make([]string, len(c.toks))
	for i, tk := range c.toks {
		ws[i] = tk.word
	}
	return ws
}

// lowerCaseInitials reports whether an acronym's letters are the initials
// of the last words of a text, each in lower case ("personal protective
// equipment", "PPE").
func lowerCaseInitials(acronym, before string) bool {
	ws := strings.Fields(before)
	n := utf8.RuneCountInString(strings.ReplaceAll(acronym, ".", ""))
	if len(ws) < n {
		return false
	}
	ws = ws[len(ws)-n:]
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			return false
		}
	}
	return spells(acronym, ws, everyInitial)
}

// listInitials returns the words of a list of capitalised words ending a
// text whose initials spell an acronym ("Diversity, Equity, and
// Inclusion", "DEI"), "and", "or" and "&" aside, and true when a comma
// parts two of them.
func listInitials(acronym, before string) ([]string, bool) {
	n := utf8.RuneCountInString(strings.ReplaceAll(acronym, ".", ""))
	fields := strings.Fields(before)
	var ws []string
	comma := false
	for i := len(fields) - 1; i >= 0 && len(ws) < n; i-- {
		w := strings.TrimRight(fields[i], ",")
		if w == "and" || w == "or" || w == "&" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return nil, false
		}
		comma = comma || len(ws) > 0 && strings.HasSuffix(fields[i], ",")
		ws = append([]string{w}, ws...)
	}
	return ws, comma && len(ws) == n && spells(acronym, ws, everyInitial)
}

// withDefinedAcronyms gives an acronym that an article defines in
// parentheses right after a name of two or more words ("the U.S. Olympic
// and Paralympic Committee (USOPC)") that name, in every mention, so that
// both are one entity shown by its full name. The acronym must spell
// some of the name's capitals (see someCapitals).
func withDefinedAcronyms(t string, ms []mention) []mention {
	defined := map[string]mention{}
	for i := 0; i+1 < len(ms); i++ {
		long, short := ms[i], ms[i+1]
		before, ok := parenthesisedAcronym(t, short.offset, short.end, true)
		if !ok || len(before) != long.end || len(strings.Fields(long.name)) < 2 ||
			!spells(short.name, nameParts(long.fullName()), someCapitals) {
			continue
		}
		if _, ok := defined[short.name]; !ok {
			defined[short.name] = long
		}
	}
	if len(defined) == 0 {
		return ms
	}
	for i, m := range ms {
		if long, ok := defined[m.name]; ok {
			ms[i].implied, ms[i].kind = long.fullName(), long.kind
		}
	}
	return ms
}
