// Package text holds the language tools every stage shares: word tokens, index
// terms, sentence segmentation, stop words, shingles, MinHash signatures and
// the name lexicon (first names, surnames, places, organisations) that the
// entity recogniser and the byline reader share. It is a leaf: it imports
// nothing from the project.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isWordRune reports whether r belongs inside a word: letters, digits, marks and
// the underscore, as in the benchmark metric's \w.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // most text is ASCII: a table, not three Unicode range searches
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWord marks the ASCII word characters: letters, digits, underscore.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range utf8.RuneSelf {
		t[r] = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return t
}()

// firstHan is the first code point isHan can accept (the CJK radicals
// supplement; Hiragana, Katakana and the Han ideographs all come later):
// below it the three Unicode range searches are skipped, for every
// character of nearly every word.
const firstHan = '\u2e80'

// isHan reports whether r is written without spaces between words (Chinese,
// Japanese kana), so that words must be approximated by character n-grams.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// Words returns the maximal runs of word characters of s, case kept.
func Words(s string) []string { return AppendWords(nil, s) }

// AppendWords appends the words of s (see Words) to out, for a caller that
// reuses one slice over many texts.
func AppendWords(out []string, s string) []string {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// WordCount counts the words of s, counting a run of Han characters as one word
// per two characters, the usual length of a Chinese word, and a run of
// Thai, Lao, Myanmar or Khmer as UnspacedRunWords, as extraction counts a
// block's words (so that a count of its blocks' words and one of its
// article's, as the site template compares, agree).
func WordCount(s string) int {
	n := 0
	for _, w := range Words(s) {
		han, unspaced := 0, 0
		for _, r := range w {
			if isHan(r) {
				han++
			} else if IsUnspaced(r) {
				unspaced++
			}
		}
		if han == 0 && unspaced > 0 {
			n += UnspacedRunWords(unspaced)
			continue
		}
		if han > 0 {
			n += (han + 1) / 2
			if utf8.RuneCountInString(w) > han {
				n++
			}
			continue
		}
		n++
	}
	return n
}

// UnspacedWordRunes is the mean length of a word, in code points (vowel
// signs and tone marks included), of the scripts IsUnspaced names: 4.0 on
// the Thai sample of golang.org/x/text's internal/testtext (320 code
// points, 80 words by libthai 0.1.29's dictionary word breaker, in 12
// space-separated runs; session 44, docs/measurements/extraction.md).
// Measured on Thai only; Lao, Khmer and Myanmar are counted with it too,
// as closer than one word per run.
const UnspacedWordRunes = 4

// IsUnspaced reports whether r is a letter, mark or digit of a script
// written without spaces between words (Thai, Lao, Myanmar, Khmer): a
// paragraph of such text is a handful of space-separated runs, which would
// never reach a word floor that the same paragraph in English reaches.
func IsUnspaced(r rune) bool {
	return r >= 0x0E00 && r <= 0x0EFF || // Thai, Lao
		r >= 0x1000 && r <= 0x109F || // Myanmar
		r >= 0x1780 && r <= 0x17FF // Khmer
}

// UnspacedRunWords is how many words a run of word characters holding n
// characters of the scripts IsUnspaced names counts: one per
// UnspacedWordRunes of them, rounded down, and at least one, so that a
// run that is one word (a menu's entry, or a word that a zero-width space
// sets apart, as Khmer text often has; such words run to 7 or 8
// characters with their marks) counts one, and a phrase of several words
// about its words.
func UnspacedRunWords(n int) int { return max(n/UnspacedWordRunes, 1) }

// Terms returns the index terms of s: lower-cased words without stop words and
// single characters, and character bigrams for runs of Han script.
func Terms(s string) []string { return TermsOf(Words(s)) }

// TermsOf is Terms of a text's words as Words split them, for a caller
// that needs the words too and would otherwise split the text twice.
func TermsOf(words []string) []string { return AppendTermsOf(nil, words) }

// AppendTermsOf appends the terms of words (see TermsOf) to out.
func AppendTermsOf(out []string, words []string) []string {
	for _, w := range words {
		if hasHan(w) {
			out = append(out, hanBigrams(w)...)
			continue
		}
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(lw) < 2 || IsStopWord(lw) {
			continue
		}
		out = append(out, lw)
	}
	return out
}

// SplitHan splits a word (as Words gives it) into its characters of
// scripts written without spaces (isHan: Chinese, Japanese kana), one by
// one, and the runs of other characters between them ("12月5日" gives
// "12", "月", "5", "日"); a word without such characters is returned
// whole. A caller that weighs the pieces can count two Han characters a
// word, as WordCount does.
func SplitHan(w string) []string {
	if !hasHan(w) {
		return []string{w}
	}
	var out []string
	start := 0
	for i, r := range w {
		if r < firstHan || !isHan(r) {
			continue
		}
		if start < i {
			out = append(out, w[start:i])
		}
		size := utf8.RuneLen(r)
		out = append(out, w[i:i+size])
		start = i + size
	}
	if start < len(w) {
		out = append(out, w[start:])
	}
	return out
}

// IsHanPiece reports whether a piece of SplitHan is one character of a
// script written without spaces.
func IsHanPiece(piece string) bool {
	r, size := utf8.DecodeRuneInString(piece)
	return size == len(piece) && r >= firstHan && isHan(r)
}

func hasHan(w string) bool {
	for _, r := range w {
		if r >= firstHan && isHan(r) {
			return true
		}
	}
	return false
}

func hanBigrams(w string) []string {
	rs := []rune(w)
	if len(rs) == 1 {
		return []string{w}
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// Normalize lower-cases s and folds typographic quotes, dashes and spaces to
// their plain forms, so that the same words compare equal across outlets.
func Normalize(s string) string {
	return strings.ToLower(Fold(s))
}

var foldPunct = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u00ab", "\"", "\u00bb", "\"",
	"\u2013", "-", "\u2014", "-", "\u2212", "-", "\u00a0", " ", "\u202f", " ", "\u00ad", "",
)

// Shingles returns the k-word shingles of words joined by spaces; a text with
// fewer than k words is one shingle, an empty one has none.
func Shingles(words []string, k int) []string {
	if len(words) == 0 {
		return nil
	}
	if len(words) <= k {
		return []string{strings.Join(words, " ")}
	}
	out := make([]string, 0, len(words)-k+1)
	for i := 0; i+k <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+k], " "))
	}
	return out
}

// Fold returns s with typographic punctuation folded but case kept.
func Fold(s string) string {
	// Every character foldPunct replaces is written with a first byte of
	// 0xC2 (U+00A0-U+00BF) or 0xE2 (U+2000-U+2FFF); a text with neither
	// (most texts) is returned as it is, without the replacer's copy.
	if strings.IndexByte(s, 0xC2) < 0 && strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	return foldPunct.Replace(s)
}

// IsUpperInitial reports whether the word begins with an upper-case letter.
func IsUpperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
