// Package queue carries the engine's batches from their producers to the
// one writer. Local is the in-process queue of one machine: buffered Go
// channels, nothing durable (a producer is told a batch is stored only once
// the writer has committed it, so a crash loses nothing acknowledged).
// Queues for many machines implement the same port (engine.Queue).
package queue

import (
	"context"
	"fmt"
	"sync"

	"github.com/storyline-news/storyline/internal/news"
)

// Local is an in-process queue. It is safe for concurrent use.
type Local struct {
	batches chan news.Batch
	mu      sync.Mutex
	waiting map[string]chan news.BatchResult // batch id -> its producer's result
}

// NewLocal returns a queue that holds up to capacity batches waiting for
// the writer; Publish blocks while it is full, which slows producers down to
// the writer's pace.
func NewLocal(capacity int) *Local {
	return &Local{batches: make(chan news.Batch, max(1, capacity)), waiting: map[string]chan news.BatchResult{}}
}

// Publish queues a batch; its result comes on the returned channel.
func (q *Local) Publish(ctx context.Context, b news.Batch) (<-chan news.BatchResult, error) {
	done := make(chan news.BatchResult, 1)
	q.mu.Lock()
	if _, dup := q.waiting[b.ID]; dup {
		q.mu.Unlock()
		return nil, fmt.Errorf("publish batch %s: a batch of that id is queued already", b.ID)
	}
	q.waiting[b.ID] = done
	q.mu.Unlock()
	select {
	case q.batches <- b:
		return done, nil
	case <-ctx.Done():
		q.mu.Lock()
		delete(q.waiting, b.ID)
		q.mu.Unlock()
		return nil, fmt.Errorf("publish batch %s: %w", b.ID, ctx.Err())
	}
}

// Receive waits for a batch and returns it with those queued behind it, up
// to max.
func (q *Local) Receive(ctx context.Context, max int) ([]news.Batch, error) {
	var out []news.Batch
	select {
	case b := <-q.batches:
		out = append(out, b)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	for len(out) < max {
		select {
		case b := <-q.batches:
			out = append(out, b)
		default:
			return out, nil
		}
	}
	return out, nil
}

// Ack hands a batch's result to its producer.
func (q *Local) Ack(ctx context.Context, r news.BatchResult) error {
	q.mu.Lock()
	done, ok := q.waiting[r.Batch]
	delete(q.waiting, r.Batch)
	q.mu.Unlock()
	if !ok {
		return fmt.Errorf("ack batch %s: no such batch is waiting", r.Batch)
	}
	done <- r // buffered: the producer may have gone
	return nil
}
