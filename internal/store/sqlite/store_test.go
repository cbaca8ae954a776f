package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/rawbody"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

var now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func openTemp(t *testing.T) *Store {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestConformance runs the store ports' conformance suite on SQLite.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Backend{
		New: func(t *testing.T) storetest.Store { return openTemp(t) },
		Again: func(t *testing.T, st storetest.Store) storetest.Store {
			again, err := Open(context.Background(), st.(*Store).Path())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { again.Close() })
			return again
		},
		DamageRaw: func(t *testing.T, st storetest.Store, name string) {
			if _, err := st.(*Store).db.ExecContext(context.Background(), "UPDATE raw_inputs SET body = $1 WHERE name = $2", storetest.DamagedBody, name); err != nil {
				t.Fatal(err)
			}
		},
	})
}

func article(id, source, title, text string, published time.Time) news.Article {
	return news.Article{ID: id, URL: "https://" + source + ".example/" + id, Source: source, Title: title, Text: text, Published: published, Lang: "en"}
}

func placement(a news.Article, story string) news.Placement {
	raw := news.Raw{Name: a.ID + ".html", URL: a.URL, Kind: news.KindHTML, Body: []byte("<p>" + a.Text + "</p>")}
	return news.Placement{Raw: &raw, Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: story, Score: 0.7, Reason: "test"}, ContentHash: "h-" + a.ID}
}

func save(t *testing.T, st *Store, ps ...news.Placement) {
	t.Helper()
	if _, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: ps, At: now}); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromEmpty(t *testing.T) {
	st := openTemp(t)
	v, err := st.SchemaVersion(context.Background())
	if err != nil || v != len(migrations) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(migrations))
	}
	var mode string
	if err := st.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode = %q, %v; want wal", mode, err)
	}
	var pageSize int
	if err := st.db.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil || pageSize != newPageSize {
		t.Errorf("page size = %d, %v; want %d", pageSize, err, newPageSize)
	}
}

