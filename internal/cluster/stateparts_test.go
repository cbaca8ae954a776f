package cluster

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// partStore is a store's stream_state table: the parts by name.
type partStore map[string][]byte

// partStoreOf is the table holding the parts (none of them deleted).
func partStoreOf(parts []news.StatePart) partStore {
	ps := partStore{}
	for _, p := range parts {
		ps[p.Name] = p.State
	}
	return ps
}

// apply stores a write's parts as a store does: each in place of the part
// of its name, one with no state deleted.
func (ps partStore) apply(parts []news.StatePart) {
	for _, p := range parts {
		if p.State == nil {
			delete(ps, p.Name)
			continue
		}
		ps[p.Name] = p.State
	}
}

// rows lists the parts in the order of their names, as a store reads them.
func (ps partStore) rows() []news.StatePart {
	var out []news.StatePart
	for _, name := range slices.Sorted(maps.Keys(ps)) {
		out = append(out, news.StatePart{Name: name, State: ps[name]})
	}
	return out
}

// partsClusterer is a clusterer of 600 invented reports of 60 topics over
// six days, and the stream's next report of a topic it holds, on the day
// of the last (a new day would settle every story).
func partsClusterer() (*Clusterer, news.Article) {
	r := rand.New(rand.NewPCG(53, 1))
	c := New(Options{})
	start := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	const reports, topics = 600, 60
	for i := range reports {
		c.Add(inventedReport(r, fmt.Sprintf("r%d", i), r.IntN(topics), start.Add(time.Duration(i)*6*24*time.Hour/reports)))
	}
	return c, inventedReport(r, "next", 7, start.Add(6*24*time.Hour-5*time.Minute))
}

// storiesByID is a state's stories by id.
func storiesByID(st *StreamState) map[string]StoryState {
	out := map[string]StoryState{}
	for _, s := range st.Stories {
		out[s.ID] = s
	}
	return out
}

// TestAWriteStoresThePartsItChanged: after a write of the whole state,
// the next write of one article stores the part of each story whose state
// changed (the story the article joined) and of no other, the buckets of
// the document frequencies its terms fell in, and the stream's part: a
// small share of the state's bytes. The parts stored read back as the
// clusterer's whole state, to the bit.
func TestAWriteStoresThePartsItChanged(t *testing.T) {
	c, next := partsClusterer()
	store := partStore{}
	all, sums, err := c.SaveParts(nil)
	if err != nil {
		t.Fatal(err)
	}
	store.apply(all)
	before := c.StreamStats()

	joined := c.Add(next).StoryID
	after := c.StreamStats()
	parts, _, err := c.SaveParts(sums)
	if err != nil {
		t.Fatal(err)
	}
	store.apply(parts)

	var changed []string
	was, is := storiesByID(before.State), storiesByID(after.State)
	for id, s := range is {
		if old, ok := was[id]; !ok || !reflect.DeepEqual(old, s) {
			changed = append(changed, storyPart+id)
		}
	}
	for id := range was {
		if _, ok := is[id]; !ok {
			changed = append(changed, storyPart+id)
		}
	}
	var written []string
	buckets, bytes, whole := 0, 0, 0
	for _, p := range parts {
		bytes += len(p.State)
		switch {
		case strings.HasPrefix(p.Name, storyPart):
			written = append(written, p.Name)
		case strings.HasPrefix(p.Name, dfPart):
			buckets++
		}
	}
	for _, p := range all {
		whole += len(p.State)
	}
	slices.Sort(changed)
	slices.Sort(written)
	t.Logf("the write stored %d parts: %d stories %v, %d buckets, %d bytes of the whole %d", len(parts), len(written), written, buckets, bytes, whole)
	if !slices.Equal(written, changed) || !slices.Contains(written, storyPart+joined) {
		t.Errorf("the write of one article stored the parts of stories %v; want those whose state changed, %v (the article joined %s)", written, changed, joined)
	}
	if len(written) > 2 {
		t.Errorf("the write of one article stored the parts of %d of %d stories; want the one it joined (and one it may have rescaled)", len(written), len(is))
	}
	if terms := len(next.Text) / 2; buckets == 0 || buckets > terms {
		t.Errorf("the write stored %d buckets of the document frequencies; want one a term at most", buckets)
	}
	if bytes*10 > whole {
		t.Errorf("the write of one article stored %d bytes of the state's %d; want a tenth at most", bytes, whole)
	}
	got, _, err := ReadParts(store.rows())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, after) {
		t.Error("the stored parts do not read back as the clusterer's state")
	}
}

