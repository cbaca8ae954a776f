package sqlite

import (
	"context"
	"database/sql"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// outletKey is the outlet an article is filed under (news.OutletKey of the
// name it is shown under): the key that lists, filters and the sources page
// group by, so that "NYT" and "nyt" are one outlet. An aliased key is
// filed under its outlet by fileUnderAliases, in the same transaction.
func outletKey(a news.Article) string { return news.ArticleOutletKey(a.Source, a.URL) }

// fileUnderAliases is sqlstore.FileUnderAliases in a database/sql
// transaction: every transaction that files articles ends with it.
func fileUnderAliases(ctx context.Context, tx *sql.Tx, articles []news.Article) (int64, error) {
	return sqlstore.FileUnderAliases(ctx, sqlstore.FromSQLTx(tx), articles)
}

// inTx runs fn in one write transaction (IMMEDIATE: it waits for the
// other writers) and commits it when fn succeeds; a failure to begin or to
// commit names op and key.
func (s *Store) inTx(ctx context.Context, op, key string, fn func(tx sqlstore.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(op, key, err)
	}
	defer tx.Rollback()
	if err := fn(sqlstore.FromSQLTx(tx)); err != nil {
		return err
	}
	return fail(op, key, tx.Commit())
}
