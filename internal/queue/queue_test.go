package queue

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestLocalDeliversInOrderAndAnswersEachProducer(t *testing.T) {
	ctx := context.Background()
	q := NewLocal(4)
	var results []<-chan news.BatchResult
	for _, id := range []string{"j1/1", "j2/1", "j1/2"} {
		done, err := q.Publish(ctx, news.Batch{ID: id})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, done)
	}
	if _, err := q.Publish(ctx, news.Batch{ID: "j1/1"}); err == nil {
		t.Error("a batch id queued twice was accepted")
	}
	got, err := q.Receive(ctx, 2)
	if err != nil || len(got) != 2 || got[0].ID != "j1/1" || got[1].ID != "j2/1" {
		t.Fatalf("Receive(2) = %+v, %v; want the first two in order", got, err)
	}
	got, _ = q.Receive(ctx, 10)
	if len(got) != 1 || got[0].ID != "j1/2" {
		t.Fatalf("Receive(10) = %+v; want the one left", got)
	}
	for _, id := range []string{"j1/2", "j1/1", "j2/1"} {
		if err := q.Ack(ctx, news.BatchResult{Batch: id, AlreadyStored: len(id)}); err != nil {
			t.Fatal(err)
		}
	}
	for i, id := range []string{"j1/1", "j2/1", "j1/2"} {
		if r := <-results[i]; r.Batch != id {
			t.Errorf("producer of %s was told about %s", id, r.Batch)
		}
	}
	if err := q.Ack(ctx, news.BatchResult{Batch: "j1/1"}); err == nil {
		t.Error("a batch acknowledged twice was accepted")
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := q.Receive(short, 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Receive on an empty queue = %v, want it to wait for its context", err)
	}
}
