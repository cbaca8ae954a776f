package read_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

var day = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func report(id, source, text string, at time.Duration) news.Placement {
	a := news.Article{ID: id, Source: source, Title: "Calder strike ends", Published: day.Add(at), Text: text}
	return news.Placement{Article: a, Membership: news.Membership{ArticleID: id, StoryID: "s1", Reason: "test"}, ContentHash: id}
}

// storedStory is a database with one story of two reports, compared once,
// then grown by a third report: stale, with a stored comparison.
func storedStory(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st := tempStore(t)
	first := []news.Placement{
		report("ledger", "The Harbor Ledger", "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.", 0),
		report("courier", "Calder Courier", "The nine-day strike at the port of Calder ended on Monday when dockworkers voted to accept the pay offer.", time.Hour),
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: first, At: day}); err != nil {
		t.Fatal(err)
	}
	arts, _ := st.StoryArticles(ctx, "s1")
	rec, err := projection.Record("s1", "", arts)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveComparisons(ctx, []news.ComparisonRecord{rec}); err != nil {
		t.Fatal(err)
	}
	more := report("post", "The Post", "Calder's dockworkers voted on Monday to end their nine-day strike, and 412 of them took part.", 2*time.Hour)
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: []news.Placement{more}, At: day.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStaleStoryIsShownAsBeingUpdatedWhileAProjectorWorks(t *testing.T) {
	ctx := context.Background()
	st := storedStory(t)
	r := read.New(st, read.Options{})
	r.SetProjected(true)
	d, err := r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Updating || len(d.Timeline) != 2 || len(d.Articles) != 3 {
		t.Errorf("with a projector at work: updating %v, timeline %d, articles %d; want the last comparison (2 reports), all 3 articles, marked as being updated",
			d.Updating, len(d.Timeline), len(d.Articles))
	}
}

func TestStaleStoryIsComparedInMemoryOnceForManyReaders(t *testing.T) {
	ctx := context.Background()
	st := storedStory(t)
	memo := projection.NewMemo(0)
	r := read.New(st, read.Options{Memo: memo})
	var wg sync.WaitGroup
	details := make([]news.StoryDetail, 20)
	for i := range details {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := r.Story(ctx, "s1")
			if err != nil {
				t.Error(err)
			}
			details[i] = d
		}()
	}
	wg.Wait()
	for i, d := range details {
		if d.Updating || len(d.Timeline) != 3 {
			t.Errorf("reader %d: updating %v, timeline %d; want a comparison of all 3 reports", i, d.Updating, len(d.Timeline))
		}
	}
	if got := memo.Computed(); got != 1 {
		t.Errorf("20 readers of one story version made %d comparisons, want 1", got)
	}
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 1 {
		t.Errorf("reading stored a comparison: stale %v", stale)
	}
}

func TestArticleTellsWhatExtractionRemoved(t *testing.T) {
	ctx := context.Background()
	st := storedStory(t)
	a := news.Article{ID: "page", URL: "https://ledger.example/page", Source: "The Ledger", Title: "Strike ends", Text: "Dockworkers at the port of Calder voted on Monday to end the strike."}
	raw := news.Raw{Name: "page.html", Kind: news.KindHTML, Body: []byte(`<html><body><nav><a href="/">Home page</a></nav><p>Subscribe to our newsletter</p><p>` + a.Text + `</p></body></html>`)}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: day, Placements: []news.Placement{{Raw: &raw, Article: a, Membership: news.Membership{ArticleID: "page", StoryID: "s2"}, ContentHash: "p"}}}); err != nil {
		t.Fatal(err)
	}
	d, err := read.New(st, read.Options{}).Article(ctx, "page")
	if err != nil || d.Story != "s2" || len(d.Removed) != 2 || d.Removed[0] != "Home page" {
		t.Errorf("Article(page) = %+v, %v", d, err)
	}
	r := read.New(st, read.Options{})
	if !r.Known(ctx, "https://LEDGER.example/page/", "https://ledger.example/page") || r.Known(ctx, "https://nowhere.example/", "") {
		t.Error("Known does not tell a stored URL (in its canonical form) from one never stored")
	}
}

// newStory is a database with one story of three reports never compared,
// as `storyline add` leaves it for the server's projector.
func newStory(t *testing.T) *sqlite.Store {
	t.Helper()
	st := tempStore(t)
	ps := []news.Placement{
		report("ledger", "The Harbor Ledger", "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.", 0),
		report("courier", "Calder Courier", "The nine-day strike at the port of Calder ended on Monday when dockworkers voted to accept the pay offer.", time.Hour),
		report("post", "The Post", "Calder's dockworkers voted on Monday to end their nine-day strike, and 412 of them took part.", 2*time.Hour),
	}
	if _, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: ps, At: day}); err != nil {
		t.Fatal(err)
	}
	return st
}

