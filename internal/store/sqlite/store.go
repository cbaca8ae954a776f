// Package sqlite keeps storyline's data in an embedded SQLite database (pure
// Go, WAL mode): the raw inputs, compressed, so that they can be extracted
// again; the articles; the stories with their members and comparisons; the
// polled feeds; and an FTS5 index over article titles and texts. Schema
// changes are ordered migrations.
//
// A Store implements the engine's port (the one writer's lookups and
// writes), the read side's (through a second pool of query-only
// connections, so that reading cannot write) and the feed poller's. Every
// error it returns is an *Error naming the operation and the key that
// failed. The writer lock is an advisory lock on a file beside the database
// (lock.go).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/store/rawbody"
	"github.com/storyline-news/storyline/internal/store/sqlstore"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// The ports a Store implements, checked when the package compiles.
var (
	_ engine.Store = (*Store)(nil)
	_ read.Store   = (*Store)(nil)
	_ feed.Store   = (*Store)(nil)
)

// Store is an open database.
type Store struct {
	// The read side's queries, shared with the PostgreSQL store, on ro.
	sqlstore.Reads
	// The outlet writes, shared with the PostgreSQL store, in inTx.
	sqlstore.OutletWrites
	path string
	db   *sql.DB // read-write connections: the writer's
	ro   *sql.DB // query-only connections: the read side's
	// The lookups the writer makes for every input, prepared once: preparing
	// them for each call cost as much as running them.
	hasRaw, duplicate, idTaken *sql.Stmt
	lock                       *fileLock
	gen                        generation
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, len(migrations))
}

// openRetryFor bounds how long opening a database keeps trying while other
// processes create or migrate it at the same moment: SQLite answers
// SQLITE_BUSY at once, without waiting in its busy handler, while another
// connection switches a new file to WAL or rebuilds its WAL index (seen in
// TestNewDatabaseOpenedByManyAtOnce: 1 run in 10 under load). Ten seconds
// is the busy timeout the connections use for everything else.
const openRetryFor = 10 * time.Second

func open(ctx context.Context, path string, upTo int) (*Store, error) {
	deadline := time.Now().Add(openRetryFor)
	for pause := 5 * time.Millisecond; ; pause = min(2*pause, 200*time.Millisecond) {
		st, err := openOnce(ctx, path, upTo)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return st, err
		}
		select {
		case <-ctx.Done():
			return nil, fail("open database", path, ctx.Err())
		case <-time.After(pause + time.Duration(rand.Int64N(int64(pause)))):
		}
	}
}

// isBusy reports whether SQLite said the database was locked by another
// connection.
func isBusy(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff // the primary code of an extended one
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

// notAFileName refuses, before any folder is made for it, a database path
// that cannot name a file: one ending in a path separator (a folder,
// existing or not), or SQLite's file: URI form, which would be taken as a
// file name beginning "file:".
func notAFileName(path string) error {
	switch {
	case strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)):
		return fmt.Errorf("a folder, not a database file: name a file, such as %s", filepath.Join(path, "storyline.db"))
	case strings.HasPrefix(strings.ToLower(path), "file:"):
		return fmt.Errorf("name the database file by its path (such as %s), not as a file: URI", filepath.Base(strings.TrimPrefix(path[len("file:"):], "//")))
	}
	return nil
}

