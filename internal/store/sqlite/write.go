package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// HasRaw reports whether an input with this digest is stored and gave an
// article. An input stored without an article is not counted, so that adding
// it again retries it (and reports it again if it still fails).
func (s *Store) HasRaw(ctx context.Context, digest string) (bool, error) {
	var n int
	err := s.hasRaw.QueryRowContext(ctx, digest).Scan(&n)
	return n > 0, fail("look up raw input", digest, err)
}

// Duplicate returns a stored article with this URL or this content hash,
// if there is one: the article at the URL before one of the text, then
// the first stored, as the PostgreSQL store answers.
func (s *Store) Duplicate(ctx context.Context, url, contentHash string) (news.ArticleRef, bool, error) {
	var a news.ArticleRef
	err := s.duplicate.QueryRowContext(ctx, url, contentHash).Scan(&a.ID, &a.Title, &a.URL, &a.SameText)
	if errors.Is(err, sql.ErrNoRows) {
		return news.ArticleRef{}, false, nil
	}
	return a, err == nil, fail("look up duplicate of", url+" "+contentHash, err)
}

// RawArticles returns the articles extracted from the raw input with this
// digest, read on the writer's connection.
func (s *Store) RawArticles(ctx context.Context, digest string) ([]news.ArticleRef, error) {
	return sqlstore.RawArticles(ctx, sqlstore.FromSQL(s.db), digest)
}

// IDTaken reports whether a stored article has this id.
func (s *Store) IDTaken(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.idTaken.QueryRowContext(ctx, id).Scan(&n)
	return n > 0, fail("look up article id", id, err)
}

// batchKey names a batch in errors by its size and first article.
func batchKey(b news.WriteBatch) string {
	if len(b.Placements) == 0 {
		return fmt.Sprintf("of %d failed inputs and %d changes", len(b.Failed), len(b.Changes))
	}
	return fmt.Sprintf("of %d articles from %s", len(b.Placements), b.Placements[0].Article.ID)
}

// SaveBatch stores in one transaction the raw inputs and articles of a
// batch, the stories they begin or join with the articles' memberships, the
// pages that gave no article, the clusterer's merges and splits (see
// applyChange) and the site templates that learned something. A story's
// updated time becomes b.At. It returns the stories the batch began.
func (s *Store) SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error) {
	key := batchKey(b)
	var raws []*news.Raw
	for i := range b.Placements {
		if b.Placements[i].Raw != nil {
			raws = append(raws, b.Placements[i].Raw)
		}
	}
	for i := range b.Failed {
		raws = append(raws, &b.Failed[i])
	}
	packed := map[*news.Raw][]byte{}
	for i, p := range packAll(raws) {
		packed[raws[i]] = p
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fail("begin batch", key, err)
	}
	defer tx.Rollback()
	newStories, err := s.newStories(ctx, tx, b.Placements)
	if err != nil {
		return nil, fail("save batch", key, err)
	}
	var seq int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM articles").Scan(&seq); err != nil {
		return nil, fail("save batch", key, err)
	}
	firstSeq := seq
	stmts, err := prepareSave(ctx, tx)
	if err != nil {
		return nil, fail("save batch", key, err)
	}
	defer stmts.close()
	stamp := b.At.UTC().Format(time.RFC3339Nano)
	place := func(i int) error {
		p := b.Placements[i]
		var rawID sql.NullInt64
		if p.Raw != nil {
			id, err := stmts.insertRaw(ctx, *p.Raw, packed[p.Raw], stamp)
			if err != nil {
				return err
			}
			rawID = sql.NullInt64{Int64: id, Valid: true}
		}
		seq++
		a, m := p.Article, p.Membership
		more, err := sqlstore.CapturesColumn(a)
		if err != nil {
			return err
		}
		if _, err := stmts.article.ExecContext(ctx, a.ID, seq, rawID, a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Byline, a.Lang, a.Kind, a.Text, p.ContentHash, stamp, outletKey(a), news.OutletName(a.Source, a.URL), a.Capture.Archive, a.Capture.RecordID, a.Capture.TargetURI, a.Capture.Offset, more, a.DateOnly); err != nil {
			return fail("save article", a.ID, err)
		}
		title, derived := news.TitleOrLead(a)
		if _, err := stmts.story.ExecContext(ctx, m.StoryID, title, stamp, news.FormatPublished(a.Published), derived); err != nil {
			return fail("save story", m.StoryID, err)
		}
		mj, err := json.Marshal(m)
		if err != nil {
			return fail("save membership of", a.ID, err)
		}
		if _, err := stmts.member.ExecContext(ctx, a.ID, m.StoryID, string(mj)); err != nil {
			return fail("link article to story", a.ID+" "+m.StoryID, err)
		}
		return nil
	}
	change := func(j int) error {
		ch := b.Changes[j]
		return fail("apply "+ch.Kind+" of stories", ch.Story+" "+ch.Other, applyChange(ctx, tx, ch, stamp))
	}
	// Articles and changes in the order they were made (see Steps).
	if err := b.Steps(place, change); err != nil {
		return nil, err
	}
	// The batch's articles enter the search index in one statement. FTS5
	// writes its pending terms out as a new segment at every statement
	// savepoint, and an insert trigger made one per article: thousands of
	// tiny segments, merged over and over.
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT rowid, title, text FROM articles WHERE seq > ? ORDER BY seq`, firstSeq); err != nil {
		return nil, fail("index articles for search", key, err)
	}
	for i := range b.Failed {
		if _, err := stmts.insertRaw(ctx, b.Failed[i], packed[&b.Failed[i]], stamp); err != nil {
			return nil, err
		}
	}
	for _, site := range sortedKeys(b.Templates) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO site_templates(site, template, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(site) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at`,
			site, b.Templates[site], b.At.UTC().Format(time.RFC3339)); err != nil {
			return nil, fail("save template of site", site, err)
		}
	}
	if err := saveStreamState(ctx, tx, sqlstore.StateParts(b.StreamState, seq), b.At); err != nil {
		return nil, err
	}
	if err := sqlstore.AddCaptures(ctx, sqlstore.FromSQLTx(tx), b.Captures); err != nil {
		return nil, err
	}
	if _, err := fileUnderAliases(ctx, tx, placedArticles(b)); err != nil {
		return nil, fail("file articles under outlet aliases", key, err)
	}
	return newStories, fail("commit batch", key, tx.Commit())
}

