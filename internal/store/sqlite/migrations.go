package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// migrations are applied in order; PRAGMA user_version records how many ran.
// Never edit one that has shipped: append a new one.
var migrations = []string{
	// 1: raw inputs, articles, stories and their links.
	`
CREATE TABLE raw_inputs (
	id        INTEGER PRIMARY KEY,
	sha256    TEXT NOT NULL UNIQUE,
	name      TEXT NOT NULL,
	url       TEXT NOT NULL DEFAULT '',
	kind      TEXT NOT NULL,
	published TEXT NOT NULL DEFAULT '',
	size      INTEGER NOT NULL,
	body      BLOB NOT NULL,
	added_at  TEXT NOT NULL
);
CREATE TABLE articles (
	id           TEXT PRIMARY KEY,
	seq          INTEGER NOT NULL,
	raw_id       INTEGER REFERENCES raw_inputs(id),
	url          TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	byline       TEXT NOT NULL DEFAULT '',
	lang         TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	added_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_content ON articles(content_hash);
CREATE INDEX articles_raw ON articles(raw_id);
CREATE TABLE stories (
	id              TEXT PRIMARY KEY,
	title           TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL,
	first_published TEXT NOT NULL DEFAULT '',
	last_published  TEXT NOT NULL DEFAULT '',
	comparison      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX stories_updated ON stories(updated_at);
CREATE TABLE story_articles (
	article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id     TEXT NOT NULL REFERENCES stories(id),
	membership   TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id);
`,
	// 2: full-text search over article titles and texts, and story titles.
	`
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
`,
	// 3: what extraction has learned of each site's recurring blocks.
	`
CREATE TABLE site_templates (
	site       TEXT PRIMARY KEY,
	template   BLOB NOT NULL,
	updated_at TEXT NOT NULL
);
`,
	// 4: a story's one-line summary, for lists.
	`ALTER TABLE stories ADD COLUMN summary TEXT NOT NULL DEFAULT '';`,
	// 5: outlets are listed and filtered on.
	`CREATE INDEX articles_source ON articles(source);`,
	// 6: the story list's order, so that a page of it is read, not sorted.
	`DROP INDEX stories_updated;
CREATE INDEX stories_order ON stories(updated_at DESC, last_published DESC, id);`,
	// 7: the feeds that serve --feeds polls, and how each is doing.
	`
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_checked  TEXT NOT NULL DEFAULT '',
	last_success  TEXT NOT NULL DEFAULT '',
	last_error    TEXT NOT NULL DEFAULT '',
	interval_s    INTEGER NOT NULL DEFAULT 900,
	next_check    TEXT NOT NULL DEFAULT '',
	items_added   INTEGER NOT NULL DEFAULT 0
);
`,
	// 8: when a story was last compared, so that a run cut short (a crash, a
	// kill) leaves stories that the next run recompares.
	`ALTER TABLE stories ADD COLUMN compared_at TEXT NOT NULL DEFAULT '';`,
	// 9: the clusterer's late corrections: stories merged, articles split off.
	`
CREATE TABLE story_changes (
	id             INTEGER PRIMARY KEY,
	kind           TEXT NOT NULL,
	story_id       TEXT NOT NULL,
	other_story_id TEXT NOT NULL,
	articles       TEXT NOT NULL,
	score          REAL NOT NULL,
	threshold      REAL NOT NULL,
	reason         TEXT NOT NULL,
	at             TEXT NOT NULL
);
CREATE INDEX story_changes_story ON story_changes(story_id);
CREATE INDEX story_changes_other ON story_changes(other_story_id);
`,
	// 10: articles in the order they were stored: each batch reads the last
	// seq, and restoring the clusterer reads the newest articles, both of
	// which scanned the whole table.
	`CREATE INDEX articles_seq ON articles(seq);`,
	// 11: new articles enter the search index a batch at a time (SaveBatch),
	// no longer one by one through a trigger.
	`DROP TRIGGER articles_fts_insert;`,
	// 12: outlets as entities: each article's outlet key (news.OutletKey,
	// filled in by backfillOutlets) and the name it is shown under, indexed
	// together so that the outlets' list (SourceNames, on every page with an
	// outlet filter) reads the index alone (35 ms -> a few on 10,000
	// articles); and the
	// order of lists by when the news happened (publication time, the time
	// stored for a story with no date).
	`ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN outlet_name TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_outlet ON articles(outlet, outlet_name);
CREATE INDEX stories_when ON stories((CASE WHEN last_published <> '' THEN last_published ELSE updated_at END) DESC, id);`,
	// 13: a story none of whose articles has a title gets one made from its
	// lead (projection.Title), marked as derived so that a real headline
	// replaces it; stories stored untitled are titled by their leads
	// (backfillLeadTitles) and left stale, for the next comparison run
	// (storyline compare, serve) to give them a summary that is not the
	// lead again.
	`ALTER TABLE stories ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET compared_at = '' WHERE title = '';`,
	// 14: "most recent news first" lists the dated stories by their last
	// publication, then the undated ones by when they were stored
	// (sqlstore.StoryRecency), read from this index, not sorted.
	`CREATE INDEX stories_recency ON stories((CASE WHEN last_published <> '' THEN '1' || last_published ELSE '0' || updated_at END) DESC, id);`,
	// 15: the outlet key folds an outlet's names further (news.OutletKey: a
	// parenthesised qualifier, a domain's public suffix): the stored
	// articles are filed again (backfillOutlets, which writes only the rows
	// whose key or shown name changes). The articles' source is untouched.
	// And a raw input keeps the outlet its input named (news.Raw.Source),
	// so that reextract keeps it; "" for the inputs stored before.
	`ALTER TABLE raw_inputs ADD COLUMN source TEXT NOT NULL DEFAULT '';`,
	// 16: a domain whose name is a generic word alone keeps its suffix in
	// the outlet key ("news.com.au" is no longer "news", the key of a
	// page whose site name is the bare word "News"): the stored articles
	// are filed again (backfillOutlets, rows whose key changes only). No
	// schema change.
	`-- refile outlets (backfillOutlets)`,
	// 17: outlet aliases (news.OutletAlias): the user's ("fox" filed under
	// Fox News: storyline sources alias) and the "the" domains of stored
	// names beginning with "The" (thehill.com under "The Hill",
	// news.TheNameAlias); and the key drops every trailing bracketed
	// qualifier ("X (Opinion) (Blog)"). The stored articles are filed
	// again (backfillAliases).
	`CREATE TABLE outlet_aliases (
	alias  TEXT PRIMARY KEY,
	name   TEXT NOT NULL,
	outlet TEXT NOT NULL,
	given  INTEGER NOT NULL DEFAULT 0
);`,
	// 18: an article keeps its page kind (news.Article.Kind: article,
	// listing, forum, ...), which the article JSON of export and the API
	// promise; the articles stored before read "" (not known) until
	// reextract extracts them again.
	`ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT '';`,
	// 19: an alias keeps the outlet the user named (named), beside the
	// outlet that leads to (outlet), so that removing the middle alias of
	// a chain leaves the first where the user put it. The aliases stored
	// before kept only where they led: that is what they name from now on
	// (nothing stored is lost; a chain flattened before stays flat).
	`ALTER TABLE outlet_aliases ADD COLUMN named TEXT NOT NULL DEFAULT '';
UPDATE outlet_aliases SET named = outlet;`,
	// 20 (the 19th on the branch that added it, s37-user; it comes after
	// the outlet-alias migration of the same session and needs nothing of
	// it): an article read from a web archive keeps the record it came
	// from (news.Capture: the archive as named to add, the record's
	// WARC-Record-ID, WARC-Target-URI and offset in the archive), so that a
	// dataset can be joined back to its archives. The articles stored
	// before read empty.
	`ALTER TABLE articles ADD COLUMN capture_archive TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN capture_record TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN capture_uri TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN capture_offset INTEGER NOT NULL DEFAULT 0;`,
	// 21: an article keeps every web-archive record its page was found
	// in, not only the first (the capture columns): the others as a JSON
	// array of news.Capture (sqlstore.CapturesColumn), '' when none. The
	// articles stored before have none.
	`ALTER TABLE articles ADD COLUMN captures TEXT NOT NULL DEFAULT '';`,
	// 22: a publication time keeps its precision (news.Article.DateOnly:
	// a date alone, or a time of day), on articles and raw inputs, so
	// that a source's midnight is a time and not read as a whole day. The
	// rows stored before are filled in by the rule they were read by
	// (sqlstore.PrecisionBackfill): midnight UTC to the second is a date
	// alone; a time stored one second after midnight UTC is a time of day
	// in another zone that session 39 moved on, put back on its true
	// second, in stories' spans too.
	`ALTER TABLE articles ADD COLUMN published_date_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE raw_inputs ADD COLUMN published_date_only INTEGER NOT NULL DEFAULT 0;
` + sqlstore.PrecisionBackfill("1"),
	// 23: the clusterer's running statistics of its stream (the
	// backgrounds of its normalised signals, the take window's count of
	// closed stories: cluster.StreamStats), saved with each write, so that
	// a restart resumes them (news.WriteBatch.StreamState). A store
	// written before has none: its next restart starts them afresh, as
	// every restart did.
	`CREATE TABLE stream_state (
	name       TEXT PRIMARY KEY,
	state      BLOB NOT NULL,
	updated_at TEXT NOT NULL
);`,
}

