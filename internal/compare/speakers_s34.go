package compare

import (
	"strings"
)

// Session 34 (s34-quote): two shapes found by reading quotes of news
// nobody had tuned on (Reuters 2020, the gold texts of the l3s-gn1,
// dragnet and msv-big9 extraction sets): a subject that is a people's or
// a party's word ("the Serb said", "the Democrat told reporters", "Critics
// say") was given as a speaker name, and "the Calder News Agency quoted
// Tomas Brandt as saying" gave the words to the agency that reported them.

// extraDemonyms are words for a person of a country that the name
// lexicon's "demonym" class lacks (checked one by one: it has "spaniard",
// "greek", "irishman", "englishman", not these). Singular only; lower case.
var extraDemonyms = toSet(`serb frenchman frenchwoman briton dutchman dutchwoman scot scotsman scotswoman welshman
welshwoman kiwi aussie pole finn`)

// peoplesWord reports whether w (as written) is a word for a member of a
// people or a party, singular or plural ("Serb", "Spaniards", "Democrat"),
// which describes a speaker and never is the speaker's name.
func peoplesWord(w string) bool {
	lw := strings.ToLower(w)
	for _, s := range []string{lw, strings.TrimSuffix(lw, "s")} {
		if s == "" {
			continue
		}
		if names().has(s, "demonym") || extraDemonyms[s] || partyMembers[s] || partyMembers[s+"s"] {
			return true
		}
	}
	return false
}

// describingWord returns the one capitalised word of a subject that
// bareSpeaker would take for a name, when it is a description rather than
// a name: "the" and a people's or party's word in the singular ("the
// Serb", "the Democrat"; without "the", "Welsh said" is a surname). ok is
// false otherwise: for plurals ("Palestinians", "The Democrats",
// "Demonstrators": a people, a party or a group, which the polnear gold
// credits as speakers: a first version that gave plural nouns for people
// no speaker lost one held polnear mixed quote), and for a word the
// article names a person by in full (a.full), which bareSpeaker resolves.
func (a *attributor) describingWord(subj string) (word string, ok bool) {
	words := strings.Fields(strings.Trim(subj, " ,;:—–-"))
	if len(words) != 2 || !strings.EqualFold(words[0], "the") {
		return "", false
	}
	w := strings.TrimSuffix(words[1], ".")
	lw := strings.ToLower(w)
	if !isNameWord(w) || !isLetters(w) || len(a.full[w]) > 0 || !peoplesWord(w) {
		return "", false
	}
	return w, !pluralPeoplesWord(lw)
}

// pluralPeoplesWord reports whether lw, a people's or party's word in lower
// case, is a plural: an "s" after a singular one ("americans", "serbs",
// "democrats"; "swiss" is no plural). The name lexicon lists plurals as
// demonyms too, so a first version that took any lexicon demonym for a
// singular gave "say the Americans" no speaker (review s34-qrev: one of 57
// changed quotes of the cleaneval gold texts, read; polnear credits a
// people as a group speaker).
func pluralPeoplesWord(lw string) bool {
	s, ok := strings.CutSuffix(lw, "s")
	return ok && s != "" && (names().has(s, "demonym") || extraDemonyms[s] || partyMembers[s])
}

// collectivePeoplesWord reports whether lw, a singular people's word in
// lower case, is also the word for the whole people ("the Chinese said",
// "the French said", "the Dutch said": the country's side in talks as often
// as one player): the -ese and -ish words and French, Dutch, Swiss, Welsh.
// Such a word is the person the article writes with it, else the people as
// before session 34 (review s34-qrev, invented probes: "the Chinese said"
// after talks lost its speaker "Chinese").
func collectivePeoplesWord(lw string) bool {
	return strings.HasSuffix(lw, "ese") || strings.HasSuffix(lw, "ish") || collectiveDemonyms[lw]
}

// collectiveDemonyms are the collective people's words of the name
// lexicon's demonym class that no suffix marks (checked against its list).
var collectiveDemonyms = toSet(`french dutch swiss welsh`)

// describedSpeaker resolves a people's word describingWord returned ("the
// Spaniard said"): the one person the article writes right after that word
// ("Spaniard Rafael Ortiz") or with it in apposition, as nounBeforeName
// finds a described person, else no one. (Tried: the person the article
// names most before the quote; right on 2 of the 4 such quotes read, the
// other two went to the loser of a match and to a senator's colleague.)
func (a *attributor) describedSpeaker(word string, quoteAt int) string {
	if who := a.nounBeforeName(word, quoteAt); who != "" {
		return who // "lost to Spaniard Rafael Ortiz"
	}
	return a.nounBeforeName(strings.ToLower(word), quoteAt) // "Rafael Ortiz, the Spaniard,": appositionNoun reads lower case
}

// maxQuotedObjectWords bounds the object of "quoted ... as saying": a
// name with a title and a short apposition ("the paper quoted Ada Marsh,
// the team's new head coach, as saying" is 8 words). 12 leaves room: the
// longest object of the 19 active "quoted X as saying" quotes read in
// session 34 (story files and new text) was 7 words.
const maxQuotedObjectWords = 12

