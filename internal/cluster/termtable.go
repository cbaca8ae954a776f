package cluster

import "math/bits"

// termTable maps term hashes to values by open addressing with linear
// probing. The clusterer looks terms up in each story's slots, in the
// document frequencies and in the postings hundreds of times per article
// (and keys the LSH buckets by it, see lshIndex); Go's map spent most
// of its time there finding the group and matching control bytes, where a
// table of the hashes themselves needs one multiply and, mostly, one cache
// line. Term hashes are FNV-1a, whose low bits vary little between similar
// words: the place is the hash times a 64-bit odd constant (Fibonacci
// hashing), its top bits.
type termTable[V any] struct {
	keys  []uint64 // 0 marks an empty entry
	vals  []V
	n     int // entries held, key 0 not counted
	shift uint8
	// The hash 0 cannot be stored in keys: its value is kept apart.
	hasZero bool
	zeroVal V
}

// fibonacci is 2^64 over the golden ratio, odd: multiplying by it spreads
// the bits of a key over the top of the product.
const fibonacci = 0x9E3779B97F4A7C15

// minTableSize is the entries a table starts with: a story starts with one
// article's terms, a few dozen.
const minTableSize = 32

func (t *termTable[V]) init(size int) {
	if size <= minTableSize {
		size = minTableSize
	} else {
		size = 1 << bits.Len(uint(size-1)) // the power of two at or above
	}
	t.keys, t.vals, t.n = make([]uint64, size), make([]V, size), 0
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
}

// get returns the value of key h, if held.
func (t *termTable[V]) get(h uint64) (V, bool) {
	if h == 0 {
		return t.zeroVal, t.hasZero
	}
	if t.keys == nil {
		var zero V
		return zero, false
	}
	mask := len(t.keys) - 1
	for i := int((h * fibonacci) >> t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], true
		case 0:
			var zero V
			return zero, false
		}
	}
}

// ref returns the value of key h to be changed in place, adding the key
// with the zero value when it is not held. The pointer is good until the
// next ref.
func (t *termTable[V]) ref(h uint64) *V {
	if h == 0 {
		t.hasZero = true
		return &t.zeroVal
	}
	if t.keys == nil {
		t.init(minTableSize)
	}
	mask := len(t.keys) - 1
	for i := int((h * fibonacci) >> t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return &t.vals[i]
		case 0:
			// At most half full: probes stay short, misses (most
			// lookups of an article's terms in a story) end soon.
			if 2*(t.n+1) > len(t.keys) {
				t.grow()
				return t.ref(h)
			}
			t.keys[i], t.n = h, t.n+1
			return &t.vals[i]
		}
	}
}

// del removes key h, if held. Entries after it in its run move back into
// the gap when their place is at or before it, so that a lookup never stops
// short and no mark of the deletion stays behind: a table with keys added
// and deleted for ever holds no more than its keys need.
func (t *termTable[V]) del(h uint64) {
	var zero V
	if h == 0 {
		t.hasZero, t.zeroVal = false, zero
		return
	}
	if t.keys == nil {
		return
	}
	mask := len(t.keys) - 1
	i := int((h * fibonacci) >> t.shift)
	for ; t.keys[i] != h; i = (i + 1) & mask {
		if t.keys[i] == 0 {
			return
		}
	}
	for j := (i + 1) & mask; t.keys[j] != 0; j = (j + 1) & mask {
		// The entry at j may fill the gap at i when i is between its
		// place and j (cyclically).
		if place := int((t.keys[j] * fibonacci) >> t.shift); (j-place)&mask >= (j-i)&mask {
			t.keys[i], t.vals[i] = t.keys[j], t.vals[j]
			i = j
		}
	}
	t.keys[i], t.vals[i] = 0, zero
	t.n--
}

// grow doubles the table.
func (t *termTable[V]) grow() {
	keys, vals := t.keys, t.vals
	t.init(2 * len(keys))
	for i, k := range keys {
		if k != 0 {
			*t.ref(k) = vals[i]
		}
	}
}

// len is the number of keys held.
func (t *termTable[V]) len() int {
	if t.hasZero {
		return t.n + 1
	}
	return t.n
}

// each calls f with every key and its value, in no particular order.
func (t *termTable[V]) each(f func(h uint64, v V)) {
	if t.hasZero {
		f(0, t.zeroVal)
	}
	for i, k := range t.keys {
		if k != 0 {
			f(k, t.vals[i])
		}
	}
}
