package text

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// refLanguage is Language as it was before session 43 counted scripts in
// an array: a map keyed by script name, every letter through the Unicode
// tables. It calls today's latinLang, which counts the marker words alone
// (the only counts it reads); TestLatinLangCases holds that part.
func refLanguage(s string) string {
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
	for _, k := range slices.Sorted(maps.Keys(counts)) {
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

// languageCases are invented texts with the language Language gives them:
// each script, ties between scripts (settled alphabetically), kana
// counted thrice, letters of no counted script (Thai), Latin letters
// outside ASCII, and no letters at all.
var languageCases = []struct{ text, want string }{
	{"The cat and the dog of the house is on the mat with the hat.", "en"},
	{"Der Hund und die Katze, das ist nicht mit ein Spiel.", "de"},
	{"Le chat et les chiens des voisins est dans une maison pour qui sur.", "fr"},
	{"Ça étéé à l’hôtel", ""}, {"Кот и собака", "ru"}, {"Їжак і кіт", "uk"}, {"猫と犬", "ja"}, {"猫狗", "zh"},
	{"고양이", "ko"}, {"قطة", "ar"}, {"γάτα", "el"}, {"חתול", "he"}, {"แมว", ""}, {"12 345 !?", ""}, {"", ""},
	{"ab γδ", "el"}, {"αβ ab", "el"}, {"ab αβγ", "el"}, {"abc αβ", ""}, {"кот cat", "ru"},
	{"ñandú ÑANDÚ", ""}, {"ǅ ǈ ǋ", ""}, {"日本語のテキスト漢字漢字漢字漢字", "ja"}, {"\xff\xfe ab", ""},
}

// TestLanguageCases: Language names the invented texts as the map form
// did.
func TestLanguageCases(t *testing.T) {
	for _, c := range languageCases {
		if want := refLanguage(c.text); want != c.want {
			t.Fatalf("refLanguage(%q) = %q, the case says %q", c.text, want, c.want)
		}
		if got := Language(c.text); got != c.want {
			t.Errorf("Language(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzLanguage: Language equals the map form on every text.
func FuzzLanguage(f *testing.F) {
	for _, c := range languageCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Language(s), refLanguage(s); got != want {
			t.Fatalf("Language(%q) = %q, the map form %q", s, got, want)
		}
	})
}

// TestLatinLangCases: latinLang, counting the marker words alone, names
// invented Latin-script texts by their most frequent markers, the first
// language alphabetically on a tie, "" under three.
func TestLatinLangCases(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"the cat and the dog", "en"}, {"de het een van en", "nl"}, {"de la de la", ""}, {"de la de la de", "nl"}, {"que con para que", "es"},
		{"the and of der die und", "de"}, {"THE AND OF", "en"}, {"theory andes offer", ""}, {"", ""},
	} {
		if got := latinLang(c.text); got != c.want {
			t.Errorf("latinLang(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// BenchmarkLanguage names the language of an English article's text.
func BenchmarkLanguage(b *testing.B) {
	s := strings.Repeat("The council said on Tuesday that the new bridge would open in May, with a toll for lorries. ", 60)
	for b.Loop() {
		Language(s)
	}
}
