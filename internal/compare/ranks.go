package compare

import (
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
// right after a title written with the qualifier q before the title head
// ("Deputy Chief Ada Marsh", "former Calder president Tomas Brandt",
// "Acting Mayor Ana Ruiz"; at most maxQualifiedGap words between the two),
// or in apposition to "q head" ("Ada Marsh, the deputy chief,"). "" when
// no one, or two different people, are so named.
func (a *attributor) qualifiedHolder(q, head string, at int) string {
	who := ""
	for i := 0; i < len(a.mentions) && a.mentions[i].offset < at; i++ {
		m := a.mentions[i]
		if m.kind != news.Person || a.quoted(m.offset) || !qualifiedTitleBefore(a.t[max(0, m.offset-maxNounBytes):m.offset], q, head) {
			continue
		}
		if name := a.nameOf(i); who == "" {
			who = name
		} else if who != name {
			return ""
		}
	}
	if who == "" {
		return a.nounBeforeName(q+" "+head, at) // "Ada Marsh, the deputy chief, said"
	}
	return who
}

// maxQualifiedGap is how many words may stand between a rank qualifier and
// its title before a name: "former Tanzanian president", "Deputy Police
// Chief" have one; two leaves room for "former U.S. Navy chief" and no
// more, so that a qualifier of another phrase is not read.
const maxQualifiedGap = 2

// qualifiedTitleBefore reports whether s, the text right before a name,
// ends with a title of the same role as head and has the qualifier q at
// most maxQualifiedGap words before it, in the same phrase (no comma,
// colon, parenthesis, quote mark or line break between): "Deputy Chief",
// "former Calder president", "Vice-President".
func qualifiedTitleBefore(s, q, head string) bool {
	if c := strings.LastIndexAny(s, ",;:()\n\"“”"); c >= 0 {
		s = s[c+1:]
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' })
	if len(words) < 2 || !sameRole(strings.TrimSuffix(words[len(words)-1], "."), head) {
		return false
	}
	for k := len(words) - 2; k >= 0 && k >= len(words)-2-maxQualifiedGap; k-- {
		if words[k] == q {
			return true
		}
	}
	return false
}

// sameRole reports whether a title as written (w, lower case, no period)
// names the role of head: the same word, or titles of one role ("gov" and
// "governor", "sen" and "senator").
func sameRole(w, head string) bool {
	return w == head || roleTitleOf(w) != "" && roleTitleOf(w) == roleTitleOf(head)
}

// holdsPlainTitle reports whether the article names the person who with
// the title head and no rank qualifier before it ("Police Chief Carla
// Best" for "chief"): the title's holder, whom "the deputy chief" is not.
func (a *attributor) holdsPlainTitle(who, head string) bool {
	e := a.entityNamed(who)
	if e < 0 {
		return false
	}
	if t := roleTitleOf(head); t != "" && a.titles[e][t] {
		return true
	}
	for i, m := range a.mentions {
		if a.entityOf[i] != e {
			continue
		}
		before := a.t[max(0, m.offset-maxNounBytes):m.offset]
		if c := strings.LastIndexAny(before, ",;:()\n\"“”"); c >= 0 {
			before = before[c+1:]
		}
		words := strings.Fields(strings.ToLower(before))
		if len(words) > 0 && sameRole(strings.TrimSuffix(words[len(words)-1], "."), head) && rankQualifier(words) == "" {
			return true
		}
	}
	return false
}
