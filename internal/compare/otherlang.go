package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// This file reads who speaks a quotation in news written in other languages
// than English, by the same structure the English rules read: a verb of
// speaking next to the quotation and a name next to the verb (`„…“, sagte
// Wendt`, `« … », a déclaré Paul Dufresne`, `Kowalczyk powiedział: „…”`,
// `Selon Claire Vasseur, « … »`), and in Chinese and Japanese text, where
// words are not spaced, the name written right before the verb (王明表示：
// “…”, 田中氏は「…」と述べた). It runs only for a quotation the English
// rules give no speaker and no verb, so English text is read as before.

// otherLanguageCues are verbs of speaking (third person, past and present)
// and "according to" words of the languages European news most often
// quotes in: German, French, Spanish, Italian, Portuguese, Dutch, Polish,
// Czech, Swedish, Danish and Norwegian. The common verbs of a speech report
// in each language, from its grammar, not from any page read: a verb not
// listed leaves the quote without a speaker, as before.
var otherLanguageCues = toSet(`sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt fragte antwortete warnte kritisierte ergänzte
déclare déclaré dit affirme affirmé ajoute ajouté explique expliqué souligne souligné estime estimé indique indiqué précise précisé assure assuré
écrit répond répondu lance lancé confie confié martèle martelé déclarait expliquait affirmait ajoutait
dijo dice afirmó afirma declaró explicó explica añadió agregó aseguró asegura señaló indicó sostuvo escribió respondió
detto dichiarato spiegato aggiunto affermato sottolineato dichiara spiega aggiunge afferma
disse diz afirmou declarou explicou acrescentou falou
zei zegt verklaarde schreef
powiedział powiedziała mówi stwierdził stwierdziła dodał dodała oświadczył oświadczyła napisał napisała podkreślił podkreśliła
řekl řekla uvedl uvedla dodal dodala prohlásil prohlásila napsal napsala píše tvrdí
sa sade säger skriver skrev berättar berättade sagde siger sier`)

// otherLanguageAuxiliaries make a compound past with a participle that
// follows: French "a déclaré", Italian "ha detto", Spanish "ha dicho" (the
// participle is the cue).
var otherLanguageAuxiliaries = toSet(`a ha hat har heeft`)

// accordingToWords open a phrase that names whose words a quotation is, as
// "according to" does: "selon X", "laut X", "según X".
var accordingToWords = toSet(`selon laut según secondo segundo volgens według podle enligt ifølge`)

// complementizers may stand between a verb of speaking and a quotation it
// reports as part of its sentence: "a déclaré que « … »", "sagte, dass
// „…“".
var complementizers = toSet(`que qu' qu’ dass daß że att che dat že`)

// otherLanguagePronouns are the subject pronouns a verb of speaking is
// inverted with ("sagte er", "a-t-elle déclaré", "sade hon"), with the
// gender the English pronoun rule resolves.
var otherLanguagePronouns = map[string]string{"er": "male", "sie": "female", "il": "male", "elle": "female", "han": "male", "hon": "female", "él": "male", "ella": "female",
	"lui": "male", "lei": "female"} // Italian "ha detto lui" (s40-langrev: the word before a colon stayed the speaker)

// pronounArticles are subject pronouns of one language that are articles
// of another: Italian writes "ha detto il sindaco Luca Ferri", where "il"
// is "the", French "a dit il" is no inverted pronoun (French joins it with
// a hyphen, "dit-il").
var pronounArticles = toSet(`il`)

// articleBeforeName reports whether words opens with a pronoun that is an
// article of another language followed by a lower-case noun and a
// capitalised word ("il sindaco Luca Ferri"): the name is the speaker,
// not the pronoun.
func articleBeforeName(words []cueWord) bool {
	return len(words) >= 3 && pronounArticles[strings.ToLower(words[0].word)] && !words[0].punct &&
		!isNameWord(words[1].word) && !words[1].punct && isNameWord(words[2].word)
}

// personParticles are lower-case words inside a person's name ("Charles de
// Gaulle", "Ursula von der Leyen").
var personParticles = toSet(`de van von da del di dos du`)

// maxLowerBeforeName is how many lower-case words may stand between an
// inverted verb and the name after it: an article and a title ("a ajouté le
// ministre Paul Dufresne"), a reflexive pronoun and a preposition phrase
// ("vrací se", "píše v blogu"). Three covers a title with its article
// and one word more; a name further away is the object of another phrase.
const maxLowerBeforeName = 3

