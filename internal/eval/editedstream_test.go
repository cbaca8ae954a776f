package eval

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// TestEditedStreamDropsWordsAsTheListsDid: EditedStream's copies, built in
// one string, are the articles the lists of words made (strings.Fields,
// each word kept unless its draw is 0 of 8, joined by single spaces), ids
// and dates included, whatever the base text's spacing.
func TestEditedStreamDropsWordsAsTheListsDid(t *testing.T) {
	base := []news.Article{
		{ID: "a", Source: "s1", Title: "Storm closes the harbour", Text: "The harbour closed\tas the storm\ncame ashore, officials said on Tuesday night."},
		{ID: "b", Source: "s2", Title: "Council votes", Text: "  leading and trailing spaces, doubled  spaces  and\n\nblank lines  "},
		{ID: "c", Source: "s3", Title: "Empty", Text: ""},
	}
	const n, seed = 60, 3
	span := 10 * 24 * time.Hour
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	next := EditedStream(base, n, span, seed)
	for i := range n {
		b := base[i%len(base)]
		r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
		var kept []string
		for _, w := range strings.Fields(b.Text) {
			if r.IntN(8) != 0 {
				kept = append(kept, w)
			}
		}
		want := news.Article{ID: fmt.Sprintf("%s~%d", b.ID, i/len(base)), Source: b.Source, Title: b.Title, Text: strings.Join(kept, " "),
			Published: start.Add(time.Duration(float64(span) * float64(i) / float64(n)))}
		if got := next(); got.ID != want.ID || got.Source != want.Source || got.Title != want.Title || got.Text != want.Text || !got.Published.Equal(want.Published) {
			t.Fatalf("article %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

// TestRunClusterStreamPlacesAPartLastWindow: a stream whose length is not a
// whole number of windows is placed to its last article, no further (the
// last window is the rest of the stream, not a full one).
func TestRunClusterStreamPlacesAPartLastWindow(t *testing.T) {
	made := 0
	stream := SyntheticStream(2)
	next := func() news.Article { made++; return stream() }
	const n = 1500 // one and a half of engine.DefaultWindow
	points := RunClusterStream(next, n, 1, []int{n}, cluster.Options{})
	if len(points) != 2 || points[0].Articles != n || points[1].Articles != n || made != n {
		t.Errorf("%d articles made, points %+v; want %d placed and made", made, points, n)
	}
}
