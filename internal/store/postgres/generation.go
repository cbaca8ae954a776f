package postgres

import "context"

// Generation is a token that changes whenever anything stored changes,
// whoever wrote it: the cluster's current snapshot (pg_current_snapshot:
// the oldest transaction still running, the next id not yet seen to end,
// and the ids running between them), which changes when, and only when,
// a transaction that wrote ends (in this database or another of the
// cluster: those make readers check again for nothing, never miss a
// change). The next id alone (the snapshot's xmax) missed a writer that
// began before another and ended after it: xmax follows the latest
// transaction that ended, so the first one's commit left it as it was,
// and a server kept the answers it made stale. Reading it takes no
// transaction id. Readers that keep answers check it to know whether they
// still hold.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var g string
	err := s.ro.QueryRow(ctx, "SELECT pg_current_snapshot()::text").Scan(&g)
	return g, fail("read generation", s.name, err)
}
