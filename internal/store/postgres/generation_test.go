package postgres

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestGenerationMovesWhenAnOlderTransactionCommits: a writer that began
// first (an alias from the command line) and commits after a later one
// (the server's projector) changed the store all the same, and the
// generation must say so. The next transaction id alone did not move: it
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
	before, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := older.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("generation %q before and after the older writer's commit: its change goes unseen", after)
	}
	if again, _ := st.Generation(ctx); again != after {
		t.Errorf("generation moved from %q to %q with no write", after, again)
	}
}
