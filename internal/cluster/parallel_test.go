package cluster

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// syntheticStream makes n dated articles of made-up words: each tells one of
// topics events in words of its own event's and words common to all, so
// that the common words' postings reach hundreds of stories and lookups
// read enough postings to be split (minParallelReads).
func syntheticStream(n, topics int) []news.Article {
	r := rand.New(rand.NewSource(14))
	word := func(kind string, i int) string { return fmt.Sprintf("%s%sx%d", kind, strings.Repeat("q", i%3), i) }
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var arts []news.Article
	for i := 0; i < n; i++ {
		topic := r.Intn(topics)
		var title, text []string
		for k := 0; k < 6; k++ {
			title = append(title, word(fmt.Sprintf("topic%dword", topic), r.Intn(12)))
		}
		for k := 0; k < 40; k++ {
			if r.Intn(3) == 0 {
				text = append(text, word(fmt.Sprintf("topic%dword", topic), r.Intn(12)))
			} else {
				text = append(text, word("common", r.Intn(60)))
			}
			if k%8 == 7 {
				text[len(text)-1] += "."
			}
		}
		arts = append(arts, news.Article{
			ID:        fmt.Sprintf("a%04d", i),
			Published: start.Add(time.Duration(i) * 20 * time.Minute),
			Title:     strings.Join(title, " "),
			Text:      strings.Join(text, " "),
		})
	}
	return arts
}

// TestParallelLookupSameMemberships checks that splitting the candidate
// lookup over two goroutines changes nothing: the memberships (stories,
// scores, reasons) and the story changes are those of the lookup on one.
func TestParallelLookupSameMemberships(t *testing.T) {
	arts := syntheticStream(1200, 400)
	run := func(parallel bool) ([]news.Membership, []news.StoryChange, int) {
		c := New(Options{ParallelLookup: parallel})
		var ms []news.Membership
		for _, a := range arts {
			ms = append(ms, c.Add(a))
		}
		c.Settle()
		return ms, c.TakeChanges(), c.parallelLookups
	}
	wantM, wantC, serial := run(false)
	gotM, gotC, split := run(true)
	if serial != 0 {
		t.Fatalf("%d lookups split without ParallelLookup", serial)
	}
	if split == 0 {
		t.Fatal("no lookup was split: the stream does not test ParallelLookup")
	}
	if !reflect.DeepEqual(gotM, wantM) {
		for i := range wantM {
			if !reflect.DeepEqual(gotM[i], wantM[i]) {
				t.Fatalf("article %d placed differently with the lookup split:\n got %+v\nwant %+v", i, gotM[i], wantM[i])
			}
		}
	}
	if !reflect.DeepEqual(gotC, wantC) {
		t.Errorf("story changes differ with the lookup split: %d against %d", len(gotC), len(wantC))
	}
	t.Logf("%d of the lookups split", split)
}
