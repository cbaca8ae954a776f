package compare

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// This file finds an article's direct quotations and who the article says
// spoke them. A speaker is always a person or organisation the entity
// recogniser found, given by the fullest name the article uses: a name next
// to the speech verb ("Cheney said"), a pronoun ("she said") resolved to
// the last person of that gender named before, a description ("the
// senator", "the newspaper") resolved to the last person with that title or
// the last organisation of that kind. A place, a phrase or a word the
// recogniser did not take for a name is never a speaker: a quote without a
// speaker is better than one with a wrong one.

// Quote is a direct quotation in an article and who said it.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"` // "" when the article does not say, or not clearly
	Cue     string `json:"cue"`     // the speech verb that attributes it ("said", "told", "according to")
	Start   int    `json:"start"`   // byte offsets of the quoted words in the article text
	End     int    `json:"end"`
}

// Quotes finds the direct quotations of an article's text and their
// speakers, with the default entity recogniser.
func Quotes(t string) []Quote { return quotesOf(t, recognise(t)) }

// minQuoteWords is the fewest words a quotation must have: shorter quoted
// runs are scare quotes, titles and nicknames ("so-called 'experts'"). Three
// is the length of the shortest full remarks ("I love you"), measured on the
// direct quotes of polnear_dev, where quotes of one or two words are names
// and labels.
const minQuoteWords = 3

// maxScareWords is the longest quoted phrase that, credited to no one
// and ending no sentence, is taken for a scare quote rather than a remark
// (“critical race theory”, “iron river”): of polnear_dev's gold quotes of
// four words or fewer, 82 of 103 are fragments of reported speech that
// name their speaker (mixed quotes), kept because a speaker is found; a
// remark of five words or more usually has a verb of its own.
const maxScareWords = 4

// scareQuote reports whether a quotation is a short phrase that ends no
// sentence: no more than maxScareWords words and no full stop, question
// or exclamation mark inside or at its end.
func scareQuote(q string) bool {
	return text.WordCount(q) <= maxScareWords && !strings.ContainsAny(q, ".?!")
}

// maxTitleWords is the longest title of a work (a song, a book, a show)
// that a quotation in title case is taken for; longer runs in capitals are
// headlines or shouting, and checking only short quotes keeps the test off
// the long ones.
const maxTitleWords = 10

// namesAWork reports whether a short quotation is a title or a name in
// title case rather than words someone said ("The Creamery Corporation",
// "From the Desk of Donald J. Trump", "Love Won Out Conference"): every
// word capitalised but the small words of titles, two of them not in
// capitals only, and no sentence end.
// (isTitleCase, for headlines, wants three long words and misses these.)
func namesAWork(q string) bool {
	q = strings.TrimRight(q, " ,")
	if strings.HasSuffix(q, ".") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?") {
		return false
	}
	capitals := 0
	for i, w := range strings.Fields(q) {
		switch {
		case isNameWord(w) && !isContraction(w):
			if strings.ToUpper(w) != w {
				capitals++ // "NO COLLUSION" is shouting, "CBS This Morning" a title
			}
		case i > 0 && titleSmallWords[w]:
		default:
			return false
		}
	}
	return capitals >= minTitleCapitals
}

// minTitleCapitals is how many capitalised words, not in capitals only, a
// short quotation needs to be a title: one is any sentence's opener ("Not
// in my town"); two is the fewest of the titles and names commit 722f345
// read in the bench articles ("Meet the Press").
const minTitleCapitals = 2

// namesAtSentenceEnd reports whether a quotation credited to no one is a
// title or a short marked phrase that ends the writer's sentence, its full
// stop inside the closing mark as American style puts it (`his new book,
// “Roads Under the River.”`, `the newly created post of “chief harbour
// warden.”`): opened inside a sentence of the writer's (before is the
// paragraph up to the opening mark: words, not ending in a sentence mark
// or a colon), one sentence ending in a full stop, and without it a title (namesAWork)
// or no longer than a scare quote (maxScareWords). scareQuote and the title
// test before attribution miss these for their full stop, taken for a
// remark's end.
func namesAtSentenceEnd(before, q string) bool {
	before = strings.TrimRight(before, " ")
	if before == "" || strings.ContainsAny(before[len(before)-1:], ".!?:") {
		return false // the quotation opens a sentence, or follows a colon: a remark
	}
	phrase := strings.TrimSuffix(q, ".")
	if phrase == q || strings.ContainsAny(phrase, ".!?") {
		// No full stop, or more than one sentence. An exclamation or a
		// question is a remark (`shouted, “Keep the harbour open!”`): on the six
		// story files every such quote this rule took was one.
		return false
	}
	return scareQuote(phrase) || text.WordCount(phrase) <= maxTitleWords && namesAWork(phrase)
}

// labelOfNoOne reports whether a quotation with no speaker is a label
// that a verb of naming (labellingVerbs) puts on a thing, credited to no
// one: the verb's subject is a place, which speaks no words (placeSubject:
// `Norway has described the levy as a "temporary solidarity charge."`), or
// the verb is a passive right before the quotation (passiveLabel: `was
// described as a "targeted police action."`, `what is called the old
// "..."`). A short phrase so credited is the writer's own term, marked,
// not a remark. The cue alone says too little: the cue found for a quote
// is often another clause's verb (`the senators slammed Marsh for his
// claim that there was "..."`, `a scheme called Harbour is an "..."`),
// and those are someone's words (six such on basil, read in session 36).
func (a *attributor) labelOfNoOne(q Quote, paraStart int, before string) bool {
	if q.Speaker != "" || !labellingVerbs[strings.ToLower(q.Cue)] {
		return false
	}
	return a.placeSubject(paraStart, before, q.Cue) || passiveLabel(before)
}

// placeSubject reports whether the sentence that before (a paragraph's
// text from paraStart up to a quotation) ends in opens with a place the
// recogniser found and its verb is cue, perhaps after an auxiliary or
// adverbs (subjectVerbFillers): "Varden has long described ...".
func (a *attributor) placeSubject(paraStart int, before, cue string) bool {
	ls := lastSentenceStart(before)
	ls += len(before[ls:]) - len(strings.TrimLeft(before[ls:], " “\"‘"))
	at := paraStart + ls
	for i := a.mentionsFrom(at); i < len(a.mentions) && a.mentions[i].offset == at; i++ {
		e, ok := a.entityOf[i]
		if !ok || a.entities[e].Kind != news.Place {
			continue
		}
		for _, w := range strings.Fields(a.t[a.mentions[i].end : paraStart+len(before)]) {
			switch lw := strings.ToLower(w); {
			case lw == strings.ToLower(cue):
				return true
			case subjectVerbFillers[lw] || strings.HasSuffix(lw, "ly"):
			default:
				return false
			}
		}
	}
	return false
}

// subjectVerbFillers may stand between a subject and its verb: auxiliaries
// and frequent adverbs ("has long described", "had also called").
var subjectVerbFillers = toSet(`has have had long also often repeatedly previously officially openly again`)

// passiveLabel reports whether the words right before a quotation's
// opening mark are a passive verb of naming and at most
// maxLabelObjectWords words more: a form of "be", then called, dubbed,
// labelled, termed, branded, or described, known or referred to with
// "as" (`is called the old "`, `was described as a "`, `being dubbed "`).
func passiveLabel(before string) bool {
	words := strings.Fields(strings.ToLower(before[lastSentenceStart(before):]))
	for i := len(words) - 1; i >= 1 && i >= len(words)-1-maxLabelObjectWords-2; i-- {
		w := strings.Trim(words[i], ",")
		if !beForms[strings.Trim(words[i-1], ",")] {
			continue
		}
		rest := len(words) - 1 - i // words after the verb
		switch {
		case passiveNamingVerbs[w] && rest <= maxLabelObjectWords:
			return true
		case passiveAsVerbs[w] && rest >= 1 && words[i+1] == "as" && rest-1 <= maxLabelObjectWords:
			return true
		case w == "referred" && rest >= 2 && words[i+1] == "to" && words[i+2] == "as" && rest-2 <= maxLabelObjectWords:
			return true
		}
	}
	return false
}

// maxLabelObjectWords is how many words may stand between a passive verb
// of naming and the quoted label: a determiner and an adjective or two ("is
// called the old "...""). More, and the quote is likely no longer the
// verb's label.
const maxLabelObjectWords = 3

// beForms are the forms of "be" that make a verb of naming passive.
var beForms = toSet(`is was were are be been being`)

// passiveNamingVerbs name a thing right after their passive ("was
// dubbed "..."", "is called the "..."").
var passiveNamingVerbs = toSet(`called dubbed labeled labelled termed branded nicknamed`)

// passiveAsVerbs name a thing after their passive and "as" ("was
// described as "..."", "is known as the "..."").
var passiveAsVerbs = toSet(`described known characterized characterised portrayed billed`)

// speechCueNext reports whether the words right after a quote's closing
// mark are a speech verb, alone or after a name of up to three words
// (`,” said Maria Lopez`, `,” Pence said`; three words, as bareSpeaker
// reads a bare name): words in title case so
// attributed are speech ("Thank You, Mr. President"), not a title.
func speechCueNext(after string) bool {
	words := strings.Fields(strings.TrimLeft(after, " ,"))
	for i, w := range words {
		w = strings.Trim(w, ",.;:")
		if speechCues[w] {
			// ",” noting that": a participle after a title opens a phrase
			// of the sentence's subject, no attribution of it.
			return !strings.HasSuffix(w, "ing")
		}
		if i >= 3 || !isNameWord(w) {
			return false
		}
	}
	return false
}

// titleSmallWords stay in lower case in titles of works and names.
var titleSmallWords = toSet(`of the a an and for in on to from at by with or`)

// quoteSpan is a quotation in a paragraph: its opening mark at open, its
// words from start to end, and the text after its closing mark from after.
type quoteSpan struct{ open, start, end, after int }

// quoteSpans finds the quotations of a paragraph (offsets into it): curly,
// straight, low-high and guillemet quotes, a curly quote closed by a
// straight one, a straight one closed by two apostrophes, two grave accents
// closed by two apostrophes (texOpen); a quotation left open runs to the
// paragraph's end, as news writes a quote that goes on in the next paragraph.
func quoteSpans(p string) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(p); {
		if strings.HasPrefix(p[i:], texOpen) {
			qs := texQuoteSpan(p, i)
			out = append(out, qs)
			i = qs.after
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		var closers string
		switch r {
		case '“', '„':
			closers = "”“\""
		case '"':
			if inchMark(p, i) {
				i += size
				continue
			}
			closers = "\""
		case '«':
			closers = "»"
		case '「':
			closers = "」" // Chinese and Japanese corner brackets
		case '『':
			closers = "』"
		case '‚', '”', '»':
			// German ‚…‘, Swedish and Finnish ”…”, German »…«: each mark
			// is also a comma, an apostrophe or a closing mark, and opens
			// only where a quotation can (otherOpening).
			if closers = otherOpening(p, i, r); closers == "" {
				i += size
				continue
			}
		default:
			i += size
			continue
		}
		start := i + size
		end := strings.IndexAny(p[start:], closers)
		if r == '‚' {
			end = singleLowClose(p, start)
		}
		if r == '"' && end >= 0 && strings.IndexRune(p[start:start+end], '“') >= 0 {
			end = -1 // a straight quote that closes nothing before a curly one opens
		}
		// `"We are trying, '' Mr. Mark said`: two apostrophes close a
		// quotation in text typed the TeX or Penn Treebank way (older
		// newswire corpora).
		if tex := texCloseBefore(p[start:], end); r == '"' && tex >= 0 {
			out = append(out, quoteSpan{i, start, start + tex, start + tex + 2})
			i = start + tex + 2
			continue
		}
		if end < 0 && (r == '‚' || r == '”' || r == '»') {
			i += size // an unclosed low comma, closing mark or guillemet opens nothing
			continue
		}
		if end < 0 {
			if r != '"' || strings.Count(p[i:], "\"") == 1 {
				out = append(out, quoteSpan{i, start, len(p), len(p)})
			}
			break
		}
		end += start
		_, closeSize := utf8.DecodeRuneInString(p[end:])
		out = append(out, quoteSpan{i, start, end, end + closeSize})
		i = end + closeSize
	}
	return out
}

// texCloseBefore returns where two apostrophes first stand in rest,
// before end when end >= 0 (where another closing mark stands), -1 when
// none do: read only up to that mark, so that a paragraph of many
// straight quotations is not read to its end for each (session 41).
func texCloseBefore(rest string, end int) int {
	if end >= 0 {
		rest = rest[:end]
	}
	return strings.Index(rest, "''")
}

// texOpen and texClose are the quotation marks of text typed the TeX or
// Penn Treebank way: two grave accents (U+0060) open a quotation and two
// apostrophes close it. The AP and New York Times wires of the LDC newswire
// corpora (TDT, DUC) are written so; before these marks were read, a
// story of such articles listed no quote of theirs (duc2003: 156 quotes in
// 578 articles, 2,695 with them).
const (
	texOpen  = "``"
	texClose = "''"
)

// texQuoteSpan is the quotation opened by the two grave accents at open of
// paragraph p: to its two closing apostrophes, or left open to the
// paragraph's end, as a quote that goes on in the next paragraph is.
func texQuoteSpan(p string, open int) quoteSpan {
	start := open + len(texOpen)
	end := strings.Index(p[start:], texClose)
	if end < 0 {
		return quoteSpan{open, start, len(p), len(p)}
	}
	return quoteSpan{open, start, start + end, start + end + len(texClose)}
}

// quotesOf finds an article's direct quotations and their speakers, given
// the article's entity mentions.
func quotesOf(t string, mentions []mention) []Quote {
	return newAttributor(t, mentions).quotes()
}

// quotes finds the quotations of the attributor's text and attributes them,
// recording who spoke where for the pronouns that follow.
func (a *attributor) quotes() []Quote {
	t := a.t
	var out []Quote
	var runs []quoteRun              // per quote of out: its paragraph and how it opens and ends
	lastSpeaker := ""                // the speaker of the last attributed quote
	lastParagraph := -1              // the paragraph of that quote
	announcer, announcedIn := "", -1 // who a paragraph announces a statement by, and where
	paragraph := 0
	for start := 0; start <= len(t); paragraph++ {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		p := t[start:end]
		if strings.TrimSpace(p) == "" { // the blank line between paragraphs
			paragraph--
			start = end + 1
			continue
		}
		previous := ""  // the speaker of this paragraph's last quote
		prevAfter := -1 // where the text after this paragraph's last quote starts
		for _, qs := range quoteSpans(p) {
			qText := strings.TrimSpace(strings.TrimRight(p[qs.start:qs.end], " ,"))
			if n := text.WordCount(qText); n < minQuoteWords || n <= maxTitleWords && (isTitleCase(qText) || namesAWork(qText) && !speechCueNext(p[qs.after:])) {
				continue // a scare quote, or the title of a work (“American Skin (41 Shots)”)
			}
			qEnd := start + qs.end
			if qs.end >= len(strings.TrimRight(p, " ")) && strings.TrimSpace(t[end:]) == "" && cutOff(qText) {
				// A quotation a feed's teaser cut ("“The plan very
				// effectively...", left open at the text's end) is
				// given as far as its last whole sentence, or not at all:
				// a cut remark shown as someone's words misquotes them.
				// Only at the text's end, where a teaser cuts: a remark
				// trailing off in a paragraph a quotation of several
				// paragraphs leaves open (“We will see what they do...
				// / “But we will not wait,” she said.) is whole.
				if qText = wholeSentences(qText); text.WordCount(qText) < minQuoteWords {
					continue
				}
				qEnd = start + qs.start + strings.Index(p[qs.start:], qText) + len(qText)
			}
			q := Quote{Text: qText, Start: start + qs.start, End: qEnd}
			a.pending, a.nounCue = nil, false
			q.Speaker, q.Cue = a.attribute(start, p, qs)
			if q.Speaker == "" && q.Cue == "" || otherLanguageCue(q.Cue) {
				if who, cue := a.otherLanguageSpeaker(start, p, qs); cue != "" {
					q.Speaker, q.Cue = who, cue
				}
			} else if q.Cue == "" && continuesAfterQuote(p[qs.after:]) {
				// "Dann: « … », dit Luc Martin": the word before a colon
				// was taken as a label; a verb of speaking after the
				// quotation that names someone says whose words they are,
				// when it goes on the quotation's sentence ("», dit"), not
				// the next one ("„…“ Sagte X dann: „…“" is X's next quote).
				if who, cue := a.invertedSpeaker(clauseAfter(p[qs.after:]), start+qs.open); who != "" {
					q.Speaker, q.Cue = who, cue
				}
			}
			if who, body := a.transcriptSpeaker(qText); who != "" && q.Cue == "" {
				// "MARSH: Well, look, ...": a transcript's line, its
				// speaker's label first. A verb of the article's own
				// that names the speaker ("Brandt replied: “MARSH: ...”")
				// beats a label inside the words.
				q.Speaker, q.Cue = who, ":"
				q.Text, q.Start = qText[body:], q.Start+strings.Index(p[qs.start:], qText)+body
			} else if body > 0 && q.Speaker == "" && q.Cue == "" {
				// A label that names no one of the article ("HOST:")
				// leaves the line to no one, not to the speaker before;
				// words that name their speaker ("“WARNING: ...,” Marsh
				// said") keep it.
				q.Cue = ":"
			}
			if a.namesPlace(q.Speaker) {
				q.Speaker = "" // "tweeted the Calder, N.Y., chapter of ...": a place speaks no words
			}
			if all := a.jointAuthors(q.Speaker, q.Start, q.End); all != "" {
				q.Speaker = all // "A, B and C said in a joint statement": all three
			}
			// `"...," and predicted, "..."`, `..." and said "..."`: a verb
			// joined by "and" to the sentence of the quote before shares
			// its speaker.
			if q.Speaker == "" && previous != "" && prevAfter >= 0 && prevAfter <= qs.open && joinedCue(p[prevAfter:qs.open]) {
				q.Speaker = previous
			}
			// A quote with no words of attribution goes on with the one
			// before it: the paragraph's speaker, or the last paragraph's
			// for a quote that opens its paragraph. A quote given to
			// someone unnamed ("a spokesman said") stays unattributed.
			switch {
			case q.Speaker != "" || q.Cue != "":
			case unreadAttribution(p[qs.after:]):
				// `"…," vrací se Karel Novák`: words after the quote
				// name someone by a verb no rule reads; the quote is not
				// the previous speaker's.
			case previous != "":
				q.Speaker = previous
			case lastParagraph == paragraph-1 && opensParagraph(p, qs):
				q.Speaker = lastSpeaker
			case announcedIn == paragraph-1 && opensParagraph(p, qs):
				q.Speaker = announcer // "The committee issued a statement:" then the quote
			default:
				// `Ana Ruiz ... said she was "relieved" that the mayor would
				// think again. "This is the kind of deal we can do without."`:
				// the speaker of an earlier sentence of the paragraph,
				// unless the sentence right before says who published
				// words (mediumSpeaker).
				if q.Speaker = a.mediumSpeaker(start + qs.open); q.Speaker == "" {
					q.Speaker = a.paragraphSpeaker(start, p, qs)
				}
			}
			if q.Speaker == "" && q.Cue == "" && hanLabel(p, qs, qText) && !a.hanCueWithin(p, qs) {
				continue // 「…」 round a product's name, “…” round a phrase: Chinese or Japanese text, no remark
			}
			labelled := a.labelOfNoOne(q, start, p[:qs.open])
			if (q.Speaker == "" && q.Cue == "" || labelled) && scareQuote(qText) && qs.end < len(strings.TrimRight(p, " ")) {
				continue // “critical race theory”: the writer's own words marked, no one's remark
			}
			if (q.Speaker == "" && q.Cue == "" || labelled) && namesAtSentenceEnd(p[:qs.open], qText) {
				continue // `his new book, “Roads Under the River.”`: a title, no one's remark
			}
			if q.Speaker == "" && q.Cue != "" && a.pending != nil {
				a.unnamed = append(a.unnamed, unnamedQuote{a.pending.gender, a.sentenceOf(q.Start), q.Start})
			}
			if q.Speaker != "" && a.nounCue {
				// `Marsh's suggestion that she is the "...", calling her
				// "..."`: the phrases after a possessed noun's quote are
				// the sentence's subject's, not the owner's (allsides_train,
				// session 33); they go on with no one.
				previous = ""
			} else if q.Speaker != "" {
				previous, lastSpeaker, lastParagraph = q.Speaker, q.Speaker, paragraph
				if strings.Contains(q.Speaker, " and ") {
					a.joint = append(a.joint, jointQuote{q.Speaker, a.sentenceOf(q.Start)})
				}
				if g, ok := spokesGender(q.Speaker); ok {
					a.spokes = append(a.spokes, spokesQuote{q.Speaker, g, a.sentenceOf(q.Start), q.Start})
				}
				a.lastSpeaker = a.entityNamed(q.Speaker)
				if a.lastSpeaker >= 0 {
					a.spoken = append(a.spoken, spoken{a.lastSpeaker, a.sentenceOf(q.Start), q.Start})
				}
			}
			out = append(out, q)
			runs = append(runs, quoteRun{paragraph, opensParagraph(p, qs), qs.end >= len(strings.TrimRight(p, " "))})
			prevAfter = qs.after
		}
		if strings.TrimSpace(p) != "" && previous == "" && paragraph > lastParagraph {
			lastParagraph = -1 // a paragraph of other words between breaks the thread
		}
		if previous == "" {
			if who := a.announcerOf(start, p); who != "" {
				announcer, announcedIn = who, paragraph
			}
		}
		start = end + 1
	}
	continuedQuotes(out, runs)
	a.sentenceAttributions(out)
	return out
}

// maxSpeakerLabelWords is the most words of a transcript's speaker label:
// "MARSH", "ADA MARSH", "SEN. ADA MARSH" (polnear_dev's transcript, the
// only one in the benches, labels with a surname); a longer run in
// capitals before a colon is a headline or a shouted phrase.
const maxSpeakerLabelWords = 3

// transcriptSpeaker reads a label in capitals that opens a quotation as a
// transcript's line does ("MARSH: Well, look, ..."): it returns the person
// the label names and where the words after the label start; body 0 when
// the quotation opens with no label. The person is "" when the label is
// no one's name in the article: it must be the surname of one person
// named in full ("WALLACE:" of a host named only "Chris" is no one;
// "UPDATE:", "HOST:" name no one).
func (a *attributor) transcriptSpeaker(q string) (who string, body int) {
	c := strings.Index(q, ": ")
	if c <= 0 {
		return "", 0
	}
	label := strings.Fields(q[:c])
	if len(label) == 0 || len(label) > maxSpeakerLabelWords || !allCapitals(label) {
		return "", 0
	}
	last := strings.Trim(label[len(label)-1], ".")
	who = ""
	for _, e := range a.entities {
		if e.Kind != news.Person {
			continue
		}
		words := nameWords(e.Name)
		if len(words) < 2 || !strings.EqualFold(words[len(words)-1], last) {
			continue // a full name, its surname the label's last word
		}
		if who != "" && who != e.Name {
			return "", c + 2 // two people of that surname
		}
		who = e.Name
	}
	return who, c + 2
}

// allCapitals reports whether every word holds letters, all of them
// capitals, with at least two letters in all ("PENCE", "SEN.", "O'BRIEN";
// not "Q" or "A", an interview's labels for no one named).
func allCapitals(words []string) bool {
	letters := 0
	for _, w := range words {
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				letters++
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				return false
			case !strings.ContainsRune(".'’-", r):
				return false
			}
		}
	}
	return letters >= 2
}

// wholeSentences is a text cut short (cutOff) without its cut last
// sentence: the whole sentences before it, or "" when there are none.
func wholeSentences(t string) string {
	sents := text.Sentences(t)
	if len(sents) < 2 {
		return ""
	}
	last := sents[len(sents)-1]
	at := strings.LastIndex(t, last)
	if at <= 0 {
		return ""
	}
	return strings.TrimSpace(t[:at])
}

// quoteRun says where a quote stands: its paragraph, whether it opens it,
// and whether it is left open at the paragraph's end.
type quoteRun struct {
	paragraph int
	opens     bool
	leftOpen  bool
}

// sentenceAttributions gives a quote with no words of attribution the
// speaker of the next quote when both are in one sentence and that one's
// words of attribution follow it: `“Calder is a case of its own” because
// of its “debt” and because it “has cheated,” Commissioner Tomas Brandt
// said.` The attribution at the sentence's end is the whole sentence's;
// the first quote had gone on with an earlier speaker. Only a quote that
// went on so: one left to no one stays so (`the signs read “We will win”,
// but “nobody believed it,” Brandt said` is no one's, then Brandt's).
// From the last quote back, so that a run of quoted phrases is one
// speaker's. Not quotes of a title's form, which name a work.
func (a *attributor) sentenceAttributions(out []Quote) {
	shared := make([]bool, len(out)) // given the speaker of the quote after it here
	for i := len(out) - 2; i >= 0; i-- {
		q, next := out[i], out[i+1]
		if q.Cue != "" || q.Speaker == "" || next.Cue == "" && !shared[i+1] || next.Speaker == "" || q.Speaker == next.Speaker || isTitleCase(q.Text) {
			continue
		}
		if !a.oneSentence(q, next) || !shared[i+1] && !a.attributedAfter(next) || a.refersBefore(q) {
			continue
		}
		out[i].Speaker, shared[i] = next.Speaker, true
	}
}

// refersBefore reports whether the words of q's sentence before it name
// q's speaker, or a pronoun may stand for them: `“The dam will hold,” Marsh
// said. Her promise that it “will hold this winter” was “reckless,”
// Brandt said` quotes Marsh's words back, the later speaker's sentence
// being about them. A pronoun of the speaker's gender, or any personal
// pronoun when the article gives none, and "the" and one of their titles
// ("the mayor") count (s32-qrev probes: "Her",
// "Marsh's" before the phrase; the phrases that share an attribution in
// the session 32 reads open with "because of its", "because it").
func (a *attributor) refersBefore(q Quote) bool {
	e := a.entityNamed(q.Speaker)
	if e < 0 {
		return false
	}
	lo, _ := a.sentenceBounds(a.sentenceOf(q.Start))
	if lo >= q.Start {
		return false
	}
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < q.Start; i++ {
		if a.entityOf[i] == e {
			return true
		}
	}
	words := text.Words(strings.ToLower(a.t[lo:q.Start]))
	if a.entities[e].Kind == news.Org {
		// "Its pledge to “...” was “...”": an organisation's pronoun
		// only where it opens the sentence ("because of its “debt”"
		// is as often the country the words are about).
		return len(words) > 0 && (words[0] == "its" || words[0] == "their")
	}
	for k, w := range words {
		if g, ok := personalPronounGender[w]; ok && (a.gender[e] == "" || a.gender[e] == g) {
			return true
		}
		if k > 0 && words[k-1] == "the" && a.titles[e][canonicalTitle(w)] {
			return true // "The mayor's “...” is “...”" after Mayor Ada Marsh's words
		}
	}
	return false
}

