// Package store keeps storyline's data in an embedded SQLite database (pure Go,
// WAL mode): the raw inputs, compressed, so that they can be extracted again;
// the articles; the stories with their members and comparisons; and an FTS5
// index over article titles and texts. Schema changes are ordered migrations.
package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	kgzip "github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/s2"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when a story or article does not exist.
var ErrNotFound = errors.New("not found")

// Store is an open database.
type Store struct {
	db *sql.DB
	// The lookups ingest makes for every input, prepared once: preparing
	// them for each call cost as much as running them.
	hasRaw, duplicate, idTaken *sql.Stmt
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, len(migrations))
}

func open(ctx context.Context, path string, upTo int) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := create(ctx, path); err != nil {
			return nil, fmt.Errorf("create database %s: %w", path, err)
		}
	}
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.migrate(ctx, upTo); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate database %s: %w", path, err)
	}
	if upTo == len(migrations) { // the lookups need the current schema
		if err := s.prepareLookups(ctx); err != nil {
			s.Close()
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	return s, nil
}

// newPageSize is the page size of new databases: most of a database is raw
// pages and article texts of 5 to 100 KB, which 16 KB pages hold in a quarter
// of the overflow pages (and writes) that SQLite's default 4 KB need. A
// database's page size is fixed once it has a table (in WAL mode).
const newPageSize = 16384

// create makes an empty database file with newPageSize pages in WAL mode.
// The driver's DSN pragmas cannot do it: they set WAL first.
func create(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d; PRAGMA journal_mode = WAL", newPageSize))
	return err
}

func (s *Store) prepareLookups(ctx context.Context) error {
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&s.hasRaw, `SELECT count(*) FROM raw_inputs r JOIN articles a ON a.raw_id = r.id WHERE r.sha256 = ?`},
		{&s.duplicate, `SELECT id FROM articles WHERE (url = ? AND url <> '') OR content_hash = ? LIMIT 1`},
		{&s.idTaken, `SELECT count(*) FROM articles WHERE id = ?`},
	} {
		stmt, err := s.db.PrepareContext(ctx, p.sql)
		if err != nil {
			return err
		}
		*p.stmt = stmt
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	for _, stmt := range []*sql.Stmt{s.hasRaw, s.duplicate, s.idTaken} {
		if stmt != nil {
			stmt.Close()
		}
	}
	return s.db.Close()
}

// SchemaVersion returns how many migrations have been applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (s *Store) migrate(ctx context.Context, upTo int) error {
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this storyline (%d)", v, len(migrations))
	}
	for i := v; i < upTo; i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Raw is one input as it was read, before extraction.
type Raw struct {
	ID        int64
	Name      string // file path, URL or JSONL line reference
	URL       string
	Kind      news.PageKind
	Published time.Time
	Body      []byte
	Packed    []byte // Body as Pack gives it, when the caller packed it already
	Digest    string // Digest(Kind, Body), when the caller computed it already
}

// Pack compresses a raw body for storage; callers with spare cores pack
// before handing raws to Save, which is single-threaded.
//
// The format is an S2 stream (klauspost/compress): on news pages it packs at
// 570 MB/s a core against gzip's 230 MB/s at its fastest level, for a ratio of
// 3.2 instead of 4.0. Raw pages are written for every page ingested and read
// seldom (reextract, an article's "what extraction removed"), so ingest speed
// wins. Bodies packed by earlier
// versions as gzip are still read (see unpack). Writers are pooled: each holds
// buffers worth reusing.
func Pack(body []byte) []byte {
	zw := packers.Get().(*s2.Writer)
	defer packers.Put(zw)
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 64)
	zw.Reset(&buf)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}

var packers = sync.Pool{New: func() any {
	return s2.NewWriter(nil, s2.WriterConcurrency(1))
}}