// TestMigrateFromPreviousSchema stores an article under the schema before
// migration 12 (outlets), then opens the database with the current code:
// the data must survive, stay searchable, and the newest table must work.
func TestMigrateFromPreviousSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 11)
	if err != nil {
		t.Fatal(err)
	}
	// The article goes in by SQL as that schema's code stored it (with its
	// search index row, which SaveBatch adds), before outlets had keys.
	if _, err := old.db.ExecContext(ctx, `INSERT INTO articles(id, seq, url, source, published, title, text, content_hash, added_at)
		VALUES ('old-1', 1, '', 'The Ledger', '', 'Harbour chief named', 'The harbour authority named a new chief executive on Monday.', 'h', ''),
			('old-2', 5000, '', 'Wirenews', '', '', 'KESTRA (Wirenews) -- Ferry crews walked out on Tuesday. Talks resume next week.', 'h2', '');
		INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles WHERE id IN ('old-1', 'old-2')`); err != nil {
		t.Fatal(err)
	}
	// More articles than a backfill batch, spelt two ways, so that the
	// upgrade runs over several batches.
	if _, err := old.db.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4100)
		INSERT INTO articles(id, seq, url, source, published, title, text, content_hash, added_at)
		SELECT 'bulk-' || i, 1 + i, '', CASE i % 2 WHEN 0 THEN 'NYT' ELSE 'The nyt' END, '', 't', 'x', 'h' || i, '' FROM n`); err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.ExecContext(ctx, `INSERT INTO stories(id, created_at, updated_at, compared_at) VALUES ('s1', '', '2026-01-01', '2026-01-01');
		INSERT INTO story_articles(article_id, story_id, membership) VALUES ('old-1', 's1', '{}');
		INSERT INTO stories(id, created_at, updated_at, compared_at) VALUES ('s2', '', '2026-01-01', '2026-01-01');
		INSERT INTO story_articles(article_id, story_id, membership) VALUES ('old-2', 's2', '{}')`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != len(migrations) {
		t.Fatalf("schema version = %d, want %d", v, len(migrations))
	}
	list, err := st.Stories(ctx, news.StoryQuery{Q: "harbour chief"})
	if err != nil || len(list) != 1 || list[0].ID != "s1" {
		t.Errorf("search after migration = %+v, %v; want story s1", list, err)
	}
	// Migration 12 files the stored article under its outlet's key.
	if list, err := st.Stories(ctx, news.StoryQuery{Source: "ledger"}); err != nil || len(list) != 1 || !reflect.DeepEqual(list[0].Sources, []string{"The Ledger"}) {
		t.Errorf("stories of outlet ledger after migration = %+v, %v; want s1 from The Ledger", list, err)
	}
	var filed int
	if err := st.ro.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE outlet = 'nyt'").Scan(&filed); err != nil || filed != 4100 {
		t.Errorf("%d of 4,100 articles filed under nyt (%v)", filed, err)
	}
	// Migration 14 indexes the order of "most recent news first".
	var indexed int
	if err := st.ro.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'stories_recency'").Scan(&indexed); err != nil || indexed != 1 {
		t.Errorf("index stories_recency after migration: %d, %v", indexed, err)
	}
	// Migration 13 titles the untitled stories as their comparison will,
	// by their lead when no article has a title, and leaves them stale, for
	// a comparison to give them a summary.
	if stale, err := st.StaleStories(ctx, 0); err != nil || !reflect.DeepEqual(stale, []string{"s1", "s2"}) {
		t.Errorf("stale stories after migration = %v, %v; want the untitled s1 and s2", stale, err)
	}
	for id, want := range map[string]news.StorySummary{"s1": {Title: "Harbour chief named"}, "s2": {Title: "Ferry crews walked out on Tuesday", TitleDerived: true}} {
		if d, err := st.Story(ctx, id); err != nil || d.Title != want.Title || d.TitleDerived != want.TitleDerived {
			t.Errorf("story %s after migration titled %q (derived %v), %v; want %q (derived %v)", id, d.Title, d.TitleDerived, err, want.Title, want.TitleDerived)
		}
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Templates: map[string][]byte{"ledger.example": {1, 2}}, At: now}); err != nil {
		t.Errorf("the newest tables are not usable after the upgrade: %v", err)
	}
}

// TestNewDatabaseOpenedByManyAtOnce: processes that open a new database at
// the same moment all find it migrated. The schema version used to be read
// outside the migration's transaction, and the second opener failed on
// "table raw_inputs already exists".
func TestNewDatabaseOpenedByManyAtOnce(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new-%d.db", round))
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, err := Open(context.Background(), path)
				if err == nil {
					var v int
					v, err = st.SchemaVersion(context.Background())
					if err == nil && v != len(migrations) {
						err = fmt.Errorf("schema version %d", v)
					}
					st.Close()
				}
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}

// TestReadingWritesNothing: the read side's connections cannot write, and
// opening a current database for reading changes neither the file nor its
// log.
func TestReadingWritesNothing(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("a1", "ledger", "Strike", "Dockworkers voted.", now), "s1"))
	if _, err := st.ro.ExecContext(ctx, "UPDATE stories SET title = 'x'"); err == nil {
		t.Error("a write through the read side's connections succeeded")
	}
	if _, err := st.Story(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
}

// TestStoredJSONThatCannotBeReadIsAnError: a membership, a comparison or a
// change whose stored JSON is damaged fails the read that meets it, naming
// the story; it used to be skipped in silence.
func TestStoredJSONThatCannotBeReadIsAnError(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, damage string
		read         func(*Store) error
	}{
		{"membership", `UPDATE story_articles SET membership = '{"article":' WHERE article_id = 'a2'`,
			func(st *Store) error { _, err := st.Story(ctx, "s1"); return err }},
		{"change", `INSERT INTO story_changes(kind, story_id, other_story_id, articles, score, threshold, reason, at) VALUES ('merge', 's1', 'gone', '["a', 0.5, 0.3, 'r', '2026-11-20T12:00:00Z')`,
			func(st *Store) error { _, err := st.Story(ctx, "s1"); return err }},
		{"comparison", `UPDATE stories SET comparison = '{"timeline": [' WHERE id = 's1'`,
			func(st *Store) error { _, err := st.Sources(ctx); return err }},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := openTemp(t)
			save(t, st, placement(article("a1", "ledger", "Strike", "Dockworkers voted.", now), "s1"),
				placement(article("a2", "courier", "Strike over", "Dockworkers voted again.", now), "s1"))
			if _, err := st.db.ExecContext(ctx, c.damage); err != nil {
				t.Fatal(err)
			}
			err := c.read(st)
			if err == nil || !strings.Contains(err.Error(), "s1") {
				t.Errorf("reading a damaged %s: %v, want an error naming story s1", c.name, err)
			}
		})
	}
}

func TestSearchIndexFollowsUpdates(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("a1", "ledger", "Dockworkers end strike", "The dockworkers voted.", now), "s1"),
		placement(article("b1", "courier", "Harbour news", "Ships waited.", now), "s2"))
	if err := st.UpdateArticle(ctx, article("b1", "courier", "Harbour news", "Ships sailed again.", now), "h"); err != nil {
		t.Fatal(err)
	}
	// The index holds each article once, as SaveBatch put it there, and
	// follows updates (the check fails on a missing or doubled entry).
	if _, err := st.db.ExecContext(ctx, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("search index integrity: %v", err)
	}
}

func TestRawsPackedAsGzipStillRead(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	a := article("a1", "ledger", "Strike ends", "Dockworkers voted to end the strike on Monday.", now)
	save(t, st, placement(a, "s1"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<p>" + a.Text + "</p>"))
	zw.Close()
	if _, err := st.db.ExecContext(ctx, "UPDATE raw_inputs SET body = ?", gz.Bytes()); err != nil { // as versions before S2 stored it
		t.Fatal(err)
	}
	if r, ok, err := st.RawOf(ctx, "a1"); err != nil || !ok || string(r.Body) != "<p>"+a.Text+"</p>" {
		t.Errorf("RawOf(a1) = %q, %v, %v", r.Body, ok, err)
	}
	if _, err := rawbody.Unpack([]byte("neither gzip nor S2")); err == nil {
		t.Error("a body in no known format unpacked without an error")
	}
}

// TestWriterLockDiesWithItsHolder: the lock is the operating system's, so a
// holder that dies (here: its file closed without a word) leaves the
// database free; the lock file says who holds it only while it is held.
func TestWriterLockDiesWithItsHolder(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	if _, err := st.LockWriter(ctx, news.WriterInfo{PID: 7, Command: "serve", Addr: "http://127.0.0.1:1"}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(LockPath(st.Path())); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("lock file: %v, %v; want it readable by its user only (it holds a secret)", info, err)
	}
	st.lock.f.Close() // as the kernel does when a process dies
	st.lock = nil
	other, err := Open(ctx, st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	unlock, err := other.LockWriter(ctx, news.WriterInfo{PID: 8, Command: "add"})
	if err != nil {
		t.Fatalf("the lock of a dead holder is not free: %v", err)
	}
	unlock()
}

func TestClosedStoreNamesTheDatabase(t *testing.T) {
	st := openTemp(t)
	st.Close()
	_, _, err := st.Counts(context.Background())
	var se *Error
	if !errors.As(err, &se) || se.Key != st.Path() || !errors.Is(err, sql.ErrConnDone) && !strings.Contains(err.Error(), "closed") {
		t.Errorf("Counts on a closed store = %v", err)
	}
}

// TestMigrateRefilesOutlets: a database of schema 14, whose articles were
// filed under the outlet keys of that time ("Harbour Gazette (Online
// News)" and "harbourgazette.com" two outlets), has them filed under one
// key when opened, their sources as stored.
func TestMigrateRefilesOutlets(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	save(t, st, placement(article("g1", "Harbour Gazette (Online News)", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("g2", "harbourgazette.com", "Strike ends", "Dockworkers went back.", now), "s2"))
	if _, err := st.db.ExecContext(ctx, `UPDATE articles SET outlet = 'harbourgazetteonlinenews' WHERE id = 'g1';
		UPDATE articles SET outlet = 'harbourgazettecom' WHERE id = 'g2'; ALTER TABLE raw_inputs DROP COLUMN source; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind; ALTER TABLE articles DROP COLUMN capture_archive; ALTER TABLE articles DROP COLUMN capture_record; ALTER TABLE articles DROP COLUMN capture_uri; ALTER TABLE articles DROP COLUMN capture_offset; ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 14`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	list, err := again.Stories(ctx, news.StoryQuery{Source: "Harbour Gazette"})
	if err != nil || len(list) != 2 {
		t.Fatalf("stories of Harbour Gazette after migration = %+v, %v; want s1 and s2", list, err)
	}
	var sources []string
	rows, err := again.ro.QueryContext(ctx, "SELECT source FROM articles WHERE outlet = 'harbourgazette' ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, s)
	}
	if want := []string{"Harbour Gazette (Online News)", "harbourgazette.com"}; !reflect.DeepEqual(sources, want) {
		t.Errorf("sources filed under harbourgazette = %q, want %q", sources, want)
	}
}

// TestMigrateRefilesGenericDomains: a database of schema 15, whose article
// of a domain named by a generic word alone (news.co.uk) was filed under
// "news" with the pages whose site name is the bare word "News", has it
// filed under the domain's own key when opened; the other stays "news".
func TestMigrateRefilesGenericDomains(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	save(t, st, placement(article("n1", "News.co.uk", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("n2", "News", "Strike ends", "Dockworkers went back.", now), "s2"))
	if _, err := st.db.ExecContext(ctx, `UPDATE articles SET outlet = 'news'; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind; ALTER TABLE articles DROP COLUMN capture_archive; ALTER TABLE articles DROP COLUMN capture_record; ALTER TABLE articles DROP COLUMN capture_uri; ALTER TABLE articles DROP COLUMN capture_offset; ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 15`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for id, want := range map[string]string{"n1": "newscouk", "n2": "news"} {
		var key string
		if err := again.ro.QueryRowContext(ctx, "SELECT outlet FROM articles WHERE id = ?", id).Scan(&key); err != nil || key != want {
			t.Errorf("outlet of %s after migration = %q, %v; want %q", id, key, err, want)
		}
	}
}

// TestMigrateFilesTheDomainsAndQualifiers: a database of the previous
// schema (no outlet aliases, keys that kept a first bracketed qualifier)
// is filed again when opened: "X (Opinion) (Blog)" is X, and a "the"
// domain of a stored name beginning with "The" is that outlet.
func TestMigrateFilesTheDomainsAndQualifiers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	byHost := article("h1", "", "Tide", "The tide came in.", now)
	byHost.URL = "https://www.thekestrel.com/tide"
	save(t, st, placement(article("q1", "Harbour Gazette (Opinion) (Blog)", "Strike", "Dockworkers voted.", now), "s1"),
		placement(article("q2", "Harbour Gazette", "Strike ends", "Dockworkers went back.", now), "s2"),
		placement(article("n1", "The Kestrel", "Tide report", "The tide came in early.", now), "s3"),
		placement(byHost, "s4"))
	if _, err := st.db.ExecContext(ctx, `UPDATE articles SET outlet = 'harbourgazetteopinion' WHERE id = 'q1';
