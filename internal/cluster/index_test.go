package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
	"unsafe"
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
	if _, ok := d.counts.get(3); ok {
		t.Errorf("a term seen only two generations ago is still held")
	}
}

// TestTermTable checks the table against a map through growth, with the
// key 0 and keys that share their low bits (FNV hashes of similar words
// do).
func TestTermTable(t *testing.T) {
	var tab termTable[int32]
	want := map[uint64]int32{}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		var h uint64
		switch i % 3 {
		case 0:
			h = uint64(r.IntN(3000)) << 40 // low bits all zero
		case 1:
			h = r.Uint64()
		default:
			h = uint64(r.IntN(4)) // 0 among them
		}
		*tab.ref(h) += int32(i)
		want[h] += int32(i)
	}
	if tab.len() != len(want) {
		t.Fatalf("len = %d, want %d", tab.len(), len(want))
	}
	for h, v := range want {
		if got, ok := tab.get(h); !ok || got != v {
			t.Errorf("get(%d) = %d, %v; want %d", h, got, ok, v)
		}
	}
	if _, ok := tab.get(12345); ok {
		t.Errorf("get of a key never added found it")
	}
	n := 0
	tab.each(func(h uint64, v int32) {
		if want[h] != v {
			t.Errorf("each gives %d: %d, want %d", h, v, want[h])
		}
		n++
	})
	if n != len(want) {
		t.Errorf("each gave %d keys, want %d", n, len(want))
	}
	var empty termTable[int32]
	if _, ok := empty.get(7); ok || empty.len() != 0 {
		t.Errorf("an empty table holds something")
	}
}

// TestTermTableDelete adds and deletes keys at random, many more than the
// table holds at once, and checks it against a map after every step: no
// key is lost from a run a deletion closed up, and the table does not grow
// beyond what the keys held need.
func TestTermTableDelete(t *testing.T) {
	var tab termTable[int32]
	want := map[uint64]int32{}
	r := rand.New(rand.NewPCG(5, 6))
	key := func() uint64 {
		if r.IntN(2) == 0 {
			return uint64(r.IntN(400)) << 40 // low bits all zero: long runs
		}
		return uint64(r.IntN(400)) // 0 among them
	}
	for i := 0; i < 200000; i++ {
		h := key()
		if _, held := want[h]; held && r.IntN(2) == 0 {
			tab.del(h)
			delete(want, h)
			if _, ok := tab.get(h); ok {
				t.Fatalf("step %d: get(%d) finds a deleted key", i, h)
			}
		} else {
			*tab.ref(h) = int32(i)
			want[h] = int32(i)
		}
		if i%997 == 0 {
			for h, v := range want {
				if got, ok := tab.get(h); !ok || got != v {
					t.Fatalf("step %d: get(%d) = %d, %v; want %d", i, h, got, ok, v)
				}
			}
		}
		if tab.len() != len(want) {
			t.Fatalf("step %d: len = %d, want %d", i, tab.len(), len(want))
		}
	}
	tab.del(1 << 62) // never held: nothing happens
	if _, ok := tab.get(0); ok != hasKey(want, 0) {
		t.Errorf("key 0 held %v, want %v", ok, hasKey(want, 0))
	}
	if len(tab.keys) > 2048 { // 800 keys at most, at most half full
		t.Errorf("table of %d entries for at most 800 keys", len(tab.keys))
	}
}

func hasKey(m map[uint64]int32, k uint64) bool {
	_, ok := m[k]
	return ok
}