// personalPronounGender gives the gender of a third person's pronouns.
var personalPronounGender = map[string]string{"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}

// oneSentence reports whether quotes q and next are in one sentence: the
// same sentence of the attributor, q's words not ending one, and no
// sentence's end or line break between them (the sentence splitter does
// not always cut after a quote closed with two apostrophes).
func (a *attributor) oneSentence(q, next Quote) bool {
	if a.sentenceOf(q.Start) != a.sentenceOf(next.Start) || next.Start < q.End {
		return false
	}
	words := strings.TrimRight(q.Text, " ’'\"”")
	if strings.HasSuffix(words, ".") || strings.HasSuffix(words, "?") || strings.HasSuffix(words, "!") {
		return false
	}
	between := a.t[q.End:next.Start]
	return !strings.ContainsAny(between, ".?!\n")
}

// attributedAfter reports whether quote q's cue comes after its words, at
// most the sentence's rest away: `“...,” Brandt said`, not `Brandt said
// “...”`.
func (a *attributor) attributedAfter(q Quote) bool {
	_, hi := a.sentenceBounds(a.sentenceOf(q.Start))
	if hi < q.End {
		return false
	}
	for _, w := range strings.Fields(a.t[q.End:hi]) {
		if strings.EqualFold(strings.Trim(w, " ,.;:“”\"'’"), q.Cue) {
			return true
		}
	}
	return false
}

// continuedQuotes gives a quote with no attribution that is left open at
// its paragraph's end the speaker of the quote that opens the next
// paragraph: news runs one quotation over several paragraphs, opening each
// and closing only the last, and attributes it once ("...the American
// people. / "I have asked them all to forgive me...," he said"). From
// the last quote back, so that a run of several paragraphs is one
// speaker's.
func continuedQuotes(out []Quote, runs []quoteRun) {
	for i := len(out) - 2; i >= 0; i-- {
		next := runs[i+1]
		if out[i].Speaker == "" && out[i].Cue == "" && runs[i].leftOpen && next.opens && next.paragraph == runs[i].paragraph+1 {
			out[i].Speaker = out[i+1].Speaker
		}
	}
}

// joinedCue reports whether the words between two quotes of a paragraph
// only join a second speech verb to the first quote's sentence: "and
// predicted,", ", and said", "then added:". Four words at most, the first
// a conjunction, one of them a speech verb.
func joinedCue(between string) bool {
	words := strings.Fields(strings.Trim(between, " ,:;”\"“"))
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	switch strings.ToLower(strings.Trim(words[0], ",")) {
	case "and", "then", "but":
	default:
		return false
	}
	if andOwnSubject("and " + strings.Join(words[1:], " ")) {
		return false // "and critics said": the critics' words (session 33, s33-q2)
	}
	for _, w := range words[1:] {
		if speechCues[strings.ToLower(strings.Trim(w, ",:"))] {
			return true
		}
	}
	return false
}

// paragraphSpeaker returns the speaker an earlier sentence of the
// paragraph attributes words to, for a quote of its own with no attribution:
// the subject of the last speech verb before the quote, "" when none.
func (a *attributor) paragraphSpeaker(start int, p string, qs quoteSpan) string {
	before := p[:qs.open]
	if len(before) > maxBeforeBytes {
		return ""
	}
	words := wordsWithOffsets(before)
	for k := len(words) - 1; k >= 1; k-- {
		lw := strings.ToLower(words[k].word)
		if !speechCues[lw] || notVerbBefore(before[:words[k].start], words[k-1].word) {
			continue
		}
		clause := before[:words[k].start]
		cut := lastSentenceStart(clause)
		who := a.resolveBefore(clause[cut:], start+cut, start+qs.open, strings.HasSuffix(lw, "ing"))
		if who != "" && a.entityNamed(who) >= 0 && a.entities[a.entityNamed(who)].Kind == news.Person {
			return who
		}
		return ""
	}
	return ""
}

// mediumSpeaker returns who the sentence right before a quote says put
// words out in a medium, for a quote that opens its own sentence and has
// no attribution: "U.S. Representative Liz Cheney, daughter of ..., assailed
// him in a tweet, ... “The 2020 presidential election was not stolen.”" is
// Cheney's. That is the person or organisation opening the sentence's main
// clause, when a medium phrase (inMedium) follows its verb; never a name
// after the verb (the one the words are about). "" otherwise.
func (a *attributor) mediumSpeaker(at int) string {
	k := a.sentenceOf(at)
	if k == 0 || strings.TrimSpace(a.t[a.sentStarts[k]:at]) != "" {
		return ""
	}
	lo, hi := a.sentStarts[k-1], a.sentStarts[k]
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < hi; i++ {
		m := a.mentions[i]
		if m.kind != news.Person && m.kind != news.Org || a.quoted(m.offset) || possessive(a.t, m.end) {
			continue
		}
		if !a.opensMainClause(i) {
			return ""
		}
		if verb, rest := mainVerb(a.t[m.end:hi]); inMedium(rest) && !passiveMedium(verb, rest) {
			return a.nameOf(i)
		}
		return ""
	}
	return ""
}

// passiveMedium reports whether a verb and the words after it are passive
// ("was attacked in a tweet by Tomas Brandt"): the subject is then the
// target of the words, not their author (review s11a).
func passiveMedium(verb string, rest []string) bool {
	if passiveAuxiliaries[verb] && len(rest) > 0 && participle(strings.ToLower(rest[0])) {
		return true // "was attacked", "got slammed"; not "was blunt in a tweet"
	}
	for j := 0; j < len(rest) && j < maxMediumWords; j++ {
		if strings.ToLower(rest[j]) == "by" {
			return true
		}
	}
	return false
}

// participle reports whether w looks like a past participle: the regular
// -ed and the -en/-wn of the strong verbs ("taken", "shown").
func participle(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn")
}

// passiveAuxiliaries are the forms of be and get that make a passive.
var passiveAuxiliaries = toSet(`is are was were be been being get gets got gotten getting`)

// inMedium reports whether the words after a verb open with a medium the
// words went out in, within maxMediumWords: "in a tweet", "in a joint
// statement", "on Twitter", "via a video message".
func inMedium(words []string) bool {
	for j := 0; j < len(words) && j < maxMediumWords; j++ {
		prep := strings.ToLower(words[j])
		if prep != "in" && prep != "on" && prep != "via" {
			continue
		}
		for k := j + 1; k < len(words) && k <= j+maxMediumWords/2; k++ {
			w := strings.Trim(words[k], ",.;:")
			if mediumNouns[strings.ToLower(w)] || prep == "on" && k == j+1 && mediumPlatforms[w] {
				return true
			}
		}
	}
	return false
}

// maxMediumWords is how far after the verb the medium phrase may open (its
// object and the phrase: "assailed him in a tweet", "criticised the
// Senate's vote in a long statement"), and half of it how many words the
// phrase may take before its noun ("in a brief joint statement"): a
// phrase further on modifies something else. Set by hand on the sentences
// of the read-report (s10) and polnear's tune half.
const maxMediumWords = 8

// mediumNouns are what a statement is put out in; mediumPlatforms are
// where ("on Twitter").
var (
	mediumNouns     = toSet(`tweet tweets statement post posting letter video email e-mail message op-ed interview speech memo essay`)
	mediumPlatforms = toSet(`Twitter Facebook Instagram YouTube TikTok`)
)

// announcerOf returns who a paragraph without quotes of its own announces
// words by, for a quote that opens the next paragraph: a paragraph that
// ends with a colon or speaks of a statement, opened by a person or
// organisation ("The union put out a short statement soon after the
// minister's speech:", "Earlier Sunday, Ruiz released a statement ..."). "" otherwise.
func (a *attributor) announcerOf(start int, p string) string {
	trimmed := strings.TrimSpace(p)
	if !strings.HasSuffix(trimmed, ":") && !strings.Contains(strings.ToLower(p), "statement") {
		return ""
	}
	for i := a.mentionsFrom(start); i < len(a.mentions) && a.mentions[i].offset < start+len(p); i++ {
		m := a.mentions[i]
		raw := a.t[start:m.offset]
		before := strings.TrimRight(raw, ", ")
		// "Two years prior, then-Senator Obama used virtually identical
		// language ...:": a time or place phrase may come first. The
		// comma is looked for before the trim, which would drop one
		// right before the name ("In a statement Saturday, Acme ...";
		// review s34-erev).
		if c := strings.IndexByte(raw, ','); c >= 0 && !onlyTitles(before) {
			before = strings.TrimSpace(strings.TrimRight(raw[c+1:], ", "))
		}
		if m.kind != news.Person && m.kind != news.Org || !onlyTitles(before) {
			return ""
		}
		// "In a statement Saturday, Acme spokesman Tomas Brandt ...": a
		// name that modifies a person's role names the person's
		// employer; the person announces (review s34-erev: a one-word
		// firm newly found had taken its spokesman's quote).
		if i+1 < len(a.mentions) && a.mentions[i+1].kind == news.Person && a.describesNext(i) {
			return a.nameOf(i + 1)
		}
		return a.nameOf(i)
	}
	return ""
}

// opensParagraph reports whether a quotation is the paragraph's first words.
func opensParagraph(p string, qs quoteSpan) bool {
	opening := strings.TrimSpace(p[:qs.start])
	return opening == "“" || opening == "\"" || opening == "„" || opening == texOpen
}

// speechCues are the verbs (and forms) that attribute words to a speaker.
var speechCues = toSet(`said says say saying told tells telling added adds adding asked asks asking wrote writes writing
posited posits tweeted tweets tweeting posted posts stated states declared declares explained explains continued continues noted notes
argued argues insisted insists warned warns replied replies responded responds recalled recalls acknowledged admitted
admits claimed claims joked jokes quipped quips announced announces shouted yelled exclaimed sang sings singing chanted
chanting chants read reads testified testifies remarked mused cried pleaded promised promises vowed vows pledged conceded
concedes stressed stresses cautioned predicted predicts commented comments answered answers urged urges countered counters
suggested suggests complained complains boasted boasts bragged lamented laments observed agreed agrees wondered wonders
emphasized emphasised reiterated confirmed confirms demanded demands concluded concludes recounted recounts
described describes called calls labeled labelled reported reports thundered scoffed snapped fumed marveled marvelled
proclaimed proclaims assured assures reminded reminds texted emailed charged exhorted mocked blasted slammed touted
dubbed branded hailed praised criticized criticised accused questioned pleaded begged quoted asserted asserts
accusing recalling stressing predicting urging describing vowing promising
attacked likened likens compared
maintained contended contends pledges demanding noting arguing insisting claiming warning explaining declaring stating
chimed`)

// speechVerbs that need an object to attribute ("told reporters").
var objectCues = toSet(`told tells telling asked asks reminded assured`)

// pronouns that stand for a speaker, with the gender they imply ("" any).
var speakerPronouns = map[string]string{"he": "male", "she": "female", "they": "", "it": "org"}

// attributor resolves the speakers of one article's quotes.
type attributor struct {
	t           string
	mentions    []mention   // in text order
	entities    []Entity    // the article's entities, for the fullest names
	entityOf    map[int]int // mention index -> entity index
	gender      []string    // entity index -> "male", "female" or ""
	titles      []map[string]bool
	sentStarts  []int    // byte offsets where the text's sentences start
	sentence    []int    // mention index -> its sentence
	inQuote     [][2]int // the spans inside quotation marks
	lastSpeaker int      // the entity that spoke the last attributed quote, -1 before any
	lastHan     string   // the last person named as a speaker in Chinese or Japanese text (hanName), for 他说
	lastHanAt   int      // where that quotation opens
	// hanCountedTo and hanBreaks: the paragraph breaks counted from
	// lastHanAt up to hanCountedTo (breaksSinceLastHan).
	hanCountedTo, hanBreaks int
	// openers, for the paragraph at openersBase: nextQuoteOpeners
	// (openersOf), once openersKnown.
	openers      string
	openersBase  int
	openersKnown bool
	// examined counts the bytes the reads around quotations of other
	// languages looked at (the text before and after each, the openers of
	// its paragraph, the breaks since a Chinese name): a test's measure
	// that they grow with the text, not its square.
	examined int
	spoken   []spoken // the attributed quotes so far
	refused  []spoken // quotes of a description refused a person of another case role (unlessOtherParty), entity -1
	unnamed  []unnamedQuote
	pending  *unnamedQuote // the person description the quote being attributed was last resolved from to no one
	// nounCue: the quote being attributed was given by possessedSpeech
	// ("Biden's call for a "...""); the quoted phrases after it in the
	// paragraph do not go on with that speaker.
	nounCue bool
	// labelNext is where the next label of a list of labels opens (byte
	// offset in the text; 0 when none): `called A a "...", called B
	// "..."`; labelSpeaker and labelCue are the list's first label's
	// speaker and cue, which the next label takes.
	labelNext    int
	labelSpeaker string
	labelCue     string
	joint        []jointQuote
	spokes       []spokesQuote
	full         fullNames
	byName       map[string]int // entity name -> index
}

// spoken records who spoke a quote and in which sentence.
type spoken struct{ entity, sentence, at int }

// unnamedQuote records a quote whose words of attribution describe a
// person the article does not name ("an official said", "said a local
// resident"), the gender the description's noun implies ("" either), its
// sentence and where it starts: "he added" after it is that person, not
// one named before.
type unnamedQuote struct {
	gender       string
	sentence, at int
}

// jointQuote records a quote given to two people together ("A and B") and
// its sentence.
type jointQuote struct {
	speakers string
	sentence int
}

// spokesQuote records a quote given to a person's unnamed spokesperson
// ("Ada Marsh's spokeswoman"), the gender of its noun ("female"; "" for
// "spokesperson"), its sentence and where it starts: "he" or "she" after
// it is the spokesperson, not the person the spokesperson speaks for.
type spokesQuote struct {
	speaker, gender string
	sentence, at    int
}

// spokesGender returns the gender of the noun ending a spokesperson's
// speaker ("...'s spokesman": "male"; "" for "...'s spokesperson" and a
// family a spokesperson speaks for), or a person's lawyer's or deputy's,
// ok false for any other speaker.
func spokesGender(speaker string) (string, bool) {
	for noun, g := range map[string]string{"'s spokesman": "male", "'s spokeswoman": "female", "'s spokesperson": ""} {
		if strings.HasSuffix(speaker, noun) {
			return g, true
		}
	}
	// "Ada Marsh's family" (kinOf): its spokesperson, of either gender.
	if _, kin, ok := strings.Cut(speaker, "'s "); ok && kinGroupNouns[kin] {
		return "", true
	}
	// "Dean Falk's lawyer", "Tomas Brandt's deputy", "Ada Marsh's wife"
	// (representativeNouns, possessedRole): the one named by the noun, of
	// the noun's gender or of either.
	// "Ada Marsh's former lawyer": the role's last word is its noun;
	// "Ada Marsh's chief of staff": the last before "of" (possessedRoleWords).
	if _, role, ok := strings.Cut(speaker, "'s "); ok {
		role, _, _ = strings.Cut(role, " of ")
		if f := strings.Fields(role); len(f) > 0 && (representativeNouns[f[len(f)-1]] || possessedRoleNoun(f[len(f)-1])) {
			return genderOfNoun(f[len(f)-1]), true
		}
	}
	return "", false
}

// spokesAntecedent returns the spokesperson whose quote is in sentence k
// before at, when the pronoun's gender fits the noun ("a spokeswoman for
// Ada Marsh said. She added": the spokeswoman); "" otherwise.
func (a *attributor) spokesAntecedent(k, at int, gender string) string {
	for j := len(a.spokes) - 1; j >= 0; j-- {
		if sp := a.spokes[j]; sp.sentence == k && sp.at < at && (sp.gender == "" || sp.gender == gender) {
			return sp.speaker
		}
	}
	return ""
}

func newAttributor(t string, mentions []mention) *attributor {
	a := &attributor{t: t, mentions: mentions, entityOf: map[int]int{}, inQuote: quotedRanges(t), lastSpeaker: -1}
	for start := 0; start < len(t); {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		pos := start
		for _, s := range text.Sentences(t[start:end]) {
			i := strings.Index(t[pos:end], s)
			if i < 0 {
				continue
			}
			a.sentStarts = append(a.sentStarts, pos+i)
			for _, j := range texQuoteStarts(s) {
				a.sentStarts = append(a.sentStarts, pos+i+j)
			}
			pos += i + len(s)
		}
		start = end + 1
	}
	a.sentence = make([]int, len(mentions))
	for i, m := range mentions {
		a.sentence[i] = a.sentenceOf(m.offset)
	}
	a.entities = groupMentions(mentions)
	a.full = fullNamesOf(mentions)
	a.byName = map[string]int{}
	for i, e := range a.entities {
		if _, ok := a.byName[e.Name]; !ok {
			a.byName[e.Name] = i
		}
	}
	at := map[int]int{} // mention offset -> entity
	for i, e := range a.entities {
		for _, m := range e.Mentions {
			at[m.Start] = i
		}
	}
	for i, m := range mentions {
		a.entityOf[i] = at[m.offset]
	}
	a.gender = make([]string, len(a.entities))
	a.titles = make([]map[string]bool, len(a.entities))
	for i := range a.titles {
		a.titles[i] = map[string]bool{}
	}
	for i, m := range mentions {
		e := a.entityOf[i]
		if m.title != "" && !deputyTitle(t, m) {
			a.titles[e][canonicalTitle(m.title)] = true
		}
		if g := genderOfTitle(m.title); g != "" && a.gender[e] == "" {
			a.gender[e] = g
		}
	}
	for i, e := range a.entities {
		if a.gender[i] == "" && e.Kind == news.Person {
			a.gender[i] = genderOfName(e.Name)
		}
	}
	return a
}

// texQuoteStarts are the offsets in sentence s of the sentences that open
// with tokenised text's quotation mark (texOpen, two backquotes) after one
// that ends in . ! or ? and a space, as a quotation opened by a curly or
// straight mark there would: text.Sentences splits at those marks but keeps
// a backquote inside the sentence (the clusterer's features read its
// sentences and are left as they are). The speakers read them split, so
// that "he said" after the quotation looks back to the sentence before
// (duc2003: "A spokesman at The Hague, <name>, said he had no information
// ... [quotation], he said" gave a name from paragraphs before).
func texQuoteStarts(s string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(s[from:], " "+texOpen)
		if i < 0 {
			return out
		}
		i += from
		from = i + 1 + len(texOpen)
		before := strings.TrimRight(s[:i], " ")
		before = strings.TrimRight(before, "'\"”’)")
		if strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "!") {
			out = append(out, i+1)
		}
	}
}

// nextQuoteOpeners returns the marks that open the next quotation of
// paragraph p after a closing mark: those of every language, and the
// Swedish ” in a paragraph with no “, where ” both opens and closes
// (otherOpening). Without it the words after a ”…” quotation ran to the
// paragraph's end, through the next quotations and their speakers, and
// each quotation read them all (s39-srev: a paragraph of 2,000 such
// quotations took three times as long as one of “…”).
func nextQuoteOpeners(p string) string {
	if strings.ContainsRune(p, '“') {
		return "“\"«`„「『"
	}
	return "“\"«`„「『”"
}

// hanCueWithin reports whether a cue of Chinese or Japanese speech ends
// the text before the quotation qs of paragraph p, read within
// maxBeforeBytes (hanCueBefore).
func (a *attributor) hanCueWithin(p string, qs quoteSpan) bool {
	before := boundedBefore(p, qs.open)
	a.examined += len(before)
	return hanCueBefore(before)
}

// openersOf is nextQuoteOpeners of the paragraph p that starts at byte
// base of the text, worked out once per paragraph: asked for each of its
// quotations, it read a paragraph with no “ to its end every time, the
// square of its length (session 41).
func (a *attributor) openersOf(base int, p string) string {
	if !a.openersKnown || a.openersBase != base {
		a.openers, a.openersBase, a.openersKnown = nextQuoteOpeners(p), base, true
		a.examined += len(p)
	}
	return a.openers
}

// attribute finds the speaker and cue of the quotation qs of paragraph p,
// which starts at byte base of the text.
func (a *attributor) attribute(base int, p string, qs quoteSpan) (speaker, cue string) {
	after := p[qs.after:]
	nextQuote := -1 // where the next quotation of the paragraph opens, in p
	if next := strings.IndexAny(after, a.openersOf(base, p)); next >= 0 {
		after = after[:next] // the next quotation has words of its own
		nextQuote = qs.after + next
	}
	who, c, ok := a.attributeAfter(after, base+qs.after, p[qs.start:qs.end])
	if ok && nextQuote >= 0 && labelsNextQuote(after, c) && !quoteOpensSentence(p, qs.open) {
		who, c, ok = "", "", false
		// The next quote is the list's next label: its speaker is this
		// one's, whatever the words before it name ("called Y" is the
		// object).
		defer func() { a.labelNext, a.labelSpeaker, a.labelCue = base+nextQuote, speaker, cue }()
	}
	if ok && who != "" {
		if rWho, rCue := a.reportedSpeaker(base, p, qs, after, c); rWho != "" {
			return rWho, rCue
		}
		return who, c
	}
	if a.labelNext > 0 && a.labelNext == base+qs.open {
		// `called BuzzFeed a "...", called CNN "fake news"`: the second
		// label is the first one's speaker's, not CNN's (the words before
		// it read as an inverted "called CNN"); review s33-qrev, invented
		// probes.
		return a.labelSpeaker, a.labelCue
	}
	// `Peabody said: "...," adding that ...`: the words after name no one,
	// the words before may.
	// The sentence before a quote, within maxBeforeBytes: lastSentenceStart
	// would otherwise read the whole paragraph again for every quote.
	from := max(0, qs.open-maxBeforeBytes)
	for from > 0 && !utf8.RuneStart(p[from]) {
		from++
	}
	before := p[from:qs.open]
	cut := from + lastSentenceStart(before)
	// A quote earlier in the sentence and its comma are not the subject:
	// `"If he knows," Mr. Conway, a critic of Mr. Trump, wrote, "then..."`.
	// (Only a quote closed with a comma, which its attribution follows: a
	// title in quotes, `on Fox News' "Tucker Carlson Tonight" that`, is
	// part of the sentence.)
	sentence := cut
	if i, size := lastClosingMark(p[cut:qs.open]); i >= 0 {
		if strings.HasSuffix(p[cut:cut+i], ",") || strings.HasPrefix(p[cut+i+size:], ",") {
			cut += i + size
		}
	}
	before = p[cut:qs.open]
	bWho, bCue := a.attributeBefore(before, base+cut, base+qs.open)
	if bWho == "" && bCue != "" && cut > sentence && (continuesSentence(before) && !andOwnSubject(before) || butSpeechVerb(before)) {
		// 'He acknowledged he "used money ...," calling it accurate and
		// saying': words after the earlier quote with no subject of their
		// own go on with the sentence's.
		bWho, _ = a.attributeBefore(p[sentence:qs.open], base+sentence, base+qs.open)
		if namedInOpeningParticiple(p[sentence:qs.open], bWho) {
			bWho = "" // "Hosting Ada Marsh in Paris, Brandt called it "..." but said": Brandt's, not Marsh's
		}
	}
	if bWho == "" && bCue == "" && c == "" {
		// "McDermott sent out the following message on Twitter: "..."":
		// a colon announces the words of the person who opens the
		// sentence, whatever the verb (but one of motion, or words
		// written on a thing: colonSubject).
		if who, verb := a.colonSubject(base+sentence, base+qs.open); who != "" {
			return who, verb
		}
	}
	if bWho == "" && bCue == "" && c == "" && strings.TrimSpace(p[sentence:qs.open]) == "" {
		// Only a quote that opens its sentence: a quoted phrase inside one
		// (`closed with "We Are the Champions," Freddie Mercury waving`)
		// is no quote of the name after it.
		return a.personAfter(after, base+qs.after, p[qs.start:qs.end]), ""
	}
	if bWho != "" || !ok {
		return bWho, bCue
	}
	return who, c
}

// lastClosingMark returns where the last closing quotation mark of s
// starts and its length in bytes: a curly or straight double quote, or
// the two apostrophes that close a quotation typed the TeX way (texClose);
// -1 when s holds none. Without texClose, a split quote typed the TeX
// way whose first half holds a sentence end (two grave accents, "We
// cannot aim it. It points up,", two apostrophes, "Ortiz said,", then
// the second half) read the words inside the first quotation as the
// subject of "said", and the second half of the split quote had no
// speaker (duc2003, session 33, s33-q2: 2 of 30 quotes with no speaker
// where the article names one).
func lastClosingMark(s string) (int, int) {
	i := strings.LastIndexAny(s, "”\"")
	size := 0
	if i >= 0 {
		_, size = utf8.DecodeRuneInString(s[i:])
	}
	if j := strings.LastIndex(s, texClose); j > i {
		i, size = j, len(texClose)
	}
	return i, size
}

// reportedSpeaker returns the speaker named before a quoted phrase in its
// sentence, with a verb of speaking or judging, when the attribution after
// the quote (cue c) only reports the words (reportsSpeech): `Brandt told
// the council the city was "running out of money," according to Ada
// Marsh` and `Brandt called it "a waste" last week, said Ada Marsh` are
// Brandt's words, Marsh's report of them (review s31-qrev, invented
// probes). "" when the quote opens its sentence or no one speaks before it.
func (a *attributor) reportedSpeaker(base int, p string, qs quoteSpan, after, c string) (string, string) {
	if q := strings.TrimRight(p[qs.start:qs.end], " ’‘'"); strings.HasSuffix(q, ".") || strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!") {
		return "", "" // the quote ends its sentence: the words after it are another's (`... was "a city where budgets do not matter." The fund, she claimed,`)
	}
	if !reportsSpeech(after, c) || namesDocument(after) {
		return "", ""
	}
	from := max(0, qs.open-maxBeforeBytes)
	for from > 0 && !utf8.RuneStart(p[from]) {
		from++
	}
	sentence := from + lastSentenceStart(p[from:qs.open])
	if s := p[sentence:qs.open]; strings.ContainsAny(s, "“”\"") || strings.Contains(s, texOpen) || strings.TrimSpace(s) == "" {
		return "", "" // the quote opens its sentence, or an earlier quote does
	}
	clause := p[sentence:qs.open]
	if strings.Contains(clause, ";") || strings.Contains(clause, " but ") {
		return "", "" // `Brandt said the tax was unfair, but the plan is "the best deal" for now, said Marsh`: a clause of its own
	}
	who, cue := a.attributeBefore(clause, base+sentence, base+qs.open)
	if who == "" || !speechCues[cue] && !judgingVerbs[cue] || !namedIn(who, clause) {
		return "", "" // `The mayor said ... "dead on arrival" this year, Ada Marsh said`: only a speaker named in the sentence
	}
	return who, cue
}

// documentWords name a written source. A quoted phrase whose source after
// the quote is one (`Brandt asked the board to explore "a seat on the
// panel" ..., the city said in a statement`; `according to a statement
// from company secretary Ada Marsh`) is most likely the
// document's own wording, which the reporter had in hand: it keeps that
// source, not the speaker the sentence paraphrases (basil and duc2003,
// one each, read in review s31-qrev).
var documentWords = toSet(`statement statements letter report release email e-mail memo filing document documents transcript`)

// namesDocument reports whether the words after a quote name a written
// source (documentWords).
func namesDocument(after string) bool {
	for _, w := range strings.Fields(after) {
		if documentWords[strings.ToLower(strings.Trim(w, ",.;:"))] {
			return true
		}
	}
	return false
}

// namedIn reports whether the last word of the name who (a surname, the
// last word of an organisation) is in s.
func namedIn(who, s string) bool {
	f := strings.Fields(who)
	return len(f) > 0 && strings.Contains(s, strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "'s"), "’s"))
}

// reportsSpeech reports whether the attribution after a quoted phrase
// (cue c, from the words after the quote) names the source of a report
// rather than the words' speaker: "according to", or a speech verb after
// a clause that goes on after the quote (`" last week, said Ada Marsh`).
// Only then may a speaker named before the quote in its sentence keep the
// words (attribute).
func reportsSpeech(after, c string) bool {
	if c == "according to" {
		return true
	}
	rest := strings.TrimLeft(after, " ")
	if !speechCues[c] || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "—") {
		return false
	}
	// A clause of its own, closed by a comma, before the verb (not
	// `"...," he added`: the verb right after the quote is its speaker's).
	i := strings.Index(rest, c)
	return i > 0 && strings.Contains(rest[:i], ",")
}

// namesPlace reports whether a speaker is a place: an entity of the
// article the recogniser calls one, or a US state's abbreviation ("N.Y.",
// which a home state after a name makes look like an organisation).
func (a *attributor) namesPlace(who string) bool {
	if who == "" || seatNamed(who) != "" {
		return false // "the Kremlin said": the office seated there
	}
	if i := a.entityNamed(who); i >= 0 && a.entities[i].Kind == news.Place {
		return true
	}
	return stateAbbreviations[strings.ToLower(strings.TrimSuffix(who, "."))]
}

// colonSubject returns the person or organisation that opens the main
// clause of the sentence from lo when that sentence ends in a colon right
// before a quote at hi and names no other person after it (one's
// possessive aside), and the main verb as the cue; "" otherwise. Nor when
// the clause says the subject moved or names a thing the words were
// written on ("Joe Biden walked past a banner held by protesters: "...""):
// the quote is then no one's words in the sentence (review s8b).
func (a *attributor) colonSubject(lo, hi int) (string, string) {
	if !strings.HasSuffix(strings.TrimSpace(a.t[lo:hi]), ":") {
		return "", ""
	}
	if i := strings.LastIndexAny(a.t[lo:hi], "”\""); i >= 0 {
		lo += i + 1 // after an earlier quote: `..." Piet Kroon shot back: "...`
	}
	who := -1
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < hi; i++ {
		m := a.mentions[i]
		if m.kind != news.Person && m.kind != news.Org || a.quoted(m.offset) || possessive(a.t, m.end) {
			continue
		}
		if who >= 0 && m.kind == news.Person {
			return "", "" // another person before the colon may be its subject: "... when, shortly before noon, Brandt sent out the following message:"
		}
		if who < 0 && a.opensMainClause(i) {
			who = i
		}
	}
	if who < 0 {
		return "", ""
	}
	verb, rest := mainVerb(a.t[a.mentions[who].end:hi])
	for _, w := range rest {
		if writtenThings[strings.ToLower(strings.Trim(w, ",.:;"))] {
			return "", ""
		}
	}
	return a.nameOf(who), verb
}

// mainVerb returns the first lower-case word after a subject, an
// apposition set off by commas and adverbs skipped ("McDermott, the coach,
// sent out", "Trump also took credit"), and the words after it.
func mainVerb(s string) (string, []string) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, ",") {
		if i := strings.Index(s[1:], ","); i >= 0 {
			s = s[i+2:]
		}
	}
	words := strings.Fields(s)
	for i, w := range words {
		w = strings.Trim(w, ",.:;")
		if w != "" && unicode.IsLower([]rune(w)[0]) && !adverbs[w] && !strings.HasSuffix(w, "ly") {
			return w, words[i+1:]
		}
	}
	return "", nil
}

// adverbs are the common adverbs that stand between a subject and its
// verb without ending in -ly.
var adverbs = toSet(`also then later again once still even never already just often soon now`)

// writtenThings are the things words are written on: a quote announced by
// a clause naming one is those words, not the subject's. (A verb of motion
// alone says nothing: "went further:", "came out swinging:" announce the
// subject's words; review s8d.)
var writtenThings = toSet(`sign signs banner banners placard placards poster posters headline headlines caption captions
slogan slogans question questions inscription t-shirt shirt billboard billboards`)

// continuesSentence reports whether words after an earlier quote have no
// subject of their own: they open in lower case with a verb in -ing or
// "and" ("calling it accurate and saying").
func continuesSentence(s string) bool {
	words := strings.Fields(strings.TrimLeft(s, " ,"))
	if len(words) == 0 {
		return false
	}
	w := strings.TrimRight(words[0], ":,") // ', saying: "..."'
	return w == "and" || len(w) > 4 && strings.HasSuffix(w, "ing") && unicode.IsLower([]rune(w)[0])
}

// butSpeechVerb reports whether words after an earlier quoted phrase are
// "but" and a verb of speaking with no subject between ('acknowledged the
// claim was "very strong," but said, "..."'): the verb shares the
// sentence's subject. Only a verb right after "but": "but critics said"
// has a subject of its own (session 33, s33-q2: duc2003, one speaker
// lost when the TeX closing mark began to be read, lastClosingMark).
func butSpeechVerb(s string) bool {
	w, ok := wordAfterConjunction(s, "but")
	return ok && speechCues[w]
}

// wordAfterConjunction returns the word after conj when conj opens s (after
// commas and spaces), without a colon or comma of its own: "said" of ',
// but said: "...'. Only the first two words are read.
func wordAfterConjunction(s, conj string) (string, bool) {
	words := firstFields(strings.TrimLeft(s, " ,"), 2)
	if len(words) < 2 || words[0] != conj {
		return "", false
	}
	return strings.TrimRight(words[1], ":,"), true
}

// andOwnSubject reports whether the words after an earlier quoted phrase
// are "and" and a clause with a subject of its own ('called it "a mess,"
// and critics said "..."'): the critics speak, not the sentence's subject.
// "and" before a verb, an adverb in -ly or "then"/"also"/"later" goes on
// with the sentence's subject ('and said', 'and then added'). Found on
// invented probes (session 33, s33-q2): the critics' words went to the
// sentence's first name.
func andOwnSubject(s string) bool {
	w, ok := wordAfterConjunction(s, "and")
	if !ok {
		return false
	}
	w = strings.ToLower(w)
	return !speechCues[w] && !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ing") && !andContinuers[w]
}

// andContinuers are the words after "and" that go on with the subject
// before it: "and then said", "and also warned", "and later added".
var andContinuers = toSet(`then also later again so yet even`)

// namedInOpeningParticiple reports whether speaker who is named only in a
// participial phrase that opens sentence s, up to its first comma
// ("Hosting President Ada Marsh at the palace, Brandt ..."): the one the
// participle's subject met, not the subject. The whole sentence is read
// again for a verb after an earlier quote (continuesSentence,
// butSpeechVerb), and the resolver then took the first name of the
// sentence (newswcl50, session 33, s33-q2: one speaker).
func namedInOpeningParticiple(s, who string) bool {
	s = strings.TrimLeft(s, " “\"`")
	first := firstWordOf(s)
	if who == "" || len(first) <= 4 || !strings.HasSuffix(first, "ing") {
		return false
	}
	c := strings.IndexByte(s, ',')
	if c < 0 {
		return false
	}
	last := who[strings.LastIndexByte(who, ' ')+1:]
	return strings.Contains(s[:c], last) && !strings.Contains(s[c:], last)
}

// maxBeforeBytes bounds the text before a quote read for its attribution:
// the sentence that introduces a quote is rarely longer than a few hundred
// bytes.
const maxBeforeBytes = 600

// lastSentenceStart returns where the last sentence of s begins: after the
// last sentence end followed by a space (". ", "? ", "! ", or one of them
// with a closing quotation mark, ".” ", "!\" "), or 0 when s has none. A
// title's period ("Sen. Cruz said") does not end a sentence: the one before
// it may ("... withdrew from. Mr. Halvorsen derided"). It reads s backwards from
// its end and stops at the first sentence end, so a quote late in a long
// paragraph costs the length of its own sentence, not of the paragraph
// (s40-attr: searching each ending over all of s, and splitting s into
// words at every title's period, made a 20,000-word paragraph's quotes cost
// the square of its length).
func lastSentenceStart(s string) int {
	for end := len(s); end >= 2; end-- {
		if s[end-1] == ' ' && endsSentenceAt(s, end-1) {
			return end
		}
	}
	return 0
}

// endsSentenceAt reports whether s[:space] ends a sentence before the
// space at byte space: a period, question or exclamation mark, perhaps
// followed by one closing quotation mark; not a title's or an initial's
// period (periodAbbreviates).
func endsSentenceAt(s string, space int) bool {
	body := s[:space]
	quoted := false
	for _, mark := range []string{"”", "\""} {
		if b, ok := strings.CutSuffix(body, mark); ok {
			body, quoted = b, true
			break
		}
	}
	if body == "" {
		return false
	}
	switch body[len(body)-1] {
	case '?', '!':
		return true
	case '.':
		return quoted || !periodAbbreviates(lastWordOf(s[:space-1]), firstWordOf(s[space+1:]))
	}
	return false
}

// lastWordOf returns the last word of s, opening brackets and quotation
// marks trimmed.
func lastWordOf(s string) string {
	f := lastFields(s, 1) // s may be all of a paragraph before a quote
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], "(\"“")
}

// firstWordOf returns the first word of s, quotation marks trimmed.
func firstWordOf(s string) string {
	f, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return strings.Trim(f, "(\"“")
}

