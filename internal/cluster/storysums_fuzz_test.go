package cluster

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzSumsPart reads any stored row as a story's sums part (readSumsPart,
// then the checks a restore makes against the state's count, check): a
// row is read or refused with an error, never a panic, and the count
// tables of sums that pass the checks are those a story's count maps give
// back (tableOf of countMap: sorted keys, each once, positive counts), so
// that the sums a restore gives a story are saved again as they were read.
func FuzzSumsPart(f *testing.F) {
	long := New(Options{})
	for _, a := range burstStream()[:40] {
		long.Add(a)
	}
	for _, s := range long.stories {
		if s.merged {
			continue
		}
		b, err := json.Marshal(sumsValue{s})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(s.id, b)
		break
	}
	f.Add("x", []byte(`{"id":"x","n":1,"names":{"k":"AQAAAAAAAAA=","n":"AQAAAA=="},"sem":"","first":"2024-01-02T00:00:00Z"}`))
	f.Add("x", []byte(`{"id":"x","n":2,"sources":{"k":"AgAAAAAAAAABAAAAAAAAAA==","n":"AQAAAAEAAAA="},"members":7}`))
	f.Fuzz(func(t *testing.T, id string, row []byte) {
		var ss StorySums
		if readSumsPart(news.StatePart{Name: sumsPart + id, State: row}, &ss) != nil || ss.check(ss.N) != nil {
			return
		}
		for _, tb := range ss.tables() {
			if back := tableOf(tb.countMap(false)); len(tb.Keys) > 0 && !reflect.DeepEqual(back, *tb) {
				t.Errorf("a checked count table %v reads back as %v", *tb, back)
			}
		}
		_ = ss.OfMembers(make([]string, ss.N%64))
	})
}
