package postgres

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	clusterer "github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
)

// reportsOfTopics are undated reports of invented topics, each report its
// own text (words of its topic and one of its own): stories of more
// articles than a story keeps whole.
func reportsOfTopics(topics, each int) []news.Article {
	var out []news.Article
	for k := range topics {
		for i := range each {
			var words []string
			for w := range 8 {
				words = append(words, fmt.Sprintf("topic%dword%d", k, (w+i)%10))
			}
			out = append(out, news.Article{ID: fmt.Sprintf("t%d-%d", k, i), Source: fmt.Sprintf("Outlet %d", i),
				Title: strings.Join(words[:5], " "), Text: strings.Join(words, " ") + fmt.Sprintf(" report%dx%d.", k, i)})
		}
	}
	return out
}

// savedState is the clusterer state the store holds.
func savedState(t *testing.T, st *Store) clusterer.StreamStats {
	t.Helper()
	parts, err := st.StreamState(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := clusterer.ReadParts(parts)
	if err != nil || s == nil {
		t.Fatalf("the stored state does not read: %v", err)
	}
	return *s
}

// wholeReads counts the articles a restore reads whole.
type wholeReads struct {
	*Store
	whole int
}

func (w *wholeReads) StoryMembers(ctx context.Context, stories []string) ([]news.Assigned, error) {
	out, err := w.Store.StoryMembers(ctx, stories)
	w.whole += len(out)
	return out, err
}

func (w *wholeReads) HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error) {
	out, err := w.Store.HeldMembers(ctx, stories, whole)
	for _, as := range out {
		if as.Article.Text != "" {
			w.whole++
		}
	}
	return out, err
}

func (w *wholeReads) OpenStories(ctx context.Context, window time.Duration, max int) ([]news.Assigned, error) {
	out, err := w.Store.OpenStories(ctx, window, max)
	w.whole += len(out)
	return out, err
}

// submit places jobs through one engine on st.
func submit(t *testing.T, st engine.Store, jobs ...[]news.Article) {
	t.Helper()
	e, err := engine.Start(context.Background(), st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, job := range jobs {
		if _, err := e.Submit(context.Background(), source.Articles(job), nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestARestartOnPostgresPlacesTheNextArticlesAsOneEngine: on PostgreSQL
// as on SQLite, an engine restarted between two jobs on stories longer
// than a story keeps whole (restored from their kept members and saved
// sums, reading no other member whole) stores the state one engine that
// never stopped stores.
func TestARestartOnPostgresPlacesTheNextArticlesAsOneEngine(t *testing.T) {
	var first, next []news.Article
	for _, a := range reportsOfTopics(3, 26) {
		if strings.HasSuffix(a.ID, "-24") || strings.HasSuffix(a.ID, "-25") {
			next = append(next, a)
		} else {
			first = append(first, a)
		}
	}
	restarted, once := &wholeReads{Store: openTemp(t)}, openTemp(t)
	submit(t, restarted, first)
	long, kept := 0, 0
	for _, ss := range savedState(t, restarted.Store).State.Stories {
		if ss.N > len(ss.Kept) {
			long++
		}
		kept += len(ss.Kept)
	}
	restarted.whole = 0
	submit(t, restarted, next)
	submit(t, once, first, next)
	got, want := savedState(t, restarted.Store), savedState(t, once)
	if restarted.whole > kept {
		t.Errorf("the restart read %d articles whole; the stories keep %d whole", restarted.whole, kept)
	}
	if long == 0 {
		t.Fatalf("no story of the fixture holds more members than it keeps whole: it shows nothing")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart between two jobs the stored state differs from one engine's (%d stories, %d arrivals; one engine %d, %d)", len(got.State.Stories), got.State.Seq, len(want.State.Stories), want.State.Seq)
	}
}
