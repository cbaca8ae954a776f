package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
)

// The writer lease: one process at a time writes a database (it owns the
// clusterer, see package engine), wherever the processes run.
//
// The lease is a session advisory lock, taken on a connection of its own
// that the holder keeps open. PostgreSQL releases it the moment that
// session ends: at once when the holder's process dies (its socket closes),
// and within the keepalive bound (store.go: 10 s) when its machine or
// network goes. A standby that tries again every second or two takes over
// then. Who holds the lease (news.WriterInfo: where it takes inputs) is in
// table writer_lease, believed only while the session that wrote it still
// holds an advisory lock.
//
// Each holder raises the lease's epoch when it takes it, and every write
// transaction of a holder first reads the epoch with FOR SHARE: a writer
// whose session was ended (a network partition) and whose lease a standby
// has taken fails its next batch instead of writing beside the new writer,
// and the new holder's epoch update waits for any batch still running.

// lease is a held writer lease.
type lease struct {
	conn  *pgx.Conn
	epoch int64
}

// ErrLeaseLost is the failure of a write by a writer whose lease another
// has taken over.
var ErrLeaseLost = news.ErrLeaseLost

// release gives the lease up.
func (l *lease) release(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := l.conn.Exec(ctx, `UPDATE writer_lease SET holder = NULL, backend_pid = 0 WHERE id = 1 AND epoch = $1`, l.epoch)
	if err == nil {
		_, err = l.conn.Exec(ctx, `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, writerLockKey)
	}
	// Closing the session releases the lock whatever happened above.
	return errors.Join(err, l.conn.Close(ctx))
}

// LockWriter takes the database's writer lease for the process info
// describes, without waiting. When another process holds it, the error is
// a *news.LockedError saying which (and where it takes inputs, if it
// serves). The lease is released by the returned function, or by Close.
func (s *Store) LockWriter(ctx context.Context, info news.WriterInfo) (func() error, error) {
	s.mu.Lock()
	held := s.lease != nil
	s.mu.Unlock()
	if held {
		return nil, fail("lock writer", s.name, errors.New("this store holds the lease already"))
	}
	conn, err := pgx.ConnectConfig(ctx, s.lock)
	if err != nil {
		return nil, fail("lock writer", s.name, err)
	}
	l, err := takeLease(ctx, conn, info)
	if err != nil {
		conn.Close(ctx)
		var locked *news.LockedError
		if errors.As(err, &locked) {
			return nil, err
		}
		return nil, fail("lock writer", s.name, err)
	}
	s.mu.Lock()
	s.lease = l
	s.mu.Unlock()
	return func() error {
		s.mu.Lock()
		l := s.lease
		s.lease = nil
		s.mu.Unlock()
		if l == nil {
			return nil
		}
		return fail("unlock writer", s.name, l.release(context.Background()))
	}, nil
}

// takeLease tries the advisory lock on conn and, when it is had, records
// the holder and raises the epoch.
func takeLease(ctx context.Context, conn *pgx.Conn, info news.WriterInfo) (*lease, error) {
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, hashtext(current_schema()))`, writerLockKey).Scan(&ok); err != nil {
		return nil, err
	}
	if !ok {
		holder, err := readHolder(ctx, conn)
		if err != nil {
			return nil, fmt.Errorf("read writer lease: %w", err)
		}
		return nil, &news.LockedError{By: holder}
	}
	// The lease row is readable by every user of the database, readers
	// included: the secret that lets a local process write through a
	// serving writer is not written there. Other processes write through
	// the server with its API token, or through the queue.
	info.Secret = ""
	b, err := json.Marshal(info)
	if err != nil {
		return nil, err
	}
	l := &lease{conn: conn}
	if err := conn.QueryRow(ctx, `UPDATE writer_lease SET epoch = epoch + 1, holder = $1, backend_pid = pg_backend_pid()
		WHERE id = 1 RETURNING epoch`, string(b)).Scan(&l.epoch); err != nil {
		return nil, err
	}
	return l, nil
}

// readHolder reads who holds the lease, believing the row only while the
// session that wrote it holds an advisory lock. A new holder writes it just
// after taking the lock, so a row not yet its own is read again for a
// moment; a holder that has not said who it is yet is an empty WriterInfo.
func readHolder(ctx context.Context, conn *pgx.Conn) (news.WriterInfo, error) {
	var info news.WriterInfo
	for try := 0; try < 20; try++ {
		var raw *string
		err := conn.QueryRow(ctx, `SELECT holder::text FROM writer_lease l WHERE id = 1 AND EXISTS (
			SELECT 1 FROM pg_locks k WHERE k.locktype = 'advisory' AND k.granted AND k.pid = l.backend_pid)`).Scan(&raw)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return info, err
		}
		if raw != nil {
			if err := json.Unmarshal([]byte(*raw), &info); err != nil {
				return info, fmt.Errorf("lease holds %q: %w", *raw, err)
			}
			return info, nil
		}
		select {
		case <-ctx.Done():
			return info, ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
	return info, nil
}

// fence fails a write transaction of a writer whose lease has been taken
// over (nothing, for a store that does not hold the lease: tests, tools).
func (s *Store) fence(ctx context.Context, tx pgx.Tx) error {
	s.mu.Lock()
	l := s.lease
	s.mu.Unlock()
	if l == nil {
		return nil
	}
	var epoch int64
	if err := tx.QueryRow(ctx, `SELECT epoch FROM writer_lease WHERE id = 1 FOR SHARE`).Scan(&epoch); err != nil {
		return err
	}
	if epoch != l.epoch {
		return fmt.Errorf("%w (epoch %d, ours %d)", ErrLeaseLost, epoch, l.epoch)
	}
	return nil
}
