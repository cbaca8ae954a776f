package postgres

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

var cluster *pgtest.Cluster

func TestMain(m *testing.M) { pgtest.Main(m, &cluster) }

// openTemp opens a store on a new database of the test cluster.
func openTemp(t testing.TB) *Store {
	t.Helper()
	st, err := Open(context.Background(), cluster.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// openAgain opens a second store on st's database, as another process would.
func openAgain(t testing.TB, st *Store) *Store {
	t.Helper()
	again, err := Open(context.Background(), st.dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}

// TestConformance runs the store ports' conformance suite on PostgreSQL.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Backend{
		New: func(t *testing.T) storetest.Store { return openTemp(t) },
		Again: func(t *testing.T, st storetest.Store) storetest.Store {
			return openAgain(t, st.(*Store))
		},
	})
}
