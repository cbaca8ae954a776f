package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/news"
)

// FiledUnder is the key an outlet key given as SQL expression p is filed
// under: its alias's outlet (table outlet_aliases, news.OutletAlias), else
// itself. Filters compare articles' outlet with it, so that "fox" finds
// Fox News once the user aliased it.
func FiledUnder(p string) string {
	return fmt.Sprintf("coalesce((SELECT al.outlet FROM outlet_aliases al WHERE al.alias = %s), %s)", p, p)
}

// Statements both stores run to keep outlet aliases (news.OutletAlias)
// and the articles filed under them in step, in every transaction that
// files articles or changes an alias. Each alias keeps the key it was
// given (named) and the outlet that key leads to (outlet): resolveStep
// keeps the second in step with the first, so that reads and filters look
// an alias up once (FiledUnder) however long its chain is.
const (
	// insertTheAlias files the domain key $1 ("thehill") under the key $3
	// of a stored name beginning with "The" ($2, "The Hill";
	// news.TheNameAlias), unless an alias of $1 is stored (the user's, or
	// one kept apart) or $3 is filed under $1.
	insertTheAlias = `INSERT INTO outlet_aliases(alias, name, named, outlet, given)
		SELECT $1, $2, $3, ` + "coalesce((SELECT al.outlet FROM outlet_aliases al WHERE al.alias = $3), $3)" + `, false
		WHERE coalesce((SELECT al.outlet FROM outlet_aliases al WHERE al.alias = $3), $3) <> $1
		ON CONFLICT (alias) DO NOTHING`
	// upsertAlias stores the user's alias $1 (name $2) of the outlet key
	// $3, filed under $4 (where $3 leads).
	upsertAlias = `INSERT INTO outlet_aliases(alias, name, named, outlet, given) VALUES ($1, $2, $3, $4, true)
		ON CONFLICT (alias) DO UPDATE SET name = excluded.name, named = excluded.named, outlet = excluded.outlet, given = true`
	// resolveStep files each alias one step further along its chain:
	// under the outlet the key it names is filed under, else under that
	// key. Run until it changes no row (resolveAliases), every alias is
	// filed at its chain's end.
	resolveStep = `UPDATE outlet_aliases SET outlet = ` + resolvedNamed + ` WHERE outlet <> ` + resolvedNamed
	// refileAliased files the articles of an aliased key under its outlet.
	refileAliased = `UPDATE articles SET outlet = (SELECT al.outlet FROM outlet_aliases al WHERE al.alias = articles.outlet)
		WHERE outlet IN (SELECT al.alias FROM outlet_aliases al WHERE al.outlet <> al.alias)`
)

// The statements of FileUnderAliasesBeforeNamed: InsertTheAlias and
// RepointAliases as the migration that made the alias table shipped them
// (session 36), which write only the columns that table had.
const (
	// insertTheAliasBeforeNamed is insertTheAlias without the column named.
	insertTheAliasBeforeNamed = `INSERT INTO outlet_aliases(alias, name, outlet, given)
		SELECT $1, $2, ` + "coalesce((SELECT al.outlet FROM outlet_aliases al WHERE al.alias = $3), $3)" + `, false
		WHERE coalesce((SELECT al.outlet FROM outlet_aliases al WHERE al.alias = $3), $3) <> $1
		ON CONFLICT (alias) DO NOTHING`
	// repointAliasesBeforeNamed makes an alias of an alias point at the
	// outlet the latter is filed under, one step.
	repointAliasesBeforeNamed = `UPDATE outlet_aliases SET outlet = (SELECT o.outlet FROM outlet_aliases o WHERE o.alias = outlet_aliases.outlet)
		WHERE outlet <> alias AND outlet IN (SELECT o.alias FROM outlet_aliases o WHERE o.outlet <> o.alias)`
)

// FileUnderAliasesBeforeNamed is FileUnderAliases as the migration that
// made the alias table (SQLite 17, PostgreSQL 9) ran it when it shipped,
// for that migration alone: a migration that has shipped must not change,
// and the table it makes has no column named yet (the later migration that
// adds it sets it from outlet). It returns how many articles it filed
// again.
func FileUnderAliasesBeforeNamed(ctx context.Context, tx Tx, articles []news.Article) (int64, error) {
	for _, args := range theAliases(articles) {
		if _, err := tx.Exec(ctx, insertTheAliasBeforeNamed, args...); err != nil {
			return 0, fmt.Errorf("alias %s: %w", args[0], err)
		}
	}
	if _, err := tx.Exec(ctx, repointAliasesBeforeNamed); err != nil {
		return 0, err
	}
	return tx.Exec(ctx, refileAliased)
}

// resolvedNamed is, in resolveStep, where the key an alias names is
// filed: that key's alias's outlet, else the key itself. A name kept apart
// names itself and stays.
const resolvedNamed = "coalesce((SELECT o.outlet FROM outlet_aliases o WHERE o.alias = outlet_aliases.named), outlet_aliases.named)"

// FileUnderAliases stores the "the" domain aliases of the names articles
// are shown under (theAliases), files every alias at the end of its chain
// and files the articles of aliased keys under their outlets; every
// transaction that files articles or changes an alias ends with it. It
// returns how many articles it filed again.
func FileUnderAliases(ctx context.Context, tx Tx, articles []news.Article) (int64, error) {
	for _, args := range theAliases(articles) {
		if _, err := tx.Exec(ctx, insertTheAlias, args...); err != nil {
			return 0, fmt.Errorf("alias %s: %w", args[0], err)
		}
	}
	if err := resolveAliases(ctx, tx); err != nil {
		return 0, err
	}
	return tx.Exec(ctx, refileAliased)
}