// Digest is the key under which a raw input is stored once.
func Digest(kind news.PageKind, body []byte) string {
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// ContentHash identifies an article's text regardless of spacing, case and
// typography, so that the same article ingested twice is stored once.
func ContentHash(a news.Article) string {
	sum := sha256.Sum256([]byte(strings.Join(text.Words(text.Normalize(a.Title+" "+a.Text)), " ")))
	return hex.EncodeToString(sum[:16])
}

// HasRaw reports whether an input with this digest is stored and gave an
// article. An input stored without an article is not counted, so that adding
// it again retries it (and reports it again if it still fails).
func (s *Store) HasRaw(ctx context.Context, digest string) (bool, error) {
	var n int
	err := s.hasRaw.QueryRowContext(ctx, digest).Scan(&n)
	return n > 0, err
}

// Duplicate returns the id of a stored article with this URL or this content
// (a ContentHash), if there is one.
func (s *Store) Duplicate(ctx context.Context, url, contentHash string) (string, bool, error) {
	var id string
	err := s.duplicate.QueryRowContext(ctx, url, contentHash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// HasURL reports whether an article from this URL is stored; urls are the
// forms to look for (as linked, canonical).
func (s *Store) HasURL(ctx context.Context, urls ...string) (bool, error) {
	for _, u := range urls {
		if u == "" {
			continue
		}
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE url = ?", u).Scan(&n); err != nil {
			return false, err
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// IDTaken reports whether a stored article has this id.
func (s *Store) IDTaken(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.idTaken.QueryRowContext(ctx, id).Scan(&n)
	return n > 0, err
}

// Entry is one extracted article to store, with its raw input (nil when the
// input was already article JSON without a page) and its story membership.
type Entry struct {
	Raw         *Raw
	Article     news.Article
	Membership  news.Membership
	ContentHash string // ContentHash(Article), when the caller computed it already
}

// SaveRaw stores a raw input that gave no article (so that reextract can try
// it again) and returns its row id.
func (s *Store) SaveRaw(ctx context.Context, r Raw) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmts, err := prepareSave(ctx, tx)
	if err != nil {
		return err
	}
	defer stmts.close()
	if _, err := stmts.insertRaw(ctx, r, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return err
	}
	return tx.Commit()
}

// Save stores a batch of entries in one transaction: raw inputs, articles,
// new stories and memberships. A story's updated time becomes now.
func (s *Store) Save(ctx context.Context, entries []Entry, now time.Time) error {
	return s.SaveBatch(ctx, entries, nil, now)
}

// SaveBatch is Save followed, in the same transaction, by the clusterer's
// merges and splits made while the entries were placed (see applyChange).
func (s *Store) SaveBatch(ctx context.Context, entries []Entry, changes []news.StoryChange, now time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM articles").Scan(&seq); err != nil {
		return err
	}
	firstSeq := seq
	stmts, err := prepareSave(ctx, tx)
	if err != nil {
		return err
	}
	defer stmts.close()
	stamp := now.UTC().Format(time.RFC3339Nano)
	for _, e := range entries {
		var rawID sql.NullInt64
		if e.Raw != nil {
			id, err := stmts.insertRaw(ctx, *e.Raw, stamp)
			if err != nil {
				return err
			}
			rawID = sql.NullInt64{Int64: id, Valid: true}
		}
		seq++
		a, hash := e.Article, e.ContentHash
		if hash == "" {
			hash = ContentHash(a)
		}
		if _, err := stmts.article.ExecContext(ctx, a.ID, seq, rawID, a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Byline, a.Lang, a.Text, hash, stamp); err != nil {
			return fmt.Errorf("store article %s: %w", a.ID, err)
		}
		if _, err := stmts.story.ExecContext(ctx, e.Membership.StoryID, a.Title, stamp, news.FormatPublished(a.Published)); err != nil {
			return fmt.Errorf("store story %s: %w", e.Membership.StoryID, err)
		}
		m, _ := json.Marshal(e.Membership)
		if _, err := stmts.member.ExecContext(ctx, a.ID, e.Membership.StoryID, string(m)); err != nil {
			return fmt.Errorf("link article %s to story %s: %w", a.ID, e.Membership.StoryID, err)
		}
	}
	// The batch's articles enter the search index in one statement. FTS5
	// writes its pending terms out as a new segment at every statement
	// savepoint, and an insert trigger made one per article: thousands of
	// tiny segments, merged over and over.
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT rowid, title, text FROM articles WHERE seq > ? ORDER BY seq`, firstSeq); err != nil {
		return fmt.Errorf("index articles for search: %w", err)
	}
	for _, ch := range changes {
		if err := applyChange(ctx, tx, ch, stamp); err != nil {
			return fmt.Errorf("%s of stories %s and %s: %w", ch.Kind, ch.Story, ch.Other, err)
		}
	}
	return tx.Commit()
}

// saveStmts are the statements SaveBatch runs for every entry, prepared once
// a batch: preparing them for every row cost as much as running them.
type saveStmts struct {
	rawByDigest, raw, article, story, member *sql.Stmt
}

func prepareSave(ctx context.Context, tx *sql.Tx) (*saveStmts, error) {
	var st saveStmts
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&st.rawByDigest, "SELECT id FROM raw_inputs WHERE sha256 = ?"},
		{&st.raw, "INSERT INTO raw_inputs(sha256, name, url, kind, published, size, body, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
		{&st.article, `INSERT INTO articles(id, seq, raw_id, url, source, published, title, byline, lang, text, content_hash, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		// A story's title and publication span follow its articles as they
		// come, as its comparison would set them (ingest.StoryTitle: the
		// title of the earliest dated article), so that lists are right
		// before the story is compared.
		{&st.story, `INSERT INTO stories(id, title, created_at, updated_at, first_published, last_published) VALUES (?1, ?2, ?3, ?3, ?4, ?4)
			ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at,
				title = CASE WHEN excluded.title <> '' AND (stories.title = ''
					OR excluded.first_published <> '' AND (stories.first_published = '' OR excluded.first_published < stories.first_published))
					THEN excluded.title ELSE stories.title END,
				first_published = CASE WHEN excluded.first_published <> '' AND (stories.first_published = '' OR excluded.first_published < stories.first_published)
					THEN excluded.first_published ELSE stories.first_published END,
				last_published = max(stories.last_published, excluded.last_published)`},
		{&st.member, "INSERT INTO story_articles(article_id, story_id, membership) VALUES (?, ?, ?)"},
	} {
		stmt, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.stmt = stmt
	}
	return &st, nil
}

func (st *saveStmts) close() {
	for _, s := range []*sql.Stmt{st.rawByDigest, st.raw, st.article, st.story, st.member} {
		if s != nil {
			s.Close()
		}
	}
}

// insertRaw stores a raw input once (by digest) and returns its row id.
func (st *saveStmts) insertRaw(ctx context.Context, r Raw, stamp string) (int64, error) {
	digest := r.Digest
	if digest == "" {
		digest = Digest(r.Kind, r.Body)
	}
	var id int64
	err := st.rawByDigest.QueryRowContext(ctx, digest).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	packed := r.Packed
	if packed == nil {
		packed = Pack(r.Body)
	}
	res, err := st.raw.ExecContext(ctx, digest, r.Name, r.URL, string(r.Kind), news.FormatPublished(r.Published), len(r.Body), packed, stamp)
	if err != nil {
		return 0, fmt.Errorf("store raw input %s: %w", r.Name, err)
	}
	return res.LastInsertId()
}

// applyChange records a merge or split and moves its articles: a merge moves
// every article of the other story into the story and deletes the other; a
// split moves the listed articles into a new story. The stories that remain
// are marked for comparison again.
func applyChange(ctx context.Context, tx *sql.Tx, ch news.StoryChange, stamp string) error {
	articles, _ := json.Marshal(ch.Articles)
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_changes(kind, story_id, other_story_id, articles, score, threshold, reason, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ch.Kind, ch.Story, ch.Other, string(articles), ch.Score, ch.Threshold, ch.Reason, stamp); err != nil {
		return err
	}
	// A moved article's explanation keeps why it joined its first story and
	// adds why it is in this one now.
	then := fmt.Sprintf("; then %s: %s", ch.Describe(ch.Other), ch.Reason)
	if ch.Kind == "split" {
		then = fmt.Sprintf("; then %s: %s", ch.Describe(ch.Story), ch.Reason)
	}
	const moved = `membership = json_set(membership, '$.story', ?, '$.reason', json_extract(membership, '$.reason') || ?)`
	switch ch.Kind {
	case "merge":
		if _, err := tx.ExecContext(ctx, `UPDATE story_articles SET story_id = ?, `+moved+` WHERE story_id = ?`,
			ch.Story, ch.Story, then, ch.Other); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, ch.Other); err != nil {
			return err
		}
	case "split":
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories(id, title, created_at, updated_at)
			SELECT ?, title, ?, ? FROM articles WHERE id = ? ON CONFLICT(id) DO NOTHING`, ch.Other, stamp, stamp, ch.Articles[0]); err != nil {
			return err
		}
		for _, id := range ch.Articles {
			if _, err := tx.ExecContext(ctx, `UPDATE story_articles SET story_id = ?, `+moved+` WHERE article_id = ?`,
				ch.Other, ch.Other, then, id); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown change %q", ch.Kind)
	}
	_, err := tx.ExecContext(ctx, `UPDATE stories SET updated_at = ?, compared_at = '', `+publishedSpan+`
		WHERE id IN (?, ?)`, stamp, ch.Story, ch.Other)
	return err
}

// publishedSpan sets a story's first and last publication times (in an
// UPDATE of stories) from its dated articles.
const publishedSpan = `first_published = coalesce((SELECT min(a.published) FROM articles a JOIN story_articles sa ON sa.article_id = a.id
		WHERE sa.story_id = stories.id AND a.published <> ''), ''),
	last_published = coalesce((SELECT max(a.published) FROM articles a JOIN story_articles sa ON sa.article_id = a.id
		WHERE sa.story_id = stories.id AND a.published <> ''), '')`

// rawPage is how many raw inputs Raws holds in memory at once.
const rawPage = 64

// Raws calls fn for every stored raw input, oldest first, with the ids of the
// articles extracted from it. It reads the inputs a page at a time and calls
// fn with no query open, so that fn may write and memory stays bounded.
func (s *Store) Raws(ctx context.Context, fn func(r Raw, articleIDs []string) error) error {
	type item struct {
		r   Raw
		ids []string
	}
	for after := int64(0); ; {
		var items []item
		rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.name, r.url, r.kind, r.published, r.body, coalesce(group_concat(a.id, char(31)), '')
			FROM raw_inputs r LEFT JOIN articles a ON a.raw_id = r.id WHERE r.id > ? GROUP BY r.id ORDER BY r.id LIMIT ?`, after, rawPage)
		if err != nil {
			return err
		}
		for rows.Next() {
			var (
				r               Raw
				kind, published string
				body            []byte
				ids             string
			)
			if err := rows.Scan(&r.ID, &r.Name, &r.URL, &kind, &published, &body, &ids); err != nil {
				rows.Close()
				return err
			}
			r.Kind = news.PageKind(kind)
			r.Published, _ = news.ParsePublished(published)
			if r.Body, err = unpack(body); err != nil {
				rows.Close()
				return fmt.Errorf("raw input %s: %w", r.Name, err)
			}
			it := item{r: r}
			if ids != "" {
				it.ids = strings.Split(ids, "\x1f")
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(items) == 0 {
			return nil
		}
		for _, it := range items {
			if err := fn(it.r, it.ids); err != nil {
				return err
			}
		}
		after = items[len(items)-1].r.ID
	}
}

// unpack decompresses a stored raw body: an S2 stream, or gzip as stored
// before S2 (told apart by gzip's magic bytes, which no S2 stream starts with).
func unpack(b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		zr, err := kgzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(zr)
	}
	return io.ReadAll(s2.NewReader(bytes.NewReader(b)))
}

// UpdateArticle replaces the extracted fields of a stored article.
func (s *Store) UpdateArticle(ctx context.Context, a news.Article) error {
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET url = ?, source = ?, published = ?, title = ?, byline = ?, lang = ?, text = ?, content_hash = ? WHERE id = ?`,
		a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Byline, a.Lang, a.Text, ContentHash(a), a.ID)
	return err
}

// QueryIntegrity runs SQLite's integrity check; "ok" means the file is sound.
func (s *Store) QueryIntegrity(ctx context.Context, result *string) error {
	return s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(result)
}