// otherLanguageSpeaker returns the speaker and the cue of the quotation qs
// of paragraph p (which starts at byte base of the text) written in a
// language other than English: "" when none of the structures above is read.
func (a *attributor) otherLanguageSpeaker(base int, p string, qs quoteSpan) (string, string) {
	if hanNear(p, qs) {
		return a.hanSpeaker(base, p, qs)
	}
	after := clauseAfter(p[qs.after:])
	a.examined += len(after)
	if who, cue := a.invertedSpeaker(after, base+qs.open); cue != "" {
		return who, cue
	}
	window := boundedBefore(p, qs.open)
	a.examined += len(window)
	return a.speakerBefore(window[lastSentenceStart(window):], base+qs.open)
}

// boundedBefore is the text of p before byte open, at most maxBeforeBytes
// long, cut between two characters: the attribution of a quotation stands
// in the sentence before it, and a paragraph with no sentence end must
// not be read back to its start for every quotation (the square of its
// length, session 41).
func boundedBefore(p string, open int) string {
	from := max(0, open-maxBeforeBytes)
	for from > 0 && from < open && !utf8.RuneStart(p[from]) {
		from++
	}
	return p[from:open]
}

// clauseAfter is the text after a closing mark up to the end of its
// sentence, the next quotation or the paragraph's end, read no further
// than maxAfterBytes: every quotation of a paragraph reads its clause, so
// a search to the paragraph's end made a huge paragraph's quotes cost the
// square of its length.
func clauseAfter(s string) string {
	s = prefixOfBytes(s, maxAfterBytes)
	end := len(s)
	for _, stop := range []string{". ", "? ", "! ", "“", "„", "«", "\"", "「", "『", "\n"} {
		if i := strings.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	return s[:end]
}

// maxAfterBytes bounds the clause after a quotation read for its
// attribution, as maxBeforeBytes bounds the text before one: an inverted
// attribution ("», dit Luc Martin", "sagte die Ministerin") opens the
// clause and is a few dozen bytes; its speaker is read from the clause's
// first words.
const maxAfterBytes = maxBeforeBytes

// prefixOfBytes is the start of s at most n bytes long, cut between two
// characters.
func prefixOfBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// cueWord is a word of an attribution with the punctuation that follows it.
type cueWord struct {
	word  string // without punctuation around it
	punct bool   // punctuation follows the word (it ends a phrase)
}

// cueWords splits an attribution into its words, each marked when
// punctuation ends it.
func cueWords(s string) []cueWord {
	var out []cueWord
	for _, f := range strings.Fields(s) {
		w := strings.TrimRight(f, ",.;:!?)»”“\"")
		w = strings.TrimLeft(w, "(«“„\"—–")
		if w == "" {
			if len(out) > 0 {
				out[len(out)-1].punct = true
			}
			continue
		}
		out = append(out, cueWord{w, len(w) < len(strings.TrimLeft(f, "(«“„\"—–"))})
	}
	return out
}

// invertedSpeaker reads the words after a quotation: a verb of speaking
// (with its auxiliary) and the name or pronoun after it (", sagte Wendt",
// ", a déclaré le ministre Paul Dufresne", ", a-t-elle déclaré"), or an
// "according to" word and a name (", selon Claire Vasseur"). The cue is ""
// when the words hold no such verb.
func (a *attributor) invertedSpeaker(after string, at int) (string, string) {
	words := cueWords(strings.TrimLeft(after, " ,\u00a0\u202f—–"))
	if len(words) == 0 {
		return "", ""
	}
	i, cue := 0, ""
	switch w := strings.ToLower(words[0].word); {
	case accordingToWords[w]:
		if who := a.nameAfter(words[1:], at); who != "" {
			return who, w
		}
		return "", ""
	case strings.Contains(w, "-t-"):
		// "a-t-elle déclaré", "ajoute-t-il": a French inverted pronoun.
		return a.invertedPronoun(words, at)
	case otherLanguageAuxiliaries[w] && len(words) > 1 && otherLanguageCues[strings.ToLower(words[1].word)] && !words[0].punct:
		i, cue = 2, strings.ToLower(words[1].word)
	case otherLanguageCues[w]:
		i, cue = 1, w
	default:
		return "", ""
	}
	if i < len(words) && !words[i-1].punct {
		if g, ok := otherLanguagePronouns[strings.ToLower(words[i].word)]; ok && !articleBeforeName(words[i:]) {
			return a.pronoun(g, at), cue // "sagte er", "sade hon"
		}
	}
	if words[i-1].punct {
		return "", ""
	}
	return a.nameAfter(words[i:], at), cue
}

// invertedPronoun reads a French verb inverted with its pronoun: "a-t-il
// déclaré", "ajoute-t-elle".
func (a *attributor) invertedPronoun(words []cueWord, at int) (string, string) {
	w := strings.ToLower(words[0].word)
	head, pron, _ := strings.Cut(w, "-t-")
	cue := head
	if otherLanguageAuxiliaries[head] {
		if len(words) < 2 || !otherLanguageCues[strings.ToLower(words[1].word)] {
			return "", ""
		}
		cue = strings.ToLower(words[1].word)
	} else if !otherLanguageCues[head] {
		return "", ""
	}
	g, ok := otherLanguagePronouns[pron]
	if !ok {
		return "", cue
	}
	return a.pronoun(g, at), cue
}

// nameAfter reads the name that follows an inverted verb: at most
// maxLowerBeforeName lower-case words, then a run of capitalised words that
// ends the attribution or is followed by a lower-case word. A name after
// "of" words ("le ministre des Affaires étrangères") is no person's.
func (a *attributor) nameAfter(words []cueWord, at int) string {
	k := 0
	for k < len(words) && k < maxLowerBeforeName && !isNameWord(words[k].word) {
		if words[k].punct {
			return ""
		}
		k++
	}
	if k > 0 && ofWords[strings.ToLower(words[k-1].word)] {
		return ""
	}
	var run []string
	for j := k; j < len(words); j++ {
		if n := particlesAt(words, j); len(run) > 0 && n > 0 {
			for _, w := range words[j : j+n] {
				run = append(run, w.word)
			}
			j += n
		} else if !isNameWord(words[j].word) {
			break
		}
		run = append(run, words[j].word)
		if words[j].punct {
			break
		}
	}
	return a.personOfRun(run, at)
}

// particlesAt returns how many particle words stand at words[j] inside a
// person's name ("de", "von der", "van den"), followed by a capitalised
// word; 0 when none. An article alone ("den", "la") is no particle: "sagte
// Falk den Reportern" names Falk.
func particlesAt(words []cueWord, j int) int {
	if j >= len(words) || !personParticles[words[j].word] || words[j].punct {
		return 0
	}
	n := 1
	if j+1 < len(words) && particleArticles[words[j+1].word] && !words[j+1].punct {
		n = 2
	}
	if j+n < len(words) && isNameWord(words[j+n].word) {
		return n
	}
	return 0
}

// particleArticles follow a particle inside a name ("von der Leyen", "de
// la Cruz", "van den Berg").
var particleArticles = toSet(`der den la las los le`)

// ofWords are the words of "of" phrases in the languages above: a
// capitalised word after them names a body or a place ("ministre des
// Affaires étrangères"), not the speaker.
var ofWords = toSet(`de des du d' d’ of von vom der des del della di do da dos das van`)

// speakerBefore reads the sentence before a quotation: a name and a verb of
// speaking right before the opening mark ("Brenner sagte: „", "Marc Olivier
// a affirmé : «", "Kowalczyk powiedział, że „"), or an "according to" word
// and a name that open it ("Selon Claire Vasseur, « …").
func (a *attributor) speakerBefore(before string, at int) (string, string) {
	words := cueWords(before)
	if len(words) > 0 && complementizers[strings.ToLower(words[len(words)-1].word)] {
		words = words[:len(words)-1]
	}
	if len(words) < 2 {
		return "", ""
	}
	if first := strings.ToLower(words[0].word); accordingToWords[first] && words[len(words)-1].punct {
		run := make([]string, 0, len(words)-1)
		for _, w := range words[1:] {
			run = append(run, w.word)
		}
		if onlyNameWords(words[1:]) {
			return a.personOfRun(run, at), first
		}
		return "", ""
	}
	last := len(words) - 1
	cue := strings.ToLower(words[last].word)
	if !otherLanguageCues[cue] {
		return "", ""
	}
	if last > 0 && otherLanguageAuxiliaries[strings.ToLower(words[last-1].word)] {
		last--
	}
	var run []string
	for j := last - 1; j >= 0 && isNameWord(words[j].word) && !words[j].punct; j-- {
		run = append([]string{words[j].word}, run...)
	}
	return a.personOfRun(run, at), cue
}

// onlyNameWords reports whether every word is capitalised or a particle,
// the last one closing the phrase.
func onlyNameWords(ws []cueWord) bool {
	for i, w := range ws {
		if !isNameWord(w.word) && !personParticles[w.word] || w.punct && i < len(ws)-1 {
			return false
		}
	}
	return len(ws) > 0
}

// personOfRun returns the person a run of capitalised words names: from
// its first given name to its end ("Der Bürgermeister Otto Brenner" is Otto
// Brenner: nouns are capitalised in German, and a sentence's first word in
// every language), else its last word alone, made the fullest name the
// article gives that surname. A lone word is a speaker only when the entity
// recogniser found it in a name; "" when the run is empty.
func (a *attributor) personOfRun(run []string, at int) string {
	if len(run) == 0 {
		return ""
	}
	for k, w := range run {
		if isFirstName(w) && k < len(run)-1 {
			return strings.Join(run[k:], " ")
		}
	}
	return a.fullestWithSurname(run[len(run)-1], at)
}

// fullestWithSurname returns the first person the article names with a
// given name before the surname ("Karla Wendt" for "Wendt"), else a person
// the recogniser found of two words ending with it, else the surname itself
// when a name the recogniser found holds it, else "".
func (a *attributor) fullestWithSurname(surname string, at int) string {
	found, paired := false, ""
	for _, m := range a.mentions {
		ws := strings.Fields(m.name)
		k := indexOfWord(ws, surname)
		if k < 0 {
			continue
		}
		found = true
		for j := 0; j < k; j++ {
			if isFirstName(ws[j]) {
				return strings.Join(ws[j:k+1], " ")
			}
		}
		if paired == "" && m.kind == news.Person && len(ws) == 2 && k == 1 && !roleNouns()[strings.ToLower(ws[0])] {
			paired = m.name // "Jan Kowalczyk": a person of two words, the given name not in the lexicon
		}
	}
	switch {
	case paired != "":
		return paired
	case found:
		return surname
	}
	return ""
}

// indexOfWord returns the index of the word w in ws, -1 when absent.
func indexOfWord(ws []string, w string) int {
	for i, x := range ws {
		if strings.Trim(x, ",.;:") == w {
			return i
		}
	}
	return -1
}

// hanNear reports whether the quotation stands in Chinese or Japanese text:
// the character before its opening mark or after its closing mark is a Han
// or kana character.
func hanNear(p string, qs quoteSpan) bool {
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p[:qs.open], hanPauses)); hanScript(r) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[qs.after:], hanPauses))
	return hanScript(r)
}

