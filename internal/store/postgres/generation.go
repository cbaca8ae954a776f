package postgres

import "context"

// Generation is a token that changes whenever anything stored changes,
// whoever wrote it: the next transaction id the cluster will assign, which
// moves only when a transaction writes (in this database or another of the
// cluster: those make readers check again for nothing, never miss a
// change). Readers that keep answers check it to know whether they still
// hold.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var g string
	err := s.ro.QueryRow(ctx, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text").Scan(&g)
	return g, fail("read generation", s.name, err)
}
