package sqlite

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
)

// generation reads SQLite's data_version on a connection of its own: the
// number changes whenever another connection (this process's writer, or
// another process) commits to the database, and not otherwise. It is a
// count of that connection's, which another connection starts again, so
// the token also names which connection it came from (conns): one made
// again after a failure gives tokens never given before.
type generation struct {
	mu    sync.Mutex
	conn  *sql.Conn
	conns int64 // connections made so far
}

// Generation is a token that changes whenever anything stored changes,
// whoever wrote it: readers that keep answers check it to know whether
// they still hold.
func (s *Store) Generation(ctx context.Context) (string, error) {
	s.gen.mu.Lock()
	defer s.gen.mu.Unlock()
	if s.gen.conn == nil {
		c, err := s.ro.Conn(ctx)
		if err != nil {
			return "", fail("read data version", s.path, err)
		}
		s.gen.conn = c
		s.gen.conns++
	}
	var v int64
	if err := s.gen.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		s.gen.conn.Close() // a fresh connection next time
		s.gen.conn = nil
		return "", fail("read data version", s.path, err)
	}
	return strconv.FormatInt(s.gen.conns, 10) + "." + strconv.FormatInt(v, 10), nil
}

// close gives the generation's connection back.
func (g *generation) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.conn != nil {
		g.conn.Close()
		g.conn = nil
	}
}