UPDATE articles SET outlet = 'thekestrel' WHERE id = 'h1'; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind; ALTER TABLE articles DROP COLUMN capture_archive; ALTER TABLE articles DROP COLUMN capture_record; ALTER TABLE articles DROP COLUMN capture_uri; ALTER TABLE articles DROP COLUMN capture_offset; ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 16`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for id, want := range map[string]string{"q1": "harbourgazette", "q2": "harbourgazette", "n1": "kestrel", "h1": "kestrel"} {
		var key string
		if err := again.ro.QueryRowContext(ctx, "SELECT outlet FROM articles WHERE id = ?", id).Scan(&key); err != nil || key != want {
			t.Errorf("outlet of %s after migration = %q, %v; want %q", id, key, err, want)
		}
	}
}

// TestMigrateKeepsTheAliasesNamed: the aliases of a database of the
// previous schema (which kept only where each alias led) name that outlet
// once opened, the articles stay where they were filed, and a chain made
// after the upgrade gives the first alias back when its middle is removed.
func TestMigrateKeepsTheAliasesNamed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	byHost := article("h1", "", "Tide", "The tide came in.", now)
	byHost.URL = "https://www.thekestrel.com/tide"
	save(t, st, placement(article("o1", "Ostwick Post", "Bridge shut", "The bridge is shut.", now), "s1"),
		placement(article("o2", "op", "Bridge closed", "The bridge closed.", now), "s2"),
		placement(article("m1", "Marlow Courier", "Bridge repairs", "Repairs begin.", now), "s3"),
		placement(article("n1", "The Kestrel", "Tide report", "The tide came in early.", now), "s4"),
		placement(byHost, "s4"))
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.ExecContext(ctx, `ALTER TABLE outlet_aliases DROP COLUMN named; ALTER TABLE articles DROP COLUMN capture_archive; ALTER TABLE articles DROP COLUMN capture_record; ALTER TABLE articles DROP COLUMN capture_uri; ALTER TABLE articles DROP COLUMN capture_offset; ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 18`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	storetest.CheckUpgradedAliases(t, again)
}

// readFiling reads st's filing, named included when the schema has it.
func readFiling(t *testing.T, st *Store, named bool) storetest.Filing {
	t.Helper()
	return storetest.ReadFiling(t, st.strings, "given", named)
}

// strings runs a query of one text column.
func (s *Store) strings(ctx context.Context, query string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storetest.ScanStrings(rows)
}

// freshFiling is the filing of a new database that stored
// storetest.UpgradePlacements and then, when alias, the user's alias op -> Ostwick
// Post: what an upgraded database must hold.
func freshFiling(t *testing.T, alias bool) storetest.Filing {
	t.Helper()
	fresh := openTemp(t)
	save(t, fresh, storetest.UpgradePlacements()...)
	if alias {
		if _, _, err := fresh.SetOutletAlias(context.Background(), "op", "Ostwick Post"); err != nil {
			t.Fatal(err)
		}
	}
	return readFiling(t, fresh, true)
}

// TestMigrateFromSchema16AsShipped: a database of schema 16 (no alias
// table, keys that kept a bracketed qualifier, a "the" domain filed apart)
// is at 18 as migration 17 left it when it shipped (the "the" domain's
// alias made, its article filed under the outlet: a shipped migration does
// not change), and at the current schema holds the rows a new database
// holds for the same articles.
func TestMigrateFromSchema16AsShipped(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	save(t, st, storetest.UpgradePlacements()...)
	if _, err := st.db.ExecContext(ctx, `UPDATE articles SET outlet = 'harbourgazetteopinion' WHERE id = 'q1';
