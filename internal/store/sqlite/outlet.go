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

// SetOutletAlias files the articles of name's key under outlet's from now
// on (sqlstore.SetOutletAlias) and returns the alias stored and how many
// articles moved.
func (s *Store) SetOutletAlias(ctx context.Context, name, outlet string) (a news.OutletAlias, n int, err error) {
	err = s.inTx(ctx, "alias outlet", name, func(tx sqlstore.Tx) (err error) {
		a, n, err = sqlstore.SetOutletAlias(ctx, tx, name, outlet)
		return err
	})
	return a, n, err
}

// RemoveOutletAlias parts name's key from the outlet it is filed under
// (sqlstore.RemoveOutletAlias); it returns the alias as it was and how
// many articles moved.
func (s *Store) RemoveOutletAlias(ctx context.Context, name string) (a news.OutletAlias, n int, err error) {
	err = s.inTx(ctx, "remove outlet alias", name, func(tx sqlstore.Tx) (err error) {
		a, n, err = sqlstore.RemoveOutletAlias(ctx, tx, name)
		return err
	})
	return a, n, err
}

// SetSources gives the articles of each named page the outlet its input
// names, in one transaction (sqlstore.SetSources).
func (s *Store) SetSources(ctx context.Context, outlets []news.OutletGiven) (counts []int, err error) {
	if len(outlets) == 0 {
		return nil, nil
	}
	err = s.inTx(ctx, "set outlets of", sqlstore.OutletsGivenKey(outlets), func(tx sqlstore.Tx) (err error) {
		counts, err = sqlstore.SetSources(ctx, tx, outlets)
		return err
	})
	return counts, err
}