// quotedAsVerbs follow "as" after the object of "quoted": "quoted Ada
// Marsh as saying", "as telling the newspaper", "as having said" (added
// in review s34-qrev: an invented probe gave it no speaker).
var quotedAsVerbs = toSet(`saying telling writing adding stating declaring warning asking having`)

// quotedObject reads an active "quoted <someone> as saying" after a quote:
// subj is the text before the verb (to check it is not passive) and rest the
// text after it, to the clause's end. It returns the object, the person
// quoted, and its offset in rest; ok is false for any other shape ("was
// quoted as saying", "quoted the report", "quoted him in full").
func quotedObject(subj, rest string) (object string, offset int, ok bool) {
	if passiveAuxiliaries[strings.ToLower(lastWordOf(subj))] { // "Marsh was quoted as saying": the subject speaks, as with "said"
		return "", 0, false
	}
	words := wordsWithOffsets(rest)
	for k := 1; k+1 < len(words) && k <= maxQuotedObjectWords; k++ {
		if strings.EqualFold(words[k].word, "as") && quotedAsVerbs[strings.ToLower(words[k+1].word)] {
			object = strings.TrimRight(rest[:words[k].start], " ,")
			lead := len(object) - len(strings.TrimLeft(object, " "))
			return object[lead:], lead, true
		}
	}
	return "", 0, false
}

// objectPronounGender maps an object pronoun to the gender a.pronoun
// resolves ("quoted him as saying": the last man named).
var objectPronounGender = map[string]string{"him": "male", "her": "female", "them": ""}

// quotedSpeaker is the speaker of "<source> quoted <object> as saying":
// the person or organisation the object names, resolved like a subject
// (an object pronoun like its subject form), never the source that
// reports the words. "" when the object names no one ("quoted unidentified
// officials as saying").
func (a *attributor) quotedSpeaker(object string, from, quoteAt int) string {
	ws := strings.Fields(object)
	if g, ok := objectPronounGender[strings.ToLower(ws[0])]; ok {
		if len(ws) > 1 && !adverbialOpener(ws[1]) {
			return "" // "quoted her husband as saying": someone of hers
		}
		return a.pronoun(g, quoteAt)
	}
	return a.resolveSubject(object, from, quoteAt)
}

// timeWord reports whether w names a day or time ("quoted him Sunday as
// saying").
func timeWord(w string) bool {
	return calendarWords[strings.ToLower(strings.Trim(w, ","))] || strings.EqualFold(w, "today") || strings.EqualFold(w, "then")
}

// adverbialOpener reports whether w, the word after an object pronoun of
// "quoted", opens an adverbial rather than a noun the pronoun possesses:
// a day or time ("quoted him Sunday"), a preposition or time word ("quoted
// her in an interview", "quoted him last week", "quoted her on Tuesday")
// or an -ly adverb ("quoted him directly"). Review s34-qrev: invented
// probes of these shapes gave no speaker where the pronoun's person spoke.
func adverbialOpener(w string) bool {
	lw := strings.ToLower(strings.Trim(w, ","))
	return timeWord(w) || quotedAdverbialWords[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ly")
}

// quotedAdverbialWords open an adverbial after "quoted him/her/them":
// prepositions and time words, never a noun of hers ("her husband").
var quotedAdverbialWords = toSet(`in on at during after before from to by over last this earlier yesterday recently again`)

// inchMark reports whether the straight double quote at byte i of p, where
// a quotation would open, is a measure's inch or seconds mark: right after
// a digit (`a 15.4" laptop`, `the 6'5" forward`, `1/2" pieces`). An
// opening quotation mark follows a space or punctuation; a closing one
// after a digit (`in 1999" he said`) is never read here, as quoteSpans
// reads closers on its own. Session 34 read 2 of 80 sampled quotes that
// were such marks (dragnet), 9 in the gold texts of three extraction sets.
func inchMark(p string, i int) bool {
	return i > 0 && p[i-1] >= '0' && p[i-1] <= '9'
}

// peoplesWordSpeaker resolves the subject "the <word>" for a people's or
// party's word describingWord returned: the person the article writes with
// the word ("lost to Spaniard Rafael Ortiz", "Republican Tomas Brandt",
// "Ada Marsh, a Democrat,"), else, for a singular people's word ("the
// Serb"), no one. ok is false when the caller reads on: for a party's word
// (the description path, which takes the person opening the sentence
// before) and a collective people's word ("the Chinese": the people, as
// before session 34). Review s34-qrev: "the Republican said" after
// "Republican Tomas Brandt and Democrat Ada Marsh ... Marsh spoke first"
// went to Marsh by the description path alone.
func (a *attributor) peoplesWordSpeaker(word string, quoteAt int) (who string, ok bool) {
	if who := a.describedSpeaker(word, quoteAt); who != "" {
		return who, true
	}
	lw := strings.ToLower(word)
	if partyMembers[lw] || collectivePeoplesWord(lw) {
		return "", false
	}
	return "", true
}