// placedArticles are the articles a batch places.
func placedArticles(b news.WriteBatch) []news.Article {
	out := make([]news.Article, len(b.Placements))
	for i, p := range b.Placements {
		out[i] = p.Article
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// newStories lists the stories of the placements that are not stored yet,
// in the order the placements name them.
func (s *Store) newStories(ctx context.Context, tx *sql.Tx, ps []news.Placement) ([]string, error) {
	var ids []string
	seen := map[string]bool{}
	for _, p := range ps {
		if id := p.Membership.StoryID; !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	stored := map[string]bool{}
	for chunk := range slices.Chunk(ids, 500) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := tx.QueryContext(ctx, "SELECT id FROM stories WHERE id IN (?"+strings.Repeat(", ?", len(chunk)-1)+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			stored[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var out []string
	for _, id := range ids {
		if !stored[id] {
			out = append(out, id)
		}
	}
	return out, nil
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
		{&st.raw, "INSERT INTO raw_inputs(sha256, name, url, kind, published, size, body, added_at, source, published_date_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
		{&st.article, `INSERT INTO articles(id, seq, raw_id, url, source, published, title, byline, lang, kind, text, content_hash, added_at, outlet, outlet_name, capture_archive, capture_record, capture_uri, capture_offset, captures, published_date_only)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		// A story's title and publication span follow its articles as they
		// come, as its comparison would set them (projection.Title: the
		// title of the earliest dated titled article, else one derived
		// from a lead), so that lists are right before the story is
		// compared.
		{&st.story, `INSERT INTO stories(id, title, created_at, updated_at, first_published, last_published, title_derived) VALUES (?1, ?2, ?3, ?3, ?4, ?4, ?5)
			ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at,
				title = CASE WHEN ` + sqlstore.StoryTitleWins + ` THEN excluded.title ELSE stories.title END,
				title_derived = CASE WHEN ` + sqlstore.StoryTitleWins + ` THEN excluded.title_derived ELSE stories.title_derived END,
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
func (st *saveStmts) insertRaw(ctx context.Context, r news.Raw, packed []byte, stamp string) (int64, error) {
	digest := r.Digest
	if digest == "" {
		digest = news.Digest(r.Kind, r.Body)
	}
	var id int64
	err := st.rawByDigest.QueryRowContext(ctx, digest).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fail("look up raw input", r.Name, err)
	}
	if packed == nil {
		packed = Pack(r.Body)
	}
	res, err := st.raw.ExecContext(ctx, digest, r.Name, r.URL, string(r.Kind), news.FormatPublished(r.Published), len(r.Body), packed, stamp, r.Source, r.DateOnly)
	if err != nil {
		return 0, fail("save raw input", r.Name, err)
	}
	id, err = res.LastInsertId()
	return id, fail("save raw input", r.Name, err)
}

// applyChange records a merge, split or move and moves its articles: a
// merge moves every article of the other story into the story and deletes
// the other; a split moves the listed articles into a new story, whose id
// no story may have had (a stored story, or one named in the changes
// recorded so far: the split-off would be silently merged into it, or
// show its history); a move moves them into a stored story. The stories
// that remain are marked for comparison again.
func applyChange(ctx context.Context, tx *sql.Tx, ch news.StoryChange, stamp string) error {
	if ch.Kind == "split" {
		var used bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)
			OR EXISTS (SELECT 1 FROM story_changes WHERE story_id = ? OR other_story_id = ?)`, ch.Other, ch.Other, ch.Other).Scan(&used); err != nil {
			return err
		}
		if used {
			return fmt.Errorf("a split off into story %s, an id already used", ch.Other)
		}
	}
	articles, err := json.Marshal(ch.Articles)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_changes(kind, story_id, other_story_id, articles, score, threshold, reason, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ch.Kind, ch.Story, ch.Other, string(articles), ch.Score, ch.Threshold, ch.Reason, stamp); err != nil {
		return err
	}
	// A moved article's explanation keeps why it joined its first story and
	// adds why it is in this one now.
	then := fmt.Sprintf("; then %s: %s", ch.Describe(ch.Other), ch.Reason)
	if ch.Kind != "merge" {
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
	case "split", "move":
		if len(ch.Articles) == 0 {
			return fmt.Errorf("a %s moves no article", ch.Kind)
		}
		if ch.Kind == "split" {
			// The split-off is titled as its comparison will title it: its
			// articles are written, those of this batch before the split.
			title, derived, err := sqlstore.SplitOffTitle(ctx, sqlstore.FromSQL(tx), ch.Articles, nil)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO stories(id, title, title_derived, created_at, updated_at)
				SELECT ?, ?, ?, ?, ? FROM articles WHERE id = ?`, ch.Other, title, derived, stamp, stamp, ch.Articles[0]); err != nil {
				return err
			}
		}
		var stored bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)`, ch.Other).Scan(&stored); err != nil {
			return err
		}
		if !stored {
			return fmt.Errorf("a %s into story %s, which is not stored", ch.Kind, ch.Other)
		}
		for _, id := range ch.Articles {
			res, err := tx.ExecContext(ctx, `UPDATE story_articles SET story_id = ?, `+moved+` WHERE article_id = ? AND story_id = ?`,
				ch.Other, ch.Other, then, id, ch.Story)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errors.Join(fmt.Errorf("a %s of articles that are not all in story %s", ch.Kind, ch.Story), err)
			}
		}
	default:
		return fmt.Errorf("unknown change %q", ch.Kind)
	}
	_, err = tx.ExecContext(ctx, `UPDATE stories SET updated_at = ?, compared_at = '', `+publishedSpan+`
		WHERE id IN (?, ?)`, stamp, ch.Story, ch.Other)
	return err
}

// publishedSpan sets a story's first and last publication times (in an
// UPDATE of stories) from its dated articles.
const publishedSpan = `first_published = coalesce((SELECT min(a.published) FROM articles a JOIN story_articles sa ON sa.article_id = a.id
		WHERE sa.story_id = stories.id AND a.published <> ''), ''),
	last_published = coalesce((SELECT max(a.published) FROM articles a JOIN story_articles sa ON sa.article_id = a.id
		WHERE sa.story_id = stories.id AND a.published <> ''), '')`

// UpdateArticle replaces the extracted fields of a stored article, and marks
// its story for comparison again (leaving its place in the list of stories,
// which follows when articles joined it, as it was). An update that changes
// what the clusterer read of the article drops its saved state
// (sqlstore.DropStreamStateIfReread).
func (s *Store) UpdateArticle(ctx context.Context, a news.Article, contentHash string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail("update article", a.ID, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, sqlstore.DropStreamStateIfReread, sqlstore.DropStreamStateArgs(a, contentHash)...); err != nil {
		return fail("drop the clusterer's state of the article's old text", a.ID, err)
	}
	res, err := tx.ExecContext(ctx, `UPDATE articles SET url = ?, source = ?, published = ?, title = ?, byline = ?, lang = ?, kind = ?, text = ?, content_hash = ?, outlet = ?, outlet_name = ?, published_date_only = ? WHERE id = ?`,
		a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Byline, a.Lang, a.Kind, a.Text, contentHash, outletKey(a), news.OutletName(a.Source, a.URL), a.DateOnly, a.ID)
	if err != nil {
		return fail("update article", a.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fail("update article", a.ID, errors.Join(err, news.ErrNotFound))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stories SET compared_at = '' WHERE id = (SELECT story_id FROM story_articles WHERE article_id = ?)`,
		a.ID); err != nil {
		return fail("update story of article", a.ID, err)
	}
	if _, err := fileUnderAliases(ctx, tx, []news.Article{a}); err != nil {
		return fail("file article under outlet aliases", a.ID, err)
	}
	return fail("update article", a.ID, tx.Commit())
}

// SaveComparisons stores stories' comparisons in one transaction, each with
// its title, its one-line summary and the publication span derived from its
// articles. A record made for a version older than the story's current one,
// or with an article filed under another outlet since
// (sqlstore.LeaveStaleIfRefiled), is stored but leaves the story stale.
func (s *Store) SaveComparisons(ctx context.Context, records []news.ComparisonRecord) error {
	if len(records) == 0 {
		return nil
	}
	key := fmt.Sprintf("of %d stories from %s", len(records), records[0].StoryID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail("save comparisons", key, err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `UPDATE stories SET comparison = ?, title = ?, title_derived = ?, summary = ?, compared_at = coalesce(nullif(?, ''), updated_at), `+publishedSpan+`
		WHERE id = ?`)
	if err != nil {
		return fail("save comparisons", key, err)
	}
	defer stmt.Close()
	for _, r := range records {
		b, err := json.Marshal(r.Comparison)
		if err != nil {
			return fail("save comparison of story", r.StoryID, err)
		}
		if _, err := stmt.ExecContext(ctx, string(b), r.Title, r.TitleDerived, r.Summary, r.Version, r.StoryID); err != nil {
			return fail("save comparison of story", r.StoryID, err)
		}
		if err := sqlstore.LeaveStaleIfRefiled(ctx, sqlstore.FromSQLTx(tx), r); err != nil {
			return err
		}
	}
	return fail("save comparisons", key, tx.Commit())
}

// SiteTemplate returns the stored template of a site (as encoded by
// extract.Template), or nil when there is none.
func (s *Store) SiteTemplate(ctx context.Context, site string) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, "SELECT template FROM site_templates WHERE site = ?", site).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return b, fail("read template of site", site, err)
}

// ReplaceSiteTemplates stores templates (site -> encoding, as
// extract.Template encodes it) in place of every stored one, in one
// transaction: a site left out has none after.
func (s *Store) ReplaceSiteTemplates(ctx context.Context, templates map[string][]byte, at time.Time) error {
	key := fmt.Sprintf("%d sites", len(templates))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail("replace site templates", key, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM site_templates`); err != nil {
		return fail("replace site templates", key, err)
	}
	stamp := at.UTC().Format(time.RFC3339)
	for _, site := range sortedKeys(templates) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO site_templates(site, template, updated_at) VALUES (?, ?, ?)`, site, templates[site], stamp); err != nil {
			return fail("save template of site", site, err)
		}
	}
	return fail("replace site templates", key, tx.Commit())
}

// AddFeeds registers feeds to poll; known ones keep their state.
func (s *Store) AddFeeds(ctx context.Context, urls []string) error {
	for _, u := range urls {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO feeds(url) VALUES (?) ON CONFLICT(url) DO NOTHING", u); err != nil {
			return fail("register feed", u, err)
		}
	}
	return nil
}

