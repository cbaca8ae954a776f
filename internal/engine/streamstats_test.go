package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// topicReports are n dated reports of a dozen invented topics over two
// weeks: each report six of its topic's words and ten of a shared
// vocabulary, so that an article meets several candidate stories and the
// clusterer's background statistics fill.
func topicReports(prefix string, n int, from time.Time) []news.Article {
	r := rand.New(rand.NewPCG(3, uint64(prefix[0]))) // each prefix its own reports
	var out []news.Article
	for i := range n {
		k := r.IntN(12)
		var words []string
		for range 6 {
			words = append(words, fmt.Sprintf("topic%dword%d", k, r.IntN(8)))
		}
		for range 10 {
			words = append(words, fmt.Sprintf("common%d", r.IntN(60)))
		}
		out = append(out, news.Article{
			ID: fmt.Sprintf("%s%d", prefix, i), Source: fmt.Sprintf("Outlet %d", i%5), Title: strings.Join(words[:5], " "),
			Text: strings.Join(words, " ") + ".", Published: from.Add(time.Duration(i) * 14 * 24 * time.Hour / time.Duration(n)),
		})
	}
	return out
}

// storedStats reads the clusterer's running statistics the store holds
// (its parts, read back as the writer reads them).
func storedStats(t *testing.T, st interface {
	StreamState(context.Context) ([]news.StatePart, error)
}) cluster.StreamStats {
	t.Helper()
	parts, err := st.StreamState(context.Background())
	if err != nil || parts == nil {
		t.Fatalf("stored stream statistics = %q, %v; want some", parts, err)
	}
	s, _, err := cluster.ReadParts(parts)
	if err != nil || s == nil {
		t.Fatalf("stored stream statistics do not read: %v", err)
	}
	return *s
}

// TestARestartResumesTheStreamStatistics: the clusterer's running
// statistics are saved with each write, and an engine started again on the
// store goes on from them: its background holds the first run's values
// and the next article's, not the next article's alone.
func TestARestartResumesTheStreamStatistics(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	first := start(t, st, engine.Options{})
	if _, err := first.Submit(ctx, source.Articles(topicReports("a", 150, from)), nil); err != nil {
		t.Fatal(err)
	}
	first.Close()
	before := storedStats(t, st).Background[0]
	if before.N < 30 {
		t.Fatalf("the first run's background holds %.0f cosines, want at least 30 (the fixture fills too little)", before.N)
	}

	again := start(t, st, engine.Options{})
	next := topicReports("b", 1, from.Add(14*24*time.Hour))
	if _, err := again.Submit(ctx, source.Articles(next), nil); err != nil {
		t.Fatal(err)
	}
	after := storedStats(t, st).Background[0]
	if after.N <= before.N {
		t.Errorf("after a restart and one article the background holds %.0f cosines, the first run's %.0f: want the first run's and the article's (a restart that starts it afresh holds the article's alone)", after.N, before.N)
	}
}

// TestAFailedWriteResumesTheStoredStatistics: a write that fails restores
// the clusterer from the store, with the statistics the last write stored,
// not those it had counted from the articles it could not store: the next
// article leaves the statistics a restart would have left.
func TestAFailedWriteResumesTheStoredStatistics(t *testing.T) {
	ctx := context.Background()
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	first, lost, next := topicReports("a", 100, from), topicReports("b", 40, from.Add(14*24*time.Hour)), topicReports("c", 1, from.Add(15*24*time.Hour))

	restarted := tempStore(t)
	run(t, restarted, source.Articles(first), engine.Options{})
	run(t, restarted, source.Articles(next), engine.Options{})
	want := storedStats(t, restarted)

	failing := &failingStore{Store: tempStore(t), good: 1 << 30}
	e := start(t, failing, engine.Options{})
	if _, err := e.Submit(ctx, source.Articles(first), nil); err != nil {
		t.Fatal(err)
	}
	failing.good = failing.calls.Load() // the disk is full: the next write fails
	if _, err := e.Submit(ctx, source.Articles(lost), nil); err == nil {
		t.Fatal("the write on a full disk succeeded")
	}
	failing.good = 1 << 30
	if _, err := e.Submit(ctx, source.Articles(next), nil); err != nil {
		t.Fatal(err)
	}
	if got := storedStats(t, failing); !reflect.DeepEqual(got, want) {
		t.Errorf("statistics after a failed write and one article %+v, want those of a restart and the article %+v", got, want)
	}
}

// oneEngine is a store of one engine given the jobs one after the other,
// never stopped.
func oneEngine(t *testing.T, jobs ...[]news.Article) *sqlite.Store {
	t.Helper()
	st := tempStore(t)
	e := start(t, st, engine.Options{})
	for _, job := range jobs {
		if _, err := e.Submit(context.Background(), source.Articles(job), nil); err != nil {
			t.Fatal(err)
		}
	}
	e.Close()
	return st
}

