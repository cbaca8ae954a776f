package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file gives a quote a speaker the article describes but does not
// name: an institution written in lower case ("the interior ministry said",
// "police said", "a spokesman for the army said") or a role whose holder
// the article never names ("the fire chief said"). Every other rule runs
// first; these come last, when they would leave the quote with no speaker,
// and give the description as the article writes it, so the reader sees
// whose words they are without the rules inventing a name.

// describedInstitutionNouns are the heads of lower-case descriptions of a
// public or private body that speaks as one: "the ministry said", "the
// navy said". Not a news outlet (newspaper, network, ...: an outlet
// reports others' words), not a crowd or a party's members, not
// "authorities" or "officials" (unnamed people, as "the official" is).
var describedInstitutionNouns = toSet(`ministry department office agency bureau government administration embassy consulate
police army navy military company firm council committee commission board court regime cabinet parliament
legislature prosecution secretariat directorate inspectorate union university school hospital foundation institute
federation league club coalition alliance campaign service force guard regulator watchdog authority`)

// bareInstitutionNouns are heads that speak with no article before them:
// "police said", "Greek police said", "state police said".
var bareInstitutionNouns = toSet(`police`)

// describedRoleNouns are heads of roles one person holds in a story's
// setting, beyond the titles of roleTitles: "the fire chief said", "the
// ship's captain said". Unnamed people ("the officer", "the source":
// anonymousNouns) and a spokesperson of no one named are no role: the
// repository leaves them without a speaker.
var describedRoleNouns = toSet(`chief commander captain prosecutor coroner principal superintendent headteacher headmaster`)

// maxDescriptionModifiers is how many words may stand between the
// article (or possessor) and the head: "the country's state-run oil
// company", "the Varden interior ministry". Three covers every such
// description read on basil and ecbplus_dev (session 37); more words are
// more often a clause than a noun phrase.
const maxDescriptionModifiers = 3

// describedSpeaker returns the description that is the whole subject of a
// speech verb, when it is an institution or a role the article does not
// name (see describedInstitutionNouns, describedRoleNouns): "the foreign
// ministry", "police", "Varden's defence ministry", "the fire chief".
// "a spokesman for the army" and "an army spokesman" give the institution
// ("the army"). A leading "The" is written "the". "" when the subject is
// anything else: a pronoun's possession ("his lawyer"), an unnamed person,
// a clause.
func describedSpeaker(subj string) string {
	subj = strings.Trim(subj, " \t\n,;:—–-")
	subj = lastClause(subj) // "In a statement, the ministry"
	words := strings.Fields(subj)
	if len(words) == 0 || len(words) > maxDescriptionModifiers+3 {
		return "" // more words than "the", a possessor, the modifiers and the head (or "a spokesman for the ...")
	}
	if inst := spokespersonsInstitution(words); inst != "" {
		return inst
	}
	if !describedPhrase(words) {
		return ""
	}
	if words[0] == "The" || len(words) == 1 || sentenceCapitalModifier(words) {
		words[0] = strings.ToLower(words[0]) // "The ministry said", "Police said", "Riot police said" opening a sentence
	}
	return strings.Join(words, " ")
}

// sentenceCapitalModifier reports whether a description with no article
// opens with a common word capitalised only because it opens the
// sentence ("Local police", "State police"), not a people's or a place's
// name ("Greek police", "Texas police", "Calderon police"): the head is
// written in lower case and the first word is a frequent lower-case word
// (commonWord) that the lexicon lists as no demonym and no place. Without
// it "State police said:" gave a speaker that opens in capitals, which
// describedOnly reads as a name (probes, session 37 review).
func sentenceCapitalModifier(words []string) bool {
	if len(words) < 2 {
		return false
	}
	first, head := words[0], words[len(words)-1]
	r, size := utf8.DecodeRuneInString(first)
	h, _ := utf8.DecodeRuneInString(head)
	if !unicode.IsUpper(r) || !unicode.IsLower(h) || first[size:] != strings.ToLower(first[size:]) {
		return false // "STATE police", "State Police": written as a name
	}
	lw := strings.ToLower(first)
	return commonWord(lw) && !peoplesAdjective(lw) && !knownPlace(lw)
}

// clauseConjunctions join a clause whose subject follows them.
var clauseConjunctions = toSet(`and but while`)

// orDescribedBefore is orDescribed for the subject of a verb that
// introduces the quote after it, which may open a clause joined by a
// conjunction ("Acme was hacked, and the company said that “...”"). Not
// for a verb after the quote: "“...,” the map was removed, and the
// government announced" is a new clause, not the quote's attribution
// (duc2003, session 37: the Libyan leader's words went to the
// government).
func orDescribedBefore(who, subj string) string {
	if who != "" {
		return who
	}
	clause := lastClause(subj)
	if w, rest, ok := strings.Cut(clause, " "); ok && clauseConjunctions[strings.ToLower(w)] {
		clause = rest
	}
	return describedSpeaker(clause)
}