// A story never compared, read with CompareWait shorter than its
// comparison, is given at once with its articles and Comparing set, while
// its comparison goes on in the background; a read after it is made gives
// it whole. Without CompareWait (the command line) the read waits for it.
func TestANewStoryIsGivenAtOnceWhileItIsCompared(t *testing.T) {
	ctx := context.Background()
	st := newStory(t)
	memo := projection.NewMemo(0)
	r := read.New(st, read.Options{Memo: memo, CompareWait: time.Nanosecond})
	r.SetProjected(true)
	d, err := r.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Comparing || len(d.Timeline) != 0 || len(d.Articles) != 3 {
		t.Fatalf("first read: comparing %v, timeline %d, articles %d; want the 3 articles, no comparison yet, comparing", d.Comparing, len(d.Timeline), len(d.Articles))
	}
	for end := time.Now().Add(20 * time.Second); d.Comparing && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if d, err = r.Story(ctx, "s1"); err != nil {
			t.Fatal(err)
		}
	}
	if d.Comparing || d.Updating || len(d.Timeline) != 3 {
		t.Errorf("once compared: comparing %v, updating %v, timeline %d; want the comparison of the 3 reports", d.Comparing, d.Updating, len(d.Timeline))
	}
	if got := memo.Computed(); got != 1 {
		t.Errorf("the reads made %d comparisons, want 1", got)
	}
	d, err = read.New(st, read.Options{}).Story(ctx, "s1")
	if err != nil || d.Comparing || len(d.Timeline) != 3 {
		t.Errorf("without CompareWait: %v, comparing %v, timeline %d; want the comparison made while waiting", err, d.Comparing, len(d.Timeline))
	}
}

// A story whose comparison fails after CompareWait (here: after 50 ms, with
// a panic) is said to be being compared only until it fails: then it is
// given with its articles and CompareFailed, not Comparing (a page that
// reloaded forever), and the reads after it do not compare it again.
func TestAStoryWhoseComparisonFailsInTheBackgroundSaysSo(t *testing.T) {
	ctx := context.Background()
	st := newStory(t)
	var calls atomic.Int32
	memo := projection.NewMemoFunc(0, func(string, string, []news.Article) (news.ComparisonRecord, error) {
		calls.Add(1)
		time.Sleep(50 * time.Millisecond)
		panic("an invented fault in the comparison")
	})
	r := read.New(st, read.Options{Memo: memo, CompareWait: time.Nanosecond})
	r.SetProjected(true)
	d, err := r.Story(ctx, "s1")
	if err != nil || !d.Comparing {
		t.Fatalf("first read: %v, comparing %v; want comparing", err, d.Comparing)
	}
	for end := time.Now().Add(20 * time.Second); d.Comparing && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if d, err = r.Story(ctx, "s1"); err != nil {
			t.Fatal(err)
		}
	}
	if d.Comparing || !d.CompareFailed || len(d.Articles) != 3 {
		t.Fatalf("after the failure: comparing %v, failed %v, articles %d; want the articles, the failure said", d.Comparing, d.CompareFailed, len(d.Articles))
	}
	for range 5 {
		if d, err = r.Story(ctx, "s1"); err != nil || d.Comparing || !d.CompareFailed {
			t.Fatalf("a read after the failure: %v, comparing %v, failed %v", err, d.Comparing, d.CompareFailed)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the failing comparison was made %d times, want once", n)
	}
}

// tempStore is a new SQLite database in the test's folder, closed when the
// test ends.
func tempStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// A server's read of a stale story, with no projector to keep it current,
// waits for its comparison; a reader who leaves first (a closed page) does
// not throw the comparison away: it goes on, the memo keeps it, and the
// next read gets it without comparing again.
func TestAStaleStorysComparisonOutlivesAReaderWhoLeaves(t *testing.T) {
	st := storedStory(t)
	started, release := make(chan struct{}), make(chan struct{})
	var calls, givenUp atomic.Int32
	memo := projection.NewMemoContextFunc(0, func(ctx context.Context, id, version string, arts []news.Article) (news.ComparisonRecord, error) {
		if calls.Add(1) == 1 {
			close(started)
		}
		select {
		case <-release:
		case <-ctx.Done():
			givenUp.Add(1)
			return news.ComparisonRecord{}, ctx.Err()
		}
		return projection.RecordContext(ctx, id, version, arts)
	})
	r := read.New(st, read.Options{Memo: memo, CompareWait: time.Hour})
	ctx, leave := context.WithCancel(context.Background())
	go func() {
		<-started
		leave()
	}()
	if _, err := r.Story(ctx, "s1"); !errors.Is(err, context.Canceled) {
		t.Fatalf("the reader who left got %v, want context.Canceled", err)
	}
	close(release)
	d, err := r.Story(context.Background(), "s1")
	if err != nil || len(d.Timeline) != 3 || d.Updating {
		t.Fatalf("the next read: %v, timeline %d, updating %v; want the comparison of all 3 reports", err, len(d.Timeline), d.Updating)
	}
	if n, g := calls.Load(), givenUp.Load(); n != 1 || g != 0 {
		t.Errorf("%d comparisons made, %d given up; want the one begun for the reader who left, finished", n, g)
	}
}

// A stale story's comparison the memo keeps is given without starting a
// background comparison: reads of stories already compared take none of
// the few background slots, which a new story read meanwhile needs to be
// compared for its reader rather than shown as still comparing.
func TestAStaleStoryAlreadyComparedTakesNoSlot(t *testing.T) {
	ctx := context.Background()
	st := storedStory(t)
	memo := projection.NewMemo(0)
	r := read.New(st, read.Options{Memo: memo, CompareWait: time.Hour})
	if d, err := r.Story(ctx, "s1"); err != nil || len(d.Timeline) != 3 {
		t.Fatalf("first read: %v, timeline %d", err, len(d.Timeline))
	}
	before := r.BackgroundStarted()
	for range 5 {
		if d, err := r.Story(ctx, "s1"); err != nil || len(d.Timeline) != 3 {
			t.Fatalf("a later read: %v, timeline %d", err, len(d.Timeline))
		}
	}
	if n := r.BackgroundStarted() - before; n != 0 {
		t.Errorf("5 reads of a story the memo keeps started %d background comparisons, want 0", n)
	}
}
