package postgres

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Generation is a token that changes whenever anything stored changes,
// whoever wrote it. Readers that keep answers (a server's Watch and page
// cache) ask it about once a second to know whether they still hold.
//
// It is the schema's generation counter (migration 15), which a statement
// trigger on every table raises once in each transaction that writes, so
// it moves with every committed write to this schema, whoever made it (SQL
// run by hand included), and with no other database's or schema's. It is
// read by a plain query, so it holds through a transaction-pooling proxy
// (PgBouncer in transaction mode), where LISTEN hears nothing. Session 40 read
// the cluster's current snapshot, which moved with any database's writes
// (a server on a busy cluster forgot its pages every second for nothing);
// s41-ui's was what a LISTEN connection heard, which writes that notify
// nothing, and every write seen through such a proxy, never moved.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var n int64
	err := s.ro.QueryRow(ctx, "SELECT n FROM storyline_generation").Scan(&n)
	return "gen " + strconv.FormatInt(n, 10), fail("read generation", s.name, err)
}

// raiseGeneration raises the generation counter at the start of one of
// the store's write transactions, after its fence and before any write,
// as the tables' trigger would at its first write (which then does not
// raise it again: the transaction's setting says it is done). The
// counter's row is locked until the commit: taken first, a transaction
// that waits for it (another writer's, or SQL run by hand, is running)
// holds no row of a table yet, so the other never waits for it in turn.
// Taken by the trigger after the first write, a comparison's transaction
// held its story's row while it waited, and a writer that then wrote
// that story ended in "deadlock detected"
// (TestAWriteWaitingForTheGenerationHoldsNoRow).
func raiseGeneration(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `WITH raised AS (UPDATE storyline_generation SET n = n + 1 RETURNING n)
		SELECT set_config('storyline.changed', current_schema(), true) FROM raised`)
	return err
}

// changedChannel is the channel every write notifies on commit, its
// payload the schema written (current_schema()): stores of two schemas of
// one database hear only their own.
const changedChannel = "storyline_changed"

// waiterName is the application_name of the connection that waits for
// notifications (Changes).
const waiterName = "storyline listener, waiting"

// listenRetry is how long Changes waits after its connection failed
// before it makes it again: long enough that a database that refuses
// connections is not asked for one each second; Watch's tick meanwhile
// sees every write.
const listenRetry = 10 * time.Second

// notifyChange notifies, on the commit of the transaction (or at once
// outside one), the readers listening to this store's schema that it
// changed (Changes). Since migration 15 the tables' trigger notifies as
// well (PostgreSQL delivers one of a transaction's identical
// notifications); the migrations before it write no table with the
// trigger.
func notifyChange(ctx context.Context, db interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}) error {
	_, err := db.Exec(ctx, "SELECT pg_notify($1, current_schema())", changedChannel)
	return err
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
		cfg := s.waitCfg.Copy()
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
