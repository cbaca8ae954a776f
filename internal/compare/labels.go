package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// withoutLabel returns a sentence without the section label that opens it
// ("Why it matters: The bill would ...", "The big picture: ...",
// "UPDATE: ..."), and whether it had one. A newsletter's or an update's
// label names the part of the page a sentence opens, it claims nothing:
// left in, it opens a claim listed as an article's own, is shown as a
// fact's wording and takes part in matching. A label alone ("Go deeper:"
// with nothing after it in its sentence) leaves "", no claim.
//
// A label is told from what else comes before a colon by its form, with
// no list of labels (sectionLabel): a short phrase that states nothing of
// its own, before a sentence that does. A speaker's lead-in ("Gingrich
// added: “...”", "Trump said: ..."), a claim that a colon continues ("There
// was one problem: ..."), a name before a transcript's words ("Sen. Smith:
// ...", "Petraeus: “...”"), a time ("10:30") and a phrase an apposition
// completes ("The catch: a 5 percent fee.") stay whole. A sentence that
// starts inside a quotation an earlier sentence opened is the speaker's
// words and stays whole too (inQuote), and so does one whose label says
// whose words follow or that they are a claim being checked
// (attributesWhatFollows, speakerLabel). art holds what the article
// writes elsewhere (labelContext).
func withoutLabel(s string, inQuote bool, art labelContext) (string, bool) {
	if inQuote {
		return s, false
	}
	if rest, ok := sectionLabel(s, art); ok {
		return rest, true
	}
	return s, false
}

// sectionLabel returns what follows a section label that opens s (see
// withoutLabel): the part before the first colon followed by a space (or
// ending s) when that part
//   - starts with a capital letter and has 1 to maxLabelWords words, no
//     figure and no quotation mark (not a time, a ratio, a score, or a
//     quotation's words);
//   - has no verb (labelHasVerb: "He added", "There was one problem", "A
//     Twitter spokesperson told Forbes", "Elder speaks in Spanish" are
//     clauses of their own), unless it opens with a question word (an
//     embedded question as a heading: "Why it matters", "What they're
//     saying", labelQuestionWords);
//   - has no capitalised word, other than a function word, that the
//     article also writes capitalised inside a sentence (names), nor a
//     listed first name before a capitalised word (namesSomeone): that is
//     a name, and a name before a colon is a transcript's speaker
//     ("Petraeus: ...", "TUCKER CARLSON: ...", "Paul Begala: ...") or a
//     topic ("Mo Cowan Senate: ...");
//   - holds no line break (the sentence ran over a line and the colon
//     opens none of it: "Halifax\n(Source: ...)");
//   - does not say whose words follow or that they are a claim being
//     checked (attributesWhatFollows);
//
// and the rest of s is empty (a label alone), or a sentence of its own:
// it starts with a capital letter (a quotation mark only after a question
// word's label: "What they're saying: “...”"; a lower-case word, a figure
// or a currency continue the phrase before the colon) and has a verb.
func sectionLabel(s string, art labelContext) (string, bool) {
	i := labelColon(s)
	if i < 0 {
		return "", false
	}
	label, rest := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	ws := text.Words(label)
	if len(ws) == 0 || len(ws) > maxLabelWords || !startsWithCapital(label) || strings.ContainsAny(label, "\"“”‘«»") {
		return "", false
	}
	for _, r := range label {
		if unicode.IsDigit(r) {
			return "", false
		}
	}
	asks := labelQuestionWords[strings.ToLower(ws[0])]
	if !asks && labelHasVerb(label) {
		return "", false
	}
	for _, w := range ws {
		if lw := strings.ToLower(w); text.IsUpperInitial(w) && !text.IsStopWord(lw) && art.names[lw] {
			return "", false
		}
	}
	if namesSomeone(ws) {
		return "", false
	}
	if strings.Contains(label, "\n") {
		return "", false
	}
	if attributesWhatFollows(label) {
		return "", false
	}
	if rest == "" {
		return "", true
	}
	quoted := strings.ContainsRune("\"“'‘", []rune(rest)[0])
	if quoted && !asks || !quoted && !startsWithUpper(rest) || !hasVerb(rest) {
		return "", false
	}
	if speakerLabel(s, i, label, art) {
		return "", false
	}
	return rest, true
}

