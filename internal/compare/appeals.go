package compare

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/text"
)

// callsReader reports whether a sentence addresses the reader with a call
// to act, outside any quotation: an imperative of a verb of reading,
// watching, following, joining or paying that points at the outlet or its
// media ("Follow her on Twitter at @...", "Read the full statement here",
// "Sign up for our morning newsletter", "Help us reach 5,000 members!"),
// or a short sentence that speaks to "you" of newsletters (or of
// subscribing and donating, the outlet speaking too), or of the outlet's
// own readers, members and journalism ("If you value our reporting, ...";
// see speaksOfPitch). Such a sentence is a site's
// membership pitch, newsletter form or link to other reading that
// extraction left in (or the article's own note to its readers): it says
// nothing about the event, so it is neither a shared fact nor an article's
// own claim (fateAppeal; eachBestMatch neither matches it nor matches to
// it). inQuote says that the sentence starts inside a quotation an earlier
// sentence opened: a speaker's words are reported, never an appeal, and
// so are the quoted parts of any sentence ("“Join us,” the mayor said").
// Session 35 (s35-pitch, docs/measurements/comparison.md) counted what the
// rule takes on the real story files and read every item it removes.
func callsReader(s string, inQuote bool) bool {
	if inQuote {
		return false
	}
	u := unquotedPart(s)
	words := appealWords(u)
	if len(words) == 0 || reportsCall(words) {
		return false
	}
	web := strings.Contains(u, "@") || strings.Contains(u, "http") || strings.Contains(u, "www.")
	for i, at := range imperativeStarts(words) {
		if i == 0 && at == 0 && !words[0].upper {
			continue // a sentence opening in lower case is a broken-off part ("support of his government's ..."), no imperative
		}
		if callsToAct(words[at:appealClauseEnd(words, at)], words[:at], web) {
			return true
		}
	}
	return speaksOfPitch(words)
}

// unquotedPart returns a sentence without its quoted parts: the words
// between an opening and a closing quotation mark of any kind
// (quoteMarkAt: English, French and German marks, the straight mark, and
// the TeX way of the LDC wires, two grave accents and two apostrophes); a
// mark that opens a quotation none closes quotes the rest, and one that
// closes a quotation none opened, all before it (its start an earlier
// sentence's).
func unquotedPart(s string) string {
	var b strings.Builder
	eachQuoteSegment(s, func(part string, quoted, strayClose bool) {
		switch {
		case strayClose:
			b.Reset() // the end of a quotation opened before the sentence
		case !quoted:
			b.WriteString(part)
		}
		b.WriteByte(' ') // in place of the mark after the part
	})
	// The part after the last mark has no mark after it.
	return withoutSingleQuoted(text.Fold(strings.TrimSuffix(b.String(), " ")))
}

// withoutSingleQuoted drops a folded sentence's parts in single quotation
// marks, the British way of quoting ("‘Join us,’ the mayor said", folded
// to straight marks): a mark opens a quotation at the start or after a
// space, bracket or dash and before a letter, and closes the open one
// before a space, a punctuation mark or the end. A closing mark right after
// a comma, full stop, "!" or "?" with none open ends a quotation an earlier
// sentence opened ("... today,’ she said"): what comes before it is
// dropped. Any other mark is an apostrophe ("the workers' union", "don't"),
// and so is an opening mark that nothing closes ("Schüler 's stories", "'em"):
// unlike a double mark, it does not quote the rest.
func withoutSingleQuoted(s string) string {
	if !strings.Contains(s, "'") {
		return s
	}
	var b strings.Builder
	start, inside := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		prev, next := byte(' '), byte(' ')
		if i > 0 {
			prev = s[i-1]
		}
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case !inside && strings.IndexByte(" ([{-", prev) >= 0 && isLetterByte(next):
			b.WriteString(s[start:i])
			b.WriteByte(' ')
			inside, start = true, i+1
		case inside && prev != ' ' && strings.IndexByte(" ,.;:!?)-", next) >= 0:
			inside, start = false, i+1
		case !inside && strings.IndexByte(",.!?", prev) >= 0 && strings.IndexByte(" ,.;:)", next) >= 0:
			b.Reset()
			start = i + 1
		}
	}
	if inside {
		b.WriteByte('\'') // never closed: an apostrophe ("Schüler 's stories"), the rest kept
	}
	b.WriteString(s[start:])
	return b.String()
}

