package engine_test

import "github.com/storyline-news/storyline/internal/news"

func scratchStateBytes(b news.WriteBatch) (int, int) {
	n := 0
	for _, p := range b.StreamState {
		n += len(p.State)
	}
	return n, len(b.StreamState)
}
