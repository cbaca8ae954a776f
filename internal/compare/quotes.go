package compare

import (
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// quotePattern finds direct quotations in curly, straight, low-high and
// guillemet quotes.
var quotePattern = regexp.MustCompile(`“([^”“]{8,})”|"([^"]{8,})"|„([^“”]{8,})[“”]|«([^»]{8,})»`)

const speechVerbs = `said|says|say|told|tells|added|adds|stated|states|noted|notes|wrote|writes|explained|explains|` +
	`warned|warns|declared|declares|insisted|insists|argued|argues|asked|asks|announced|announces|replied|` +
	`continued|recalled|acknowledged|admitted|claimed|claims|joked|jokes|quipped|tweeted|posted|called|calls|described|` +
	`describes|urged|urges|promised|vowed|pledged|conceded|stressed|cautioned|predicted|remarked|commented|responded|` +
	`answered|shouted|laughed|sighed|sagte|erklärte|a déclaré|a dit|dijo|заявил|сказал`

var (
	// `, he said` / `, said Antonov` / `," the diplomat added` right after the quote.
	afterSubjectVerb = regexp.MustCompile(`^[\s,.;:!?—–-]*((?:[Tt]he\s+)?[\p{L}][\p{L}'’.\- ]{0,60}?)\s+(?:` + speechVerbs + `)\b`)
	afterVerbSubject = regexp.MustCompile(`^[\s,.;:!?—–-]*(?:` + speechVerbs + `)\s+((?:[Tt]he\s+)?[\p{L}][\p{L}'’.\- ]{0,60}?)(?:[,.;:!?]|$|\s+(?:in|on|at|during|after|before|when|who|adding|according)\b)`)
	// `Antonov said: "` / `the ministry said, “` / `saying, “` before the quote.
	beforeSubjectVerb = regexp.MustCompile(`((?:[Tt]he\s+)?[\p{L}][\p{L}'’.\- ]{0,60}?)\s+(?:` + speechVerbs + `)(?:\s+\w+){0,3}[\s,:]*$`)
	beforeSaying      = regexp.MustCompile(`\b(?:saying|adding|writing|telling\s+\w+)[\s,:]*$`)
	accordingTo       = regexp.MustCompile(`according to\s+((?:the\s+)?[\p{L}][\p{L}'’.\- ]{0,60}?)(?:[,.;:]|$)`)
)

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "er": true, "sie": true, "il": true, "elle": true, "él": true, "ella": true, "он": true, "она": true}

// quotesOf finds an article's direct quotations and their speakers.
func quotesOf(articleText string, mentions []mention) []news.Quote {
	var out []news.Quote
	offset := 0
	for _, para := range strings.Split(articleText, "\n\n") {
		base := strings.Index(articleText[offset:], para) + offset
		offset = base + len(para)
		previous := "" // the speaker of the paragraph's last quote, for quotes that continue it
		for _, loc := range quotePattern.FindAllStringSubmatchIndex(para, -1) {
			q := ""
			for g := 2; g < len(loc); g += 2 {
				if loc[g] >= 0 {
					q = para[loc[g]:loc[g+1]]
				}
			}
			q = strings.TrimSpace(q)
			if text.WordCount(q) < 4 {
				continue // a scare quote or a name, not a quotation
			}
			before := sentenceBefore(para[:loc[0]])
			after := sentenceAfter(titleDots.Replace(para[loc[1]:]))
			if endsSentence(q) && !strings.HasPrefix(strings.TrimSpace(after), ",") {
				after = "" // the quotation ended its sentence; what follows is the next one
			}
			speaker := attribute(before, after, base+loc[0], mentions)
			if speaker == "" && strings.TrimSpace(before) == "" {
				speaker = previous
			}
			previous = speaker
			out = append(out, news.Quote{Speaker: speaker, Text: strings.TrimRight(q, ", ")})
		}
	}
	return out
}

// sentenceBefore returns the part of the sentence that precedes a quote.
func sentenceBefore(s string) string {
	if i := strings.LastIndexAny(s, ".!?”\""); i >= 0 && i < len(s)-1 {
		return s[i+1:]
	}
	return s
}

// sentenceAfter returns the part of the sentence that follows a quote.
func sentenceAfter(s string) string {
	if i := strings.IndexAny(s, ".!?“\""); i >= 0 {
		return s[:i+1]
	}
	return s
}

// attribute names the speaker of a quote from the words around it: a name is
// resolved to the fullest form the article gives, a pronoun or a role ("the
// diplomat") to the person last named before the quote.
func attribute(before, after string, at int, mentions []mention) string {
	// The patterns are costly to run, and most cannot match a text without
	// a speech verb: such texts skip them.
	verbAfter, verbBefore := mentionsSpeech(after), mentionsSpeech(before)
	if who, ok := subjectOf(accordingTo, after); ok {
		return resolve(who, at, mentions)
	}
	if verbAfter {
		if who, ok := subjectOf(afterVerbSubject, after); ok {
			return resolve(who, at, mentions)
		}
		if who, ok := subjectOf(afterSubjectVerb, after); ok {
			return resolve(who, at, mentions)
		}
	}
	if strings.Contains(before, "ing") && beforeSaying.MatchString(before) {
		return firstPersonIn(before, at-len(before), mentions)
	}
	if !verbBefore {
		return ""
	}
	if who, ok := subjectOf(beforeSubjectVerb, lastWords(before, 16)); ok {
		return resolve(who, at, mentions)
	}
	// "Mr. Brandvold, who trained as an engineer, said the port "should ...":
	// the subject of the last speech verb before the quote.
	verb := lastSpeechVerbAt(before)
	if verb < 0 {
		return ""
	}
	clause := before[:verb]
	from := at - len(before)
	for _, m := range mentions {
		if m.kind == news.Person && m.offset >= from && m.offset < from+len(clause) {
			return fullest(m.name, mentions)
		}
	}
	words := strings.Fields(clause)
	return resolve(strings.Join(words[max(0, len(words)-4):], " "), at, mentions)
}

