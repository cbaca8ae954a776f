package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// token is a word of a sentence with its byte offsets.
type token struct {
	word       string
	start, end int
}

// wordSpans finds the words of s as the pattern [\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*
// would, without a regular expression: it runs on every sentence of every
// story compared.
func wordSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			i += n
			continue
		}
		start := i
		for i += n; i < len(s); i += n {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsNumber(r) && r != '\'' && r != '’' && r != '.' && r != '-' {
				break
			}
		}
		out = append(out, [2]int{start, i})
	}
	return out
}

// tokensOf splits a sentence into words, keeping "U.S." whole but dropping a
// word's trailing period and possessive "'s".
func tokensOf(s string) []token {
	var out []token
	for _, loc := range wordSpans(s) {
		w := s[loc[0]:loc[1]]
		for strings.HasSuffix(w, "..") {
			w = w[:len(w)-1] // an ellipsis after a word ("the U.S...." of a cut teaser) is no part of it
		}
		if strings.Count(w, ".") < 2 || !looksLikeInitialism(w) {
			w = strings.TrimRight(w, ".-")
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.TrimRight(w, "'’")
		if w != "" {
			out = append(out, token{w, loc[0], loc[0] + len(w)})
		}
	}
	return out
}

// withoutInitialDots writes each initialism of a name, letters and
// periods, without the periods ("E.U." -> "EU", "U.S. Senate" -> "US
// Senate"); the other words stay as they are.
func withoutInitialDots(name string) string {
	if !strings.Contains(name, ".") {
		return name
	}
	words := strings.Split(name, " ")
	for i, w := range words {
		if strings.Count(w, ".") > 1 && looksLikeInitialism(w) {
			words[i] = strings.ReplaceAll(w, ".", "")
		}
	}
	return strings.Join(words, " ")
}

func looksLikeInitialism(w string) bool {
	for _, part := range strings.Split(strings.Trim(w, "."), ".") {
		if len([]rune(part)) != 1 {
			return false
		}
	}
	return true
}

// entitiesOf merges the entities of every article into the story's: a
// person is one entity across articles when first and last names agree, a
// surname alone joins the story's full name that ends with it; places by
// their gazetteer name; organisations by their name folded to lower case.
// Each is shown by its fullest form; the most widely reported come first.
//
// texts are the articles' texts the mentions were read from (nil in tests
// of mentions alone), for the words each writes with a capital.
func entitiesOf(ids []string, mentions map[string][]mention, texts map[string]string) []news.Entity {
	type agg struct {
		kind     news.EntityKind
		forms    map[string]int
		articles map[string]bool
		count    int
	}
	perArticle := map[string][]Entity{}
	surnames := map[string]string{} // last word of a full name -> its key
	acronyms := storyAcronyms(ids, mentions)
	for _, id := range ids {
		perArticle[id] = groupMentions(withStoryAcronyms(mentions[id], acronyms))
		for _, e := range perArticle[id] {
			if ws := nameWords(e.Name); e.Kind == news.Person && len(ws) > 1 {
				if _, ok := surnames[ws[len(ws)-1]]; !ok {
					surnames[ws[len(ws)-1]] = entityKey(mention{name: e.Name, kind: e.Kind})
				}
			}
		}
	}
	kinds := storyKinds(ids, perArticle)
	type placed struct {
		id string
		e  Entity
	}
	var all []placed
	var allKeys, personNames []string
	for _, id := range ids {
		for _, e := range perArticle[id] {
			e.Kind = kinds[kindVoteKey(e.Name)]
			k := entityKey(mention{name: e.Name, kind: e.Kind})
			if ws := nameWords(e.Name); e.Kind == news.Person && len(ws) == 1 && surnames[ws[0]] != "" {
				k = surnames[ws[0]]
			}
			name := ""
			if e.Kind == news.Person {
				name = e.Name
			}
			all, allKeys, personNames = append(all, placed{id, e}), append(allKeys, string(e.Kind)+":"+k), append(personNames, name)
		}
	}
	joinShortGivenNames(allKeys)
	// A name ending a fuller one another article gives is that person
	// ("O'Rourke" in one article, "Beto O'Rourke" in another; see
	// fullerName).
	people := make([][]string, len(all))
	for i, p := range all {
		if p.e.Kind == news.Person {
			people[i] = nameWords(p.e.Name)
		}
	}
	own := slices.Clone(allKeys)
	joinFullerNames(allKeys, allKeys, people)
	// A lone first name one article writes is the one person of the
	// story named in full with it ("Hillary has some baggage" in one
	// report, "Hillary Clinton" in another; see givenNameOwners), when
	// the article writes that person's surname (writesSurname).
	titledWords := titledLoneWords(ids, mentions)
	titled := make([]bool, len(all))
	for i, ws := range people {
		titled[i] = len(ws) == 1 && titledWords[ws[0]]
	}
	written := map[string]map[string]bool{} // article -> its capitalised words, read when first asked
	joinGivenNames(allKeys, own, personNames, titled, func(i int, surnames map[string]bool) bool {
		id := all[i].id
		if written[id] == nil {
			written[id] = capitalisedWords(texts[id], mentions[id])
		}
		return writesSurname(written[id], surnames)
	})
	allKeys = apartNamesakes(allKeys, personNames)
	byKey := map[string]*agg{}
	var keys []string
	for i, p := range all {
		key := allKeys[i]
		a := byKey[key]
		if a == nil {
			a = &agg{kind: p.e.Kind, forms: map[string]int{}, articles: map[string]bool{}}
			byKey[key] = a
			keys = append(keys, key)
		}
		a.forms[p.e.Name] += len(p.e.Mentions)
		a.articles[p.id] = true
		a.count += len(p.e.Mentions)
	}
	var out []news.Entity
	counts := map[string]int{}
	for _, k := range keys {
		a := byKey[k]
		name := fullestForm(a.forms)
		out = append(out, news.Entity{Name: name, Kind: a.kind, Articles: inOrder(ids, a.articles)})
		counts[name] = a.count
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return counts[out[i].Name] > counts[out[j].Name]
	})
	return out
}