// attributeAfter reads the words after a quote: `, Smith said`, `, said
// Smith, a spokesman`, `, the senator told reporters`.
func (a *attributor) attributeAfter(after string, at int, quoted string) (string, string, bool) {
	// `"..." ― Sonya Herridge`: a dash and a name, the byline of a quote in
	// lists of reactions and in captions.
	if d := strings.TrimLeftFunc(after, unicode.IsSpace); strings.HasPrefix(d, "―") || strings.HasPrefix(d, "—") || strings.HasPrefix(d, "–") || strings.HasPrefix(d, "- ") {
		from := at + len(after) - len(d)
		for i := a.mentionsFrom(from); i < len(a.mentions); i++ {
			if m := a.mentions[i]; m.kind == news.Person || m.kind == news.Org {
				// Titles may come first ("— Sen. Tom Cotton"), and an
				// organisation may only qualify the title of the person
				// after it ("— Calder Party Chair Ada Marsh").
				if onlyTitles(strings.TrimLeftFunc(a.t[from:m.offset], func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("―—–-", r) })) {
					if lineEnd := from + strings.IndexByte(d+"\n", '\n'); m.kind == news.Org && a.modifiesTitled(i, lineEnd) {
						return a.nameOf(i + 1), "—", true
					}
					return a.nameOf(i), "—", true
				}
				break
			}
		}
		// A byline the recogniser did not take for a name: the
		// capitalised words after the dash, to the end of the line.
		byline := strings.TrimLeftFunc(d, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("―—–-", r) })
		if i := strings.IndexAny(byline, ".,;:(\n"); i >= 0 {
			byline = byline[:i]
		}
		if who := bareName(byline); who != "" && !a.kindIn(from, from+len(d), news.Place) {
			return who, "—", true
		}
	}
	trimmed := strings.TrimLeft(after, " ,—–-")
	lead := len(after) - len(trimmed)
	q := strings.TrimRight(quoted, " ’‘'") // an inner quote closed with the outer one: ...ridiculous,’”
	endsSentence := strings.HasSuffix(q, ".") || strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!")
	words := wordsWithOffsets(trimmed)
	if len(words) == 0 {
		return "", "", false
	}
	// `"That makes me smart," when Clinton blasted him`: a clause of its
	// own follows, not the attribution.
	// (Unless a closing attribution ends the sentence: `"..." in a
	// shooting, Mr. Hutchinson said.`; embedded below checks that.)
	opener := clauseOpeners[strings.ToLower(words[0].word)]
	// `vowed to "throw the bum out," referring to the mayor ― Holt
	// said`: a participle clause about the quote, then another sentence's
	// speaker; `the "last in, first out" rule after the ministry ...
	// claiming`: a quoted phrase inside a noun phrase. Neither attributes.
	if first := words[0].word; words[0].start == 0 || strings.HasPrefix(strings.TrimLeft(after, " "), ",") {
		// (Not `offered "a definitive chronicle," according to the White
		// House`: "according to" names the source.)
		if lf := strings.ToLower(first); strings.HasSuffix(lf, "ing") && !speechCues[lf] && unicode.IsLower([]rune(first)[0]) &&
			!(lf == "according" && len(words) > 1 && strings.EqualFold(words[1].word, "to")) {
			return "", "", false
		}
	}
	embedded := opener // `A clerk who "pockets a few $10 bills" is fired on the spot, Ruiz said.`
	if r, _ := utf8.DecodeRuneInString(words[0].word); unicode.IsLower(r) && !strings.HasPrefix(strings.TrimLeft(after, " "), ",") &&
		!endsSentence && !strings.HasSuffix(q, ",") && !speechCues[strings.ToLower(words[0].word)] {
		if _, pronoun := speakerPronouns[strings.ToLower(words[0].word)]; !pronoun {
			embedded = true
		}
	}
	// The clause ends at the sentence's end.
	limit := len(trimmed)
	if i := sentenceEndIn(trimmed); i >= 0 {
		limit = i
	}
	if !strings.HasPrefix(strings.TrimLeft(after, " "), ",") && endsSentence {
		// A new sentence follows, unless it starts in lower case (`?" he
		// asked.`) or is a short attribution of its own (`?" Vitter
		// demanded.`): a speech verb among its first words, few after it.
		if r, _ := utf8.DecodeRuneInString(trimmed); !unicode.IsLower(r) && !shortAttribution(trimmed, words, limit) {
			return "", "", false
		}
	}
	for k, w := range words {
		if w.start >= limit || k > maxSubjectWords {
			break
		}
		lw := strings.ToLower(w.word)
		if k == 0 && wordsOfPhrase(words) {
			// `"...," in the words of Tomas Brandt`: the words are his.
			if who := a.wordsOfSpeaker(trimmed, words, limit, at, lead); who != "" {
				return who, wordsOfCue, true
			}
			return "", "", false
		}
		if lw == "according" && k+1 < len(words) && strings.EqualFold(words[k+1].word, "to") && words[k+1].end <= limit {
			if embedded && !closingAttribution(trimmed, words, k+1, limit) {
				return "", "", false // `"..." ― and they did so ..., according to a new analysis by ...`
			}
			subj := sourceBeforeTopic(trimmed[words[k+1].end:limit])
			if k == 0 {
				// `"...," according to a statement by Maj. Ada Marsh, a
				// Guard spokeswoman`: the source is named before the
				// apposition that describes it. (Not `according to
				// Brandt's lawyer, Ada Marsh`: an apposition that opens
				// with a capital is the name, read with the rest.)
				if c := strings.IndexByte(subj, ','); c > 0 && !startsWithCapital(strings.TrimSpace(subj[c+1:])) {
					subj = subj[:c]
				}
			}
			who := orDescribed(a.resolveSubject(subj, at+lead+words[k+1].end, at), subj)
			if a.reportsOthers(who, subj) {
				// `"...," according to CNN`: the outlet reports someone
				// else's words; the sentence before may say whose.
				return "", "according to", false
			}
			if who == "" && k == 0 {
				// `"...," according to multiple reporters who listened`:
				// no one named; the quote goes on with the sentence's or
				// paragraph's speaker as it did before "according to"
				// was read here.
				return "", "", false
			}
			return who, "according to", true
		}
		if !speechCues[lw] || k > 0 && isNameWord(w.word) {
			continue // "under Presidents Bush and Obama. It has been prosecuted by the United States": a name, not "states"
		}
		if embedded && !closingAttribution(trimmed, words, k, limit) {
			return "", "", false // `the "last in, first out" rule after the ministry published a study claiming`
		}
		if k == 0 || strings.TrimSpace(trimmed[:w.start]) == "" || embedded && invertedAfterComma(trimmed, words, k, limit) {
			// `, said Smith.` : the subject follows the verb.
			rest := trimmed[w.end:limit]
			// `, said the Democratic leader of the Senate, Justin Alfond.`:
			// a description, then the name set off by a comma at the end.
			if who := a.closingName(rest, at+lead+w.end); who != "" {
				return who, w.word, true
			}
			subjEnd := describedOfEnd(rest, clauseEnd(rest))
			who := a.orDescribedAfter(a.resolveSubject(rest[:subjEnd], at+lead+w.end, at), rest[:subjEnd], at+lead+w.end, at)
			if a.describedRelative(who, at+lead+w.end, at+lead+w.end+subjEnd, at+lead+limit) {
				who = "" // "said the chief of staff to Ada Marsh": someone of hers, not she
			}
			return who, w.word, true
		}
		// `, Smith said` / `, the senator told reporters`.
		subj, off := trimmed[:w.start], 0
		if embedded {
			// `with "a high level of confidence" that Putin became
			// involved, senior officials told NBC`: the quoted phrase's
			// sentence goes on in a clause of its own; the subject is
			// the closing attribution's, after the last comma
			// (closingAttribution bounds it).
			if c := strings.LastIndexByte(subj, ','); c >= 0 && strings.TrimSpace(subj[c+1:]) != "" {
				subj, off = subj[c+1:], c+1
			}
		}
		// `"...," the Calder News Agency quoted Tomas Brandt as saying`: the words are
		// the person quoted, not the agency that reports them.
		if lw == "quoted" || lw == "quotes" {
			if obj, o, ok := quotedObject(subj, trimmed[w.end:limit]); ok {
				return a.quotedSpeaker(obj, at+lead+w.end+o, at), w.word, true
			}
		}
		who := orDescribed(a.resolveSubject(subj, at+lead+off, at), subj)
		if embedded && a.reportsOthers(who, subj) {
			who = "" // `Trump's call for "the person who ..." to be named, NBC News reported`: the outlet reports others' words
		}
		return who, w.word, true
	}
	return "", "", false
}

// labelsNextQuote reports whether after, the words between a quote and
// the next one in its paragraph, open with one of labellingVerbs and hold
// no sentence end, punctuation or preposition (`, called Ada Marsh, who
// was nicknamed "..."` and `, described Ada Marsh in a "detailed" note`
// are inverted attributions): `called BuzzFeed a "...", called CNN "fake news"`. The
// verb labels its object with the next quote, the next item of a list of
// the subject's judgements, not an inverted attribution like "said Smith"
// (allsides_train, session 33: the first label went to CNN).
func labelsNextQuote(after, cue string) bool {
	trimmed := strings.TrimLeft(after, " ,—–-")
	if comparingVerbs[strings.ToLower(cue)] {
		// "likened the tax to "...", likened Brandt to "..."": the verb's
		// own "to" before the next label is no preposition of a clause
		// (review s33-qrev, an invented probe).
		trimmed = strings.TrimSuffix(strings.TrimRight(trimmed, " "), " to")
	}
	return labellingVerbs[strings.ToLower(cue)] && strings.HasPrefix(trimmed, cue) && sentenceEndIn(trimmed) < 0 &&
		!strings.ContainsAny(trimmed, ",;:—–()") && !anyWordIn(wordsWithOffsets(trimmed), headEnders)
}

// comparingVerbs are the labellingVerbs whose label follows "to"
// ("likened X to "..."").
var comparingVerbs = toSet(`likened likens compared compares`)

// quoteOpensSentence reports whether the quotation opening at byte open of
// paragraph p opens its sentence. A list of labels puts its verb and
// object before the first quote ("called the Ledger a "...", called ...");
// a quote that opens its sentence is followed by its own attribution, even
// with a labelling verb and another quote next (`"...," mocked Ada Marsh
// "..."`: review s33-qrev, an invented probe labelsNextQuote gave no one).
func quoteOpensSentence(p string, open int) bool {
	from := max(0, open-maxBeforeBytes)
	for from > 0 && !utf8.RuneStart(p[from]) {
		from++
	}
	before := p[from:open]
	return strings.TrimSpace(before[lastSentenceStart(before):]) == ""
}

// labellingVerbs are the speechCues that name or judge an object with a
// quoted label after it ("called CNN "fake news"", "dubbed the plan "a
// scam""): before a quote, they open the next item of a list, not an
// inverted attribution ("said Smith").
var labellingVerbs = toSet(`called calls dubbed dubs labeled labelled labels branded brands described describes likened
compared hailed praised criticized criticised slammed blasted mocked accused attacked`)

// topicWords introduce what a source is about, not who gives it:
// `according to the indictment unsealed Tuesday against Tomas Brandt`,
// `according to a report on Ada Marsh's spending`: a name after them is
// the document's subject, not its author (review s31-qrev, invented probes).
var topicWords = toSet(`against about into on over regarding concerning targeting`)

// sourceBeforeTopic returns the words of an "according to" source up to
// the first of topicWords: the name after it is the topic.
func sourceBeforeTopic(subj string) string {
	for _, w := range wordsWithOffsets(subj) {
		if topicWords[strings.ToLower(w.word)] {
			return subj[:w.start]
		}
	}
	return subj
}

// invertedAfterComma reports whether the speech verb words[k] of the words
// after a quoted phrase stands right after a comma with a capitalised word
// after it: `the city has "enough docks" at the main harbor, said Jorge
// Davila`, where the subject follows the verb, not the words before the
// comma (`" at the main harbor, Jorge Davila said` keeps them).
func invertedAfterComma(s string, words []token, k, limit int) bool {
	if k == 0 || k+1 >= len(words) || words[k+1].start >= limit || !strings.HasSuffix(strings.TrimSpace(s[:words[k].start]), ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[k+1].word)
	return unicode.IsUpper(r)
}

// describedRelative reports whether who, resolved from a description
// after an inverted verb (the words from byte lo to cut, where clauseEnd
// ended the subject), is the person named in the relation phrase after the
// cut (up to byte hi): "said the chief of staff to Ada Marsh", "said the
// lawyer for Ada Marsh" describe someone of Marsh's, whom the resolver's
// position fallback may give as Marsh (objectOfDescription reads the same
// phrase before the verb). A name in the subject itself ("said Ada Marsh of
// her lawyer") is left alone.
func (a *attributor) describedRelative(who string, lo, cut, hi int) bool {
	if who == "" || !relationWords[strings.ToLower(firstWordOf(a.t[cut:hi]))] {
		return false
	}
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < hi; i++ {
		m := a.mentions[i]
		if m.kind != news.Person || m.end > hi {
			continue
		}
		if m.offset < cut {
			return false // the subject names someone: not a description
		}
		if a.nameOf(i) == who {
			return true
		}
	}
	return false
}

// personAfter returns the person named right after a quote that ends with
// a comma (`"...," Karen Olson, president of Valley Dairy, notified the
// panel`), the quote's speaker whatever the verb when no words of
// attribution say otherwise; "" when none is.
func (a *attributor) personAfter(after string, at int, quoted string) string {
	trimmed := strings.TrimLeft(after, " ")
	if !strings.HasSuffix(strings.TrimRight(quoted, " ’‘'"), ",") || strings.HasPrefix(trimmed, ",") {
		return ""
	}
	from := at + len(after) - len(trimmed)
	if i := a.mentionsFrom(from); i < len(a.mentions) && a.mentions[i].offset == from && a.mentions[i].kind == news.Person &&
		!possessive(a.t, a.mentions[i].end) && finiteVerbAfter(a.t[a.mentions[i].end:]) {
		return a.nameOf(i)
	}
	return ""
}

// finiteVerbAfter reports whether the words after a name, past a
// description set off by commas (", president of Valley Dairy,"), go on
// with a verb of its own: a lower-case word not in -ing, as "notified the
// panel" but not "waving to the crowd" (a participle: the name is no
// subject).
func finiteVerbAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if strings.HasPrefix(rest, ",") {
		end := strings.IndexByte(rest[1:], ',')
		if end < 0 {
			return false
		}
		rest = strings.TrimLeft(rest[end+2:], " ")
	}
	w := firstWordOf(rest)
	return w != "" && unicode.IsLower([]rune(w)[0]) && !strings.HasSuffix(w, "ing")
}

// reportsOthers reports whether the source an "according to" names, who,
// relays someone else's words rather than speaking its own: a news outlet
// ("according to CNN", "according to The Washington Post") or a document
// ("according to a transcript", "according to reports"). Quotes in news are
// attributed to outlets and documents when they carry another person's
// remarks; giving them to the outlet is a wrong speaker.
func (a *attributor) reportsOthers(who, subj string) bool {
	if i := a.entityNamed(who); i >= 0 && a.entities[i].Kind == news.Org {
		for _, w := range nameWords(who) {
			if newsWords[w] {
				return true
			}
		}
	}
	for _, w := range strings.Fields(strings.ToLower(subj)) {
		w = strings.Trim(w, ",.;:")
		if relayNouns[w] {
			return true
		}
		if w == "by" || w == "from" || w == "of" {
			break // "a statement from Pelosi": the words after are the source's own
		}
	}
	return false
}

// relayNouns are documents and accounts that carry other people's words.
var relayNouns = toSet(`transcript transcripts report reports reporting recording recordings video tape tapes excerpt
excerpts account accounts readout footage`)

// closingAttribution reports whether the speech verb words[k] closes its
// sentence as an attribution set off by a comma: ", Warren said." or ",
// said Warren." (at most a few words between the comma and the verb, and
// after the verb to the sentence's end). A quote inside a sentence is
// attributed only so.
func closingAttribution(s string, words []token, k, limit int) bool {
	comma := strings.LastIndexByte(s[:words[k].start], ',')
	if comma < 0 || len(strings.Fields(s[comma+1:words[k].start])) > closingSubjectWords {
		return false
	}
	if words[k].end > limit {
		return false
	}
	// ", saying that while they are": a verb followed by "that" opens
	// what was said, not the end of an attribution.
	if k+1 < len(words) && words[k+1].start < limit && strings.EqualFold(words[k+1].word, "that") {
		return false
	}
	rest := s[words[k].end:limit]
	// `" at the harbor, said Jorge Davila, executive director of the port
	// authority.`: after an inverted verb the subject may go on in an
	// apposition; only the words up to its comma are the name.
	if strings.TrimSpace(s[comma+1:words[k].start]) == "" {
		if c := strings.IndexByte(rest, ','); c >= 0 {
			rest = rest[:c]
		}
	}
	return len(strings.Fields(rest)) <= closingSubjectWords
}

// closingSubjectWords bound the name or the where-and-when around the verb
// of a closing attribution (", Sen. Elizabeth Warren said on Tuesday.").
const closingSubjectWords = 5

// maxSubjectWords is how far after a quote its speech verb may come: a name
// with a long description runs to twenty words or more ("Dana Holt, the
// founding director of a coalition of tenant groups and ..., said"); the
// verb must still be in the same sentence.
const maxSubjectWords = 30

// shortAttributionWords bound a sentence after a quote that attributes it
// ("Vitter demanded.", "Ms. Pelosi said at a news conference"): a speech
// verb among its first five words, then the sentence's end or where and
// when; not "Trump said the wall ...", which reports something else.
const shortAttributionWords = 5

// attributionFollowers may follow the verb of a sentence that only
// attributes the quote before it.
var attributionFollowers = toSet(`at in on during after before to when while as in an interview yesterday today tonight
earlier later last this on monday tuesday wednesday thursday friday saturday sunday afterward afterwards from via through
with`)

func shortAttribution(s string, words []token, limit int) bool {
	for k, w := range words {
		if w.start >= limit || k > maxAppositiveWords {
			return false
		}
		if speechCues[strings.ToLower(w.word)] {
			if k >= shortAttributionWords && !appositiveBefore(s, words, k) && !titledNameOnly(words[:k]) {
				return false
			}
			// The verb ends the sentence or goes on with where and when
			// ("Ms. Pelosi said at a news conference"), not with what was
			// said ("Trump said the wall ...", "... said that").
			if k == 0 || strings.HasPrefix(strings.TrimLeft(s[w.end:], " "), ":") {
				return false // `" NBC reporter Ada Marsh tweeted: "`: the verb introduces the next quote
			}
			if k+1 >= len(words) || words[k+1].start >= limit {
				return true
			}
			if strings.Contains(s[words[k].end:words[k+1].start], ",") {
				return true // "Mrs. Clinton said, her voice rising."
			}
			next := strings.ToLower(words[k+1].word)
			return attributionFollowers[next] || calendarWords[next] || addresseeOnly(words[k+1:], limit)
		}
	}
	return false
}

// addresseeOnly reports whether the words after a speech verb, to the
// sentence's end, only name whom it was said to ("told CNBC", "told Fox
// News", "told reporters"): at most four words, each capitalised or a word
// for an audience.
func addresseeOnly(words []token, limit int) bool {
	n := 0
	for _, w := range words {
		if w.start >= limit {
			break
		}
		r, _ := utf8.DecodeRuneInString(w.word)
		if n++; n > 4 || !unicode.IsUpper(r) && !audienceWords[strings.ToLower(w.word)] {
			return false
		}
	}
	return n > 0
}

// audienceWords name whom a quote was said to.
var audienceWords = toSet(`reporters us him her them the journalists supporters`)

// appositiveBefore reports whether the words before words[k] are a name and a
// description set off by commas ("Representative Kevin McCarthy of
// California, the Republican leader, asked"): the subject of an attribution
// longer than shortAttributionWords, within maxAppositiveWords.
func appositiveBefore(s string, words []token, k int) bool {
	if k > maxAppositiveWords || k == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[0].word)
	before := strings.TrimRight(s[:words[k].start], " ")
	return unicode.IsUpper(r) && strings.HasSuffix(before, ",") && strings.Count(before, ",") == 2
}

// maxAppositiveWords bounds a name with its description before a speech
// verb: "Representative Kevin McCarthy of California, the Republican
// leader," is 10 words.
const maxAppositiveWords = 12

// attributeBefore reads the words before a quote in its sentence: `Smith
// said: "`, `She told reporters, "`, `Trump said that "`.
func (a *attributor) attributeBefore(before string, at, quoteAt int) (string, string) {
	words := wordsWithOffsets(before)
	// "According to Limbaugh, "...": the source named before the quote.
	if i := strings.LastIndex(strings.ToLower(before), "according to "); i >= 0 && len(strings.Fields(before[i:])) <= 10 {
		subj := before[i+len("according to "):]
		if who := a.resolveSubject(strings.TrimRight(subj, " ,:"), at+i+len("according to "), quoteAt); who != "" && !a.reportsOthers(who, subj) {
			return who, "according to"
		}
	}
	// The last speech verb of the clause; a quote introduced by one follows
	// it within a few words ("said in a statement on Monday that").
	for k := len(words) - 1; k >= 0 && k >= len(words)-maxCueDistance; k-- {
		lw := strings.ToLower(words[k].word)
		if lw == "put" && k+1 < len(words) && strings.EqualFold(words[k+1].word, "it") {
			lw = "said" // "As Sen. Rand Paul put it,"
		}
		verb := k // where the verb starts: "went" of "went on"
		if lw == "on" && k > 0 && (strings.EqualFold(words[k-1].word, "went") || strings.EqualFold(words[k-1].word, "goes")) {
			lw, verb = "said", k-1 // "He went on, "...""
		}
		if judgedAs(before, words, k) {
			lw = "said" // "Marsh dismissed the plan as a "..."": the judgement is the subject's words
			if strings.EqualFold(words[k].word, "after") {
				verb = k - 1 // "has gone after Brandt as a "...""
			}
		}
		if agent, ok := passiveJudgeAgent(before, words, k); ok {
			// "a move denounced by the union as a "..."": the judge after
			// "by" said it, named or not.
			if g, ok := agentPronouns[strings.ToLower(words[k+2].word)]; ok && agent == k+3 {
				return a.pronoun(g, quoteAt), words[k].word // "described by her as": the woman the article last named
			}
			return a.resolveSubject(before[words[k+2].start:words[agent].start], at+words[k+2].start, quoteAt), words[k].word
		}
		if !speechCues[lw] || k+1 < len(words) && strings.EqualFold(words[k+1].word, "by") {
			continue // not a speech verb, or a participle ("the deal announced by Obama")
		}
		if k > 0 && isNameWord(words[k].word) {
			continue // "the United States", "Steve Says": a name, not a verb
		}
		if who := a.relativeSpeaker(before[:words[verb].start], at); who != "" {
			return who, before[words[verb].start:words[k].end]
		}
		if verb > 0 && notVerbBefore(before[:words[verb].start], words[verb-1].word) {
			continue // a noun ("Trump's early-morning tweets") or a relative clause ("anybody who complains")
		}
		if reportedParticiple(before, words, k) {
			continue // "Marsh says the union's letters accusing her of fraud are "..."": the words are hers, said with "says"
		}
		if verb > 0 && (passiveMarkers[strings.ToLower(words[verb-1].word)] || itIs(before[:words[verb].start])) && !strings.HasSuffix(lw, "ing") && !raising(words, k) {
			return "", words[k].word // "Schiff was being attacked because ...", "he has been described as": no speaker named
		}
		if k == len(words)-1 && namesThing(before, words, k) {
			return "", words[k].word // "a YouTube video called "..."": the title of a thing, said by no one
		}
		subj := before[:words[verb].start]
		// "Added Gibbs: "...": the verb first, then the speaker (not
		// `," adding that while Comey "...`: a clause of the sentence's
		// subject).
		if k == 0 && len(words) > 1 && !strings.HasSuffix(lw, "ing") && !strings.EqualFold(words[1].word, "that") {
			if who := a.resolveSubject(before[words[0].end:], at+words[0].end, quoteAt); who != "" {
				return who, words[k].word
			}
		}
		// "..., with some members warning it would “...”": a participle
		// after "with" has the words between for its subject, not the
		// sentence's; they may name no one.
		if strings.HasSuffix(lw, "ing") {
			if w := absoluteWith(before[:words[verb].start], words[:verb]); w >= 0 {
				phrase := before[words[w].end:words[verb].start]
				return a.resolveSubject(phrase, at+words[w].end, quoteAt), before[words[verb].start:words[k].end]
			}
		}
		// "saying", "adding": the subject is the sentence's.
		if strings.HasSuffix(lw, "ing") {
			if cut := strings.LastIndexAny(subj, ",;"); cut >= 0 && strings.TrimSpace(subj[cut+1:]) == "" {
				subj = subj[:cut]
			}
		}
		if crowdAtPlace(subj) {
			return "", before[words[verb].start:words[k].end] // "Protesters outside the U.S. Embassy chanted": the crowd's words
		}
		if c := innerSubjectStart(subj, words[:verb]); c > 0 && !strings.HasSuffix(lw, "ing") {
			return orDescribedBefore(a.resolveBefore(subj[c:], at+c, quoteAt, false), subj[c:]), before[words[verb].start:words[k].end]
		}
		if strings.HasSuffix(lw, "ing") {
			return a.resolveBefore(subj, at, quoteAt, true), before[words[verb].start:words[k].end] // "The ministry issued a statement, saying": a clause, no description alone
		}
		return orDescribedBefore(a.resolveBefore(subj, at, quoteAt, false), subj), before[words[verb].start:words[k].end]
	}
	return a.possessedSpeech(before, at, quoteAt)
}

// possessedSpeech returns the owner and noun of a possessed noun of speech
// whose complement holds the quote at the end of before: "Biden's call for
// a "..."", "Brandt's angry taunt that the lawmakers "..."". The owner is a
// person or organisation named right before "'s" (at most
// maxSpeechNounAdjectives lower-case words between it and the noun), the
// noun one of speechNouns followed by "for" or "to" and the quote within
// maxLinkToQuoteWords words, or by "that" (not "that" and a verb:
// "Romney's remarks that claimed": a relative clause of someone else's
// words; not "call to": a telephone call), and no punctuation or verb of speaking stands
// between the noun and the quote. ("", "") when before ends otherwise.
// Found in the session 32 and 33 reads of allsides_train ("'s call for",
// "'s ... taunt that"): 4 quotes of the seven story files had no
// speaker in this shape.
func (a *attributor) possessedSpeech(before string, at, quoteAt int) (string, string) {
	words := wordsWithOffsets(before)
	for k := len(words) - 2; k >= 1 && k >= len(words)-maxPossessedSpeechWords; k-- {
		noun := strings.ToLower(words[k].word)
		link := strings.ToLower(words[k+1].word)
		if !speechNouns[noun] || link != "that" && link != "for" && link != "to" {
			continue
		}
		if link != "that" && (len(words)-k-2 > maxLinkToQuoteWords || (noun == "call" || noun == "calls") && link == "to") {
			continue // "call to the mayor lasted an hour and ended with": the quote is not the complement
		}
		if link == "to" && determinerWords[strings.ToLower(a.wordAfterLink(words, k+2, quoteAt))] {
			// "Brandt's threat to "the rule of law"", "Marsh's claim to
			// "the family fortune"": "to" and a noun phrase name what is
			// threatened or claimed, not the words said ("threat to
			// "sue every paper""); review s33-qrev, invented probes.
			return "", ""
		}
		if link == "that" && k+2 < len(words) {
			if next := strings.ToLower(words[k+2].word); speechCues[next] || auxiliaries[next] || strings.HasSuffix(next, "ed") {
				return "", "" // "remarks that claimed": a relative clause
			}
		}
		rest := before[words[k].end:]
		if strings.ContainsAny(rest, ",;:—–()") || sentenceEndIn(rest) >= 0 || anyWordIn(words[k+1:], speechCues) ||
			anyWordIn(words[k+1:], judgingVerbs) { // "Marsh's pledge that he dismissed as "...": a relative clause, his judgement
			return "", ""
		}
		j := k - 1 // the owner's last word, "'s" after it
		for j > 0 && k-j <= maxSpeechNounAdjectives && !possessive(before, words[j].end) && !startsWithCapital(words[j].word) {
			j--
		}
		if !possessive(before, words[j].end) {
			return "", ""
		}
		ownerEnd := at + words[j].end
		i := a.mentionsFrom(ownerEnd) - 1 // the last name starting before the "'s"
		if i < 0 || a.mentions[i].end != ownerEnd || a.quoted(a.mentions[i].offset) ||
			a.mentions[i].kind != news.Person && a.mentions[i].kind != news.Org {
			return "", ""
		}
		a.nounCue = true
		return a.nameOf(i), words[k].word
	}
	return "", ""
}

// wordAfterLink returns words[i], the word after a possessed noun's "to",
// or, when the quote follows "to" at once, the quote's first word.
func (a *attributor) wordAfterLink(words []token, i, quoteAt int) string {
	if i < len(words) {
		return words[i].word
	}
	rest := strings.TrimLeft(a.t[min(quoteAt, len(a.t)):], "“\"«`'‘ ")
	return firstLetterRun(rest)
}

// firstLetterRun returns s's first run of letters and apostrophes, reading
// no further than its end: the first word of a quote, however long the
// text after it.
func firstLetterRun(s string) string {
	inWord := func(r rune) bool { return unicode.IsLetter(r) || r == '\'' }
	start := strings.IndexFunc(s, inWord)
	if start < 0 {
		return ""
	}
	if end := strings.IndexFunc(s[start:], func(r rune) bool { return !inWord(r) }); end >= 0 {
		return s[start : start+end]
	}
	return s[start:]
}

// determinerWords open a noun phrase: after "to" they make it a
// preposition ("threat to the city"), not the infinitive of words said.
var determinerWords = toSet(`a an the his her their its our my your this that these those every all`)

// speechNouns name what someone said and take the words said as their
// complement ("call for", "pledge to", "claim that"). "remarks" and
// "comments" are left out: they take relative clauses of others' words
// more often ("Trump's comments have the power to").
var speechNouns = toSet(`call calls pledge promise taunt warning vow claim assertion insistence suggestion boast threat
demand argument`)

// maxPossessedSpeechWords is how far before the quote a possessed noun of
// speech is looked for: a that clause of eight or nine words ("Brandt's
// angry taunt that the four lawmakers "go back" to the") fits with room
// to spare.
const maxPossessedSpeechWords = 14

// maxLinkToQuoteWords is how many words may stand between "for" or "to"
// and the quote ("call for a "...""); the words of a "that" clause may be
// more ("claim that the election was "..."").
const maxLinkToQuoteWords = 2

// maxSpeechNounAdjectives is how many lower-case words may stand between
// the owner's "'s" and the noun ("Brandt's angry taunt", "Biden's renewed
// public call").
const maxSpeechNounAdjectives = 2

// judgingVerbs pass a judgement on someone or something in words that,
// quoted after "as", are the judge's own ("dismissed the plan as a
// "fantasy"", "derided him as "weak""). Alone they attribute nothing: "she
// dismissed the claims" quotes no one, so they are cues only before "as"
// (judgedAs). Verbs of judgement already in speechCues (described,
// branded, hailed, praised, mocked ...) need no "as". The list is
// English's common verbs of that kind, not fitted to a bench (the tune
// half of polnear_dev had "dismissed" and "gone after").
var judgingVerbs = toSet(`dismissed dismisses dismissing derided derides deriding denounced denounces denouncing
ridiculed ridicules condemned condemns characterized characterizes characterised characterises portrayed portrays
painted paints lambasted lambastes disparaged disparages decried decries lauded lauds rejected rejects attacking
scorned scorns belittled belittles`)

// goAfter are the forms of "go" that, with "after", attack someone ("has
// gone after Brandt as a "..."").
var goAfter = toSet(`went gone goes going go`)

// maxWordsAfterAs is how many words may stand between "as" and a quoted
// judgement: "as being in the "..."" puts three (the most among the
// polnear_dev tune half's judgements after "as"); more and the quote is
// no longer the complement of "as" but words of a clause of their own.
const maxWordsAfterAs = 3