func openOnce(ctx context.Context, path string, upTo int) (*Store, error) {
	if err := notAFileName(path); err != nil {
		return nil, fail("open database", path, err)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fail("create database folder", dir, err)
		}
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := create(ctx, path); err != nil {
			return nil, fail("create database", path, err)
		}
	case err == nil && info.IsDir():
		// SQLite's own word for it is "unable to open database file".
		return nil, fail("open database", path, fmt.Errorf("a folder, not a database file: name a file, such as %s", filepath.Join(path, "storyline.db")))
	}
	const pragmas = "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", "file:"+path+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fail("open database", path, err)
	}
	ro, err := sql.Open("sqlite", "file:"+path+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		db.Close()
		return nil, fail("open database", path, err)
	}
	s := &Store{path: path, db: db, ro: ro}
	s.Reads = sqlstore.Reads{DB: sqlstore.FromSQL(ro), Snapshot: s.snapshot, Name: path, Dialect: dialect}
	s.OutletWrites = sqlstore.OutletWrites{InTx: s.inTx}
	if err := s.migrate(ctx, upTo); err != nil {
		s.Close()
		return nil, fail("migrate database", path, err)
	}
	if upTo == len(migrations) { // the lookups need the current schema
		if err := s.prepareLookups(ctx); err != nil {
			s.Close()
			return nil, fail("open database", path, err)
		}
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// newPageSize is the page size of new databases: most of a database is raw
// pages and article texts of 5 to 100 KB, which 16 KB pages hold in a quarter
// of the overflow pages (and writes) that SQLite's default 4 KB need. A
// database's page size is fixed once it has a table (in WAL mode).
const newPageSize = 16384

// create makes an empty database file with newPageSize pages in WAL mode.
// The driver's DSN pragmas cannot do it: they set WAL first. Two processes
// may create one database at once: the second finds it in WAL mode, which
// these pragmas then leave alone, and waits for the first's lock.
func create(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d; PRAGMA journal_mode = WAL", newPageSize))
	return err
}

func (s *Store) prepareLookups(ctx context.Context) error {
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&s.hasRaw, `SELECT count(*) FROM raw_inputs r JOIN articles a ON a.raw_id = r.id WHERE r.sha256 = ?`},
		// The article at the URL before one of the text, then the first
		// stored, as the PostgreSQL store answers.
		{&s.duplicate, `SELECT id, title, url, content_hash = ?2 FROM articles WHERE (url = ?1 AND url <> '') OR content_hash = ?2 ORDER BY url = ?1 AND url <> '' DESC, seq LIMIT 1`},
		{&s.idTaken, `SELECT count(*) FROM articles WHERE id = ?`},
	} {
		stmt, err := s.db.PrepareContext(ctx, p.sql)
		if err != nil {
			return err
		}
		*p.stmt = stmt
	}
	return nil
}

// Close closes the database (and releases the writer lock if this store
// holds it).
func (s *Store) Close() error {
	for _, stmt := range []*sql.Stmt{s.hasRaw, s.duplicate, s.idTaken} {
		if stmt != nil {
			stmt.Close()
		}
	}
	if s.lock != nil {
		s.lock.release()
	}
	s.gen.close()
	rerr := s.ro.Close()
	return fail("close database", s.path, errors.Join(s.db.Close(), rerr))
}

// SchemaVersion returns how many migrations have been applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, fail("read schema version", s.path, err)
}

// migrate applies the migrations up to upTo, each in a transaction that
// reads the schema version itself: the connections begin IMMEDIATE
// transactions, so two processes opening a new database at once take turns,
// and the second finds the migrations the first applied.
func (s *Store) migrate(ctx context.Context, upTo int) error {
	for {
		done, err := s.migrateOne(ctx, upTo)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, unless the schema is at upTo.
func (s *Store) migrateOne(ctx context.Context, upTo int) (done bool, err error) {
	// A database at the current version is not written to at all: opening
	// one for reading leaves it as it was.
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	if v > len(migrations) {
		return false, fmt.Errorf("database schema version %d is newer than this storyline (%d)", v, len(migrations))
	}
	if v >= upTo {
		return true, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	if v >= upTo {
		return true, tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	if fill := backfills[v]; fill != nil {
		if err := fill(ctx, tx); err != nil {
			return false, fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	return false, tx.Commit()
}

// Pack compresses a raw body for storage (see package rawbody).
func Pack(body []byte) []byte { return rawbody.Pack(body) }

// packAll packs raw bodies on every core: the write transaction that
// stores them runs on one.
func packAll(raws []*news.Raw) [][]byte {
	bodies := make([][]byte, len(raws))
	for i, r := range raws {
		bodies[i] = r.Body
	}
	return rawbody.PackAll(bodies)
}

// QueryIntegrity runs SQLite's integrity check; "ok" means the file is sound.
func (s *Store) QueryIntegrity(ctx context.Context) (string, error) {
	var result string
	err := s.ro.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result)
	return result, fail("check integrity", s.path, err)
}
