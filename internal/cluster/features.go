package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// features are what the clusterer compares of an article. Terms, names and
// numbers are kept as 64-bit hashes, sorted, because the clusterer looks
// them up many times per article; their words are kept only for
// explanations.
type features struct {
	terms     []term       // sublinear term frequency, title terms counted twice
	termWords []string     // the word of each term, in the same order
	names     []uint64     // lower-cased capitalised words not at a sentence start
	nameWords []string     // the word of each name, in the same order
	numbers   []uint64     // numbers of two or more digits (years, counts, sums)
	sig       text.MinHash // over 5-word shingles, for near-duplicates
	words     int
}

// term is a hashed term with its weight in an article (or a story's sum).
type term struct {
	h uint64
	w float64
}

const (
	signatureSize = 64
	lshBands      = 16 // 4 rows each: pairs at Jaccard 0.7 collide with probability 0.98, at 0.3 with 0.12
)

func featuresOf(a news.Article) features {
	var f features
	counts := map[string]int{}
	for _, t := range text.Terms(a.Title) {
		counts[t] += 2
	}
	body := a.Text
	for _, t := range text.Terms(body) {
		counts[t]++
	}
	f.terms, f.termWords = hashedByWord(counts, func(n int) float64 { return 1 + math.Log(float64(n)) })
	names := map[string]bool{}
	for _, s := range text.Sentences(strings.ReplaceAll(a.Title+".\n"+body, "\n", " ")) {
		words := text.Words(s)
		for i, w := range words {
			if i > 0 && text.IsUpperInitial(w) && len(w) > 1 && !text.IsStopWord(strings.ToLower(w)) {
				names[strings.ToLower(w)] = true
			}
		}
	}
	numbers := figuresOf(a.Title + "\n" + body)
	f.names, f.nameWords = hashedSet(names)
	f.numbers, _ = hashedSet(numbers)
	words := text.Words(text.Normalize(body))
	f.words = len(words)
	f.sig = text.ShingleSignature(words, 5, signatureSize)
	return f
}

// hashedByWord hashes the keys of m once each and returns them sorted by
// hash, with weight(value) as the weight, and the key of each.
func hashedByWord[V any](m map[string]V, weight func(V) float64) ([]term, []string) {
	terms := make([]term, 0, len(m))
	byHash := make(map[uint64]string, len(m))
	for k, v := range m {
		h := text.Hash(k)
		terms = append(terms, term{h, weight(v)})
		byHash[h] = k
	}
	slices.SortFunc(terms, func(a, b term) int { return cmp.Compare(a.h, b.h) })
	words := make([]string, len(terms))
	for i, t := range terms {
		words[i] = byHash[t.h]
	}
	return terms, words
}

// hashedSet returns a set's hashes sorted, with the word of each.
func hashedSet(set map[string]bool) ([]uint64, []string) {
	terms, words := hashedByWord(set, func(bool) float64 { return 0 })
	hashes := make([]uint64, len(terms))
	for i, t := range terms {
		hashes[i] = t.h
	}
	return hashes, words
}

// figuresOf lists the numbers of two or more digits a text states, whole:
// "576,000" is 576000 and "4.5" is 4.5, not 576 and 000 as words would split
// them. Counts, sums and years tell one occurrence of an event from another
// of its kind.
func figuresOf(s string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j, digits := i, 0
		var b strings.Builder
		for j < len(s) {
			switch {
			case isDigit(s[j]):
				b.WriteByte(s[j])
				digits++
			case s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]) && digits > 0:
				b.WriteByte('.')
			case s[j] == ',' && j+3 < len(s) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]):
			default:
				goto done
			}
			j++
		}
	done:
		if digits >= 2 {
			out[b.String()] = true
		}
		i = j
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