// absoluteWith returns the index of a "with" that opens the subject of a
// participle right after words (of s, the text up to the participle):
// "with some members warning", "with her spokesman saying". One to
// maxAbsoluteWords words follow the "with", none ending in a comma (not "met with Brandt on
// Monday, warning": the sentence's subject warns), and the participle
// not a gerund after a preposition ("by asking"). -1 when there is none.
func absoluteWith(s string, words []token) int {
	if n := len(words); n > 0 && (headEnders[strings.ToLower(words[n-1].word)] || strings.EqualFold(words[n-1].word, "of")) {
		return -1 // "with Santorum on Sunday by asking": a gerund after a preposition, the sentence's subject's
	}
	for w := len(words) - 1; w >= 0 && w >= len(words)-1-maxAbsoluteWords; w-- {
		if strings.ContainsAny(s[words[w].end:], ",;:—–") {
			return -1
		}
		if strings.EqualFold(words[w].word, "with") && w < len(words)-1 {
			if w > 0 && talksWith[strings.ToLower(words[w-1].word)] {
				return -1 // "met with reporters saying": the one talked with listens, the subject speaks
			}
			if !namesSpeakers(tokenWords(words[w+1:])) {
				return -1 // "with a statement saying": the sentence's subject's statement
			}
			return w
		}
	}
	return -1
}

// talksWith are verbs (and "sat down") whose "with" names whom the subject
// talks to: the participle after that person is still the subject's
// ("met with reporters saying", "sat down with reporters on Monday
// saying"; s32-qrev probes, where the absolute reading gave no speaker).
var talksWith = toSet(`met meet meets meeting spoke speak speaks speaking talked talk talks talking down sided agreed pleaded argued clashed
conferred consulted chatted spoken`)

// namesSpeakers reports whether a phrase may name who speaks: its head,
// the words before a preposition other than "of" (phraseHead), ends in a name
// (a capitalised word) or holds a person's noun or a group of people
// ("some members of her staff", "her spokesman", "critics"), not a thing
// ("a statement", "tears in her eyes": "her" and "Dover" of "voters in
// Dover" are not the head's).
func namesSpeakers(phrase []string) bool {
	head := phraseHead(phrase)
	if startsWithCapital(head[len(head)-1]) {
		return true
	}
	for _, w := range head {
		if w = strings.ToLower(w); !possessivePronouns[w] && (nounKind(w) == "person" || groupNoun(w)) {
			return true
		}
	}
	return false
}

// phraseHead returns the words of a noun phrase before the first
// preposition that opens a modifier (headEnders): "tears" of "tears in
// her eyes", "some members of her staff" whole ("of" joins a part to its
// whole). Possessive pronouns name no one by themselves ("her" sits near
// person nouns in the word vectors).
func phraseHead(phrase []string) []string {
	for i, w := range phrase {
		if i > 0 && headEnders[strings.ToLower(w)] {
			return phrase[:i]
		}
	}
	return phrase
}

// headEnders are prepositions that end a noun phrase's head.
var headEnders = toSet(`in on at from for with to by about after into over under near inside outside across behind beside around`)

// maxAbsoluteWords is the most words between "with" and its participle
// that absoluteWith reads as the participle's subject: "some members of
// her staff" (5), "the union's new leader" (4); the longest in the probes
// written for it (session 32) was 5.
const maxAbsoluteWords = 6

// judgedAs reports whether words[k] of before is a verb of judgement
// (judgingVerbs, or "after" of "gone after") whose complement, opened by
// "as", is the quote at the end of before: "as" after the verb's object,
// no more than maxWordsAfterAs words between "as" and the quote, and no
// comma or relative clause between the verb and "as" ("rejected the plan,
// which critics see as "..."": the critics' words), nor "as well as",
// "such as" (no complement).
func judgedAs(before string, words []token, k int) bool {
	lw := strings.ToLower(words[k].word)
	if lw == "after" {
		if k == 0 || !goAfter[strings.ToLower(words[k-1].word)] {
			return false
		}
	} else if !judgingVerbs[lw] {
		return false
	}
	for j := len(words) - 1; j > k+1 && j >= len(words)-1-maxWordsAfterAs; j-- {
		if !strings.EqualFold(words[j].word, "as") {
			continue
		}
		if notComplementAs[strings.ToLower(words[j-1].word)] || j+1 < len(words) && strings.EqualFold(words[j+1].word, "well") {
			return false
		}
		object := before[words[k].end:words[j].start]
		return !strings.ContainsAny(object, ",;:—–()") && !anyWordIn(words[k+1:j], asClauseOpeners)
	}
	return false
}

// passiveJudgeAgent returns the index of the "as" that closes the agent of
// a passive judgement quoted at the end of before: "denounced by the
// union as a "..."", "was described by his lawyer as "..."". words[k] is
// a verb of judgement (judgingVerbs or passiveJudgingCues), "by" follows
// it, then one to maxAgentWords words with no punctuation or clause opener
// and "as" no more than maxWordsAfterAs words before the quote, with no
// punctuation between "as" and the quote. The words
// between "by" and "as" are the speaker, not the sentence's subject
// (allsides_train, session 33: "a move ... denounced by Palestinians as a
// "..."" went to the president who announced the move).
func passiveJudgeAgent(before string, words []token, k int) (int, bool) {
	lw := strings.ToLower(words[k].word)
	if !judgingVerbs[lw] && !passiveJudgingCues[lw] || depictionVerbs[lw] || k+2 >= len(words) || !strings.EqualFold(words[k+1].word, "by") {
		return 0, false
	}
	for j := k + 3; j < len(words) && j <= k+2+maxAgentWords; j++ {
		if !strings.EqualFold(words[j].word, "as") {
			continue
		}
		if len(words)-1-j > maxWordsAfterAs || notComplementAs[strings.ToLower(words[j-1].word)] ||
			j+1 < len(words) && strings.EqualFold(words[j+1].word, "well") {
			return 0, false
		}
		agent := before[words[k+2].start:words[j].start]
		if strings.ContainsAny(agent, ",;:—–()\"“”") || anyWordIn(words[k+2:j], asClauseOpeners) ||
			strings.ContainsAny(before[words[j].end:], ",;:—–()") { // "criticized by many as too costly, "..."": another verb's
			return 0, false
		}
		return j, true
	}
	return 0, false
}

// passiveJudgingCues are the speechCues that judge someone or something
// with "as" after them ("described by X as", "branded by X as"): with
// judgingVerbs, the verbs passiveJudgeAgent reads.
var passiveJudgingCues = toSet(`described branded dubbed labeled labelled hailed praised criticized criticised mocked
slammed blasted characterized`)

// depictionVerbs are the judgingVerbs whose agent after "by" is most often
// an artist, not a judge: "portrayed by the actor X as "..."", "painted by
// X as": the quoted words are the writer's or a critic's, not the agent's
// (review s33-qrev, an invented probe).
var depictionVerbs = toSet(`portrayed portrays painted paints`)

// agentPronouns are the agents of a passive judgement that stand for a
// person named before ("described by her as"), with the gender that
// resolves them like a subject pronoun (speakerPronouns).
var agentPronouns = map[string]string{"him": "male", "her": "female", "them": ""}

// maxAgentWords is how many words the agent after "by" may hold: "the
// Republican leader of the state Senate" is seven; more and "as" is no
// longer the judgement's complement.
const maxAgentWords = 7

// notComplementAs are the words before an "as" that opens no complement
// ("such as", "as well as", "just as", "so as to").
var notComplementAs = toSet(`such well just so much same`)

// asClauseOpeners open a relative or reported clause, whose verb, not the
// one before it, governs an "as" after them (relativeWords, compare.go,
// and "that").
var asClauseOpeners = toSet(`which who whom that whose where when`)

// anyWordIn reports whether one of ts is in set (in lower case).
func anyWordIn(ts []token, set map[string]bool) bool {
	for _, t := range ts {
		if set[strings.ToLower(t.word)] {
			return true
		}
	}
	return false
}

// relativeSpeaker returns the person a relative "who" right before the
// speech verb stands for ("Boris Johnson, who said in 2015 "..."", "backed
// by Ada Marsh, who told reporters that"): the person named right before
// ", who"; "" otherwise, nor when that name is the object of "of", its
// titles aside: "the mother of Tom Jones, who said" names no one who spoke
// (review s8b). subj starts at byte at of the text.
func (a *attributor) relativeSpeaker(subj string, at int) string {
	subj = strings.TrimRight(subj, " ")
	if k := strings.LastIndexByte(subj, ' '); k >= 0 && relativeAuxiliaries[strings.ToLower(subj[k+1:])] {
		subj = subj[:k] // "Tomas Brandt, who has said", "who had derided ... as"
	}
	rest, ok := strings.CutSuffix(subj, " who")
	if !ok {
		return ""
	}
	rest, ok = strings.CutSuffix(rest, ",")
	if !ok {
		return ""
	}
	end := at + len(strings.TrimRight(rest, " "))
	i := a.mentionsFrom(end) - 1
	if i >= 0 && i < len(a.mentions) && a.mentions[i].end == end && a.mentions[i].kind == news.Person && !a.quoted(a.mentions[i].offset) &&
		!afterOf(a.t[at:max(at, a.mentions[i].offset)]) {
		return a.nameOf(i)
	}
	return ""
}

// relativeAuxiliaries may stand between a relative "who" and its speech
// verb: the perfect's auxiliaries ("who has said", "who had dismissed ...
// as"); English grammar, not a bench count (session 29's review found
// "who has derided" unread on invented sentences). Modals ("who would
// say") are left out: they report words not yet said as often as not.
var relativeAuxiliaries = toSet(`has had have`)

// afterOf reports whether the last word of s, titles aside, is "of".
func afterOf(s string) bool {
	words := strings.Fields(s)
	for len(words) > 0 && isTitle(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return len(words) > 0 && strings.EqualFold(words[len(words)-1], "of")
}

// innerSubjectStart returns where the subject of a speech verb starts when
// that verb is reported by another ("Comey said the president told him,
// "..."": the words are the president's, as Comey tells it): after the
// earlier speech verb and its "that", when a short clause without a comma
// follows (at most maxInnerSubjectWords words). 0 when there is none.
func innerSubjectStart(subj string, words []token) int {
	for j := len(words) - 1; j >= 1; j-- {
		lw := strings.ToLower(words[j].word)
		if !speechCues[lw] || strings.HasSuffix(lw, "ing") || isNameWord(words[j].word) || raising(words, j) ||
			notVerbBefore(subj[:words[j].start], words[j-1].word) {
			continue
		}
		rest := j + 1
		if rest < len(words) && strings.EqualFold(words[rest].word, "that") {
			rest++
		}
		// Not `called the allegations “deeply troubling” and said:`: a
		// verb joined by "and" shares the outer subject.
		last := strings.ToLower(words[len(words)-1].word)
		if rest >= len(words) || len(words)-rest > maxInnerSubjectWords || strings.ContainsAny(subj[words[j].end:], ",;:“”\"") ||
			last == "and" || last == "but" || last == "or" {
			return 0
		}
		return words[rest].start
	}
	return 0
}

// maxInnerSubjectWords is the longest subject of a reported speech verb
// read as such ("the president", "Senate Majority Leader Mitch
// McConnell"): longer runs are more often a clause of the outer speaker's.
// Measured: 4 loses a right speaker on BASIL ("in which Reid said that"
// went to Trump); 6 and 9 give the same polnear tune 86/92, held 72/79 and
// the same speakers on BASIL, newswcl50 and AllSides val.
const maxInnerSubjectWords = 6

// namingVerbs give a thing its name or a label.
var namingVerbs = toSet(`called dubbed labeled labelled titled named entitled`)

// namesThing reports whether the naming verb words[k], right before a
// quote, is a participle after a common noun that the quote names ("a
// YouTube video called", "a group called"): no one is quoted. Someone who
// calls something a name gives it an object ("called the plan "...""), or
// the object comes first ("what Trump called", "what the senator called").
func namesThing(before string, words []token, k int) bool {
	if k == 0 || !namingVerbs[strings.ToLower(words[k].word)] || strings.TrimSpace(before[words[k].end:]) != "" {
		return false
	}
	prev := words[k-1].word
	if r, _ := utf8.DecodeRuneInString(prev); !unicode.IsLower(r) || strings.HasSuffix(prev, "ly") {
		return false // a name, or an adverb ("publicly called")
	}
	if _, ok := speakerPronouns[prev]; ok || strings.TrimSpace(before[words[k-1].end:words[k].start]) != "" {
		return false // "he called", or a comma: "the report, called"
	}
	for j := max(0, k-4); j < k; j++ {
		switch strings.ToLower(words[j].word) {
		case "what", "which", "that", "who", "whom":
			return false
		}
	}
	return true
}

// clauseOpeners begin a clause after a quote that is not its attribution.
var clauseOpeners = toSet(`when while as because after before if since although though but and which where whereas unless until
with for to in of about from by into than`)

// notVerbBefore reports whether the word before a speech word shows it is
// no verb of the sentence: a determiner or possessive before it makes it a
// noun ("his tweets", "Trump's posts"), "who" or "which" a relative clause
// about someone else ("anybody who complains").
func notVerbBefore(textBefore, prev string) bool {
	lp := strings.ToLower(prev)
	if nounMarkers[lp] {
		return true
	}
	b := strings.TrimRight(textBefore, " ")
	if pronounContraction(b) {
		return false // "He’s claiming": "’s" is "is" after a pronoun, and a verb follows
	}
	return strings.HasSuffix(b, "’s") || strings.HasSuffix(b, "'s") || strings.HasSuffix(b, "-morning") || strings.HasSuffix(b, "-night")
}

// pronounContraction reports whether s ends in a subject pronoun joined to
// "is" or "has" ("He’s", "she's"): a pronoun has no possessive in "’s" (its
// possessive is "his", "her", "its"), so the word after is a verb, not a
// noun owned by someone.
func pronounContraction(s string) bool {
	w := strings.ToLower(lastWordOf(s))
	stem := contractionStem(w)
	_, pronoun := speakerPronouns[stem]
	return stem != w && pronoun && stem != "they"
}

// itIs reports whether the text before a verb ends in "it" joined to "is"
// or "has" ("It’s"): before a past participle it is "it is", an impersonal
// passive that names no speaker ("It’s said the cuts were "..."", "it's
// claimed"), as "is said" is; "it has said" of an organisation is rare in
// news, where "it said" stands for it.
func itIs(textBefore string) bool {
	w := strings.ToLower(lastWordOf(strings.TrimRight(textBefore, " ")))
	return w != "it" && contractionStem(w) == "it"
}

// commonNoun reports whether w can be a common noun a participle follows:
// a word in lower case that is no preposition or conjunction
// (clauseOpeners: "as saying", "before asking"), no pronoun ("him saying")
// and no adverb in -ly ("publicly accusing"). A name is the speaker of the
// participle after it, so capitals are out.
func commonNoun(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	lw := strings.ToLower(w)
	return unicode.IsLower(r) && !clauseOpeners[lw] && !objectPronouns[lw] && !strings.HasSuffix(lw, "ly") && !passiveMarkers[lw]
}

// objectPronouns stand for a person a participle after them describes.
var objectPronouns = toSet(`him her them me us you it himself herself themselves`)

// contractionStem is w without a final "’s" or "'s" ("he’s": "he"); w
// itself when it has none.
func contractionStem(w string) string {
	for _, suffix := range []string{"’s", "'s"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			return stem
		}
	}
	return w
}

// reportedParticiple reports whether the speech word words[k] in -ing is
// a participle inside the words an earlier speech verb of the same clause
// reports ("Marsh says the union's letters accusing her of fraud are
// "..."": the letters accuse, the quote is hers): the -ing word follows a common noun
// with no comma between them (a participle of the sentence's own subject
// is set off with one, ", saying"; one after a name or an object pronoun,
// "footage of Ada Marsh saying", "heard him saying", is that person's words;
// one after a preposition, "quoted as saying", "by saying", is the
// subject's), the reported clause goes on past the participle's phrase
// with a verb of its own before the quote (verbAfterParticiple: "... of
// fraud are "...""; in "Brandt's report warning that the harbour is
// "..."" or "letters calling the plan "..."" the quote is what the
// participle says, so its subject's), and a finite speech verb stands
// earlier in the clause with no comma, semicolon, colon or dash after it
// up to the -ing word. The loop over the words then reaches that earlier
// verb.
func reportedParticiple(before string, words []token, k int) bool {
	if k == 0 || !strings.HasSuffix(strings.ToLower(words[k].word), "ing") || strings.ContainsAny(before[words[k-1].end:words[k].start], ",;:") {
		return false
	}
	if !verbAfterParticiple(words[k+1:]) {
		return false
	}
	if prev := words[k-1].word; !commonNoun(prev) {
		return false
	}
	for j := k - 1; j >= 1; j-- {
		if strings.ContainsAny(before[words[j].end:words[j+1].start], ",;:—–") {
			return false // a clause boundary before any finite speech verb
		}
		lw := strings.ToLower(words[j].word)
		if speechCues[lw] && !strings.HasSuffix(lw, "ing") && !isNameWord(words[j].word) &&
			!notVerbBefore(before[:words[j].start], words[j-1].word) {
			return true
		}
	}
	return false
}

// verbAfterParticiple reports whether the words between a participle and
// the quote hold a finite verb of the clause the participle's phrase sits
// in ("accusing her of fraud are"): a form of "be", "have", "do" or a
// modal, before any "that", "whether" or "if" that would open what the
// participle itself reports ("warning that the harbour is"). Only these
// common finite forms are looked for: a lexical verb ("show", "reached")
// cannot be told from a noun without a tagger, and the cases they would
// add were not seen on the tune half.
func verbAfterParticiple(after []token) bool {
	for _, w := range after {
		lw := strings.ToLower(w.word)
		if lw == "that" || lw == "whether" || lw == "if" {
			return false
		}
		if finiteAuxiliaries[lw] {
			return true
		}
	}
	return false
}

// finiteAuxiliaries are finite forms of "be", "have", "do" and the modals:
// a clause's own verb wherever they stand.
var finiteAuxiliaries = toSet(`is are was were has have had do does did will would can could shall should may might must`)

// raising reports whether the speech verb words[k] is a raising verb
// followed by "to" ("Trump is said to have told aides", "was reported to
// have said"): it raises its subject to the verb after it, who is then the
// speaker, and reports no one else's words. Not "was told to", "was asked
// to": their subject is told the words, does not say them.
func raising(words []token, k int) bool {
	return k+1 < len(words) && raisingVerbs[strings.ToLower(words[k].word)] && strings.EqualFold(words[k+1].word, "to")
}

// raisingVerbs are the verbs of hearsay whose passive raises its subject.
var raisingVerbs = toSet(`said reported alleged rumored rumoured believed thought understood`)

// passiveMarkers make a past participle after them passive ("Schiff was
// being attacked because ...", "he was asked"; "was asking" is no passive):
// its subject is not the speaker.
var passiveMarkers = toSet(`was were is are be been being`)

// nounMarkers come before a noun, not a verb.
var nounMarkers = toSet(`the a an his her their its our my your these those this that of who which whose whom anybody anyone
whoever everyone`)

// maxCueDistance is how many words before a quote its speech verb may
// stand: "Holt said that she does not believe that the council would pass a
// rule that "..."" puts twelve words between them.
const maxCueDistance = 20

// resolveBefore names the speaker in the words before a speech verb that
// introduces a quote. "Trump, appearing after Clinton, said": the name that
// opens the clause before its comma; "Asked about Trump's remark, Clinton
// said" and "When Clinton noted it, Trump boasted": the name nearest the
// verb; "Blige sings to Clinton before asking": for a verb in -ing, the
// clause's first name.
func (a *attributor) resolveBefore(subj string, from, quoteAt int, ing bool) string {
	if c := a.afterDatelineAgency(subj, from); c > 0 {
		subj, from = subj[c:], from+c // "(AP) — Some of them ... called out": the words after the dateline
	}
	quoteAt = anaphoraPoint(subj, from, quoteAt)
	if c := a.participleAside(subj, from); c > 0 && !ing {
		subj = subj[:c] // "The president, sitting next to Shinzo Abe, said"
	}
	if who, ok := a.groupSpeaker(subj, from); ok {
		return who // "Democrats on the committee, led by Ada Marsh, said"
	}
	if c := lastClauseStart(subj); !ing {
		if who := a.personSpokesperson(strings.Fields(strings.ToLower(strings.Trim(subj[c:], " ,.;:—–-"))), from+c, from+len(subj)); who != "" {
			return who // "A spokeswoman for Sen. Ada Marsh said:": her spokeswoman
		}
	}
	// "Saying President Obama, he said, was ...", "When the audience
	// finished laughing, he asked:": a pronoun right before the verb is
	// its subject.
	if g, ok := pronounBeforeVerb(subj); ok {
		return a.pronoun(g, quoteAt)
	}
	if who := a.jointSpeaker(subj, from); who != "" && !ing {
		return who
	}
	var inSubj []int
	relative := false // a name stood in a relative clause
	opening := false  // a name stood in an opening phrase (inOpeningPhrase)
	for i := a.mentionsFrom(from); i < len(a.mentions) && a.mentions[i].offset < from+len(subj); i++ {
		// Not a name in someone's quoted words, nor one in a relative
		// clause ("Holt's office rejected the claims, which The
		// Harbour Gazette first published, telling the paper").
		if m := a.mentions[i]; m.end <= from+len(subj) && (m.kind == news.Person || m.kind == news.Org) && !possessive(a.t, m.end) &&
			!a.quoted(m.offset) && !a.modifiesUnnamed(i, from+len(subj)) && !a.objectOfDescription(from, i) {
			if a.relativeAt(i, from, from+len(subj), ing) || inDashAside(a.t, from, from+len(subj), m) {
				relative = true
				continue
			}
			if !ing && a.inOpeningPhrase(subj, from, m) {
				// "Like Ada Marsh, Tomas Brandt said", "After meeting
				// Acme, Velocore said": a name in an opening phrase is
				// no subject.
				opening = true
				continue
			}
			inSubj = append(inSubj, i)
		}
	}
	if len(inSubj) == 0 && relative {
		return "" // the only names are in a relative clause: the subject is unnamed ("The council ..., which the Gazette published, telling")
	}
	if len(inSubj) == 0 && opening {
		// "Asked about Acme, the mayor said": the subject after the
		// opening phrase names no one; its words decide.
		c := lastClauseStart(subj)
		return a.resolveSubject(subj[c:], from+c, quoteAt)
	}
	// "after an alleged poll in Wyoming said": a common noun right before
	// the verb is its subject, whatever names come earlier.
	// "Thune ... added that ... and predicted": a verb after "and" shares
	// the sentence's subject, as one in -ing does.
	if w := strings.ToLower(lastSubjectWord(subj)); w == "and" || w == "but" || w == "or" {
		if !ing {
			// "..., after Tomas Brandt criticized the city and warned
			// that": the verb shares the subject of the subordinate
			// clause it is joined to, not the sentence's.
			if who, ok := a.subordinateSubject(subj, from); ok {
				return who
			}
		}
		ing = true
		// "She attacked Brandt's budget and said": a pronoun that opens
		// the sentence is the subject the verb shares, whatever
		// possessive names follow it, or names after a preposition ("He
		// said some in the Kessel ranks agree, but added"; "She met with
		// the Acme board and said": review s34-erev, a group the
		// recogniser newly found had taken the pronoun's place).
		if !relative && (len(inSubj) == 0 || a.onlyObjects(inSubj) && joinsMainClause(subj)) {
			if g, ok := openingPronoun(subj); ok {
				return a.pronoun(g, from)
			}
		}
	}
	if w := a.headBeforeVerb(subj, from); w != "" && !ing && !strings.HasSuffix(w, ",") {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			if _, pronoun := speakerPronouns[w]; !pronoun {
				return a.resolveSubject(subj[lastClauseStart(subj):], from+lastClauseStart(subj), quoteAt)
			}
		}
	}
	people := 0
	for _, i := range inSubj {
		if a.mentions[i].kind == news.Person {
			people++
		}
	}
	// "In that interview, he invoked ... "subsidiarity," saying": a verb in
	// -ing with no name at all before it shares the clause's pronoun
	// subject (with "Romney's comments ... in which he talked, claiming"
	// the pronoun may be the name's).
	if len(inSubj) == 0 && ing && !relative && !a.namedIn(from, from+len(subj)) {
		for _, w := range strings.Fields(strings.ToLower(subj)) {
			if g, ok := speakerPronouns[strings.Trim(w, ",")]; ok && g != "org" {
				return a.pronoun(g, quoteAt)
			}
		}
	}
	// No name, or only organisations in a description of a person ("the
	// Fox News host complained"): the subject's own words decide.
	if len(inSubj) == 0 || people == 0 && hasPersonNoun(strings.Fields(strings.ToLower(subj))) {
		return a.resolveSubject(subj, from, quoteAt)
	}
	first := a.mentions[inSubj[0]]
	// "She was in Calder to see Holt and called him ...": a pronoun that
	// opens the clause, before any name, is its subject.
	if w := strings.Fields(strings.ToLower(a.t[from:first.offset])); len(w) > 0 {
		if g, ok := speakerPronouns[strings.Trim(w[0], ",")]; ok {
			return a.pronoun(g, quoteAt)
		}
	}
	if ing {
		// The subject of a verb in -ing or after "and": the first person
		// of the clause after the last comma ("After Bannon emailed,
		// Donald Trump Jr. exchanged messages ... and asked"), else the
		// sentence's first name ("Thune, who ..., added ... and predicted").
		last := from + strings.LastIndexByte(subj, ',') + 1
		for _, i := range inSubj {
			if m := a.mentions[i]; m.offset >= last && m.kind == news.Person && onlyTitles(a.t[last:m.offset]) {
				return a.nameOf(i) // it opens the last clause
			}
		}
		// People before organisations ("Senate Judiciary Chairman Chuck
		// Grassley ... but said"); a pronoun subject before an
		// organisation ("In an interview on MSNBC, he pointed ..., saying").
		// A name after a preposition is no subject ("Small groups of
		// protesters called for news of the shooting of Keith Lamont Scott
		// ..., while chanting"), unless the verb follows it ("footage of
		// Trump saying", "ends with Perry claiming"): when every name is
		// such an object, the subject is unnamed.
		subjEnd := from + len(strings.TrimRight(subj, " "))
		if strings.HasPrefix(a.t[subjEnd:], ",") {
			subjEnd = len(a.t) + 1 // "distance himself from Michael Cohen, saying": the verb does not follow the object
		}
		subject := inSubj[:0:0]
		for _, i := range inSubj {
			if !a.objectAt(i) || a.mentions[i].end >= subjEnd {
				subject = append(subject, i)
			}
		}
		for _, i := range subject {
			if a.mentions[i].kind == news.Person {
				return a.nameOf(i)
			}
		}
		for _, w := range strings.Fields(strings.ToLower(subj)) {
			if g, ok := speakerPronouns[strings.Trim(w, ",")]; ok && w != "it" {
				return a.pronoun(g, quoteAt)
			}
		}
		if len(subject) == 0 {
			return ""
		}
		return a.nameOf(subject[0])
	}
	// "Trump, appearing after Clinton, said": the person who opens the
	// clause, set off by a comma ("Tomas Brandt Jr., an adviser to Marsh,":
	// the period of a suffix the name leaves out stands before it).
	for _, i := range inSubj {
		if m := a.mentions[i]; m.kind == news.Person {
			if onlyTitles(a.t[from:m.offset]) && strings.HasPrefix(strings.TrimPrefix(strings.TrimSpace(a.t[m.end:from+len(subj)]), "."), ",") {
				return a.nameOf(i)
			}
			break
		}
	}
	// People before organisations: "Clinton campaign chairman John Podesta".
	for k := len(inSubj) - 1; k >= 0; k-- {
		if a.mentions[inSubj[k]].kind == news.Person {
			return a.nameOf(inSubj[k])
		}
	}
	return a.nameOf(inSubj[len(inSubj)-1])
}

// clauseSubordinators open a subordinate clause whose subject may be the
// subject of a verb joined to the clause's own by "and" ("after Brandt
// criticized the city and warned"). "as" and "while" are here too: the
// subject after them must be a name or a pronoun (subordinateSubject), so
// "as well as" or "while in office" open nothing.
var clauseSubordinators = toSet(`after before when while because since although though as once until whereas`)

// subordinateSubject returns the subject of a subordinate clause that
// comes after the subject's last comma and holds the verb the speech verb
// is joined to by "and": the person named right after the subordinator
// (titles and capitalised words aside: "after Iranian President Hassan
// Rouhani criticized Trump and warned"), a verb of speaking or judging
// after it (speakingVerbFollows), or the pronoun there ("after he
// criticized"; "he" or "she"). The clause runs from the subject's last comma
// or dash. ok is false when there is no such clause ("after the
// rally and said", "after Brandt's speech and said": no subject named), and
// the caller keeps its reading.
func (a *attributor) subordinateSubject(subj string, from int) (string, bool) {
	lo := lastDash(subj, strings.LastIndexByte(subj, ',')+1) // "when they cross the border -- and also accused": a dash ends the clause
	words := wordsWithOffsets(subj[lo:])
	for k := len(words) - 2; k >= 0; k-- {
		if !clauseSubordinators[strings.ToLower(words[k].word)] {
			continue
		}
		next := strings.ToLower(words[k+1].word)
		if g, ok := speakerPronouns[next]; ok && g != "" && g != "org" { // "he", "she": "they" names a group, rarely a speaker
			if !speakingVerbFollows(a.t[from+lo+words[k+1].end : from+len(subj)]) {
				return "", false
			}
			return a.pronoun(g, from+lo+words[k+1].start), true
		}
		clause := from + lo + words[k].end
		for i := a.mentionsFrom(clause); i < len(a.mentions) && a.mentions[i].end <= from+len(subj); i++ {
			m := a.mentions[i]
			if !onlyTitles(a.t[clause:m.offset]) && !roleBeforeName(a.t[clause:m.offset]) {
				break
			}
			if m.kind == news.Person && !possessive(a.t, m.end) && !a.quoted(m.offset) && speakingVerbFollows(a.t[m.end:from+len(subj)]) {
				return a.nameOf(i), true
			}
		}
		return "", false
	}
	return "", false
}

// maxRoleWordsBeforeName is the most lower-case words a role written
// before a name may have ("union leader Tomas Brandt", "former state
// senator Ada Marsh": two), the bound maxPossessedNounWords gives a role
// after a possessive; more are a clause of their own.
const maxRoleWordsBeforeName = 3

// roleBeforeName reports whether s, the words between a subordinator and a
// name, is a role written in lower case before the name, capitalised words
// and titles aside: at most maxRoleWordsBeforeName lower-case words, the
// last a title or a person's noun ("union leader", "the party's
// chairman" is no such role: a possessive is a clause's object).
func roleBeforeName(s string) bool {
	lower, last := 0, ""
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) {
			if !isTitle(w) && !isNameWord(w) {
				return false
			}
			continue
		}
		if isPossessive(w) || strings.ContainsAny(w, ",;:") {
			return false
		}
		lower++
		last = w
	}
	return lower > 0 && lower <= maxRoleWordsBeforeName && (isTitle(last) || personNouns[last] || roleTitles[last] != "")
}

// speakingVerbFollows reports whether the words after a subordinate
// clause's subject go on with a verb of speaking or judging (speechCues,
// judgingVerbs: "Brandt criticized the city", "Brandt also slammed"),
// adverbs aside. Only then is a speech verb joined to it by "and" the
// clause's: "until Brandt finished and then said", "while Brandt watched
// and said" are more often the sentence's subject speaking, and keep that
// reading. (An aside after the name is not read: the clause starts after
// the subject's last comma.)
func speakingVerbFollows(rest string) bool {
	for _, w := range strings.Fields(rest) {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if isSubjectAdverb(lw) {
			continue
		}
		return speechCues[lw] || judgingVerbs[lw]
	}
	return false
}

// openingPronoun reports the gender of a personal pronoun that opens a
// subject ("She also attacked ..."), "they" included, "it" not.
func openingPronoun(subj string) (string, bool) {
	f := strings.Fields(subj)
	if len(f) == 0 {
		return "", false
	}
	w := strings.ToLower(strings.Trim(f[0], ",“\"("))
	g, ok := speakerPronouns[w]
	return g, ok && w != "it"
}

// maxPossessedNounWords is the most lower-case words between a person's
// possessive and the comma of an apposition naming someone else: "Marsh's
// lawyer,", "Marsh's campaign manager,", "Marsh's longtime family
// lawyer," (three). English news's common forms, read on invented
// sentences (session 29's review); more words are a clause of their own.
const maxPossessedNounWords = 3

