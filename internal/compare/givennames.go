package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// personName is one person's name as a lone given name is matched against
// it: its lower-case words (nameWords), the key of the person it names, and
// whether the name, written alone, followed a title ("President Obama",
// "Mrs. Clinton").
type personName struct {
	words  []string
	key    string
	titled bool
	// foreignGiven: the words after the first, as written, are all
	// neither a common English word nor in the name lexicon ("Jae-in" of
	// "Moon Jae-in", "Lijian" of "Zhao Lijian"): given names of a
	// surname written first, not words a headline glued to a surname
	// ("Obama Willing").
	foreignGiven bool
}

// givenNameOwners maps a lone word to the one person whose name of two or
// more words starts with it ("Melania" to Melania Trump, "Hillary" to
// Hillary Clinton), for a lone first name written apart from its person
// ("a picture of Melania", "Hillary has some baggage"). A word is given an
// owner only when an analyst would read it so without doubt:
//   - exactly one person (one key) of the names starts with it: a "John"
//     beside John Boehner and John Kerry stays apart, as which John is
//     unknown (dropping it would hide that an article names a John at all).
//     Written after a title, though, the word is a surname written first
//     ("Mr. Kim" beside Kim Jong-un, Kim Jong-il and Kim Il-sung), and is
//     the person named in full most often, as a lone surname is
//     (fullNameFor), when one is named so more often than each other;
//   - no name ends with it: a word that is also someone's surname is that
//     person (the lone-surname rules, fullNameFor, take it);
//   - a word the lexicon lists as a surname only ("Obama", "Zhao"), or
//     lists as no first name and is written alone after a title
//     ("President Obama", "Mr. Moon"), is a surname: it joins only a name
//     whose other words are given names of a surname written first
//     (foreignGiven: "Zhao Lijian", "Moon Jae-in"), never one a headline
//     glued to it ("Obama Willing"); a listed first name after a title is
//     still one ("Chief of Staff William", "Mr. Kim" of Kim Jong-un);
//   - no title stands between it and the surname: "BuzzFeed" opens
//     "BuzzFeed Editor-in-Chief Ben Smith", a post glued to the name, and
//     is not Ben Smith's first name.
//
// The lexicon's first names are not required: "Melania", "Huma" and "Newt"
// are not among them, and were 5 of the 18 lone first names of the BASIL
// story lists (session 23, s23-ent).
func givenNameOwners(people []personName) map[string]string {
	owners := map[string]map[string]int{} // first word of a fuller name -> the keys of its people -> names so written
	endings := map[string]bool{}          // last words of fuller names
	titled := map[string]bool{}           // lone words written after a title
	foreign := map[string]bool{}          // keys of a person one of whose names is a surname and foreign given names
	for _, p := range people {
		switch {
		case len(p.words) > 1:
			if slices.ContainsFunc(p.words[1:len(p.words)-1], isTitle) {
				continue
			}
			if owners[p.words[0]] == nil {
				owners[p.words[0]] = map[string]int{}
			}
			owners[p.words[0]][p.key]++
			endings[p.words[len(p.words)-1]] = true
			if p.foreignGiven {
				foreign[p.key] = true
			}
		case len(p.words) == 1 && p.titled:
			titled[p.words[0]] = true
		}
	}
	out := map[string]string{}
	for w, keys := range owners {
		if endings[w] {
			continue
		}
		if len(keys) == 1 {
			for k := range keys {
				if surnameFirst := titled[w] && !isFirstName(w) || surnameOnly(w); !surnameFirst || foreign[k] {
					out[w] = k
				}
			}
			continue
		}
		if surnameOnly(w) || !isFirstName(w) && titled[w] {
			continue
		}
		if k := mostNamed(keys); titled[w] && k != "" {
			out[w] = k
		}
	}
	return out
}

