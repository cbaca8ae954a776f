package text

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// latinMarkers are frequent function words that tell Latin-script languages
// apart; each is common in its language and rare in the others.
var latinMarkers = map[string][]string{
	"en": {"the", "and", "of", "to", "is", "that", "with", "was", "for", "on"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "auf", "sich"},
	"fr": {"le", "les", "et", "des", "est", "une", "dans", "pour", "qui", "sur"},
	"es": {"el", "los", "las", "y", "del", "una", "por", "con", "para", "que"},
	"it": {"il", "di", "che", "gli", "della", "una", "per", "non", "sono", "con"},
	"pt": {"os", "das", "uma", "não", "com", "para", "que", "do", "em", "ao"},
	"nl": {"de", "het", "een", "van", "en", "niet", "zijn", "op", "voor", "met"},
}

// scripts are the scripts Language counts letters of, in alphabetical
// order of their names: the order a tie between two is settled in.
var scripts = [...]string{"ar", "cyrillic", "el", "he", "ja", "ko", "latin", "zh"}

// The indexes of scripts.
const (
	scriptAr = iota
	scriptCyrillic
	scriptEl
	scriptHe
	scriptJa
	scriptKo
	scriptLatin
	scriptZh
)

// Language names the language of a text (ISO 639-1) from its script and, for
// Latin script, its most frequent function words; "" when unsure.
func Language(s string) string {
	if len(s) > 20000 {
		s = s[:20000]
	}
	counts, letters := scriptCounts(s)
	if letters == 0 {
		return ""
	}
	script, best := -1, 0
	for k, n := range counts { // in scripts' order: a tie goes to the same script on every run
		if n > best {
			script, best = k, n
		}
	}
	switch script {
	case -1:
		return ""
	case scriptLatin:
		return latinLang(s)
	case scriptCyrillic:
		if strings.ContainsAny(s, "іїєґІЇЄҐ") {
			return "uk"
		}
		return "ru"
	case scriptZh:
		if counts[scriptJa] > 0 {
			return "ja"
		}
	}
	return scripts[script]
}

// scriptCounts counts the letters of s by script (Japanese kana thrice)
// and in all. An ASCII letter is Latin and nothing else, so it is counted
// without the Unicode tables: in a counter, not a map, as every letter of
// an article's text is (a hundredth of a page's extraction time on
// msv-chaos before, session 43).
func scriptCounts(s string) (counts [len(scripts)]int, letters int) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				letters++
				counts[scriptLatin]++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts[scriptJa] += 3
		case unicode.Is(unicode.Han, r):
			counts[scriptZh]++
		case unicode.Is(unicode.Hangul, r):
			counts[scriptKo]++
		case unicode.Is(unicode.Cyrillic, r):
			counts[scriptCyrillic]++
		case unicode.Is(unicode.Arabic, r):
			counts[scriptAr]++
		case unicode.Is(unicode.Greek, r):
			counts[scriptEl]++
		case unicode.Is(unicode.Hebrew, r):
			counts[scriptHe]++
		case unicode.Is(unicode.Latin, r):
			counts[scriptLatin]++
		}
	}
	return counts, letters
}

// latinOrder is latinMarkers' languages in alphabetical order, the order
// latinLang weighs them in.
var latinOrder = sync.OnceValue(func() []string { return slices.Sorted(maps.Keys(latinMarkers)) })

// latinMarkerSet is every word of latinMarkers.
var latinMarkerSet = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, words := range latinMarkers {
		for _, w := range words {
			out[w] = true
		}
	}
	return out
})

// latinLang names the language of a Latin-script text whose marker words
// it holds most often (at least three), the first in latinOrder on a tie;
// "" when it holds fewer.
func latinLang(s string) string {
	markers := latinMarkerSet()
	freq := map[string]int{}
	for _, w := range Words(strings.ToLower(s)) {
		if markers[w] { // only the markers' counts are read: a page's other words no longer fill the map
			freq[w]++
		}
	}
	lang, best := "", 0
	for _, l := range latinOrder() { // in order: a tie goes to the same language on every run
		markers := latinMarkers[l]
		n := 0
		for _, m := range markers {
			n += freq[m]
		}
		if n > best {
			lang, best = l, n
		}
	}
	if best < 3 {
		return ""
	}
	return lang
}
