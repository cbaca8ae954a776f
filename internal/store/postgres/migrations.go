package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// migration is one ordered schema change, applied in a transaction.
type migration func(ctx context.Context, tx pgx.Tx) error

// statements is a migration made of SQL only.
func statements(sql string) migration {
	return func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, sql)
		return err
	}
}

// migrations are applied in order; table storyline_schema records how many
// ran. Never edit one that has shipped: append a new one.
//
// Times are stored as RFC 3339 text, as in the SQLite store, and every
// column that is compared or sorted is COLLATE "C": byte order, whatever
// the database's locale (a locale's collation may ignore the punctuation of
// a timestamp).
var migrations = []migration{
	// 1: the search configuration: words lower-cased and stripped of
	// accents (unaccent), never stemmed, as SQLite's unicode61 tokenizer
	// with remove_diacritics does.
	searchConfiguration,
	// 2: raw inputs, articles with their search vector, stories, their
	// links and changes, site templates, feeds.
	statements(`
CREATE TABLE raw_inputs (
	id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	sha256    text COLLATE "C" NOT NULL UNIQUE,
	name      text NOT NULL,
	url       text NOT NULL DEFAULT '',
	kind      text NOT NULL,
	published text COLLATE "C" NOT NULL DEFAULT '',
	size      bigint NOT NULL,
	body      bytea NOT NULL,
	added_at  text COLLATE "C" NOT NULL
);
-- Bodies are packed (S2) by the store: PostgreSQL need not try again.
ALTER TABLE raw_inputs ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE articles (
	id           text COLLATE "C" PRIMARY KEY,
	seq          bigint NOT NULL,
	raw_id       bigint REFERENCES raw_inputs(id),
	url          text COLLATE "C" NOT NULL DEFAULT '',
	source       text COLLATE "C" NOT NULL DEFAULT '',
	published    text COLLATE "C" NOT NULL DEFAULT '',
	title        text NOT NULL DEFAULT '',
	byline       text NOT NULL DEFAULT '',
	lang         text NOT NULL DEFAULT '',
	text         text NOT NULL,
	content_hash text COLLATE "C" NOT NULL,
	added_at     text COLLATE "C" NOT NULL,
	-- Titles weigh A, texts B (Search ranks A five times B).
	search       tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('storyline_search', title), 'A') ||
		setweight(to_tsvector('storyline_search', text), 'B')) STORED
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_content ON articles(content_hash);
CREATE INDEX articles_raw ON articles(raw_id);
CREATE INDEX articles_source ON articles(source);
CREATE UNIQUE INDEX articles_seq ON articles(seq);
CREATE INDEX articles_search ON articles USING gin(search);
CREATE TABLE stories (
	id              text COLLATE "C" PRIMARY KEY,
	title           text NOT NULL DEFAULT '',
	summary         text NOT NULL DEFAULT '',
	created_at      text COLLATE "C" NOT NULL,
	updated_at      text COLLATE "C" NOT NULL,
	compared_at     text COLLATE "C" NOT NULL DEFAULT '',
	first_published text COLLATE "C" NOT NULL DEFAULT '',
	last_published  text COLLATE "C" NOT NULL DEFAULT '',
	comparison      text NOT NULL DEFAULT '{}'
);
CREATE INDEX stories_order ON stories(updated_at DESC, last_published DESC, id);
CREATE INDEX stories_stale ON stories(updated_at DESC, id) WHERE compared_at < updated_at;
CREATE TABLE story_articles (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   text COLLATE "C" NOT NULL REFERENCES stories(id),
	membership jsonb NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id);
CREATE TABLE story_changes (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind           text NOT NULL,
	story_id       text COLLATE "C" NOT NULL,
	other_story_id text COLLATE "C" NOT NULL,
	articles       text NOT NULL,
	score          double precision NOT NULL,
	threshold      double precision NOT NULL,
	reason         text NOT NULL,
	at             text COLLATE "C" NOT NULL
);
CREATE INDEX story_changes_story ON story_changes(story_id);
CREATE INDEX story_changes_other ON story_changes(other_story_id);
CREATE TABLE site_templates (
	site       text COLLATE "C" PRIMARY KEY,
	template   bytea NOT NULL,
	updated_at text COLLATE "C" NOT NULL
);
CREATE TABLE feeds (
	url           text COLLATE "C" PRIMARY KEY,
	title         text NOT NULL DEFAULT '',
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	last_checked  text COLLATE "C" NOT NULL DEFAULT '',
	last_success  text COLLATE "C" NOT NULL DEFAULT '',
	last_error    text NOT NULL DEFAULT '',
	interval_s    integer NOT NULL DEFAULT 900,
	next_check    text COLLATE "C" NOT NULL DEFAULT '',
	items_added   integer NOT NULL DEFAULT 0
);
`),
	// 3: the writer lease (lock.go): who holds it, and the fencing epoch
	// each new holder raises.
	statements(`
CREATE TABLE writer_lease (
	id          integer PRIMARY KEY CHECK (id = 1),
	epoch       bigint NOT NULL DEFAULT 0,
	backend_pid integer NOT NULL DEFAULT 0,
	holder      jsonb
);
INSERT INTO writer_lease(id) VALUES (1);
`),
	// 4: outlets as entities: each article's outlet key (news.OutletKey)
	// and the name it is shown under, filled in for the stored articles;
	// and the order of lists by when the news happened.
	outlets,
	// 5: a story none of whose articles has a title gets one made from its
	// lead (projection.Title), marked as derived so that a real headline
	// replaces it; stories stored untitled are titled by their leads and
	// left stale, for the next comparison run (storyline compare, serve)
	// to give them a summary that is not the lead again.
	leadTitles,
	// 6: "most recent news first" lists the dated stories by their last
	// publication, then the undated ones by when they were stored
	// (sqlstore.StoryRecency), read from this index, not sorted.
	statements(`CREATE INDEX stories_recency ON stories((CASE WHEN last_published <> '' THEN '1' || last_published ELSE '0' || updated_at END) DESC, id);`),
	// 7: the outlet key folds an outlet's names further (news.OutletKey: a
	// parenthesised qualifier, a domain's public suffix): the stored
	// articles are filed again (fileOutlets writes only the rows whose key
	// or shown name changes). The articles' source is untouched. And a raw
	// input keeps the outlet its input named (news.Raw.Source), so that
	// reextract keeps it; "" for the inputs stored before.
	func(ctx context.Context, tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `ALTER TABLE raw_inputs ADD COLUMN source text NOT NULL DEFAULT ''`); err != nil {
			return err
		}
		return fileOutlets(ctx, tx)
	},
	// 8: a domain whose name is a generic word alone keeps its suffix in
	// the outlet key ("news.com.au" is no longer "news", the key of a page
	// whose site name is the bare word "News"): the stored articles are
	// filed again (fileOutlets, rows whose key changes only). No schema
	// change.
	fileOutlets,
	// 9: outlet aliases (news.OutletAlias): the user's ("fox" filed under
	// Fox News: storyline sources alias) and the "the" domains of stored
	// names beginning with "The" (thehill.com under "The Hill",
	// news.TheNameAlias); and the key drops every trailing bracketed
	// qualifier ("X (Opinion) (Blog)"). The stored articles are filed
	// again (fileAliases).
	func(ctx context.Context, tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `CREATE TABLE outlet_aliases (
	alias  text COLLATE "C" PRIMARY KEY,
	name   text NOT NULL,
	outlet text COLLATE "C" NOT NULL,
	given  boolean NOT NULL DEFAULT false
)`); err != nil {
			return err
		}
		return fileAliases(ctx, tx)
	},
	// 10: an article keeps its page kind (news.Article.Kind: article,
	// listing, forum, ...), which the article JSON of export and the API
	// promise; the articles stored before read "" (not known) until
	// reextract extracts them again.
	statements(`ALTER TABLE articles ADD COLUMN kind text NOT NULL DEFAULT ''`),
	// 11: an alias keeps the outlet the user named (named), beside the
	// outlet that leads to (outlet), so that removing the middle alias of
	// a chain leaves the first where the user put it. The aliases stored
	// before kept only where they led: that is what they name from now on
	// (nothing stored is lost; a chain flattened before stays flat).
	statements(`ALTER TABLE outlet_aliases ADD COLUMN named text COLLATE "C" NOT NULL DEFAULT '';
UPDATE outlet_aliases SET named = outlet`),
	// 12 (the 11th on the branch that added it, s37-user; it comes after
	// the outlet-alias migration of the same session and needs nothing of
	// it): an article read from a web archive keeps the record it came
	// from (news.Capture: the archive as named to add, the record's
	// WARC-Record-ID, WARC-Target-URI and offset in the archive), so that a
	// dataset can be joined back to its archives. The articles stored
	// before read empty.
	statements(`ALTER TABLE articles ADD COLUMN capture_archive text NOT NULL DEFAULT '',
	ADD COLUMN capture_record text NOT NULL DEFAULT '',
	ADD COLUMN capture_uri text NOT NULL DEFAULT '',
	ADD COLUMN capture_offset bigint NOT NULL DEFAULT 0`),
	// 13: an article keeps every web-archive record its page was found
	// in, not only the first (the capture columns): the others as a JSON
	// array of news.Capture (sqlstore.CapturesColumn), "" when none. The
	// articles stored before have none.
	statements(`ALTER TABLE articles ADD COLUMN captures text NOT NULL DEFAULT ''`),
	// 14: a publication time keeps its precision (news.Article.DateOnly:
	// a date alone, or a time of day), on articles and raw inputs, so
	// that a source's midnight is a time and not read as a whole day; the
	// rows stored before are filled in by the rule they were read by
	// (sqlstore.PrecisionBackfill, as SQLite's 22).
	statements(`ALTER TABLE articles ADD COLUMN published_date_only boolean NOT NULL DEFAULT false;
ALTER TABLE raw_inputs ADD COLUMN published_date_only boolean NOT NULL DEFAULT false;
` + sqlstore.PrecisionBackfill("true")),
	// 15: the store's generation (Generation): a one-row counter that a
	// statement trigger on every table raises once in each transaction
	// that writes, whoever writes (this version, SQL run by hand, a
	// connection through a transaction-pooling proxy), so that readers
	// see every write of this schema and none of another database's. A
	// table made by a later migration must get the trigger too
	// (watchTableSQL); TestEveryTableRaisesTheGeneration checks.
	generationCounter,
	// 16: the clusterer's running statistics of its stream (the
	// backgrounds of its normalised signals, the take window's count of
	// closed stories: cluster.StreamStats), saved with each write, so that
	// a restart resumes them (news.WriteBatch.StreamState), as SQLite's
	// 23. A store written before has none: its next restart starts them
	// afresh, as every restart did.
	func(ctx context.Context, tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `CREATE TABLE stream_state (
	name       text COLLATE "C" PRIMARY KEY,
	state      bytea NOT NULL,
	updated_at text NOT NULL
)`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, watchTableSQL("stream_state"))
		return err
	},
}

