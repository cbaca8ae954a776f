package ingest

import (
	"context"
	"errors"
	"log/slog"
	"runtime"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

// Stories are compared when they are read, not when their articles are added.
// Comparing is the costliest stage by far (on 10,000 pages, as much CPU as
// everything else but extraction together), it is redone whenever a story
// grows, and most stories of a large import or of a busy feed are never looked
// at before they grow again. So `add` stores and clusters, marking the stories
// it changed stale; whoever reads a story (show, stories, the API, the UI)
// compares it first if it is stale, and serve compares stale stories in the
// background (CompareInBackground) so that pages are ready when opened.

// CompareStale compares those of the given stories that changed since their
// last comparison and stores the results. It returns how many it compared.
func CompareStale(ctx context.Context, st ComparisonStore, ids []string) (int, error) {
	stale, err := st.StaleAmong(ctx, ids)
	if err != nil || len(stale) == 0 {
		return 0, err
	}
	return len(stale), recompareAll(ctx, st, stale)
}

// CompareAllStale compares every stale story, most recently updated first, and
// returns how many it compared.
func CompareAllStale(ctx context.Context, st ComparisonStore) (int, error) {
	stale, err := st.StaleStories(ctx, 0)
	if err != nil || len(stale) == 0 {
		return 0, err
	}
	return len(stale), recompareAll(ctx, st, stale)
}

// backgroundChunk is how many stale stories CompareInBackground takes at a
// time, so that stories changed meanwhile (the newest first) are not queued
// behind a long backlog.
const backgroundChunk = 100

// backgroundWorkers is how many goroutines compare in the background: half
// the CPUs, so that a backlog (after a large add) leaves the server the rest.
func backgroundWorkers() int { return max(1, runtime.NumCPU()/2) }

// CompareInBackground compares stale stories until ctx ends: the most
// recently updated first, a chunk at a time, then, once none is left, looking
// again every interval. Failures are logged and tried again later.
func CompareInBackground(ctx context.Context, st ComparisonStore, interval time.Duration, logger *slog.Logger) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	for {
		stale, err := st.StaleStories(ctx, backgroundChunk)
		if err == nil && len(stale) > 0 {
			err = recompareOn(ctx, st, stale, backgroundWorkers())
		}
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			logger.Error("comparing stale stories", "err", err)
		}
		if err == nil && len(stale) == backgroundChunk {
			continue // more are waiting
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

// StoryReader is what reading stories with current comparisons needs.
type StoryReader interface {
	ComparisonStore
	Story(ctx context.Context, id string) (news.StoryDetail, error)
	Stories(ctx context.Context, q store.StoryQuery) ([]news.StorySummary, error)
}

// FreshStory reads a story, comparing it first if it is stale. A story whose
// comparison fails on its articles is read with its last comparison (serve's
// background comparer logs the failure).
func FreshStory(ctx context.Context, st StoryReader, id string) (news.StoryDetail, error) {
	if _, err := CompareStale(ctx, st, []string{id}); err != nil && !errors.Is(err, errCompare) {
		return news.StoryDetail{}, err
	}
	return st.Story(ctx, id)
}

// FreshStories lists stories, comparing first those listed that are stale
// (their titles and summaries come from their comparisons).
func FreshStories(ctx context.Context, st StoryReader, q store.StoryQuery) ([]news.StorySummary, error) {
	list, err := st.Stories(ctx, q)
	if err != nil || len(list) == 0 {
		return list, err
	}
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	n, err := CompareStale(ctx, st, ids)
	if err != nil && !errors.Is(err, errCompare) || n == 0 {
		return list, err
	}
	return st.Stories(ctx, q)
}
