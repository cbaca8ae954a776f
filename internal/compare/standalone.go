package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An article's own claims are read away from the article: a claim that leans
// on the sentences before it for whom it is about ("He made reference to his
// previous threats", "“You are fantastic people,” he said", a quotation that
// only continues the one before) says nothing to an analyst who sees it alone.
// Such a claim is shown with the person it means in brackets, as an editor
// marks an insertion ("[Donald Trump] made reference ...", "“...,” [Nancy
// Pelosi] said"), resolved as the quote speakers are; when no one can be named,
// the claim is left out rather than shown as a riddle.

// claimReader resolves the claims of one article: its attributor (text,
// names, the speakers of its quotes so far) and its quotes.
type claimReader struct {
	a      *attributor
	quotes []Quote
}

// alone returns the claim as it can be read alone, and false when it cannot.
func (r claimReader) alone(claim string) (string, bool) {
	if cutOff(claim) {
		return "", false
	}
	if r.a == nil {
		return claim, true
	}
	at := strings.Index(r.a.t, claim)
	if at < 0 {
		return claim, true // not found as written (a rewritten clause): shown as it is
	}
	if q, ok := r.quoteAround(at); ok {
		marked, quoted := continuedQuote(r.a.t, claim, at, q)
		return r.namedQuote(marked, q.Speaker, quoted)
	}
	for _, q := range r.quotes {
		if q.Start >= at && q.Start < at+len(claim) {
			shown, ok := r.quoteAlone(claim, at, quotedRanges(claim))
			if !ok {
				return "", false
			}
			return r.subjectAlone(shown, at)
		}
	}
	return r.subjectAlone(claim, at)
}

// quoteNamed is alone for a claim that quotes someone, and the claim as it
// is, with true, for any other.
func (r claimReader) quoteNamed(claim string) (string, bool) {
	if r.a == nil {
		return claim, true
	}
	at := strings.Index(r.a.t, claim)
	if at < 0 {
		return claim, true
	}
	if q, ok := r.quoteAround(at); ok {
		marked, quoted := continuedQuote(r.a.t, claim, at, q)
		if shown, ok := r.namedQuote(marked, q.Speaker, quoted); ok {
			return shown, true
		}
		// No one to credit: still shown as the quotation it is, as a
		// shared fact with no speaker is shown as written.
		return marked, true
	}
	for _, q := range r.quotes {
		if q.Start >= at && q.Start < at+len(claim) {
			return r.quoteAlone(claim, at, quotedRanges(claim))
		}
	}
	return claim, true
}

// quoteAround returns the quote a claim at byte at of the text begins
// inside: a middle or closing sentence of a quotation of several sentences
// (“The port is closed. Ships will anchor off the pier. Repairs start
// soon,” the mayor said.), which the sentence splitter cuts from the sentence that
// opens the quotation and, often, from the one that names its speaker.
func (r claimReader) quoteAround(at int) (Quote, bool) {
	for _, q := range r.quotes {
		// A closing mark before the claim closed the quotation there:
		// `said he would put the "harbour plan on hold.” The council meets
		// ...`, a straight mark that quoteSpans lets only a straight one
		// close.
		if q.Start < at && at < q.End && closingMarkIn(r.a.t[q.Start:at]) < 0 {
			return q, true
		}
	}
	return Quote{}, false
}

// continuedQuote marks a claim at byte at of text t that begins inside
// quotation q as the quotation it is: its quoted words between the
// article's own marks (the opening mark is in an earlier sentence, the
// closing one often in a later one). It returns the marked claim and the
// byte range of it inside the marks. Shown bare such a claim reads as the
// article's own statement of fact, with at most a stray closing mark
// ("Repairs start in March.\"").
func continuedQuote(t, claim string, at int, q Quote) (string, [][2]int) {
	open, closing := quoteMarksOf(t, q)
	inner := min(q.End-at, len(claim)) // bytes of the claim inside the quotation
	if c := closingMarkIn(claim[:inner]); c >= 0 {
		// `...slip,” he said` in a quotation opened by a straight
		// mark, which only a straight mark closes for quoteSpans.
		inner = c
	}
	body := strings.TrimRight(claim, " ")
	if inner >= len(body) { // the quotation goes on after the claim
		marked := open + body + closing
		return marked, [][2]int{{0, len(marked)}}
	}
	return open + claim, [][2]int{{0, len(open) + inner}} // its closing mark is in the claim
}

