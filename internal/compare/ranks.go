package compare

import (
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// This file reads a qualified title in a description of the speaker ("the
// deputy chief said", "the former president said", "the acting mayor
// said"): the qualifier says the speaker is not the one who holds the
// plain title now ("Chief Carla Best" is not her deputy), so the
// description stands only for someone the article names with the same
// qualifier before that title.

// rankQualifiers before a title make its bearer someone other than the
// title's present holder: a deputy, an assistant, a stand-in or a past
// holder. "vice", "deputy" and "assistant" are deputyWords; "acting" and
// "interim" hold an office for someone; "former" held it.
var rankQualifiers = toSet(`vice deputy assistant acting interim former`)

// rankQualifier returns the first of rankQualifiers among a description's
// modifiers (the words between its article and its head: "deputy police"
// of "the deputy police chief"), "" when none is.
func rankQualifier(modifiers []string) string {
	for _, w := range modifiers {
		if lw := strings.ToLower(strings.Trim(w, ",.;:")); rankQualifiers[lw] {
			return lw
		}
	}
	return ""
}

// titledHead reports whether a description's head is a title or a role
// someone holds ("chief", "president", "coach"), which a rank qualifier
// may qualify.
func titledHead(head string) bool {
	return roleTitleOf(head) != "" || describedRoleNouns[head] || isTitle(head)
}

// qualifiedHolder returns the person the article names, before byte at,
// right after the title role (one word, or two: "vice president") written
// with the qualifier q before it ("Deputy Chief Ada Marsh", "former Calder
// president Tomas Brandt", "former Vice President Tomas Brandt"; q among
// the last maxQualifiedGap words before the title, so at most two words
// between the two), or in apposition to "q role"
// ("Ada Marsh, the deputy chief,"). "" when no one, or two different
// people, are so named.
func (a *attributor) qualifiedHolder(q, role string, at int) string {
	who := ""
	for i := 0; i < len(a.mentions) && a.mentions[i].offset < at; i++ {
		m := a.mentions[i]
		if m.kind != news.Person || a.quoted(m.offset) {
			continue
		}
		words, ok := roleWordsBefore(a.t[max(0, m.offset-maxNounBytes):m.offset], role)
		if !ok || !slices.Contains(qualifiersOfTitle(words), q) {
			continue
		}
		if name := a.nameOf(i); who == "" {
			who = name
		} else if who != name {
			return ""
		}
	}
	if who == "" {
		return a.nounBeforeName(q+" "+role, at) // "Ada Marsh, the deputy chief, said"
	}
	return who
}

// maxQualifiedGap is how many of the words right before a title are read
// for its rank qualifier: the qualifier and at most two words between it
// and the title. "former Tanzanian president", "Deputy Police Chief" have
// one between; two leaves room for "former U.S. Navy chief" and no more,
// so that a qualifier of another phrase is not read.
const maxQualifiedGap = 3

// qualifiersOfTitle returns the rank qualifiers that qualify a title,
// given the words before the title in its phrase (roleWordsBefore): those
// among its last maxQualifiedGap words with no function word between them
// and the title ("former deputy" of "Former Deputy Chief"), none when
// none. A qualifier of another phrase is not the title's: "the former
// capital as President Ada Marsh" names the president in office, "former
// Calder president Tomas Brandt" a past one.
func qualifiersOfTitle(words []string) []string {
	var qs []string
	for i := len(words) - 1; i >= max(0, len(words)-maxQualifiedGap); i-- {
		w := strings.Trim(words[i], ".")
		if functionWords[w] {
			break
		}
		if rankQualifiers[w] {
			qs = append(qs, w)
		}
	}
	return qs
}

// roleWordsBefore reports whether s, the text right before a name, ends
// with the title role (one or two words, lower case: "chief", "vice
// president") in the same phrase (no comma, colon, parenthesis, quote mark
// or line break after its start), and returns the phrase's words before
// the title, lower case, split at hyphens as well ("Vice-President"): the
// words that may qualify it.
func roleWordsBefore(s, role string) ([]string, bool) {
	if c := strings.LastIndexAny(s, ",;:()\n\"“”"); c >= 0 {
		s = s[c+1:]
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' })
	rs := strings.Fields(role)
	if len(words) < len(rs) {
		return nil, false
	}
	k := len(words) - len(rs)
	for j, r := range rs {
		w := strings.TrimSuffix(words[k+j], ".")
		if w != r && (j < len(rs)-1 || !sameRole(w, r)) {
			return nil, false
		}
	}
	return words[:k], true
}

// sameRole reports whether a title as written (w, lower case, no period)
// names the role of head: the same word, or titles of one role ("gov" and
// "governor", "sen" and "senator").
func sameRole(w, head string) bool {
	return w == head || roleTitleOf(w) != "" && roleTitleOf(w) == roleTitleOf(head)
}

// holdsPlainTitle reports whether the article names the person who with
// the title role and no rank qualifier before it ("Police Chief Carla
// Best" for "chief"), or gives them that title otherwise ("Carla Best, the
// police chief,": a.titles) and never writes a qualifier before it: the
// title's holder, whom "the deputy chief" is not. A title recorded for
// someone always named "Vice President Tomas Brandt" is not the plain one.
func (a *attributor) holdsPlainTitle(who, role string) bool {
	e := a.entityNamed(who)
	if e < 0 {
		return false
	}
	plain, qualified := a.roleMentions(e, role)
	if plain {
		return true
	}
	t := roleTitleOf(role)
	return t != "" && a.titles[e][t] && !qualified
}

// roleMentions reports whether some mention of entity e is written right
// after the title role with no rank qualifier before it (plain: "Chief
// Carla Best"), and whether some is with one (qualified: "Vice President
// Tomas Brandt" for "president").
func (a *attributor) roleMentions(e int, role string) (plain, qualified bool) {
	for i, m := range a.mentions {
		if a.entityOf[i] != e {
			continue
		}
		words, ok := roleWordsBefore(a.t[max(0, m.offset-maxNounBytes):m.offset], role)
		if !ok {
			words, ok = appositionRoleWords(a.t[m.end:min(len(a.t), m.end+2*maxNounBytes)], role)
		}
		if !ok {
			continue
		}
		if len(qualifiersOfTitle(words)) == 0 {
			plain = true
		} else {
			qualified = true
		}
	}
	return plain, qualified
}

// appositionRoleWords reports whether s, the text right after a name,
// gives the name the title role in apposition ("Carla Best, the police
// chief,": appositionNoun), and returns the words of the apposition before
// the title, lower case: the words that may qualify it ("the deputy").
func appositionRoleWords(s, role string) ([]string, bool) {
	if !appositionNoun(s, role) {
		return nil, false
	}
	words, rs := strings.Fields(strings.ToLower(s)), strings.Fields(role)
	for i := 0; i+len(rs) <= len(words); i++ {
		if strings.TrimRight(strings.Join(words[i:i+len(rs)], " "), ",.;:") == role {
			return words[:i], true // "vice president" of "the vice president": "vice" is the title's
		}
	}
	return nil, false
}

// titledNameOnly reports whether words, the subject of a short
// attribution after a quote, are only a name with its titles, at most
// maxAppositiveWords of them: capitalised words, titles and the words that
// qualify titles ("interim", "deputy", "press"), the last one capitalised
// ("Calder interim coach Tom Fell asked", five words before the verb, which
// shortAttributionWords alone refused after a question; s37-quote2).
func titledNameOnly(words []token) bool {
	if len(words) == 0 || len(words) > maxAppositiveWords || !startsWithCapital(words[len(words)-1].word) {
		return false
	}
	titled := false
	for _, w := range words {
		lw := strings.ToLower(w.word)
		switch {
		case isTitle(w.word):
			titled = true
		case startsWithCapital(w.word) && !functionWords[lw]:
		case rankQualifiers[lw] || titleQualifiers[lw] || titleModifiers[lw]:
		default:
			return false
		}
	}
	return titled
}

// plainHolderFor returns who a plain title ("the president", no rank
// qualifier) stands for when the antecedent found is who: who, unless the
// article names who with the title only after a qualifier ("Former
// President Ada Marsh criticised President Tomas Brandt") and names another
// person before byte at with the plain title, who is then the one (s38-srev's
// probes: base gave the former president the sitting one's words).
func (a *attributor) plainHolderFor(who, role string, at int) string {
	if e := a.entityNamed(who); e < 0 || a.holdsPlainTitle(who, role) {
		return who
	} else if _, qualified := a.roleMentions(e, role); !qualified {
		return who
	}
	for i := a.mentionsFrom(at) - 1; i >= 0; i-- {
		m := a.mentions[i]
		if m.kind != news.Person || a.quoted(m.offset) {
			continue
		}
		if name := a.nameOf(i); name != who && a.holdsPlainTitle(name, role) {
			return name
		}
	}
	return who
}
