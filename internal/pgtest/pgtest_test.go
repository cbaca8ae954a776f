package pgtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

var cluster *Cluster

func TestMain(m *testing.M) { Main(m, &cluster) }

// TestNewDatabaseIsEmptyAndPrivate checks that two tests get two databases
// of one running server.
func TestNewDatabaseIsEmptyAndPrivate(t *testing.T) {
	ctx := context.Background()
	a, b := cluster.NewDatabase(t), cluster.NewDatabase(t)
	if a == b {
		t.Fatalf("two tests got one database: %s", a)
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE t (x int)"); err != nil {
		t.Fatal(err)
	}
	other, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	var n int
	if err := other.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 't'").Scan(&n); err != nil || n != 0 {
		t.Errorf("a table made in one test's database is in the other's: %d, %v", n, err)
	}
}
