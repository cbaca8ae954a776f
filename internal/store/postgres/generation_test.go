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

// TestGenerationMovesWhenAnOlderTransactionCommits: a writer that began
// first (an alias from the command line) and commits after a later one
// (the server's projector) changed the store all the same, and the
// snapshot's generation (Generation's when it does not listen) must say
// so. The next transaction id alone did not move: it
// follows the latest transaction that ended, which was the later one, so
// a server's Watch and page cache kept the answers the first writer made
// stale.
func TestGenerationMovesWhenAnOlderTransactionCommits(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	begin := func() pgx.Tx {
		conn, err := pgx.Connect(ctx, st.dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close(ctx) })
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, "CREATE TEMP TABLE scratch (n int); INSERT INTO scratch VALUES (1)"); err != nil {
			t.Fatal(err) // a write: the transaction takes an id
		}
		return tx
	}
	older, later := begin(), begin()
	if err := later.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := st.snapshotGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := older.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := st.snapshotGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("generation %q before and after the older writer's commit: its change goes unseen", after)
	}
	if again, _ := st.snapshotGeneration(ctx); again != after {
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

// TestGenerationFallsBackToTheSnapshotWhenTheListenConnectionDrops: with
// the connection that hears writes ended (a restarted server, a proxy's
// timeout), the generation is read from the snapshot again, and a write
// made meanwhile still shows; the connection is made again later.
func TestGenerationFallsBackToTheSnapshotWhenTheListenConnectionDrops(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	same := openAgain(t, st)
	listening, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ended int
	if err := same.rw.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = $1 AND datname = current_database()`, listenerName).Scan(&ended); err != nil || ended != 1 {
		t.Fatalf("ended %d listen connections (%v); want 1", ended, err)
	}
	fallen, err := st.Generation(ctx)
	if err != nil || fallen == listening {
		t.Fatalf("generation with the listen connection ended: %q (%v), the same as while listening", fallen, err)
	}
	if err := same.AddFeeds(ctx, []string{"https://news.lenmouth.example/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	if now, _ := st.Generation(ctx); now == fallen {
		t.Errorf("a write while not listening left the generation at %q", now)
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