// isLetterByte says whether a byte opens a letter: an ASCII letter or the
// first byte of a multi-byte character ("'Échec'").
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// reportsCall reports whether a sentence that reads as a call says who
// made it, in a later clause: a speech verb with a short subject before
// it (", the health agency told residents", ", organisers said"), a
// speech verb opening the clause and its subject after ("..., urged the
// mayor"), or "according to". Such a sentence is news reporting an
// imperative without quotation marks ("Register to vote by Friday, the
// secretary of state urged"), never the outlet's own call, which names no
// speaker. The subject holds no clause word nor "you"/"we" ("..., which
// tells you ...", "..., and we say thanks": the outlet still speaks), and a
// verb with a capital is a name ("..., first printed in Said and Done").
// Session 35 (s35-prev) counted it on invented calls and on the
// extraction benchmarks' gold text (docs/measurements/comparison.md).
func reportsCall(words []appealWord) bool {
	for c := 1; c < len(words); c++ {
		if !words[c-1].comma {
			continue
		}
		if words[c].w == "according" && c+1 < len(words) && words[c+1].w == "to" || invertedCallVerbs[words[c].w] && !words[c].upper {
			return true
		}
		for j := c + 1; j < len(words) && j <= c+maxCallSubjectWords; j++ {
			if subjectStop(words[j-1].w) || words[j-1].clause || words[j-1].lineEnd {
				break
			}
			if callReportVerbs[words[j].w] && !words[j].upper {
				return true
			}
		}
	}
	return false
}

// maxCallSubjectWords is the longest subject before the speech verb of a
// reported call: "the missing boy's mother pleaded" has four words before
// the verb, "the secretary of state urged" four, "the health service's
// chief executive told" five. Reasoned on invented cases, not measured.
const maxCallSubjectWords = 6

// callSubjectStops are words that cannot be in the subject of a reported
// call: clause words (the speech verb after them is another clause's:
// "..., which tells you what you missed"), the outlet or its reader
// speaking ("..., and we say thank you"), and the words that open an
// imperative ("..., please read the notice", appealOpeners).
var callSubjectStops = toSet(`which that who whom whose where when while and or but so as if to because
how why whether what you your we us our i please just also now`)

// subjectStop says whether a word cannot be in the subject of a reported
// call (callSubjectStops), also when a contraction ends it ("we'll",
// "you're").
func subjectStop(w string) bool {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i]
	}
	return callSubjectStops[w]
}

// invertedCallVerbs are speech verbs that open a clause whose subject comes
// after them ("..., said the mayor", "..., urged the union"): past or
// third-person forms only, as the bare forms ("read", "tell") are
// imperatives themselves ("Click here, read the full report").
var invertedCallVerbs = toSet(`said says urged urges told tells wrote writes added adds warned warns pleaded pleads
advised advises asked asks`)

// callReportVerbs are the verbs that report a call after its words: of
// speech, writing, advice, appeal and order, in the past, the third person
// and the plural present ("officials said", "the agency urges", "health
// officials advise", "the banners read"). Not all of speechCues
// (quotes.go): its forms that are also nouns ("states", "notes",
// "comments", "reports", "claims", "calls", "posts") take a subject that
// is no speaker ("..., cleveland, ohio, united states", read among
// cleaneval's gold lines).
var callReportVerbs = toSet(`said says say told tells tell urged urges urge warned warns warn pleaded pleads plead
wrote writes write added adds asked asks ask advised advises advise appealed implored instructed ordered
encouraged recommended reminded tweeted texted emailed read announced declared insisted stressed cautioned
demanded begged exhorted chanted shouted cried`)

// appealWord is a word of a sentence in lower case, whether it was
// written with a capital, whether a comma or a colon follows it (a
// clause's end, for imperativeStarts), whether that is a comma (the only
// mark that sets off who made a call, reportsCall: a colon opens a list or
// a heading's items, "... to come: Experts tell all") and whether the
// line ends after it (where a subject and its verb, reportsCall and
// nounCompound, do not reach across: a page's lines run together, "Sign
// up for newsletter\nSalesforce CRM frequently asked questions\nIs ...").
type appealWord struct {
	w       string
	upper   bool
	clause  bool
	comma   bool
	lineEnd bool
}