// labelContext is what an article writes around its sentences that tells
// a section label from a speaker's credit: the words it capitalises
// inside a sentence (namesWritten) and, read only when a label is found
// (speakers), its text in lower case, where a label's noun may speak
// (speaksInText), and the labels that take turns in a dialogue
// (dialogueTurns).
type labelContext struct {
	names map[string]bool
	more  *speakerContext
}

// speakerContext is the part of a labelContext read only for a label.
type speakerContext struct {
	paragraphs []string
	split      [][]string
	read       bool
	lower      string
	turns      map[string]bool
}

// contextOfLabels reads an article's paragraphs and their sentences for
// sectionLabel.
func contextOfLabels(paragraphs []string, split [][]string) labelContext {
	return labelContext{names: namesWritten(split), more: &speakerContext{paragraphs: paragraphs, split: split}}
}

// speakers returns the article's text in lower case and its dialogue's
// turns, read at the first call ("" and none without an article).
func (art labelContext) speakers() (lower string, turns map[string]bool) {
	c := art.more
	if c == nil {
		return "", nil
	}
	if !c.read {
		var b strings.Builder
		for _, ss := range c.split {
			for _, s := range ss {
				b.WriteString(strings.ToLower(s))
				b.WriteByte(' ')
			}
			b.WriteByte('\n')
		}
		c.lower, c.turns, c.read = b.String(), dialogueTurns(c.paragraphs), true
	}
	return c.lower, c.turns
}

// dialogueTurns returns the phrases before a colon that take turns in an
// interview or a transcript ("AP: Did you ask ...?", "Q: ... SK: I think
// ...", "Zillow: How do you ...?"). An interviewer's phrase opens turns
// of the article (a turn: the sentences from a phrase up to the next
// phrase or the end of its line) and asks a question in two of them or
// more, and in half of them or more; an answering phrase is the next
// phrase after the interviewer's two or more times (two: once may be a
// heading that happens to follow). Both are speakers when every word of
// theirs is capitalised (a name, initials, a role in capitals: not "Here's
// a question"). A page's repeated headings ask nothing ("Pros:", "Pet
// Safety:"), or seldom ("Pro Tip:" once in 4), and answer no one ("NOTE:",
// "FYI:" on pages whose other headings ask). Read on the labels of the
// extraction sets cleaneval, wcxb and dragnet (session 24).
func dialogueTurns(paragraphs []string) map[string]bool {
	var order []string // the phrases that open sentences, in article order
	questions := map[string]int{}
	for _, p := range paragraphs {
		for _, line := range strings.Split(p, "\n") {
			label := "" // the turn's phrase, until it asks or its line ends
			for _, s := range text.Sentences(line) {
				if i := labelColon(s); i >= 0 && text.WordCount(s[:i]) <= maxLabelWords && startsWithCapital(s) {
					label = s[:i]
					order = append(order, label)
				}
				if label != "" && strings.HasSuffix(strings.TrimRight(s, "\"”’' "), "?") {
					questions[label]++
					label = "" // one question a turn
				}
			}
		}
	}
	opens := map[string]int{}
	for _, l := range order {
		opens[l]++
	}
	asking := map[string]bool{}
	for l, n := range questions {
		asking[l] = n >= 2 && 2*n >= opens[l] && allCapitalised(l)
	}
	turns := map[string]bool{}
	answers := map[string]int{}
	for i, l := range order {
		if asking[l] {
			turns[l] = true
			if i+1 < len(order) && order[i+1] != l {
				answers[order[i+1]]++
			}
		}
	}
	for l, n := range answers {
		if n >= 2 && allCapitalised(l) {
			turns[l] = true
		}
	}
	return turns
}

// allCapitalised reports whether every word of a phrase starts with a
// capital letter ("Jan Ulrich", "MARTINEZ-BELTRAN", "AP").
func allCapitalised(phrase string) bool {
	ws := text.Words(phrase)
	for _, w := range ws {
		if !startsWithUpper(w) {
			return false
		}
	}
	return len(ws) > 0
}