// hanPauses are the colons, commas and spaces between a Chinese verb of
// speaking and the quotation (表示：“, ”，王明说).
const hanPauses = " ：:，,\u3000"

// hanScript reports whether r is a Han, hiragana or katakana character.
func hanScript(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// hanCues are Chinese verbs of speaking (simplified and traditional), the
// longer first so that 补充说 is read before 说: "said", "stated", "pointed
// out", "stressed", "added", "believes", "wrote", "asked", "answered".
var hanCues = []string{"补充说", "補充說", "说道", "說道", "写道", "寫道", "问道", "問道", "答道", "表示", "指出", "强调", "強調", "认为", "認為", "透露", "坦言", "回答", "解释", "解釋", "宣布", "说", "說", "称", "稱"}

// japaneseCues follow the particle と after a Japanese quotation: "said",
// "spoke", "talked", "explained", "stressed", "made clear", "answered".
var japaneseCues = []string{"述べ", "語っ", "語り", "話し", "話す", "言っ", "言う", "説明し", "強調し", "明らかにし", "答え"}

// hanBoundaries end the phrase before a verb: punctuation of Chinese and
// Japanese text and of Latin text within it.
const hanBoundaries = "，。、；：！？“”「」『』（）()\n ,.;:!?"

// hanSpeaker reads who speaks a quotation in Chinese or Japanese text:
// the name right before the verb before the opening mark (王明表示：“…”),
// right after the closing mark (“…”王明说), or before the topic particle of
// a Japanese quotation that と and a verb close (田中氏は「…」と述べた). A
// pronoun (他, 她) is the speaker of the article's last such quotation.
func (a *attributor) hanSpeaker(base int, p string, qs quoteSpan) (string, string) {
	at := base + qs.open
	before := strings.TrimRight(boundedBefore(p, qs.open), hanPauses)
	a.examined += len(before)
	if cue, ok := hanCueSuffix(before); ok {
		return a.hanName(strings.TrimSuffix(before, cue), at), cue
	}
	after := strings.TrimLeft(prefixOfBytes(p[qs.after:], maxAfterBytes), hanPauses)
	a.examined += len(after)
	if rest, ok := strings.CutPrefix(after, "と"); ok {
		for _, cue := range japaneseCues {
			if strings.HasPrefix(rest, cue) {
				return a.japaneseTopic(before, at), cue
			}
		}
		if who, cue := a.japaneseSubjectAfter(rest, at); cue != "" {
			return who, cue
		}
	}
	if end := strings.IndexAny(after, hanBoundaries); end > 0 {
		if cue, ok := hanCueSuffix(after[:end]); ok {
			return a.hanName(strings.TrimSuffix(after[:end], cue), at), cue
		}
	}
	return "", ""
}

// hanCueSuffix returns the Chinese verb of speaking s ends with.
func hanCueSuffix(s string) (string, bool) {
	for _, cue := range hanCues {
		if strings.HasSuffix(s, cue) {
			return cue, true
		}
	}
	return "", false
}

// japaneseTopic returns the speaker a Japanese sentence names before the
// quotation with the topic or subject particle (田中氏は, 山本さんが).
func (a *attributor) japaneseTopic(before string, at int) string {
	for _, particle := range []string{"は", "が"} {
		if s, ok := strings.CutSuffix(before, particle); ok {
			return a.hanName(s, at)
		}
	}
	return ""
}

// japaneseSubjectAfter reads a Japanese attribution that names its
// speaker between と and the verb (「…」と山田氏は述べた, 「…」と、
// 岸本首相が記者団に語った): the name before the first topic or subject
// particle, a verb of speaking (japaneseCues) later in the same sentence.
// The cue is "" when the sentence holds no such verb.
func (a *attributor) japaneseSubjectAfter(rest string, at int) (string, string) {
	if startsWithKana(rest) {
		return "", "" // 「…」という計画について: と opens "called", not an attribution
	}
	rest = strings.TrimLeft(rest, "、，, 　")
	if end := strings.IndexAny(rest, "。！？\n「『“"); end >= 0 {
		rest = rest[:end]
	}
	i := strings.IndexAny(rest, "はが")
	if i <= 0 {
		return "", ""
	}
	for _, cue := range japaneseCues {
		if strings.Contains(rest[i:], cue) {
			return a.hanName(rest[:i], at), cue
		}
	}
	return "", ""
}

// startsWithKana reports whether s opens with a hiragana letter: after
// the particle と, a word of grammar (という "called", とする, との "that"),
// where a name, written in kanji or katakana, would open an attribution.
func startsWithKana(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.In(r, unicode.Hiragana)
}

// hanAdverbs are one-character adverbs written between a Chinese subject
// and its verb (他也说, 王明还表示): "also", "still", "again", "then", "all".
const hanAdverbs = "也还還又则則就都亦再曾便"

// hanTitles are suffixes of respect and role nouns of Chinese and Japanese
// that follow a name (田中氏, 山本さん, 王明部长), and role nouns that
// precede one (发言人约翰·史密斯): the name is what is left.
var hanTitles = []string{"发言人", "發言人", "部长", "部長", "主席", "总统", "總統", "总理", "總理", "教授", "委员", "委員", "主任", "博士", "记者", "記者", "代表", "局长", "局長", "市长", "市長", "经理", "經理", "负责人", "負責人", "大臣", "首相", "知事", "社長", "氏", "さん", "様", "先生", "女士"}

// hanRolesBefore are Chinese nouns of a relation that stand before a name
// and never after it: "colleague", "classmate" (同事李华 is 李华). A
// subject ending with one names no one (hanGenericEndings). Session 41.
var hanRolesBefore = []string{"同事", "同学", "同學"}

// maxHanNameRunes is the longest name of Han characters taken: Chinese
// names have two to four characters (surname and given name); a longer run
// holds other words, and a wrong speaker is worse than none. Names
// transliterated with a middle dot ("约翰·史密斯") run longer, up to
// maxTransliteratedRunes.
const (
	maxHanNameRunes        = 4
	maxTransliteratedRunes = 12
)

// hanName cuts the name out of the phrase written before a Chinese verb of
// speaking: after the last punctuation and the last 的 ("the … who"),
// without an aside in brackets, adverbs, an adverb made with 地
// (认真地), and titles around it. A pronoun is the last speaker so read.
// "" when what is left is not a name's shape.
func (a *attributor) hanName(run string, at int) string {
	run = dropBracketed(run)
	if i := strings.LastIndexAny(run, hanBoundaries); i >= 0 {
		_, size := utf8.DecodeRuneInString(run[i:])
		run = run[i+size:]
	}
	if i := strings.LastIndex(run, "的"); i >= 0 {
		run = run[i+len("的"):]
	}
	if i := strings.IndexAny(run, hanAddressees); i > 0 {
		run = run[:i] // 王明对记者说: "told the reporters", the speaker before 对
	}
	run = strings.TrimRight(run, hanAdverbs)
	if i := strings.LastIndex(run, "地"); i > 0 && utf8.RuneCountInString(run[:i]) >= 4 {
		run = trimLastRunes(run[:i], 2) // 张华认真地: an adverb of two characters and 地
	}
	run = strings.TrimRight(run, hanAdverbs)
	switch {
	case run == "他" || run == "她":
		if a.lastHan != "" && a.breaksSinceLastHan(at) <= 1 {
			return a.lastHan // the person of the last quotation, in this paragraph or the one before
		}
		return ""
	case strings.ContainsAny(run, hanPronouns):
		return "" // 它能回答: "it can answer", no name
	}
	run = withoutTitles(run)
	if !hanNameShape(run) || hanGenericSubject(run) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(run); unicode.Is(unicode.Han, r) {
		a.lastHan, a.lastHanAt = run, at // a person's name; a Latin name ("Acme") is no "he"
		a.hanCountedTo, a.hanBreaks = at, 0
	}
	return run
}

// paragraphBreaks counts the paragraph breaks in s, blank lines not
// counted: article text separates its paragraphs by a blank line, so a
// line break alone would count each break twice (s39-srev: 他说 in the
// paragraph after the named quotation found no one).
func paragraphBreaks(s string) int {
	n, blank := 0, true
	for _, r := range s {
		switch {
		case r == '\n':
			if !blank {
				n++ // a paragraph that ends before the one s ends in
			}
			blank = true
		case !unicode.IsSpace(r):
			blank = false
		}
	}
	return n
}

// breaksSinceLastHan counts the paragraph breaks between the last
// quotation a Chinese or Japanese name spoke (lastHanAt) and at, reading
// on from where the last count stopped (hanCountedTo): a name followed by
// many quotations of "he" reads its text once, not once per quotation.
// The count adds up across the cuts because each cut is at a quotation's
// opening mark, so the piece of a line after it is never blank.
func (a *attributor) breaksSinceLastHan(at int) int {
	if at < a.hanCountedTo || a.hanCountedTo < a.lastHanAt {
		a.examined += at - min(a.lastHanAt, at)
		return paragraphBreaks(a.t[min(a.lastHanAt, at):at])
	}
	a.examined += at - a.hanCountedTo
	a.hanBreaks += paragraphBreaks(a.t[a.hanCountedTo:at])
	a.hanCountedTo = at
	return a.hanBreaks
}

// hanGenericEndings end a Chinese subject that names no one by name (in
// simplified and traditional writing): plural people ("-们"), "experts",
// "officials", "people in a field", "netizens", "scholars", "residents",
// "the public", "analysts", "the police", "the authorities", "someone",
// "everyone", "both sides", "the other side", and documents that speak for
// no person ("report", "study", "survey", "statement", "article", "data",
// "news"). These are the subjects Chinese news most often puts before 表示,
// 认为 or 指出 in place of a name, written from the language's common
// words (s39-srev, invented probes): the English rules give "experts
// said" no speaker either.
var hanGenericEndings = []string{"们", "們", "专家", "專家", "官员", "官員", "人士", "网友", "網友", "学者", "學者", "居民", "民众", "民眾",
	"分析师", "分析師", "警方", "当局", "當局", "有人", "大家", "双方", "雙方", "对方", "對方",
	"报告", "報告", "研究", "调查", "調查", "声明", "聲明", "文章", "数据", "數據", "消息",
	// Japanese (s40-lang2, now that a subject after と is read): "person
	// who" (関係者 "insider", 担当者 "person in charge", 責任者), "expert",
	// "executives", "the government", "the police", "the ministry".
	"者", "専門家", "幹部", "政府", "警察", "省",
	// "colleague", "classmate" (hanRolesBefore), session 41.
	"同事", "同学", "同學"}

// hanDemonstratives open a subject that refers back instead of naming
// ("this", "that", "the said": 该公司, 这位官员).
const hanDemonstratives = "该該这這那此"

// hanSameMark is Japanese 同 ("the said"), which refers back as a
// subject of two characters (同氏 "he", 同社 "the company", 同省 "the
// ministry"); it also opens Chinese words (同事 "colleague", 同学
// "classmate") that stand before a name (同事李华: hanTitles), so it
// marks a subject only as the first of two characters (session 41).
const hanSameMark = "同"

// hanGenericSubject reports whether a Chinese subject names no one: a
// title alone (发言人, "spokesperson"), a subject with a generic ending
// (hanGenericEndings) or one opened by a demonstrative.
func hanGenericSubject(run string) bool {
	for _, t := range hanTitles {
		if run == t {
			return true
		}
	}
	for _, e := range hanGenericEndings {
		if strings.HasSuffix(run, e) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(run)
	return strings.ContainsRune(hanDemonstratives, r) ||
		strings.HasPrefix(run, hanSameMark) && utf8.RuneCountInString(run) == 2
}

// hanAddressees are the prepositions that bring in whom a Chinese speaker
// speaks to (王明对记者说, "told the reporters"; simplified and
// traditional): the speaker is the part before. 对 is no surname, unlike
// 向 and 跟, which are left out (s39-srev, invented probes).
const hanAddressees = "对對"

// hanPronouns are the Chinese personal pronouns ("I", "you", "he", "she",
// "it"): a phrase holding one before a verb names no one by name.
const hanPronouns = "我你您他她它"

// dropBracketed removes a trailing aside in brackets ("约翰·史密斯(John
// Smith)" is 约翰·史密斯).
func dropBracketed(s string) string {
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）") {
		if i := strings.LastIndexAny(s, "(（"); i >= 0 {
			return s[:i]
		}
	}
	return s
}

// trimLastRunes drops the last n characters of s.
func trimLastRunes(s string, n int) string {
	for ; n > 0 && s != ""; n-- {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// withoutTitles removes a title that ends the name (田中氏, 王明部长) and
// what a role noun precedes it with (某公司发言人约翰·史密斯 is the
// person after 发言人).
func withoutTitles(s string) string {
	for _, t := range hanTitles {
		if rest, ok := strings.CutSuffix(s, t); ok && rest != "" {
			s = rest
			break
		}
	}
	for _, t := range slices.Concat(hanTitles, hanRolesBefore) {
		if i := strings.LastIndex(s, t); i >= 0 && i+len(t) < len(s) {
			s = s[i+len(t):]
		}
	}
	return s
}

// hanNameShape reports whether s has the shape of a name: two to
// maxHanNameRunes Han characters, a transliterated name with a middle dot,
// or Latin letters (an organisation's name written so, "Acme").
func hanNameShape(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 {
		return false
	}
	if strings.ContainsAny(s, "·・") {
		return n <= maxTransliteratedRunes
	}
	latin, han := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin++
		case unicode.Is(unicode.Han, r):
			han++
		default:
			return false
		}
	}
	if latin > 0 {
		return han == 0 && unicode.IsUpper([]rune(s)[0])
	}
	return han <= maxHanNameRunes
}

// otherOpening returns the closing marks of a quotation that the mark r at
// byte i of p opens, "" when it opens none there. German ‚ (U+201A) opens
// only where a quotation can: after a space, a bracket or the paragraph's
// start, before a letter (`Band‚ sagte`, `1990‚s` are commas and
// apostrophes typed with the wrong character). Swedish and Finnish ” opens
// likewise, and only in a paragraph with no “ (where ” is English's closing
// mark, one after a space is a typing slip). German » opens before a letter
// and is closed by «, in a paragraph with no « before it (French writes
// « … »).
func otherOpening(p string, i int, r rune) string {
	prev, _ := utf8.DecodeLastRuneInString(p[:i])
	next, _ := utf8.DecodeRuneInString(p[i+utf8.RuneLen(r):])
	if i > 0 && !unicode.IsSpace(prev) && !strings.ContainsRune("([—–", prev) || !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return ""
	}
	switch r {
	case '‚':
		return "‘"
	case '”':
		if strings.ContainsRune(p, '“') {
			return ""
		}
		return "”"
	default: // '»'
		if strings.ContainsRune(p[:i], '«') {
			return ""
		}
		return "«"
	}
}

