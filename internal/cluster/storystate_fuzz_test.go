package cluster

import (
	"encoding/json"
	"testing"
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
