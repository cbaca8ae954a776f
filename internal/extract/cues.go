package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// boilerplatePhrases are words and phrases of page chrome: subscription and
// membership pitches, newsletter forms, sharing, cookie notices, audio players,
// related-article lists. Lower case, several languages, matched on word
// boundaries. They are specific on purpose: "members" or "supporters" occur in
// news, "become a member" does not. A block that contains one is chrome unless
// it is long prose that mentions it in passing.
var boilerplatePhrases = []string{
	"subscribe", "subscribe now", "subscription", "newsletter", "sign up", "sign in", "log in", "login", "register now",
	"become a member", "gift membership", "gift a membership", "membership today", "become a supporter",
	"donate now", "donate today", "make a donation", "support our", "support us", "fund our", "our journalism",
	"our reporting", "readers like you", "financial contribution", "funded by our readers", "cookies",
	"cookie policy", "cookie settings", "privacy policy", "terms of use", "terms of service", "all rights reserved",
	"©", "advertisement", "sponsored content", "share this", "share on", "follow us", "read more", "more news",
	"related articles", "related stories", "most read", "most popular", "trending now", "more topics",
	"topics for you", "this audio", "listen to this", "enter your email", "email address", "indicates required",
	"successfully subscribed", "thank you for signing up", "click here", "skip to content",
	"skip to main content", "leave a comment", "editors' picks", "recommended for you",
	"abonnieren", "anmelden", "werbung", "weiterlesen", "mehr zum thema",
	"abonnez-vous", "s'abonner", "inscrivez-vous", "publicité", "lire aussi", "à lire aussi",
	"suscríbete", "publicidad", "iscriviti", "pubblicità",
	"подписаться", "подпишитесь", "реклама", "читайте также",
	"订阅", "广告", "登录", "注册", "版权所有", "相关阅读",
}

// chromeScore counts the boilerplate phrases in a block.
func chromeScore(block string) int {
	return chromePhrases().count(block)
}

// phraseMatcher finds boilerplate phrases by their words: phrases are
// indexed by their first word, so a block costs one map look-up per word.
// Phrases in scripts written without spaces, and "©", are found as
// substrings.
type phraseMatcher struct {
	byFirst    map[string][][]string
	substrings []string
	// firstShapes has, for each first byte of a key of byFirst, bit
	// min(len, 63) set for each key's length: a word whose bit is clear is
	// no key, and countWords skips its map look-up (most of a paragraph's
	// words, at two look-ups a word, were 2.6% of a page's time).
	firstShapes [256]uint64
}

var chromePhrases = sync.OnceValue(func() *phraseMatcher { return newPhraseMatcher(boilerplatePhrases) })

// newPhraseMatcher indexes phrases (lower case) for count.
func newPhraseMatcher(phrases []string) *phraseMatcher {
	m := &phraseMatcher{byFirst: map[string][][]string{}}
	for _, p := range phrases {
		ws := text.Words(p)
		first, _ := utf8.DecodeRuneInString(p)
		if len(ws) == 0 || unicode.Is(unicode.Han, first) {
			m.substrings = append(m.substrings, p)
			continue
		}
		m.byFirst[ws[0]] = append(m.byFirst[ws[0]], ws)
		m.firstShapes[wordShape(ws[0])] |= wordShapeBit(ws[0])
	}
	return m
}

// wordShape and wordShapeBit index phraseMatcher.firstShapes: a word's
// first byte, and a bit for its length (63 for any length from 63 on).
// The empty word has byte 0 and bit 0.
func wordShape(w string) byte {
	if w == "" {
		return 0
	}
	return w[0]
}

func wordShapeBit(w string) uint64 { return 1 << min(len(w), 63) }

// mayBeFirst reports whether w may be a key of byFirst: false only when
// no key has w's first byte and length.
func (m *phraseMatcher) mayBeFirst(w string) bool {
	return m.firstShapes[wordShape(w)]&wordShapeBit(w) != 0
}

// phraseWordsOnStack is how many words of a block count reads without
// allocating: blockFeatures calls it on blocks of at most 80 words (most
// hold far fewer), text dumps on single lines.
const phraseWordsOnStack = 64