// subjectOf returns the speaker a pattern captures in s (its first group),
// running the pattern once.
func subjectOf(re *regexp.Regexp, s string) (string, bool) {
	if m := re.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	return "", false
}

// speechVerbList is speechVerbs as a list, for mentionsSpeech.
var speechVerbList = strings.Split(speechVerbs, "|")

// mentionsSpeech reports whether s contains a speech verb anywhere, even
// inside a word: a test that every speech-verb pattern's match passes.
func mentionsSpeech(s string) bool {
	for _, v := range speechVerbList {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
}

// lastSpeechVerbAt returns where the last speech verb standing as a word of
// its own starts in s, or -1.
func lastSpeechVerbAt(s string) int {
	last := -1
	for _, v := range speechVerbList {
		for end := len(s); ; {
			i := strings.LastIndex(s[:end], v)
			if i < 0 {
				break
			}
			if (i == 0 || !isASCIIWordByte(s[i-1])) && (i+len(v) == len(s) || !isASCIIWordByte(s[i+len(v)])) {
				last = max(last, i)
				break
			}
			end = i
		}
	}
	return last
}

// isASCIIWordByte is regexp's \b notion of a word character.
func isASCIIWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// lastWords returns the end of s from the start of its n-th last word: the
// patterns anchored at the end of the text before a quote (a subject of up
// to 60 characters, a verb, three words) need no more, and run in time of
// the text they are given.
func lastWords(s string, n int) string {
	words := 0
	for i := len(s) - 1; i > 0; i-- {
		if s[i-1] == ' ' && s[i] != ' ' {
			if words++; words == n {
				return s[i:]
			}
		}
	}
	return s
}

// titleDots drops the period of a title before a name ("Dr. Lindqvist"),
// which would otherwise end the speaker's words early.
var titleDots = strings.NewReplacer("Dr. ", "Dr ", "Mr. ", "Mr ", "Mrs. ", "Mrs ", "Ms. ", "Ms ", "Prof. ", "Prof ",
	"Gen. ", "Gen ", "Sen. ", "Sen ", "Rep. ", "Rep ", "Gov. ", "Gov ", "Lt. ", "Lt ", "Col. ", "Col ", "Capt. ", "Capt ", "Sgt. ", "Sgt ")

// endsSentence reports whether a quotation ends with sentence punctuation.
func endsSentence(q string) bool {
	q = strings.TrimRight(q, " \"'\u201d\u2019")
	return strings.HasSuffix(q, ".") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?")
}

// resolve turns the words naming a speaker into a name: a person the article
// names (by any word of theirs, so "union chair Greta Sundqvist" and "Dr
// Lindqvist" give the person), else a pronoun or role resolved to the person
// last named before the quote, else an organisation or the words themselves
// without titles.
func resolve(who string, at int, mentions []mention) string {
	words := strings.Fields(who)
	if len(words) == 0 {
		return ""
	}
	if pronouns[strings.ToLower(who)] {
		return lastPersonBefore(at, mentions)
	}
	for i := len(words) - 1; i >= 0; i-- {
		if !text.IsUpperInitial(words[i]) {
			continue
		}
		for _, m := range mentions {
			if m.kind == news.Person && strings.EqualFold(lastWord(m.name), strings.Trim(words[i], ".,")) {
				return fullest(m.name, mentions)
			}
		}
	}
	if strings.EqualFold(words[0], "the") || !text.IsUpperInitial(words[0]) {
		if false {
			return strings.Join(words[min(1, len(words)-1):], " ")
		}
		if p := lastPersonBefore(at, mentions); p != "" {
			return p
		}
		return who
	}
	for len(words) > 1 && personTitles[strings.ToLower(strings.TrimRight(words[0], "."))] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

func capitalise(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// fullest returns the longest form of a person's name in the article.
func fullest(name string, mentions []mention) string {
	best := name
	for _, m := range mentions {
		if m.kind == news.Person && strings.EqualFold(lastWord(m.name), lastWord(name)) && len(m.name) > len(best) {
			best = m.name
		}
	}
	return best
}

func lastPersonBefore(at int, mentions []mention) string {
	who := ""
	for _, m := range mentions {
		if m.offset > at {
			break
		}
		if m.kind == news.Person {
			who = m.name
		}
	}
	if who == "" {
		return ""
	}
	return fullest(who, mentions)
}

// firstPersonIn returns the first person named in the span starting at from,
// the subject of "X ..., saying, ...".
func firstPersonIn(span string, from int, mentions []mention) string {
	for _, m := range mentions {
		if m.kind == news.Person && m.offset >= from && m.offset < from+len(span) {
			return fullest(m.name, mentions)
		}
	}
	return lastPersonBefore(from+len(span), mentions)
}
