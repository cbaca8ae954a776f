package text

import (
	"hash/fnv"
	"testing"
)

// Hash must stay FNV-1a: site templates stored by earlier versions hold
// fingerprints made with hash/fnv.
func TestHashIsFNV1a(t *testing.T) {
	for _, s := range []string{"", "a", "Calder dockworkers", "Москва", "北京"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if Hash(s) != h.Sum64() {
			t.Errorf("Hash(%q) = %x, want FNV-1a %x", s, Hash(s), h.Sum64())
		}
	}
	if HashMore(Hash("Calder "), "port") != Hash("Calder port") {
		t.Errorf("HashMore does not continue Hash")
	}
}