// generationCounter, migration 15's, makes the generation table, the
// trigger function that raises it, and the trigger on every table of the
// schema then.
func generationCounter(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, generationSQL); err != nil {
		return err
	}
	rows, err := tx.Query(ctx, `SELECT tablename FROM pg_tables
		WHERE schemaname = current_schema() AND tablename <> 'storyline_generation' ORDER BY tablename`)
	if err != nil {
		return err
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := tx.Exec(ctx, watchTableSQL(t)); err != nil {
			return fmt.Errorf("trigger on %s: %w", t, err)
		}
	}
	return nil
}

// generationSQL makes the generation table and the function that raises
// it and notifies the schema's channel (changedChannel), once a
// transaction: a transaction-local setting names the schema it was done
// for, so that a
// bulk write of many statements updates the one row once (each update of
// a row in one transaction leaves a version to step over). The function
// keeps the schema it was made in (search_path FROM CURRENT) and runs as
// its owner (SECURITY DEFINER), so that SQL run by hand with another
// search path or by a role that may only write the tables raises the
// right counter.
const generationSQL = `CREATE TABLE storyline_generation (n bigint NOT NULL);
INSERT INTO storyline_generation VALUES (0);
CREATE FUNCTION storyline_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
	IF current_setting('storyline.changed', true) IS DISTINCT FROM current_schema() THEN
		UPDATE storyline_generation SET n = n + 1;
		PERFORM pg_notify('` + changedChannel + `', current_schema());
		PERFORM set_config('storyline.changed', current_schema(), true);
	END IF;
	RETURN NULL;
END
$$`

