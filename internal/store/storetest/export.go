package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// Exporter is the export port (storyline export): every stored article
// with its membership, and every story, filtered by publication time and
// outlet, streamed to a callback.
type Exporter interface {
	ExportArticles(ctx context.Context, since, until time.Time, source string, fn func(news.Article, news.Membership) error) error
	ExportStories(ctx context.Context, since, until time.Time, source string, fn func(news.StorySummary) error) error
}

func testExport(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	ex, ok := st.(Exporter)
	if !ok {
		t.Fatalf("%T does not export", st)
	}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	w1 := article("w1", "wire", "Strike ends", "Dockworkers voted.", day(1))
	c1 := article("c1", "courier", "Strike ends", "Dockworkers voted, the wire said.", day(2))
	l1 := article("l1", "ledger", "Fire", "A fire.", day(5))
	u1 := article("u1", "blog", "A note", "Someone wrote.", time.Time{})
	dup := placement(c1, "s1")
	dup.Membership.DuplicateOf = "w1"
	save(t, st, now, placement(w1, "s1"), dup, placement(l1, "s2"), placement(u1, "s3"))

	articles := func(since, until time.Time, source string) (ids []string, ms []news.Membership) {
		t.Helper()
		err := ex.ExportArticles(ctx, since, until, source, func(a news.Article, m news.Membership) error {
			ids = append(ids, a.ID)
			ms = append(ms, m)
			if m.ArticleID != a.ID {
				t.Errorf("article %s came with the membership of %s", a.ID, m.ArticleID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return ids, ms
	}
	stories := func(since, until time.Time, source string) (out []news.StorySummary) {
		t.Helper()
		if err := ex.ExportStories(ctx, since, until, source, func(s news.StorySummary) error {
			out = append(out, s)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	var zero time.Time
	ids, ms := articles(zero, zero, "")
	if want := []string{"w1", "c1", "l1", "u1"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("every article = %v, want %v (story by story, as stored)", ids, want)
	}
	if len(ms) == 4 && (ms[1].StoryID != "s1" || ms[1].DuplicateOf != "w1" || ms[1].Score != 0.7 || ms[0].DuplicateOf != "") {
		t.Errorf("memberships = %+v", ms)
	}
	for _, tc := range []struct {
		name         string
		since, until time.Time
		source       string
		want         []string
	}{
		{"since, inclusive; the undated are left out", day(2), zero, "", []string{"c1", "l1"}},
		{"until, exclusive", zero, day(5), "", []string{"w1", "c1"}},
		{"both", day(2), day(3), "", []string{"c1"}},
		{"an outlet", zero, zero, "blog", []string{"u1"}},
		{"an outlet however it is spelt", zero, zero, "The Blog", []string{"u1"}},
		{"an outlet and a span", day(1), day(9), "wire", []string{"w1"}},
		{"nothing", day(9), zero, "", nil},
	} {
		if got, _ := articles(tc.since, tc.until, tc.source); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: articles %v, want %v", tc.name, got, tc.want)
		}
	}
	all := stories(zero, zero, "")
	if len(all) != 3 || all[0].ID != "s1" || all[0].Articles != 2 || !reflect.DeepEqual(all[0].Sources, []string{"wire", "courier"}) ||
		all[0].FirstPublished == "" || all[2].ID != "s3" || all[2].Articles != 1 {
		t.Errorf("every story = %+v", all)
	}
	// A story is kept whole when one of its articles passes the filter.
	if got := stories(day(2), zero, "courier"); len(got) != 1 || got[0].ID != "s1" || got[0].Articles != 2 {
		t.Errorf("stories with a courier article since day 2 = %+v", got)
	}
	// fn's error stops the export and comes back as it is.
	stop := errors.New("stop")
	n := 0
	err := ex.ExportArticles(ctx, zero, zero, "", func(news.Article, news.Membership) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("an export whose callback fails: %v after %d calls", err, n)
	}
}