// possessedNamed returns the person named in an apposition after a
// person's possessive and a noun that opens the subject (from byte lo to
// hi): "Marsh's lawyer, Tomas Brandt," is Tomas Brandt, who speaks, not
// Marsh, as "her lawyer, Tomas Brandt," is; "Marsh's employer, Acme
// Corp," is Acme Corp. Titles may stand before either name. "" for any other subject ("Marsh's lawyer said", "Marsh's
// lawyer, a former judge,").
func (a *attributor) possessedNamed(lo, hi int) string {
	i := a.mentionsFrom(lo)
	if i >= len(a.mentions) || a.mentions[i].end > hi {
		return ""
	}
	owner := a.mentions[i]
	if owner.kind != news.Person || a.quoted(owner.offset) || !onlyTitles(a.t[lo:owner.offset]) {
		return ""
	}
	rest, ok := afterPossessive(a.t, owner.end, hi)
	if !ok {
		return ""
	}
	noun, _, found := strings.Cut(rest, ",")
	if !found || !possessedNounBeforeName(noun) {
		// "Marsh's lawyer Tomas Brandt said", and with an aside after the
		// name ("Marsh's lawyer Tomas Brandt, who was in court, said"):
		// the comma closes the name, not the role.
		return a.roleNamedAfter(i, hi)
	}
	comma := owner.end + strings.IndexByte(a.t[owner.end:hi], ',') + 1 // the noun holds no comma: the first one
	for j := i + 1; j < len(a.mentions) && a.mentions[j].end <= hi; j++ {
		m := a.mentions[j]
		if m.offset < comma {
			continue
		}
		if m.kind != news.Person && m.kind != news.Org || a.quoted(m.offset) || !onlyTitles(a.t[comma:m.offset]) {
			return ""
		}
		if k := a.officerAfter(j, hi); k >= 0 {
			return a.nameOf(k) // "Marsh's lawyer, Acme Holdings president Tomas Brandt,": Brandt
		}
		return a.nameOf(j)
	}
	return ""
}

// officerAfter returns the mention of the person right after the
// organisation of mention j, titles alone between them and both before
// byte hi: in "Acme Holdings president Tomas Brandt" the person holds the role
// an apposition names, not the firm. -1 when mention j is no organisation
// or no such person follows it.
func (a *attributor) officerAfter(j, hi int) int {
	k := j + 1
	if a.mentions[j].kind != news.Org || k >= len(a.mentions) {
		return -1
	}
	m := a.mentions[k]
	if m.kind != news.Person || m.end > hi || a.quoted(m.offset) {
		return -1
	}
	between := a.t[a.mentions[j].end:m.offset]
	if strings.TrimSpace(between) == "" || !titlesOrRoles(between) {
		return -1
	}
	return k
}

// titlesOrRoles reports whether each word of s is a title, "the" or a
// capitalised word (onlyTitles), a lower-case noun of a person's role
// (possessedRoleNoun) or a word that qualifies a title (titleQualifiers):
// "president", "managing partner", "senior analyst" between a firm and
// one of its people.
func titlesOrRoles(s string) bool {
	for _, w := range strings.Fields(s) {
		if !onlyTitles(w) && !possessedRoleNoun(w) && !titleQualifiers[w] {
			return false
		}
	}
	return true
}

// maxPossessedRoleWords is the most lower-case words of a possessed role
// before an appositive name when the words end in a person's role noun:
// "Brandt's current campaign press secretary, Lena Oduya," (four) or "the
// company's longtime chief financial officer, Ada Marsh," (four). English
// titles stack a time word, a body and a two-word office; five leaves room
// for one more modifier. Read on invented sentences and on s42-cmp's hand
// read of basil (Obama's press secretary, named after a four-word title);
// not fitted to the held-out eval, where no speaker changes.
const maxPossessedRoleWords = 5

// possessedNounBeforeName reports whether noun, the words between a
// possessive and the comma of an apposition, is a noun of the owner's that
// the apposition names: one to maxPossessedNounWords lower-case words
// ("Marsh's lawyer,", "Marsh's campaign manager,") or a longer role
// (longPossessedRole: "Brandt's current campaign press secretary,").
func possessedNounBeforeName(noun string) bool {
	return lowerCaseWords(noun, maxPossessedNounWords) || longPossessedRole(noun)
}

// longPossessedRole reports whether role is up to maxPossessedRoleWords
// lower-case words ending in a person's role noun (possessedRoleNoun),
// with no determiner, preposition or conjunction among them: the
// modifiers of one noun phrase ("current campaign press secretary"), not a
// clause ("decision angered her rival", "speech to the party").
func longPossessedRole(role string) bool {
	if !lowerCaseWords(role, maxPossessedRoleWords) {
		return false
	}
	words := strings.Fields(role)
	for _, w := range words {
		if determinerWords[w] || kinBreakWords[w] {
			return false
		}
	}
	return possessedRoleNoun(words[len(words)-1])
}

// roleNamedAfter returns the person named right after a possessed role
// with no comma between, the name ending the subject (hi): "Marsh's lawyer
// Tomas Brandt said", "said Trump's campaign manager Paul Manafort" is the
// lawyer or the manager, named, as "Marsh's lawyer, Tomas Brandt," is
// (possessedNamed). i is the possessor's mention, which opens the
// subject; the words between its possessive and the name must be one to
// maxPossessedNounWords lower-case words ending in a person's role noun
// (possessedRoleNoun). "" otherwise ("Marsh's lawyer said", "Marsh's
// campaign Tomas Brandt ran").
func (a *attributor) roleNamedAfter(i, hi int) string {
	j := i + 1
	if j >= len(a.mentions) || a.mentions[j].kind != news.Person || a.mentions[j].end > hi || a.quoted(a.mentions[j].offset) {
		return ""
	}
	m := a.mentions[j]
	if tail := strings.TrimSpace(a.t[m.end:hi]); tail != "" && !strings.HasPrefix(tail, ",") {
		return "" // more words after the name, not an aside set off by a comma: not the role's holder alone
	}
	role, ok := afterPossessive(a.t, a.mentions[i].end, m.offset)
	if !ok || possessedRoleWords(role) == "" && !longPossessedRole(role) {
		return ""
	}
	return a.nameOf(j)
}

// lowerCaseWords reports whether s is one to most words, each of
// lower-case letters only ("lawyer", "campaign manager").
func lowerCaseWords(s string, most int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > most {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLower(r) && r != '-' {
				return false
			}
		}
	}
	return true
}

// openingPrepositions open a phrase before a sentence's subject whose
// names are no subject: asidePrepositions ("Like", "Unlike", "Despite")
// and prepositions of time, company and address ("After Ada Marsh,",
// "With Acme Corp gone,", "To Ada Marsh,"). Conjunctions ("But", "And",
// "As", "When") are not here: "But Ada Marsh, the mayor, said" opens with
// its subject.
var openingPrepositions = toSet(`like unlike despite besides beside alongside among amid against including except
after before with without to for about from in on at during following`)

// inOpeningPhrase reports whether mention m stands in a phrase that opens
// the subject words subj (at byte from) and is closed by a comma before
// the subject proper: the phrase opens with a preposition
// (openingPrepositions) or a participle and a preposition or an article
// ("Asked about", "Speaking to"),
// holds no relative word ("To which Ada Marsh replied" has Marsh for
// subject), and is closed by a comma after the name, followed by words
// that open no relative clause ("Like Ada Marsh, Tomas Brandt", "After
// Ada Marsh left the room, Tomas Brandt").
func (a *attributor) inOpeningPhrase(subj string, from int, m mention) bool {
	if m.offset < from || m.end > from+len(subj) {
		return false
	}
	opening := strings.Fields(a.t[from:m.offset])
	if len(opening) == 0 || strings.ContainsAny(a.t[from:m.offset], ",;:") {
		return false
	}
	first := strings.ToLower(strings.Trim(opening[0], "“\"("))
	// A participle with a preposition or an article after it ("Asked
	// about", "Speaking to", "Thanking the"): "Embattled Mayor Ada Marsh,"
	// and "Leading Democrat Ada Marsh," are the subject's titles.
	participle := len(opening) > 1 && (strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "ed")) &&
		(openingPrepositions[strings.ToLower(opening[1])] || articles[strings.ToLower(opening[1])])
	if !openingPrepositions[first] && !participle {
		return false
	}
	for _, w := range opening {
		if asClauseOpeners[strings.ToLower(w)] && strings.ToLower(w) != "that" {
			return false // "To which", "in which"
		}
	}
	rest := a.t[m.end : from+len(subj)]
	c := strings.IndexByte(rest, ',')
	if c < 0 {
		return false
	}
	next := strings.ToLower(firstWordOf(rest[c+1:]))
	return next != "" && !asClauseOpeners[next] // "Among them was Ada Marsh, who said": Marsh, the relative's antecedent
}

// modifiesUnnamed reports whether mention i only modifies a description of
// someone the article leaves unnamed ("A Romney campaign aide, though,
// said", "a White House official said"): one to three lower-case words
// after it, before a comma or the subject's end at hi, the last an
// anonymous noun. Such a person is not the speaker; an organisation is
// ("Interior Department officials described": they speak for it).
func (a *attributor) modifiesUnnamed(i, hi int) bool {
	end := a.mentions[i].end
	if end >= hi || a.mentions[i].kind != news.Person {
		return false
	}
	rest := a.t[end:hi]
	if c := strings.IndexByte(rest, ','); c >= 0 {
		rest = rest[:c]
	}
	words := modifierWords(strings.TrimRight(strings.TrimSpace(rest), ".;:"))
	return len(words) > 0 && anonymousNouns[words[len(words)-1]]
}

// modifierWords returns the words of s when they are a description a name
// before them modifies ("campaign aide", "administration official",
// "campaign spokesman"): one to maxModifierWords lower-case words of
// letters, no function word among them; nil otherwise.
func modifierWords(s string) []string {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxModifierWords {
		return nil
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || !isLetters(w) || functionWords[w] {
			return nil
		}
	}
	return words
}

// maxModifierWords is the longest description a name modifies: "Trump
// campaign spokesman", "Clinton national security adviser" have two and
// three words; more lower-case words after a name are a clause of its own
// (chosen on the BASIL and newswcl50 articles these rules were read on).
const maxModifierWords = 3

// anaphoraPoint is where a pronoun or description in a subject from byte
// from looks back from: the quote, or the subject's end when the subject
// comes first. The names between a speech verb and its quote are what the
// speaker talks about ("The top Republican in the House on Monday said
// former President Donald Trump was “poisoning ...”"), never who "the top
// Republican" or "he" is.
func anaphoraPoint(subj string, from, quoteAt int) int {
	return min(quoteAt, from+len(subj))
}

// namedIn reports whether any name (a possessive one too: "Romney's
// comments") stands between bytes lo and hi.
func (a *attributor) namedIn(lo, hi int) bool {
	i := a.mentionsFrom(lo)
	return i < len(a.mentions) && a.mentions[i].offset < hi
}

// possessive reports whether a name at end is followed by 's: "Trump's
// declaration" is not Trump speaking.
func possessive(t string, end int) bool {
	rest := t[end:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "’ s") || strings.HasPrefix(rest, " ’s") || strings.HasPrefix(rest, " 's")
}

// clauseCutWords end the subject after an inverted verb (clauseEnd): a
// preposition, a relative word, a participle or a word of time.
var clauseCutWords = toSet(`on in at during after before when while who which adding according last this earlier later to that of`)

// clauseEnd is where the subject after an inverted verb ends: at a comma, a
// preposition or a relative word ("said Smith on Monday", "said Smith, who").
func clauseEnd(s string) int {
	ws := wordsWithOffsets(s)
	for i, w := range ws {
		// "said Secretary of State Condoleezza Rice": an "of" after a
		// capitalised title is part of it (titleOf), not the start of a
		// phrase (review s8b); after a lower-case noun ("said the lawyer
		// of Tomas Brandt") it opens one.
		if w.word == "of" && i > 0 && startsWithCapital(ws[i-1].word) && titleOf(tokenWords(ws[:i+1])) {
			continue
		}
		// "said Marsh's chief of staff": the "of" of a possessed role
		// (possessedRoleWords) is part of it.
		if w.word == "of" && possessedRoleBefore(s, ws[:i]) && roleComplementAt(ws, i+1) {
			continue
		}
		// "said Calder Hiring Lab director of research Karel Novak": a
		// role of a title's form written in lower case, its one word
		// after "of", then the holder's name.
		if w.word == "of" && i > 0 && roleBeforeName(ws[i-1].word) && titledRoleComplement(ws, i+1) {
			continue
		}
		if clauseCutWords[strings.ToLower(w.word)] && w.start > 0 {
			return w.start
		}
	}
	return len(s)
}

// titledRoleComplement reports whether ws[k] is the one lower-case word
// (maxRoleComplementWords) after the "of" of a role ("director of
// research") and a capitalised word, the name of the role's holder,
// follows it: "of research Karel Novak", not "of the agency" nor "of Tomas
// Brandt", which open a phrase of their own.
func titledRoleComplement(ws []token, k int) bool {
	if k+1 >= len(ws) || !lowerCaseWords(ws[k].word, maxRoleComplementWords) || articles[ws[k].word] {
		return false
	}
	return startsWithCapital(ws[k+1].word)
}

// personsPossessive reports whether w, a lower-case word of a definite
// description, is the possessive of people: a plural in s' ("the
// Marshes' lawyer") or a person's noun or title ("the senator's lawyer",
// "the victim's mother"). The noun after it is someone
// of theirs, never the person the article calls so; an organisation's
// possessive ("the company's chief executive") names a role its holder
// named before may fill, and is not read here.
func personsPossessive(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	if strings.HasSuffix(w, "s'") {
		return true
	}
	stem, ok := strings.CutSuffix(w, "'s")
	return ok && (nounKind(stem) == "person" || roleTitleOf(stem) != "")
}

// possessedRoleBefore reports whether the words ws of s end with a
// capitalised possessive and one to maxPossessedNounWords lower-case words
// ending in a person's role noun ("Marsh's chief", "Ada Marsh’s deputy
// chief"): an "of" after them continues the role ("chief of staff").
func possessedRoleBefore(s string, ws []token) bool {
	for k := len(ws) - 1; k >= 0 && len(ws)-k <= maxPossessedNounWords; k-- {
		if !lowerCaseWords(ws[k].word, 1) {
			return false
		}
		if k > 0 && startsWithCapital(ws[k-1].word) && possessive(s, ws[k-1].end) {
			return possessedRoleNoun(ws[len(ws)-1].word)
		}
	}
	return false
}

// roleComplementAt reports whether ws[k] is the one word after the "of"
// of a possessed role and ends the subject: a lower-case word other than
// an article, followed by no word or by one clauseEnd cuts at ("chief of
// staff", "chief of staff on Monday"); not "lawyer of 20 years", "friend
// of many years", whose "of" ends the role.
func roleComplementAt(ws []token, k int) bool {
	if k >= len(ws) || !lowerCaseWords(ws[k].word, 1) || articles[ws[k].word] {
		return false
	}
	return k+1 == len(ws) || clauseCutWords[strings.ToLower(ws[k+1].word)]
}

// tokenWords are the words of tokens.
func tokenWords(ts []token) []string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.word
	}
	return words
}

// periodAbbreviates reports whether the period after w, the word next
// after it, ends no sentence (abbreviatesBefore), for the sentence cuts
// the speakers make. A title written out in lower case is a word, not an
// abbreviation: "... clears the president. The Department of Justice ...
// by calling the subpoena "..."" ends a sentence after "president" (it
// did not, and the speech verb before it gave the quote to the
// president's legal team), as "the mayor." and "the senator." do;
// "Sen." and "Gov." keep their periods.
func periodAbbreviates(w, next string) bool {
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && isTitle(w) && !strings.EqualFold(w, "no") && !titleAbbreviations[w] {
		return false
	}
	return abbreviatesBefore(w, next)
}

// titleAbbreviations are the titles of personTitleWords that are
// abbreviations: written in lower case ("said former gov. Ada Marsh",
// "state sen. Tomas Brandt") their period still ends no sentence (review
// s31-qrev: periodAbbreviates had cut both, and the speaker was lost).
var titleAbbreviations = toSet(`pres mr mrs ms messrs dr prof gen sen sens rep reps gov col capt lt sgt rev adm maj cmdr`)

// sentenceEndIn returns where the first sentence of s ends, or -1.
func sentenceEndIn(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' || s[i] == '!' || s[i] == '?' {
			if s[i] == '.' && periodAbbreviates(lastWordOf(s[:i]), firstWordOf(s[i+1:])) || i+1 < len(s) && s[i+1] != ' ' {
				continue
			}
			return i
		}
	}
	return -1
}

// wordsWithOffsets are the words of s (letters, digits, inner periods and
// apostrophes) with their byte offsets.
func wordsWithOffsets(s string) []token {
	return tokensOf(s)
}

// participleAside returns where an aside set off by a comma starts in the
// subject words s (at byte from of the text), 0 when there is none: after
// the words that name the subject, a comma and a participle or a
// preposition ("The president, sitting next to Shinzo Abe,", "Tomas
// Brandt, flanked by his lawyers,"). Whoever the aside names only stands
// beside the subject, and the aside runs to the verb (it ends with a comma
// right before it), so it is cut off. The
// words before the comma must name someone (a person or organisation, a
// pronoun, or a noun phrase opened by a determiner: "On Thursday, in a
// letter to Kroon, Brandt" opens with no subject), and no later comma may
// open another subject with a capital or a pronoun; a noun phrase after
// the comma ("Ada Marsh, a comedian from Dover,") is an apposition and
// stays.
func (a *attributor) participleAside(s string, from int) int {
	c := strings.IndexByte(s, ',')
	if c < 0 || !strings.HasSuffix(strings.TrimSpace(s), ",") || !a.namesSubject(s[:c], from) {
		return 0 // an aside is closed by a comma right before the verb; "X, the mayor, joined the debate and said" has none
	}
	for ; c >= 0; c = nextComma(s, c) {
		if (opensAside(firstWordOf(s[c+1:])) || irregularAgentAside(s[c+1:])) && len(strings.Fields(s[c+1:])) <= maxAsideWords && !agentOfThing(s[:c], s[c+1:]) {
			if opensSubject(s[c+1:]) { // (the aside's own first word is lower-case and no pronoun)
				return 0
			}
			return c
		}
	}
	return 0
}

// agentOfThing reports whether the aside after a subject's words np names
// the agent of a document or organisation ("The report, released by the
// Pentagon,", "The statement, signed by Ada Marsh,"): a participle and
// "by" after a documentNouns or orgNouns head. The document speaks for its
// agent, so the aside is no one standing beside the subject.
func agentOfThing(np, aside string) bool {
	words, after := strings.Fields(strings.ToLower(np)), strings.Fields(aside)
	if len(words) == 0 || len(after) < 2 || after[1] != "by" {
		return false
	}
	head := words[len(words)-1]
	if officeNouns[head] && len(words) > 1 && strings.HasSuffix(strings.ReplaceAll(words[len(words)-2], "’", "'"), "'s") {
		return false // "Tomas Brandt's campaign, run by Jo Pike,": the person's campaign speaks (namedOffice), not the one running it
	}
	return documentNouns[head] || orgNouns[head]
}

// maxAsideWords is the longest aside participleAside cuts off: "sitting
// next to Japanese Prime Minister Shinzo Abe at the summit" is 11 words;
// longer runs after a comma were, on BASIL, clauses with their own verb and
// subject (read while writing the rule, not a held-out figure).
const maxAsideWords = 15

// nextComma is the offset of the first comma in s after offset c, -1 when
// none.
func nextComma(s string, c int) int {
	if n := strings.IndexByte(s[c+1:], ','); n >= 0 {
		return c + 1 + n
	}
	return -1
}

// namesSubject reports whether the words s (at byte from) can be a
// subject: they hold a person's or organisation's name, or open with a
// pronoun or a determiner ("The president", "His lawyer").
func (a *attributor) namesSubject(s string, from int) bool {
	for i := a.mentionsFrom(from); i < len(a.mentions) && a.mentions[i].end <= from+len(s); i++ {
		if k := a.mentions[i].kind; k == news.Person || k == news.Org {
			return true
		}
	}
	w := strings.ToLower(firstWordOf(s))
	_, pronoun := speakerPronouns[w]
	return pronoun || subjectDeterminers[w]
}

// subjectDeterminers open a noun phrase that may name a speaker.
var subjectDeterminers = toSet(`the a an his her their its this that`)

// opensAside reports whether word w, the first after a comma in a subject,
// opens a participle or prepositional aside: a lower-case word in -ing
// ("sitting", "speaking"; five letters or more, so not "king") or -ed
// ("flanked", "joined"), or a preposition (objectMarkers but "saying" and
// "that", which introduce words said, and "of").
func opensAside(w string) bool {
	w = strings.Trim(w, ",.;:")
	if w == "" || !unicode.IsLower([]rune(w)[0]) {
		return false
	}
	switch {
	case w == "saying" || w == "that" || w == "of":
		return false
	case len(w) >= 5 && strings.HasSuffix(w, "ing"), len(w) >= 4 && strings.HasSuffix(w, "ed"):
		return true
	}
	return objectMarkers[w] || w == "alongside" || w == "beside" || w == "next" || w == "during"
}

// irregularParticiples are past participles not ending in -ed, which
// opensAside cannot tell from their shape: "Tomas Brandt's campaign, run by
// Jo Pike," is the campaign's word, not Pike's. Only common verbs of
// running, holding and choosing an organisation, each taken only before
// "by" (irregularAgentAside), where no other reading is usual.
var irregularParticiples = toSet(`run held kept chosen overseen built made set led`)

// irregularAgentAside reports whether the words after a comma, rest, open
// with an irregular participle and "by" ("run by Jo Pike,").
func irregularAgentAside(rest string) bool {
	words := strings.Fields(strings.ToLower(rest))
	return len(words) > 2 && irregularParticiples[words[0]] && words[1] == "by"
}

// groupSpeaker reads the subject words subj (at byte from) as a group of
// people that names one of its members ("Senate Democrats, including Ada
// Marsh,", "Democrats on the committee, led by Ada Marsh", "Marsh and other
// Democrats", "Many of Marsh's colleagues"): its noun phrase, before any
// comma, ends in a plural noun of people (groupNoun, not part of a
// person's name: "Mr. Blacks") with only determiners, numbers, capitalised
// words, a name's 's or "and" before it, a person is named in the subject,
// and no later comma opens another subject ("Republicans who back such
// changes, he said"). The member does not speak for the group: ok is true
// and who is the group's name when it is a party's, all capitalised
// ("Senate Democrats", "House Republicans"), else "".
func (a *attributor) groupSpeaker(subj string, from int) (who string, ok bool) {
	np, rest, _ := strings.Cut(strings.TrimRight(subj, " .;:!?"), ",")
	if !a.kindIn(from, from+len(strings.TrimRight(subj, " .;:!?")), news.Person) || opensSubject(rest) {
		return "", false
	}
	words := strings.Fields(np)
	for i, w := range words { // "on the committee", "in the House": the phrase ends before the preposition
		if lw := strings.ToLower(w); i > 0 && (objectMarkers[lw] || lw == "in" || lw == "who" || lw == "that" || lw == "which") && lw != "of" {
			words = words[:i]
			break
		}
	}
	if len(words) > 2 && groupQuantifiers[strings.ToLower(words[0])] && strings.EqualFold(words[1], "of") {
		words = words[2:] // "Many of Marsh's colleagues"
	}
	if len(words) == 0 || !groupNoun(strings.ToLower(words[len(words)-1])) {
		return "", false
	}
	if head := strings.LastIndex(np, words[len(words)-1]); a.personAt(from + strings.Index(subj, np) + head) {
		return "", false // "Mr. Blacks", "Dustin Childs"
	}
	if strings.EqualFold(words[0], "the") && len(words) > 1 && startsWithCapital(words[1]) {
		words = words[1:] // "the Democrats" are Democrats
	}
	named := partyNouns[strings.TrimSuffix(strings.ToLower(words[len(words)-1]), "s")]
	for _, w := range words[:len(words)-1] {
		lw := strings.ToLower(w)
		switch {
		case groupDeterminers[lw] || groupQuantifiers[lw] || lw == "and" || strings.Trim(lw, "0123456789,") == "":
			named = false
		case isPossessive(w):
			named = false // "Marsh's fellow Democrats"
		case startsWithCapital(w):
			continue
		default:
			return "", false // "The senator met Democrats": a verb, not a group's noun phrase
		}
	}
	if !named {
		return "", true
	}
	return strings.Join(words, " "), true
}

// partyNouns name a party's members; "Democrats" and "House Republicans"
// are a group that speaks, while "Officials" or "Students" opening a
// sentence are no name.
var partyNouns = toSet(`democrat republican conservative liberal progressive libertarian socialist`)

// opensSubject reports whether a comma in s opens another subject: a
// capitalised word or a pronoun after it ("Republicans who back such
// changes, he said").
func opensSubject(s string) bool {
	for _, part := range strings.Split(s, ",") {
		w := firstWordOf(part)
		if _, pronoun := speakerPronouns[strings.ToLower(w)]; pronoun || startsWithCapital(w) {
			return true
		}
	}
	return false
}

// kindIn reports whether something of the given kind (a person, a place)
// is named between bytes lo and hi.
func (a *attributor) kindIn(lo, hi int, kind news.EntityKind) bool {
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < hi; i++ {
		if a.mentions[i].kind == kind {
			return true
		}
	}
	return false
}

// personAt reports whether byte at lies in a person's name.
func (a *attributor) personAt(at int) bool {
	i := a.mentionsFrom(at + 1)
	return i > 0 && a.mentions[i-1].kind == news.Person && a.mentions[i-1].end > at
}

// groupDeterminers and groupQuantifiers may open or qualify a group's noun
// phrase ("the two senators", "several other Democrats", "both
// lawmakers").
var (
	groupDeterminers = toSet(`the these those his her their its our other fellow top senior leading former`)
	groupQuantifiers = toSet(`many some most all both several few two three four five six seven eight nine ten dozens hundreds thousands`)
)

// resolveSubject names the speaker in the subject words subj, which start at
// byte from of the text; quoteAt is where the quote is, for pronouns and
// descriptions resolved to what came before it.
func (a *attributor) resolveSubject(subj string, from, quoteAt int) (who string) {
	var objects map[string]bool // people named as the object of a description in the subject ("a friend of Marsh"), made when the first is found
	defer func() {
		if refusedObject(who, objects) {
			who = "" // "the chief of staff to Ada Marsh said", resolved by position to Marsh: someone of hers, not she
		}
		if who == "" {
			who = a.namedAfterDescription(subj, from) // "the police chief said. ... the police chief, Carla Best, said"
		}
		if who == "" {
			a.notePersonDescription(subj)
		}
	}()
	quoteAt = anaphoraPoint(subj, from, quoteAt)
	if who, ok := a.groupSpeaker(subj, from); ok {
		return who // "Senate Democrats, including Ada Marsh,": not Ada Marsh
	}
	if c := a.participleAside(subj, from); c > 0 {
		subj = subj[:c] // "The president, sitting next to Shinzo Abe,": the aside names no speaker
	}
	lo, hi := from, from+len(subj)
	subj = strings.TrimSpace(subj)
	if subj == "" {
		return ""
	}
	if who := a.jointSpeaker(a.t[lo:hi], lo); who != "" {
		return who
	}
	// `" compiled by ex-British spy Christopher Steele, they added`: a
	// person's pronoun right before the verb is its subject, whatever
	// names come before it.
	if g, ok := pronounBeforeVerb(subj); ok && g != "org" {
		return a.pronoun(g, quoteAt)
	}
	// "A spokesman for Sen. Ada Marsh said": her spokesman, not Marsh.
	if who := a.personSpokesperson(strings.Fields(strings.ToLower(strings.Trim(subj, " ,.;:—–-"))), lo, hi); who != "" {
		return who
	}
	// "a spokesman for Ada Marsh, Tomas Brandt,": the spokesman, named.
	if who := a.namedSpokesperson(subj, lo, hi); who != "" {
		return who
	}
	// "Marsh's lawyer, Tomas Brandt,": the lawyer, named.
	if who := a.possessedNamed(lo, hi); who != "" {
		return who
	}
	// "Ada Marsh's office said": her office, as "her office said" is.
	if who := a.namedOffice(subj, lo, hi); who != "" {
		return who
	}
	// "Varden's defence ministry said": the ministry, not Varden.
	if who := possessedInstitution(subj); who != "" {
		return who
	}
	// A person or organisation named in the subject: the first person,
	// else the first organisation ("Smith, a spokesman for the ministry").
	org := -1
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].offset < hi; i++ {
		m := a.mentions[i]
		if a.objectOfDescription(lo, i) {
			if objects == nil {
				objects = map[string]bool{}
			}
			objects[a.nameOf(i)] = true
			continue // "a friend of Marsh": someone of Marsh's speaks
		}
		if a.quoted(m.offset) || a.relativeAt(i, lo, hi, false) || a.modifiesUnnamed(i, hi) {
			continue // "Tomas Brandt" in quoted words, "which the Gazette published", "a Romney campaign aide"
		}
		if m.kind == news.Person && !a.modifiesTitled(i, hi) {
			return a.nameOf(i)
		}
		if m.kind == news.Org && org < 0 {
			org = i
		}
	}
	words := strings.Fields(strings.ToLower(strings.Trim(subj, " ,.;:—–-")))
	if len(words) == 0 {
		return ""
	}
	// "The Kremlin said", "10 Downing Street said": the office, not a place.
	if seat := seatNamed(subj); seat != "" {
		return seat
	}
	// "the two said", "the pair wrote": the two people named together
	// just before, or no one.
	if pairDescription(words) {
		return a.pairAntecedent(quoteAt, news.Person) // "the couple", "both men": people
	}
	// "her office said", "the prime minister's office confirmed": the
	// office of the person the possessor stands for.
	if who := a.officeOf(words, from, quoteAt); who != "" {
		return who
	}
	// "A spokesperson for Acme Corp said", "an Acme spokesman said":
	// the organisation, when the article names no one who speaks for it.
	if who := a.spokespersonFor(words, lo, hi); who != "" {
		return who
	}
	// A pronoun: the last person (or organisation, for "it") of its gender.
	if g, ok := pronounBeforeVerb(subj); ok && org < 0 {
		return a.pronoun(g, quoteAt)
	}
	// "He paused, then added:": a pronoun that opens the clause.
	if g, ok := speakerPronouns[strings.Trim(words[0], ",")]; ok && org < 0 {
		return a.pronoun(g, quoteAt)
	}
	// "the Serb said", "Critics say": a people's or party's word, or a
	// plural noun for people, describes the speaker; it is no name.
	// A party's word ("the Democrat told") is read as a description
	// below, as "the No. 2 Republican" is.
	described, isDescription := a.describingWord(subj)
	if isDescription && org >= 0 && strings.EqualFold(a.nameOf(org), described) {
		org = -1 // "the Dutchman said", the recogniser's organisation "Dutchman"
	}
	if isDescription && org < 0 {
		if who, ok := a.peoplesWordSpeaker(described, quoteAt); ok {
			return who
		}
		isDescription = partyMembers[strings.ToLower(described)] // a collective people's word reads as before
	}
	// `"Nah," Malia said`: a name alone as the subject, one to three
	// capitalised words the recogniser did not place, is the speaker.
	if who := a.bareSpeaker(subj); who != "" && !isDescription && org < 0 && !a.kindIn(lo, hi, news.Place) {
		return who
	}
	// "On Thursday night, Pence": the name alone in the last clause.
	if c := lastClauseStart(subj); c > 0 && !isDescription {
		if who := a.bareSpeaker(subj[c:]); who != "" && org < 0 && !a.kindIn(lo+c, hi, news.Place) { // a place in the opening phrase is not the name
			return who
		}
	}
	// "Mark Warner, the top Democrat on the committee": a name the
	// recogniser took for an organisation, opening the subject with a
	// first name and set off by a person's description, is that person.
	if org >= 0 && hasPersonNoun(words) && a.personLikeOrg(org, lo) {
		return a.nameOf(org)
	}
	if org >= 0 && !hasPersonNoun(words) {
		return a.nameOf(org)
	}
	// A description: "the senator", "the 34-year-old mother", "the newspaper".
	if words[0] == "the" || words[0] == "this" || words[0] == "that" || possessiveWords[words[0]] {
		// "his family", "her spokesman": someone of the possessor's, never
		// the possessor, who is the person who opens the sentence before
		// as often as not ("Ada Marsh died. “...,” her family said").
		possessed := possessiveWords[words[0]]
		head, before := strings.Trim(words[len(words)-1], ",.;:"), ""
		n := 0 // the head's index in words, once the loop has read it
		for _, w := range words[1:] {
			if w == "of" || w == "for" || w == "from" || w == "at" || w == "in" || strings.HasSuffix(w, ",") {
				break // "the head of the agency": the head is before "of"
			}
			if isSubjectAdverb(w) || phraseEnders[w] || speechCues[w] {
				break // "The Republican nominee also outlined ... and vowed": the noun phrase ends at the verb's adverb
			}
			if personsPossessive(w) {
				possessed = true // "the senator's lawyer", "the Marshes' lawyer": someone of theirs
			}
			before, head = head, strings.Trim(w, ",.;:")
			n++
		}
		// "the deputy chief", "the former president", "the acting
		// mayor": someone the article names with that qualified title
		// ("Deputy Chief Ada Marsh", "former Calder president Tomas
		// Brandt"), else the person who opens the sentence before, as
		// for any role; never the title's holder ("Chief Carla Best"),
		// who is someone else.
		role, mods := head, words[1:max(1, n)]
		if compoundTitle(before, head) {
			role, mods = before+" "+head, words[1:max(1, n-1)] // "the former vice president"
		}
		if q := rankQualifier(mods); q != "" && titledHead(head) && !possessed {
			if who := a.qualifiedHolder(q, role, quoteAt); who != "" {
				return who
			}
			if who := a.unlessOtherParty(a.orOpenerAfter(a.openerBefore(quoteAt, ""), from, ""), head, quoteAt); !a.holdsPlainTitle(who, role) && !a.holdsPlainTitle(who, head) {
				return who
			}
			return ""
		}
		if compoundTitle(before, head) {
			// "the attorney general", "the prime minister", "the vice
			// president": the two words are the noun, whoever the article
			// names after them ("Attorney General William Barr"), never
			// one named after the last word alone ("retired general").
			if who := a.nounBeforeName(before+" "+head, quoteAt); who != "" || titleModifiers[before] || deputyWords[before] {
				return who // a vice president is never a President, an assistant coach never the Coach
			}
		}
		if roleTitleOf(head) == "" {
			if who := a.nounBeforeName(head, quoteAt); who != "" && !anonymousNouns[head] {
				return who // "comedian Ellen DeGeneres ... the comedian added"
			}
		}
		switch {
		case orgNouns[head]:
			if who := a.antecedent(quoteAt, "org", head); who != "" {
				return who
			}
			return a.describedBodyBefore(head, quoteAt) // "the committee" that spoke paragraphs before
		case roleTitleOf(head) != "":
			// "the president": someone the article gives that title
			// ("President Donald Trump"); the nearest person is too often
			// someone else, and one named after the lower-case noun in
			// passing ("former president Barack Obama") too. That one only
			// when no one bears the title; when neither, the person who
			// opens the sentence just before ("California Rep. Ed Royce
			// questioned the action. ... '...,' the committee chairman
			// said"), as news varies a name with a description.
			if who := a.antecedent(quoteAt, "", roleTitleOf(head)); who != "" {
				return a.plainHolderFor(who, head, quoteAt)
			}
			if who := a.nounBeforeName(head, quoteAt); who != "" || possessed || bearerOnlyTitles[head] {
				return who
			}
			return a.unlessOtherParty(a.orOpenerAfter(a.openerBefore(quoteAt, ""), from, ""), head, quoteAt)
		case documentNouns[head] && !possessed && !ownedNoun(words):
			// "The announcement concluded, “...”", "the statement said":
			// the words go on with a statement quoted just before.
			if who := a.documentSpeaker(quoteAt, head); who != "" {
				return who
			}
			return a.publisherOf(quoteAt, head)
		case possessed && (groupNoun(head) || kinGroupNouns[head]):
			return "" // "his family said", "their supporters said": many, none of them the possessor
		case anonymousNouns[head] || groupNoun(head):
			return "" // "the official said": a source the article does not name; "the crowd chanted", "his supporters yelled": many
		case possessed && (genericPersonNouns[head] || strings.HasSuffix(head, "-year-old")):
			return "" // "her mother said", "his wife said": a relative of the possessor's not named with that noun (nounBeforeName above)
		case genericPersonNouns[head] || strings.HasSuffix(head, "-year-old"):
			// "the 43-year-old said". Only a party's member ("The No. 2
			// Republican ... said") may be the opener of the next sentence;
			// "the woman said. Police Chief Ada Marsh said ..." is a witness
			// and then an official (review s11a).
			who := a.describedPerson(quoteAt, genderOfNoun(head))
			if head != "republican" && head != "democrat" {
				return who
			}
			return a.orOpenerAfter(who, from, genderOfNoun(head))
		case nounKind(head) == "person" && !possessed:
			// "the actress said", and no one is called an actress: not the
			// last woman named, only the person who opens the sentence
			// before ("Ramos later returned ... “...,” the Mexican-born
			// journalist told"), as news varies a name with a description;
			// never a man for "the actress".
			return a.unlessOtherParty(a.orOpenerAfter(a.openerBefore(quoteAt, genderOfNoun(head)), from, genderOfNoun(head)), head, quoteAt)
		}
	}
	return ""
}

