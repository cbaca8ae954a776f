package sqlite

import (
	"context"
	"testing"
)

// TestGenerationNeverRepeatsAcrossItsConnection: SQLite's data_version is
// a count of one connection's, and a fresh connection starts it again.
// Generation makes its connection again after a failed query (a caller's
// context ended: an HTTP client gone), and its callers (a server's Watch,
// a queue worker's templates) share it; a token one of them held before
// that must not come back after a write, or that caller takes the changed
// store for the one it saw and keeps stale answers or templates.
func TestGenerationNeverRepeatsAcrossItsConnection(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	other, err := Open(ctx, st.Path()) // the writer, another process
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	write := func(id string) {
		save(t, other, placement(article(id, "ledger", "Title "+id, "Text of "+id+".", now), "s1"))
	}
	generation := func() string {
		g, err := st.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}

	seen := map[string]bool{}
	for i, id := range []string{"w1", "w2", "w3"} {
		seen[generation()] = true
		write(id)
		if i == 1 {
			cancelled, cancel := context.WithCancel(ctx)
			cancel()
			if _, err := st.Generation(cancelled); err == nil {
				t.Fatal("Generation with an ended context did not fail; the test does not reach a fresh connection")
			}
			// A reader takes the connection given back (the read side
			// shares the pool), so Generation's next one is another.
			reader, err := st.ro.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer reader.Close()
		}
	}
	for i := 0; i < 3; i++ {
		g := generation()
		if seen[g] {
			t.Fatalf("after a write Generation gave %q again, a token seen before the store changed (seen: %v)", g, seen)
		}
		write("x" + string(rune('a'+i)))
	}
}
