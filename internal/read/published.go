package read

import (
	"context"
	"fmt"
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

// publishedScanPage is how many stories each read of a date-bounded list
// asks the store for.
const publishedScanPage = 500

// StoriesPublished lists the stories of q (its words, outlet, limit and
// offset, in the order of Stories) whose publication span meets span. The
// store filters by words and outlet; the dates are checked here, over
// pages of its list, as far down as MaxOffset stories.
func (r *Reader) StoriesPublished(ctx context.Context, q news.StoryQuery, span PublishedRange) ([]news.StorySummary, error) {
	if span.Open() {
		return r.Stories(ctx, q)
	}
	if !span.From.IsZero() && !span.Until.IsZero() && !span.From.Before(span.Until) {
		return nil, &QueryError{fmt.Sprintf("the date range from %s until %s is empty: since must come before until",
			span.From.Format(time.RFC3339), span.Until.Format(time.RFC3339))}
	}
	if err := checkPaging(q.Offset); err != nil {
		return nil, err
	}
	want, skip := q.Limit, q.Offset
	if want <= 0 {
		want = 50
	}
	page := q
	page.Limit, page.Offset = publishedScanPage, 0
	out := []news.StorySummary{}
	for page.Offset <= MaxOffset {
		list, err := r.Stories(ctx, page)
		if err != nil {
			return nil, err
		}
		for _, st := range list {
			if !span.Meets(st) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			out = append(out, st)
			if len(out) == want {
				return out, nil
			}
		}
		if len(list) < page.Limit {
			break
		}
		page.Offset += page.Limit
	}
	return out, nil
}
