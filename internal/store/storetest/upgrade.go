package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// UpgradePlacements are the articles of the stores' alias upgrade tests: a
// name and a bare handle of one outlet, an outlet with a bracketed
// qualifier and without, and a "The" name with its "the" domain (by host).
func UpgradePlacements() []news.Placement {
	byHost := article("h1", "", "Tide", "The tide came in.", now)
	byHost.URL = "https://www.thekestrel.com/tide"
	return []news.Placement{
		placement(article("o1", "Ostwick Post", "Bridge shut", "The bridge is shut.", now), "s1"),
		placement(article("o2", "op", "Bridge closed", "The bridge closed.", now), "s2"),
		placement(article("q1", "Harbour Gazette (Opinion) (Blog)", "Strike", "Dockworkers voted.", now), "s3"),
		placement(article("q2", "Harbour Gazette", "Strike ends", "Dockworkers went back.", now), "s3"),
		placement(article("n1", "The Kestrel", "Tide report", "The tide came in early.", now), "s4"),
		placement(byHost, "s4"),
	}
}

// CapturedPlacements are UpgradePlacements with the first ("o1") read from
// a web archive: what a database of the schema before the captures column
// holds (one capture an article).
func CapturedPlacements() []news.Placement {
	ps := UpgradePlacements()
	ps[0].Article.Capture = news.Capture{Archive: "crawl/part-03.warc.gz", RecordID: "<urn:uuid:77d0-0001>", TargetURI: "https://ostwickpost.example/bridge", Offset: 1024}
	return ps
}

// ArticleReader reads a stored article by its id: all ArticlesOf needs of
// a store.
type ArticleReader interface {
	Article(ctx context.Context, id string) (news.Article, error)
}

// ArticlesOf reads the placements' articles back from st, in their order.
func ArticlesOf(t testing.TB, st ArticleReader, ps []news.Placement) []news.Article {
	t.Helper()
	var out []news.Article
	for _, p := range ps {
		a, err := st.Article(context.Background(), p.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// CaptureStore reads articles and saves a batch: what an upgrade check of
// the captures needs of a store.
type CaptureStore interface {
	ArticleReader
	SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error)
}

// CheckUpgradedCaptures checks a database upgraded from the schema of one
// capture an article against a new one, both holding CapturedPlacements:
// every article reads the same, and a second capture of "o1" saved to both
// is kept beside the first in each.
func CheckUpgradedCaptures(t testing.TB, upgraded, fresh CaptureStore) {
	t.Helper()
	ps := CapturedPlacements()
	if got, want := ArticlesOf(t, upgraded, ps), ArticlesOf(t, fresh, ps); !reflect.DeepEqual(got, want) {
		t.Fatalf("upgraded:\n%+v\nwant, as a new database:\n%+v", got, want)
	}
	again := news.Capture{Archive: "crawl/part-09.warc.gz", RecordID: "<urn:uuid:77d0-0002>", TargetURI: "https://ostwickpost.example/bridge", Offset: 88}
	for _, st := range []CaptureStore{upgraded, fresh} {
		if _, err := st.SaveBatch(context.Background(), news.WriteBatch{At: now, Captures: []news.ArticleCapture{{Article: "o1", Capture: again}}}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := ArticlesOf(t, upgraded, ps), ArticlesOf(t, fresh, ps); !reflect.DeepEqual(got, want) || len(got[0].Captures()) != 2 {
		t.Errorf("a second capture, upgraded:\n%+v\nwant, as a new database, two captures of o1:\n%+v", got, want)
	}
}

// Filing is what the outlet migrations decide for a database: its aliases
// (alias, name, named, outlet, given) and each article's outlet key and
// shown name, one "|"-joined row each.
type Filing struct {
	Aliases  []string
	Articles []string
}

// StringsOf runs a query of one text column on a backend's database and
// returns its rows.
type StringsOf func(ctx context.Context, query string) ([]string, error)

// ReadFiling reads a database's Filing through rows: given is how the
// backend writes the alias table's given flag as text ("given" in SQLite,
// "given::text" in PostgreSQL), named whether the schema has the named
// column yet (else "-" stands in its place).
func ReadFiling(t testing.TB, rows StringsOf, given string, named bool) Filing {
	t.Helper()
	col := "'-'"
	if named {
		col = "named"
	}
	var f Filing
	for _, q := range []struct {
		into  *[]string
		query string
	}{
		{&f.Aliases, "SELECT alias || '|' || name || '|' || " + col + " || '|' || outlet || '|' || " + given + " FROM outlet_aliases ORDER BY alias"},
		{&f.Articles, "SELECT id || '|' || outlet || '|' || outlet_name FROM articles ORDER BY id"},
	} {
		got, err := rows(context.Background(), q.query)
		if err != nil {
			t.Fatal(err)
		}
		*q.into = got
	}
	return f
}

// CheckUpgradedAliases checks a store opened on a database whose aliases
// op -> ostwickpost (the user's) and thekestrel -> kestrel (a "the"
// domain's) were stored before aliases kept the outlet named: the aliases
// name their outlet, and a chain made after the upgrade gives the first
// alias back when its middle is removed.
func CheckUpgradedAliases(t testing.TB, st Store) {
	t.Helper()
	ctx := context.Background()
	list, err := st.OutletAliases(ctx)
	want := []news.OutletAlias{
		{Alias: "op", Name: "op", Named: "ostwickpost", Outlet: "ostwickpost", Given: true},
		{Alias: "thekestrel", Name: "The Kestrel", Named: "kestrel", Outlet: "kestrel"},
	}
	if err != nil || !reflect.DeepEqual(list, want) {
		t.Fatalf("aliases after the upgrade = %+v, %v; want %+v", list, err, want)
	}
	if _, _, err := st.SetOutletAlias(ctx, "Ostwick Post", "Marlow Courier"); err != nil {
		t.Fatal(err)
	}
	if _, n, err := st.RemoveOutletAlias(ctx, "Ostwick Post"); err != nil || n != 2 {
		t.Errorf("removing the middle alias after the upgrade = %d articles, %v; want 2 (o1, o2)", n, err)
	}
	names, err := st.SourceNames(ctx)
	got := map[string]int{}
	for _, n := range names {
		got[n.Key] = n.Articles
	}
	if want := map[string]int{"ostwickpost": 2, "marlowcourier": 1, "kestrel": 2}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("outlets after the upgrade and the chain = %v, %v; want %v", got, err, want)
	}
}

// Rows is what ScanStrings needs of a query's result: database/sql's Rows
// and pgx's both have it.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanStrings reads every row of one text column.
func ScanStrings(rows Rows) ([]string, error) {
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
