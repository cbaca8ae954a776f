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

// featuresOf computes an article's features: its terms, names, figures and
// shingle signature.
func featuresOf(a news.Article) features {
	var f features
	body := a.Text
	f.terms, f.termWords = termsOf(text.Terms(a.Title), text.Terms(body))
	names := map[string]bool{}
	for _, s := range text.Sentences(strings.ReplaceAll(a.Title+".\n"+body, "\n", " ")) {
		words := text.Words(s)
		for i, w := range words {
			if i == 0 || len(w) < 2 || !text.IsUpperInitial(w) {
				continue
			}
			if lw := strings.ToLower(w); !text.IsStopWord(lw) {
				names[lw] = true
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

// termsOf weighs each term by its sublinear frequency, 1 + ln(count), a
// title term counting twice, and returns the terms sorted by hash with the
// word of each. Occurrences are sorted by hash and counted in runs, which
// costs less than counting them in a map of strings.
func termsOf(title, body []string) ([]term, []string) {
	type occurrence struct {
		h    uint64
		word string
		n    int
	}
	occs := make([]occurrence, 0, len(title)+len(body))
	for _, t := range title {
		occs = append(occs, occurrence{text.Hash(t), t, 2})
	}
	for _, t := range body {
		occs = append(occs, occurrence{text.Hash(t), t, 1})
	}
	slices.SortFunc(occs, func(a, b occurrence) int { return cmp.Compare(a.h, b.h) })
	var terms []term
	var words []string
	for i := 0; i < len(occs); {
		j, n := i, 0
		for ; j < len(occs) && occs[j].h == occs[i].h; j++ {
			n += occs[j].n
		}
		terms = append(terms, term{occs[i].h, 1 + math.Log(float64(n))})
		words = append(words, occs[i].word)
		i = j
	}
	return terms, words
}

// hashedSet returns a set's hashes sorted, with the word of each.
func hashedSet(set map[string]bool) ([]uint64, []string) {
	hashes := make([]uint64, 0, len(set))
	byHash := make(map[uint64]string, len(set))
	for k := range set {
		h := text.Hash(k)
		hashes = append(hashes, h)
		byHash[h] = k
	}
	slices.Sort(hashes)
	words := make([]string, len(hashes))
	for i, h := range hashes {
		words[i] = byHash[h]
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
