// Package postgres keeps storyline's data in PostgreSQL, for deployments
// that outgrow one machine: many readers and writers on many machines, and
// the replicas and backups operators already run. It holds what the
// embedded SQLite store holds (raw inputs, compressed; articles; stories
// with their members, changes and comparisons; site templates; polled
// feeds) and searches articles with PostgreSQL's own full-text search
// (a weighted tsvector kept by a generated column, a GIN index, ts_rank and
// ts_headline). Schema changes are ordered migrations.
//
// A Store implements the engine's port, the read side's (through a second
// pool whose sessions are read-only, so that reading cannot write) and the
// feed poller's, and passes the storetest conformance suite. Every error is
// an *Error naming the operation and the key that failed. The writer lock
// is a lease (lock.go): a session advisory lock, released by the server the
// moment its holder's connection ends, with a fencing epoch that a writer
// which lost it cannot write past.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// The ports a Store implements, checked when the package compiles.
var (
	_ engine.Store = (*Store)(nil)
	_ read.Store   = (*Store)(nil)
	_ feed.Store   = (*Store)(nil)
)

// IsURL reports whether a --db value names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than a SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Store is an open database.
type Store struct {
	// The read side's queries, shared with the SQLite store, on ro.
	sqlstore.Reads
	// The outlet writes, shared with the SQLite store, in inFiling.
	sqlstore.OutletWrites
	name string        // the database, without its password, for messages
	dsn  string        // as given, for a second handle (tests)
	rw   *pgxpool.Pool // the writer's sessions
	ro   *pgxpool.Pool // read-only sessions: the read side's
	lock *pgx.ConnConfig

	mu    sync.Mutex
	lease *lease // the writer lease, while this store holds it

	waitCfg *pgx.ConnConfig // the writer's, for the connection Changes waits on
	pushed  pusher          // the connection that waits for notifications (Changes)
}

// Open connects to the database a connection string names (a URL or
// key=value pairs, as libpq takes them, including PG* environment
// variables) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fail("open database", redact(dsn), fmt.Errorf("bad connection string: %w", err))
	}
	name := describe(cfg.ConnConfig)
	roCfg := cfg.Copy()
	// Every transaction of the read side's sessions is read-only: a read
	// path that tried to write would fail, not write.
	roCfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	lockCfg := cfg.ConnConfig.Copy()
	// The server ends the session of a writer whose machine is gone (not
	// only its process) within idle + interval*count = 10 s, releasing its
	// lease for a standby.
	lockCfg.RuntimeParams["tcp_keepalives_idle"] = "4"
	lockCfg.RuntimeParams["tcp_keepalives_interval"] = "2"
	lockCfg.RuntimeParams["tcp_keepalives_count"] = "3"
	lockCfg.RuntimeParams["application_name"] = "storyline writer lease"
	rw, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fail("open database", name, err)
	}
	ro, err := pgxpool.NewWithConfig(ctx, roCfg)
	if err != nil {
		rw.Close()
		return nil, fail("open database", name, err)
	}
	s := &Store{name: name, dsn: dsn, rw: rw, ro: ro, lock: lockCfg, waitCfg: cfg.ConnConfig.Copy()}
	s.Reads = sqlstore.Reads{DB: pgQuerier{ro}, Snapshot: s.snapshot, Name: name, Dialect: dialect}
	s.OutletWrites = sqlstore.OutletWrites{InTx: s.inFiling}
	if err := rw.Ping(ctx); err != nil {
		s.Close()
		return nil, fail("connect to database", name, err)
	}
	if err := s.migrate(ctx, len(migrations)); err != nil {
		s.Close()
		return nil, fail("migrate database", name, withPrivilegeHint(err))
	}
	return s, nil
}

// insufficientPrivilege is PostgreSQL's SQLSTATE for a statement the role
// may not run.
const insufficientPrivilege = "42501"

// withPrivilegeHint adds to a schema migration the server refused for want
// of privilege what the role needs: since PostgreSQL 15 only the database's
// owner may create tables in its schema public, so a database made by an
// administrator with a plain `createdb NAME` refuses storyline's role.
func withPrivilegeHint(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == insufficientPrivilege {
		return fmt.Errorf("%w: the role needs to own the database (createdb --owner ROLE NAME), or CREATE on it and on its schema public", err)
	}
	return err
}

// Path names the database (its URL without the password), for messages.
func (s *Store) Path() string { return s.name }

// Close closes the database's connections, releasing the writer lease if
// this store holds it.
func (s *Store) Close() error {
	s.mu.Lock()
	l := s.lease
	s.lease = nil
	s.mu.Unlock()
	var err error
	if l != nil {
		err = l.release(context.Background())
	}
	s.pushed.close()
	s.ro.Close()
	s.rw.Close()
	return fail("close database", s.name, err)
}

// describe names a database as postgres://user@host:port/name.
func describe(c *pgx.ConnConfig) string {
	host := c.Host
	if strings.HasPrefix(host, "/") {
		return fmt.Sprintf("postgres://%s@/%s?host=%s", c.User, c.Database, host)
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", c.User, host, c.Port, c.Database)
}

// redact drops the password from a connection string that could not be
// parsed, for its error message.
func redact(dsn string) string {
	if i := strings.Index(dsn, "@"); IsURL(dsn) && i > 0 {
		if j := strings.Index(dsn[:i], "://"); j >= 0 {
			return dsn[:j+3] + "…" + dsn[i:]
		}
	}
	if strings.Contains(dsn, "password") {
		return "(a connection string with a password)"
	}
	return dsn
}
