package read

import (
	"context"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// PublishedRange bounds stories by when their news was published: From is
// inclusive, Until exclusive, and a zero end is open.
type PublishedRange struct {
	From, Until time.Time
}

// Open reports whether the range bounds nothing.
func (p PublishedRange) Open() bool { return p.From.IsZero() && p.Until.IsZero() }

// Meets reports whether a story's publication span (its first to its last
// dated article) meets the range. A story with no dated article is placed
// at the time its last article was loaded, the only time it has.
func (p PublishedRange) Meets(st news.StorySummary) bool {
	first, okFirst := news.ParsePublished(st.FirstPublished)
	last, okLast := news.ParsePublished(st.LastPublished)
	if !okFirst || first.IsZero() {
		first = last
	}
	if !okLast || last.IsZero() {
		last = first
	}
	if first.IsZero() {
		loaded, ok := news.ParsePublished(st.Updated)
		if !ok || loaded.IsZero() {
			return false
		}
		first, last = loaded, loaded
	}
	return (p.From.IsZero() || !last.Before(p.From)) && (p.Until.IsZero() || first.Before(p.Until))
}

// StoriesPublished lists the stories of q (its words, outlet, limit and
// offset, in the order of Stories) whose publication span meets span; the
// store filters by the range (news.StoryQuery From and Until).
func (r *Reader) StoriesPublished(ctx context.Context, q news.StoryQuery, span PublishedRange) ([]news.StorySummary, error) {
	q.From, q.Until = span.From, span.Until
	return r.Stories(ctx, q)
}