// TestARestartPlacesTheNextArticlesAsOneEngine: an engine started again on
// a store (as a later add, or serve after a restart) goes on exactly as
// one engine that never stopped: after the same two jobs the stored
// statistics and state (every story's articles, vector and settle marks,
// the document frequencies) are the same to the bit.
func TestARestartPlacesTheNextArticlesAsOneEngine(t *testing.T) {
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	first, second := topicReports("a", 150, from), topicReports("b", 60, from.Add(14*24*time.Hour))

	restarted := tempStore(t)
	run(t, restarted, source.Articles(first), engine.Options{})
	run(t, restarted, source.Articles(second), engine.Options{})

	once := oneEngine(t, first, second)
	got, want := storedStats(t, restarted), storedStats(t, once)
	if got.State == nil || len(got.State.Stories) == 0 {
		t.Fatalf("the stored statistics hold no state of the stories: %+v", got)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart between two jobs the stored state differs from one engine's (%d stories, %d arrivals; one engine %d, %d)", len(got.State.Stories), got.State.Seq, len(want.State.Stories), want.State.Seq)
	}
}

// TestAnArticleOfAnOldDateDoesNotWidenTheRestore: a report dated decades
// before the stream (a misread or archive date) is a story the clusterer
// holds until its next eviction, so the saved state reaches back to it;
// the writer's next restore still reaches back no further than the
// clusterer's Lookback (a story older than that takes no article), not
// to that date, which would have it read the whole store.
func TestAnArticleOfAnOldDateDoesNotWidenTheRestore(t *testing.T) {
	st := tempStore(t)
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	old := topicReports("o", 1, from.AddDate(-30, 0, 0))
	run(t, st, source.Articles(append(topicReports("a", 150, from), old...)), engine.Options{})

	saved := storedStats(t, st)
	if saved.State == nil || !saved.State.Since.Equal(old[0].Published) {
		t.Fatalf("the saved state does not reach back to the old report (%v): %+v", old[0].Published, saved.State)
	}
	opt := cluster.Options{}
	if got, most := engine.RestoreWindow(opt, &saved), opt.Lookback(); got > most {
		t.Errorf("the restore reaches back %v, more than the clusterer's lookback %v", got, most)
	}
}

// TestAWholeStoredStateIsReadOnceAndStoredInParts: a store that holds the
// clusterer's state whole in one row (as sessions 50-52 wrote it) is
// resumed from it, and the next write stores the state in parts and
// deletes the row: after the same two jobs the stored state is the same
// to the bit as one engine's.
func TestAWholeStoredStateIsReadOnceAndStoredInParts(t *testing.T) {
	ctx := context.Background()
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	first, second := topicReports("a", 150, from), topicReports("b", 60, from.Add(14*24*time.Hour))

	restarted := tempStore(t)
	run(t, restarted, source.Articles(first), engine.Options{})
	whole, err := json.Marshal(storedStats(t, restarted))
	if err != nil {
		t.Fatal(err)
	}
	parts, err := restarted.StreamState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rewrite := []news.StatePart{{Name: "cluster", State: whole}}
	for _, p := range parts {
		rewrite = append(rewrite, news.StatePart{Name: p.Name})
	}
	if _, err := restarted.SaveBatch(ctx, news.WriteBatch{At: from, StreamState: rewrite}); err != nil {
		t.Fatal(err)
	}
	run(t, restarted, source.Articles(second), engine.Options{})

	once := oneEngine(t, first, second)
	if got, want := storedStats(t, restarted), storedStats(t, once); !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart from the whole row the stored state differs from one engine's (%d stories, %d arrivals; one engine %d, %d)", len(got.State.Stories), got.State.Seq, len(want.State.Stories), want.State.Seq)
	}
	parts, _ = restarted.StreamState(ctx)
	if parts[0].Name == "cluster" {
		t.Error("the whole row is still stored after a write in parts")
	}
}

// TestADamagedStoredPartIsNamedAndWrittenAgain: a part of the stored
// state that does not read is logged by name, the clusterer is restored
// from the stored articles without the state, nothing stored is lost, and
// the next write stores every part again, so that the next restart reads
// them all.
func TestADamagedStoredPartIsNamedAndWrittenAgain(t *testing.T) {
	ctx := context.Background()
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	first, next := topicReports("a", 150, from), topicReports("b", 1, from.Add(14*24*time.Hour))
	st := tempStore(t)
	run(t, st, source.Articles(first), engine.Options{})
	parts, err := st.StreamState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	k := slices.IndexFunc(parts, func(p news.StatePart) bool { return strings.HasPrefix(p.Name, "cluster/story/") })
	damaged := news.StatePart{Name: parts[k].Name, State: []byte(`{"id":`)}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: from, StreamState: []news.StatePart{damaged}}); err != nil {
		t.Fatal(err)
	}

	var log bytes.Buffer
	run(t, st, source.Articles(next), engine.Options{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if !strings.Contains(log.String(), damaged.Name) || !strings.Contains(log.String(), "afresh") {
		t.Errorf("the log does not name the damaged part %s and the fall back:\n%s", damaged.Name, log.String())
	}
	for _, a := range append(first, next...) {
		if mustStoryOf(t, st, a.ID) == "" {
			t.Errorf("article %s is in no story after the restart", a.ID)
		}
	}
	if s := storedStats(t, st); s.State == nil || len(s.State.Stories) == 0 {
		t.Error("the parts stored after the damaged one hold no state")
	}
}