// backfills run in Go after the migration of their index, in its
// transaction: what SQL alone cannot compute for the rows already stored.
// A backfill that has shipped must not change, like its migration: one
// that writes a table a later migration changed keeps its own statements,
// which write the columns of its schema (backfillAliases).
var backfills = map[int]func(ctx context.Context, tx *sql.Tx) error{
	11: backfillOutlets,
	12: backfillLeadTitles,
	14: backfillOutlets,
	15: backfillOutlets,
	16: backfillAliases,
}

// backfillAliases, migration 17's, files every stored article under its
// outlet key (backfillOutlets), stores the "the" domain aliases of the
// names they are shown under (news.TheNameAlias) and files the aliased
// keys' articles under their outlets, writing the alias table as 17 made
// it (sqlstore.FileUnderAliasesBeforeNamed: no column named). A later
// migration that calls backfillOutlets must call fileUnderAliases after
// it, or the aliased articles lose their outlet.
func backfillAliases(ctx context.Context, tx *sql.Tx) error {
	if err := backfillOutlets(ctx, tx); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT outlet_name FROM articles")
	if err != nil {
		return err
	}
	var names []news.Article
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		names = append(names, news.Article{Source: name})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = sqlstore.FileUnderAliasesBeforeNamed(ctx, sqlstore.FromSQLTx(tx), names)
	return err
}