// speakerLabel reports whether the phrase before a colon (label, ending at
// byte colon of the sentence s) credits the words after it to a speaker or
// a source, rather than naming a part of the page:
//   - it takes turns in a dialogue (dialogueTurns);
//   - or it is a noun phrase that ends with its head noun (labelHead), and
//     the noun speaks elsewhere in the article ("Police: ..." where it
//     writes "according to police", "Report: ..." beside "the report
//     says", "Moderator: ..." beside "said the moderator"; speaksInText);
//     not a heading that names a thing of the noun's kind ("Principle Of
//     Prudence:" beside "according to this principle", wcxb).
//
// Such a label keeps its sentence, as a claim's does (attributesWhatFollows):
// stripped, the speaker's words would be listed as the writer's own.
func speakerLabel(s string, colon int, label string, art labelContext) bool {
	lower, turns := art.speakers()
	if turns[s[:colon]] {
		return true
	}
	if head := labelHead(label); head != "" && endsWithWord(label, head) && speaksInText(head, lower) {
		return true
	}
	return false
}

// endsWithWord reports whether the last word of a phrase, in lower case,
// is w.
func endsWithWord(phrase, w string) bool {
	ws := text.Words(phrase)
	return len(ws) > 0 && strings.ToLower(ws[len(ws)-1]) == w
}

// speaksInText reports whether a lower-case noun is, somewhere in a
// lower-case text, the subject of a verb of saying (sayingVerbs) after a
// determiner ("the report says", "the moderator asked"), written after one
// ("said the moderator", "said police"), or what words are "according to"
// ("according to police"). A bare noun before a verb is not asked: an
// adverb or an adjective may stand there ("finally said").
func speaksInText(noun, lower string) bool {
	for at := 0; ; {
		i := strings.Index(lower[at:], noun)
		if i < 0 {
			return false
		}
		i += at
		end := i + len(noun)
		at = end
		if i > 0 && inWordByte(lower[i-1]) || end < len(lower) && inWordByte(lower[end]) {
			continue // inside another word
		}
		// 40 bytes hold "according to the" or "said the"; 20 the word after.
		before := strings.Fields(lower[max(0, i-40):i])
		determined := false
		if n := len(before); n > 0 && labelDeterminers[before[n-1]] {
			before, determined = before[:n-1], true
		}
		after := strings.Fields(lower[end:min(len(lower), end+20)])
		if determined && len(after) > 0 && sayingVerbs[strings.Trim(after[0], ",.;:")] {
			return true
		}
		if n := len(before); n > 0 && sayingVerbs[before[n-1]] || n > 1 && before[n-2] == "according" && before[n-1] == "to" {
			return true
		}
	}
}

// inWordByte reports whether a byte may be part of a word (a letter, a
// digit, a hyphen, or a byte of a multi-byte letter).
func inWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 || b == '-'
}

// sayingVerbs are the verbs of saying, past and present, whose subject is
// the one whose words they report: the plainest of the quotes' cues
// (speechCues), not those that are also nouns ("reports", "posts",
// "notes", "claims", "states", "calls"), which a label's noun may stand
// before as a modifier ("the state reports").
var sayingVerbs = toSet(`said says told tells asked asks added adds wrote writes tweeted`)

// labelHasVerb reports whether a phrase before a colon has a verb: hasVerb,
// or in a label's few words what hasVerb leaves out of a sentence:
//   - a present form in -s right after its capitalised first word ("Elder
//     speaks in Spanish", "Internet companies"; in a sentence, "Port
//     officials this week ..." is no verb);
//   - a lower-case word in -s between a content word and another word
//     ("The report makes these assertions", "One thing seems clear");
//   - a contracted verb: "n't" ("Dead people can't vote") or "'s", "'re",
//     "'ll", "'ve", "'d", "'m" after a function word ("Here's a
//     prediction"; "Editor's note" is a possessive).
//
// Read on the labels the rule stripped in allsides_val, duc2003 and
// ecbplus_dev (session 23): 9 of 46 were clauses, 4 of them such.
func labelHasVerb(label string) bool {
	if hasVerb(label) {
		return true
	}
	toks := predicateTokens(label)
	if len(toks) > 1 && verbAt(toks, 1) == weakVerb {
		return true
	}
	ws := strings.Fields(text.Fold(label))
	for i, raw := range ws {
		w := strings.ToLower(strings.Trim(raw, ".,;!?()"))
		if strings.HasSuffix(w, "n't") {
			return true
		}
		if j := strings.LastIndexByte(w, '\''); j > 0 && contractions[w[j+1:]] && text.IsStopWord(w[:j]) {
			return true
		}
		// raw == w: written in lower case, with no comma after it.
		if i > 0 && i < len(ws)-1 && raw == w && presentInS(w) && !strings.Contains(w, "'") && !text.IsStopWord(strings.ToLower(ws[i-1])) {
			return true
		}
	}
	return false
}

