package natsqueue

import (
	"reflect"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzDecodeBatch: a message off the queue (from any process that can
// publish there) decodes into a batch or fails with an error, never a
// panic; what decodes encodes back to the same batch.
func FuzzDecodeBatch(f *testing.F) {
	good, _ := encode(news.Batch{ID: "j/1", Job: "j", Final: true, Items: []news.Extracted{{Name: "a", Article: news.Article{ID: "a", Title: "T", Published: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Raw: &news.Raw{Name: "a.html", Kind: news.KindHTML, Body: []byte("<p>x</p>")}, Blocks: []uint64{1, 2}, BlockWords: []int32{1, 5}}}})
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte("not s2 at all"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var got news.Batch
		if err := decode(b, &got); err != nil {
			return
		}
		again, err := encode(got)
		if err != nil {
			t.Fatalf("a decoded batch does not encode: %v", err)
		}
		var back news.Batch
		if err := decode(again, &back); err != nil || !reflect.DeepEqual(normalized(back), normalized(got)) {
			t.Errorf("round trip changed the batch: %v", err)
		}
	})
}

// canonicalTime is t's instant in one representation: equal instants can
// differ in time.Time's internal fields (how the seconds are split between
// its words), which reflect.DeepEqual would see.
func canonicalTime(t time.Time) time.Time {
	return time.Unix(t.Unix(), int64(t.Nanosecond())).UTC()
}

// normalized drops what gob cannot tell apart (a nil and an empty slice,
// time zones of equal instants) before comparing.
func normalized(b news.Batch) news.Batch {
	if len(b.Items) == 0 {
		b.Items = nil
	}
	if len(b.Failed) == 0 {
		b.Failed = nil
	}
	for i := range b.Items {
		it := &b.Items[i]
		it.Article.Published = canonicalTime(it.Article.Published)
		if len(it.Blocks) == 0 {
			it.Blocks = nil
		}
		if len(it.BlockWords) == 0 {
			it.BlockWords = nil
		}
		if it.Raw != nil {
			r := *it.Raw
			r.Published = canonicalTime(r.Published)
			if len(r.Body) == 0 {
				r.Body = nil
			}
			it.Raw = &r
		}
	}
	for i := range b.Failed {
		b.Failed[i].Published = canonicalTime(b.Failed[i].Published)
		if len(b.Failed[i].Body) == 0 {
			b.Failed[i].Body = nil
		}
	}
	return b
}
