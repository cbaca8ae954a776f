package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
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

// readingStore records the articles the writer's restore reads.
type readingStore struct {
	*sqlite.Store
	read []string
}

func (r *readingStore) OpenStories(ctx context.Context, window time.Duration, max int) ([]news.Assigned, error) {
	out, err := r.Store.OpenStories(ctx, window, max)
	r.note(out)
	return out, err
}

func (r *readingStore) StoryMembers(ctx context.Context, stories []string) ([]news.Assigned, error) {
	out, err := r.Store.StoryMembers(ctx, stories)
	r.note(out)
	return out, err
}

func (r *readingStore) HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error) {
	out, err := r.Store.HeldMembers(ctx, stories, whole)
	for _, as := range out {
		if as.Article.Text != "" { // read whole
			r.read = append(r.read, as.Article.ID)
		}
	}
	return out, err
}

func (r *readingStore) note(articles []news.Assigned) {
	for _, as := range articles {
		r.read = append(r.read, as.Article.ID)
	}
}

// undatedTopics are undated reports of invented topics, reports of one
// topic in a row (each topic's words its own, none shared between
// topics), so that a clusterer with a short undated window lets go of the
// early topics' stories while later ones arrive.
func undatedTopics(prefix string, topics, each int) []news.Article {
	var out []news.Article
	for k := range topics {
		for i := range each {
			var words []string
			for w := range 8 {
				words = append(words, fmt.Sprintf("%s%dword%d", prefix, k, (w+i)%10))
			}
			out = append(out, news.Article{ID: fmt.Sprintf("%s%d-%d", prefix, k, i), Source: fmt.Sprintf("Outlet %d", i),
				Title: strings.Join(words[:5], " "), Text: strings.Join(words, " ") + "."})
		}
	}
	return out
}

// TestARestartReadsOnlyTheStoriesTheStateNames: an engine started on a
// store whose saved state names the stories the clusterer held reads the
// articles of those stories and no other (an undated clusterer of a
// 20-article window lets go of the stories out of it at its eviction, every
// 1,000 arrivals: after 1,120 reports of 280 topics it holds a few dozen
// stories; the restore of every open story read all 1,120 articles), and
// then places the next job as one engine that never stopped.
func TestARestartReadsOnlyTheStoriesTheStateNames(t *testing.T) {
	opt := engine.Options{Cluster: cluster.Options{UndatedWindow: 20}}
	first, second := undatedTopics("a", 280, 4), undatedTopics("b", 2, 4)
	second = append(second, first[len(first)-2:]...)
	for i := range second[len(second)-2:] {
		a := &second[len(second)-2+i]
		a.ID, a.Text = a.ID+"-again", a.Text+" Updated."
	}

	st := &readingStore{Store: tempStore(t)}
	run(t, st, source.Articles(first), opt)
	saved := storedStats(t, st)
	held := map[string]bool{}
	members := 0
	for _, ss := range saved.State.Stories {
		held[ss.ID] = true
		members += ss.N
	}
	if len(held) == 0 || members >= len(first) {
		t.Fatalf("the clusterer held %d stories of %d articles after %d articles; want fewer than all", len(held), members, len(first))
	}
	st.read = nil
	run(t, st, source.Articles(second), opt)
	var outside []string
	for _, id := range st.read {
		if !held[mustStoryOf(t, st.Store, id)] && !strings.HasPrefix(id, "b") && !strings.HasSuffix(id, "-again") {
			outside = append(outside, id)
		}
	}
	if len(outside) > 0 || len(st.read) > members+1 {
		t.Errorf("the restart read %d articles, %d of them in no story the state names (%v); the state's %d stories hold %d",
			len(st.read), len(outside), outside[:min(len(outside), 5)], len(held), members)
	}

	once := tempStore(t)
	e := start(t, once, opt)
	for _, job := range [][]news.Article{first, second} {
		if _, err := e.Submit(context.Background(), source.Articles(job), nil); err != nil {
			t.Fatal(err)
		}
	}
	e.Close()
	if got, want := storedStats(t, st), storedStats(t, once); !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart between two jobs the stored state differs from one engine's (%d stories, %d arrivals; one engine %d, %d)", len(got.State.Stories), got.State.Seq, len(want.State.Stories), want.State.Seq)
	}
}

// stateless is a store whose writes keep the stored clusterer state as it
// was, as a write by a binary that did not store it does (or the earlier
// chunks of a write whose last chunk failed).
type stateless struct{ *sqlite.Store }

func (s stateless) SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error) {
	b.StreamState = nil
	return s.Store.SaveBatch(ctx, b)
}

