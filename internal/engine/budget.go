package engine

import (
	"context"
	"sync"
)

// DefaultExtractBudget bounds the bytes of the pages being extracted at
// once, across every job of an engine. Extraction holds about 50-60 times a
// page's size while it works (issue 18: a 16 MB page of 1.85 million tags
// took 897 MB, a 30 MB page 638 MB), so 8 MB of pages in flight is about
// half a gigabyte at worst, while the pages of ordinary news (50-500 KB)
// still run one per worker. A page larger than the budget runs alone.
const DefaultExtractBudget = 8 << 20

// budget is a weighted semaphore over bytes: acquire waits until the bytes
// in use and the new page's fit the limit, or nothing else runs.
type budget struct {
	limit int64
	mu    sync.Mutex
	cond  *sync.Cond
	used  int64
	peak  int64 // the most bytes ever in use, for tests
}

func newBudget(limit int64) *budget {
	b := &budget{limit: limit}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire takes n bytes of the budget, waiting for room; it gives up when
// ctx ends.
func (b *budget) acquire(ctx context.Context, n int64) error {
	if b == nil {
		return nil
	}
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.cond.Broadcast()
		b.mu.Unlock()
	})
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > b.limit {
		if err := ctx.Err(); err != nil {
			return err
		}
		b.cond.Wait()
	}
	b.used += n
	b.peak = max(b.peak, b.used)
	return nil
}

// release gives n bytes back.
func (b *budget) release(n int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.used -= n
	b.cond.Broadcast()
	b.mu.Unlock()
}
