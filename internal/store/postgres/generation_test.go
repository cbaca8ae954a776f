package postgres

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/server"
)

// TestGenerationMovesWhenAWriteNotifiesNothing: a write that sends no
// notification (SQL run by hand; any write seen through a
// transaction-pooling proxy such as PgBouncer, which does not carry
// LISTEN) still moves the generation. Session 41's s41-ui generation was
// what a listen connection heard: such a write left it where it was, and
// a server's Watch and page cache kept stale pages for good.
func TestGenerationMovesWhenAWriteNotifiesNothing(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	before, err := st.Generation(ctx) // the generation asked once, as a server does
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, st.dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	if _, err := conn.Exec(ctx, "INSERT INTO feeds (url) VALUES ('https://news.tolverton.example/rss')"); err != nil {
		t.Fatal(err)
	}
	after, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("generation %q before and after a write by hand: its change goes unseen", after)
	}
	if again, _ := st.Generation(ctx); again != after {
		t.Errorf("generation moved from %q to %q with no write", after, again)
	}
}

// TestGenerationStaysWhenAnotherDatabaseChanges: a write to another
// database of the cluster changes nothing this store holds, and its
// generation stays, so that a server does not forget its pages for
// nothing. PostgreSQL's snapshot is the cluster's: a server on a cluster
// whose other databases wrote once a second forgot its pages once a
// second. A write to this database, by another handle (another process),
// still moves it at once.
func TestGenerationStaysWhenAnotherDatabaseChanges(t *testing.T) {
	ctx := context.Background()
	st, elsewhere := openTemp(t), openTemp(t)
	same := openAgain(t, st)
	before, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := elsewhere.AddFeeds(ctx, []string{fmt.Sprintf("https://news.lenmouth.example/feed%d.xml", i)}); err != nil {
			t.Fatal(err)
		}
		if now, err := st.Generation(ctx); err != nil || now != before {
			t.Fatalf("another database's write %d moved the generation %q -> %q (%v)", i+1, before, now, err)
		}
	}
	if err := same.AddFeeds(ctx, []string{"https://news.lenmouth.example/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	if now, _ := st.Generation(ctx); now == before {
		t.Errorf("a write to the store's own database by another handle left the generation at %q", now)
	}
}

// TestEveryTableRaisesTheGeneration: every table of the schema but the
// counter itself has the trigger that raises the generation, so that a
// table a later migration makes without it fails here rather than leave
// its writes unseen by the servers.
func TestEveryTableRaisesTheGeneration(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	rows, err := st.rw.Query(ctx, `SELECT tablename FROM pg_tables t
		WHERE schemaname = current_schema() AND tablename <> 'storyline_generation'
		AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = (quote_ident(t.tablename))::regclass
			AND g.tgname = 'storyline_changed')`)
	if err != nil {
		t.Fatal(err)
	}
	bare, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(bare) > 0 {
		t.Errorf("tables without the generation trigger (give them watchTableSQL): %v", bare)
	}
}

// TestGenerationMovesOnceForAManyStatementTransaction: a transaction of
// many writes raises the generation by one (the trigger's once-a-
// transaction guard), and the next transaction raises it again.
func TestGenerationMovesOnceForAManyStatementTransaction(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	count := func() int64 {
		var n int64
		if err := st.ro.QueryRow(ctx, "SELECT n FROM storyline_generation").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	write := func() {
		tx, err := st.rw.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		for i := range 5 {
			if _, err := tx.Exec(ctx, "INSERT INTO feeds (url) VALUES ($1) ON CONFLICT DO NOTHING",
				fmt.Sprintf("https://news.tolverton.example/rss%d", i)); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	before := count()
	write()
	if got := count(); got != before+1 {
		t.Errorf("five writes in one transaction raised the generation %d -> %d; want by one", before, got)
	}
	write()
	if got := count(); got != before+2 {
		t.Errorf("the next transaction left the generation at %d; want %d", got, before+2)
	}
}

// TestChangesTellsOfThisDatabasesWritesAtOnce: Changes gives a value soon
// after another handle writes to the store's database, and none for
// another database's writes.
func TestChangesTellsOfThisDatabasesWritesAtOnce(t *testing.T) {
	ctx := context.Background()
	st, elsewhere := openTemp(t), openTemp(t)
	same := openAgain(t, st)
	changes := st.Changes()
	select { // the first value says it listens: what was written before may be unseen
	case <-changes:
	case <-time.After(10 * time.Second):
		t.Fatal("Changes gave nothing once listening")
	}
	if err := elsewhere.AddFeeds(ctx, []string{"https://news.lenmouth.example/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changes:
		t.Error("another database's write was told as a change")
	case <-time.After(500 * time.Millisecond):
	}
	if err := same.AddFeeds(ctx, []string{"https://news.lenmouth.example/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changes:
	case <-time.After(10 * time.Second):
		t.Error("a write to the store's own database by another handle was not told")
	}
}

// TestWatchShowsAnotherProcesssWriteBeforeItsTick: a server on PostgreSQL
// whose Watch ticks once an hour still forgets its pages soon after
// another process writes: the notification wakes it. Session 40's Watch
// waited for its tick (a second in serve).
func TestWatchShowsAnotherProcesssWriteBeforeItsTick(t *testing.T) {
	st := openTemp(t)
	same := openAgain(t, st)
	srv, err := server.New(read.New(st, read.Options{}), server.Options{CacheFor: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	woke := make(chan struct{}, 16)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Watch(ctx, time.Hour, func() { woke <- struct{}{} }); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	time.Sleep(time.Second) // Watch asked its first generation and listens
	if err := same.AddFeeds(context.Background(), []string{"https://news.lenmouth.example/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-woke:
	case <-time.After(10 * time.Second):
		t.Error("another process's write did not wake Watch before its tick")
	}
}
