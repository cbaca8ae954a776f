package sqlstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/storyline-news/storyline/internal/news"
)

// The outlet writes both stores make the same way, in a transaction the
// store began (and, on PostgreSQL, fenced): each is written once here over
// Tx. Their errors name the operation and the input; the store adds only
// those of beginning and committing.

// OutletWrites are the outlet writes both stores answer the same way (the
// engine's Aliases and Writes.SetSources), each in one transaction of the
// store's; a store embeds it, as it embeds Reads.
type OutletWrites struct {
	// InTx runs fn in one write transaction that files articles or
	// changes an alias (on PostgreSQL fenced by the writer's lease and the
	// alias lock) and commits it when fn succeeds; a failure to begin, to
	// fence or to commit names op and key.
	InTx func(ctx context.Context, op, key string, fn func(tx Tx) error) error
}

// SetOutletAlias files the articles of name's key under outlet's from now
// on (SetOutletAlias in a transaction of its own).
func (w OutletWrites) SetOutletAlias(ctx context.Context, name, outlet string) (a news.OutletAlias, n int, err error) {
	err = w.InTx(ctx, "alias outlet", name, func(tx Tx) (err error) {
		a, n, err = SetOutletAlias(ctx, tx, name, outlet)
		return err
	})
	return a, n, err
}

// RemoveOutletAlias parts name's key from the outlet it is filed under
// (RemoveOutletAlias in a transaction of its own).
func (w OutletWrites) RemoveOutletAlias(ctx context.Context, name string) (a news.OutletAlias, n int, err error) {
	err = w.InTx(ctx, "remove outlet alias", name, func(tx Tx) (err error) {
		a, n, err = RemoveOutletAlias(ctx, tx, name)
		return err
	})
	return a, n, err
}

// SetSources gives the articles of each named page the outlet its input
// names, in one transaction (SetSources).
func (w OutletWrites) SetSources(ctx context.Context, outlets []news.OutletGiven) (counts []int, err error) {
	if len(outlets) == 0 {
		return nil, nil
	}
	err = w.InTx(ctx, "set outlets of", OutletsGivenKey(outlets), func(tx Tx) (err error) {
		counts, err = SetSources(ctx, tx, outlets)
		return err
	})
	return counts, err
}

// SetOutletAlias files the articles of name's key under outlet's from now
// on, those stored and those to come, keeping outlet's key as the one the
// user named (news.OutletAlias.Named), and returns the alias stored and how
// many articles moved. An alias whose chain of named outlets would come
// back to name is refused, naming both inputs.
func SetOutletAlias(ctx context.Context, tx Tx, name, outlet string) (news.OutletAlias, int, error) {
	alias, key, err := news.AliasKeys(name, outlet)
	if err != nil {
		return news.OutletAlias{}, 0, err
	}
	before, err := aliasesByKey(ctx, tx)
	if err != nil {
		return news.OutletAlias{}, 0, Fail("alias outlet", name, err)
	}
	if leadsTo(before, key, alias) {
		return news.OutletAlias{}, 0, fmt.Errorf("outlet %q is filed under %q: %w (storyline sources alias --remove %q parts them first)", outlet, name, news.ErrSameOutlet, outlet)
	}
	if err := notANamelessLabel(ctx, tx, name, alias, before); err != nil {
		return news.OutletAlias{}, 0, err
	}
	a := news.OutletAlias{Alias: alias, Name: name, Named: key, Outlet: filedAt(before, key), Given: true}
	if _, err := tx.Exec(ctx, upsertAlias, a.Alias, a.Name, a.Named, a.Outlet); err != nil {
		return a, 0, Fail("alias outlet", name, err)
	}
	n, err := refileChanged(ctx, tx, before)
	return a, n, Fail("alias outlet", name, err)
}

// notANamelessLabel refuses an alias name written as the sources' list
// names an article of no outlet ("“Its headline…”") when no article and no
// alias has its key: session 40 stored such an alias, which moved 0
// articles and stayed listed. A name of that shape that an outlet's
// articles do have is an outlet's.
func notANamelessLabel(ctx context.Context, tx Tx, name, alias string, before map[string]news.OutletAlias) error {
	if _, ok := before[alias]; ok || !news.LooksLikeNamelessLabel(name) {
		return nil
	}
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM (SELECT 1 FROM articles WHERE outlet = $1 LIMIT 1) x", alias).Scan(&n); err != nil {
		return Fail("alias outlet", name, err)
	}
	if n > 0 {
		return nil
	}
	return fmt.Errorf("%s %w: add the article again with its outlet named (storyline add --source NAME, or a JSONL line's \"source\") to give it one", name, news.ErrNamelessLabel)
}

