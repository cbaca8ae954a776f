package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// The read queries the SQL stores share (package sqlstore), run on the
// read-only sessions: reading a page cannot write to the database.

// Error is a failure of one store operation (sqlstore.Error).
type Error = sqlstore.Error

// fail wraps err (when not nil) as the failure of op on key.
var fail = sqlstore.Fail

// dialect is how PostgreSQL writes what the shared queries write apart.
var dialect = sqlstore.Dialect{
	Membership: "sa.membership::text",
	StoryOutlets: `coalesce((SELECT string_agg(o.name, chr(31) ORDER BY o.first) FROM (SELECT min(a.outlet_name COLLATE "C") AS name,
		min(a.seq) AS first FROM story_articles j JOIN articles a ON a.id = j.article_id WHERE j.story_id = s.id AND a.outlet <> ''
		GROUP BY a.outlet) o), '')`,
	ArticleIDs: "string_agg(a.id, chr(31) ORDER BY a.seq)",
}

// snapshotTx is a read-only transaction that sees one moment of the
// database.
var snapshotTx = pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}

// snapshot runs fn in one snapshotTx.
func (s *Store) snapshot(ctx context.Context, fn func(sqlstore.Querier) error) error {
	tx, err := s.ro.BeginTx(ctx, snapshotTx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	return fn(pgQuerier{tx})
}

// pgQuerier is a pgx pool or transaction as an sqlstore.Querier.
type pgQuerier struct {
	q interface {
		Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
		QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	}
}

func (p pgQuerier) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	rows, err := p.q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func (p pgQuerier) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	return pgRow{p.q.QueryRow(ctx, query, args...)}
}

// pgRow says sqlstore.ErrNoRows when pgx finds no row.
type pgRow struct{ pgx.Row }

func (r pgRow) Scan(dest ...any) error {
	err := r.Row.Scan(dest...)
	if errors.Is(err, pgx.ErrNoRows) {
		return sqlstore.ErrNoRows
	}
	return err
}
