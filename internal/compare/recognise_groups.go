package compare

import "strings"

// Groups named by one word (session 34, s34-ent): "the Taliban", "Hamas",
// "Hezbollah", "Fatah". The model, fitted on Reuters 1996 that writes none
// of them, finds no name in such a word (Taliban: none with p .94), and
// the name lexicon lists none of them: on the seven story files 222 of 225
// "Taliban" and 73 of 73 "Hamas" mentions were missed (session 33).

// memberNouns are the lower-case nouns that, right after a group's name,
// name its members or its officers: "Taliban fighters", "Hamas leaders",
// "a Hezbollah commander", "Fatah members". "Supporters", "loyalists",
// "operatives", "officials" and "chief" are left out: they follow people's
// names ("Mubarak supporters", "Romney operatives") and demonyms ("Afghan
// officials") as often; "fighter" and "ranks" stand in "fighter jets" and
// "X ranks second" (read on the news sets of the extraction bench, and
// "Romney operatives" on basil, session 34).
var memberNouns = toSet(`fighters militant militants leader leaders spokesman spokesmen spokeswoman spokesperson commander
commanders member members founder founders insurgent insurgents gunman gunmen rebels guerrilla guerrillas militia militiamen
activist activists movement`)

// folkNouns are the lower-case nouns that, right after a word, show it
// names a people, not a group: "Inuit children", "the Inuit homeland",
// "Tuareg families"; from "refugees" on added by review s34-erev
// ("Rohingya refugees", "Sikh temples" in invented probes). A people
// takes member nouns too ("an Inuit leader", duc2003), but CoNLL counts
// it as miscellaneous.
var folkNouns = toSet(`children women men people families family language languages culture homeland homelands tribe tribes
villages villagers elders community communities descent ancestry heritage refugees refugee minority minorities population
tribesmen clan clans diaspora pilgrims worshippers faithful mosque mosques temple temples shrine shrines`)

// groupNouns are the lower-case nouns that, right before a name, say it is
// a group's: "the militant group Hezbollah", "the Islamist movement Hamas".
var groupNouns = toSet(`group groups movement militia faction organization organisation`)

// headVerbsAfter are the words that, right after a lone capitalised word,
// show it heads its noun phrase ("the Taliban said", "Hamas has", "the
// Taliban will"): the word is used as a noun, no adjective. "And", "or" and
// relative words are left out: "Syrian and Iranian officials" coordinates
// adjectives.
var headVerbsAfter = toSet(`is was has had have are were will would could can may might did does do said says claimed
told denied warned announced`)

// headPunct is the punctuation that, right after a lone capitalised word,
// ends its noun phrase ("fought the Taliban.", "Hamas, which").
var headPunct = toSet(`. , ; : )`)

// groupsNamedByMembers returns the lone words (lower case) an article
// writes both before a noun of a group's members ("Taliban fighters") and,
// elsewhere, as the head of a noun phrase ("the Taliban said", "Hamas's
// leader", "against Hamas."): a group's name, an organisation. Both cues
// are needed: a demonym or a religion's adjective takes the member noun
// ("Sunni militants", "Syrian rebels") but is rarely a head, and a
// person's surname is a head but rarely before "fighters". The word must
// also be written capitalised inside a sentence (not only opening one),
// never in lower case, and be no place, demonym, party adjective, first
// name, month or weekday, title or generic organisation word ("the
// Council"), nor the surname of one of the article's people; not written
// after "in" or "near" ("aid workers in Darfur": a region the gazetteer
// lacks) nor before a noun of a people ("Inuit children"). GloVe's
// frequency is no guide: "Taliban" and "Hamas" are among its 5,000 most
// frequent words.
func groupsNamedByMembers(t string, cands []candidate, d docContext, people map[string]bool) map[string]bool {
	member, head, inside, refused := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range cands {
		if len(c.toks) != 1 || c.title != "" {
			continue
		}
		w := strings.ToLower(c.text)
		if !c.initial {
			inside[w] = true
		}
		if c.prevPunct == "" && wherePrepositions[c.prev] || c.nextPunct == "" && folkNouns[c.next] || namedAsPlace(t, c) || agedAsPerson(t, c) {
			refused[w] = true
		}
		if c.nextPunct == "" && memberNouns[c.next] || c.prevPunct == "" && groupNouns[c.prev] {
			member[w] = true
		}
		if headsItsPhrase(t, c) {
			head[w] = true
		}
	}
	out := map[string]bool{}
	for w := range member {
		if head[w] && inside[w] && !refused[w] && mayNameAGroup(w, d, people) {
			out[w] = true
		}
	}
	return out
}

// mayNameAGroup reports whether a lone word (lower case) may be a group's
// name: none of the words groupsNamedByMembers refuses.
func mayNameAGroup(w string, d docContext, people map[string]bool) bool {
	l := names()
	switch {
	case d.lower[w] || people[w] || calendarWords[w] || partyAdjectives[w] || personTitleWords[w] || titleWords[w] ||
		genericOrgWords[w] || legislatures[w]:
		return false
	case knownPlace(w) || l.has(w, "demonym") || isFirstName(w) || peoplesAndFaiths[w] || commonGroupNouns[w]:
		return false
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) {
			return false
		}
	}
	return true
}

// headsItsPhrase reports whether a lone capitalised word ends its noun
// phrase: it owns what follows ("Hamas's leader"), or punctuation, a verb
// of headVerbsAfter or a preposition (headPrepositions) follows it ("the Taliban in Afghanistan", "Hamas said").
func headsItsPhrase(t string, c candidate) bool {
	if possessive(t, c.end) || headPunct[c.nextPunct] {
		return true
	}
	return c.nextPunct == "" && (headVerbsAfter[c.next] || headPrepositions[c.next])
}