// watchTableSQL puts the trigger that raises the generation on a table.
func watchTableSQL(table string) string {
	return "CREATE TRIGGER storyline_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " +
		pgx.Identifier{table}.Sanitize() + " FOR EACH STATEMENT EXECUTE FUNCTION storyline_changed()"
}

// fileAliases, migration 9's, files every stored article under its
// outlet key (fileOutlets), stores the "the" domain aliases of the names
// they are shown under (news.TheNameAlias) and files the aliased keys'
// articles under their outlets, writing the alias table as 9 made it
// (sqlstore.FileUnderAliasesBeforeNamed: no column named; a migration
// that has shipped must not change). A later migration that calls
// fileOutlets must call fileUnderAliases after it, or the aliased articles
// lose their outlet.
func fileAliases(ctx context.Context, tx pgx.Tx) error {
	if err := fileOutlets(ctx, tx); err != nil {
		return err
	}
	rows, err := tx.Query(ctx, "SELECT DISTINCT outlet_name FROM articles")
	if err != nil {
		return err
	}
	names, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.Article, error) {
		var a news.Article
		err := r.Scan(&a.Source)
		return a, err
	})
	if err != nil {
		return err
	}
	_, err = sqlstore.FileUnderAliasesBeforeNamed(ctx, pgTx{pgQuerier{tx}, tx}, names)
	return err
}

