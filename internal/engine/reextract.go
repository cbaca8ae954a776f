package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// ReextractSummary counts what Reextract did.
type ReextractSummary struct {
	Updated  int                // articles extracted again and stored
	Kept     []*news.InputError // articles kept as they were: the extractor found no text in their page now
	Stories  int                // stories marked for comparison again
	Failures []*news.InputError
}

// Reextract runs the current extractor, with the site templates learned so
// far, over every stored raw input that gave an article, and updates those
// articles; their stories are compared again (by the projector). Story
// assignments stay as they are. An extraction that finds no text never
// replaces a stored article: the article is kept and listed in Kept.
func (e *Engine) Reextract(ctx context.Context) (ReextractSummary, error) {
	var sum ReextractSummary
	stories := map[string]bool{}
	err := e.st.Raws(ctx, func(r news.Raw, ids []string) error {
		if len(ids) == 0 {
			return nil // never gave an article; `add` retries and reports those
		}
		page := news.Page{ID: ids[0], URL: r.URL, Source: r.Source, Kind: r.Kind, Body: r.Body, Published: r.Published, DateOnly: r.DateOnly}
		a, _, _, _, err := extractSafely(ctx, page, e.tmpls)
		if err == nil && strings.TrimSpace(a.Text) == "" {
			err = extract.ErrNoContent
		}
		switch {
		case errors.Is(err, extract.ErrNoContent):
			sum.Kept = append(sum.Kept, &news.InputError{Name: r.Name, Err: fmt.Errorf("article %s kept as stored: %w", ids[0], err)})
			return nil
		case err != nil:
			sum.Failures = append(sum.Failures, &news.InputError{Name: r.Name, Err: err})
			return nil
		}
		a.ID = ids[0]
		if err := e.st.UpdateArticle(ctx, a, ContentHash(a)); err != nil {
			return err
		}
		sum.Updated++
		story, err := e.st.StoryOf(ctx, a.ID)
		if err != nil {
			return err
		}
		stories[story] = true
		return nil
	})
	sum.Stories = len(stories)
	return sum, err
}