// storyAcronyms collects the acronyms the story's articles define
// ("... Committee (USOPC)", see withDefinedAcronyms): each stands for the
// name the first article to define it gives.
func storyAcronyms(ids []string, mentions map[string][]mention) map[string]mention {
	defined := map[string]mention{}
	for _, id := range ids {
		for _, m := range mentions[id] {
			if _, ok := defined[m.name]; !ok && m.implied != "" && isAcronym(m.name) {
				defined[m.name] = m
			}
		}
	}
	// An acronym no article defines stands for the story's one name of
	// its kind whose capitalised words' initials it spells, each in turn
	// and none skipped ("FTC" in one report, "Federal Trade Commission"
	// in another; "EU", "European Union"): listed apart, the two read as
	// two organisations. Every initial, unlike a definition's looser
	// match (someCapitals), since nothing but the letters ties them; and
	// the kinds must agree, the name be the only one it spells, and no
	// article write the acronym before a number ("SB 1062", a bill, is no
	// "Super Bowl").
	// Measured on allsides_dated and BASIL (docs/measurements/comparison.md, session 22 review,
	// s22-ux): an acronym and the name it spells, of one kind, stood apart
	// in 33 of 491 and 28 of 98 stories; this changed the entities of 33
	// and 25 (s22-rev2's count over `export --what comparisons`).
	spelled := map[string][]mention{} // acronym -> the story's names of two or more words that spell it
	for _, id := range ids {
		for _, m := range mentions[id] {
			if m.kind == news.Person || isAcronym(m.name) {
				continue
			}
			full := m.fullName()
			for _, acr := range initialsOf(full) {
				if !slices.ContainsFunc(spelled[acr], func(o mention) bool { return o.fullName() == full && o.kind == m.kind }) {
					spelled[acr] = append(spelled[acr], mention{name: acr, implied: full, kind: m.kind})
				}
			}
		}
	}
	// An acronym any article writes before a number is a label throughout
	// the story (one sense per discourse, as storyKinds): the "SB" a
	// report writes alone after "SB 1062" is the bill again, and the
	// spelled name, given to every mention of the acronym
	// (withStoryAcronyms), would reach "SB 1062" through it.
	labels := map[string]bool{}
	for _, id := range ids {
		for _, m := range mentions[id] {
			if m.numbered {
				labels[m.name] = true
			}
		}
	}
	for _, id := range ids {
		for _, m := range mentions[id] {
			if _, ok := defined[m.name]; ok || m.implied != "" || labels[m.name] || !isAcronym(m.name) {
				continue
			}
			names := spelled[strings.ReplaceAll(m.name, ".", "")]
			if len(names) != 1 || names[0].kind != m.kind {
				continue
			}
			// A state's initials stand for the state, whatever else the
			// story's names spell: "N.Y." joins "New York", but "D.C."
			// no "Deuel County".
			if st, ok := stateOfInitials(m.name); ok && !strings.EqualFold(names[0].implied, st) {
				continue
			}
			defined[m.name] = names[0]
		}
	}
	return defined
}