// resolveAliases runs resolveStep until every alias is filed at the end
// of its chain. Each run moves every alias at least one step (PostgreSQL
// reads the table as it was before the statement; SQLite may read rows the
// statement already changed, and get there sooner), so a chain of n aliases
// takes at most n runs: more runs than stored aliases can only be a loop,
// which SetOutletAlias refuses, and is an error rather than a hang.
func resolveAliases(ctx context.Context, tx Tx) error {
	limit := -1
	for run := 0; ; run++ {
		n, err := tx.Exec(ctx, resolveStep)
		if err != nil || n == 0 {
			return err
		}
		if run == quickRuns {
			if err := tx.QueryRow(ctx, "SELECT count(*) FROM outlet_aliases").Scan(&limit); err != nil {
				return err
			}
		}
		if limit >= 0 && run > limit {
			return fmt.Errorf("outlet aliases still move after %d runs: a loop among them", run)
		}
	}
}

// quickRuns is how many runs of resolveStep resolveAliases makes before
// it counts the aliases to bound them: a chain the user makes is a step or
// two long, so the count is almost never read.
const quickRuns = 4

// theAliases are the "the" domain aliases (news.TheNameAlias) of the names
// articles are shown under, each once: the arguments of insertTheAlias.
func theAliases(articles []news.Article) [][]any {
	seen := map[string]bool{}
	var out [][]any
	for _, a := range articles {
		name := news.OutletName(a.Source, a.URL)
		alias, key, ok := news.TheNameAlias(name)
		if !ok || seen[alias] {
			continue
		}
		seen[alias] = true
		out = append(out, []any{alias, name, key})
	}
	return out
}

// OutletAliases lists the stored outlet aliases, by alias.
func (r Reads) OutletAliases(ctx context.Context) ([]news.OutletAlias, error) {
	list, err := outletAliases(ctx, r.DB)
	return list, Fail("list outlet aliases", r.Name, err)
}

// outletAliases lists the stored outlet aliases, by alias.
func outletAliases(ctx context.Context, q Querier) ([]news.OutletAlias, error) {
	var out []news.OutletAlias
	err := each(ctx, q, func(rows Rows) error {
		var a news.OutletAlias
		if err := rows.Scan(&a.Alias, &a.Name, &a.Named, &a.Outlet, &a.Given); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	}, `SELECT alias, name, named, outlet, given FROM outlet_aliases ORDER BY alias`)
	return out, err
}

// outletAlias reads the stored alias of key; ok is false when none is.
func outletAlias(ctx context.Context, q Querier, key string) (a news.OutletAlias, ok bool, err error) {
	err = q.QueryRow(ctx, `SELECT alias, name, named, outlet, given FROM outlet_aliases WHERE alias = $1`, key).Scan(&a.Alias, &a.Name, &a.Named, &a.Outlet, &a.Given)
	if errors.Is(err, ErrNoRows) {
		return a, false, nil
	}
	return a, err == nil, err
}

// refile is an article to file under another outlet key.
type refile struct{ ID, Key string }

// unfiled are the articles filed under outlet whose own key (news.ArticleOutletKey
// through the stored aliases) is now another: what removing an alias of
// outlet moves back.
func unfiled(ctx context.Context, q Querier, outlet string) ([]refile, error) {
	list, err := outletAliases(ctx, q)
	if err != nil {
		return nil, err
	}
	aliases := map[string]string{}
	for _, a := range list {
		aliases[a.Alias] = a.Outlet
	}
	var out []refile
	err = each(ctx, q, func(rows Rows) error {
		var id, source, url string
		if err := rows.Scan(&id, &source, &url); err != nil {
			return err
		}
		if key := news.ResolveOutlet(news.ArticleOutletKey(source, url), aliases); key != outlet {
			out = append(out, refile{id, key})
		}
		return nil
	}, `SELECT id, source, url FROM articles WHERE outlet = $1`, outlet)
	return out, err
}

// lookUpAlias reads the stored alias of name's key (news.OutletKey), or
// an error naming name when none is stored (news.ErrNotFound) or when it
// is too long to be one (news.CheckAliasName).
func lookUpAlias(ctx context.Context, q Querier, name string) (news.OutletAlias, error) {
	if err := news.CheckAliasName("alias", name); err != nil {
		return news.OutletAlias{}, err
	}
	key := news.AliasKey(name)
	a, ok, err := outletAlias(ctx, q, key)
	if err != nil {
		return a, Fail("read outlet alias", name, err)
	}
	if !ok {
		return a, &news.NotFoundError{Msg: fmt.Sprintf("no alias %q is stored (storyline sources lists them)", name)}
	}
	return a, nil
}

// aliasRemoval is the statement that removes alias a: the user's alias,
// or a name kept apart, is deleted (a name kept apart is then joined by
// news.TheNameAlias again when it applies); an automatic alias becomes a
// name kept apart, so that the rule does not join the two again.
// The name kept apart is stored as the user spelt it (name).
func aliasRemoval(a news.OutletAlias, name string) (string, []any) {
	if a.Given {
		return `DELETE FROM outlet_aliases WHERE alias = $1`, []any{a.Alias}
	}
	return `UPDATE outlet_aliases SET named = alias, outlet = alias, name = $2, given = true WHERE alias = $1`, []any{a.Alias, name}
}
