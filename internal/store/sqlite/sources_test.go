package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// queryLog is a Querier that keeps every query asked of it, with its
// arguments.
type queryLog struct {
	sqlstore.Querier
	asked *[]string
}

func (q queryLog) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	*q.asked = append(*q.asked, query+" "+fmt.Sprint(args...))
	return q.Querier.Query(ctx, query, args...)
}

func (q queryLog) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	*q.asked = append(*q.asked, query+" "+fmt.Sprint(args...))
	return q.Querier.QueryRow(ctx, query, args...)
}

// TestSourcesReadTheTextOfUntitledNamelessArticlesOnly: the sources' list
// names an article of no outlet by its title, and reads the start of a
// text only for the one whose title names nothing (blank, or control
// characters alone), by its id: session 40 read 2,000 characters of every
// nameless article's text, a large part of the list's time on a store of
// many (BenchmarkSourcesOfManyNamelessArticles). The untitled one is still
// named by its lead.
func TestSourcesReadTheTextOfUntitledNamelessArticlesOnly(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	var ps []news.Placement
	for i, a := range []news.Article{
		{ID: "t1", Title: "Tide gauge at Cornmarsh fails", Text: "The gauge failed on Monday."},
		{ID: "t2", Title: "Orrow ferry resumes", Text: "The ferry resumed on Tuesday."},
		{ID: "u1", Title: "\t\x07", Text: "Lenmouth opened its new library on Friday. It holds ten thousand books."},
		{ID: "o1", Source: "Calder Courier", Title: "Orrow ferry back", Text: "The ferry is back."},
	} {
		a.Published, a.Lang = now, "en"
		ps = append(ps, news.Placement{Article: a, ContentHash: a.ID, Membership: news.Membership{ArticleID: a.ID, StoryID: []string{"s1", "s2", "s3", "s2"}[i], Score: 0.7, Reason: "test"}})
	}
	save(t, st, ps...)
	var asked []string
	reads := st.Reads
	reads.Snapshot = func(ctx context.Context, fn func(sqlstore.Querier) error) error {
		return st.Reads.Snapshot(ctx, func(q sqlstore.Querier) error { return fn(queryLog{q, &asked}) })
	}
	list, err := reads.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range asked {
		if strings.Contains(q, "text") && !strings.HasSuffix(q, " u1") {
			t.Errorf("the list read texts other than the untitled article's:\n%s", q)
		}
	}
	var names []string
	for _, s := range list {
		names = append(names, s.Source)
	}
	slices.Sort(names)
	want := []string{"Calder Courier", "“Lenmouth opened its new library on…”", "“Orrow ferry resumes”", "“Tide gauge at Cornmarsh fails”"}
	if !slices.Equal(names, want) {
		t.Errorf("sources %q, want %q", names, want)
	}
}

// TestAnAliasOfANamelessLabelIsRefused: the sources' list names an
// article of no outlet "“Its headline”"; an alias of that name moved 0
// articles and stayed listed (session 40). It is refused, saying how to
// give the article an outlet, unless an outlet's articles have the name's
// key (an outlet that spells its name in quotation marks).
func TestAnAliasOfANamelessLabelIsRefused(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	var ps []news.Placement
	for _, a := range []news.Article{
		{ID: "n1", Title: "Orrow ferry resumes", Text: "The ferry resumed on Tuesday."},
		{ID: "q1", Source: "“Cornmarsh Echo”", Title: "Tide gauge fails", Text: "The gauge failed on Monday."},
	} {
		a.Published = now
		ps = append(ps, news.Placement{Article: a, ContentHash: a.ID, Membership: news.Membership{ArticleID: a.ID, StoryID: "s" + a.ID, Score: 0.7, Reason: "test"}})
	}
	save(t, st, ps...)
	_, _, err := st.SetOutletAlias(ctx, "“Orrow ferry resumes”", "Calder Courier")
	if !errors.Is(err, news.ErrNamelessLabel) || !strings.Contains(err.Error(), "--source") {
		t.Errorf("alias of a nameless article's label: %v; want ErrNamelessLabel saying how to name its outlet", err)
	}
	if list, _ := st.OutletAliases(ctx); len(list) != 0 {
		t.Errorf("aliases stored: %v; want none", list)
	}
	if _, n, err := st.SetOutletAlias(ctx, "“Cornmarsh Echo”", "Calder Courier"); err != nil || n != 1 {
		t.Errorf("alias of an outlet spelt in quotation marks: %d moved, %v; want 1, nil", n, err)
	}
}
