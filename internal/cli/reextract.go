package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

// runReextract extracts every stored raw input again with the current
// extractor, updates the articles it gave and recomputes their stories'
// comparisons. Story assignments are kept.
func runReextract(ctx context.Context, e env, args []string) error {
	fs := newFlags("reextract", e)
	db := dbFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{"reextract takes no arguments"}
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	updated, failed := 0, 0
	stories := map[string]bool{}
	err = st.Raws(ctx, func(r store.Raw, ids []string) error {
		if len(ids) == 0 {
			return nil // never gave an article; `add` reports those
		}
		a, err := extract.Extract(news.Page{ID: ids[0], URL: r.URL, Kind: r.Kind, Body: r.Body, Published: r.Published})
		if err != nil && !errors.Is(err, extract.ErrNoContent) {
			failed++
			fmt.Fprintf(e.stderr, "failed: %s: %v\n", r.Name, err)
			return nil
		}
		if err := st.UpdateArticle(ctx, a); err != nil {
			return err
		}
		updated++
		d, err := st.StoryOf(ctx, a.ID)
		if err != nil {
			return err
		}
		stories[d] = true
		return nil
	})
	if err != nil {
		return err
	}
	ids := sortedKeys(stories)
	sort.Strings(ids)
	for _, id := range ids {
		if err := ingest.Recompare(ctx, st, id); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "%d articles extracted again, %d stories compared again, %d failed\n", updated, len(ids), failed)
	if failed > 0 {
		return &PartialError{Failed: failed}
	}
	return nil
}
