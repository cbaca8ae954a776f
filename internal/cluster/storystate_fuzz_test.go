package cluster

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzResumeStats reads any stored row as the engine's writer does
// (decoded, given to a restored clusterer, which then places more
// articles): a row that decodes is resumed or refused with an error, and
// the clusterer goes on placing either way, never failing.
func FuzzResumeStats(f *testing.F) {
	stream := burstStream()[:48]
	long := New(Options{})
	for _, a := range stream[:40] {
		long.Add(a)
	}
	saved, err := json.Marshal(long.StreamStats())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(saved)
	// sums past 292 years, split as saved (see spanSum.split), and one
	// whose mean span no story could have
	f.Add([]byte(`{"signals":[],"closed_stories":3,"closed_span_ns":5,"closed_span_over":2,"paced_stories":4,"paced_span_ns":9,"paced_span_over":3}`))
	f.Add([]byte(`{"signals":[],"paced_stories":1,"paced_span_ns":1,"paced_span_over":4611686018427387903}`))
	f.Add([]byte(`{"signals":[],"state":{"seq":1,"df":{"terms":"AQAAAAAAAAA=","cur":"AQAAAA==","prev":"AAAAAA==","cur_docs":1}}}`))
	f.Fuzz(func(t *testing.T, row []byte) {
		var st StreamStats
		if json.Unmarshal(row, &st) != nil {
			return
		}
		c := restoredFrom(long, stream[:40])
		if err := c.ResumeStats(st); err != nil && err.Error() == "" {
			t.Fatal("refused with an empty error")
		}
		c.Resume()
		for _, a := range stream[40:] {
			if m := c.Add(a); m.StoryID == "" {
				t.Fatalf("%s placed in no story after resuming %s", a.ID, row)
			}
		}
		c.Settle()
	})
}

// FuzzReadParts reads any stored parts as the engine's writer does (the
// parts of a saved state, one story's part, one bucket of the document
// frequencies and the stream's part given by the fuzzer, and one more row
// of the fuzzer's name, of any kind: a whole row of an older version, a
// story or bucket of its own, another stage's; read back and given to a
// restored clusterer, which then places more articles): parts
// that read are resumed or refused with an error, parts that do not are
// refused with an error naming one of them, and the clusterer goes on
// placing either way, never failing; the next write's parts read back.
func FuzzReadParts(f *testing.F) {
	stream := burstStream()[:48]
	long := New(Options{})
	for _, a := range stream[:40] {
		long.Add(a)
	}
	parts, _, err := long.SaveParts(nil)
	if err != nil {
		f.Fatal(err)
	}
	pick := func(prefix string) int {
		return slices.IndexFunc(parts, func(p news.StatePart) bool { return strings.HasPrefix(p.Name, prefix) })
	}
	story, bucket, head := pick(storyPart), pick(dfPart), pick(streamPart)
	whole, err := json.Marshal(long.StreamStats())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(parts[story].State, parts[bucket].State, parts[head].State, "other/stage", []byte("x"))
	f.Add([]byte(`{"id":"x","terms":"AQAAAAAAAAA=","weights":""}`), []byte(`{"terms":"AQAAAAAAAAA=","cur":"AQAAAA==","prev":"AAAAAA=="}`), []byte(`{"signals":[],"state":{"seq":1}}`), legacyPart, whole)
	f.Add(parts[story].State, parts[bucket].State, parts[head].State, dfPart+"fff", []byte(`{"terms":"","cur":"","prev":""}`))
	f.Add(parts[story].State, parts[bucket].State, parts[head].State, storyPart+"x", parts[story].State)
	sums := pick(sumsPart)
	f.Add(parts[story].State, parts[bucket].State, parts[head].State, parts[sums].Name, parts[sums].State)
	f.Add(parts[story].State, parts[bucket].State, parts[head].State, parts[sums].Name, []byte(`{"id":"`+parts[sums].Name[len(sumsPart):]+`","n":1,"names":{"k":"AQAAAAAAAAA=","n":"AQAAAA=="},"sem":"","first":"2024-01-02T00:00:00Z"}`))
	f.Fuzz(func(t *testing.T, storyRow, bucketRow, headRow []byte, extraName string, extraRow []byte) {
		given := slices.Clone(parts)
		given[story].State, given[bucket].State, given[head].State = storyRow, bucketRow, headRow
		store := partStoreOf(given)
		store[extraName] = extraRow
		st, sums, err := ReadParts(store.rows())
		if err != nil && !strings.Contains(err.Error(), legacyPart) {
			t.Fatalf("refused with an error naming no part: %v", err)
		}
		c := restoredFrom(long, stream[:40])
		if st != nil {
			if err := c.ResumeStats(*st); err != nil && err.Error() == "" {
				t.Fatal("refused with an empty error")
			}
		}
		c.Resume()
		for _, a := range stream[40:] {
			if m := c.Add(a); m.StoryID == "" {
				t.Fatalf("%s placed in no story after reading the parts", a.ID)
			}
		}
		c.Settle()
		next, _, err := c.SaveParts(sums)
		if err != nil {
			t.Fatal(err)
		}
		store.apply(next)
		if _, _, err := ReadParts(store.rows()); err != nil {
			t.Fatalf("the parts after the next write do not read: %v", err)
		}
	})
}