// orDescribedAfter is orDescribed for the words after an inverted speech
// verb (rest, from byte from), whose subject ends at the first comma
// ("said the president, speaking about his plan"): that subject alone is
// resolved again when it is a description (the president the article
// names), else read as one.
func (a *attributor) orDescribedAfter(who, rest string, from, quoteAt int) string {
	if who != "" {
		return who
	}
	if c := strings.IndexByte(rest, ','); c >= 0 {
		rest = rest[:c]
		if describedSpeaker(rest) == "" {
			return "" // "the Calder, N.Y., chapter of ...": no description before the comma
		}
		who = a.resolveSubject(rest, from, quoteAt)
	}
	return orDescribed(who, rest)
}

// orDescribed returns who, or when who is "" the institution or role the
// subject describes (describedSpeaker).
func orDescribed(who, subj string) string {
	if who != "" {
		return who
	}
	return describedSpeaker(subj)
}

// describedPhrase reports whether words are one description of an
// institution or a role: an opener ("the", or a name's or "the
// country's" possessive), up to maxDescriptionModifiers modifiers and the
// head; an institution or a role may take an "of" phrase ("the ministry
// of foreign affairs", "the chief of police"; a role's in lower case only,
// as "the president of Acme" is the president of a body named, no
// description), and bareInstitutionNouns need no opener.
func describedPhrase(words []string) bool {
	if of := indexFold(words, "of"); of > 0 {
		if before := strings.ToLower(words[of-1]); of == len(words)-1 || !describedInstitutionNouns[before] && !describedRole(before) {
			return false
		}
		complement := words[of+1:]
		if len(complement) > 1 && complement[0] == "the" {
			complement = complement[1:] // "the ministry of the interior"
		}
		institution := describedInstitutionNouns[strings.ToLower(words[of-1])]
		for _, w := range complement {
			if !modifierWord(w) || !institution && !lowerCaseWords(w, 1) {
				return false
			}
		}
		words = words[:of]
	}
	head := strings.ToLower(words[len(words)-1])
	mods := words[:len(words)-1]
	if len(mods) > 0 && (strings.EqualFold(mods[0], "the") || namePossessive(mods[0])) {
		mods = mods[1:]
		if len(mods) > 0 && strings.EqualFold(words[0], "the") && possessiveNoun(mods[0]) {
			mods = mods[1:] // "the country's", "the city's"
		}
	} else if !bareInstitutionNouns[head] {
		return false
	}
	if len(mods) > maxDescriptionModifiers {
		return false
	}
	for _, w := range mods {
		if !modifierWord(w) {
			return false
		}
	}
	return describedInstitutionNouns[head] || bareInstitutionNouns[head] || describedRole(head)
}

// describedRole reports whether a head noun is a role (a title of
// roleTitles or describedRoleNouns), not a spokesperson (whose words are
// an organisation's, spokespersonsInstitution) or an unnamed person.
func describedRole(head string) bool {
	if spokesNouns[head] || anonymousNouns[head] {
		return false
	}
	return describedRoleNouns[head] || roleTitleOf(head) != "" && head != "dr" && head != "rev"
}

// spokespersonsInstitution returns the institution an unnamed
// spokesperson speaks for when it is described, not named: "a spokesman
// for the army" is "the army", "a police spokeswoman" "police", "an army
// spokesman" "the army". "" otherwise.
func spokespersonsInstitution(words []string) string {
	lw := strings.Fields(strings.ToLower(strings.Join(words, " ")))
	if lw[0] != "a" && lw[0] != "an" && lw[0] != "the" {
		return ""
	}
	for i := 1; i < len(lw); i++ {
		if !spokesNouns[lw[i]] {
			continue
		}
		if i+1 < len(lw) && lw[i+1] == "for" {
			rest := words[i+2:]
			if len(rest) > 1 && strings.EqualFold(rest[0], "the") && describedPhrase(rest) {
				return "the " + strings.Join(rest[1:], " ")
			}
			return ""
		}
		if i+1 == len(lw) && i >= 2 && allModifiers(words[1:i-1]) {
			switch noun := lw[i-1]; {
			case bareInstitutionNouns[noun]:
				return noun
			case describedInstitutionNouns[noun] && !unicode.IsUpper([]rune(words[i-1])[0]):
				return "the " + strings.Join(words[1:i], " ")
			}
		}
		return ""
	}
	return ""
}

// allModifiers reports whether every word is a modifierWord.
func allModifiers(words []string) bool {
	for _, w := range words {
		if !modifierWord(w) {
			return false
		}
	}
	return true
}