// RemoveOutletAlias parts name's key from the outlet it is filed under
// (aliasRemoval) and files under their own keys again the articles that
// the change parts from their outlet (name's, and those of aliases that
// named name's key); it returns the alias as it was and how many articles
// moved.
func RemoveOutletAlias(ctx context.Context, tx Tx, name string) (news.OutletAlias, int, error) {
	a, err := lookUpAlias(ctx, tx, name)
	if err != nil {
		return a, 0, err
	}
	before, err := aliasesByKey(ctx, tx)
	if err != nil {
		return a, 0, Fail("remove outlet alias", name, err)
	}
	query, args := aliasRemoval(a, name)
	if _, err := tx.Exec(ctx, query, args...); err != nil {
		return a, 0, Fail("remove outlet alias", name, err)
	}
	n, err := refileChanged(ctx, tx, before)
	return a, n, Fail("remove outlet alias", name, err)
}

// aliasesByKey are the stored aliases by their key.
func aliasesByKey(ctx context.Context, q Querier) (map[string]news.OutletAlias, error) {
	list, err := outletAliases(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(map[string]news.OutletAlias, len(list))
	for _, a := range list {
		out[a.Alias] = a
	}
	return out, nil
}

// leadsTo reports whether the chain of named outlets from key (key, the
// outlet its alias names, and so on) passes through target: filing target
// under key would then make a loop. The chain is followed at most once
// round the stored aliases.
func leadsTo(aliases map[string]news.OutletAlias, key, target string) bool {
	for range len(aliases) + 1 {
		if key == target {
			return true
		}
		a, ok := aliases[key]
		if !ok || a.Named == key {
			return false
		}
		key = a.Named
	}
	return false
}

// filedAt is where the articles of key are filed: its alias's outlet (the
// end of its chain), else key itself.
func filedAt(aliases map[string]news.OutletAlias, key string) string {
	if a, ok := aliases[key]; ok {
		return a.Outlet
	}
	return key
}

// refileChanged files every alias at the end of its chain after a change
// to the aliases (before is the table as it was), then the articles: those
// of aliased keys under their outlets, and, for each alias now filed
// elsewhere than before (or gone), the articles under its old outlet whose
// own key now leads elsewhere (unfile). It returns how many articles moved.
//
// The stories of the articles that move are marked for comparison again
// (markMovedStale, and unfile), as a story whose article changed is: a
// comparison tells outlets apart (a first report, an outlet's update of
// its own report), and must see them as they are filed now.
func refileChanged(ctx context.Context, tx Tx, before map[string]news.OutletAlias) (int, error) {
	if err := resolveAliases(ctx, tx); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, markMovedStale); err != nil {
		return 0, fmt.Errorf("mark stories for comparison: %w", err)
	}
	n, err := FileUnderAliases(ctx, tx, nil)
	if err != nil {
		return 0, err
	}
	after, err := aliasesByKey(ctx, tx)
	if err != nil {
		return 0, err
	}
	var left []string // the outlets aliases were filed under and are no longer
	for key, b := range before {
		if a, ok := after[key]; (!ok || a.Outlet != b.Outlet) && !slices.Contains(left, b.Outlet) {
			left = append(left, b.Outlet)
		}
	}
	slices.Sort(left)
	for _, outlet := range left {
		moved, err := unfile(ctx, tx, outlet)
		if err != nil {
			return 0, err
		}
		n += int64(moved)
	}
	return int(n), nil
}

// markMovedStale marks for comparison again the stories of the articles
// refileAliased is about to move: those filed under a key that an alias
// now files elsewhere.
const markMovedStale = `UPDATE stories SET compared_at = '' WHERE id IN (SELECT sa.story_id FROM story_articles sa
	JOIN articles a ON a.id = sa.article_id
	WHERE a.outlet IN (SELECT al.alias FROM outlet_aliases al WHERE al.outlet <> al.alias))`

// markStoryStale marks the story of article $1 for comparison again.
const markStoryStale = `UPDATE stories SET compared_at = '' WHERE id = (SELECT story_id FROM story_articles WHERE article_id = $1)`