// leadTitles adds stories.title_derived and titles the stories stored
// without a title by their leads (sqlstore.LeadTitles), as their
// comparison will.
func leadTitles(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `ALTER TABLE stories ADD COLUMN title_derived boolean NOT NULL DEFAULT false;
UPDATE stories SET compared_at = '' WHERE title = '';`); err != nil {
		return err
	}
	return sqlstore.LeadTitles(ctx, pgQuerier{tx}, func(id, title string, derived bool) error {
		_, err := tx.Exec(ctx, "UPDATE stories SET title = $1, title_derived = $2 WHERE id = $3", title, derived, id)
		return err
	})
}

// outlets adds the articles' outlet columns and fills them in (the key is
// computed in Go, news.OutletKey), and the index of lists by publication.
func outlets(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `ALTER TABLE articles ADD COLUMN outlet text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN outlet_name text NOT NULL DEFAULT '';
CREATE INDEX stories_when ON stories((CASE WHEN last_published <> '' THEN last_published ELSE updated_at END) DESC, id);`); err != nil {
		return err
	}
	if err := fileOutlets(ctx, tx); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, "CREATE INDEX articles_outlet ON articles(outlet, outlet_name)") // the outlets' list reads the index alone
	return err
}

// fileOutlets files every stored article under its outlet key
// (news.ArticleOutletKey) and the name it is shown under, a batch of
// outletBatch articles at a time, in id order, so that a large database is
// upgraded in bounded memory; it writes only the articles whose key or
// name is not the current one.
func fileOutlets(ctx context.Context, tx pgx.Tx) error {
	for after := ""; ; {
		rows, err := tx.Query(ctx, "SELECT id, source, url, outlet, outlet_name FROM articles WHERE id > $1 ORDER BY id LIMIT $2", after, outletBatch)
		if err != nil {
			return err
		}
		var ids, keys, names []string
		n, last := 0, ""
		for rows.Next() {
			var id, source, url, key, name string
			if err := rows.Scan(&id, &source, &url, &key, &name); err != nil {
				rows.Close()
				return err
			}
			n, last = n+1, id
			if k, nm := news.ArticleOutletKey(source, url), news.OutletName(source, url); k != key || nm != name {
				ids, keys, names = append(ids, id), append(keys, k), append(names, nm)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) > 0 {
			if _, err := tx.Exec(ctx, `UPDATE articles a SET outlet = v.key, outlet_name = v.name
		FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, key, name) WHERE a.id = v.id`, ids, keys, names); err != nil {
				return err
			}
		}
		if n < outletBatch {
			return nil
		}
		after = last
	}
}

// outletBatch is how many articles the outlet backfill reads at once: a
// few hundred kilobytes, whatever the database's size.
const outletBatch = 2000

// searchConfiguration makes the text search configuration storyline_search
// in the current schema, with the unaccent dictionary wherever its
// extension lives (it is created in the current schema when missing: a
// trusted extension, which a role with CREATE on the database may create).
func searchConfiguration(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS unaccent"); err != nil {
		return fmt.Errorf("create extension unaccent (PostgreSQL's contrib; or have an administrator run CREATE EXTENSION unaccent): %w", err)
	}
	var schema string
	if err := tx.QueryRow(ctx, `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
		WHERE e.extname = 'unaccent'`).Scan(&schema); err != nil {
		return fmt.Errorf("find extension unaccent: %w", err)
	}
	dict := pgx.Identifier{schema, "unaccent"}.Sanitize()
	_, err := tx.Exec(ctx, `CREATE TEXT SEARCH CONFIGURATION storyline_search (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION storyline_search ALTER MAPPING FOR word, hword, hword_part
	WITH `+dict+`, pg_catalog.simple`)
	return err
}

