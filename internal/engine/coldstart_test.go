package engine_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// madeUpWord is word i of an invented vocabulary: no two i alike, none an
// English word the clusterer might drop.
func madeUpWord(i int) string {
	const consonants, vowels = "bdfgklmnprstvz", "aeiou"
	return string([]byte{consonants[i%14], vowels[i/14%5], consonants[i/70%14], vowels[i/980%5], consonants[i/4900%14]})
}

// coldStartStream is a young stream: six reports of its first event (the
// event's six words and twenty of each report's own), then n articles
// each on a subject of its own. Undated, so the engine keeps their order.
func coldStartStream(n int) []news.Article {
	return append(eventReports("bout", 0), otherSubjects(0, n)...)
}

// eventReports are six reports of event k, ids prefix0 to prefix5: the
// event's six words and twenty of each report's own.
func eventReports(prefix string, k int) []news.Article {
	var arts []news.Article
	for i := range 6 {
		var w []string
		for j := range 6 {
			w = append(w, madeUpWord(5000+10*k+j))
		}
		for j := range 20 {
			w = append(w, madeUpWord(1000*k+100*i+j))
		}
		arts = append(arts, news.Article{ID: fmt.Sprintf("%s%d", prefix, i), Source: "Wire", Title: strings.Join(w[:4], " "), Text: strings.Join(w, " ") + "."})
	}
	return arts
}

// otherSubjects are n articles from the from-th on, each on a subject of
// its own.
func otherSubjects(from, n int) []news.Article {
	var arts []news.Article
	for i := from; i < from+n; i++ {
		var w []string
		for j := range 26 {
			w = append(w, madeUpWord(20000+40*i+j))
		}
		arts = append(arts, news.Article{ID: fmt.Sprintf("other%d", i), Source: "Wire", Title: strings.Join(w[:4], " "), Text: strings.Join(w, " ") + "."})
	}
	return arts
}

// inProcess places arts as one job of the writer does (its stream: each
// article placed with the changes before and after it, the job ended with
// a settle), on a clusterer of opt, and returns each article's story with
// every change applied.
func inProcess(opt cluster.Options, arts []news.Article) map[string]string {
	story := map[string]string{}
	cl := cluster.New(opt)
	s := engine.NewStream(cl, func(ch news.StoryChange) { cluster.ApplyChanges(story, []news.StoryChange{ch}) })
	s.Place(len(arts),
		func(i int) time.Time { return arts[i].Published },
		func(i int) (cluster.Prepared, bool) { return cl.Prepare(arts[i]), true },
		func(i int, m news.Membership) { story[arts[i].ID] = m.StoryID })
	s.End()
	return story
}

// storedReplays counts the changes st recorded for a cold start looked at
// again (their reason says "placed again").
func storedReplays(t *testing.T, st *sqlite.Store) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+st.Path()+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM story_changes WHERE reason LIKE '%placed again%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// storedStories is the story st holds each of arts in.
func storedStories(t *testing.T, st *sqlite.Store, arts []news.Article) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, a := range arts {
		out[a.ID] = mustStoryOf(t, st, a.ID)
	}
	return out
}

// distinctStories counts the stories of the first event's reports.
func distinctStories(story map[string]string) int {
	in := map[string]bool{}
	for i := range 6 {
		in[story[fmt.Sprintf("bout%d", i)]] = true
	}
	return len(in)
}

// TestColdStartLookedAtAgainInAStore: a job that crosses the cold start
// (30 articles here) stores the replay's merges as changes, and every
// article's stored story is the one a clusterer placing the same job in
// process holds with every change applied: the first event's reports in
// one story, nothing lost. (The job's closing settle would merge this
// fixture's reports too; the replay's merges come first, and are stored.)
func TestColdStartLookedAtAgainInAStore(t *testing.T) {
	arts := coldStartStream(26)
	opt := cluster.Options{ColdStart: 30}
	st := tempStore(t)
	run(t, st, source.Articles(arts), engine.Options{Cluster: opt})
	got := storedStories(t, st, arts)
	if n := distinctStories(got); n != 1 {
		t.Errorf("the store holds the first event's reports in %d stories, want one: %v", n, got)
	}
	if n := storedReplays(t, st); n == 0 {
		t.Errorf("the store recorded no change of the cold start looked at again")
	}
	want := inProcess(opt, arts)
	for _, a := range arts {
		if got[a.ID] != want[a.ID] {
			t.Errorf("%s is stored in story %q, the clusterer holds it in %q", a.ID, got[a.ID], want[a.ID])
		}
	}
}

// TestColdStartOncePerStore: the cold start is the store's first run's.
// A store filled by runs of fewer articles than the cold start each is
// never looked at again (each run's clusterer is restored from the store),
// and a store whose cold start was looked at is not looked at again by a
// later run that starts as young a stream does (another event's reports
// first, 30 articles and more): every run keeps every article.
func TestColdStartOncePerStore(t *testing.T) {
	opt := engine.Options{Cluster: cluster.Options{ColdStart: 30}}
	arts := append(coldStartStream(26), append(eventReports("later", 1), otherSubjects(26, 30)...)...)

	short := tempStore(t)
	run(t, short, source.Articles(arts[:20]), opt)
	run(t, short, source.Articles(arts[20:40]), opt)
	if n := storedReplays(t, short); n != 0 {
		t.Errorf("two runs of 20 articles each: the store recorded %d changes of a cold start looked at again, want none", n)
	}
	for id, s := range storedStories(t, short, arts[:40]) {
		if s == "" {
			t.Errorf("two runs of 20 articles each: %s is in no story", id)
		}
	}

	long := tempStore(t)
	run(t, long, source.Articles(arts[:32]), opt)
	once := storedReplays(t, long)
	if once == 0 {
		t.Fatalf("a run of 32 articles recorded no change of its cold start looked at again")
	}
	run(t, long, source.Articles(arts[32:]), opt)
	if n := storedReplays(t, long); n != once {
		t.Errorf("a second run of %d articles recorded %d more changes of a cold start looked at again, want none", len(arts)-32, n-once)
	}
	for id, s := range storedStories(t, long, arts) {
		if s == "" {
			t.Errorf("after two runs %s is in no story", id)
		}
	}
}
