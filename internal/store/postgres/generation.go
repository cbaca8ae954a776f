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

// waiterName is the application_name of the connection that waits for
// notifications (Changes).
const waiterName = "storyline listener, waiting"

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

// Changes tells, soon after another process (or this one) commits a write
// to this store's schema, that it changed: a server's Watch then asks
// Generation at once rather than at its next tick. A connection of its own
// waits for the notifications (the listener's answers Generation's round
// trips, which must not wait behind it); it is made when Changes is first
// called, tried again every listenRetry while it cannot be had, and ends
// with Close. Notifications that come while one is still unread are one.
func (s *Store) Changes() <-chan struct{} {
	s.pushed.once.Do(func() {
		s.pushed.changed = make(chan struct{}, 1)
		ctx, cancel := context.WithCancel(context.Background())
		s.pushed.stop = cancel
		s.pushed.done = make(chan struct{})
		cfg := s.heard.cfg.Copy()
		cfg.RuntimeParams["application_name"] = waiterName
		go s.pushed.run(ctx, cfg)
	})
	return s.pushed.changed
}

// pusher is the connection that waits for notifications (Changes).
type pusher struct {
	once    sync.Once
	changed chan struct{}
	stop    context.CancelFunc
	done    chan struct{}
}

// run waits for notifications of its schema until ctx ends, making the
// connection again after a failure.
func (p *pusher) run(ctx context.Context, cfg *pgx.ConnConfig) {
	defer close(p.done)
	for ctx.Err() == nil {
		if err := p.listen(ctx, cfg); err != nil && ctx.Err() == nil {
			select {
			case <-ctx.Done():
			case <-time.After(listenRetry):
			}
		}
	}
}

// listen makes a connection, listens, and passes on each notification of
// its schema until the connection fails or ctx ends.
func (p *pusher) listen(ctx context.Context, cfg *pgx.ConnConfig) error {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var schema string
	if err := conn.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changedChannel); err != nil {
		return err
	}
	p.tell() // writes made while it was not listening
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Channel == changedChannel && n.Payload == schema {
			p.tell()
		}
	}
}

// tell says that the store changed, unless that is still unread.
func (p *pusher) tell() {
	select {
	case p.changed <- struct{}{}:
	default:
	}
}

// close ends the waiting connection, if one was made.
func (p *pusher) close() {
	p.once.Do(func() {}) // none made from now on
	if p.stop != nil {
		p.stop()
		<-p.done
	}
}
