package text

// MinHash is a signature whose share of equal positions between two sets
// estimates their Jaccard similarity.
type MinHash []uint64

// Signature computes a MinHash of n positions over the given features. Each
// position uses the feature's 64-bit FNV-1a hash mixed with a distinct seed
// (splitmix64), which behaves as an independent hash function.
func Signature(features []string, n int) MinHash {
	sig := newSignature(n)
	for _, f := range features {
		sig.add(Hash(f))
	}
	return sig
}

// ShingleSignature is Signature(Shingles(words, k), n), computed without
// building the shingles' strings.
func ShingleSignature(words []string, k, n int) MinHash {
	sig := newSignature(n)
	switch {
	case len(words) == 0:
	case len(words) <= k:
		sig.add(shingleHash(words))
	default:
		for i := 0; i+k <= len(words); i++ {
			sig.add(shingleHash(words[i : i+k]))
		}
	}
	return sig
}

// shingleHash is Hash(strings.Join(words, " ")).
func shingleHash(words []string) uint64 {
	h := Hash(words[0])
	for _, w := range words[1:] {
		h = HashMore(HashMore(h, " "), w)
	}
	return h
}

func newSignature(n int) MinHash {
	sig := make(MinHash, n)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	return sig
}

// add takes a feature's hash into the signature.
func (sig MinHash) add(base uint64) {
	for i := range sig {
		if v := mix(base ^ seeds[i%len(seeds)] + uint64(i)); v < sig[i] {
			sig[i] = v
		}
	}
}

// Similarity estimates the Jaccard similarity of the sets behind a and b.
func (a MinHash) Similarity(b MinHash) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] && a[i] != ^uint64(0) {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Bands splits the signature into b bands and hashes each to a bucket key, for
// locality-sensitive hashing: two sets share a key with probability
// 1-(1-J^r)^b, where r = len/b rows per band.
func (a MinHash) Bands(b int) []uint64 {
	if b <= 0 || len(a) == 0 {
		return nil
	}
	rows := len(a) / b
	keys := make([]uint64, b)
	for i := 0; i < b; i++ {
		h := uint64(i) * 0x9e3779b97f4a7c15
		for _, v := range a[i*rows : (i+1)*rows] {
			h = mix(h ^ v)
		}
		keys[i] = h
	}
	return keys
}

// mix is splitmix64's finaliser.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

var seeds = [...]uint64{
	0x243f6a8885a308d3, 0x13198a2e03707344, 0xa4093822299f31d0, 0x082efa98ec4e6c89,
	0x452821e638d01377, 0xbe5466cf34e90c6c, 0xc0ac29b7c97c50dd, 0x3f84d5b5b5470917,
}
