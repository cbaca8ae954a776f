// Package sqlstore holds what the SQLite and PostgreSQL stores share: the
// error every store operation returns, and the read queries whose SQL both
// dialects accept, each written once over Querier, a small interface that
// a database/sql handle (through FromSQL) and a pgx one both fit.
//
// Shared queries number their parameters PostgreSQL's way ($1, $2...);
// FromSQL rewrites them to SQLite's numbered form (?1, ?2...).
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
)

// Error is a failure of one store operation: which operation, on which key
// (an article or story id, a digest, a URL, a query), and the cause.
type Error struct {
	Op  string
	Key string
	Err error
}

func (e *Error) Error() string {
	if e.Key == "" {
		return "store: " + e.Op + ": " + e.Err.Error()
	}
	return "store: " + e.Op + " " + e.Key + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Fail wraps err (when not nil) as the failure of op on key; an error that
// already says so is returned as it is.
func Fail(op, key string, err error) error {
	if err == nil {
		return nil
	}
	var done *Error
	if errors.As(err, &done) && done.Op == op && done.Key == key {
		return err
	}
	return &Error{Op: op, Key: key, Err: err}
}

// ErrNoRows is what a Row's Scan returns when the query found nothing,
// whichever driver ran it.
var ErrNoRows = errors.New("no rows in result set")

// Rows is a result set being read.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is the first row of a result, read by Scan (ErrNoRows when none).
type Row interface {
	Scan(dest ...any) error
}

// Querier runs read queries: a store's read-only pool, or a transaction of
// one moment of the database.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
}

// sqlQueryer is what *sql.DB, *sql.Conn and *sql.Tx all do.
type sqlQueryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// FromSQL is a database/sql handle as a Querier, its queries' $n parameters
// numbered ?n as SQLite writes them.
func FromSQL(q sqlQueryer) Querier { return sqlQuerier{q} }

type sqlQuerier struct{ q sqlQueryer }

func (s sqlQuerier) Query(ctx context.Context, query string, args ...any) (Rows, error) {
	rows, err := s.q.QueryContext(ctx, sqliteParams(query), args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (s sqlQuerier) QueryRow(ctx context.Context, query string, args ...any) Row {
	return sqlRow{s.q.QueryRowContext(ctx, sqliteParams(query), args...)}
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

type sqlRow struct{ *sql.Row }

func (r sqlRow) Scan(dest ...any) error {
	err := r.Row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNoRows
	}
	return err
}

// dollarParam is a PostgreSQL parameter ($1). The shared queries hold no
// string literal with a dollar sign, so every match is a parameter.
var dollarParam = regexp.MustCompile(`\$([0-9]+)`)

func sqliteParams(query string) string {
	return dollarParam.ReplaceAllString(query, "?$1")
}

// SQLiteParams numbers a shared statement's $n parameters ?n, as SQLite
// writes them: for the statements a SQLite store runs itself (Exec) from
// the shared text.
func SQLiteParams(query string) string { return sqliteParams(query) }
