package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/rawbody"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// HasRaw reports whether an input with this digest is stored and gave an
// article. An input stored without an article is not counted, so that adding
// it again retries it (and reports it again if it still fails).
func (s *Store) HasRaw(ctx context.Context, digest string) (bool, error) {
	var ok bool
	err := s.rw.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM raw_inputs r JOIN articles a ON a.raw_id = r.id WHERE r.sha256 = $1)`, digest).Scan(&ok)
	return ok, fail("look up raw input", digest, err)
}

// Duplicate returns a stored article with this URL or this content hash,
// if there is one: the article at the URL before one of the text, then
// the first stored, as the SQLite store answers.
func (s *Store) Duplicate(ctx context.Context, url, contentHash string) (news.ArticleRef, bool, error) {
	var a news.ArticleRef
	err := s.rw.QueryRow(ctx, `SELECT id, title, url, content_hash = $2 FROM articles WHERE (url = $1 AND url <> '') OR content_hash = $2 ORDER BY url = $1 AND url <> '' DESC, seq LIMIT 1`, url, contentHash).Scan(&a.ID, &a.Title, &a.URL, &a.SameText)
	if errors.Is(err, pgx.ErrNoRows) {
		return news.ArticleRef{}, false, nil
	}
	return a, err == nil, fail("look up duplicate of", url+" "+contentHash, err)
}

// RawArticles returns the articles extracted from the raw input with this
// digest, read on the writer's connection.
func (s *Store) RawArticles(ctx context.Context, digest string) ([]news.ArticleRef, error) {
	return sqlstore.RawArticles(ctx, pgQuerier{s.rw}, digest)
}

// IDTaken reports whether a stored article has this id.
func (s *Store) IDTaken(ctx context.Context, id string) (bool, error) {
	var ok bool
	err := s.rw.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, id).Scan(&ok)
	return ok, fail("look up article id", id, err)
}

// batchKey names a batch in errors by its size and first article.
func batchKey(b news.WriteBatch) string {
	if len(b.Placements) == 0 {
		return fmt.Sprintf("of %d failed inputs and %d changes", len(b.Failed), len(b.Changes))
	}
	return fmt.Sprintf("of %d articles from %s", len(b.Placements), b.Placements[0].Article.ID)
}

// SQLSTATEs that queueChange names (see step).
const (
	pgUniqueViolation     = "23505"
	pgForeignKeyViolation = "23503"
)

// step is one queued statement of a batch and what to call its failure.
type step struct {
	op, key string
	// codes names, by SQLSTATE, the failures the statement is expected to
	// meet, in the words the sqlite store uses for them (its checks come
	// before the statement; here the constraint is the check).
	codes map[string]string
	// rows, when above 0, is the number of rows the statement must touch,
	// and notRows what to call it when it touches fewer.
	rows    int64
	notRows string
}

// steps is a pgx.Batch whose statements each know how to name their
// failure: the batch is sent in one round trip and its results are read in
// order, so the first failure is the statement that caused it.
type steps struct {
	batch pgx.Batch
	names []step
}

func (st *steps) queue(op, key, sql string, args ...any) {
	st.queueNamed(nil, op, key, sql, args...)
}

// queueNamed queues a statement whose failures of the SQLSTATEs in codes
// read as their messages (see step).
func (st *steps) queueNamed(codes map[string]string, op, key, sql string, args ...any) {
	st.batch.Queue(sql, args...)
	st.names = append(st.names, step{op: op, key: key, codes: codes})
}

func (st *steps) run(ctx context.Context, tx pgx.Tx) error {
	if len(st.names) == 0 {
		return nil
	}
	br := tx.SendBatch(ctx, &st.batch)
	for _, n := range st.names {
		tag, err := br.Exec()
		if err == nil && n.rows > 0 && tag.RowsAffected() < n.rows {
			err = errors.New(n.notRows)
		}
		if err != nil {
			br.Close()
			var pe *pgconn.PgError
			if errors.As(err, &pe) && n.codes[pe.Code] != "" {
				err = errors.New(n.codes[pe.Code])
			}
			return fail(n.op, n.key, err)
		}
	}
	return br.Close()
}

// The statements SaveBatch queues for every entry.
const (
	insertRaw = `INSERT INTO raw_inputs(sha256, name, url, kind, published, size, body, added_at, source, published_date_only)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (sha256) DO NOTHING`
	insertArticle = `INSERT INTO articles(id, seq, raw_id, url, source, published, title, byline, lang, text, content_hash, added_at, outlet, outlet_name, kind, capture_archive, capture_record, capture_uri, capture_offset, captures, published_date_only)
		VALUES ($1, $2, (SELECT id FROM raw_inputs WHERE sha256 = $3), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`
	// A story's title and publication span follow its articles as they
	// come, as its comparison would set them (projection.Title: the title
	// of the earliest dated titled article, else one derived from a lead),
	// so that lists are right before the story is compared.
	upsertStory = `INSERT INTO stories(id, title, created_at, updated_at, first_published, last_published, title_derived) VALUES ($1, $2, $3, $3, $4, $4, $5)
		ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at,
			title = CASE WHEN ` + sqlstore.StoryTitleWins + ` THEN excluded.title ELSE stories.title END,
			title_derived = CASE WHEN ` + sqlstore.StoryTitleWins + ` THEN excluded.title_derived ELSE stories.title_derived END,
			first_published = CASE WHEN excluded.first_published <> '' AND (stories.first_published = '' OR excluded.first_published < stories.first_published)
				THEN excluded.first_published ELSE stories.first_published END,
			last_published = greatest(stories.last_published, excluded.last_published)`
	insertMember   = `INSERT INTO story_articles(article_id, story_id, membership) VALUES ($1, $2, $3)`
	upsertTemplate = `INSERT INTO site_templates(site, template, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (site) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at`
)

// SaveBatch stores in one transaction the raw inputs and articles of a
// batch, the stories they begin or join with the articles' memberships, the
// pages that gave no article, the clusterer's merges and splits (see
// queueChange) and the site templates that learned something. A story's
// updated time becomes b.At. It returns the stories the batch began. While
// this store holds the writer lease, a batch fails once another writer has
// taken it over (see lock.go).
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
	bodies := make([][]byte, len(raws))
	for i, r := range raws {
		bodies[i] = r.Body
	}
	packed := map[*news.Raw][]byte{}
	for i, p := range rawbody.PackAll(bodies) {
		packed[raws[i]] = p
	}
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return nil, fail("begin batch", key, err)
	}
	defer tx.Rollback(ctx)
	if err := s.fenceFiling(ctx, tx); err != nil {
		return nil, fail("save batch", key, err)
	}
	if err := raiseGeneration(ctx, tx); err != nil {
		return nil, fail("save batch", key, err)
	}
	newStories, err := newStories(ctx, tx, b.Placements)
	if err != nil {
		return nil, fail("save batch", key, err)
	}
	titles, err := splitTitles(ctx, tx, b)
	if err != nil {
		return nil, fail("save batch", key, err)
	}
	var seq int64
	if err := tx.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM articles").Scan(&seq); err != nil {
		return nil, fail("save batch", key, err)
	}
	stamp := b.At.UTC().Format(time.RFC3339Nano)
	var st steps
	queueRaw := func(r *news.Raw) *string {
		digest := r.Digest
		if digest == "" {
			digest = news.Digest(r.Kind, r.Body)
		}
		st.queue("save raw input", r.Name, insertRaw, digest, r.Name, r.URL, string(r.Kind), news.FormatPublished(r.Published), len(r.Body), packed[r], stamp, r.Source, r.DateOnly)
		return &digest
	}
	place := func(i int) error {
		p := b.Placements[i]
		var digest *string
		if p.Raw != nil {
			digest = queueRaw(p.Raw)
		}
		seq++
		a, m := p.Article, p.Membership
		more, err := sqlstore.CapturesColumn(a)
		if err != nil {
			return err
		}
		st.queue("save article", a.ID, insertArticle, a.ID, seq, digest, a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Byline, a.Lang, a.Text, p.ContentHash, stamp, outletKey(a), news.OutletName(a.Source, a.URL), a.Kind, a.Capture.Archive, a.Capture.RecordID, a.Capture.TargetURI, a.Capture.Offset, more, a.DateOnly)
		title, derived := news.TitleOrLead(a)
		st.queue("save story", m.StoryID, upsertStory, m.StoryID, title, stamp, news.FormatPublished(a.Published), derived)
		mj, err := json.Marshal(m)
		if err != nil {
			return fail("save membership of", a.ID, err)
		}
		st.queue("link article to story", a.ID+" "+m.StoryID, insertMember, a.ID, m.StoryID, string(mj))
		return nil
	}
	change := func(j int) error {
		ch := b.Changes[j]
		return fail("apply "+ch.Kind+" of stories", ch.Story+" "+ch.Other, queueChange(&st, ch, titles[j], stamp))
	}
	// Articles and changes in the order they were made (see Steps).
	if err := b.Steps(place, change); err != nil {
		return nil, err
	}
	for i := range b.Failed {
		queueRaw(&b.Failed[i])
	}
	for _, site := range sortedKeys(b.Templates) {
		st.queue("save template of site", site, upsertTemplate, site, b.Templates[site], b.At.UTC().Format(time.RFC3339))
	}
	for _, p := range sqlstore.StateParts(b.StreamState, seq) {
		if p.State == nil {
			st.queue("delete a part of the clusterer's stream state", p.Name, sqlstore.DeleteStreamState, p.Name)
			continue
		}
		st.queue("save a part of the clusterer's stream state", p.Name, sqlstore.UpsertStreamState, sqlstore.StreamStateArgs(p, b.At)...)
	}
	if err := st.run(ctx, tx); err != nil {
		return nil, err
	}
	if err := sqlstore.AddCaptures(ctx, pgTx{pgQuerier{tx}, tx}, b.Captures); err != nil {
		return nil, err
	}
	if _, err := fileUnderAliases(ctx, tx, placedArticles(b)); err != nil {
		return nil, fail("file articles under outlet aliases", key, err)
	}
	if err := notifyChange(ctx, tx); err != nil {
		return nil, fail("notify the batch", key, err)
	}
	return newStories, fail("commit batch", key, tx.Commit(ctx))
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
func newStories(ctx context.Context, tx pgx.Tx, ps []news.Placement) ([]string, error) {
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
	rows, err := tx.Query(ctx, "SELECT id FROM stories WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	stored, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range ids {
		if !slices.Contains(stored, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// splitTitle is the title a split-off story gets when it is made
// (sqlstore.SplitOffTitle).
type splitTitle struct {
	title   string
	derived bool
}

// splitTitles titles the batch's split-offs, one for each of its changes
// (zero for the others), before the batch's statements are queued: they
// run in one pipeline, so the split-off's articles are read now, from the
// batch's placements or the store.
func splitTitles(ctx context.Context, tx pgx.Tx, b news.WriteBatch) ([]splitTitle, error) {
	titles := make([]splitTitle, len(b.Changes))
	var pending map[string]news.Article
	for j, ch := range b.Changes {
		if ch.Kind != "split" {
			continue
		}
		if pending == nil {
			pending = make(map[string]news.Article, len(b.Placements))
			for _, p := range b.Placements {
				pending[p.Article.ID] = p.Article
			}
		}
		t, derived, err := sqlstore.SplitOffTitle(ctx, pgQuerier{tx}, ch.Articles, pending)
		if err != nil {
			return nil, err
		}
		titles[j] = splitTitle{t, derived}
	}
	return titles, nil
}

// queueChange records a merge, split or move and moves its articles: a
// merge moves every article of the other story into the story and deletes
// the other; a split moves the listed articles into a new story, whose id
// no story may have had (a stored story, or one named in the changes
// recorded so far: the split-off would be silently merged into it, or
// show its history); a move moves them into a stored story. The stories
// that remain are marked for comparison again.
func queueChange(st *steps, ch news.StoryChange, title splitTitle, stamp string) error {
	articles, err := json.Marshal(ch.Articles)
	if err != nil {
		return err
	}
	op, key := "apply "+ch.Kind+" of stories", ch.Story+" "+ch.Other
	// The stores' constraints refuse a split into an id already used (the
	// id of a stored story fails the insert of the split-off, one named in
	// the changes alone its articles' move) and a move into a story not
	// stored: said as the sqlite store says them.
	into := map[string]string{
		pgUniqueViolation:     fmt.Sprintf("a split off into story %s, an id already used", ch.Other),
		pgForeignKeyViolation: fmt.Sprintf("a split off into story %s, an id already used", ch.Other),
	}
	if ch.Kind == "move" {
		into = map[string]string{pgForeignKeyViolation: fmt.Sprintf("a move into story %s, which is not stored", ch.Other)}
	}
	if ch.Kind == "split" {
		if len(ch.Articles) == 0 {
			return errors.New("a split moves no article")
		}
		// Before the change is recorded, so that the changes read are the
		// earlier ones. The id of a stored story fails the insert; one
		// named in the changes alone inserts no story, and moving the
		// articles into it then fails on the missing story.
		st.queueNamed(into, op, key, `INSERT INTO stories(id, title, title_derived, created_at, updated_at)
			SELECT $1, $4, $5, $2, $2 FROM articles WHERE id = $3
			AND (EXISTS (SELECT 1 FROM stories WHERE id = $1)
				OR NOT EXISTS (SELECT 1 FROM story_changes WHERE story_id = $1 OR other_story_id = $1))`, ch.Other, stamp, ch.Articles[0], title.title, title.derived)
	}
	st.queue(op, key, `INSERT INTO story_changes(kind, story_id, other_story_id, articles, score, threshold, reason, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, ch.Kind, ch.Story, ch.Other, string(articles), ch.Score, ch.Threshold, ch.Reason, stamp)
	// A moved article's explanation keeps why it joined its first story and
	// adds why it is in this one now.
	then := fmt.Sprintf("; then %s: %s", ch.Describe(ch.Other), ch.Reason)
	if ch.Kind != "merge" {
		then = fmt.Sprintf("; then %s: %s", ch.Describe(ch.Story), ch.Reason)
	}
	const moved = `membership = jsonb_set(jsonb_set(membership, '{story}', to_jsonb($1::text)),
		'{reason}', to_jsonb(coalesce(membership->>'reason', '') || $2::text))`
	switch ch.Kind {
	case "merge":
		st.queue(op, key, `UPDATE story_articles SET story_id = $1, `+moved+` WHERE story_id = $3`, ch.Story, then, ch.Other)
		st.queue(op, key, `DELETE FROM stories WHERE id = $1`, ch.Other)
	case "split", "move":
		if len(ch.Articles) == 0 {
			return fmt.Errorf("a %s moves no article", ch.Kind)
		}
		// story_articles.story_id references stories: a move into a story
		// not stored fails.
		st.queueNamed(into, op, key, `UPDATE story_articles SET story_id = $1, `+moved+` WHERE article_id = ANY($3) AND story_id = $4`, ch.Other, then, ch.Articles, ch.Story)
		last := &st.names[len(st.names)-1]
		last.rows, last.notRows = int64(len(ch.Articles)), fmt.Sprintf("a %s of articles that are not all in story %s", ch.Kind, ch.Story)
	default:
		return fmt.Errorf("unknown change %q", ch.Kind)
	}
	st.queue(op, key, `UPDATE stories SET updated_at = $1, compared_at = '', `+publishedSpan+` WHERE id IN ($2, $3)`, stamp, ch.Story, ch.Other)
	return nil
}

// publishedSpan sets a story's first and last publication times (in an
// UPDATE of stories) from its dated articles.
const publishedSpan = `first_published = coalesce((SELECT min(a.published) FROM articles a JOIN story_articles sa ON sa.article_id = a.id
		WHERE sa.story_id = stories.id AND a.published <> ''), ''),
	last_published = coalesce((SELECT max(a.published) FROM articles a JOIN story_articles sa ON sa.article_id = a.id
		WHERE sa.story_id = stories.id AND a.published <> ''), '')`

// UpdateArticle replaces the extracted fields of a stored article (its
// search vector follows), and marks its story for comparison again (leaving
// its place in the list of stories, which follows when articles joined it,
// as it was). An update that changes what the clusterer read of the
// article drops its saved state (sqlstore.DropStreamStateIfReread).
func (s *Store) UpdateArticle(ctx context.Context, a news.Article, contentHash string) error {
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return fail("update article", a.ID, err)
	}
	defer tx.Rollback(ctx)
	if err := s.fenceFiling(ctx, tx); err != nil {
		return fail("update article", a.ID, err)
	}
	if err := raiseGeneration(ctx, tx); err != nil {
		return fail("update article", a.ID, err)
	}
	if _, err := tx.Exec(ctx, sqlstore.DropStreamStateIfReread, sqlstore.DropStreamStateArgs(a, contentHash)...); err != nil {
		return fail("drop the clusterer's state of the article's old text", a.ID, err)
	}
	tag, err := tx.Exec(ctx, `UPDATE articles SET url = $1, source = $2, published = $3, title = $4, byline = $5, lang = $6, text = $7, content_hash = $8, outlet = $10, outlet_name = $11, kind = $12, published_date_only = $13 WHERE id = $9`,
		a.URL, a.Source, news.FormatPublished(a.Published), a.Title, a.Byline, a.Lang, a.Text, contentHash, a.ID, outletKey(a), news.OutletName(a.Source, a.URL), a.Kind, a.DateOnly)
	if err != nil {
		return fail("update article", a.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fail("update article", a.ID, news.ErrNotFound)
	}
	if _, err := tx.Exec(ctx, `UPDATE stories SET compared_at = '' WHERE id = (SELECT story_id FROM story_articles WHERE article_id = $1)`, a.ID); err != nil {
		return fail("update story of article", a.ID, err)
	}
	if _, err := fileUnderAliases(ctx, tx, []news.Article{a}); err != nil {
		return fail("file article under outlet aliases", a.ID, err)
	}
	if err := notifyChange(ctx, tx); err != nil {
		return fail("notify the update of article", a.ID, err)
	}
	return fail("update article", a.ID, tx.Commit(ctx))
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
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return fail("save comparisons", key, err)
	}
	defer tx.Rollback(ctx)
	if err := raiseGeneration(ctx, tx); err != nil {
		return fail("save comparisons", key, err)
	}
	var st steps
	for _, r := range records {
		b, err := json.Marshal(r.Comparison)
		if err != nil {
			return fail("save comparison of story", r.StoryID, err)
		}
		st.queue("save comparison of story", r.StoryID, `UPDATE stories SET comparison = $1, title = $2, summary = $3,
			compared_at = coalesce(nullif($4, ''), updated_at), `+publishedSpan+`, title_derived = $6 WHERE id = $5`,
			string(b), r.Title, r.Summary, r.Version, r.StoryID, r.TitleDerived)
	}
	if err := st.run(ctx, tx); err != nil {
		return err
	}
	for _, r := range records {
		if err := sqlstore.LeaveStaleIfRefiled(ctx, pgTx{pgQuerier{tx}, tx}, r); err != nil {
			return err
		}
	}
	if err := notifyChange(ctx, tx); err != nil {
		return fail("notify comparisons", key, err)
	}
	return fail("save comparisons", key, tx.Commit(ctx))
}

