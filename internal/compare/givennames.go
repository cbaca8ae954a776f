package compare

import "slices"

// personName is one person's name as a lone given name is matched against
// it: its lower-case words (nameWords), the key of the person it names, and
// whether the name, written alone, followed a title ("President Obama",
// "Mrs. Clinton").
type personName struct {
	words  []string
	key    string
	titled bool
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
//   - the word, when the lexicon lists it as no first name, is never
//     written alone after a title: "President Obama" is a surname, whatever
//     name starts with it ("Obama Willing", a headline's words glued to the
//     name); a listed first name after a title is still one ("Chief of
//     Staff William", "Mr. Kim" of Kim Jong-un);
//   - the name lexicon does not list it as a surname only ("Obama");
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
		case len(p.words) == 1 && p.titled:
			titled[p.words[0]] = true
		}
	}
	out := map[string]string{}
	for w, keys := range owners {
		if endings[w] || titled[w] && !isFirstName(w) || surnameOnly(w) {
			continue
		}
		if len(keys) == 1 {
			for k := range keys {
				out[w] = k
			}
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
func joinGivenNames(keys, own, written []string, titled []bool) {
	names := make([]personName, 0, len(written))
	words := make([][]string, len(written))
	for i, w := range written {
		if w != "" {
			words[i] = nameWords(w)
			names = append(names, personName{words: words[i], key: keys[i], titled: titled[i]})
		}
	}
	owners := givenNameOwners(names)
	for i, ws := range words {
		if len(ws) == 1 && keys[i] == own[i] && owners[ws[0]] != "" && generationOf(written[i]) == "" {
			keys[i] = owners[ws[0]]
		}
	}
}