// appealWords splits a text into its lower-case words, each stripped of
// the punctuation around it ("“Follow", "us,", "@handle." give "follow",
// "us", "handle"), marked when a comma or a colon ends it and when it ends
// a line.
func appealWords(s string) []appealWord {
	var out []appealWord
	for _, line := range strings.Split(s, "\n") {
		for _, f := range strings.Fields(line) {
			w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if w == "" {
				continue
			}
			comma := strings.HasSuffix(f, ",")
			out = append(out, appealWord{w: strings.ToLower(w), upper: text.IsUpperInitial(w), clause: comma || strings.HasSuffix(f, ":"), comma: comma})
		}
		if len(out) > 0 {
			out[len(out)-1].lineEnd = true
		}
	}
	return out
}

// imperativeStarts returns where an imperative may open the sentence: its
// first word, and the word after a leading clause of at most
// maxLeadWords words that a comma ends and a word of purpose, condition
// or time opens (leadOpeners: "To do so, read more on ...", "For the
// latest, follow us ...", "If you value our work, ..."; not a subject set
// off by a comma, "Moseley-Braun, like Boxer a member of ...", read on
// duc2003 at s35-pitch); each moved past an opening "please", "so", "and",
// "also", "now" or "just".
func imperativeStarts(words []appealWord) []int {
	starts := []int{0}
	for i := 0; i < len(words)-1 && i < maxLeadWords && leadOpeners[words[0].w]; i++ {
		if words[i].clause {
			starts = append(starts, i+1)
			break
		}
	}
	for k, at := range starts {
		for at < len(words)-1 && appealOpeners[words[at].w] {
			at++
		}
		starts[k] = at
	}
	return starts
}

// maxLeadWords is the longest clause before an imperative that a comma
// ends: "If you value our independent reporting," has six words, "For the
// latest updates on the storm," seven. A longer opening is a clause of
// news ("After the court ruled on Monday that ..., ..."). Reasoned, not
// measured.
const maxLeadWords = 8

// leadOpeners are the words that open a clause before an imperative: of
// purpose ("To ..."), condition ("If ...", "Whether ..."), time ("When
// ...", "Meanwhile,"), topic ("For ...", "In ..."), or an adverb alone
// ("Also, check out ...").
var leadOpeners = map[string]bool{
	"to": true, "if": true, "for": true, "when": true, "while": true, "once": true, "before": true, "after": true,
	"in": true, "on": true, "until": true, "whether": true, "meanwhile": true, "also": true, "and": true, "so": true,
	"now": true, "meantime": true,
}

// appealOpeners are the words that may come before an imperative without
// making it another clause: "Please support ...", "So sign up ...".
var appealOpeners = map[string]bool{"please": true, "so": true, "and": true, "also": true, "now": true, "just": true}

// appealClauseEnd returns the end of the clause that opens at word at: just
// after the first word from there that a comma or a colon ends, or the
// sentence's end. A line's end is none: a page's inline links break a
// sentence into lines ("See the\nemerge\narticle for ...", read among
// wcxb's gold lines).
func appealClauseEnd(words []appealWord, at int) int {
	for i := at; i < len(words); i++ {
		if words[i].clause {
			return i + 1
		}
	}
	return len(words)
}

// callsToAct reports whether a clause (words) opens with an imperative
// that calls the reader to act: a verb of paying or signing up
// (pitchVerbs, "sign up", "sign in", "chip in"), or a verb of reading,
// watching, following or joining (readerVerbs) with a word that points at
// the outlet, its pages or its media in the clause or in the short clause
// before it (lead, "If you enjoyed this story, share it"): readerCues, or
// a web address or handle in the sentence (web). A later clause is another
// statement ("Follow the money, and the accounts tell a different story").
// A verb followed by a verb or a preposition is a noun ("Support for the
// ban grew", "Share prices fell", "Help is on the way").
func callsToAct(words, lead []appealWord, web bool) bool {
	if len(words) < 2 && !pitchVerbs[words[0].w] {
		return false
	}
	v := words[0].w
	if len(words) > 1 && nounAfter[words[1].w] {
		return false
	}
	if len(words) > 1 && nounCompound(words) {
		return false
	}
	switch {
	case pitchVerbs[v]:
		return true
	case v == "sign" || v == "chip" || v == "log":
		return len(words) > 1 && (words[1].w == "up" || words[1].w == "in")
	case !readerVerbs[v]:
		return false
	}
	if web {
		return true
	}
	rest := append(words[1:len(words):len(words)], lead...)
	for i, w := range rest {
		if readerCues[w.w] && !(placeCues[w.w] && i+1 < len(rest) && startsWithDigit(rest[i+1].w)) || i < maxNearCueGap && nearCues[w.w] {
			return true
		}
	}
	return false
}

