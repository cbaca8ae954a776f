package compare

import (
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/internal/text"
)

// isQuestion reports whether a sentence (or a quotation's sentences read
// as one claim) is a question of its own: it ends with a question mark
// outside any quotation (inQuote: it starts inside one an earlier sentence
// opened) and no one is named as asking it. A question states no fact
// ("Can anyone imagine a worse start to the season?", "What happens
// next?"), so it is not listed as an article's claim, not ranked, and
// links into no fact nor nearly states another article's claim (align);
// it may still be shown as the context of a sentence that leans on it
// (leaningClaims). A question inside a quotation is the speaker's words,
// and the sentence reports that it was asked ("The mayor asked the board,
// “Who pays for the waiting ships?”"), so is one whose asker an inserted
// attribution names without quotation marks ("So why, the senator asked,
// does ...?", askedBy): both stay, as quotations do. Read on basil's
// lists (session 21, docs/measurements/comparison.md; none on allsides_val's): of the 17 items that
// end with "?" inside a quotation 16 say who asks or who wrote it (a
// headline's title among them), 1 is a fragment with no asker, listed as
// before; the 2 whose asker an attribution names report a question put at
// a hearing or in a speech.
func isQuestion(s string, inQuote bool) bool {
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, "?") {
		return false // a statement, or a question inside a quotation that closes at the end (“...?”)
	}
	if inQuote != opensQuote(t) {
		return false // a quotation still open at the end: the question is the speaker's
	}
	return !askedBy(t)
}

// askedBy reports whether a question names who asks it in a part set off
// by commas or a colon, of at most maxAskerWords words with a verb of
// asking or saying ("Was he sure, Mr. Jordan asked, that ...?"), or in a
// part of any length with a verb of asking that a colon ends, whose
// complement the question is ("The senator from Ohio asked the
// newly appointed police chief: Did ...?"; read on allsides_dated at
// s21-rev2, where such a sentence was listed cut before the colon as
// "... asked the newly appointed police chief …").
func askedBy(s string) bool {
	from := 0
	for _, b := range askerBreak.FindAllStringIndex(s, -1) {
		p := s[from:b[0]]
		if len(strings.Fields(p)) <= maxAskerWords && askVerb.MatchString(p) {
			return true
		}
		if s[b[0]] == ':' && strings.HasPrefix(s[b[1]:], " ") && askingVerb.MatchString(p) {
			return true // not "10:30"
		}
		from = b[1]
	}
	return false
}

// maxAskerWords is the longest part of a question that may name its asker:
// a name with a title and the verb ("Sen. Rand Paul of Kentucky asked"); a
// longer part is a clause of the question itself. Reasoned, not measured.
const maxAskerWords = 7

var (
	askerBreak = regexp.MustCompile(`[,:;]`)
	askVerb    = regexp.MustCompile(`(?i)\b(?:asked|asks|asking|wondered|wonders|said|says|demanded)\b`)
	askingVerb = regexp.MustCompile(`(?i)\b(?:asked|asks|asking|wondered|wonders|demanded)\b`)
)

// claimBeforeQuestion returns the part of a question (isQuestion) before
// its first colon outside a quotation when that part is a claim of its
// own ("Officials faced one question on Christmas Eve: would the
// deliveries go ahead?"): it stands alone (standsAlone), has
// minClauseWords words or more and a verb, and does not end on a function
// word, whose complement the question would be ("the question became:
// ...?"). The question after the colon states nothing and stays out; the
// statement before it is listed, cut there (ownClaims).
// Read on basil's lists (session 21, docs/measurements/comparison.md): 3 of the 25 items the
// question rule removed were such a statement and its question.
//
// inQuote: the sentence starts inside a quotation an earlier one opened,
// so a colon with an even count of quotation marks before it is inside
// one.
func claimBeforeQuestion(s string, inQuote bool) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != ':' || i+1 < len(s) && s[i+1] != ' ' {
			continue // "10:30", "https://"
		}
		before := strings.TrimSpace(s[:i])
		if opensQuote(before) != inQuote {
			continue // a colon inside a quotation
		}
		if ws := text.Words(before); len(ws) > 0 && text.IsStopWord(strings.ToLower(ws[len(ws)-1])) {
			return "", false // its complement is the question ("Once the rota was announced, the question became: ...?")
		}
		if standsAlone(before, minClauseWords) && hasVerb(before) {
			return before, true
		}
		return "", false
	}
	return "", false
}
