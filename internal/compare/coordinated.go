package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Names a text writes only in part, completed after recognition: a couple
// or siblings written with one surname ("Bill and Melinda Gates": the name
// run stops at "and", so the first person is left as a lone first name, or
// nothing at a sentence's start, and a foundation named after both loses
// its first word), an acronym defined in parentheses after its name (see
// acronyms.go), and people of one first and last name whose middle
// initials tell them apart.

// withCoordinatedNames completes the names a coordination shares: a
// capitalised word, then " and ", then a person's name of two or more words
// gives the first person that name's surname (see coordinatedFirstName
// for which words qualify), when the word is not itself recognised as a
// name (in "Pelosi and Chuck Schumer" Pelosi is a person of her own; a word
// the recogniser keeps as a one-word person is completed only when the
// lexicon gives it as a first name) and no one of the article bears it as
// a surname. An organisation's name so preceded ("Bill and Melinda Gates
// Foundation") takes the word and "and" back. ms is in text order; so is
// the result.
func withCoordinatedNames(t string, ms []mention) []mention {
	surnames := map[string]bool{}
	for _, m := range ms {
		if ws := nameWords(m.name); m.kind == news.Person && len(ws) > 1 {
			surnames[ws[len(ws)-1]] = true
		}
	}
	out := make([]mention, 0, len(ms))
	for _, m := range ms {
		first, start, ok := coordinatedFirstName(t, m)
		if !ok {
			out = append(out, m)
			continue
		}
		var prev *mention
		if n := len(out); n > 0 && out[n-1].end > start {
			prev = &out[n-1]
		}
		ws := strings.Fields(m.name)
		lw := strings.ToLower(first)
		switch {
		case prev == nil && m.kind == news.Person && !surnames[lw]:
			out = append(out, mention{name: first, kind: news.Person, offset: start, end: start + len(first),
				implied: first + " " + ws[len(ws)-1]})
		case prev != nil && m.kind == news.Person && prev.kind == news.Person && prev.offset == start &&
			prev.end == start+len(first) && isFirstName(first) && !surnames[lw]:
			prev.implied = first + " " + ws[len(ws)-1]
		case prev == nil && m.kind == news.Org:
			m.name, m.offset = t[start:m.end], start
		}
		out = append(out, m)
	}
	return out
}

// coordinatedFirstName returns the capitalised word written right before a
// mention and " and " ("Bill" of "Bill and Melinda Gates") and where it
// starts, when the mention (no place) has two or more words and the word
// is a first name the lexicon lists, or the mention's first word is one
// and the word is none of: written after a capitalised word elsewhere (a
// surname), a common word, group or place (commonBeforeAnd). "Bill" is not
// in the lexicon: it is a common word.
func coordinatedFirstName(t string, m mention) (string, int, bool) {
	ws := strings.Fields(m.name)
	if len(ws) < 2 || m.kind == news.Place {
		return "", 0, false
	}
	rest, ok := strings.CutSuffix(t[:m.offset], " and ")
	if !ok {
		return "", 0, false
	}
	start := strings.LastIndexAny(rest, " \n\t(\"“'‘") + 1
	first := rest[start:]
	lw := strings.ToLower(first)
	if !lettersOnly(first) || !text.IsUpperInitial(first) || text.IsStopWord(lw) || calendarWords[lw] {
		return "", 0, false // "(R-OH) and", "Department; and", "Thursday and John McCain"
	}
	if isFirstName(first) || isFirstName(ws[0]) && !afterCapital(t, first) && !commonBeforeAnd(first) {
		return first, start, true
	}
	return "", 0, false
}

// commonBeforeAnd reports whether a capitalised word before "and" is a
// common word, a group or a place rather than a first name the lexicon
// lacks ("Democrats and John McCain", "Nurses and Jill Biden", "Russia and
// Vladimir Putin", "NATO and Jens Stoltenberg"): a plural, an acronym, a
// known place, demonym, party's members, or a word the lexicon gives an
// organisation or a place.
func commonBeforeAnd(w string) bool {
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "s") || isAcronym(w) || knownPlace(lw) || partyMembers[lw] || genericOrgWords[lw] {
		return true
	}
	for _, class := range []string{"demonym", "org", "orgword", "place", "placeword", "city", "country", "region", "honorific"} {
		if names().has(lw, class) {
			return true
		}
	}
	return false
}

// lettersOnly reports whether a word is all letters.
func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// afterCapital reports whether the text writes a word right after a
// capitalised word somewhere ("Crystal Griner"): there it is a surname, so
// "Griner and David Bailey" are two people, not two Baileys.
func afterCapital(t, word string) bool {
	for i := 0; ; {
		j := strings.Index(t[i:], " "+word)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + 1 + len(word)
		if end == len(t) || !unicode.IsLetter(rune(t[end])) {
			prev := t[strings.LastIndexAny(t[:at], " \n\t(\"“")+1 : at]
			if lettersOnly(prev) && text.IsUpperInitial(prev) && !text.IsStopWord(strings.ToLower(prev)) {
				return true
			}
		}
		i = end
	}
}

// fullName is the name a mention stands for: the one a coordination
// implies ("Bill" of "Bill and Melinda Gates" is Bill Gates), else its
// words as written.
func (m mention) fullName() string {
	if m.implied != "" {
		return m.implied
	}
	return m.name
}

// middleInitials gives the initials of a person's middle names, between
// the first word the lexicon lists as a first name (title words before it,
// "Patrol Agent Rodney S. Scott", are no middle) and the surname: "h w"
// for George H. W. Bush, "w" for George Walker Bush and George W. Bush;
// "" when there is none.
func middleInitials(ws []string) string {
	f := 0
	for i := range len(ws) - 1 {
		if isFirstName(ws[i]) {
			f = i
			break
		}
	}
	if len(ws)-f < 3 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws[f+1 : len(ws)-1] {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// apartNamesakes keeps apart people whose first and last names agree but
// whose middle initials differ ("George H. W. Bush" and "George W. Bush";
// "George Walker Bush" is George W. Bush): where the names written under one key (a person's first and
// last names) hold two or more different middles, each middle gets a key
// of its own; forms without a middle ("George Bush", a lone "Bush") keep
// the shared key, as they may mean either. names[i] is the person's name
// of keys[i], "" for what is no person. A single middle ("Donald J.
// Trump" beside "Donald Trump") keeps one key. keys is not changed.
func apartNamesakes(keys, names []string) []string {
	middles := map[string]map[string]bool{}
	middleOf := make([]string, len(keys))
	for i, n := range names {
		if middleOf[i] = middleInitials(nameWords(withoutInitialDots(n))); middleOf[i] == "" {
			continue
		}
		if middles[keys[i]] == nil {
			middles[keys[i]] = map[string]bool{}
		}
		middles[keys[i]][middleOf[i]] = true
	}
	out := slices.Clone(keys)
	for i, mid := range middleOf {
		if mid != "" && len(middles[keys[i]]) > 1 {
			out[i] = keys[i] + "|" + mid
		}
	}
	return out
}
