package cluster

import (
	"math/rand/v2"
	"testing"
)

// TestDocFreqGenerations checks the document frequencies against a count
// kept apart by generation, across several generations: a term is counted
// over the current and the previous generation only.
func TestDocFreqGenerations(t *testing.T) {
	d := newDocFreq()
	r := rand.New(rand.NewPCG(1, 2))
	var gens []map[uint64]int // documents with each term, by generation
	const docs = 2*dfGeneration + dfGeneration/2
	for i := 0; i < docs; i++ {
		if i%dfGeneration == 0 {
			gens = append(gens, map[uint64]int{})
		}
		var terms []term
		for h := uint64(0); h < 40; h++ {
			// Terms 0-19 appear in the first generation only, 20-39 throughout.
			if (h >= 20 || i < dfGeneration) && r.IntN(4) == 0 {
				terms = append(terms, term{h: h, w: 1})
				gens[len(gens)-1][h]++
			}
		}
		d.add(terms)
	}
	cur, prev := gens[len(gens)-1], gens[len(gens)-2]
	if want := dfGeneration + dfGeneration/2; d.docs() != want {
		t.Fatalf("docs = %d, want %d", d.docs(), want)
	}
	for h := uint64(0); h < 40; h++ {
		if got, want := d.of(h), cur[h]+prev[h]; got != want {
			t.Errorf("of(%d) = %d, want %d", h, got, want)
		}
	}
	if _, ok := d.counts[3]; ok {
		t.Errorf("a term seen only two generations ago is still held")
	}
}