// singleLowClose returns where the quotation a German ‚ opened at start-1
// closes, relative to start: at the first ‘ (or ’) after a letter or a
// closing punctuation mark and before no letter, so that an apostrophe
// inside a word ("geht’s") closes nothing; -1 when none.
func singleLowClose(p string, start int) int {
	for j := start; j < len(p); {
		r, size := utf8.DecodeRuneInString(p[j:])
		if r == '‘' || r == '’' {
			prev, _ := utf8.DecodeLastRuneInString(p[:j])
			next, _ := utf8.DecodeRuneInString(p[j+size:])
			if !unicode.IsSpace(prev) && (j+size == len(p) || !unicode.IsLetter(next)) {
				return j - start
			}
		}
		j += size
	}
	return -1
}

// otherLanguageCue reports whether an English rule gave a quotation a cue
// that is a verb or an auxiliary of another language (the colon rule takes
// the word before a colon: "Der Bürgermeister Otto Brenner sagte:"), so
// that the rules of this file read its speaker again.
func otherLanguageCue(cue string) bool {
	return otherLanguageCues[cue] || otherLanguageAuxiliaries[cue]
}

// hanLabel reports whether a quotation of Chinese or Japanese text ends no
// sentence (no 。！？ inside or at its end): quotation marks there mark names
// of products and works and phrases as often as English ones do (the scare
// quotes scareQuote drops), and word counts cannot tell them apart, as
// Chinese and Japanese are not written with spaces.
func hanLabel(p string, qs quoteSpan, q string) bool {
	return hanNear(p, qs) && !strings.ContainsAny(q, "。！？!?")
}