// closingMarkIn returns the byte offset in s of the first mark that only
// closes a double quotation (”, », two apostrophes), or -1.
func closingMarkIn(s string) int {
	first := -1
	for _, m := range []string{"”", "»", texClose} {
		if i := strings.Index(s, m); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// quoteMarksOf returns the opening mark written before quote q in text t
// and the closing mark that pairs with it (a curly “ closes with ”, a
// straight mark with itself, two grave accents with two apostrophes).
func quoteMarksOf(t string, q Quote) (open, closing string) {
	before := t[:q.Start]
	switch {
	case strings.HasSuffix(before, texOpen):
		return texOpen, texClose
	case strings.HasSuffix(before, "«"):
		return "«", "»"
	case strings.HasSuffix(before, "\""):
		return "\"", "\""
	}
	return "“", "”" // curly, low-high (written „...“ or „...”) or none found
}

// quoteAlone names the speaker of a claim that quotes someone: a pronoun
// attributing it ("he said") becomes the quote's speaker, and a quotation with
// no words of attribution gets its speaker after it. The speaker is the one
// the quote extraction found; a quote whose speaker is unknown and not named
// in the claim does not stand alone.
func (r claimReader) quoteAlone(claim string, at int, quoted [][2]int) (string, bool) {
	speaker := ""
	for _, q := range r.quotes {
		if q.Start >= at && q.Start < at+len(claim) && q.Speaker != "" {
			speaker = q.Speaker
			break
		}
	}
	return r.namedQuote(claim, speaker, quoted)
}

// namedQuote is quoteAlone for a claim whose quotation's speaker is known
// ("" for none): quoted are the byte ranges of the claim inside quotation
// marks.
func (r claimReader) namedQuote(claim, speaker string, quoted [][2]int) (string, bool) {
	outside := wordsOutside(claim, quoted)
	if speaker != "" && namesSpeaker(outside, speaker) {
		return claim, true // "Mr. de Léon said he had called": named already
	}
	if len(outside) == 0 {
		// Nothing but the quotation: who says it is in another sentence.
		if speaker == "" {
			return "", false
		}
		return claim + " [" + speaker + "]", true
	}
	if i := attributionPronoun(outside); i >= 0 {
		if speaker == "" {
			return "", false // "“...,” he said" with no one to name
		}
		w := outside[i]
		return claim[:w.start] + "[" + speaker + "]" + claim[w.start+len(w.word):], true
	}
	return claim, true
}

// attributionPronoun returns the index among words of the pronoun that
// attributes speech, next to its speech verb ("he said", "said she", "he
// went on"), or -1; "it" is no person.
func attributionPronoun(words []token) int {
	for i, w := range words {
		g, ok := speakerPronouns[strings.ToLower(w.word)]
		if !ok || g == "org" {
			continue
		}
		if i+1 < len(words) && (speechCues[strings.ToLower(words[i+1].word)] ||
			words[i+1].word == "went" && i+2 < len(words) && words[i+2].word == "on") ||
			i > 0 && speechCues[strings.ToLower(words[i-1].word)] && i+1 == len(words) {
			return i
		}
	}
	return -1
}

// subjectAlone names the person a claim's opening pronoun stands for ("He",
// "She", "His", "Her", "They", "Their"), resolved from the sentences before it
// as a quote's "he said" is; a claim that opens so with no one to name does not
// stand alone. Other claims are returned unchanged.
func (r claimReader) subjectAlone(claim string, at int) (string, bool) {
	// "Memories have faded, he said, and ...": reported speech whose
	// speaker is a pronoun.
	outside := wordsOutside(claim, quotedRanges(claim))
	if i := attributionPronoun(outside); i >= 0 && outside[i].start > 0 {
		w := outside[i]
		who := r.a.pronoun(speakerPronouns[strings.ToLower(w.word)], at+w.start)
		if who == "" {
			return "", false
		}
		if !namesSpeaker(outside, who) {
			return claim[:w.start] + "[" + who + "]" + claim[w.start+len(w.word):], true
		}
	}
	first, size := firstWord(claim)
	gender, possessive := "", false
	switch upperFirst(first) { // lower case in a claim read without its connective ("he has moved to ...")
	case "He":
		gender = "male"
	case "She":
		gender = "female"
	case "His":
		gender, possessive = "male", true
	case "Her":
		gender, possessive = "female", true
	case "They":
	case "Their":
		possessive = true
	default:
		return claim, true
	}
	who := r.a.pronoun(gender, at)
	if who == "" || !possessive && namesSpeaker(tokensOf(claim[size:]), who) {
		return "", false // no one, or someone the claim names as another ("He called Mr. Mattis ...")
	}
	if possessive {
		who += "’s"
	}
	return "[" + who + "]" + claim[size:], true
}

// namesSpeaker reports whether the words outside a claim's quotations give
// the speaker's surname.
func namesSpeaker(outside []token, speaker string) bool {
	ws := nameWords(speaker)
	if len(ws) == 0 {
		return false
	}
	surname := ws[len(ws)-1]
	for _, w := range outside {
		if strings.EqualFold(strings.TrimSuffix(w.word, "."), surname) {
			return true
		}
	}
	return false
}

// firstWord returns a claim's first word (letters only) and its length in
// bytes.
func firstWord(s string) (string, int) {
	end := 0
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	return s[:end], end
}

// wordsOutside returns the words of s outside the quoted byte ranges.
func wordsOutside(s string, quoted [][2]int) []token {
	var out []token
	for _, w := range tokensOf(s) {
		if !inRanges(quoted, w.start) {
			out = append(out, w)
		}
	}
	return out
}

// cutOff reports whether a sentence was cut short, mostly by the feed or
// page that gave the text ("The new president has had mixed results on...",
// a teaser's end; "57% fully vaccinated, 64%..."): it ends in an ellipsis
// with no sentence mark before it. Such a sentence states no whole claim of
// the article's own (it may still share a fact: 12 of the 24 such links
// among 400 labelled on AllSides were right). An ellipsis after a full
// stop ("... reopening....") ends a whole sentence and is kept, and so is
// one after an abbreviation's period ("... the U.S...."), which cannot be
// told from it.
func cutOff(sentence string) bool {
	s := strings.TrimRight(sentence, " \t\u00a0")
	var rest string
	switch {
	case strings.HasSuffix(s, "..."):
		rest = strings.TrimSuffix(s, "...")
	case strings.HasSuffix(s, "…"):
		rest = strings.TrimSuffix(s, "…")
	default:
		return false
	}
	rest = strings.TrimRight(rest, " ")
	r, size := utf8.DecodeLastRuneInString(rest)
	if strings.ContainsRune(`"”’)`, r) { // a closing mark: what stands before it
		r, _ = utf8.DecodeLastRuneInString(rest[:len(rest)-size])
	}
	return r != utf8.RuneError && !strings.ContainsRune(".!?", r)
}
