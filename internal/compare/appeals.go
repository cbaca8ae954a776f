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
	if len(words) == 0 {
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
	start, inside := 0, false
	for i := 0; i < len(s); {
		opens, size := quoteMarkAt(s, i, inside)
		if size == 0 {
			i++
			continue
		}
		switch {
		case !opens && !inside:
			b.Reset() // the end of a quotation opened before the sentence
		case !inside:
			b.WriteString(s[start:i])
		}
		b.WriteByte(' ')
		inside = opens
		start = i + size
		i += size
	}
	if !inside {
		b.WriteString(s[start:])
	}
	return text.Fold(b.String())
}

// appealWord is a word of a sentence in lower case, whether it was
// written with a capital, and whether a comma or a colon follows it (a
// clause's end, for imperativeStarts).
type appealWord struct {
	w      string
	upper  bool
	clause bool
}

// appealWords splits a text into its lower-case words, each stripped of
// the punctuation around it ("“Follow", "us,", "@handle." give "follow",
// "us", "handle") and marked when a comma or a colon ends it.
func appealWords(s string) []appealWord {
	var out []appealWord
	for _, f := range strings.Fields(s) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		out = append(out, appealWord{w: strings.ToLower(w), upper: text.IsUpperInitial(w), clause: strings.HasSuffix(f, ",") || strings.HasSuffix(f, ":")})
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
// sentence's end.
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