// modifierWord reports whether w may modify a head noun in a
// description: letters and hyphens only, not a function word, verb of
// speaking, adverb or pronoun ("the ministry also", "the company that").
func modifierWord(w string) bool {
	lw := strings.ToLower(w)
	if lw == "" || phraseEnders[lw] || speechCues[lw] || isSubjectAdverb(w) || descriptionBreakers[lw] || possessiveWords[lw] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// descriptionBreakers are words that end a noun phrase or show it is no
// description of one body: prepositions, conjunctions, articles inside
// the phrase, auxiliaries and quantifiers ("some police said", "most
// police said": some of a force's members, not the force; found on
// invented probes in the session 37 review).
var descriptionBreakers = toSet(`a an the in on at by with from to for after before when as or nor not also then yet
were are been being be did does do this these those there here it he she they we i you
some most many few several all both any each every no another such`)

// lastClause returns s after its last comma, semicolon, colon, dash,
// parenthesis or line break ("In a statement on Monday, the ministry":
// "the ministry"), trimmed.
func lastClause(s string) string {
	c := strings.LastIndexAny(s, ",;:—–(\n")
	if c < 0 {
		return strings.TrimSpace(s)
	}
	_, size := utf8.DecodeRuneInString(s[c:])
	return strings.TrimSpace(s[c+size:])
}

// endsPossessive reports whether w ends with "'s" or "’s".
func endsPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// namePossessive reports whether w is a capitalised name's possessive
// ("Varden's", "Acme's"): the owner of the institution described.
func namePossessive(w string) bool {
	r := []rune(w)
	return len(r) > 2 && unicode.IsUpper(r[0]) && endsPossessive(w)
}

// possessiveNoun reports whether w is a lower-case noun's possessive
// ("country's", "city's"), which may follow "the".
func possessiveNoun(w string) bool {
	r := []rune(w)
	return len(r) > 2 && unicode.IsLower(r[0]) && endsPossessive(w)
}

// indexFold returns the index of the first word equal to w ignoring
// case, or -1.
func indexFold(words []string, w string) int {
	for i, x := range words {
		if strings.EqualFold(x, w) {
			return i
		}
	}
	return -1
}

// possessedInstitution returns the subject as written when it is a
// named owner's institution ("Varden's defence ministry", "Acme's legal
// department") or a place's police ("Calderon police"): the body speaks,
// not its owner, as "<person>'s office" (namedOffice) is the office. ""
// otherwise.
func possessedInstitution(subj string) string {
	d := describedSpeaker(subj)
	words := strings.Fields(d)
	if len(words) < 2 {
		return ""
	}
	head := strings.ToLower(words[len(words)-1])
	switch {
	case namePossessive(words[0]) && describedInstitutionNouns[head]:
		return d
	case bareInstitutionNouns[head] && unicode.IsUpper([]rune(words[0])[0]):
		return d // "Calderon police said": the force, not the town
	}
	return ""
}

// deputyWords before a title make its bearer someone else than the
// title's holder: "Vice President Tomas Brandt" is no one "the president
// said" stands for (session 37: basil gave a president's words to his
// vice president once the subject after "said the president," was read).
var deputyWords = toSet(`vice deputy assistant`)

// deputyTitle reports whether mention m's title is written after one of
// deputyWords in the text t ("Vice President", "Deputy Prime Minister").
func deputyTitle(t string, m mention) bool {
	before := strings.Fields(strings.ToLower(t[max(0, m.offset-len(m.title)-maxDeputyGap):m.offset]))
	i := len(before) - len(strings.Fields(m.title)) - 1 // the word right before the title's words
	return i >= 0 && deputyWords[strings.Trim(before[i], "-")]
}

// maxDeputyGap is how many bytes before a title are searched for a
// deputy word: "Vice " before "President", "Deputy Prime " before
// "Minister" (title words are at most a few, read on invented probes).
const maxDeputyGap = 16

// describedOnly reports whether a speaker is a description the article
// gives (describedSpeaker: "the ministry", "police"), not a name: it
// opens with a lower-case letter, as no name the recogniser gives does.
func describedOnly(speaker string) bool {
	r, _ := utf8.DecodeRuneInString(speaker)
	return unicode.IsLower(r)
}

// describedOfEnd returns where the subject after an inverted speech verb
// ends (rest[:end], end from clauseEnd) when it goes on with the "of"
// phrase of a described institution or role, through that phrase: "said
// the ministry of transport, which runs the trains" is "the ministry of
// transport", "said the chief of police, who" "the chief of police"
// (clauseEnd cuts at "of", which after a name or a person opens another
// phrase). end itself otherwise.
func describedOfEnd(rest string, end int) int {
	tail := rest[end:]
	if !strings.HasPrefix(tail, "of ") || describedSpeaker(rest[:end]) == "" {
		return end
	}
	full := end + len(tail)
	if c := strings.IndexAny(tail, ",;:—–()\n"); c >= 0 {
		full = end + c
	}
	if describedSpeaker(rest[:full]) == "" {
		return end // "said the ministry of the interior and ..."
	}
	return full
}