// initialsOf gives the acronyms a name of two capitalised words or more
// spells: the initials of its capitalised words ("Federal Trade
// Commission", "FTC"), and, when it has a lower-case "of" between them, the
// initials with that "of" as an "O" too ("Department of Justice", "DOJ"
// beside "DJ"; "Bank of Japan", "BOJ"), as government bodies and banks are
// often written. Only "of": the stories read (session 25, s25-ux) listed
// "DOJ", "DOE" and "BOE" apart from the name they spell in 11 stories of
// six story files, and no acronym spelling another function word.
func initialsOf(full string) []string {
	caps, withOf, n := "", "", 0
	parts := nameParts(full)
	for i, w := range parts {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			n++
			caps += string(r)
			withOf += string(r)
		} else if w == "of" && caps != "" && i+1 < len(parts) {
			withOf += "O"
		}
	}
	if n < 2 {
		return nil
	}
	if withOf != caps {
		return []string{caps, withOf}
	}
	return []string{caps}
}

// withStoryAcronyms gives an article's mentions of an acronym another
// article of the story defines that article's full name, so that "FDA"
// alone in one report joins the "Food and Drug Administration (FDA)" of
// another. The mentions are copied, not changed in place.
func withStoryAcronyms(ms []mention, defined map[string]mention) []mention {
	if len(defined) == 0 {
		return ms
	}
	out := slices.Clone(ms)
	for i, m := range out {
		if d, ok := defined[m.name]; ok && m.implied == "" {
			out[i].implied, out[i].kind = d.implied, d.kind
		}
	}
	return out
}

// storyKinds gives each name one kind across the story: a name means one
// thing within one story (one sense per discourse), so when the recogniser
// calls "Aldbury" a place in one article and an organisation in another,
// the kind with the most mentions wins, ties going to the kind of the
// earliest article in ids (the story's order).
func storyKinds(ids []string, perArticle map[string][]Entity) map[string]news.EntityKind {
	votes := map[string]map[news.EntityKind]int{}
	first := map[string]news.EntityKind{}
	acronyms := map[string]bool{} // "CPAC": no surname, whatever name ends with it
	for _, id := range ids {
		for _, e := range perArticle[id] {
			k := kindVoteKey(e.Name)
			if isAcronym(e.Name) {
				acronyms[k] = true
			}
			if votes[k] == nil {
				votes[k] = map[news.EntityKind]int{}
				first[k] = e.Kind
			}
			votes[k][e.Kind] += len(e.Mentions)
		}
	}
	// A surname alone is the person the story names in full with it:
	// "Biden" counts the votes of "Joe Biden" (a title-less "Biden's plan"
	// in one article is no organisation when another names the man), and
	// wins a tie when the story also reads it as a person somewhere. A lone
	// name that is a known place or organisation and never read as a person
	// keeps its kind ("Washington" the city beside "George Washington",
	// "Ford" the firm beside "Gerald Ford"), and so does an acronym ("Glenn
	// Beck CPAC").
	surnames := map[string]int{} // a lone surname -> the person votes of the full names ending with it
	for k, v := range votes {
		ws := strings.Fields(k)
		if len(ws) < 2 || winner(v, first[k]) != news.Person {
			continue
		}
		surname := ws[len(ws)-1]
		lone := votes[surname]
		if lone == nil || acronyms[surname] {
			continue
		}
		if lone[news.Person] > 0 || !knownPlace(surname) && !names().has(surname, "org") {
			surnames[surname] += v[news.Person]
		}
	}
	for surname, n := range surnames {
		if votes[surname][news.Person] == 0 {
			delete(surnames, surname) // no tie goes to a person the story never read as one
		}
		votes[surname][news.Person] += n
	}
	out := map[string]news.EntityKind{}
	for k, v := range votes {
		if surnames[k] > 0 {
			out[k] = winner(v, news.Person)
		} else {
			out[k] = winner(v, first[k])
		}
	}
	return out
}

// winner is the kind with the most votes, ties going to tie.
func winner(votes map[news.EntityKind]int, tie news.EntityKind) news.EntityKind {
	best := tie
	for _, kind := range []news.EntityKind{news.Person, news.Place, news.Org} {
		if votes[kind] > votes[best] {
			best = kind
		}
	}
	return best
}

