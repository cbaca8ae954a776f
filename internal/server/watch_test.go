package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// An alias set by another process on the server's database (storyline
// sources alias from the command line: a store of its own on the same
// file) reaches the running server within seconds: its kept pages and
// lists are forgotten, and its projector, whose round here is an hour,
// compares the story the alias marked, so the first report goes. Before
// Watch the server kept the sources' list for its CacheFor (an hour here,
// 10 s in serve) and the projector waited for its round.
func TestAnotherProcesssAliasReachesTheServer(t *testing.T) {
	st := ostwickStory(t)
	other, err := sqlite.Open(context.Background(), st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	projector := engine.NewProjector(st, engine.ProjectorOptions{Interval: time.Hour, Workers: 1})
	reader := read.New(st, read.Options{CacheFor: time.Hour})
	reader.SetProjected(true)
	srv, err := New(reader, Options{CacheFor: time.Hour, Writer: Writer{Aliases: st}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{}, 2)
	go func() { projector.Run(ctx); done <- struct{}{} }()
	go func() { srv.Watch(ctx, 50*time.Millisecond, projector.Wake); done <- struct{}{} }()
	t.Cleanup(func() { cancel(); <-done; <-done })
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	// compared says whether the story's stored comparison is current and
	// marks a first report as want says.
	compared := func(want bool) func() bool {
		return func() bool {
			_, body := get3(t, ts.URL+"/api/v1/stories/s1")
			var d news.StoryDetail
			if err := json.Unmarshal([]byte(body), &d); err != nil {
				t.Fatalf("/api/v1/stories/s1: %v\n%s", err, body)
			}
			return !d.Updating && len(d.Timeline) == 2 && d.Timeline[0].First == want
		}
	}
	waitUntilTrue(t, "the first comparison", compared(true))
	if _, body := get3(t, ts.URL+"/sources"); !strings.Contains(body, `href="/sources/op"`) {
		t.Fatalf("/sources before the alias lists no op:\n%s", body)
	}
	if _, _, err := other.SetOutletAlias(context.Background(), "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	waitUntilTrue(t, "/sources after the alias", func() bool {
		_, body := get3(t, ts.URL+"/sources")
		return !strings.Contains(body, `href="/sources/op"`) && strings.Contains(body, "<strong>op</strong> →")
	})
	waitUntilTrue(t, "the story compared again after the alias", compared(false))
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the alias showed after %v; want a few seconds", took)
	}
}

// waitUntilTrue polls ok for up to 10 s, failing the test with what it
// waited for.
func waitUntilTrue(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("%s: not seen after 10 s", what)
		}
	}
}

// generationCounter is a store that counts the generation queries asked
// of it.
type generationCounter struct {
	*sqlite.Store
	asked atomic.Int64
}

func (g *generationCounter) Generation(ctx context.Context) (string, error) {
	g.asked.Add(1)
	return g.Store.Generation(ctx)
}

// A serving process asks the store's generation once per tick of Watch,
// not once for Watch and once more for the page cache: pages past their
// time, read all along, take Watch's answer. Session 40's server asked
// twice a second (Watch, and the cache's own poll once a second).
func TestWatchAndThePageCacheShareOnePoll(t *testing.T) {
	st := &generationCounter{Store: ostwickStory(t)}
	srv, err := New(read.New(st, read.Options{}), Options{CacheFor: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Watch(ctx, genCheckEvery, nil); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	const ticks = 3
	start := time.Now()
	for time.Since(start) < ticks*genCheckEvery+genCheckEvery/2 {
		get3(t, ts.URL+"/api/v1/stories") // past its time after 10 ms: asks whether it still holds
		time.Sleep(20 * time.Millisecond)
	}
	if n := st.asked.Load(); n > ticks+1 {
		t.Errorf("the generation was asked %d times in %d ticks of Watch; want at most %d (Watch's first and its ticks)", n, ticks, ticks+1)
	}
}