// SiteTemplate returns the stored template of a site (as encoded by
// extract.Template), or nil when there is none.
func (s *Store) SiteTemplate(ctx context.Context, site string) ([]byte, error) {
	var b []byte
	err := s.rw.QueryRow(ctx, "SELECT template FROM site_templates WHERE site = $1", site).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return b, fail("read template of site", site, err)
}

// ReplaceSiteTemplates stores templates (site -> encoding, as
// extract.Template encodes it) in place of every stored one, in one
// transaction that fails when the writer's lease was taken over: a site
// left out has none after.
func (s *Store) ReplaceSiteTemplates(ctx context.Context, templates map[string][]byte, at time.Time) error {
	key := fmt.Sprintf("%d sites", len(templates))
	tx, err := s.rw.Begin(ctx)
	if err != nil {
		return fail("replace site templates", key, err)
	}
	defer tx.Rollback(ctx)
	if err := s.fence(ctx, tx); err != nil {
		return fail("replace site templates", key, err)
	}
	if err := raiseGeneration(ctx, tx); err != nil {
		return fail("replace site templates", key, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM site_templates`); err != nil {
		return fail("replace site templates", key, err)
	}
	stamp := at.UTC().Format(time.RFC3339)
	for _, site := range sortedKeys(templates) {
		if _, err := tx.Exec(ctx, `INSERT INTO site_templates(site, template, updated_at) VALUES ($1, $2, $3)`, site, templates[site], stamp); err != nil {
			return fail("save template of site", site, err)
		}
	}
	return fail("replace site templates", key, tx.Commit(ctx))
}

// AddFeeds registers feeds to poll; known ones keep their state.
func (s *Store) AddFeeds(ctx context.Context, urls []string) error {
	for _, u := range urls {
		if _, err := s.rw.Exec(ctx, "INSERT INTO feeds(url) VALUES ($1) ON CONFLICT (url) DO NOTHING", u); err != nil {
			return fail("register feed", u, err)
		}
	}
	return fail("notify feeds", fmt.Sprint(len(urls)), notifyChange(ctx, s.rw))
}

// SaveFeed stores a feed's state after a poll.
func (s *Store) SaveFeed(ctx context.Context, f news.FeedState) error {
	tag, err := s.rw.Exec(ctx, `UPDATE feeds SET title = $1, etag = $2, last_modified = $3, last_checked = $4, last_success = $5,
		last_error = $6, interval_s = $7, next_check = $8, items_added = $9 WHERE url = $10`,
		f.Title, f.ETag, f.LastModified, news.FormatPublished(f.LastChecked), news.FormatPublished(f.LastSuccess),
		f.LastError, int(f.Interval/time.Second), news.FormatPublished(f.NextCheck), f.ItemsAdded, f.URL)
	if err != nil {
		return fail("save feed state", f.URL, err)
	}
	if tag.RowsAffected() == 0 {
		return fail("save feed state", f.URL, fmt.Errorf("feed not registered: %w", news.ErrNotFound))
	}
	return fail("notify feed state", f.URL, notifyChange(ctx, s.rw))
}

// OpenStories returns the articles of the stories that may still take new
// articles (sqlstore.OpenStories), read on the writer's connections.
func (s *Store) OpenStories(ctx context.Context, window time.Duration, maxArticles int) ([]news.Assigned, error) {
	return sqlstore.OpenStories(ctx, pgQuerier{s.rw}, window, maxArticles)
}

// StoryMembers returns every article of the given stories, oldest first
// (sqlstore.StoryMembers), read on the writer's connections.
func (s *Store) StoryMembers(ctx context.Context, stories []string) ([]news.Assigned, error) {
	return sqlstore.StoryMembers(ctx, pgQuerier{s.rw}, stories)
}

// HeldMembers returns every article of the given stories, oldest first,
// whole only those whose ids whole names (sqlstore.HeldMembers), read on
// the writer's connections.
func (s *Store) HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error) {
	return sqlstore.HeldMembers(ctx, pgQuerier{s.rw}, stories, whole)
}

// KeptApart returns the partings of the stored splits and moves of the
// stories a clusterer restored (sqlstore.KeptApart), read on the writer's
// connections.
func (s *Store) KeptApart(ctx context.Context, stories []string) ([]news.Parting, error) {
	return sqlstore.KeptApart(ctx, pgQuerier{s.rw}, stories)
}

// StreamState is the parts of the clusterer's saved state of its stream
// as the last writes stored them (sqlstore.StreamState), read on the
// writer's connections.
func (s *Store) StreamState(ctx context.Context) ([]news.StatePart, error) {
	return sqlstore.StreamState(ctx, pgQuerier{s.rw})
}

// LastArticle is the number of the newest stored article
// (sqlstore.LastArticle), read on the writer's connections.
func (s *Store) LastArticle(ctx context.Context) (int64, error) {
	return sqlstore.LastArticle(ctx, pgQuerier{s.rw})
}

// LastChange is the highest number of a recorded story change
// (sqlstore.LastChange), read on the writer's connections.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	return sqlstore.LastChange(ctx, pgQuerier{s.rw})
}

// Raws calls fn for every stored raw input, oldest first, with the ids of
// the articles extracted from it, and the error of a stored body that does
// not unpack (sqlstore.Raws).
func (s *Store) Raws(ctx context.Context, fn func(r news.Raw, articleIDs []string, damaged error) error) error {
	return sqlstore.Raws(ctx, pgQuerier{s.rw}, dialect.ArticleIDs, fn)
}
