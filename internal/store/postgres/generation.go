package postgres

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Generation is a token that changes whenever anything stored changes,
// whoever wrote it. Readers that keep answers (a server's Watch and page
// cache) ask it about once a second to know whether they still hold.
//
// Every write of this store notifies its schema's channel on commit
// (notifyChange), and Generation is what a connection of its own that
// listens to that channel heard: NOTIFY reaches only the sessions of the
// same database, so another database's writes no longer move it. Session
// 40 read the cluster's current snapshot, which moves with any database's
// writes: a server on a busy cluster forgot its pages every second for
// nothing. When the listen connection cannot be had or drops, Generation
// is the snapshot again (snapshotGeneration) until it is made again
// (every listenRetry); the token changes at each switch, so that nothing
// written meanwhile goes unseen.
func (s *Store) Generation(ctx context.Context) (string, error) {
	if g, ok := s.heard.generation(ctx); ok {
		return g, nil
	}
	return s.snapshotGeneration(ctx)
}

// snapshotGeneration is the cluster's current snapshot (pg_current_snapshot:
// the oldest transaction still running, the next id not yet seen to end,
// and the ids running between them), which changes when, and only when,
// a transaction that wrote ends, in this database or another of the
// cluster (those make readers check again for nothing, never miss a
// change). The next id alone (the snapshot's xmax) missed a writer that
// began before another and ended after it. Reading it takes no
// transaction id.
func (s *Store) snapshotGeneration(ctx context.Context) (string, error) {
	var g string
	err := s.ro.QueryRow(ctx, "SELECT pg_current_snapshot()::text").Scan(&g)
	return "snapshot " + g, fail("read generation", s.name, err)
}

// changedChannel is the channel every write notifies on commit, its
// payload the schema written (current_schema()): stores of two schemas of
// one database hear only their own.
const changedChannel = "storyline_changed"

// listenerName is the listen connection's application_name, which names
// it in pg_stat_activity.
const listenerName = "storyline listener"

// listenRetry is how long Generation reads the snapshot after the listen
// connection failed before it tries to make it again: long enough that a
// database that refuses connections is not asked for one each second,
// short enough that the false changes of other databases' writes stop
// soon after it is back.
const listenRetry = 10 * time.Second

// listenTimeout bounds one round trip on the listen connection; the
// caller's context is not used for it, as a request given up by its client
// would end the connection.
const listenTimeout = 5 * time.Second

// notifyChange notifies, on the commit of the transaction (or at once
// outside one), the readers listening to this store's schema that it
// changed (Generation).
func notifyChange(ctx context.Context, db interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}) error {
	_, err := db.Exec(ctx, "SELECT pg_notify($1, current_schema())", changedChannel)
	return err
}

// listener is the connection of a store's own that listens to
// changedChannel, made when Generation is first asked (only readers that
// keep answers ask), and what it heard.
type listener struct {
	cfg *pgx.ConnConfig // the writer's, named listenerName

	mu      sync.Mutex
	conn    *pgx.Conn
	schema  string    // the schema whose notifications count
	epoch   int       // counts the connections made: a new one may have missed notifications
	heard   int       // the notifications of schema heard on this connection
	retryAt time.Time // no new connection before then
	closed  bool
}

// generation is "listen EPOCH.HEARD" after one round trip on the listen
// connection, which delivers every notification committed before it was
// asked (the notifier signals the listening session before its commit
// returns); ok false when there is no listen connection to ask.
func (l *listener) generation(ctx context.Context) (string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed || l.conn == nil && time.Now().Before(l.retryAt) {
		return "", false
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), listenTimeout)
	defer cancel()
	if l.conn == nil {
		if err := l.connect(ctx); err != nil {
			l.retryAt = time.Now().Add(listenRetry)
			return "", false
		}
	}
	if _, err := l.conn.Exec(ctx, "SELECT 1"); err != nil {
		l.drop()
		return "", false
	}
	return fmt.Sprintf("listen %d.%d", l.epoch, l.heard), true
}

// connect makes the listen connection and listens; l.mu is held.
func (l *listener) connect(ctx context.Context) error {
	cfg := l.cfg.Copy()
	cfg.OnNotification = func(_ *pgconn.PgConn, n *pgconn.Notification) {
		if n.Channel == changedChannel && n.Payload == l.schema { // under l.mu: called within Exec
			l.heard++
		}
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	if err := conn.QueryRow(ctx, "SELECT current_schema()").Scan(&l.schema); err != nil {
		conn.Close(ctx)
		return err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changedChannel); err != nil {
		conn.Close(ctx)
		return err
	}
	l.conn, l.heard = conn, 0
	l.epoch++
	return nil
}

// drop closes the listen connection after a failure and waits listenRetry
// before making another; l.mu is held.
func (l *listener) drop() {
	l.conn.Close(context.Background())
	l.conn = nil
	l.retryAt = time.Now().Add(listenRetry)
}

// close ends the listen connection for good.
func (l *listener) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn != nil {
		l.conn.Close(context.Background())
		l.conn = nil
	}
	l.closed = true
}