// TestPartsReadBackAsTheWholeState: the parts of a state read back as the
// state itself (StreamStats), and a store that holds it whole (the row of
// sessions 50-52) reads back too, every part then written again and the
// whole row deleted by the next write.
func TestPartsReadBackAsTheWholeState(t *testing.T) {
	c, _ := partsClusterer()
	want := c.StreamStats()
	parts, sums, err := c.SaveParts(nil)
	if err != nil {
		t.Fatal(err)
	}
	got, read, err := ReadParts(parts)
	if err != nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("the parts read back as another state (%v)", err)
	}
	if !maps.Equal(read, sums) {
		t.Error("the sums of the parts read are not those of the parts written")
	}
	if again, _, _ := c.SaveParts(read); len(again) != 0 {
		t.Errorf("the next write of the unchanged state stored %d parts; want none", len(again))
	}

	whole, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, read, err = ReadParts([]news.StatePart{{Name: legacyPart, State: whole}, {Name: "other/stage", State: []byte("x")}})
	if err != nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("the whole row read back as another state (%v)", err)
	}
	next, _, err := c.SaveParts(read)
	if err != nil {
		t.Fatal(err)
	}
	if len(next) != len(parts)+1 || next[0].Name != legacyPart || next[0].State != nil {
		t.Errorf("the write after the whole row stored %d parts (first %q); want the whole row deleted and the %d parts", len(next), next[0].Name, len(parts))
	}
}

// TestAPartThatDoesNotReadIsNamed: a damaged part is refused with an
// error naming it; no state is given, and every part's sum is unknown, so
// that the next write stores every part again and deletes the damaged one
// when the clusterer has no part of its name.
func TestAPartThatDoesNotReadIsNamed(t *testing.T) {
	c, _ := partsClusterer()
	parts, _, err := c.SaveParts(nil)
	if err != nil {
		t.Fatal(err)
	}
	var story, bucket int
	for k, p := range parts {
		if strings.HasPrefix(p.Name, storyPart) {
			story = k
		}
		if strings.HasPrefix(p.Name, dfPart) {
			bucket = k
		}
	}
	var otherBucket news.StatePart
	for _, p := range parts {
		if strings.HasPrefix(p.Name, dfPart) && p.Name != parts[bucket].Name {
			otherBucket = p
		}
	}
	damages := []struct {
		what string
		name string
		edit func([]news.StatePart) []news.StatePart
	}{
		{"a story's part not JSON", parts[story].Name, func(ps []news.StatePart) []news.StatePart {
			ps[story].State = []byte("{")
			return ps
		}},
		{"a story's part holding another story", parts[story].Name, func(ps []news.StatePart) []news.StatePart {
			ps[story].Name += "x"
			return ps
		}},
		{"a story's part of weights not numbers", parts[story].Name, func(ps []news.StatePart) []news.StatePart {
			var s StoryState
			json.Unmarshal(ps[story].State, &s)
			s.Length = -1
			s.Created = 1 << 30
			ps[story].State, _ = json.Marshal(s)
			return ps
		}},
		{"a bucket holding another bucket's terms", parts[bucket].Name, func(ps []news.StatePart) []news.StatePart {
			ps[bucket].State = otherBucket.State
			return ps
		}},
		{"the stream's part missing", streamPart, func(ps []news.StatePart) []news.StatePart {
			return slices.DeleteFunc(ps, func(p news.StatePart) bool { return p.Name == streamPart })
		}},
	}
	for _, d := range damages {
		damaged := d.edit(slices.Clone(parts))
		st, sums, err := ReadParts(damaged)
		if err == nil || !strings.Contains(err.Error(), d.name) || st != nil {
			t.Errorf("%s: read as %v, %v; want an error naming %s and no state", d.what, st != nil, err, d.name)
			continue
		}
		if len(sums) != len(damaged) || slices.ContainsFunc(slices.Collect(maps.Values(sums)), func(x uint64) bool { return x != 0 }) {
			t.Errorf("%s: sums %d of %d parts, some known; want every part's unknown", d.what, len(sums), len(damaged))
		}
		next, _, err := c.SaveParts(sums)
		if err != nil {
			t.Fatal(err)
		}
		store := partStoreOf(damaged)
		store.apply(next)
		if got, _, err := ReadParts(store.rows()); err != nil || !reflect.DeepEqual(*got, c.StreamStats()) {
			t.Errorf("%s: after the next write the parts read %v; want the clusterer's state", d.what, err)
		}
	}
}

