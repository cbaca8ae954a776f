package cluster

import "math/bits"

// termFilter is a Bloom filter of a story's terms (a blocked one: each term
// sets two bits of one 64-bit word), which tells without reading the
// story's slot table that it does not hold most of the terms it does not
// hold. Scoring an article against a candidate story looks each of the
// article's terms up in the story's table, and most are not there; the
// table's keys (8 bytes an entry, at most half full) are spread over
// dozens of cache lines that have mostly left the cache since the story
// was last a candidate, where the filter, at 2 bits an entry of the table,
// is a line or two, read again for each term. It has no false negatives,
// so a lookup that it lets through reads the table as before, and every
// weight and sum is the same.
//
// It keeps 2 bits for each entry of the table (a word per 32), so that
// with the table at most half full at least 4 bits are set aside for each
// term held: at most about 15% of the terms not held pass (two bits a term,
// so at most 39% of the bits set, and 0.39² = 0.15; a little more, as each
// term's bits share one word). Measured (session 49): of the terms of 1,000
// articles not held by their ten candidate stories, after the first 20,000
// articles of the stream of issue 14, 9% passed.
type termFilter struct {
	words []uint64
	shift uint8 // 64 less the bits of a word's index
}

// filterMix is an odd constant that spreads a term's hash over the top
// bits of its product with it, as fibonacci does for the slot table: a
// second constant, so that the filter's bits do not follow the table's
// places (the splitmix64 finaliser's first multiplier).
const filterMix = 0xBF58476D1CE4E5B9

// termsPerFilterWord is how many entries of a slot table share a word of
// its filter: 32, two bits each.
const termsPerFilterWord = 32

// mayHold reports whether the filter may hold term h: false when it
// surely does not (and when it holds nothing).
func (f *termFilter) mayHold(h uint64) bool {
	if len(f.words) == 0 {
		return false
	}
	word, mask := f.place(h)
	return f.words[word]&mask == mask
}

// place is the word of the filter that term h sets bits of, and those bits.
func (f *termFilter) place(h uint64) (int, uint64) {
	m := h * filterMix
	m ^= m >> 31              // the top bits of the product are the best mixed: bring some down for the bits
	word := int(m >> f.shift) // a filter of one word shifts by 64: 0 in Go
	return word, 1<<(m&63) | 1<<((m>>6)&63)
}

// add puts term h in the filter of a story whose slot table has
// tableSize entries and whose terms are all (h among them): when the
// table has grown since the filter was made, the filter is made again at
// its new size, from all the terms.
func (f *termFilter) add(h uint64, all []uint64, tableSize int) {
	if n := max(tableSize/termsPerFilterWord, 1); n != len(f.words) {
		f.words = make([]uint64, n)
		f.shift = uint8(64 - bits.TrailingZeros(uint(n)))
		for _, t := range all {
			f.set(t)
		}
		return
	}
	f.set(h)
}

// set sets the bits of term h.
func (f *termFilter) set(h uint64) {
	word, mask := f.place(h)
	f.words[word] |= mask
}