// contractions are the verbs an apostrophe contracts after a pronoun or
// an adverb ("it's", "we're", "here's").
var contractions = toSet(`s re ll ve d m`)

// presentInS reports whether a word reads as a present-tense verb in -s
// (not "-ss", "-us", "-is": "press", "status", "analysis").
func presentInS(w string) bool {
	return len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// maxLabelWords is the most words a section label has: the newsletter
// labels of allsides_dated have 1 to 3 ("Context", "The big picture",
// "What we're hearing"; of the 81 colons after 1 to 5 words at a
// sentence's start session 23 counted there, 68 are Axios's); 5 leaves room
// for a longer one ("Catch up on the news"), not measured, while a longer
// part before a colon is most often a clause of its own.
const maxLabelWords = 5

// labelQuestionWords open an embedded question, which a heading may be
// though it has a verb ("Why it matters", "What's happening", "How it
// works"): of the 81 colons after 1 to 5 words at a sentence's start in
// allsides_dated (session 23's survey), the 32 after such a word were all
// Axios's labels.
var labelQuestionWords = map[string]bool{"why": true, "what": true, "how": true, "where": true, "when": true, "who": true}

// namesSomeone reports whether words hold a person's name: a first name
// the lexicon lists, capitalised, before another capitalised word ("Paul
// Begala", "Winners Elizabeth Warren"). A transcript's speaker is often
// named nowhere else in a teaser, where namesWritten cannot tell; of
// allsides_train's 117 labels the rule took before (session 23), 3 were
// such names, 2 of them with a listed first name ("AUDIE CORNISH, HOST"
// stays a label).
func namesSomeone(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if text.IsUpperInitial(ws[i]) && text.IsUpperInitial(ws[i+1]) && isFirstName(ws[i]) {
			return true
		}
	}
	return false
}

// namesWritten returns the lower-cased words an article writes with a
// capital inside a sentence (not its first word, nor a label's: see
// sectionLabel): its names ("Trump", "Carlson"), which a section label's
// words are not.
func namesWritten(paragraphs [][]string) map[string]bool {
	names := map[string]bool{}
	for _, ss := range paragraphs {
		for _, s := range ss {
			if i := labelColon(s); i >= 0 && text.WordCount(s[:i]) <= maxLabelWords {
				s = s[i+1:]
			}
			ws := text.Words(s)
			for j := 1; j < len(ws); j++ {
				if text.IsUpperInitial(ws[j]) {
					names[strings.ToLower(ws[j])] = true
				}
			}
		}
	}
	return names
}

// labelColon returns the index of the first colon of s followed by a
// space or ending it ("10:30" and "https://" have none), or -1.
func labelColon(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			return i
		}
	}
	return -1
}