// SaveFeed stores a feed's state after a poll.
func (s *Store) SaveFeed(ctx context.Context, f news.FeedState) error {
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_checked = ?, last_success = ?,
		last_error = ?, interval_s = ?, next_check = ?, items_added = ? WHERE url = ?`,
		f.Title, f.ETag, f.LastModified, news.FormatPublished(f.LastChecked), news.FormatPublished(f.LastSuccess),
		f.LastError, int(f.Interval/time.Second), news.FormatPublished(f.NextCheck), f.ItemsAdded, f.URL)
	if err != nil {
		return fail("save feed state", f.URL, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fail("save feed state", f.URL, errors.Join(err, fmt.Errorf("feed not registered: %w", news.ErrNotFound)))
	}
	return nil
}

// OpenStories returns the articles of the stories that may still take new
// articles (sqlstore.OpenStories), read on the writer's connections.
func (s *Store) OpenStories(ctx context.Context, window time.Duration, maxArticles int) ([]news.Assigned, error) {
	return sqlstore.OpenStories(ctx, sqlstore.FromSQL(s.db), window, maxArticles)
}

// StoryMembers returns every article of the given stories, oldest first
// (sqlstore.StoryMembers), read on the writer's connections.
func (s *Store) StoryMembers(ctx context.Context, stories []string) ([]news.Assigned, error) {
	return sqlstore.StoryMembers(ctx, sqlstore.FromSQL(s.db), stories)
}

// HeldMembers returns every article of the given stories, oldest first,
// whole only those whose ids whole names (sqlstore.HeldMembers), read on
// the writer's connections.
func (s *Store) HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error) {
	return sqlstore.HeldMembers(ctx, sqlstore.FromSQL(s.db), stories, whole)
}

// KeptApart returns the partings of the stored splits and moves of the
// stories a clusterer restored (sqlstore.KeptApart), read on the writer's
// connections.
func (s *Store) KeptApart(ctx context.Context, stories []string) ([]news.Parting, error) {
	return sqlstore.KeptApart(ctx, sqlstore.FromSQL(s.db), stories)
}

// StreamState is the parts of the clusterer's saved state of its stream
// as the last writes stored them (sqlstore.StreamState), read on the
// writer's connections.
func (s *Store) StreamState(ctx context.Context) ([]news.StatePart, error) {
	return sqlstore.StreamState(ctx, sqlstore.FromSQL(s.db))
}

// LastArticle is the number of the newest stored article
// (sqlstore.LastArticle), read on the writer's connections.
func (s *Store) LastArticle(ctx context.Context) (int64, error) {
	return sqlstore.LastArticle(ctx, sqlstore.FromSQL(s.db))
}

// LastChange is the highest number of a recorded story change
// (sqlstore.LastChange), read on the writer's connections.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	return sqlstore.LastChange(ctx, sqlstore.FromSQL(s.db))
}

// Raws calls fn for every stored raw input, oldest first, with the ids of
// the articles extracted from it, and the error of a stored body that does
// not unpack (sqlstore.Raws).
func (s *Store) Raws(ctx context.Context, fn func(r news.Raw, articleIDs []string, damaged error) error) error {
	return sqlstore.Raws(ctx, sqlstore.FromSQL(s.db), dialect.ArticleIDs, fn)
}

// saveStreamState stores in a write's transaction the parts of the
// clusterer's saved state the write changed (news.WriteBatch.StreamState):
// each in place of the part of its name, one with no State deleted.
func saveStreamState(ctx context.Context, tx *sql.Tx, parts []news.StatePart, at time.Time) error {
	for _, p := range parts {
		if p.State == nil {
			if _, err := tx.ExecContext(ctx, sqlstore.DeleteStreamState, p.Name); err != nil {
				return fail("delete a part of the clusterer's stream state", p.Name, err)
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, sqlstore.UpsertStreamState, sqlstore.StreamStateArgs(p, at)...); err != nil {
			return fail("save a part of the clusterer's stream state", p.Name, err)
		}
	}
	return nil
}