// backfillLeadTitles titles the stories stored without a title by their
// leads (sqlstore.LeadTitles), as their comparison will.
func backfillLeadTitles(ctx context.Context, tx *sql.Tx) error {
	return sqlstore.LeadTitles(ctx, sqlstore.FromSQL(tx), func(id, title string, derived bool) error {
		_, err := tx.ExecContext(ctx, "UPDATE stories SET title = ?, title_derived = ? WHERE id = ?", title, derived, id)
		return err
	})
}

// backfillOutlets files every stored article under its outlet key, a
// batch of backfillBatch articles at a time (in id order), so that a large
// database is upgraded in bounded memory; it writes only the articles
// whose key or shown name is not the current one.
func backfillOutlets(ctx context.Context, tx *sql.Tx) error {
	stmt, err := tx.PrepareContext(ctx, "UPDATE articles SET outlet = ?, outlet_name = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	type row struct{ id, key, name string }
	for after := ""; ; {
		rows, err := tx.QueryContext(ctx, "SELECT id, source, url, outlet, outlet_name FROM articles WHERE id > ? ORDER BY id LIMIT ?", after, backfillBatch)
		if err != nil {
			return err
		}
		var batch, changed []row
		for rows.Next() {
			var id, source, url, key, name string
			if err := rows.Scan(&id, &source, &url, &key, &name); err != nil {
				rows.Close()
				return err
			}
			r := row{id, news.ArticleOutletKey(source, url), news.OutletName(source, url)}
			batch = append(batch, r)
			if r.key != key || r.name != name {
				changed = append(changed, r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range changed {
			if _, err := stmt.ExecContext(ctx, r.key, r.name, r.id); err != nil {
				return fmt.Errorf("article %s: %w", r.id, err)
			}
		}
		if len(batch) < backfillBatch {
			return nil
		}
		after = batch[len(batch)-1].id
	}
}

// backfillBatch is how many articles a backfill reads at once: a few
// hundred kilobytes, whatever the database's size.
const backfillBatch = 2000
