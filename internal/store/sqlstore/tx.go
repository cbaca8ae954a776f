package sqlstore

import (
	"context"
	"database/sql"
)

// Tx is a write transaction of either store: its reads (Querier) and its
// writes, so that a write both stores make the same way (an outlet alias,
// the outlets named for stored pages) is written once, here. Statements
// number their parameters PostgreSQL's way ($1, $2...), as Querier's do.
type Tx interface {
	Querier
	// Exec runs a statement that writes and returns how many rows it
	// changed.
	Exec(ctx context.Context, query string, args ...any) (int64, error)
}

// FromSQLTx is a database/sql transaction as a Tx, its statements' $n
// parameters numbered ?n as SQLite writes them.
func FromSQLTx(tx *sql.Tx) Tx { return sqlTx{sqlQuerier{tx}, tx} }

type sqlTx struct {
	sqlQuerier
	tx *sql.Tx
}

func (t sqlTx) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := t.tx.ExecContext(ctx, sqliteParams(query), args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