// imperativeFollowers are words that follow an imperative verb and never a
// noun it could also be, so that the two are no noun of two words: a
// determiner, pronoun, preposition or adverb of place and time ("Click
// here", "Tap the icon", "Register to vote", "Download our app", "Register
// online today").
var imperativeFollowers = toSet(`here now today the a an this that these our your my to for on at in below above
online free it them us and or`)

// nounCompound reports whether a clause that opens with a verb of a call
// opens with a noun of two words instead, the subject of a verb that
// follows ("Tap water is safe to drink", "Download speeds in rural areas
// are ...", "Watch parties were held ...", "Support staff at the hospital
// said ...", "Email records released online show ..."): the word after the
// verb is a bare lower-case word, and a finite verb (finiteCues) comes
// before any word that would open another clause or name a subject
// (callSubjectStops, "he", "she", "they": "Watch video of what protesters
// said", "See what people are saying", "Find out how the storm will ...").
// Not "cost" or "costs", more often a noun ("Find out more ... no cost").
func nounCompound(words []appealWord) bool {
	if words[1].upper || imperativeFollowers[words[1].w] || readerCues[words[1].w] || nearCues[words[1].w] || subjectStop(words[1].w) {
		return false
	}
	for i := 2; i < len(words) && !words[i-1].lineEnd; i++ {
		w := words[i].w
		if subjectStop(w) || compoundStops[w] {
			return false
		}
		if finiteCues[w] && !determiners[words[i-1].w] {
			return true
		}
	}
	return false
}

// finiteCues are finite verbs that a noun subject takes and an imperative's
// object does not: auxiliaries and the commonest verbs of news reports.
var finiteCues = toSet(`is are was were has have had will would can could may might must should remain remains
remained said says show shows showed`)

// determiners before a word make it a noun ("the show links"), no finite
// verb.
var determiners = toSet(`the a an this that these those our your his her its their`)

// compoundStops are the subject pronouns that open a clause of their own
// inside an imperative's object ("Watch video of what they said").
var compoundStops = toSet(`he she they it there`)

// placeCues are the readerCues of a place on the page, which before a
// number compare it instead ("Keep your cholesterol below 200", read among
// dragnet's kept lines at s35-pitch).
var placeCues = map[string]bool{"below": true, "above": true}

// nearCues point an imperative at more of the outlet's reading only right
// after the verb ("Read more", "Find out more", "Read the full statement",
// "Get the latest"); further on they qualify something else ("Tell them
// ... more convenient opportunities", read on allsides_dated at s35-pitch).
var nearCues = map[string]bool{"more": true, "full": true, "latest": true}

// maxNearCueGap is how many words after the verb a nearCues word may be:
// "Find out more" has it second, "Read the full statement" second, "Get
// all the latest news" third.
const maxNearCueGap = 3

// pitchVerbs are imperatives that only ever ask the reader to pay or sign
// up, whatever follows ("Subscribe today", "Donate now", "Click here").
var pitchVerbs = map[string]bool{"subscribe": true, "donate": true, "unsubscribe": true, "click": true, "tap": true, "download": true, "register": true}

// readerVerbs are imperatives that call the reader to read, watch, follow,
// join, share or pay, which news prose also uses for other things ("Read
// the rules", "Follow the money"): a call to act needs a readerCues word too.
var readerVerbs = map[string]bool{
	"support": true, "join": true, "follow": true, "read": true, "watch": true, "listen": true, "share": true,
	"see": true, "check": true, "get": true, "help": true, "visit": true, "tell": true, "contribute": true,
	"give": true, "stay": true, "learn": true, "find": true, "become": true, "send": true,
	"email": true, "keep": true, "discover": true, "explore": true, "try": true,
}