// kindVoteKey is a name's words in lower case, whatever its kind.
func kindVoteKey(name string) string {
	if ws := nameWords(withoutInitialDots(name)); len(ws) > 0 {
		return strings.Join(ws, " ")
	}
	return strings.ToLower(name)
}

// entityKey is what two mentions of one entity share: a person's first and
// last names, lower case ("donald trump" for "Donald J. Trump"); the name
// in lower case for the rest, an initialism without its periods ("E.U." is
// "eu"). A short form of a given name keeps its own key ("ed markey"):
// joinShortGivenNames joins it to the full form's where there is one.
func entityKey(m mention) string {
	ws := nameWords(withoutInitialDots(m.fullName()))
	if len(ws) == 0 {
		return strings.ToLower(m.name)
	}
	if m.kind != news.Person {
		if m.kind == news.Place {
			if m.country != "" {
				return strings.ToLower(m.country) // "Frankreich" and "France" are one place
			}
			if p := places().places[strings.TrimRight(strings.ToLower(m.name), ".")]; p != "" {
				return strings.ToLower(p)
			}
		}
		return strings.Join(ws, " ")
	}
	return ws[0] + " " + ws[len(ws)-1]
}

// withFormalGivenName returns a person's key (entityKey) with a short form
// of the given name written in full (formalGivenNames: "ed markey" is
// "edward markey"); the key as it is otherwise.
func withFormalGivenName(key string) string {
	first, rest, ok := strings.Cut(key, " ")
	if formal, short := formalGivenNames[first]; ok && short {
		return formal + " " + rest
	}
	return key
}

// joinShortGivenNames gives the key of a person written with a short form
// of the given name ("person:ed markey") the key of the person written
// with the full one ("person:edward markey") when keys hold that one: "Ed
// Markey" and "Edward J. Markey" are one person. Two short forms of one
// name are not joined to each other ("Ed Marlow" and "Ted Marlow" are two
// people, as the article or the story writes them apart; session 42's
// review of s42-cmp). Keys are a kind, ":" and entityKey's key.
func joinShortGivenNames(keys []string) {
	present := map[string]bool{}
	for _, k := range keys {
		present[k] = true
	}
	prefix := string(news.Person) + ":"
	for i, k := range keys {
		key, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		if formal := prefix + withFormalGivenName(key); formal != k && present[formal] {
			keys[i] = formal
		}
	}
}

// formalGivenNames map the English short forms of given names that stand
// for one full name to it (joinShortGivenNames): "Ed Markey" in one report
// and "Edward J. Markey" in another are one person, as are "Tim Murray" and "Timothy
// Murray" (three such pairs in the three BASIL stories read in session
// 42). Listed by hand; a short form of two common full names ("Steve",
// "Pat", "Alex", "Chris", "Jack", "Sam") is left out, so that two people
// of one surname stay apart.
var formalGivenNames = map[string]string{
	"ed": "edward", "eddie": "edward", "ned": "edward", "ted": "edward", "teddy": "edward",
	"bill": "william", "billy": "william", "will": "william", "willie": "william",
	"bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert",
	"jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas", "tommy": "thomas",
	"tim": "timothy", "timmy": "timothy", "dick": "richard", "rick": "richard", "ricky": "richard",
	"joe": "joseph", "joey": "joseph", "dan": "daniel", "danny": "daniel", "dave": "david",
	"matt": "matthew", "nick": "nicholas", "tony": "anthony", "andy": "andrew", "ben": "benjamin",
	"ken": "kenneth", "larry": "lawrence", "greg": "gregory", "doug": "douglas", "ron": "ronald",
	"don": "donald", "fred": "frederick", "chuck": "charles", "charlie": "charles", "hank": "henry",
	"liz": "elizabeth", "betsy": "elizabeth", "betty": "elizabeth", "peggy": "margaret", "sue": "susan",
	"jenny": "jennifer", "abby": "abigail",
}

// inOrder lists the ids of a set in the story's article order.
func inOrder(ids []string, in map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if in[id] {
			out = append(out, id)
		}
	}
	return out
}

// titledLoneWords are the lone words the story's articles write as a
// person's name after a title ("President Obama", "Mrs. Clinton"), lower
// case: surnames, which no lone first name rule may take (givenNameOwners).
func titledLoneWords(ids []string, mentions map[string][]mention) map[string]bool {
	out := map[string]bool{}
	for _, id := range ids {
		for _, m := range mentions[id] {
			if ws := nameWords(m.name); m.kind == news.Person && m.title != "" && len(ws) == 1 {
				out[ws[0]] = true
			}
		}
	}
	return out
}