// Advisory lock keys (the first of two int4 keys; the second is the hash of
// the schema, so that deployments in two schemas of one database do not
// share locks).
const (
	migrateLockKey = 0x53544d47 // "STMG"
	writerLockKey  = 0x5354574c // "STWL"
	// aliasLockKey is the transaction lock that orders the transactions
	// reading and changing outlet aliases (fenceFiling): a `storyline
	// sources alias` runs beside the lease holder's writes and other such
	// commands, and under READ COMMITTED two of them at once would each miss
	// the other's rows (two opposite aliases both stored; an article stored
	// while its key's alias is set left filed under the alias).
	aliasLockKey = 0x5354414c // "STAL"
)

// SchemaVersion returns how many migrations have been applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, s.rw)
	return v, fail("read schema version", s.name, err)
}

type queryRower interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// schemaVersion is 0 for a database storyline never wrote to.
func schemaVersion(ctx context.Context, q queryRower) (int, error) {
	var v *int
	err := q.QueryRow(ctx, `SELECT (SELECT version FROM storyline_schema) WHERE to_regclass('storyline_schema') IS NOT NULL`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) || v == nil {
		return 0, nil
	}
	return *v, err
}

// migrate applies the migrations up to upTo, each in a transaction that
// holds the schema's migration lock and reads the version itself, so that
// processes opening a new database at once take turns. A database at the
// current version is only read.
func (s *Store) migrate(ctx context.Context, upTo int) error {
	for {
		v, err := schemaVersion(ctx, s.rw)
		if err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("database schema version %d is newer than this storyline (%d)", v, len(migrations))
		}
		if v >= upTo {
			return nil
		}
		if err := s.migrateOne(ctx, upTo); err != nil {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context, upTo int) error {
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", migrateLockKey); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS storyline_schema (version integer NOT NULL);
		INSERT INTO storyline_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM storyline_schema)`); err != nil {
		return err
	}
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v >= upTo || v >= len(migrations) {
		return tx.Commit(ctx)
	}
	if err := migrations[v](ctx, tx); err != nil {
		return fmt.Errorf("migration %d: %w", v+1, err)
	}
	if err := notifyChange(ctx, tx); err != nil { // a newer process changed what the tables hold
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE storyline_schema SET version = $1", v+1); err != nil {
		return fmt.Errorf("migration %d: %w", v+1, err)
	}
	return tx.Commit(ctx)
}