// TestAWholeRowBesideThePartsIsTheNewest: a store whose parts were written
// by this version and whose whole row was written after them (by an older
// version run on the store since, which knows no parts) is read from the
// whole row, not the stale parts; the next write deletes the row and
// stores the parts again, which then read back as the clusterer's state.
func TestAWholeRowBesideThePartsIsTheNewest(t *testing.T) {
	c, next := partsClusterer()
	parts, _, err := c.SaveParts(nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Add(next) // the older version's write
	c.Settle()
	newest := c.StreamStats()
	whole, err := json.Marshal(newest)
	if err != nil {
		t.Fatal(err)
	}
	store := partStoreOf(append(parts, news.StatePart{Name: legacyPart, State: whole}))
	got, sums, err := ReadParts(store.rows())
	if err != nil || got == nil || !reflect.DeepEqual(*got, newest) {
		t.Fatalf("a whole row written after the parts read as another state (%v); want the whole row's", err)
	}
	again, _, err := c.SaveParts(sums)
	if err != nil {
		t.Fatal(err)
	}
	store.apply(again)
	if _, ok := store[legacyPart]; ok {
		t.Error("the whole row is still stored after the next write")
	}
	if got, _, err := ReadParts(store.rows()); err != nil || !reflect.DeepEqual(*got, newest) {
		t.Errorf("after the next write the parts read back as another state (%v)", err)
	}
}

// TestManyWritesKeepTheStoredPartsExact: a stream written in many small
// writes (1-15 articles each, a settle now and then), each storing only
// the parts that changed since the one before, dated over three weeks
// (stories let go of by the window, merged by settles) and undated with a
// short window (let go of by arrivals): after every write the stored parts
// read back as the clusterer's whole state to the bit, with no row of a
// story it no longer holds, and the sums read are the writer's.
func TestManyWritesKeepTheStoredPartsExact(t *testing.T) {
	for _, undated := range []bool{false, true} {
		r := rand.New(rand.NewPCG(53, 2))
		c := New(Options{UndatedWindow: 60}) // a sixth of the stream: stories let go of by arrivals
		store := partStore{}
		var sums map[string]uint64
		start := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
		const reports, topics = 360, 40
		deleted := 0
		for i := 0; i < reports; {
			for k := 1 + r.IntN(15); k > 0 && i < reports; k-- {
				when := start.Add(time.Duration(i) * 21 * 24 * time.Hour / reports)
				if undated {
					when = time.Time{}
				}
				c.Add(inventedReport(r, fmt.Sprintf("r%d", i), r.IntN(topics), when))
				i++
			}
			if r.IntN(8) == 0 {
				c.Settle()
			}
			parts, next, err := c.SaveParts(sums)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range parts {
				if p.State == nil {
					deleted++
				}
			}
			store.apply(parts)
			sums = next
			got, read, err := ReadParts(store.rows())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, c.StreamStats()) || !maps.Equal(read, sums) {
				t.Fatalf("undated %v: after %d articles the stored parts read back as another state (%d stories stored, %d held)", undated, i, len(got.State.Stories), len(c.StreamStats().State.Stories))
			}
		}
		if deleted == 0 {
			t.Errorf("undated %v: no write deleted a story's part; want stories let go of or merged", undated)
		}
	}
}
