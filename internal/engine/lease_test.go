package engine_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// fencedStore is a store whose writes fail as those of a writer whose
// lease another took over.
type fencedStore struct{ *sqlite.Store }

func (fencedStore) SaveBatch(context.Context, news.WriteBatch) ([]string, error) {
	return nil, fmt.Errorf("save batch: %w", news.ErrLeaseLost)
}

// TestWriterThatLostItsLeaseStops: a writer whose writes fail with
// news.ErrLeaseLost fails the job it was storing and stops (Done), instead
// of failing every batch after it.
func TestWriterThatLostItsLeaseStops(t *testing.T) {
	e := start(t, fencedStore{tempStore(t)}, engine.Options{})
	_, err := e.Submit(context.Background(), storyInputs(), nil)
	if err == nil || !errors.Is(err, engine.ErrStopped) && !strings.Contains(err.Error(), "writer lease lost") {
		t.Errorf("the job of a writer that lost its lease: %v", err)
	}
	select {
	case <-e.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the writer did not stop")
	}
	if err := e.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}
