package engine

import (
	"context"

	"github.com/storyline-news/storyline/internal/news"
)

// GroupWriter returns the write of a writer on st, restored from it: it
// places and stores batches as one group, as run does with the batches it
// takes off the queue at once, so that a test chooses the group.
func GroupWriter(ctx context.Context, st Store) (func(context.Context, []news.Batch) ([]news.BatchResult, error), error) {
	opt := Options{}.withDefaults()
	w := &writer{st: st, opt: opt, tmpls: newSiteTemplates(st), logger: opt.Logger}
	if err := w.restore(ctx); err != nil {
		return nil, err
	}
	return w.write, nil
}

// RestoreWindow is restoreWindow, for the tests of the restore's reach.
var RestoreWindow = restoreWindow
