package text

// Hash is the 64-bit FNV-1a hash of s: fixed, so that runs and stored
// fingerprints repeat, and without the allocations of hash/fnv.
func Hash(s string) uint64 { return HashMore(fnvOffset, s) }

// HashMore continues an FNV-1a hash over s: HashMore(Hash(a), b) is
// Hash(a + b), without building a + b.
func HashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)