// objectOfDescription reports whether person mention i, in a subject
// starting at byte lo, is the object of a description of someone else
// that opens the subject: "a source close to Marsh", "a friend of Ada
// Marsh", "one of Marsh's aides", "a lawyer who knows Falk", "the father
// of Tomas Brandt". The description opens with an article or "one",
// lower-case words up to a relation word (relationWords), and the name
// follows that word with nothing but "the", "late" or titles between (a
// relative word may have up to maxRelativeVerbWords words of its verb
// between: "who knows", "that represents"). A name set off by a comma
// ("an aide, Tomas Brandt,") names the one described, and one after a
// noun of its own ("the head of the agency Tomas Brandt") is a title's
// holder: neither is an object.
func (a *attributor) objectOfDescription(lo, i int) bool {
	m := a.mentions[i]
	if !a.describedObjectKind(i) || m.offset <= lo {
		return false
	}
	prefix := strings.TrimSpace(a.t[lo:m.offset])
	if strings.HasSuffix(prefix, ",") {
		return false
	}
	// "the daughter of Tomas Brandt and Ada Marsh": a second object
	// joined to the first by "and".
	if i > 0 && a.mentions[i-1].offset > lo && a.mentions[i-1].end < m.offset &&
		strings.TrimSpace(a.t[a.mentions[i-1].end:m.offset]) == "and" {
		return a.objectOfDescription(lo, i-1)
	}
	words := strings.Fields(prefix)
	if len(words) < 2 || !descriptionDeterminers[strings.ToLower(words[0])] && !strings.EqualFold(words[0], "the") {
		return false
	}
	relation := -1
	for k, w := range words[1:] {
		if !lowerCaseWords(strings.Trim(w, ","), 1) && !isTitle(w) {
			return false // "a Calder Party official": a name in the description, not this rule's
		}
		if relationWords[w] {
			relation = k + 1
		}
	}
	if relation < 0 || !describesSomeone(words[:relation]) {
		return false // "footage of Ada Marsh saying": no one described, the name is the subject
	}
	if m.kind == news.Org && !closenessWords[strings.ToLower(words[relation-1])] {
		return false // "a spokesman for the ministry", "a member of the council": they speak for it
	}
	between := words[relation+1:]
	if describingRelatives[words[relation]] && len(between) <= maxRelativeVerbWords {
		return true // "a lawyer who knows Falk"
	}
	for _, w := range between {
		if w != "the" && w != "late" && !isTitle(w) {
			return false
		}
	}
	return true
}

// describedObjectKind reports whether mention i may be the object of a
// description (objectOfDescription): a person; an organisation, which
// objectOfDescription takes only after closenessWords; or a name the
// recogniser took for a place written in the possessive ("the brother of
// Marsh's lawyer": a surname it tags as a place; a place is never a
// speaker, so refusing one costs nothing).
func (a *attributor) describedObjectKind(i int) bool {
	m := a.mentions[i]
	return m.kind == news.Person || m.kind == news.Org || m.kind == news.Place && possessive(a.t, m.end)
}

// closenessWords stand before the relation word of a description of
// someone outside an organisation: "a source close to the White House",
// "a person familiar with the agency's plans". Other relations tie the
// person to the organisation ("a spokesman for", "an official at", "a
// member of"), whose words they give: those keep their reading.
var closenessWords = toSet(`close closer near familiar`)

// refusedObject reports whether who, a speaker resolved for a
// description, is one of objects, the names that description's relation
// governs ("a friend of Marsh"): the name itself, or a person's full name
// that ends with it ("Ada Marsh" for a "Marsh" the recogniser read as a
// place).
func refusedObject(who string, objects map[string]bool) bool {
	if who == "" || len(objects) == 0 {
		return false
	}
	if objects[who] {
		return true
	}
	for o := range objects {
		if strings.HasSuffix(who, " "+o) {
			return true
		}
	}
	return false
}

// describesSomeone reports whether the words of a description before its
// relation word (words[0] the article or "one") name a person: "one" or
// "another" alone ("one of Marsh's aides"), or a noun of a person
// (personDescriptionNoun, possessedRoleNoun, kinNouns, closeNouns): "a source", "the
// chief of staff", "a longtime ally". "The ad uses footage", "a video
// of" describe no one: the name there may be the subject of the verb that
// follows ("footage of Ada Marsh saying"). Documents are left out for
// that reason ("ad" and "video" are documentNouns; tried: "the letter
// addressed to Marsh reads" would have lost its wrong speaker, but
// "footage of Marsh saying" lost its right one).
func describesSomeone(words []string) bool {
	if first := strings.ToLower(words[0]); (first == "one" || first == "another") && (len(words) == 1 || strings.EqualFold(words[1], "of")) {
		return true // "one of the lawyers for Marsh": one of them
	}
	for _, w := range words[1:] {
		w = strings.ToLower(strings.Trim(w, ","))
		if personDescriptionNoun(w) || possessedRoleNoun(w) || kinNouns[w] || closeNouns[w] {
			return true
		}
	}
	return false
}

// closeNouns are people close to someone that the other noun lists leave
// out ("a longtime ally of", "a relative of").
var closeNouns = toSet(`ally confidant confidante relative heir acquaintance neighbor neighbour member`)

// relationWords tie a description to the person named after them: "a
// friend of", "a source close to", "a person familiar with", "an adviser
// for", "a lawyer who knows".
var relationWords = toSet(`of to with for who whom that`)

// describingRelatives open a relative clause whose verb stands between
// the word and the person named ("who knows Falk").
var describingRelatives = toSet(`who whom that`)

// maxRelativeVerbWords is the most words between a relative word and the
// name it governs in a description ("who knows", "who has advised"): two,
// a verb and an auxiliary; chosen on invented text, not fitted.
const maxRelativeVerbWords = 2

// caseRoleNouns name the part a person plays in a case, a crime or an
// accident: someone the article calls the defendant or the victim is never
// the one "the judge", "the prosecutor" or "the coach" stands for. A
// closed list rather than any role noun, as news varies a name with
// another role of the same person ("the mayor" and "the candidate").
var caseRoleNouns = toSet(`defendant accused suspect victim plaintiff complainant witness inmate prisoner detainee gunman shooter`)

// unlessOtherParty returns who, the person a description (head: "judge",
// "prosecutor") was resolved to by position, or "" when the article calls
// that person by a party noun other than head ("Tomas Brandt, the
// defendant, ... the judge said"): no speaker rather than a wrong one. A
// refusal is recorded for the quote at byte at (refusedIn).
func (a *attributor) unlessOtherParty(who, head string, at int) string {
	if who == "" {
		return ""
	}
	for i, m := range a.mentions {
		if m.kind != news.Person || a.quoted(m.offset) || a.nameOf(i) != who {
			continue
		}
		for noun := range caseRoleNouns {
			if noun != head && a.namedWithNoun(i, noun) {
				a.refused = append(a.refused, spoken{-1, a.sentenceOf(at), at})
				return ""
			}
		}
		if courtOfficerNouns[head] && a.accusedByVerb(i) {
			a.refused = append(a.refused, spoken{-1, a.sentenceOf(at), at})
			return "" // "Tomas Brandt pleaded guilty. “...,” the judge said"
		}
	}
	return who
}

// courtOfficerNouns are the people who try, prosecute or investigate a
// case: never the one the article reports as charged, arrested or
// sentenced (accusedByVerb). Only these: "the former mayor said" after
// "Tomas Brandt was charged" is as often the charged mayor himself.
var courtOfficerNouns = toSet(`judge justice magistrate prosecutor juror detective investigator sheriff coroner`)

// accusedByVerb reports whether person mention i is the subject of a verb
// that makes the person a party accused in a case ("Tomas Brandt, 45, of
// Dover, is charged with", "Brandt pleaded guilty", "was sentenced"): the
// words right after the name, past one aside set off by commas, open with
// one of accusedPhrases.
func (a *attributor) accusedByVerb(i int) bool {
	m := a.mentions[i]
	rest := strings.ToLower(a.t[m.end:min(len(a.t), m.end+maxNounBytes*4)])
	if strings.HasPrefix(rest, ",") {
		c := strings.IndexByte(rest[1:], ',')
		if c < 0 {
			return false
		}
		rest = rest[c+2:] // ", 45, of Dover," is one aside: the first comma after it closes it
		if strings.HasPrefix(strings.TrimSpace(rest), "of ") {
			if c := strings.IndexByte(rest, ','); c >= 0 {
				rest = rest[c+1:]
			}
		}
	}
	rest = strings.TrimSpace(rest)
	for _, p := range accusedPhrases {
		if strings.HasPrefix(rest, p+" ") || strings.HasPrefix(rest, p+",") || strings.HasPrefix(rest, p+".") {
			return true
		}
	}
	return false
}

// accusedPhrases open the predicate of a person accused in a case, in
// lower case.
var accusedPhrases = []string{
	"is charged", "was charged", "has been charged", "had been charged", "is accused", "was accused", "has been accused",
	"pleaded guilty", "pleaded not guilty", "pleads guilty", "pleads not guilty", "has pleaded", "was convicted",
	"has been convicted", "was found guilty", "was sentenced", "has been sentenced", "is sentenced", "was indicted",
	"has been indicted", "was arrested", "has been arrested", "is on trial", "went on trial", "stands trial", "faces charges",
}

// namedWithNoun reports whether mention i is given noun right before it
// ("defendant Tomas Brandt"), set off by commas after it ("The accused,
// Tomas Brandt,") or in apposition ("Tomas Brandt, the defendant,"), as
// nounBeforeName reads it.
func (a *attributor) namedWithNoun(i int, noun string) bool {
	m := a.mentions[i]
	return endsWithWords(strings.TrimRight(a.t[max(0, m.offset-maxNounBytes):m.offset], " "), noun) ||
		a.nounCommaName(i, noun) ||
		strings.HasPrefix(strings.ToLower(a.t[m.offset:m.end]), noun+" ") ||
		appositionNoun(a.t[m.end:min(len(a.t), m.end+2*maxNounBytes)], noun)
}

// refusedIn reports whether sentence k holds, before byte at, a quote
// whose description speaker unlessOtherParty refused.
func (a *attributor) refusedIn(k, at int) bool {
	for _, u := range a.refused {
		if u.sentence == k && u.at < at {
			return true
		}
	}
	return false
}

// notePersonDescription records, for the quote being attributed, that its
// subject (subj, words of attribution resolved to no one) describes a
// person the article has not named: an indefinite article or "one", at
// most maxDescriptionWords words, and a noun of a person ("an official",
// "a senior official", "one worker", "a local resident"). A pronoun, a
// name the article does not know, or words naming no person record
// nothing; so does a definite description ("the regional secretary
// said"), which stands for someone named before whom the resolver may
// have missed (duc2003: a title of three words), unless a person's
// possessive opens it ("the senator's lawyer", "the Marshes' lawyer":
// personsPossessive), as the resolver refuses the possessor.
func (a *attributor) notePersonDescription(subj string) {
	words := strings.Fields(strings.ToLower(strings.Trim(subj, " ,.;:—–-")))
	if len(words) > 2 && words[0] == "the" && personsPossessive(words[1]) {
		words = words[1:] // "the senator's lawyer", "the Marshes' lawyer": someone of theirs the resolver found no name for
	}
	if len(words) < 2 || !descriptionDeterminers[words[0]] && !personsPossessive(words[0]) {
		return
	}
	for k, w := range words[1:] {
		if k >= maxDescriptionWords {
			return
		}
		w = strings.Trim(w, ",.;:")
		if personDescriptionNoun(w) {
			if rest := words[k+2:]; len(words) > maxDescriptionWords+1 && !modifiesDescription(rest) {
				return // a longer subject is a clause of its own
			}
			a.pending = &unnamedQuote{gender: describedGender(w)}
			return
		}
		if w == "of" || w == "for" || w == "who" || w == "that" || w == "and" {
			return // "a friend of ...", "a lawyer for ...", "the official who ...": not only a description
		}
	}
}

// modifiesDescription reports whether rest, the words after the noun of
// an unnamed person's description, is one phrase that modifies the noun:
// a preposition, "who" or an adjective of closeness and at most
// maxPhraseAfterNounWords words ("close to the White House", "at the agency",
// "familiar with the Justice Department's thinking": five each).
func modifiesDescription(rest []string) bool {
	return len(rest) > 0 && len(rest) <= maxPhraseAfterNounWords && (closenessWords[rest[0]] || descriptionPrepositions[rest[0]])
}

// descriptionPrepositions open a phrase that places an unnamed person:
// "an official at the agency", "a worker from Calder", "a lawyer for the
// family", or a relative clause about them ("a man who lives near the
// plant").
var descriptionPrepositions = toSet(`at in with from inside for of to who`)

// maxPhraseAfterNounWords is the most words of the phrase after a described
// person's noun (modifiesDescription): the common forms have five ("close
// to the White House"); one more for a name of three words. Chosen on
// invented text, not fitted.
const maxPhraseAfterNounWords = 6

// maxDescriptionWords is the most words after the article in a
// description notePersonDescription reads: "a senior administration
// official" (three), "a longtime local resident" (three), with one more
// for an adjective; longer subjects are clauses. Chosen on invented text,
// not fitted.
const maxDescriptionWords = 4

// descriptionDeterminers open a description of one person not named before.
var descriptionDeterminers = toSet(`a an one another`)

// personDescriptionNoun reports whether w is a noun of one person: a
// person noun or role (nounKind), an unnamed source ("official",
// "aide"), a spokesperson or lawyer, or an age ("43-year-old"). Plurals
// (groupNoun) are many people and no "he" or "she".
func personDescriptionNoun(w string) bool {
	if groupNoun(w) {
		return false
	}
	return anonymousNouns[w] && !strings.HasSuffix(w, "s") || spokesNouns[w] || representativeNouns[w] ||
		strings.HasSuffix(w, "-year-old") || nounKind(w) == "person"
}

// unnamedIn reports whether sentence k holds, before byte at, a quote of
// an unnamed person described (notePersonDescription) whose gender does
// not rule out the pronoun's (kind "male" or "female").
func (a *attributor) unnamedIn(k, at int, kind string) bool {
	for _, u := range a.unnamed {
		if u.sentence == k && u.at < at && (u.gender == "" || u.gender == kind) {
			return true
		}
	}
	return false
}

// orOpenerAfter returns who, else, for a description that speaks before
// the article names anyone ("The No. 3 Republican in the U.S. House ...
// said ... “...”. U.S. Representative Liz Cheney, ..., assailed him"), the
// person who opens the next sentence: news leads often name the speaker
// of a description in the sentence after. No person may be named before
// the description.
func (a *attributor) orOpenerAfter(who string, from int, gender string) string {
	if who != "" {
		return who
	}
	for i := 0; i < len(a.mentions) && a.mentions[i].offset < from; i++ {
		if a.mentions[i].kind == news.Person {
			return ""
		}
	}
	next := a.sentenceOf(from) + 1
	if a.opensOwnSpeech(next) {
		return "" // "... the chairman said. Ada Marsh said the driver had fled": her own words, not a name for him
	}
	return a.openerOf(next, gender)
}

// opensOwnSpeech reports whether sentence k's first mention is the subject
// of a speech verb (speechCues) of its own: such a sentence reports what
// another person said rather than naming the one described before.
func (a *attributor) opensOwnSpeech(k int) bool {
	if k < 0 || k >= len(a.sentStarts) {
		return false
	}
	start, end := a.sentenceBounds(k)
	i := a.mentionsFrom(start)
	if i >= len(a.mentions) || a.sentence[i] != k {
		return false
	}
	if a.mentions[i].end >= end {
		return false
	}
	verb, _ := mainVerb(a.t[a.mentions[i].end:end])
	return speechCues[verb]
}

// modifiesTitled reports whether mention i only modifies the title of a
// person named right after it, before hi ("said Indivisible co-founder
// Ezra Levin", "said Clinton campaign chairman John Podesta"): up to
// maxModifierWords lower-case words, the last a title, and no punctuation
// stand between the two names.
func (a *attributor) modifiesTitled(i, hi int) bool {
	if i+1 >= len(a.mentions) || a.mentions[i+1].offset >= hi || a.mentions[i+1].kind != news.Person {
		return false
	}
	between := a.t[a.mentions[i].end:a.mentions[i+1].offset]
	words := strings.Fields(between)
	if len(words) == 0 || len(words) > maxModifierWords || strings.ContainsAny(between, ",;:()“”\"") || !isTitle(words[len(words)-1]) {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) && !isTitle(w) {
			return false
		}
	}
	return true
}

// nounBeforeName returns the person the article names right after the
// lower-case noun before byte at ("comedian Ellen DeGeneres", "attorney
// Aitan Goelman"; "vice president" matches "Vice President" too), the last such before at: the one "the comedian" stands
// for. "" when no one, or two different people, are so described.
func (a *attributor) nounBeforeName(noun string, at int) string {
	who := ""
	for i := 0; i < len(a.mentions) && a.mentions[i].offset < at; i++ {
		m := a.mentions[i]
		if m.kind != news.Person || a.quoted(m.offset) {
			continue
		}
		before := strings.TrimRight(a.t[max(0, m.offset-maxNounBytes):m.offset], " ")
		if occupationWords[noun] {
			before = strings.ToLower(before) // "Comedian Ada Marsh": afterOccupation cut the noun from the name
		}
		if !endsWithWords(before, noun) &&
			!a.nounCommaName(i, noun) &&
			!strings.HasPrefix(strings.ToLower(a.t[m.offset:m.end]), noun+" ") && !appositionNoun(a.t[m.end:min(len(a.t), m.end+2*maxNounBytes)], noun) {
			continue // (a title or noun that opens a sentence may be part of the mention: "Comedian Ada Marsh")
		}
		name := a.nameOf(i)
		if len(name) > len(noun)+1 && strings.EqualFold(name[:len(noun)+1], noun+" ") {
			name = name[len(noun)+1:] // "Comedian Ada Marsh" is Ada Marsh
		}
		if who != "" && who != name {
			return ""
		}
		who = name
	}
	return who
}

// nounCommaName reports whether mention i is set off by commas right after
// noun ("Her lawyer, Tomas Brandt, spoke", "His attorney, Tomas Brandt,
// said"): the name is the noun's apposition. The comma after the name is
// required, so that "it was the lawyer, Brandt said" names no lawyer.
func (a *attributor) nounCommaName(i int, noun string) bool {
	m := a.mentions[i]
	before := strings.TrimRight(a.t[max(0, m.offset-maxNounBytes):m.offset], " ")
	before, ok := strings.CutSuffix(before, ",")
	return ok && endsWithWords(before, noun) && strings.HasPrefix(a.t[m.end:], ",")
}

// appositionNoun reports whether the text after a name, s, describes it
// with noun in apposition: a comma, "a", "an", "the", a possessive
// determiner or a name's 's, at most
// maxAppositionModifiers words and the noun (not of an organisation or a
// document) as a whole word,
// closed by punctuation or a preposition ("Ada Marsh, a comedian from
// Dover", "Tomas Brandt, the veteran stand-up comedian,", "Tomas Brandt,
// her lawyer,").
func appositionNoun(s, noun string) bool {
	rest, ok := strings.CutPrefix(s, ", ")
	if head := noun[strings.LastIndexByte(noun, ' ')+1:]; !ok || orgNouns[head] || documentNouns[head] {
		return false
	}
	words := strings.Fields(strings.ToLower(rest))
	if len(words) < 2 || !articles[words[0]] && !possessiveWords[words[0]] && !isPossessive(words[0]) {
		return false // "Tomas Brandt, her lawyer,", "Tomas Brandt, Marsh's lawyer,"
	}
	for i := 1; i < len(words) && i <= 1+maxAppositionModifiers; i++ {
		w := strings.TrimRight(words[i], ",.;:")
		if w == noun || i > 1 && words[i-1]+" "+w == noun { // or a two-word noun ("attorney general")
			return w != words[i] || i+1 == len(words) || appositionEnders[words[i+1]]
		}
		if functionWords[w] || w != words[i] {
			return false // the noun phrase ended ("a friend of the comedian", "a neighbour, the comedian")
		}
	}
	return false
}

// isPossessive reports whether word w is a name's or noun's possessive
// ("Marsh's", "Marsh’s").
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")
}

// appositionEnders may follow the noun of an apposition without a comma
// ("a comedian from Dover"); a verb there makes the noun the subject of a
// clause of its own ("Sestak, the report said", "With Tyler Shields, the
// comedian stares").
var appositionEnders = toSet(`from of at in for with who whose and or on since`)

// maxAppositionModifiers is how many words may stand between the article
// and the noun of an apposition: "the veteran stand-up comedian" has two;
// three leaves room for one more without reading into a clause.
const maxAppositionModifiers = 3

// compoundTitle reports whether "before head" is one title of two words
// ("attorney general", "prime minister", "foreign minister", "vice
// president"): a title word, a qualifier or a modifier of titles and then a
// title, "former" and "ex" excepted, as they say when, not which office.
func compoundTitle(before, head string) bool {
	if before == "" || before == "former" || before == "ex" || roleTitleOf(head) == "" {
		return false
	}
	return roleTitleOf(before) != "" || titleQualifiers[before] || titleModifiers[before]
}

// maxNounBytes is how much text before a name is read for the noun that
// describes it: a two-word title with a modifier ("former attorney general
// ") is 24 bytes; 40 leaves room for longer titles without reaching into
// the clause before.
const maxNounBytes = 40

// endsWithWords reports whether s ends with the whole words w: as written
// for one lower-case word ("dictator", not "Dictator" of a title), in any
// case for several ("Vice President" for "vice president").
func endsWithWords(s, w string) bool {
	if strings.Contains(w, " ") && len(s) >= len(w) {
		s = s[:len(s)-len(w)] + strings.ToLower(s[len(s)-len(w):])
	}
	if !strings.HasSuffix(s, w) {
		return false
	}
	rest := s[:len(s)-len(w)]
	return rest == "" || strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "\n")
}

// describedPerson resolves a description of a person ("the 43-year-old",
// "the woman") of the given gender ("" any) to the person it refers to:
// never an organisation, and, when the noun gives a gender, a person known
// to be of it or else the one who opens the sentence before ("Ivanka Trump
// ... noted the rule. ... the 34-year-old mother of three replied"). "The
// woman told the Daily News" after "a female college student" refers to
// no one named; the nearest name further back is a guess.
func (a *attributor) describedPerson(at int, gender string) string {
	who := a.antecedent(at, gender, "")
	if who == "" {
		return ""
	}
	e := a.entityNamed(who)
	if e < 0 || a.entities[e].Kind != news.Person {
		return ""
	}
	if gender == "" || a.gender[e] == gender || who == a.openerBefore(at, "") {
		return who
	}
	return ""
}

// jointSpeaker returns "A and B" for a subject that ends with two people
// joined by "and" (titles allowed): "Council Speaker Dana Holt and
// Majority Leader Omar Reyes said in a joint statement" is neither
// alone. The pair must be the whole of the subject's last clause, so that
// "Asked about Smith and Jones, Brown said" stays Brown's. "" otherwise.
func (a *attributor) jointSpeaker(subj string, from int) string {
	end := from + len(strings.TrimRight(subj, " ,"))
	var people []int
	for i := a.mentionsFrom(from); i < len(a.mentions) && a.mentions[i].offset < end; i++ {
		if m := a.mentions[i]; m.end <= end && (m.kind == news.Person || m.kind == news.Org) {
			people = append(people, i)
		}
	}
	n := len(people)
	if n < 2 {
		return ""
	}
	// The second person ends the subject; the first is the person before
	// it, past an organisation that is only part of the second's title
	// ("Dana Holt and Council Majority Leader Omar Reyes": the
	// words between are checked below).
	p := n - 2
	for p > 0 && a.mentions[people[p]].kind == news.Org && a.mentions[people[n-1]].kind == news.Person {
		p--
	}
	first, second := a.mentions[people[p]], a.mentions[people[n-1]]
	if first.kind != second.kind || possessive(a.t, second.end) {
		return "" // two people, or two organisations ("the Food Safety Authority and the Health Board said"), speak together
	}
	firstAt := people[p]
	if possessive(a.t, first.end) {
		if !onlyTitles(a.t[from+lastClauseStart(a.t[from:first.offset]) : first.offset]) {
			return "" // "Brown met Marsh's son and Tomas Brandt"
		}
		return a.possessedJoint(firstAt, people[n-1], end)
	}
	for _, w := range strings.Fields(a.t[second.end:end]) {
		if !isSubjectAdverb(w) {
			return "" // "Smith and Jones's lawyer said"
		}
	}
	var between []string // "Joe Manchin, D-W.Va., and Sen. Lisa Murkowski": the party and state tag aside
	for _, w := range strings.Fields(a.t[first.end:second.offset]) {
		if !partyStateTag(strings.Trim(w, ",")) {
			between = append(between, w)
		}
	}
	if len(between) == 0 || !strings.EqualFold(strings.TrimLeft(between[0], ","), "and") && !(between[0] == "," && len(between) > 1 && strings.EqualFold(between[1], "and")) {
		return ""
	}
	for _, w := range between[1:] {
		if lw := strings.ToLower(strings.Trim(w, ",")); lw != "and" && roleTitles[lw] == "" && !isTitle(w) && !isNameWord(w) && lw != "the" {
			return "" // "Smith and a friend of Jones"
		}
	}
	clause := from + lastClauseStart(a.t[from:first.offset])
	if !onlyTitles(a.t[clause:first.offset]) {
		return "" // "Asked about Smith and Jones, ..." is cut at the comma; "Brown met Smith and Jones" is not theirs
	}
	one, two := a.nameOf(firstAt), a.nameOf(people[n-1])
	if one == two {
		return ""
	}
	return one + " and " + two
}

// possessedJoint returns "A's <role> and B" for a subject (ending at byte
// end) of a person's possessive role joined by "and" to a person who ends
// it: "Marsh's son and Tomas Brandt said" is the son and Brandt, never
// Marsh. i is the possessor's mention, j the second person's; the role is
// possessedRoleWords'. "" for any other subject ("Marsh's campaign and
// Tomas Brandt said").
func (a *attributor) possessedJoint(i, j, end int) string {
	first, second := a.mentions[i], a.mentions[j]
	if strings.TrimSpace(a.t[second.end:end]) != "" {
		return ""
	}
	role, ok := afterPossessive(a.t, first.end, second.offset)
	if !ok {
		return ""
	}
	role, ok = strings.CutSuffix(strings.TrimRight(role, " "), " and")
	if !ok || possessedRoleWords(role) == "" {
		return ""
	}
	return a.nameOf(i) + "'s " + possessedRoleWords(role) + " and " + a.nameOf(j)
}

// phraseEnders end a description's noun phrase: a relative clause or a
// second verb follows.
var phraseEnders = toSet(`and but who which that whose was is has had will would`)

