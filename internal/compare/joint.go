package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// jointAuthors returns every author of words credited to a list of
// speakers, when the speaker found for a quote (who, one name or two
// joined by "and") is only part of it: "A, B and C" when who is one of a
// list of three or more people, or of organisations, joined by commas,
// semicolons and "and" (titles, party tags and the capitalised words of
// titles between them: "Harbour Committee Chairman Ada Marsh,
// R-Va.; ... and ..."), in the sentence holding the quote's opening or its
// close (start, end). A single speaker is widened only when that sentence
// names a joint statement ("said in a joint statement", "read a joint
// statement from"): a statement put out together is none of its authors'
// alone, so crediting it to the first of them misquotes the others; a pair
// ("B and C" of "A, B and C said") is always the end of a longer list.
// "" when there is no longer list.
func (a *attributor) jointAuthors(who string, start, end int) string {
	if who == "" {
		return ""
	}
	e, known := a.entityNamed(who), 1
	if e < 0 {
		first, _, ok := strings.Cut(who, " and ")
		if e = a.entityNamed(first); !ok || e < 0 {
			return ""
		}
		known = 2
	}
	for _, at := range []int{start, max(start, end-1)} {
		lo, hi := a.sentenceSpan(at)
		if known == 1 && !namesJointStatement(a.t[lo:hi]) {
			continue
		}
		if list := a.authorList(e, lo, hi); len(list) > known {
			return joinNames(list)
		}
	}
	return ""
}

// namesJointStatement reports whether a sentence speaks of a statement
// put out together ("a joint statement", "a joint letter"). The nouns are
// the documents several authors sign in news (statement, letter,
// declaration, communiqué); "joint" with any other noun ("joint session",
// "joint venture", "joint chiefs") is no shared authorship, so the phrase,
// not the adjective, is matched.
func namesJointStatement(s string) bool {
	ls := strings.ToLower(s)
	for _, w := range []string{"joint statement", "joint letter", "joint declaration", "joint communique", "joint communiqué"} {
		if strings.Contains(ls, w) {
			return true
		}
	}
	return false
}

// authorList returns the names of the list of entities of entity e's kind
// in the text from lo to hi that holds a mention of e (listHolding),
// without a first name that is the object of the word before it
// (objectBefore). Nil when e is not mentioned there.
func (a *attributor) authorList(e, lo, hi int) []string {
	list := a.listHolding(e, lo, hi)
	if len(list) == 0 {
		return nil
	}
	if a.objectBefore(lo, a.mentions[list[0]].offset) {
		// "In a letter to Lena Oduya, A and B said": the first name is
		// the object of a word before it, not one of the speakers.
		if list = list[1:]; !a.mentionsOf(list, e) {
			return nil
		}
	}
	return a.distinctNames(list)
}

// listHolding returns the mention indices of the list of entities of
// entity e's kind in the text from lo to hi that holds a mention of e:
// neighbours in it stand apart by list words only (listGap), and a name
// with a possessive is no item. Nil when e is not mentioned there.
func (a *attributor) listHolding(e, lo, hi int) []int {
	kind := a.entities[e].Kind
	var run, list []int // mention indices of the current list, and of the one holding e
	var found, closed bool
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < hi; i++ {
		m := a.mentions[i]
		if m.kind != kind || a.quoted(m.offset) {
			continue
		}
		gap, and := false, false
		if len(run) > 0 {
			gap, and = listGap(a.t[a.mentions[run[len(run)-1]].end:m.offset])
		}
		// "Ada Marsh, Tomas Brandt’s deputy,": a possessive names whom
		// the item before belongs to, no item of its own. Not a list
		// word between, or a list closed with "and" before the last
		// name ("Asked about A and B, Reyes said": Reyes is no third),
		// ends the list too.
		if ends := possessive(a.t, m.end) || len(run) > 0 && (!gap || closed); ends {
			if found {
				break
			}
			run, closed = nil, false
			if possessive(a.t, m.end) {
				continue
			}
		} else {
			closed = gap && and
		}
		run = append(run, i)
		if found = found || a.entityOf[i] == e; found {
			list = run
		}
	}
	return list
}

// distinctNames returns the full names of the mentions, each once, in
// order.
func (a *attributor) distinctNames(mentions []int) []string {
	var names []string
	seen := map[string]bool{}
	for _, i := range mentions {
		if n := a.nameOf(i); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names
}

// mentionsOf reports whether one of the mentions (indices) is of entity e.
func (a *attributor) mentionsOf(mentions []int, e int) bool {
	for _, i := range mentions {
		if a.entityOf[i] == e {
			return true
		}
	}
	return false
}

// objectBefore reports whether the name starting at byte at is the object
// of the word before it in its sentence (from lo), titles, capitalised
// words, "the" and party tags skipped: a preposition ("a letter to
// Governor A, B and C said", "Like A, B said", "Unlike A, B and C said")
// or a participle ("After meeting A, B and C said"), so no author of a
// list it starts. A description ("the mayor's lawyers A and B said"), a
// speech verb ("said A, B and C"), "from", "by" or "of" ("a joint
// statement from A, B and C"), a punctuation mark or the sentence's start
// leave the name a subject.
func (a *attributor) objectBefore(lo, at int) bool {
	words := strings.Fields(a.t[lo:at])
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		if r, _ := utf8.DecodeLastRuneInString(w); strings.ContainsRune(",;:—–-\"”", r) {
			return false
		}
		lw := strings.ToLower(strings.Trim(w, "()"))
		r, _ := utf8.DecodeRuneInString(w)
		lower := unicode.IsLower(r)
		switch {
		case lw == "from" || lw == "by" || lw == "of" || speechCues[lw]:
			return false
		case (lower || k == 0) && (clauseOpeners[lw] || asidePrepositions[lw] || strings.HasSuffix(lw, "ing")):
			return true // "to", "Unlike", "After meeting", "During"
		case lower && strings.HasSuffix(lw, "ed"):
			return true // "thanked"
		case lower && lw != "the" && !isTitle(w) && roleTitles[lw] == "", k == 0:
			return false // a description ("personal lawyers"), or the sentence's start
		}
	}
	return false
}

// asidePrepositions, with clauseOpeners ("after", "to", "with"), are the
// prepositions that make the name after them an object, not a speaker:
// "Like Ada Marsh, ...", "Unlike Acme Corp, ...". clauseOpeners alone miss
// these comparisons, which open news sentences about someone other than
// their subject; the list is English's common prepositions of that kind,
// not fitted to any bench.
var asidePrepositions = toSet(`like unlike despite besides beside alongside among amid against including except`)

// listGap reports whether the words between two names are only what
// separates the items of a list of them: commas, semicolons, "and", "the",
// party and state tags ("R-Va.", "(D-Mass.)") and capitalised words (the
// title of the next name: "House Oversight Chairman"); and whether "and"
// is among them, which makes the next name the list's last. A lower-case
// word other than these ("met", "with", "of") ends the list.
func listGap(between string) (gap, and bool) {
	for _, w := range strings.Fields(between) {
		w = strings.Trim(w, ",;()")
		lw := strings.ToLower(w)
		switch {
		case w == "":
		case lw == "and":
			and = true
		case lw == "the" || partyStateTag(w) || isTitle(w) || roleTitles[lw] != "":
		default:
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false, false
			}
		}
	}
	return and || strings.ContainsAny(between, ",;"), and
}

// joinNames writes a list of names as English does: "A and B", "A, B and
// C".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