// mostNamed returns the key named more often than each other, "" on a tie.
func mostNamed(counts map[string]int) string {
	best, bestN, tie := "", 0, false
	for k, n := range counts {
		switch {
		case n > bestN:
			best, bestN, tie = k, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// surnameOnly reports whether the name lexicon lists a lower-case word as
// a surname and not as a first name.
func surnameOnly(w string) bool {
	return names().has(w, "last") && !isFirstName(w)
}

// joinGivenNames gives each lone person's word whose key is still its own
// (no surname rule took it) the key of the one person it is the first name
// of (givenNameOwners). keys are the keys so far, own the keys before any
// join, written each person's name as written ("" for what is no person),
// titled whether each was written after a title. A lone name with a
// generation ("Elizabeth II") is a name of its own, no first name.
//
// accept, when not nil, must also accept the join: it is told the index of
// the lone word and the surnames of the person it would join
// (surnamesByKey). Across a story's articles, it asks that the lone word's
// article write one of them (see writesSurname).
func joinGivenNames(keys, own, written []string, titled []bool, accept func(i int, surnames map[string]bool) bool) {
	names := make([]personName, 0, len(written))
	words := make([][]string, len(written))
	for i, w := range written {
		if w != "" {
			words[i] = nameWords(w)
			names = append(names, personName{words: words[i], key: keys[i], titled: titled[i], foreignGiven: foreignGiven(w)})
		}
	}
	owners := givenNameOwners(names)
	var surnames map[string]map[string]bool
	if accept != nil {
		surnames = surnamesByKey(names)
	}
	for i, ws := range words {
		if len(ws) != 1 || keys[i] != own[i] || owners[ws[0]] == "" || generationOf(written[i]) != "" {
			continue
		}
		if accept != nil && !accept(i, surnames[owners[ws[0]]]) {
			continue
		}
		keys[i] = owners[ws[0]]
	}
}

// surnamesByKey maps each person's key to the surnames of its names of two
// or more words: their last words, and the first of a surname written first
// ("tsai" of "Tsai Ing-wen": foreignGiven).
func surnamesByKey(people []personName) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, p := range people {
		if len(p.words) < 2 {
			continue
		}
		if out[p.key] == nil {
			out[p.key] = map[string]bool{}
		}
		out[p.key][p.words[len(p.words)-1]] = true
		if p.foreignGiven {
			out[p.key][p.words[0]] = true
		}
	}
	return out
}

// capitalisedWords are the lower-case words an article writes with a
// capital ("Weitz", "Gomes'", "Lohan"), from its text, and from its
// mentions' names when no text is given (tests of mentions alone): a
// surname the entity model missed as a name ("Lohan reportedly pulled
// up") is still written.
func capitalisedWords(t string, ms []mention) map[string]bool {
	out := map[string]bool{}
	for _, w := range text.Words(text.Fold(t)) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			out[strings.ToLower(w)] = true
		}
	}
	for _, m := range ms {
		for _, w := range nameWords(m.name) {
			out[w] = true
		}
	}
	return out
}

// writesSurname reports whether an article's capitalised words
// (capitalisedWords) hold one of surnames: "Weitz co-directed it with his
// brother Paul", "Gomes' mother, Katherine". A lone first name in an
// article that writes no surname of the story's one person of that first
// name is too often someone else to join that person: on duc2003's and
// ecbplus_dev's gold stories (s23-rev2, session 23), of 62 such joins
// across articles 36 were right, 14 wrong (the "Peanuts" character Lucy as
// museum board member Lucy Shelton Caswell in 7 articles, a patient
// "identified only as Karen" as Karen Jones, "Adam (Pacman) Jones" as Adam
// Vinatieri, Hurricane George as George W. Bush) and 12 one thing of a
// wrong kind either way ("Bradley" of the "Bradley Braves"); 12 of the 14
// wrong wrote no such surname, and 8 of the 36 right did not either
// (characters of a novel called by first name, "Sarah" of Sarah Palin,
// "Cam" of Cam Newton).
func writesSurname(words, surnames map[string]bool) bool {
	for s := range surnames {
		if words[s] {
			return true
		}
	}
	return false
}

// foreignGiven reports whether the words of a name after its first, as
// written (a hyphenated "Jae-in" one word), are each neither a common
// English word (within GloVe's epithetRank most frequent) nor listed in the
// name lexicon: the given names of a surname written first ("Moon
// Jae-in", "Zhao Lijian"). A name of one word has none.
func foreignGiven(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws[1:] {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if len(names()[lw]) > 0 {
			return false
		}
		if r, ok := wordvec.Rank(lw); ok && r < epithetRank {
			return false
		}
	}
	return true
}