// count counts the phrases found in block, each phrase once.
func (m *phraseMatcher) count(block string) int {
	var buf [phraseWordsOnStack]string
	l, ws := phraseWords(block, buf[:0])
	return m.countWords(l, ws)
}

// phraseWords is the text a phraseMatcher reads (block folded and in lower
// case) and its words, appended to buf: read once, it serves every
// matcher (countWords).
func phraseWords(block string, buf []string) (string, []string) {
	l := strings.ToLower(text.Fold(block))
	return l, text.AppendWords(buf, l)
}

// chromeAndClosing is chromeScore and the closing phrases' count of a
// block, its words read once for both.
func chromeAndClosing(block string) (chrome, closing int) {
	var buf [phraseWordsOnStack]string
	l, ws := phraseWords(block, buf[:0])
	return chromePhrases().countWords(l, ws), closingMatcher().countWords(l, ws)
}

// countWords counts the phrases found in a text l and its words ws
// (phraseWords), each phrase once.
func (m *phraseMatcher) countWords(l string, ws []string) int { return m.countWordsGated(l, ws, true) }

// countWordsGated is countWords with its first-word filter on or off (off:
// the filter's fuzz reference).
func (m *phraseMatcher) countWordsGated(l string, ws []string, gated bool) int {
	seen := map[*string]bool(nil)
	n := 0
	for i, w := range ws {
		if gated && !m.mayBeFirst(w) {
			continue // no phrase begins with w
		}
		for _, p := range m.byFirst[w] {
			if i+len(p) <= len(ws) && equalWords(ws[i:i+len(p)], p) {
				if seen == nil {
					seen = map[*string]bool{}
				}
				if !seen[&p[0]] {
					seen[&p[0]] = true
					n++
				}
			}
		}
	}
	for _, p := range m.substrings {
		if strings.Contains(l, p) {
			n++
		}
	}
	return n
}

// photoCredit matches a caption's closing credit: "(Jane Doe/Wire Images)",
// "Photo: AP", "Credit: Reuters".
var photoCredit = regexp.MustCompile(`(?i)(\([^()]{2,60}/[^()]{2,60}\)\s*$)|(^|\s)(photo|image|picture|credit|foto|фото)s?\s*(:|by)\s`)

// endsSentence reports whether a block ends as a sentence does, with its
// closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case isSentenceStop(r):
			return true
		case strings.ContainsRune("\"'\u201d\u2019)\u00bb", r):
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

// isSentenceStop reports whether r ends a sentence in some script: Unicode's
// Sentence_Terminal (. ! ? and 。！？, the Arabic ؟ and ۔, the Devanagari
// danda, ...), and the ellipsis. A general resource of every script, so that
// a page in Arabic or Hindi reads its sentences as a page in English does
// (the fixed list of Latin and CJK marks it replaced read none of theirs).
func isSentenceStop(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '.' || r == '!' || r == '?'
	}
	return r == '\u2026' || unicode.Is(unicode.Sentence_Terminal, r)
}

// isClauseMark reports whether r is a comma or semicolon of some script:
// Unicode's Terminal_Punctuation that ends no sentence and is no colon nor
// word separator (the Arabic ، and ؛, the CJK ，、；, the Greek ·, ...). In
// ASCII, ',' and ';'.
func isClauseMark(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ',' || r == ';'
	}
	switch {
	case r == '\uff1a', r == '\ufe13', r == '\ufe55', r == '\u1365', r == '\u1366', r == '\u1804', r == '\ua6f4',
		r >= '\u0703' && r <= '\u0709': // the colons among Terminal_Punctuation: fullwidth, vertical, small, Ethiopic, Mongolian, Bamum, Syriac
		return false
	case r == '\u1361', r >= '\u16eb' && r <= '\u16ed': // the Ethiopic wordspace and the Runic ones: between every two words
		return false
	}
	return unicode.Is(unicode.Terminal_Punctuation, r) && !unicode.Is(unicode.Sentence_Terminal, r)
}

// isProse reports whether a block reads as running text rather than a label,
// menu entry or headline: enough words, and either a sentence ending or length.
func isProse(s string, words int) bool {
	if words >= 20 {
		return strings.Count(s, "|") < 3
	}
	return words >= 6 && endsSentence(s)
}
