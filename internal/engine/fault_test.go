package engine_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// failingStore is a store whose disk fills up: the SaveBatch calls after
// the first `good` fail, as SQLite's "database or disk is full" does (the
// transaction rolled back).
type failingStore struct {
	*sqlite.Store
	good  int64
	calls atomic.Int64
}

var errDiskFull = errors.New("database or disk is full (SQLITE_FULL)")

func (f *failingStore) SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error) {
	if f.calls.Add(1) > f.good {
		return nil, errDiskFull
	}
	return f.Store.SaveBatch(ctx, b)
}

// TestWritesFailingMidwayAreReported: a window of 30 articles saved in
// transactions of 10, the disk full after the first: the run fails naming
// the cause and how many articles were not stored, its summary counts
// exactly the articles the database holds, and the database stays
// consistent (each stored article in a story, nothing half-stored) and
// takes the rest once there is room (issue 18: nothing tested this).
func TestWritesFailingMidwayAreReported(t *testing.T) {
	ctx := context.Background()
	st := &failingStore{Store: tempStore(t), good: 1}
	var arts []news.Article
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := range 30 {
		arts = append(arts, news.Article{ID: fmt.Sprintf("a%02d", i), Source: "Ledger", Title: fmt.Sprintf("Event %d in Calder", i), Published: day.Add(time.Duration(i) * time.Hour),
			Text: fmt.Sprintf("Report %d: the council of Calder voted on plan number %d after a long debate about the harbour.", i, i*7919)})
	}
	e, err := engine.Start(ctx, st, engine.Options{BatchSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Submit(ctx, source.Articles(arts), nil)
	e.Close()
	if err == nil || !strings.Contains(err.Error(), "20 of 30 placed articles not stored (adding the same inputs again stores them)") || !errors.Is(err, errDiskFull) && !strings.Contains(err.Error(), "disk is full") {
		t.Errorf("run error %v, want the disk full and 20 of 30 not stored", err)
	}
	n, stories, cerr := st.Counts(ctx)
	if cerr != nil || n != 10 || sum.Stored != n {
		t.Errorf("database holds %d articles (%v), the run says %d stored; want the first transaction's 10 in both", n, cerr, sum.Stored)
	}
	for _, m := range sum.Added {
		if story, err := st.StoryOf(ctx, m.ArticleID); err != nil || story != m.StoryID {
			t.Errorf("article %s reported in story %s, stored in %q (%v)", m.ArticleID, m.StoryID, story, err)
		}
	}
	if stories == 0 || stories > n {
		t.Errorf("%d stories for %d articles", stories, n)
	}
	// room again: the same inputs store the rest, nothing twice
	st.good = 1 << 30
	again := run(t, st, source.Articles(arts), engine.Options{BatchSize: 10})
	if n, _, _ := st.Counts(ctx); n != 30 || again.Stored != 20 || again.AlreadyStored != 10 {
		t.Errorf("after room was made: %d articles, run stored %d and found %d stored; want 30, 20, 10", n, again.Stored, again.AlreadyStored)
	}
}

// TestWritersSayWhenTheyStored: OnStored is called after a job's write is
// committed and a projector's OnSaved after it stores comparisons, so that
// a server can drop the answers it keeps.
func TestWritersSayWhenTheyStored(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	var stored, saved atomic.Int64
	run(t, st, storyInputs(), engine.Options{OnStored: func() { stored.Add(1) }})
	p := engine.NewProjector(st, engine.ProjectorOptions{OnSaved: func() { saved.Add(1) }})
	if n, err := p.CompareAll(ctx); err != nil || n == 0 {
		t.Fatalf("compare all: %d %v", n, err)
	}
	if stored.Load() == 0 || saved.Load() == 0 {
		t.Errorf("OnStored called %d times, OnSaved %d; want both after their writes", stored.Load(), saved.Load())
	}
}

// duplicateFailingStore is a store whose Duplicate lookup fails on its
// failAt-th call (0: never), as a dropped connection would.
type duplicateFailingStore struct {
	*sqlite.Store
	failAt int64
	calls  atomic.Int64
}

var errLookup = errors.New("connection reset during the duplicate lookup")

func (f *duplicateFailingStore) Duplicate(ctx context.Context, url, hash string) (news.ArticleRef, bool, error) {
	if f.calls.Add(1) == f.failAt {
		return news.ArticleRef{}, false, errLookup
	}
	return f.Store.Duplicate(ctx, url, hash)
}

// groupOfThree is one job's three batches of ten articles, on three
// events that recur across the batches.
func groupOfThree() []news.Batch {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	events := []string{"the council of Calder voted on the harbour plan",
		"a storm closed the ferry between Orlan and Veste",
		"the Marrow mine strike entered its third week"}
	var batches []news.Batch
	for b := range 3 {
		batch := news.Batch{ID: fmt.Sprintf("b%d", b), Job: "j", Final: b == 2}
		for i := range 10 {
			n := b*10 + i
			ev := events[n%3]
			a := news.Article{ID: fmt.Sprintf("a%02d", n), Source: "Ledger", Title: fmt.Sprintf("Report %d: %s", n, ev),
				Published: day.Add(time.Duration(n) * time.Hour),
				Text:      fmt.Sprintf("In report %d, officials said %s; witness %d described the scene.", n, ev, n*7919)}
			batch.Items = append(batch.Items, news.Extracted{Name: a.ID, Article: a, ContentHash: engine.ContentHash(a)})
		}
		batches = append(batches, batch)
	}
	return batches
}

// memberships lists every batch's stored articles and their stories.
func memberships(results []news.BatchResult) []news.Membership {
	var ms []news.Membership
	for _, r := range results {
		ms = append(ms, r.Added...)
	}
	return ms
}

// TestGroupFailingInItsFirstBatchIsRetriedWhole: a group of three
// batches whose first batch's placement fails (the third duplicate lookup)
// while the next batch is being prepared ahead: every batch reports the
// failure and nothing is stored, no goroutine is left preparing, and the
// same group written again by the restored writer stores the memberships
// a clean run does.
func TestGroupFailingInItsFirstBatchIsRetriedWhole(t *testing.T) {
	ctx := context.Background()
	clean := tempStore(t)
	write, err := engine.GroupWriter(ctx, clean)
	if err != nil {
		t.Fatal(err)
	}
	want, err := write(ctx, groupOfThree())
	if err != nil || len(memberships(want)) != 30 {
		t.Fatalf("clean run: %d stored, %v", len(memberships(want)), err)
	}
	stories := map[string]bool{}
	for _, m := range memberships(want) {
		stories[m.StoryID] = true
	}
	if len(stories) < 2 || len(stories) > 20 {
		t.Fatalf("clean run: %d stories for 30 articles; the test needs joins across batches", len(stories))
	}

	st := &duplicateFailingStore{Store: tempStore(t), failAt: 3}
	write, err = engine.GroupWriter(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	results, err := write(ctx, groupOfThree())
	if !errors.Is(err, errLookup) {
		t.Errorf("group error %v, want the lookup's", err)
	}
	for _, r := range results {
		if r.Err == "" || !strings.Contains(r.Err, errLookup.Error()) || len(r.Added) != 0 {
			t.Errorf("batch %s: error %q, %d stored; want the lookup's error and none", r.Batch, r.Err, len(r.Added))
		}
	}
	if n, _, err := st.Counts(ctx); err != nil || n != 0 {
		t.Errorf("%d articles stored (%v) by the failed group, want 0", n, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the failed group, %d before", n, before)
	}

	got, err := write(ctx, groupOfThree())
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	if !reflect.DeepEqual(memberships(got), memberships(want)) {
		t.Errorf("retry stored\n%+v\nclean run\n%+v", memberships(got), memberships(want))
	}
}
