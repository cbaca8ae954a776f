package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// outletKey is the outlet an article is filed under (news.OutletKey of the
// name it is shown under): the key that lists, filters and the sources page
// group by, so that "NYT" and "nyt" are one outlet. An aliased key is
// filed under its outlet by fileUnderAliases, in the same transaction.
func outletKey(a news.Article) string { return news.ArticleOutletKey(a.Source, a.URL) }

// fileUnderAliases stores the "the" domain aliases of the names articles
// are shown under (sqlstore.TheAliases), makes aliases of aliases one step
// and files the articles of aliased keys under their outlets; every
// transaction that files articles or changes an alias ends with it. It
// returns how many articles it filed again.
func fileUnderAliases(ctx context.Context, tx pgx.Tx, articles []news.Article) (int64, error) {
	for _, args := range sqlstore.TheAliases(articles) {
		if _, err := tx.Exec(ctx, sqlstore.InsertTheAlias, args...); err != nil {
			return 0, fmt.Errorf("alias %s: %w", args[0], err)
		}
	}
	if _, err := tx.Exec(ctx, sqlstore.RepointAliases); err != nil {
		return 0, err
	}
	tag, err := tx.Exec(ctx, sqlstore.RefileAliased)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
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

// SetOutletAlias files the articles of name's key under outlet's (the
// outlet it is filed under, when that is an alias itself) from now on,
// those stored and those to come, and returns the alias stored and how many
// articles it filed again.
func (s *Store) SetOutletAlias(ctx context.Context, name, outlet string) (news.OutletAlias, int, error) {
	alias, key, err := news.AliasKeys(name, outlet)
	if err != nil {
		return news.OutletAlias{}, 0, err
	}
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return news.OutletAlias{}, 0, fail("alias outlet", name, err)
	}
	defer tx.Rollback(ctx)
	if err := s.fenceFiling(ctx, tx); err != nil {
		return news.OutletAlias{}, 0, fail("alias outlet", name, err)
	}
	var to string
	if err := tx.QueryRow(ctx, "SELECT "+sqlstore.FiledUnder("$1::text"), key).Scan(&to); err != nil {
		return news.OutletAlias{}, 0, fail("alias outlet", name, err)
	}
	if to == alias {
		return news.OutletAlias{}, 0, fmt.Errorf("outlet %q is filed under %q: %w (storyline sources alias --remove %q parts them first)", outlet, name, news.ErrSameOutlet, outlet)
	}
	before, had, err := sqlstore.OutletAlias(ctx, pgQuerier{tx}, alias)
	if err != nil {
		return news.OutletAlias{}, 0, fail("alias outlet", name, err)
	}
	a := news.OutletAlias{Alias: alias, Name: name, Outlet: to, Given: true}
	if _, err := tx.Exec(ctx, sqlstore.UpsertAlias, a.Alias, a.Name, a.Outlet); err != nil {
		return a, 0, fail("alias outlet", name, err)
	}
	n, err := fileUnderAliases(ctx, tx, nil)
	if err != nil {
		return a, 0, fail("alias outlet", name, err)
	}
	if had && before.Outlet != to {
		// The alias named another outlet: its articles leave it.
		moved, err := unfile(ctx, tx, before.Outlet)
		if err != nil {
			return a, 0, fail("alias outlet", name, err)
		}
		n += int64(moved)
	}
	return a, int(n), fail("alias outlet", name, tx.Commit(ctx))
}

// RemoveOutletAlias parts name's key from the outlet it is filed under
// (sqlstore.AliasRemoval) and files its articles under their own keys
// again; it returns the alias as it was and how many articles moved.
func (s *Store) RemoveOutletAlias(ctx context.Context, name string) (news.OutletAlias, int, error) {
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return news.OutletAlias{}, 0, fail("remove outlet alias", name, err)
	}
	defer tx.Rollback(ctx)
	if err := s.fenceFiling(ctx, tx); err != nil {
		return news.OutletAlias{}, 0, fail("remove outlet alias", name, err)
	}
	q := pgQuerier{tx}
	a, err := sqlstore.LookUpAlias(ctx, q, name)
	if err != nil {
		return a, 0, err
	}
	query, args := sqlstore.AliasRemoval(a, name)
	if _, err := tx.Exec(ctx, query, args...); err != nil {
		return a, 0, fail("remove outlet alias", name, err)
	}
	moved, err := unfile(ctx, tx, a.Outlet)
	if err != nil {
		return a, 0, fail("remove outlet alias", name, err)
	}
	return a, moved, fail("remove outlet alias", name, tx.Commit(ctx))
}

// unfile files the articles filed under outlet whose own key, through the
// stored aliases, is now another under that key (sqlstore.Unfiled), and
// returns how many moved.
func unfile(ctx context.Context, tx pgx.Tx, outlet string) (int, error) {
	moves, err := sqlstore.Unfiled(ctx, pgQuerier{tx}, outlet)
	if err != nil {
		return 0, err
	}
	for _, m := range moves {
		if _, err := tx.Exec(ctx, "UPDATE articles SET outlet = $1 WHERE id = $2", m.Key, m.ID); err != nil {
			return 0, fmt.Errorf("article %s: %w", m.ID, err)
		}
	}
	return len(moves), nil
}
