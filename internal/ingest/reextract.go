package ingest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

// ReextractStore is what Reextract needs of the database.
type ReextractStore interface {
	Raws(ctx context.Context, fn func(r store.Raw, articleIDs []string) error) error
	UpdateArticle(ctx context.Context, a news.Article) error
	StoryOf(ctx context.Context, articleID string) (string, error)
	ComparisonStore
	TemplateStore
}

// ReextractSummary counts what Reextract did.
type ReextractSummary struct {
	Updated  int // articles extracted again
	Stories  int // stories compared again
	Failures []*InputError
}

// Reextract runs the current extractor, with the site templates learned so
// far, over every stored raw input that gave an article, updates those
// articles and recomputes their stories' comparisons. Story assignments stay
// as they are.
func Reextract(ctx context.Context, st ReextractStore) (ReextractSummary, error) {
	var sum ReextractSummary
	tmpls := newSiteTemplates(st)
	stories := map[string]bool{}
	err := st.Raws(ctx, func(r store.Raw, ids []string) error {
		if len(ids) == 0 {
			return nil // never gave an article; `add` retries and reports those
		}
		page := news.Page{ID: ids[0], URL: r.URL, Kind: r.Kind, Body: r.Body, Published: r.Published}
		a, _, _, err := extractSafely(ctx, page, tmpls)
		if err != nil && !errors.Is(err, extract.ErrNoContent) {
			sum.Failures = append(sum.Failures, &InputError{Name: r.Name, Err: err})
			return nil
		}
		if err := st.UpdateArticle(ctx, a); err != nil {
			return fmt.Errorf("update article %s: %w", a.ID, err)
		}
		sum.Updated++
		story, err := st.StoryOf(ctx, a.ID)
		if err != nil {
			return err
		}
		stories[story] = true
		return nil
	})
	if err != nil {
		return sum, err
	}
	sum.Stories = len(stories)
	return sum, recompareAll(ctx, st, slices.Sorted(maps.Keys(stories)))
}