// TestARestartAfterAWriteWithoutTheStateLosesNoStory: articles stored
// after the saved state (a write that kept the state as it was) whose
// newest joined a story the state names, the others a new story: the
// restart must not restore the named stories alone (the new story would be
// lost to the clusterer, and its next report would start another), so the
// next report of the new topic joins the story its first reports made.
func TestARestartAfterAWriteWithoutTheStateLosesNoStory(t *testing.T) {
	st := tempStore(t)
	a := undatedTopics("a", 3, 4)
	run(t, st, source.Articles(a), engine.Options{})
	z := undatedTopics("z", 1, 4)
	again := a[1]
	again.ID, again.Text = again.ID+"-again", again.Text+" Updated."
	run(t, stateless{st}, source.Articles(append(z[:3:3], again)), engine.Options{})
	if mustStoryOf(t, st, again.ID) != mustStoryOf(t, st, a[1].ID) {
		t.Fatal("the fixture's newest article did not join its topic's story")
	}
	var log bytes.Buffer
	run(t, st, source.Articles(z[3:]), engine.Options{Logger: warnings(&log)})
	if got, want := mustStoryOf(t, st, z[3].ID), mustStoryOf(t, st, z[0].ID); got != want {
		t.Errorf("after a restart the new topic's next report is in story %s, want its first reports' %s", got, want)
	}
	if !strings.Contains(log.String(), "restores the store's open stories") {
		t.Errorf("the restart's log does not say why it restored the open stories:\n%s", log.String())
	}
}

// TestAStateOlderThanTheArticlesIsToldWhateverItsCounts: a write that
// stored an article and kept the saved state as it was, the article
// dated months before the others (an archive's), so that its story is
// not among the open stories and every story the state names keeps its
// count: the newest open article is in a named story and every count
// matches, yet the state is older than the stored articles. The restart
// must tell (the number of the newest article the state was stored with
// is behind the store's), restore the open stories and log why.
func TestAStateOlderThanTheArticlesIsToldWhateverItsCounts(t *testing.T) {
	dated := func(arts []news.Article, at time.Time) []news.Article {
		for i := range arts {
			arts[i].Published = at.Add(time.Duration(i) * time.Hour)
		}
		return arts
	}
	march := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	st := &memberReading{Store: tempStore(t)}
	run(t, st, source.Articles(dated(undatedTopics("a", 3, 4), march)), engine.Options{})
	old := dated(undatedTopics("z", 1, 1), march.AddDate(0, -4, 0))
	run(t, stateless{st.Store}, source.Articles(old), engine.Options{})
	for _, ss := range storedStats(t, st).State.Stories {
		if mustStoryOf(t, st.Store, old[0].ID) == ss.ID {
			t.Fatal("the fixture's old article joined a story the state names")
		}
	}
	st.calls = 0
	var log bytes.Buffer
	run(t, st, source.Articles(dated(undatedTopics("b", 1, 1), march.AddDate(0, 0, 1))), engine.Options{Logger: warnings(&log)})
	if st.calls != 0 || !strings.Contains(log.String(), "older than the stored articles") {
		t.Errorf("a restart on a state older than the stored articles restored the stories it names (%d reads of them) and logged:\n%s", st.calls, log.String())
	}
}

// memberReading counts the reads of the stories a saved state names.
type memberReading struct {
	*sqlite.Store
	calls int
}

func (m *memberReading) StoryMembers(ctx context.Context, stories []string) ([]news.Assigned, error) {
	m.calls++
	return m.Store.StoryMembers(ctx, stories)
}

func (m *memberReading) HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error) {
	m.calls++
	return m.Store.HeldMembers(ctx, stories, whole)
}

// TestAStateStoredByAnOlderVersionIsRestoredFromTheOpenStoriesOnce: a
// saved state that records no newest article (stored by a version that
// did not record it) may be older than the stored articles: the restart
// restores the open stories and says why, and its write records the
// number, so the next restart restores the stories the state names.
func TestAStateStoredByAnOlderVersionIsRestoredFromTheOpenStoriesOnce(t *testing.T) {
	st := &memberReading{Store: tempStore(t)}
	a := undatedTopics("a", 3, 4)
	run(t, st, source.Articles(a[:8]), engine.Options{})
	for k, job := range [][]news.Article{a[8:10], a[10:]} {
		var log bytes.Buffer
		var restarted engine.Store = st
		if k == 0 {
			restarted = unrecorded{st}
		}
		st.calls = 0
		run(t, restarted, source.Articles(job), engine.Options{Logger: warnings(&log)})
		told := strings.Contains(log.String(), "does not record the newest article")
		if k == 0 && (st.calls != 0 || !told) {
			t.Errorf("a restart on a state that records no newest article read the stories it names %d times and logged:\n%s", st.calls, log.String())
		}
		if k == 1 && (st.calls != 1 || told) {
			t.Errorf("the restart after it read the stories the state names %d times and logged:\n%s", st.calls, log.String())
		}
	}
}

// unrecorded is a store whose saved state records no newest article, as
// one stored by a version that did not record it.
type unrecorded struct{ *memberReading }

func (u unrecorded) StreamState(ctx context.Context) ([]news.StatePart, error) {
	parts, err := u.memberReading.StreamState(ctx)
	return slices.DeleteFunc(parts, func(p news.StatePart) bool { return p.Name == news.StoredSeqPart }), err
}

// warnings is a logger of the warnings and errors only, as the CLI's.
func warnings(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