// nounAfter are words after a sentence's first word that make it a noun,
// not an imperative: a verb ("Help is on the way", "Support has grown") or
// a preposition a noun takes ("Support for the ban", "Share of the vote").
var nounAfter = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "could": true, "can": true, "may": true, "might": true, "should": true, "must": true,
	"for": true, "of": true, "from": true, "among": true, "prices": true,
}

// readerCues are words that point an imperative at the reader's reading:
// the outlet ("us", "our"), a place on the page ("here", "below",
// "above"), or a medium, a platform, a mailing or a membership (see also
// nearCues).
var readerCues = map[string]bool{
	"us": true, "our": true, "here": true, "below": true, "above": true,
	"online": true, "web": true, "website": true, "site": true, "app": true, "newsletter": true, "newsletters": true,
	"podcast": true, "video": true, "videos": true, "twitter": true, "facebook": true, "instagram": true,
	"youtube": true, "tiktok": true, "linkedin": true, "email": true, "e-mail": true, "inbox": true, "updates": true,
	"coverage": true, "alerts": true, "article": true, "story": true, "stories": true, "member": true,
	"members": true, "membership": true, "supporter": true, "supporters": true, "subscriber": true,
	"subscribers": true, "subscription": true, "journalism": true,
}

// speaksOfPitch reports whether a sentence that is no imperative still
// asks the reader to pay or sign up: it speaks to "you" of newsletters or
// an inbox (mailNouns: "You can unsubscribe at any time"), or to "you" of
// subscribing, donating or membership with the outlet speaking too
// (pitchNouns), or names the outlet's own readers, members or journalism
// ("our supporters", "our journalism", "support us").
func speaksOfPitch(words []appealWord) bool {
	if len(words) > maxPitchWords {
		return false // a long sentence that mentions a subscription in passing ("Don't you, too, subscribe to ...?" in a column)
	}
	you, outlet := false, false
	for _, w := range words {
		switch w.w {
		case "you", "your":
			you = true
		case "we", "us", "our":
			outlet = true
		}
	}
	for i, w := range words {
		switch {
		case you && mailNouns[w.w]:
			return true
		case you && outlet && pitchNouns[w.w]:
			return true
		case outletNouns[w.w] && afterOur(words, i):
			return true
		case i > 0 && w.w == "us" && (words[i-1].w == "support" || words[i-1].w == "join"):
			return true
		case i > 0 && i+1 < len(words) && w.w == "us" && words[i-1].w == "like" && words[i+1].w == "on":
			return true // "Like us on Facebook" ("like" is no readerVerbs: it mostly opens a comparison)
		}
	}
	return false
}

// afterOur says whether the word at i follows "our" directly or after
// one or two words ("our journalism", "our independent local journalism").
func afterOur(words []appealWord, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if words[j].w == "our" {
			return true
		}
	}
	return false
}

// maxPitchWords is the longest sentence speaksOfPitch reads as a pitch:
// "If you value our independent journalism, please consider supporting us
// with a donation today" has 15 words, a newsletter form's line fewer; the
// column read at s35-pitch on duc2003 that asks "you" in passing whether
// they subscribe has over 50. Reasoned, not measured further.
const maxPitchWords = 30

// mailNouns are words of an outlet's mailings, which a sentence speaking
// to "you" uses only to offer them ("delivered to your inbox", "You can
// unsubscribe at any time").
var mailNouns = map[string]bool{"newsletter": true, "newsletters": true, "inbox": true, "unsubscribe": true}

// pitchNouns are words of subscribing, donating and membership, which a
// sentence speaking to "you" uses to ask for them when the outlet speaks
// too ("we", "us", "our": "Your donation keeps us independent"); without
// it the sentence is about subscriptions ("Clothing subscription services
// deliver clothing for you to own", read among wcxb's kept lines at
// s35-pitch).
var pitchNouns = map[string]bool{
	"subscribe": true, "subscribing": true, "subscription": true, "donate": true, "donation": true,
	"donating": true, "membership": true,
}

// outletNouns are what a sentence's "our" names when it is the outlet
// speaking of itself to its readers: "our journalism", "our supporters".
var outletNouns = map[string]bool{
	"journalism": true, "newsletter": true, "newsletters": true, "supporters": true, "members": true,
	"subscribers": true, "readers": true, "membership": true, "app": true, "podcast": true, "newsroom": true,
}