// headPrepositions are the prepositions that may follow a group's name
// ("the Taliban in Afghanistan", "Hamas for the attack"); not "first",
// "more", "all" and the other function words that also follow an adjective
// ("Spanish first division").
var headPrepositions = toSet(`in for from of at on to by with against into over under after before since within without
about among between across through during as`)

// wherePrepositions are the prepositions after which a lone name is where
// something is ("in Darfur", "near Kandahar"): a region the gazetteer does
// not know takes member nouns too ("Darfur rebels").
var wherePrepositions = toSet(`in near across throughout inside outside`)

// adjectiveEndings end the adjectives of nations, religions and creeds
// that the lexicon's demonyms lack ("Spanish", "Kurdish", "Islamist",
// "Islamic", "Sunnite"): such a word takes member nouns ("Kurdish
// fighters") and may end a phrase ("the Islamists"), but CoNLL counts it
// as miscellaneous.
var adjectiveEndings = []string{"ish", "ian", "ians", "ese", "ist", "ists", "ic", "ite", "ites"}

// peoplesAndFaiths are one-word names of peoples and of faiths or their
// branches that the lexicon's demonyms (countries' words only) lack and
// adjectiveEndings do not catch. They take member nouns ("Druze leaders",
// "Shia militia members") and head phrases ("The Rohingya have fled"), as
// a group does, but CoNLL counts them as miscellaneous. Written from
// general knowledge (review s34-erev: invented probes with "Rohingya",
// "Druze", "Uighur", "Sikh", "Shia", "Hutu", "Mormon" were all made
// organisations); lower case.
var peoplesAndFaiths = toSet(`hutu hutus tutsi tutsis rohingya rohingyas druze uighur uighurs uyghur uyghurs kurd kurds pashtun
pashtuns tajik tajiks hazara hazaras baloch baluch tamil tamils berber berbers tuareg tuaregs bedouin bedouins maori inuit sami
roma sinti gurkha gurkhas gorkha gorkhas zulu zulus xhosa maasai masai oromo amhara fulani hausa igbo yoruba kikuyu kalenjin
kachin hmong cherokee navajo sioux apache mohawk cree lakota yazidi yazidis copt copts shia shias sunni sunnis sufi sufis
salafi salafis wahhabi ahmadi ahmadis ismaili bahai sikh sikhs hindu hindus muslim muslims jew jews jain jains mormon mormons
amish quaker quakers haredi hasidim`)

// commonGroupNouns are common nouns that a style capitalises for one
// body ("the Opposition said", "Church leaders ... the Church said"): no
// name of their own, and the model finds none in them (review s34-erev,
// invented probes).
var commonGroupNouns = toSet(`opposition church government administration coalition resistance regime junta alliance
establishment`)

// placeAppositionNouns are the nouns that, ending an apposition after a
// lone name ("Idlib, the last rebel province,", "Chiapas, Mexico's
// poorest state,"), or before "of" and the name ("the island of
// Mindanao"), show that it names a place.
var placeAppositionNouns = toSet(`town city village province district region county suburb municipality hamlet township
prefecture state island islands peninsula valley territory enclave area capital borough country nation homeland
governorate oblast`)

// maxPlaceAppositionWords is the most words of an apposition read by
// namedAsPlace: a determiner or an owner, one or two adjectives, the noun
// ("the last rebel province", "Mexico's poorest state").
const maxPlaceAppositionWords = 5

// namedAsPlace reports whether a lone name is written as a place: after
// a settlement or region noun and "of" ("the island of Mindanao"), or
// followed by an apposition that ends in a place noun and opens with a
// determiner or an owner's name ("Idlib, the last rebel province,",
// "Chiapas, Mexico's poorest state,"). A region the gazetteer lacks takes
// member nouns ("Idlib rebels", "Kashmir militants") and ends phrases as
// a group does (review s34-erev, invented probes).
func namedAsPlace(t string, c candidate) bool {
	// 40 bytes before the name hold the two words read, a place noun and
	// "of" ("the governorate of ", 19); not measured, a bound on the
	// slice only (a cut first word is never one of the two read).
	before := strings.ToLower(t[max(0, c.start-40):c.start])
	if ws := strings.Fields(before); len(ws) >= 2 && ws[len(ws)-1] == "of" && placeAppositionNouns[ws[len(ws)-2]] {
		return true
	}
	if c.nextPunct != "," {
		return false
	}
	rest := strings.TrimPrefix(strings.TrimLeft(t[c.end:], " "), ",")
	if k := strings.IndexAny(rest, ",.;:()\n"); k >= 0 {
		rest = rest[:k]
	}
	ws := strings.Fields(rest)
	if len(ws) < 2 || len(ws) > maxPlaceAppositionWords {
		return false
	}
	first := strings.ToLower(ws[0])
	if first != "the" && first != "a" && first != "an" && !isPossessive(ws[0]) {
		return false
	}
	return placeAppositionNouns[strings.ToLower(ws[len(ws)-1])]
}

// agedAsPerson reports whether a lone name is followed by an age set off
// by commas ("Bukele, 41, won"): a person's surname, never a group's
// (review s34-erev: "A Bukele spokeswoman ... Bukele, 41," made the
// surname an organisation).
func agedAsPerson(t string, c candidate) bool {
	if c.nextPunct != "," {
		return false
	}
	rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(t[c.end:], " "), ","), " ")
	n := 0
	for n < len(rest) && n < 3 && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	return n > 0 && n < 3 && n < len(rest) && rest[n] == ','
}