// hanCueBefore reports whether the sentence of Chinese text before a
// quotation holds a verb of speaking (王明补充说，这种材料“…”):
// the quoted phrase is part of someone's reported words, not a label.
func hanCueBefore(before string) bool {
	if i := strings.LastIndexAny(before, "。！？\n"); i >= 0 {
		before = before[i:]
	}
	for _, cue := range hanCues {
		if strings.Contains(before, cue) {
			return true
		}
	}
	return false
}

// maxUnreadLower is how many lower-case words may open the words after a
// quotation before the name unreadAttribution looks for: a verb and a
// reflexive or a particle ("vrací se", "fügt hinzu"). More is a clause of
// its own.
const maxUnreadLower = 2

// unreadAttribution reports whether the words after a quotation are a
// short inverted clause that names a person (one to maxUnreadLower
// lower-case words, then a given name and a surname that end the clause:
// `" vrací se Karel Novák, …`), whatever the verb: the quotation is
// credited to someone by words no rule reads, so it does not go on with
// the speaker before it.
func unreadAttribution(after string) bool {
	words := cueWords(clauseAfter(strings.TrimLeft(after, " ,\u00a0\u202f")))
	k := 0
	for k < len(words) && k < maxUnreadLower && !isNameWord(words[k].word) && !words[k].punct {
		k++
	}
	if k == 0 || k+1 >= len(words) || !isFirstName(words[k].word) || words[k].punct || !isNameWord(words[k+1].word) {
		return false
	}
	return words[k+1].punct || k+2 == len(words)
}

// continuesAfterQuote reports whether the text after a closing quotation
// mark goes on its sentence: a comma or a lower-case word first ("», dit
// Luc Martin", "» a-t-il dit"), not a capital that opens the next one.
func continuesAfterQuote(after string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " \u00a0\u202f"))
	return r == ',' || unicode.IsLower(r)
}