// closingName returns the person named last in s (which starts at byte
// from), after a comma and up to its end ("the Democratic leader of the
// Senate, Justin Alfond"), "" when s does not end so, or when s opens with
// a person's name (namedFirst): the name after the verb is the speaker and
// the one after the last comma belongs to a phrase about them ("said Lena
// Ortiz, who came with her aunt, Emilia Varga").
func (a *attributor) closingName(s string, from int) string {
	comma := strings.LastIndexByte(s, ',')
	if comma < 0 || a.namedFirst(s[:comma], from) {
		return ""
	}
	end := from + len(strings.TrimRight(s, " .;"))
	i := a.mentionsFrom(from + comma)
	if i >= len(a.mentions) {
		return ""
	}
	if m := a.mentions[i]; m.kind == news.Person && m.end == end && onlyTitles(a.t[from+comma+1:m.offset]) {
		return a.nameOf(i)
	}
	return ""
}

// namedFirst reports whether s (which starts at byte from, the words after
// an inverted speech verb) opens with a person's name: titles or an age
// ("18-year-old") before it, no possessive after it ("said Ada Marsh's
// lawyer, Tomas Brandt" is the lawyer's, named after the comma).
func (a *attributor) namedFirst(s string, from int) bool {
	i := a.mentionsFrom(from)
	if i >= len(a.mentions) || a.mentions[i].offset >= from+len(s) {
		return false
	}
	m := a.mentions[i]
	if m.kind != news.Person || possessive(a.t, m.end) || !modifiedAfterName(a.t[m.end:from+len(s)]) {
		return false
	}
	var lead []string
	for _, w := range strings.Fields(a.t[from:m.offset]) {
		if !strings.HasSuffix(w, "-year-old") {
			lead = append(lead, w)
		}
	}
	return onlyTitles(strings.Join(lead, " "))
}

// modifiedAfterName reports whether rest, the words after a name, are a
// phrase about that person: an apposition set off by a comma, a relative
// clause or a prepositional phrase ("from Nicaragua who came ...").
// Anything else ("and her husband, ...", "campaign manager, ...") may make
// another person the speaker and is left to the reading before.
func modifiedAfterName(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if strings.HasPrefix(rest, ",") {
		return true
	}
	return nameModifierWords[strings.ToLower(firstWordOf(rest))]
}

// nameModifierWords open a phrase that modifies the name before them.
var nameModifierWords = toSet(`who whose from of in at with`)

// personLikeOrg reports whether organisation mention i opens the subject
// that starts at byte lo, begins with a first name and is followed by a
// comma: "Mark Warner, the top Democrat".
func (a *attributor) personLikeOrg(i, lo int) bool {
	m := a.mentions[i]
	ws := strings.Fields(m.name)
	return len(ws) == 2 && isFirstName(ws[0]) && onlyTitles(a.t[lo:m.offset]) && strings.HasPrefix(strings.TrimLeft(a.t[m.end:], " "), ",")
}

// mentionsFrom returns the index of the first mention at or after byte at
// (mentions are in text order).
func (a *attributor) mentionsFrom(at int) int {
	return sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].offset >= at })
}

// entityNamed returns the index of the entity with that name, -1 if none.
func (a *attributor) entityNamed(name string) int {
	if i, ok := a.byName[name]; ok {
		return i
	}
	return -1
}

// pronoun resolves a speaker pronoun of the given gender ("male", "female",
// "org" for "it", "" for "they").
func (a *attributor) pronoun(gender string, at int) string {
	if gender == "" {
		// "they": a group the article rarely names as one speaker, unless
		// a recent sentence opens with two people ("Mr. Udall and Mr.
		// Wyden released a joint statement ... they said") or a recent
		// quote was theirs together ("'...,' Dana Holt and Omar
		// Reyes said in a statement. ... They vowed").
		if who := a.pairAntecedent(at, news.Person, news.Org); who != "" {
			return who
		}
		s := a.sentenceOf(at)
		for j := len(a.joint) - 1; j >= 0; j-- {
			if q := a.joint[j]; q.sentence <= s && q.sentence > s-pairSentences {
				return q.speakers
			}
		}
		return ""
	}
	return a.antecedent(at, gender, "")
}

// documentSpeaker returns who put out the document a subject names by a
// noun ("the statement said"): the speaker of the last quote attributed
// before at (recentSpeaker), when its sentence or the one before it names
// that document ("said in a statement", "In a statement published by ...,
// Kim promised", "tweeted ... in a joint statement. “...,” they wrote");
// a statement, announcement or release are one. Otherwise "": "the report
// read", "the indictment says", "the advertisement says" after someone
// else's quote are the document's words, not that person's (on the bench
// story files, before this check, 11 of 17 such speakers were wrong).
func (a *attributor) documentSpeaker(at int, noun string) string {
	who, in := a.recentSpeaker(at)
	if who == "" {
		return ""
	}
	// "Brandt said in a statement, ... The council then published its own
	// statement. “...,” the statement said": another's document named
	// since is the one speaking (review s11a).
	for k, last := in+1, a.sentenceOf(at); k < last; k++ {
		lo, hi := a.sentenceBounds(k)
		for _, w := range text.Words(strings.ToLower(a.t[lo:hi])) {
			if sameDocument(w, noun) {
				return ""
			}
		}
	}
	for k := max(0, in-1); k <= in; k++ {
		lo, hi := a.sentenceBounds(k)
		words := text.Words(strings.ToLower(a.t[lo:hi]))
		for i, w := range words {
			if sameDocument(w, noun) && ownDocument(words[:i]) {
				return who
			}
		}
	}
	return ""
}

// publisherOf returns who put out the document a subject names by a noun
// ("“...,” the statement said") when one of the publisherSentences
// sentences before the quote's opens with that person or organisation and
// a verb of publishing it: "Acme Advisors issued a statement Tuesday",
// "The Calder Party filed the suit in federal court". "" otherwise: the
// document's words stay no one's.
func (a *attributor) publisherOf(at int, noun string) string {
	s := a.sentenceOf(at)
	for k := s - 1; k >= 0 && k >= s-publisherSentences; k-- {
		lo, hi := a.sentenceBounds(k)
		i := a.mentionsFrom(lo)
		if i < len(a.mentions) && a.sentence[i] == k && a.opensSentence(i) && !a.quoted(a.mentions[i].offset) {
			if m := a.mentions[i]; (m.kind == news.Person || m.kind == news.Org) && publishes(text.Words(strings.ToLower(a.t[m.end:hi])), noun) {
				return a.nameOf(i)
			}
		}
		// "The city filed a complaint of its own": the nearer document
		// of that kind is the one quoted, and its publisher is not named
		// where the sentence opens (s32-qrev probes: the older one's
		// publisher had been given the words).
		if publishedIn(text.Words(strings.ToLower(a.t[lo:hi])), noun) {
			return ""
		}
	}
	return ""
}

// publishedIn reports whether words, a sentence's, hold a verb of
// publishing the document noun anywhere (publishes at each word).
func publishedIn(words []string, noun string) bool {
	for v := range words {
		if publishingVerbs[words[v]] && publishes(words[v:], noun) {
			return true
		}
	}
	return false
}

// publisherSentences is how far back publisherOf looks: the document is
// put out in the sentence before its words are quoted, or the one before
// that (an aside between).
const publisherSentences = 2

// publishingVerbs put out a document.
var publishingVerbs = toSet(`issued issues released releases filed files published publishes posted posts sent sends put`)

// publishes reports whether words, those after a name that opens a
// sentence, are a verb of publishing (publishingVerbs; "put out"; an
// adverb before it) and, within maxPublishedWords words after it, the
// document noun (sameDocument): "issued a statement", "filed the civil
// suit", "released its annual report".
func publishes(words []string, noun string) bool {
	v := 0
	for v < len(words) && isSubjectAdverb(words[v]) {
		v++
	}
	if v >= len(words) || !publishingVerbs[words[v]] {
		return false
	}
	if words[v] == "put" && (v+1 >= len(words) || words[v+1] != "out") {
		return false
	}
	for _, w := range words[v+1 : min(len(words), v+1+maxPublishedWords)] {
		if sameDocument(w, noun) {
			return true
		}
	}
	return false
}

// maxPublishedWords is how many words after the verb the document noun
// may come: "out", an article or possessive and two modifiers ("put out
// its own written statement": 5).
const maxPublishedWords = 5

// sameDocument reports whether word w names the document noun names.
func sameDocument(w, noun string) bool {
	return w == noun || statementNouns[w] && statementNouns[noun]
}

// ownDocument reports whether the words before a document noun make it
// the speaker's own: "said in a statement", "in a joint statement", "his
// statement"; not "reacting to a statement from the council" (review
// s11a).
func ownDocument(before []string) bool {
	n := len(before)
	if n >= 1 && possessivePronouns[before[n-1]] {
		return true
	}
	if n >= 3 && (before[n-2] == "a" || before[n-2] == "an") && before[n-3] == "in" {
		return true // "in a joint statement", "in a written statement"
	}
	return n >= 2 && (before[n-1] == "a" || before[n-1] == "an") && before[n-2] == "in"
}

// possessivePronouns own the noun after them.
var possessivePronouns = toSet(`his her their its our`)

// statementNouns name one kind of document: what was announced.
var statementNouns = toSet(`statement statements announcement release`)

// ownedNoun reports whether a description's words name an owner before
// its noun ("the Intelligence Committee Republicans’ letter"): whose it is
// is then said there, not by the quotes before.
func ownedNoun(words []string) bool {
	for _, w := range words[:len(words)-1] {
		if isPossessive(w) || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
			return true
		}
	}
	return false
}

// sentenceBounds returns where sentence k starts and ends.
func (a *attributor) sentenceBounds(k int) (int, int) {
	hi := len(a.t)
	if k+1 < len(a.sentStarts) {
		hi = a.sentStarts[k+1]
	}
	return a.sentStarts[k], hi
}

// recentSpeaker returns the speaker of the last quote attributed before
// at, one person or "A and B" together, and its sentence, when it is in
// at's sentence or one of the pairSentences before; "", -1 otherwise.
func (a *attributor) recentSpeaker(at int) (string, int) {
	s := a.sentenceOf(at)
	who, in := "", -1
	if n := len(a.spoken); n > 0 && a.spoken[n-1].at < at {
		who, in = a.entities[a.spoken[n-1].entity].Name, a.spoken[n-1].sentence
	}
	if n := len(a.joint); n > 0 && a.joint[n-1].sentence >= in && a.joint[n-1].sentence <= s {
		who, in = a.joint[n-1].speakers, a.joint[n-1].sentence
	}
	if in < 0 || in <= s-pairSentences {
		return "", -1
	}
	return who, in
}

// pairAntecedent returns "A and B" when one of the sentences just before
// at (or its own) opens with two names of one of kinds joined by "and",
// "" otherwise. "they" takes two people, else two organisations ("Acme
// Corp and Velocore Systems will merge. They said in a joint statement");
// "the couple", "both men" only people.
func (a *attributor) pairAntecedent(at int, kinds ...news.EntityKind) string {
	s := a.sentenceOf(at)
	for k := s; k >= 0 && k > s-pairSentences; k-- {
		for _, kind := range kinds {
			if who := a.pairOpening(k, at, kind); who != "" {
				return who
			}
		}
	}
	return ""
}

// pairOpening returns the two names of one kind that open sentence k
// joined by "and" (jointSpeaker), mentions before at only; "" otherwise.
func (a *attributor) pairOpening(k, at int, kind news.EntityKind) string {
	var pair []int
	for i := a.mentionsFrom(a.sentStarts[k]); i < len(a.mentions) && a.sentence[i] == k && a.mentions[i].offset < at && len(pair) < 2; i++ {
		if a.mentions[i].kind == kind && !a.quoted(a.mentions[i].offset) {
			pair = append(pair, i)
		}
	}
	if len(pair) < 2 || !a.opensSentence(pair[0]) {
		return ""
	}
	one, two := a.mentions[pair[0]], a.mentions[pair[1]]
	return a.jointSpeaker(a.t[one.offset:two.end], one.offset)
}

// pairSentences is how far back "they" looks for the two people it stands
// for: a joint statement is quoted in the next sentence or two.
const pairSentences = 3

// pronounBeforeVerb reports whether the last word of a subject (its words
// after the last comma, an adverb such as "also" aside) is a speaker
// pronoun, and which gender it gives.
func pronounBeforeVerb(subj string) (string, bool) {
	words := strings.Fields(strings.ToLower(subj))
	for len(words) > 0 && isSubjectAdverb(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return "", false
	}
	last := words[len(words)-1]
	if strings.HasSuffix(last, ",") {
		return "", false // "Trump, he said, ..." is rare; the comma ends another clause
	}
	if pronounContraction(last) {
		last = contractionStem(last) // "he’s claiming": "he"
	}
	g, ok := speakerPronouns[last]
	return g, ok
}

// lastSubjectWord is the last word of a subject, adverbs such as "also"
// aside.
func lastSubjectWord(subj string) string {
	words := strings.Fields(subj)
	for len(words) > 0 && isSubjectAdverb(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// headBeforeVerb is the last word of a subject with a trailing place
// phrase set aside ("an alleged poll in Wyoming" gives "poll").
func (a *attributor) headBeforeVerb(subj string, from int) string {
	words := strings.Fields(subj)
	// Drop "in/of/at/from <place>" at the end when the place is a mention.
	if n := len(words); n >= 3 {
		prep := strings.ToLower(words[n-2])
		if prep == "in" || prep == "of" || prep == "at" || prep == "from" {
			end := from + len(strings.TrimRight(subj, " "))
			if a.kindIn(end-len(words[n-1]), end, news.Place) {
				return words[n-3]
			}
		}
	}
	return lastSubjectWord(subj)
}

// lastClauseStart is where the last clause of a subject begins: after its
// last comma, or after "that", "and", "but", "when", "after" ("after an
// alleged poll in Wyoming").
func lastClauseStart(subj string) int {
	best := strings.LastIndexByte(subj, ',') + 1
	for _, w := range []string{" that ", " and ", " but ", " when ", " after ", " before ", " as ", " while "} {
		if i := strings.LastIndex(subj, w); i >= 0 && i+len(w) > best {
			best = i + len(w)
		}
	}
	return best
}

// isSubjectAdverb reports whether a word between a subject and its verb
// is an adverb: those listed, and words in -ly ("reportedly", "publicly").
func isSubjectAdverb(w string) bool {
	lw := strings.ToLower(strings.Trim(w, ","))
	return subjectAdverbs[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ly") && !strings.HasSuffix(w, ",")
}

// subjectAdverbs may stand between a subject and its speech verb.
var subjectAdverbs = toSet(`also later then again once previously earlier recently repeatedly often has had have would
will just still never`)

// bareName returns a subject that is nothing but a name of one to three
// capitalised words (titles cut), and "" otherwise.
func bareName(subj string) string {
	words := strings.Fields(strings.Trim(subj, " ,;:—–-"))
	for len(words) > 1 && (isTitle(words[0]) || strings.EqualFold(words[0], "the")) {
		words = words[1:] // "Mr.", "the Times"
	}
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		if !isNameWord(w) || !isLetters(w) || functionWords[strings.ToLower(w)] || isTitle(w) || calendarWords[strings.ToLower(w)] {
			return ""
		}
	}
	return strings.Join(words, " ")
}

// bareSpeaker is bareName, given as the person of that surname the article
// names in full when there is one ("Gibbs" is Robert Gibbs): the one named
// in full most often; on a tie the one whose name has more words ("Beto
// O’Rourke" over "O’Rourke", which nameWords also reads as two), then the
// one named first. The people are visited in that fixed order, never in the
// map's, so the answer is the same on every run.
func (a *attributor) bareSpeaker(subj string) string {
	who := bareName(subj)
	if who == "" {
		who = a.calendarSurname(subj)
	}
	if ws := nameWords(who); len(ws) == 1 {
		best, bestJS := "", []int(nil)
		for _, js := range a.full[ws[0]] {
			if bestJS == nil || a.namedInFullBefore(js, bestJS) {
				best, bestJS = a.entities[a.entityOf[js[0]]].Name, js
			}
		}
		if best != "" {
			return best
		}
	}
	return who
}

// calendarSurname is a subject of one capitalised word that is a month's
// name ("May", "June") or a title ("King", "Bishop", "Major"), which
// bareName refuses, when the article names a person in full with it as the
// surname ("Theresa May ... Speaking in Downing Street, May said"; "Walter
// King ... King said"): that person's full name, the first the article
// names so (the surname index skips such words). "" otherwise ("In May"
// names no one; "the King said" is two words). Titles since session 37
// (s37-quote2): ecbplus_dev had 3 quotes of a team's general manager named
// King with no speaker.
func (a *attributor) calendarSurname(subj string) string {
	words := strings.Fields(strings.Trim(subj, " ,;:—–-"))
	if len(words) != 1 || !isNameWord(words[0]) || !calendarWords[strings.ToLower(words[0])] && !isTitle(words[0]) {
		return ""
	}
	for _, e := range a.entities {
		if f := strings.Fields(e.Name); e.Kind == news.Person && len(f) > 1 && f[len(f)-1] == words[0] {
			return e.Name // the first so named
		}
	}
	return ""
}

// namedInFullBefore orders two people of one surname, given by their
// full-name mentions, for bareSpeaker: more mentions first, then more name
// words, then the earlier first mention (mention indices are unique, so two
// different people are never equal).
func (a *attributor) namedInFullBefore(js, ks []int) bool {
	if len(js) != len(ks) {
		return len(js) > len(ks)
	}
	jw, kw := len(nameWords(a.mentions[js[0]].name)), len(nameWords(a.mentions[ks[0]].name))
	if jw != kw {
		return jw > kw
	}
	return js[0] < ks[0]
}

// coordinatedWith returns the person mention joined to mention i by "and"
// in its sentence, with nothing between but titles ("Mr. Brandt and
// Governor Alma Reyes"), before at; or -1.
func (a *attributor) coordinatedWith(i, at int) int {
	j := i + 1
	if j >= len(a.mentions) || a.sentence[j] != a.sentence[i] || a.mentions[j].kind != news.Person ||
		a.mentions[j].offset >= at || a.quoted(a.mentions[j].offset) || a.mentions[j].offset < a.mentions[i].end {
		return -1
	}
	words := strings.Fields(a.t[a.mentions[i].end:a.mentions[j].offset])
	if len(words) == 0 || words[0] != "and" {
		return -1
	}
	for _, w := range words[1:] {
		if !isTitle(w) {
			return -1
		}
	}
	return j
}

// nameOf is the fullest name of mention i's entity.
func (a *attributor) nameOf(i int) string {
	m := a.mentions[i]
	if m.kind == news.Person && len(nameWords(m.name)) == 1 {
		// A surname alone is the last person of that surname named before
		// ("Liz Cheney ... Ms. Cheney"), else the first after.
		if j := a.full.fullNameFor(a.mentions, i); j >= 0 {
			return a.entities[a.entityOf[j]].Name
		}
	}
	return a.entities[a.entityOf[i]].Name
}

// antecedent finds what a pronoun or description refers to: a person (kind
// "" or a gender, "male" or "female") or an organisation (kind "org"),
// named before at, not in someone's quoted words, of the right gender and,
// when title is given, with that title or role. People are looked for as
// the subjects of the sentences before, the nearest first (the first person
// a sentence names, "Scott joked that Trump ranks fourth" gives Scott),
// within antecedentSentences; then as any person named before.
func (a *attributor) antecedent(at int, kind, title string) string {
	fits := func(i int) bool {
		m := a.mentions[i]
		e := a.entityOf[i]
		if m.offset >= at || a.quoted(m.offset) {
			return false
		}
		if kind == "org" {
			return m.kind == news.Org && (title == "" || orgMatchesNoun(a.entities[e].Name, title))
		}
		return m.kind == news.Person && (kind == "" || a.gender[e] == "" || a.gender[e] == kind) &&
			(title == "" || a.titles[e][title])
	}
	if kind != "org" && title == "" {
		s := a.sentenceOf(at)
		for k := s; k >= 0 && k > s-antecedentSentences; k-- {
			if who := a.spokesAntecedent(k, at, kind); who != "" && kind != "" {
				return who // "“...,” a spokesman for Brandt said. He added"
			}
			// The speaker of a quote in that sentence ("...," Cruz said)
			// is who the sentence is about.
			for j := len(a.spoken) - 1; j >= 0; j-- {
				if sp := a.spoken[j]; sp.sentence == k && sp.at < at && a.entities[sp.entity].Kind == news.Person && !a.quoteInDashPair(sp.at) &&
					(kind == "" || a.gender[sp.entity] == "" || a.gender[sp.entity] == kind) {
					return a.entities[sp.entity].Name
				}
			}
			// "Senators A, B and C would have kept it, said Tomas
			// Brandt, a consultant. “...,” he said": a sentence that
			// reports someone's words with the verb before or after
			// them at its end is about that speaker, not the names
			// that open it. Only for a quote that opens its sentence
			// (its attribution after it): "He said the deal was “...”"
			// after such a sentence is as often about the person the
			// reported words were about (a first version for every
			// pronoun lost one polnear held mixed quote, 106 -> 105).
			if k < s && a.opensOwnSentence(at) {
				if i := a.closingReporter(k, at); i >= 0 && fits(i) && kind != "" && a.gender[a.entityOf[i]] == kind {
					return a.nameOf(i)
				}
			}
			// "“...,” an official said. “...,” he added": the sentence
			// before (or the pronoun's own) whose quote an unnamed
			// person described spoke is about that person, not the one
			// named before it. Only that near: a sentence further back
			// has been passed over for subjects the search could not
			// read (duc2003: a spokeswoman named in apposition), not for
			// the unnamed person.
			if kind != "" && k >= s-1 && a.unnamedIn(k, at, kind) {
				return ""
			}
			// "“...,” the judge said. “...,” he added": a sentence
			// whose description speaker was refused the defendant
			// (unlessOtherParty) is about that unnamed speaker, not the
			// person named before it.
			if kind != "" && a.refusedIn(k, at) {
				return ""
			}
			// "The governor said that Mr. Trump was wrong. 'X,' he
			// said": a sentence whose subject is a description is about
			// the person described, not the names after it.
			if k < s {
				if who, ok := a.describedSubject(k, kind); ok {
					return who
				}
			}
			first := -1
			for i := a.mentionsFrom(a.sentStarts[k]); i < len(a.mentions) && a.sentence[i] == k; i++ {
				// "Asked about Tlaib’s language, Pelosi said": a name with
				// 's is what the sentence is about, not who acts in it.
				// "Saying President Obama, he said": a name after a
				// participle or a preposition is an object.
				// In the quote's own sentence only the name that opens its
				// main clause is its subject, the ones before it being in an
				// introductory phrase ("After reports about his lawyer,
				// Michael D. Cohen, Mr. Trump appeared ...").
				if m := a.mentions[i]; m.kind == news.Person && m.offset < at && !a.quoted(m.offset) && !possessive(a.t, m.end) && !a.objectAt(i) &&
					!a.inDashPair(m) && (k < s || a.opensMainClause(i)) {
					first = i
					// "Trump campaign spokesman Jason Miller told": a
					// name that modifies a description is not its subject.
					if i+1 < len(a.mentions) && a.mentions[i+1].kind == news.Person && a.mentions[i+1].offset < at && a.describesNext(i) {
						first = i + 1
					}
					break
				}
			}
			// "Mr. Trump's desire ... was on display when he identified
			// ...": in the pronoun's own sentence, or one before ("Mr.
			// Trump's comments suggested he backed that effort. "...," he
			// said"), with no subject named before it, the person whose 's
			// opens the sentence is who it is about.
			if first < 0 {
				if i := a.openingPossessor(k, at); i >= 0 && fits(i) {
					return a.nameOf(i)
				}
			}
			// "Saying President Obama, he said" is not Obama.
			// A sentence whose subject is itself a pronoun ("But he also
			// said that Mr. Moore ...") is about the same person as the
			// pronoun asked about: look further back.
			// A pronoun in an introductory clause before the subject
			// ("As he did in the debate, Spitzer replied") is that
			// subject's: it opens the main clause. Not when the main
			// clause has an object pronoun of that gender ("As far as she
			// is concerned, Slepian gave her a chance": she is someone
			// else, named before).
			if first >= 0 && k < s && !a.opensSentence(first) && (!a.opensMainClause(first) || a.objectPronounAfter(first, kind)) &&
				a.pronounBefore(first, kind) {
				continue
			}
			if first >= 0 && (k < s || a.opensMainClause(first)) && fits(first) {
				return a.nameOf(first)
			}
			// "Mayor Tomas Brandt and Governor Alma Reyes ... She was
			// the first": a subject of two people joined by "and" is
			// about either; the one of the pronoun's gender when the first
			// is not.
			if first >= 0 && k < s && kind != "" {
				if j := a.coordinatedWith(first, at); j >= 0 && fits(j) {
					return a.nameOf(j)
				}
			}
		}
		// No one of that gender opens a recent sentence: the speaker of
		// the quotes before ("he said" after "he said").
		if a.lastSpeaker >= 0 && a.entities[a.lastSpeaker].Kind == news.Person &&
			(kind == "" || a.gender[a.lastSpeaker] == "" || a.gender[a.lastSpeaker] == kind) {
			return a.entities[a.lastSpeaker].Name
		}
	}
	// Else the nearest fitting name, within the sentences a reader keeps
	// in mind: a name from paragraphs back is more often wrong than right.
	// "It said" stands for an organisation only where one is the subject
	// of a recent sentence: "it" is as often a website, a report or a
	// bill, which speak for no one named.
	far := a.sentenceOf(at) - antecedentSentences
	if kind == "org" && companyTitle(title) {
		// "The software company Arvento sued the chip maker Delmont ...
		// 'the company said'": of the companies in view, the one that
		// acts (opens its sentence or main clause) before one only
		// named in another's sentence (s38-srev's probes).
		for i := a.mentionsFrom(at) - 1; i >= 0 && a.sentence[i] > far; i-- {
			if fits(i) && (a.opensSentence(i) || a.opensMainClause(i) || a.describedOpener(i)) {
				return a.nameOf(i)
			}
		}
	}
	for i := a.mentionsFrom(at) - 1; i >= 0 && a.sentence[i] > far; i-- {
		if fits(i) && (kind != "org" || title != "" && !a.subjectOnly(i, title) || a.opensSentence(i) ||
			subjectDescription(title) && a.opensMainClause(i)) {
			return a.nameOf(i)
		}
	}
	return ""
}

// closingReporter returns the mention of the person a closing attribution
// of sentence k names, for reported speech with no quote marks: "...,
// said Tomas Brandt, a consultant." or "..., Tomas Brandt said." (titles
// may come before the name, an apposition after it); -1 when the sentence
// does not end so, or the name is quoted or after byte at.
func (a *attributor) closingReporter(k, at int) int {
	lo, hi := a.sentenceBounds(k)
	hi = min(hi, at)
	for i := a.mentionsFrom(lo); i < len(a.mentions) && a.mentions[i].end <= hi; i++ {
		m := a.mentions[i]
		before := a.t[lo:m.offset]
		c := strings.LastIndexByte(before, ',')
		if m.kind != news.Person || a.quoted(m.offset) || c < 0 || possessive(a.t, m.end) {
			continue
		}
		lead := strings.Fields(before[c+1:])
		after := strings.TrimSpace(a.t[m.end:hi])
		switch {
		case len(lead) > 0 && speechCues[strings.ToLower(lead[0])] && onlyTitles(strings.Join(lead[1:], " ")):
			// ", said Tomas Brandt" and then the sentence's end or an
			// apposition.
			if sentenceClosed(after) || strings.HasPrefix(after, ",") {
				return i
			}
		case onlyTitles(strings.Join(lead, " ")):
			// ", Tomas Brandt said."
			if w := strings.Fields(after); len(w) == 1 && speechCues[strings.ToLower(strings.TrimRight(w[0], "."))] && sentenceClosed(strings.TrimLeft(w[0], "abcdefghijklmnopqrstuvwxyz")) {
				return i
			}
		}
	}
	return -1
}

// opensOwnSentence reports whether the sentence holding byte at (a quote's
// start or end) opens with a quote mark: a direct quote whose attribution
// follows it.
func (a *attributor) opensOwnSentence(at int) bool {
	lo, _ := a.sentenceBounds(a.sentenceOf(at))
	before := strings.TrimSpace(a.t[lo:min(at, len(a.t))])
	return strings.HasPrefix(before, "“") || strings.HasPrefix(before, "\"") || strings.HasPrefix(before, "``")
}

// sentenceClosed reports whether s, the rest of a sentence, is only its
// final punctuation.
func sentenceClosed(s string) bool {
	return s == "" || s == "." || s == "!" || s == "?"
}

// openingPossessor returns the mention of the person whose name, with 's,
// opens sentence k before byte at ("Mr. Trump's desire ..."), -1 when none
// does or what the name has is a person ("Donald Trump's vice president
// posted ... in which he": the vice president).
func (a *attributor) openingPossessor(k, at int) int {
	i := a.mentionsFrom(a.sentStarts[k])
	if i >= len(a.mentions) || a.sentence[i] != k || a.mentions[i].offset >= at {
		return -1
	}
	m := a.mentions[i]
	if m.kind != news.Person || a.quoted(m.offset) || !possessive(a.t, m.end) || !a.opensSentence(i) {
		return -1
	}
	if owned := strings.Fields(a.t[m.end:min(at, m.end+possessedSpan)]); len(owned) > 1 && hasPersonNoun(owned[1:min(len(owned), 4)]) {
		return -1
	}
	return i
}

// possessedSpan is how many bytes after a possessive name are read for
// what it has: enough for "'s" and three words ("’s former campaign
// chairman": about 30 bytes) with room for longer words. Measured: 32,
// 48 and 80 give the same polnear tune 86/92, held 72/79 and the same
// speakers on BASIL, newswcl50 and AllSides val.
const possessedSpan = 48

// openerBefore returns the person who opens the sentence before the one at
// byte at (titles aside), "" when none does or when that person is known
// to be of another gender than gender ("male", "female"; "" any).
func (a *attributor) openerBefore(at int, gender string) string {
	return a.openerOf(a.sentenceOf(at)-1, gender)
}

// openerOf returns the person who opens sentence k as its subject (see
// openerBefore), "" when none or k is no sentence.
func (a *attributor) openerOf(k int, gender string) string {
	if k < 0 || k >= len(a.sentStarts) {
		return ""
	}
	i := a.mentionsFrom(a.sentStarts[k])
	if i >= len(a.mentions) || a.sentence[i] != k || !a.opensSentence(i) {
		return ""
	}
	// "California Rep. Ed Royce questioned": a place and then a title
	// before the name say where the person is from.
	if a.mentions[i].kind == news.Place && i+1 < len(a.mentions) && a.sentence[i+1] == k {
		if between := a.t[a.mentions[i].end:a.mentions[i+1].offset]; strings.TrimSpace(between) != "" && onlyTitles(between) {
			i++
		}
	}
	if a.mentions[i].kind != news.Person || a.quoted(a.mentions[i].offset) {
		return ""
	}
	who := a.nameOf(i)
	if e := a.entityNamed(who); gender != "" && e >= 0 && a.gender[e] != "" && a.gender[e] != gender {
		return "" // "Tomas Brandt, the mayor, opened ... “...,” the actress said"
	}
	return who
}

// describedSubject reads sentence k's subject when it is a description of a
// person ("The Republican nominee", "The 34-year-old mother", "The official")
// rather than a name. ok reports that it is one whose gender does not rule
// out the pronoun's (kind: "male", "female" or "" for any); who is the person
// it describes: the one the article gives that title ("the senator"), else
// the person of that gender named before, or "" when the description names
// someone the article leaves unnamed ("the official") or no one fits: a
// pronoun for an unnamed person has no speaker rather than a wrong one.
func (a *attributor) describedSubject(k int, kind string) (who string, ok bool) {
	end := len(a.t)
	if k+1 < len(a.sentStarts) {
		end = a.sentStarts[k+1]
	}
	words := strings.Fields(a.t[a.sentStarts[k]:end])
	if len(words) < 3 || words[0] != "The" {
		return "", false
	}
	// The head noun is within the first four words after "The", past
	// adjectives and names of parties or states ("The former vice
	// president", "The Indiana governor"); a possessive is a modifier
	// ("The president's spokesman"). The word after the head must end the
	// noun phrase (a comma, an adverb, an auxiliary, a speech verb or a
	// verb in -ed or -s): "The Republican effort" describes no one.
	head, next := "", len(words)
	for j := 1; j < min(len(words), 5); j++ {
		w := words[j]
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
			continue
		}
		lw = strings.Trim(lw, ",.;:")
		if roleTitleOf(lw) != "" || personNouns[lw] || anonymousNouns[lw] || strings.HasSuffix(lw, "-year-old") {
			head, next = lw, j+1
			if strings.HasSuffix(w, ",") {
				break
			}
			continue // "The former vice president": the last noun of the run
		}
		if head != "" || strings.HasSuffix(w, ",") || phraseEnders[lw] || speechCues[lw] || objectMarkers[lw] {
			break
		}
	}
	if head == "" || next >= len(words) {
		return "", false
	}
	if strings.HasSuffix(words[next-1], ",") {
		return "", false // "The center's president, Cathi Herrod, has": the name set off by commas is the subject
	}
	if nw := strings.ToLower(words[next]); !(isSubjectAdverb(nw) || phraseEnders[nw] || speechCues[nw] ||
		strings.HasSuffix(nw, "ed") || strings.HasSuffix(nw, "s") && !strings.HasSuffix(nw, "ss")) {
		return "", false
	}
	if head == "" || groupNoun(head) {
		return "", false
	}
	if g := describedGender(head); g != "" && kind != "" && g != kind {
		return "", false // "The congresswoman said ... he said": someone else
	}
	at := a.sentStarts[k]
	switch {
	case anonymousNouns[head]:
		return "", true
	case roleTitleOf(head) != "":
		who = a.antecedent(at, "", roleTitleOf(head))
	default:
		who = a.antecedent(at, describedGender(head), "")
	}
	if who == "" {
		// No one the article gives that title: the names of the
		// sentence decide as before ("The president addressed ..." in an
		// article that never writes "President Trump").
		return "", false
	}
	if e := a.entityNamed(who); e >= 0 && kind != "" && a.gender[e] != "" && a.gender[e] != kind {
		return "", false
	}
	return who, true
}

// describesNext reports whether mention i modifies a description of the
// person named next: one to three lower-case words between them, the last a
// role or a person noun ("Trump campaign spokesman Jason Miller", "Clinton
// adviser Jake Sullivan").
func (a *attributor) describesNext(i int) bool {
	words := modifierWords(a.t[a.mentions[i].end:a.mentions[i+1].offset])
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	return roleTitleOf(last) != "" || personNouns[last] || anonymousNouns[last]
}

// describedGender is the gender a description's noun implies, or "".
func describedGender(noun string) string {
	switch noun {
	case "congressman", "spokesman":
		return "male"
	case "congresswoman", "spokeswoman", "chairwoman":
		return "female"
	}
	return genderOfNoun(noun)
}

// pronounBefore reports whether a speaker pronoun of the given gender ("" any
// person) stands between the start of mention i's sentence and the mention.
func (a *attributor) pronounBefore(i int, gender string) bool {
	for _, w := range strings.Fields(strings.ToLower(a.t[a.sentStarts[a.sentence[i]]:a.mentions[i].offset])) {
		if g, ok := speakerPronouns[strings.Trim(w, ",“\"")]; ok && g != "org" && g != "" && (gender == "" || g == gender) {
			return true
		}
	}
	return false
}

// objectPronounAfter reports whether "him" (gender "male") or "her"
// ("female") stands after mention i in its sentence; any of them for "".
func (a *attributor) objectPronounAfter(i int, gender string) bool {
	_, end := a.sentenceBounds(a.sentence[i])
	for _, w := range strings.Fields(strings.ToLower(a.t[a.mentions[i].end:end])) {
		w = strings.Trim(w, ",.;:“”\"")
		if w == "him" && gender != "female" || w == "her" && gender != "male" {
			return true
		}
	}
	return false
}

// relativeAt reports whether mention i opens a relative clause set off by
// commas within the subject from..end ("the allegations, which The
// Washington Post first reported, telling"): "which", "who", "whom" or
// "that" right before it, "the" and titles aside, and a comma after it. "To
// which Duncan replied" has no comma: Duncan is the subject. closed says
// the subject was cut at a comma already (the subject of a verb in -ing).
func (a *attributor) relativeAt(i, from, end int, closed bool) bool {
	if m := a.mentions[i]; !closed && (m.end >= end || !strings.Contains(a.t[m.end:end], ",")) {
		return false
	}
	words := strings.Fields(a.t[from:a.mentions[i].offset])
	for len(words) > 0 && (isTitle(words[len(words)-1]) || strings.EqualFold(words[len(words)-1], "the")) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[len(words)-1]) {
	case "which", "who", "whom", "that":
		return true
	}
	return false
}