// TestOpenStretchAsStamps checks that a story's open stretch, compared as
// nanosecond stamps, says what comparing the times says, at both ends and
// for dates without a stamp (the year 2500), where it compares the times.
func TestOpenStretchAsStamps(t *testing.T) {
	c := New(Options{})
	for _, first := range []time.Time{
		time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2500, 3, 1, 12, 0, 0, 0, time.UTC),
	} {
		s := newStory("s", 0)
		s.noteTime(first)
		s.noteTime(first.Add(48 * time.Hour))
		c.noteWindow(s)
		var want uint8 = stretchStamps
		if first.Year() > 2261 {
			want = stretchTimes
		}
		if s.stretch != want {
			t.Errorf("%v: stretch %d, want %d", first, s.stretch, want)
		}
		for _, when := range []time.Time{
			s.openFrom, s.openUntil, s.openFrom.Add(-time.Nanosecond), s.openUntil.Add(time.Nanosecond),
			first, first.AddDate(0, 0, 30), first.AddDate(0, 0, -30),
		} {
			byTimes := !when.After(s.openUntil) && !when.Before(s.openFrom)
			if got := c.open(s, when); got != byTimes {
				t.Errorf("open at %v = %v, comparing the times says %v (stretch %v to %v)", when, got, byTimes, s.openFrom, s.openUntil)
			}
		}
	}
	if _, ok := stampOf(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)); ok {
		t.Error("year 1 has no stamp")
	}
}

// TestOpenStampedStoryForUnstampedArticle asks a story whose stretch is
// stamps about articles whose times have no stamp (far before or after
// the stamps' range): open falls back to comparing times, and says no.
func TestOpenStampedStoryForUnstampedArticle(t *testing.T) {
	c := New(Options{})
	s := newStory("s", 0)
	first := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	s.noteTime(first)
	c.noteWindow(s)
	if s.stretch != stretchStamps {
		t.Fatalf("a 2024 story's stretch is %d, want stamps", s.stretch)
	}
	for _, when := range []time.Time{
		time.Date(1600, 3, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2500, 3, 1, 12, 0, 0, 0, time.UTC),
	} {
		if _, ok := stampOf(when); ok {
			t.Fatalf("%v has a stamp: the test needs a time outside their range", when)
		}
		if c.open(s, when) {
			t.Errorf("a story of %v is open for an article of %v", first, when)
		}
	}
	if !c.open(s, first.Add(time.Hour)) {
		t.Errorf("a story of %v is closed an hour later", first)
	}
}

// TestStoryLookupFieldsInOneCacheLine guards storyHead's layout: what the
// candidate lookup reads at each posting and at a story's first touch lies
// in one cache line of every head a clusterer hands out (from its slab),
// so that a field added cannot silently cost a second wait on memory per
// story touched; and the heads of stories made one after another lie side
// by side, a few to a page.
func TestStoryLookupFieldsInOneCacheLine(t *testing.T) {
	var h storyHead
	fields := map[string]uintptr{
		"epoch":     unsafe.Offsetof(h.epoch) + unsafe.Sizeof(h.epoch),
		"partial":   unsafe.Offsetof(h.partial) + unsafe.Sizeof(h.partial),
		"n":         unsafe.Offsetof(h.n) + unsafe.Sizeof(h.n),
		"openNow":   unsafe.Offsetof(h.openNow) + unsafe.Sizeof(h.openNow),
		"merged":    unsafe.Offsetof(h.merged) + unsafe.Sizeof(h.merged),
		"stretch":   unsafe.Offsetof(h.stretch) + unsafe.Sizeof(h.stretch),
		"openLo":    unsafe.Offsetof(h.openLo) + unsafe.Sizeof(h.openLo),
		"openHi":    unsafe.Offsetof(h.openHi) + unsafe.Sizeof(h.openHi),
		"grown":     unsafe.Offsetof(h.grown) + unsafe.Sizeof(h.grown),
		"scaleDocs": unsafe.Offsetof(h.scaleDocs) + unsafe.Sizeof(h.scaleDocs),
	}
	c := New(Options{})
	pages := map[uintptr]bool{}
	const stories = 200
	for i := range stories {
		s := c.newStory(fmt.Sprintf("a%d", i))
		start := uintptr(unsafe.Pointer(s.storyHead))
		pages[start/4096] = true
		for name, end := range fields {
			if start%64+end > 64 {
				t.Errorf("story %d: head.%s ends at byte %d of a head that starts %d bytes into a cache line: past the line", i, name, end, start%64)
			}
		}
	}
	if len(pages) > stories/headsPerSlab+2 {
		t.Errorf("the heads of %d stories lie in %d pages, want at most %d", stories, len(pages), stories/headsPerSlab+2)
	}
}
