package engine_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
)

// TestProjectorComparesChangedStoriesInTheBackground: a projector told by
// the writer that stories changed compares them, without a reader asking.
func TestProjectorComparesChangedStoriesInTheBackground(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	p := engine.NewProjector(st, engine.ProjectorOptions{Interval: time.Hour}) // only a notification wakes it in time
	bg, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(bg)
	}()
	e := start(t, st, engine.Options{Projector: p})
	if _, err := e.Submit(ctx, storyInputs(), nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		stale, err := st.StaleStories(ctx, 0)
		if err == nil && len(stale) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stories still stale after 10s of background comparing: %v %v", stale, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	<-done // returns once its context ends
	d, err := st.Story(ctx, mustStoryOf(t, st, "ledger-strike"))
	if err != nil || len(d.Timeline) != 2 || len(d.Facts) == 0 || d.Updating {
		t.Errorf("the strike story after background comparing: timeline %v, facts %v, updating %v, %v", d.Timeline, d.Facts, d.Updating, err)
	}
}

// TestProjectorTakesWhatAReaderCompared: a story version compared for a
// reader (in memory) is stored by the projector without comparing it again.
func TestProjectorTakesWhatAReaderCompared(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	run(t, st, storyInputs(), engine.Options{})
	memo := projection.NewMemo(0)
	id := mustStoryOf(t, st, "ledger-strike")
	d, err := st.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := memo.Record(ctx, id, d.Version, func(context.Context) ([]news.Article, error) { return d.Articles, nil }); err != nil {
		t.Fatal(err)
	}
	n, err := engine.NewProjector(st, engine.ProjectorOptions{Memo: memo}).CompareAll(ctx)
	if err != nil || n != 2 {
		t.Fatalf("CompareAll = %d, %v; want both stories", n, err)
	}
	if got := memo.Computed(); got != 2 {
		t.Errorf("%d comparisons made for 2 stories, one of which a reader had compared", got)
	}
}

// comparisonFake is the projector's port in memory, failing as told.
type comparisonFake struct {
	mu      sync.Mutex
	saved   map[string]news.ComparisonRecord
	batches int
	stale   []string
	broken  string // its articles cannot be read
	gone    string // merged away after it was listed
}

func (f *comparisonFake) StaleStories(_ context.Context, limit int) ([]string, error) {
	return f.stale, nil
}

func (f *comparisonFake) StoryArticles(_ context.Context, id string) ([]news.Article, error) {
	if id == f.broken {
		return nil, errors.New("disk on fire")
	}
	return []news.Article{{ID: id + "-a", Title: "Title of " + id, Text: "Dockworkers voted to end the strike on Monday."}}, nil
}

func (f *comparisonFake) StoryVersion(_ context.Context, id string) (string, error) {
	if id == f.gone {
		return "", fmt.Errorf("story %q: %w", id, news.ErrNotFound)
	}
	return "v1", nil
}

func (f *comparisonFake) SaveComparisons(_ context.Context, records []news.ComparisonRecord) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.batches++
	for _, r := range records {
		f.saved[r.StoryID] = r
	}
	return nil
}

func TestCompareAllStoresEveryStoryInBatches(t *testing.T) {
	var stories []string
	for i := range 250 {
		stories = append(stories, fmt.Sprintf("s%03d", i))
	}
	compareAll := func(f *comparisonFake) error {
		f.saved, f.stale = map[string]news.ComparisonRecord{}, stories
		_, err := engine.NewProjector(f, engine.ProjectorOptions{}).CompareAll(context.Background())
		return err
	}
	f := &comparisonFake{}
	if err := compareAll(f); err != nil {
		t.Fatal(err)
	}
	if len(f.saved) != 250 || f.saved["s042"].Title != "Title of s042" || f.saved["s042"].Version != "v1" {
		t.Errorf("saved %d comparisons (s042: %+v), want all 250 with their titles and versions", len(f.saved), f.saved["s042"])
	}
	if f.batches > 5 {
		t.Errorf("%d transactions for 250 comparisons, want them batched", f.batches)
	}
	f = &comparisonFake{gone: "s007"}
	if err := compareAll(f); err != nil || len(f.saved) != 249 {
		t.Errorf("with a story merged away meanwhile: %d saved, %v; want the other 249 and no error", len(f.saved), err)
	}
	f = &comparisonFake{broken: "s100"}
	if err := compareAll(f); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("a story that cannot be read gives %v, want its error", err)
	}
}

// savingFake is comparisonFake with a store's manners: a save whose
// context has ended fails, as a transaction begun on it does.
type savingFake struct{ comparisonFake }

func (f *savingFake) SaveComparisons(ctx context.Context, records []news.ComparisonRecord) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return f.comparisonFake.SaveComparisons(ctx, records)
}

// TestCompareAllInterruptedKeepsTheComparisonsFinished: add --compare and
// reextract, stopped by Ctrl-C while comparing, say that "the comparisons
// finished" are kept. CompareAll stores them a hundred to a transaction;
// the batch not yet stored when the interrupt came was saved with the
// ended context and lost (every comparison of a run of fewer than a
// hundred stories), to be made again by the next run.
func TestCompareAllInterruptedKeepsTheComparisonsFinished(t *testing.T) {
	var stories []string
	for i := range 40 {
		stories = append(stories, fmt.Sprintf("s%03d", i))
	}
	f := &savingFake{comparisonFake{saved: map[string]news.ComparisonRecord{}, stale: stories}}
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	var made atomic.Int64
	memo := projection.NewMemoFunc(0, func(id, version string, arts []news.Article) (news.ComparisonRecord, error) {
		if made.Add(1) == 10 {
			interrupt() // Ctrl-C, as the tenth comparison ends
		}
		return news.ComparisonRecord{StoryID: id, Version: version, Title: "Title of " + id}, nil
	})
	_, err := engine.NewProjector(f, engine.ProjectorOptions{Memo: memo}).CompareAll(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("CompareAll interrupted = %v, want the interrupt", err)
	}
	if len(f.saved) < 10 || int64(len(f.saved)) != made.Load() {
		t.Errorf("%d comparisons stored of the %d finished before and as the interrupt came; want all kept", len(f.saved), made.Load())
	}
}