// inDashAside reports whether mention m stands in an aside set off by
// dashes within the subject from..end ("looping the streets - where the
// Charlotte Panthers played - while chanting"): an odd number of dashes
// before it and one after it, and the text between them more than a name
// and its titles. Like a relative clause, an aside tells about someone
// other than the subject; a dash pair round only a name is an apposition
// of the subject ("Her lawyer - Tomas Brandt - said").
func inDashAside(t string, from, end int, m mention) bool {
	if m.end > end {
		return false
	}
	words, ok := dashPairWords(t, from, end, m)
	return ok && isAside(words)
}

// dashPairWords returns the words between the dashes round mention m
// within lo..hi, the name standing as "Name" among them so that an article
// before it is not read as one before the word after it, and whether an
// odd number of dashes stands before m and one after it. A dateline's dash
// ("DES MOINES – Hillary Rodham Clinton said") opens no pair.
func dashPairWords(t string, lo, hi int, m mention) ([]string, bool) {
	lo += datelineEnd(t[lo:m.offset])
	if dashCount(t[lo:m.offset])%2 != 1 || dashCount(t[m.end:hi]) == 0 {
		return nil, false
	}
	return strings.Fields(t[lastDash(t[:m.offset], lo):m.offset] + " Name " + t[m.end:m.end+firstDash(t[m.end:hi])]), true
}

// inDashPair reports whether mention m stands in an aside between two
// dashes of its sentence ("Asked about Tlaib's language ― the
// congresswoman vowed to "...," referring to Trump ― Pelosi said"): the
// text between them is an aside (isAside) or holds a quote. A dash pair
// round only a name, its titles or a noun phrase is an apposition of the
// subject ("His lawyer — Tomas Brandt — spoke"), who stays the antecedent
// (review s8b: every name between dashes had been skipped).
func (a *attributor) inDashPair(m mention) bool {
	lo, hi := a.sentenceSpan(m.offset)
	words, ok := dashPairWords(a.t, lo, hi, m)
	return ok && (isAside(words) || strings.ContainsAny(strings.Join(words, " "), quoteChars))
}

// quoteInDashPair reports whether byte at, where a quote starts, stands
// between two dashes of its sentence: a quote there is an aside, not what
// the sentence is about.
func (a *attributor) quoteInDashPair(at int) bool {
	lo, hi := a.sentenceSpan(at)
	_, ok := dashPairWords(a.t, lo, hi, mention{offset: at, end: at})
	return ok
}

// quoteChars are the quotation marks that show a quote in a text.
const quoteChars = "“”\"«»„`"

// sentenceSpan returns the start and end of the sentence holding byte at.
func (a *attributor) sentenceSpan(at int) (int, int) {
	return a.sentenceBounds(a.sentenceOf(at))
}

// datelineAgency reports whether mention m is the news agency of a
// dateline ("DOVER, Del. (AP) — Some of them called out “...”",
// datelineParenthesis). The agency files the story; it is no subject of
// the sentence (s32-qrev: since session 32 the agency is an entity and had
// become the speaker of an unnamed subject's words).
func (a *attributor) datelineAgency(m mention) bool {
	return datelineParenthesis(a.t, m.offset, m.end)
}

// afterDatelineAgency returns where the words after a dateline's agency
// and its dash start in subj (which starts at byte from), 0 when no
// agency of a dateline (datelineAgency) stands in it.
func (a *attributor) afterDatelineAgency(subj string, from int) int {
	for i := a.mentionsFrom(from); i < len(a.mentions) && a.mentions[i].end < from+len(subj); i++ {
		if m := a.mentions[i]; a.datelineAgency(m) {
			rest := strings.TrimLeft(a.t[m.end+1:from+len(subj)], " ")
			for _, d := range append([]string{"_"}, dashMarks...) {
				if d = strings.TrimSpace(d); strings.HasPrefix(rest, d) {
					return len(subj) - len(rest) + len(d)
				}
			}
		}
	}
	return 0
}

// datelineEnd returns where the words after a dateline start ("DES MOINES
// – Hillary Rodham Clinton on Sunday urged"): after the first dash when
// only capitals, spaces, commas and periods stand before it; 0 otherwise.
func datelineEnd(s string) int {
	for _, d := range dashMarks {
		if i := strings.Index(s, d); i > 0 && strings.ToUpper(s[:i]) == s[:i] && strings.IndexFunc(s[:i], unicode.IsUpper) >= 0 {
			return i + len(d)
		}
	}
	return 0
}

// isAside reports whether the words between two dashes make an aside, not
// an apposition of the subject: they open with a relative word, a
// preposition or "including" ("- where the Rovers played -", "- including
// Tomas Brandt -"), or hold a verb (a lower-case -ed word not after an
// article, a speech cue: "- the Rovers played Brandt's Harriers -"). A name
// with its titles, an age or a noun phrase ("- the veteran attorney Tomas
// Brandt -", "- Tomas Brandt, 45, -", "- Tomas Brandt, a former judge -")
// is the subject told again (review s7b: any word but a name had made them
// asides).
func isAside(words []string) bool {
	if len(words) == 0 {
		return false
	}
	first := strings.ToLower(strings.Trim(words[0], ",."))
	if asideOpeners[first] || objectMarkers[first] {
		return true
	}
	for i, w := range words {
		lw := strings.Trim(w, ",.")
		if lw == "" || !unicode.IsLower([]rune(lw)[0]) {
			continue
		}
		if i > 0 && strings.HasSuffix(words[i-1], ",") && (lw == "who" || lw == "whose" || lw == "whom") {
			return false // "Tomas Brandt, who once served as a judge": the name's own clause, not an aside
		}
		if speechCues[lw] || strings.HasSuffix(lw, "ed") && (i == 0 || !articles[strings.ToLower(words[i-1])]) {
			return true
		}
	}
	return false
}

// asideOpeners are the words that open a clause about someone else:
// relative words, "including" and the conjunctions that open a clause of
// its own ("— as it did President Bill Clinton in the 1990s —", a BASIL
// page that the apposition fix of review s8b had otherwise given to
// Clinton).
var asideOpeners = toSet(`where who whom whose which when while including as if because although though since unless`)

// articles are the words after which an -ed word describes a noun ("a
// retired judge"), no verb.
var articles = toSet(`a an the`)

// dashMarks are the dashes dashCount counts.
var dashMarks = []string{" - ", " – ", "--", "—", "―"}

// lastDash is the offset in s just after its last dash at or after from.
func lastDash(s string, from int) int {
	at := from
	for _, d := range dashMarks {
		if i := strings.LastIndex(s[from:], d); i >= 0 && from+i+len(d) > at {
			at = from + i + len(d)
		}
	}
	return at
}

// firstDash is the offset of the first dash in s, len(s) when none.
func firstDash(s string) int {
	at := len(s)
	for _, d := range dashMarks {
		if i := strings.Index(s, d); i >= 0 && i < at {
			at = i
		}
	}
	return at
}

// dashCount counts the dashes that set off an aside: a hyphen or an en
// dash between spaces, "--", or an em dash (which may stand without
// spaces).
func dashCount(s string) int {
	n := 0
	for _, d := range dashMarks {
		n += strings.Count(s, d)
	}
	return n
}

// objectAt reports whether mention i follows a preposition or a verb in
// -ing ("Saying President Obama", "spoke with Sen. Ted Cruz"), its titles
// aside: the object of a sentence, not its subject.
func (a *attributor) objectAt(i int) bool {
	from := a.sentStarts[a.sentence[i]]
	words := strings.Fields(a.t[from:a.mentions[i].offset])
	// Not a person's name: "the" and "in" before one are a modifier's
	// ("on the Brandt show", "the Brandt administration": who a later
	// pronoun is) and a phrasal verb's ("chimed in Brandt").
	org := a.mentions[i].kind != news.Person
	if n := len(words); org && n > 1 && words[n-1] == "the" && !titleOf(words) {
		// "fired off to the Acme board", "in the Kessel ranks": the
		// article right before an organisation's name, then the
		// preposition (review s34-erev: "sent to the <group> a statement
		// demanding" credited the group with the statement's words).
		// Only right before it, and then the word before it is the one
		// read: "said on Monday the Acme board" is no object.
		words = words[:n-1]
	} else {
		for len(words) > 0 && (isTitle(strings.Trim(words[len(words)-1], ",")) || isNameWord(words[len(words)-1]) && !strings.HasSuffix(words[len(words)-1], ",") ||
			titleOf(words)) {
			words = words[:len(words)-1] // "Democratic Sen.", "House Speaker", "Secretary of (the) State"
		}
	}
	if len(words) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(words[len(words)-1], "“\"("))
	if strings.HasSuffix(w, ",") {
		return false
	}
	// "in" too before an organisation, which objectMarkers leaves out
	// for the asides that also read it: "some in the Kessel ranks"
	// (review s34-erev).
	return objectMarkers[w] || org && w == "in" || len(w) > 5 && strings.HasSuffix(w, "ing") && !speechCues[w]
}

// onlyObjects reports whether every one of the mentions is the object of
// a preposition or a verb in -ing (objectAt), none a subject; true for
// none.
func (a *attributor) onlyObjects(mentions []int) bool {
	for _, i := range mentions {
		if !a.objectAt(i) {
			return false
		}
	}
	return true
}

// joinsMainClause reports whether the "and", "but" or "or" that ends a
// subject joins its verb to the sentence's main clause, not to a clause
// inside it: a comma stands before it ("He said that some agree, but
// added"), or no "that" or subordinating word opens a clause before it
// ("She met with the board and said"). "He recalled that the mayors had
// met with Acme officials and vowed" is the mayors' vow (review s34-erev:
// a duc2003 sentence of that shape).
func joinsMainClause(subj string) bool {
	ws := strings.Fields(strings.ToLower(subj))
	k := len(ws) - 1
	for k >= 0 && ws[k] != "and" && ws[k] != "but" && ws[k] != "or" {
		k--
	}
	if k <= 0 {
		return false
	}
	if strings.HasSuffix(ws[k-1], ",") {
		return true
	}
	for _, w := range ws[1:k] {
		if w == "that" || clauseSubordinators[w] {
			return false
		}
	}
	return true
}

// titleOf reports whether the last words are the "of" or "of the" of a
// title ("Secretary of State", "Secretary of the Interior"): the name after
// them is no object of "of".
func titleOf(words []string) bool {
	n := len(words)
	return n > 1 && words[n-1] == "of" && isTitle(words[n-2]) ||
		n > 2 && words[n-1] == "the" && words[n-2] == "of" && isTitle(words[n-3])
}

// objectMarkers are the prepositions after which a name is an object.
var objectMarkers = toSet(`about to with against for at by of from on than like toward towards into over under between among
around across through near inside outside behind beyond within without along amid onto past
saying that`)

// antecedentSentences is how far back the subject of a sentence may be
// what a pronoun refers to: news keeps a speaker's pronoun within a few
// sentences of the name (six covers the "She says ... She adds ..." runs
// of live coverage in polnear_dev's tuning half).
const antecedentSentences = 6

// opensSentence reports whether mention i opens its sentence, after nothing
// but titles and the capitalised words of a title ("House Speaker Paul
// Ryan", "Democratic Sen. Claire McCaskill"), a dateline aside ("WASHINGTON —
// Sen. Joe Manchin").
func (a *attributor) opensSentence(i int) bool {
	before := a.t[a.sentStarts[a.sentence[i]]:a.mentions[i].offset]
	return onlyTitles(before[datelineEnd(before):])
}

// opensMainClause reports whether mention i is the subject that opens its
// sentence's main clause: it opens the sentence, or it follows an
// introductory phrase set off by a comma ("In her interview with a local
// radio station, Holt also criticised Reyes for what she called ...", "Asked about Smith,
// Jones said"), not set off by commas itself (an appositive in that phrase:
// "After reports about his lawyer, Michael D. Cohen, and ..."), the
// sentence opening with a preposition, a subordinating
// conjunction, a time adverb or a participle.
func (a *attributor) opensMainClause(i int) bool {
	if a.opensSentence(i) {
		return true
	}
	before := a.t[a.sentStarts[a.sentence[i]]:a.mentions[i].offset]
	c := strings.LastIndexByte(before, ',')
	if c < 0 || !onlyTitles(before[c+1:]) || strings.HasPrefix(a.t[a.mentions[i].end:], ",") {
		return false
	}
	words := strings.Fields(before[:c])
	if len(words) < 2 {
		return false
	}
	first := strings.ToLower(strings.Trim(words[0], "“\"("))
	return introWords[first] || objectMarkers[first] && first != "saying" && first != "that" ||
		utf8.RuneCountInString(first) >= minParticipleLetters && (strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "ed"))
}

// minParticipleLetters is the shortest word in -ing or -ed read as a
// participle opening an introductory phrase ("Asked about", "Speaking to"):
// shorter ones are nouns and adjectives ("King", "Red", "Ted").
const minParticipleLetters = 5

// introWords open an introductory phrase or clause before a sentence's
// subject (prepositions beyond objectMarkers, subordinating conjunctions,
// time adverbs).
var introWords = toSet(`in after before during since while when as although though despite once later earlier
meanwhile separately yesterday today tonight last this`)

// onlyTitles reports whether s holds nothing but titles, "the" and
// capitalised words ("Mr.", "House Speaker", "Democratic Sen."). A
// capitalised verb in -ing is none of them: "Saying President Obama, he
// said" does not open with Obama.
func onlyTitles(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "“\"(")
		if !isTitle(w) && !strings.EqualFold(w, "the") && (!isNameWord(w) || isCommonGerund(w)) {
			return false
		}
	}
	return true
}

// sentenceOf returns the index of the sentence holding byte at.
func (a *attributor) sentenceOf(at int) int {
	k := sort.SearchInts(a.sentStarts, at+1) - 1
	return max(k, 0)
}

// quoted reports whether byte at lies inside a quotation.
func (a *attributor) quoted(at int) bool { return inRanges(a.inQuote, at) }

// quotedRanges are the spans of a text inside quotation marks.
func quotedRanges(t string) [][2]int {
	var out [][2]int
	start := 0
	for start <= len(t) {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		for _, qs := range quoteSpans(t[start:end]) {
			out = append(out, [2]int{start + qs.start, start + qs.end})
		}
		start = end + 1
	}
	return out
}

func inRanges(rs [][2]int, at int) bool {
	// The ranges are in text order and do not overlap.
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] > at })
	return i < len(rs) && rs[i][0] <= at
}

// orgNouns describe organisations: "the newspaper said". "bureau" is the
// FBI's or a census bureau's ("the bureau said", which withAgencyExpansion
// reads after "the FBI"; s31-rev2 found the noun missing here).
var orgNouns = toSet(`newspaper paper company firm agency bureau ministry department campaign group organization organisation
committee network magazine website site outlet bank government administration party union council court police
commission board office university school hospital team club league association foundation institute army military
service station channel broadcaster publication tabloid daily journal` + " " + companyNouns + " " + publicAgencyNouns)

// orgMatchesNoun reports whether an organisation's name fits a
// description: a newspaper is a Times, Post or Journal; a company or firm
// (or an automaker, a tech giant: companyNouns) any organisation that is
// not a news outlet nor a public body; an agency or a regulator
// (publicAgencyNouns) a body of the executive (executiveBody); a ministry,
// department or party one with that word in its name ("the ministry" is
// the Foreign Ministry).
func orgMatchesNoun(name, noun string) bool {
	ws := withAgencyExpansion(nameWords(name))
	isNews := false
	for _, w := range ws {
		isNews = isNews || newsWords[w]
	}
	if noun == "company" || noun == "firm" || companyNounSet[noun] {
		// "the company" is no ministry or department, and no university,
		// club or hospital (nonCompanyHead)
		return !isNews && !executiveBody(ws) && !publicBodyAny(ws) && !nonCompanyHead(ws)
	}
	switch noun {
	case "newspaper", "paper", "magazine", "publication", "tabloid", "daily", "journal", "outlet", "network", "channel", "broadcaster", "website", "site":
		return isNews
	case "group", "organization", "organisation":
		return !isNews
	case "agency", "regulator", "watchdog", "authority":
		return executiveBody(ws) // "the agency" is the Food Safety Authority or the Justice Department named before
	case "department":
		// "the Capitol Police ... The department said": a police force is
		// a police department, named or not.
		return policeForce(ws) || slices.Contains(ws, "department")
	}
	for _, w := range ws {
		if w == noun {
			return true
		}
	}
	return false
}

// describedOpener reports whether mention i opens its sentence after a
// description of it: an article and at most maxDescriptionModifiers+1
// lower-case words, none an article ("The software company Arvento sued
// ...").
func (a *attributor) describedOpener(i int) bool {
	words := strings.Fields(a.t[a.sentStarts[a.sentence[i]]:a.mentions[i].offset])
	if len(words) < 2 || len(words) > maxDescriptionModifiers+2 || !articles[strings.ToLower(words[0])] {
		return false
	}
	for _, w := range words[1:] {
		if w != strings.ToLower(w) || strings.ContainsAny(w, ",;:") || articles[w] {
			return false // a second article is past a verb: "A bird strike caused a US Airways jet"
		}
	}
	return true
}

// companyTitle reports whether a description's noun stands for a business
// ("the company", "the firm", "the automaker").
func companyTitle(noun string) bool {
	return noun == "company" || noun == "firm" || companyNounSet[noun]
}

// publicBodyWords name parts of government, which are no companies.
var publicBodyWords = toSet(`department ministry agency administration committee senate house court police government
council commission office bureau service army navy congress parliament cabinet`)

// newsWords are in the names of news organisations.
var newsWords = toSet(`times post journal news tribune herald guardian telegraph gazette globe star sun mail express
chronicle register review magazine weekly daily press reuters ap bloomberg cnn fox msnbc nbc abc cbs bbc npr politico axios
breitbart huffpost huffington hill atlantic newsweek examiner observer independent economist wire associated`)

// personNouns describe people without naming a role the article gives as a
// title: "the businessman", "the mother".
var personNouns = toSet(`man woman businessman businesswoman billionaire mother father son daughter wife husband
candidate nominee politician lawmaker legislator activist official officer veteran star actor actress singer rapper
host anchor reporter writer author journalist businessman tycoon mogul magnate boy girl teenager victim suspect
defendant plaintiff witness doctor nurse student teacher former democrat republican mayor chief`)

// genericPersonNouns describe anyone of a sex, an age, a family or a
// party, so that "the woman", "the father" or "the Democrat" is the person
// the article was about even where no one is called so; a noun of an
// occupation or a role ("the actress", "the comedian") is only the person
// the article so describes.
var genericPersonNouns = toSet(`man woman boy girl teenager mother father son daughter wife husband democrat republican`)

// genderOfNoun is the gender a person noun implies, or "".
func genderOfNoun(n string) string {
	switch n {
	case "man", "businessman", "father", "son", "husband", "boy", "actor":
		return "male"
	case "woman", "businesswoman", "mother", "daughter", "wife", "girl", "actress":
		return "female"
	}
	return ""
}

// roleTitles map a description's noun to the title the article gives
// people ("the senator" is the one called Sen. or Senator).
var roleTitles = map[string]string{
	"senator": "senator", "sen": "senator", "congressman": "representative", "congresswoman": "representative",
	"representative": "representative", "rep": "representative", "governor": "governor", "gov": "governor",
	"president": "president", "mayor": "mayor", "judge": "judge", "justice": "judge", "secretary": "secretary",
	"minister": "minister", "ambassador": "ambassador", "speaker": "speaker", "chairman": "chairman",
	"chairwoman": "chairman", "chair": "chairman", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
	"spokesperson": "spokesperson", "director": "director", "chancellor": "chancellor", "premier": "premier",
	"commissioner": "commissioner", "sheriff": "sheriff", "general": "general", "gen": "general", "attorney": "attorney",
	"pastor": "pastor", "rev": "pastor", "reverend": "pastor", "coach": "coach", "ceo": "ceo", "dr": "doctor", "doctor": "doctor",
	"prime": "minister", "leader": "leader", "founder": "founder",
	// police and army ranks, titles since session 32 ("Trooper Ken Dole"):
	// "the trooper added" is the person of that rank.
	"trooper": "trooper", "corporal": "corporal", "cpl": "corporal", "sergeant": "sergeant", "sgt": "sergeant",
	// religious and royal titles, since session 33 ("Pope John Paul ...
	// The pope said" had no speaker, duc2003): the person given the title.
	"pope": "pope", "bishop": "bishop", "cardinal": "cardinal", "rabbi": "rabbi", "imam": "imam",
	"king": "king", "queen": "queen", "prince": "prince", "princess": "princess",
}

// bearerOnlyTitles are the roleTitles added in session 33 whose
// description ("the pope said", "the king said") is only someone the
// article gives that title, never the person opening the sentence before:
// on invented probes that fallback gave "the king said" to a historian and
// "the queen said" to her secretary.
var bearerOnlyTitles = toSet(`pope bishop cardinal rabbi imam king queen prince princess`)

func roleTitleOf(n string) string { return roleTitles[n] }

// canonicalTitle maps a title as written to the role it names.
func canonicalTitle(t string) string {
	t = strings.TrimSuffix(strings.ToLower(t), ".")
	if i := strings.IndexByte(t, '-'); i > 0 { // "president-elect"
		t = t[:i]
	}
	if r, ok := roleTitles[t]; ok {
		return r
	}
	return t
}

// hasPersonNoun reports whether a subject describes a person ("a spokesman
// for the ministry"), so that the organisation in it is not the speaker.
func hasPersonNoun(words []string) bool {
	for _, w := range words {
		if nounKind(strings.Trim(w, ",.;:")) == "person" {
			return true
		}
	}
	return false
}

// genderOfTitle is the gender a title implies, or "".
func genderOfTitle(t string) string {
	switch strings.TrimSuffix(strings.ToLower(t), ".") {
	case "mr", "sir", "king", "prince", "lord", "congressman", "spokesman", "chairman", "councilman", "assemblyman", "herr", "monsieur":
		return "male"
	case "mrs", "ms", "miss", "dame", "queen", "princess", "lady", "congresswoman", "spokeswoman", "chairwoman", "councilwoman", "assemblywoman", "frau", "madame", "first-lady":
		return "female"
	}
	return ""
}

// genderOfName is the gender the lexicon gives a person's first name, or ""
// when it gives none or both, or lists the name as unisex: US births of
// 1930-2000 do not tie it to the lexicon's sex ("Terry", "Kelly", "Jesse";
// scripts/lexicon/unisex), and a pronoun resolved through it would be a
// guess.
func genderOfName(name string) string {
	ws := nameWords(name)
	l := names()
	if len(ws) == 1 && (!l.has(ws[0], "first") || l.has(ws[0], "last")) {
		// One word is a surname ("Carter"), unless it is only ever a
		// first name ("Melanie said"), as people are called in features.
		return ""
	}
	male, female := l.has(ws[0], "male"), l.has(ws[0], "female")
	switch {
	case l.has(ws[0], "unisex"):
		return ""
	case male && !female:
		return "male"
	case female && !male:
		return "female"
	}
	return ""
}

// personPrototypes and orgPrototypes are plain words for people who speak
// and for organisations that issue statements; a description's noun is
// taken for one or the other by how close its GloVe vector is to their
// mean ("the engineer", "the diplomat": people; "the ministry", "the
// newspaper": organisations; "the ruling", "the book": neither).
var (
	personPrototypes = strings.Fields("man woman official spokesman politician businessman lawyer doctor teacher worker")
	orgPrototypes    = strings.Fields("company agency ministry newspaper organization government committee party firm department")
)

var nounPrototypes = sync.OnceValues(func() (wordvec.Vec, wordvec.Vec) {
	p, _ := wordvec.Mean(personPrototypes, func(string) float64 { return 1 })
	o, _ := wordvec.Mean(orgPrototypes, func(string) float64 { return 1 })
	return p, o
})

// nounKind says whether a description's noun names a person ("person"), an
// organisation ("org", from the list orgNouns only) or neither (""). The
// nouns the lists name decide first.
func nounKind(noun string) string {
	switch {
	case personNouns[noun] || roleTitles[noun] != "":
		return "person"
	case orgNouns[noun]:
		return "org"
	case documentNouns[noun]:
		return "" // "The letter goes on:", "the report said": the words of no one named
	}
	v, ok := wordvec.Lookup(noun)
	if !ok {
		return ""
	}
	// Only people are found by the vectors: nouns near the organisations
	// are as often documents ("the report", "the statement", "the
	// ruling"), which speak for no one named.
	p, o := nounPrototypes()
	if cp, co := wordvec.Cosine(&v, &p), wordvec.Cosine(&v, &o); cp >= nounKindFloor && cp > co+nounKindMargin {
		return "person"
	}
	return ""
}

// groupNoun reports whether a description's head names many people: a
// collective ("crowd", "audience") or a plural ("supporters", "protesters"),
// which no one named speaks for.
func groupNoun(head string) bool {
	if collectiveNouns[head] {
		return true
	}
	return len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") &&
		nounKind(strings.TrimSuffix(head, "s")) == "person"
}

// collectiveNouns name groups of people.
var collectiveNouns = toSet(`crowd audience people public crowds protesters supporters fans members voters attendees
demonstrators delegates`)

// crowdAtPlace reports whether subj is a crowd (collectiveNouns, after
// "the" or "hundreds of" and the like) followed by where it stands
// ("Protesters outside the U.S. Embassy", "Crowds at the Saudi
// Consulate", "Thousands of fans near Ada Marsh's home"): what the crowd
// chants is no one's the place names. The s33-e2 rules made embassies
// organisations, and such crowds' chants went to the embassy (s33-rev2
// review: 2 of 3 invented probes; a known case of the s33-e2 write-up).
func crowdAtPlace(subj string) bool {
	ws := strings.Fields(strings.ToLower(strings.Trim(subj, " ,.;:—–-")))
	if len(ws) > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	if len(ws) > 2 && crowdCounts[ws[0]] && ws[1] == "of" {
		ws = ws[2:]
	}
	return len(ws) > 2 && collectiveNouns[ws[0]] && locativeWords[ws[1]]
}

// crowdCounts open a crowd's size: "hundreds of protesters".
var crowdCounts = toSet(`dozens hundreds thousands tens scores`)

// locativeWords say where a crowd stands.
var locativeWords = toSet(`outside at near inside in around before beside by behind`)

// kinGroupNouns name a household or circle as one speaker: "his family
// said" is no one person.
var kinGroupNouns = toSet(`family families relatives household parents children friends`)

// anonymousNouns describe the sources news leaves unnamed: "the official
// said" is rarely the official named before.
var anonymousNouns = toSet(`official officials source sources person insider staffer aide aides officer`)

// documentNouns are writings that "say" things: no person, whatever their
// vectors' neighbours ("letter" sits near people in GloVe).
var documentNouns = toSet(`letter letters report memo memorandum statement document documents email e-mail article book study
survey poll transcript filing complaint lawsuit suit indictment ruling order bill law code cable tweet post ad advertisement
video recording release editorial op-ed column announcement`)

// nounKindFloor and nounKindMargin are how close to a prototype, and how
// much closer than to the other, a noun must be. Measured by hand on nouns
// of descriptions in news (engineer, diplomat, announcer, mother, activist:
// people; ministry, union, paper, network: organisations; ruling, book,
// article, report, statement: neither).
const (
	nounKindFloor  = 0.5
	nounKindMargin = 0.05
)
