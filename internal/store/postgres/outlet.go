package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// outletKey is the outlet an article is filed under (news.OutletKey of the
// name it is shown under): the key that lists, filters and the sources page
// group by, so that "NYT" and "nyt" are one outlet. An aliased key is
// filed under its outlet by fileUnderAliases, in the same transaction.
func outletKey(a news.Article) string { return news.ArticleOutletKey(a.Source, a.URL) }

// fileUnderAliases is sqlstore.FileUnderAliases in a pgx transaction:
// every transaction that files articles ends with it.
func fileUnderAliases(ctx context.Context, tx pgx.Tx, articles []news.Article) (int64, error) {
	return sqlstore.FileUnderAliases(ctx, pgTx{pgQuerier{tx}, tx}, articles)
}

// pgTx is a pgx transaction as a sqlstore.Tx.
type pgTx struct {
	pgQuerier
	tx pgx.Tx
}

func (t pgTx) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	tag, err := t.tx.Exec(ctx, query, args...)
	return tag.RowsAffected(), err
}

// fenceFiling begins a transaction that files articles or changes an
// outlet alias: it fails when the writer's lease was taken over (fence),
// then waits for the other such transactions to end (aliasLockKey) and
// holds the lock until tx ends. The lock is taken before the transaction
// writes a row: taken later, a transaction holding a row that an alias
// change updates would wait for the lock that change holds (a deadlock).
func (s *Store) fenceFiling(ctx context.Context, tx pgx.Tx) error {
	if err := s.fence(ctx, tx); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", aliasLockKey)
	return err
}

// inFiling runs fn in one transaction that files articles or changes an
// alias (fenceFiling) and commits it when fn succeeds; a failure to begin,
// to fence or to commit names op and key.
func (s *Store) inFiling(ctx context.Context, op, key string, fn func(tx sqlstore.Tx) error) error {
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return fail(op, key, err)
	}
	defer tx.Rollback(ctx)
	if err := s.fenceFiling(ctx, tx); err != nil {
		return fail(op, key, err)
	}
	if err := raiseGeneration(ctx, tx); err != nil {
		return fail(op, key, err)
	}
	if err := fn(pgTx{pgQuerier{tx}, tx}); err != nil {
		return err
	}
	if err := notifyChange(ctx, tx); err != nil {
		return fail(op, key, err)
	}
	return fail(op, key, tx.Commit(ctx))
}