// startsWithUpper reports whether s starts with an upper-case letter (a
// figure or a currency sign does not).
func startsWithUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// attributesWhatFollows reports whether the phrase before a colon says
// whose words follow, or that they are a claim put up to be checked, rather
// than naming a part of the page: the sentence after it is then not the
// writer's own statement, and stripped of it would be listed as one ("CLAIM:
// Debate moderator Chris Wallace implied that ..." in a fact check, whose
// verdict is "FALSE"). Its head noun (labelHead) is
//   - a claim's (claimNouns: "CLAIM", "Myth", "Rumor");
//   - a person's (personWord: "HOST" in "AUDIE CORNISH, HOST", "The
//     senator", "Witnesses", "Sources");
//
// or the phrase is one pronoun ("Me: ...") or one letter (an interview's
// "Q:" and "A:").
// Found reading the labels the rule stripped in allsides_train (3
// fact-check claims, "AUDIE CORNISH, HOST") and in the news of the
// extraction sets l3s-gn1 and wcxb (interviews' "Me:", "Q:", "A:"; wcxb's
// "Myth:"), session 23's review (s23-rev).
func attributesWhatFollows(label string) bool {
	ws := text.Words(label)
	if len(ws) == 1 && (utf8.RuneCountInString(ws[0]) == 1 || labelPronouns[strings.ToLower(ws[0])]) {
		return true
	}
	head := labelHead(label)
	return claimNouns[head] || personWord(head) || roleLabel(label, head)
}

// roleLabel reports whether a label is a noun of a person's role alone,
// perhaps after a determiner and one modifier ("Moderator", "The
// interviewer", "Elevator operator", "CITIZEN"): the lexicon's role nouns
// (roleNouns), which are many (compromise's Actor), so only where the
// label is no more than such a noun; in a longer or coordinated heading
// the noun qualifies a topic ("Employee and family support", "Merchant and
// affiliate programs", wcxb; session 24).
func roleLabel(label, head string) bool {
	if !roleNouns()[head] {
		return false
	}
	var content []string
	for _, w := range text.Words(label) {
		lw := strings.ToLower(w)
		if lw == "and" || lw == "or" {
			return false
		}
		if !labelDeterminers[lw] {
			content = append(content, lw)
		}
	}
	return len(content) > 0 && len(content) <= 2 && content[len(content)-1] == head
}

// personWord reports whether a lower-cased noun, or the singular of a
// plural in -s or -es, names a person by the lists the quotes and names
// read (personNouns, personTitleWords, anonymousNouns), written out (more
// than 3 letters: "TL;DR" ends in no doctor). Not by word vectors, which
// nounKind also asks: on labels they took "story", "goes" and "know" for
// people (l3s-gn1's "Earlier story:", polnear's "The Gap Goes On:"); nor
// by the collective nouns ("Target audience:" heads a product's section,
// wcxb).
func personWord(w string) bool {
	for _, s := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		if len(s) > 3 && (personNouns[s] || personTitleWords[s] || anonymousNouns[s]) {
			return true
		}
	}
	return false
}

// labelHead returns the lower-cased head noun of a label: the last word of
// its first noun phrase ("AUDIE CORNISH, HOST": "host"), past the
// determiners that open it ("The big picture": "picture") and before the
// first function word that follows ("Word from the editor": "word";
// "Editor's note": "note"). "" when it has none, or when it opens with
// another function word: a preposition's phrase names no speaker ("In
// general", "About the Author").
func labelHead(label string) string {
	head := ""
	for i, w := range text.Words(label) {
		lw := strings.ToLower(w)
		if i == 0 && text.IsStopWord(lw) && !labelDeterminers[lw] {
			return ""
		}
		if text.IsStopWord(lw) {
			if head != "" {
				break
			}
			continue
		}
		head = lw
	}
	if i := strings.IndexAny(head, "'’"); i > 0 {
		head = head[:i] // a possessive ending a phrase: "the senator's"
	}
	return head
}

// claimNouns name a statement put up to be checked or denied: a label of
// one says the sentence after it is not the writer's claim ("CLAIM: ...",
// "Myth: ...", "The rumor: ..."). A closed class of English words.
var claimNouns = toSet(`claim claims myth myths rumor rumors rumour rumours allegation allegations accusation accusations
misconception misconceptions hoax hoaxes falsehood falsehoods lie lies fiction assertion assertions theory theories`)

// labelDeterminers may open a noun phrase that names a speaker ("The
// senator", "Our reporter").
var labelDeterminers = toSet(`the a an this that these those my our your his her their its one another`)

// labelPronouns are the personal pronouns a transcript writes before a
// speaker's words ("Me: How could you ...?").
var labelPronouns = toSet(`i me we us you he him she her they them`)
