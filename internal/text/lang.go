package text

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
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

// Language names the language of a text (ISO 639-1) from its script and, for
// Latin script, its most frequent function words; "" when unsure.
func Language(s string) string {
	if len(s) > 20000 {
		s = s[:20000]
	}
	counts := map[string]int{}
	letters := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts["ja"] += 3
		case unicode.Is(unicode.Han, r):
			counts["zh"]++
		case unicode.Is(unicode.Hangul, r):
			counts["ko"]++
		case unicode.Is(unicode.Cyrillic, r):
			counts["cyrillic"]++
		case unicode.Is(unicode.Arabic, r):
			counts["ar"]++
		case unicode.Is(unicode.Greek, r):
			counts["el"]++
		case unicode.Is(unicode.Hebrew, r):
			counts["he"]++
		case unicode.Is(unicode.Latin, r):
			counts["latin"]++
		}
	}
	if letters == 0 {
		return ""
	}
	script, best := "", 0
	for _, k := range slices.Sorted(maps.Keys(counts)) { // in order: a tie goes to the same script on every run
		if n := counts[k]; n > best {
			script, best = k, n
		}
	}
	switch script {
	case "latin":
		return latinLang(s)
	case "cyrillic":
		if strings.ContainsAny(s, "іїєґІЇЄҐ") {
			return "uk"
		}
		return "ru"
	case "zh":
		if counts["ja"] > 0 {
			return "ja"
		}
	}
	return script
}

// latinOrder is latinMarkers' languages in alphabetical order, the order
// latinLang weighs them in.
var latinOrder = sync.OnceValue(func() []string { return slices.Sorted(maps.Keys(latinMarkers)) })

// latinLang names the language of a Latin-script text whose marker words
// it holds most often (at least three), the first in latinOrder on a tie;
// "" when it holds fewer.
func latinLang(s string) string {
	freq := map[string]int{}
	for _, w := range Words(strings.ToLower(s)) {
		freq[w]++
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