// unfile files the articles filed under outlet whose own key, through the
// stored aliases, is now another under that key (unfiled), marks their
// stories for comparison again, and returns how many moved.
func unfile(ctx context.Context, tx Tx, outlet string) (int, error) {
	moves, err := unfiled(ctx, tx, outlet)
	if err != nil {
		return 0, err
	}
	for _, m := range moves {
		if _, err := tx.Exec(ctx, "UPDATE articles SET outlet = $1 WHERE id = $2", m.Key, m.ID); err != nil {
			return 0, fmt.Errorf("article %s: %w", m.ID, err)
		}
		if _, err := tx.Exec(ctx, markStoryStale, m.ID); err != nil {
			return 0, fmt.Errorf("story of article %s: %w", m.ID, err)
		}
	}
	return len(moves), nil
}

// SetSources gives the articles of each named page (the raw input of its
// digest) the outlet its input names where theirs differs (a page added
// again with the outlet named, news.OutletGiven), marking their stories for
// comparison again, files them under the aliases, and returns how many
// changed for each page.
func SetSources(ctx context.Context, tx Tx, outlets []news.OutletGiven) ([]int, error) {
	counts := make([]int, len(outlets))
	var all []news.Article
	for i, o := range outlets {
		changed, err := setSource(ctx, tx, o)
		if err != nil {
			return nil, Fail("set source of raw input", o.Name, err)
		}
		counts[i], all = len(changed), append(all, changed...)
	}
	if _, err := FileUnderAliases(ctx, tx, all); err != nil {
		return nil, Fail("set outlets of", OutletsGivenKey(outlets), err)
	}
	return counts, nil
}

// setSource gives the articles of the raw input of o's digest (or the
// article o names) the outlet o's input names, returning those that
// changed.
func setSource(ctx context.Context, tx Tx, o news.OutletGiven) ([]news.Article, error) {
	source := o.Source
	changed, err := sourceChanges(ctx, tx, o)
	if err != nil {
		return nil, err
	}
	for _, a := range changed {
		if _, err := tx.Exec(ctx, `UPDATE articles SET source = $1, outlet = $2, outlet_name = $3 WHERE id = $4`,
			a.Source, news.ArticleOutletKey(a.Source, a.URL), news.OutletName(a.Source, a.URL), a.ID); err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		if _, err := tx.Exec(ctx, markStoryStale, a.ID); err != nil {
			return nil, fmt.Errorf("story of article %s: %w", a.ID, err)
		}
	}
	if o.Article != "" {
		if len(changed) == 0 {
			return nil, nil // it keeps its outlet, and its page what it named
		}
		// The page the article was read from (if any) names the outlet too
		// when it named none, so that a reextract keeps it.
		_, err = tx.Exec(ctx, `UPDATE raw_inputs SET source = $1 WHERE source = '' AND id = (SELECT raw_id FROM articles WHERE id = $2)`, source, o.Article)
		return changed, err
	}
	if _, err := tx.Exec(ctx, `UPDATE raw_inputs SET source = $1 WHERE sha256 = $2`, source, o.Digest); err != nil {
		return nil, err
	}
	return changed, nil
}

// LeaveStaleIfRefiled marks the story of a comparison record being saved
// for comparison again when one of its articles is filed under another
// outlet than the one the comparison saw (news.ComparisonRecord.Outlets):
// an alias set or removed while the story was compared, which changes no
// version. Run in the transaction that saves the record, after it: in
// SQLite the alias's transaction committed before or waits; in PostgreSQL
// it either committed (this read sees its filing) or marks the story,
// whose row the save holds, after the save commits.
func LeaveStaleIfRefiled(ctx context.Context, tx Tx, r news.ComparisonRecord) error {
	if r.Outlets == nil {
		return nil
	}
	moved := false
	err := each(ctx, tx, func(rows Rows) error {
		var id, outlet string
		if err := rows.Scan(&id, &outlet); err != nil {
			return err
		}
		if seen, ok := r.Outlets[id]; ok && seen != outlet {
			moved = true
		}
		return nil
	}, `SELECT a.id, a.outlet FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = $1`, r.StoryID)
	if err != nil || !moved {
		return Fail("check the outlets of story", r.StoryID, err)
	}
	_, err = tx.Exec(ctx, `UPDATE stories SET compared_at = '' WHERE id = $1`, r.StoryID)
	return Fail("mark story for comparison", r.StoryID, err)
}