UPDATE articles SET outlet = 'thekestrel' WHERE id = 'h1'; DROP TABLE outlet_aliases; ALTER TABLE articles DROP COLUMN kind; ALTER TABLE articles DROP COLUMN capture_archive; ALTER TABLE articles DROP COLUMN capture_record; ALTER TABLE articles DROP COLUMN capture_uri; ALTER TABLE articles DROP COLUMN capture_offset; ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 16`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	at18, err := open(ctx, path, 18)
	if err != nil {
		t.Fatal(err)
	}
	got := readFiling(t, at18, false)
	at18.Close()
	if want := []string{"thekestrel|The Kestrel|-|kestrel|0"}; !reflect.DeepEqual(got.Aliases, want) {
		t.Errorf("aliases at schema 18 = %q, want %q (migration 17 as shipped)", got.Aliases, want)
	}
	if want := "h1|kestrel|thekestrel.com"; !slices.Contains(got.Articles, want) {
		t.Errorf("articles at schema 18 = %q, want %q among them", got.Articles, want)
	}
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got, want := readFiling(t, again, true), freshFiling(t, false); !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded from schema 16:\n%+v\nwant, as a new database:\n%+v", got, want)
	}
}

// TestMigrateFromSchema18HoldsWhatAFreshLoadHolds: a database of schema
// 18 with the user's alias op -> Ostwick Post and a "the" domain's alias
// (the alias table as it was before it kept the outlet named) holds, once
// opened, the rows of a new database given the same articles and alias.
func TestMigrateFromSchema18HoldsWhatAFreshLoadHolds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	save(t, st, storetest.UpgradePlacements()...)
	if _, _, err := st.SetOutletAlias(ctx, "op", "Ostwick Post"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.ExecContext(ctx, `ALTER TABLE outlet_aliases DROP COLUMN named; ALTER TABLE articles DROP COLUMN capture_archive; ALTER TABLE articles DROP COLUMN capture_record; ALTER TABLE articles DROP COLUMN capture_uri; ALTER TABLE articles DROP COLUMN capture_offset; ALTER TABLE articles DROP COLUMN captures; ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 18`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got, want := readFiling(t, again, true), freshFiling(t, true); !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded from schema 18:\n%+v\nwant, as a new database:\n%+v", got, want)
	}
}

// TestMigrateKeepsArchiveCaptures upgrades a database of the schema before
// the capture columns: the article stored then reads with no capture, and
// an article read from a web archive keeps its record (archive, record id,
// target URI) through a save and a reopen.
func TestMigrateKeepsArchiveCaptures(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 20) // the schema this test was written against (len(migrations)-1 before migration 22)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.ExecContext(ctx, `INSERT INTO articles(id, seq, url, source, published, title, text, content_hash, added_at, kind)
		VALUES ('old-1', 1, '', 'The Ledger', '', 'Harbour chief named', 'The harbour authority named a new chief.', 'h', '', 'article')`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if a, err := st.Article(ctx, "old-1"); err != nil || a.Capture != (news.Capture{}) || a.Kind != "article" {
		t.Errorf("article stored before the upgrade = %+v, %v; want it whole, with no capture", a, err)
	}
	withCapture := article("w1", "ledger", "Ferry crews walk out", "Ferry crews walked out on Tuesday.", now)
	withCapture.Capture = news.Capture{Archive: "crawl/part-07.warc.gz", RecordID: "<urn:uuid:5e1f0c2a-0000-4000-8000-00000000000a>", TargetURI: "https://ledger.example/ferry?ref=rss", Offset: 48213}
	save(t, st, placement(withCapture, "s1"))
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if a, err := again.Article(ctx, "w1"); err != nil || a.Capture != withCapture.Capture {
		t.Errorf("capture read back = %+v, %v; want %+v", a.Capture, err, withCapture.Capture)
	}
}

// TestMigrateFromSchema20HoldsWhatAFreshLoadHolds: a database of schema
// 20 (one capture an article, no captures column), once opened, reads
// every article as a new database given the same articles does, and then
// keeps a second capture of an article as the new one does.
func TestMigrateFromSchema20HoldsWhatAFreshLoadHolds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 20)
	if err != nil {
		t.Fatal(err)
	}
	ps := storetest.CapturedPlacements()
	for _, p := range ps { // schema 20's own insert: no captures column
		a := p.Article
		if _, err := old.db.ExecContext(ctx, `INSERT INTO articles(id, seq, url, source, published, title, lang, text, content_hash, added_at, outlet, outlet_name, capture_archive, capture_record, capture_uri, capture_offset)
			VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM articles), ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`, a.ID, a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Lang, a.Text, p.ContentHash,
			news.ArticleOutletKey(a.Source, a.URL), news.OutletName(a.Source, a.URL), a.Capture.Archive, a.Capture.RecordID, a.Capture.TargetURI, a.Capture.Offset); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	upgraded, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer upgraded.Close()
	fresh := openTemp(t)
	save(t, fresh, ps...)
	storetest.CheckUpgradedCaptures(t, upgraded, fresh)
}

// TestMigrateKeepsThePrecisionOfTimes upgrades a database of schema 21,
// whose times carry no precision and hold a time of day one second after
// midnight UTC as session 39 stored it: midnight UTC reads as a date
// alone, the moved time as a time on its true second (migration 22).
func TestMigrateKeepsThePrecisionOfTimes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	save(t, st, storetest.PrecisionPlacements()...)
	if _, err := st.db.ExecContext(ctx, storetest.NudgedPrecisionSQL+`
		ALTER TABLE articles DROP COLUMN published_date_only; ALTER TABLE raw_inputs DROP COLUMN published_date_only; DROP TABLE stream_state; PRAGMA user_version = 21`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	storetest.CheckUpgradedPrecision(t, again)
}
