package sqlstore

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/rawbody"
)

// The reads the writer makes, on its own connections: they must see what
// it has just written.

// OpenStories returns the articles of the stories that may still take new
// articles: those published within window of the newest stored article, and
// the most recently added undated ones, oldest first, so that a clusterer can
// be rebuilt from them.
func OpenStories(ctx context.Context, q Querier, window time.Duration, maxArticles int) ([]news.Assigned, error) {
	key := fmt.Sprintf("within %s, at most %d articles", window, maxArticles)
	cutoff, err := openCutoff(ctx, q, window)
	if err != nil {
		return nil, Fail("load open stories", key, err)
	}
	var out []news.Assigned
	err = each(ctx, q, func(rows Rows) error {
		var as news.Assigned
		var err error
		if as.Article, err = ScanArticle(rows, &as.StoryID); err != nil {
			return err
		}
		out = append(out, as)
		return nil
	}, "SELECT "+ArticleColumns+`, sa.story_id FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id
		JOIN stories s ON s.id = sa.story_id
		WHERE s.last_published = '' OR s.last_published >= $1
		ORDER BY a.seq DESC LIMIT $2`, cutoff, maxArticles)
	if err != nil {
		return nil, Fail("load open stories", key, err)
	}
	slices.Reverse(out)
	return out, nil
}

// StoryMembers returns every article of the given stories, oldest first
// (in the order stored, as OpenStories gives them): what restores a
// clusterer whose saved state names the stories it held, so that the
// restore reads those stories' articles and no other. The stories are read
// lookupChunk at a time, by the index on story_articles.story_id; a story
// the store does not hold (merged into another since) gives nothing.
func StoryMembers(ctx context.Context, q Querier, stories []string) ([]news.Assigned, error) {
	key := fmt.Sprintf("of %d stories", len(stories))
	type stored struct {
		news.Assigned
		seq int64
	}
	var out []stored
	err := inChunks(stories, func(chunk []string) error {
		return each(ctx, q, func(rows Rows) error {
			var as stored
			var err error
			as.Article, err = ScanArticle(rows, &as.StoryID, &as.seq)
			out = append(out, as)
			return err
		}, "SELECT "+ArticleColumns+`, sa.story_id, a.seq FROM articles a
			JOIN story_articles sa ON sa.article_id = a.id
			WHERE sa.story_id IN (`+marks(1, len(chunk))+`)`, anys(chunk)...)
	})
	if err != nil {
		return nil, Fail("load the stories' articles", key, err)
	}
	slices.SortFunc(out, func(a, b stored) int { return cmp.Compare(a.seq, b.seq) })
	members := make([]news.Assigned, len(out))
	for i, as := range out {
		members[i] = as.Assigned
	}
	return members, nil
}

// HeldMembers returns, oldest first (in the order stored, as StoryMembers),
// every article of the given stories, each with only its id
// (Article.ID) and story but those whose ids whole names, read whole:
// what restores a clusterer whose saved state holds its stories' sums
// over all their members, so that only the members it keeps whole are
// read whole (at most 16 a story, where a story of the stream of issue
// 14 holds 45 on average at 100,000 articles). The ids are read by the
// index on story_articles.story_id, lookupChunk stories a query, and the
// whole articles by their key, lookupChunk a query; an id of whole that
// is no member of the given stories is not read.
func HeldMembers(ctx context.Context, q Querier, stories, whole []string) ([]news.Assigned, error) {
	key := fmt.Sprintf("of %d stories, %d whole", len(stories), len(whole))
	type stored struct {
		news.Assigned
		seq int64
	}
	var out []stored
	at := map[string]int{}
	err := inChunks(stories, func(chunk []string) error {
		return each(ctx, q, func(rows Rows) error {
			var as stored
			err := rows.Scan(&as.Article.ID, &as.StoryID, &as.seq)
			out = append(out, as)
			return err
		}, `SELECT sa.article_id, sa.story_id, a.seq FROM story_articles sa
			JOIN articles a ON a.id = sa.article_id
			WHERE sa.story_id IN (`+marks(1, len(chunk))+`)`, anys(chunk)...)
	})
	if err != nil {
		return nil, Fail("load the stories' members", key, err)
	}
	slices.SortFunc(out, func(a, b stored) int { return cmp.Compare(a.seq, b.seq) })
	for i, as := range out {
		at[as.Article.ID] = i
	}
	err = inChunks(whole, func(chunk []string) error {
		return each(ctx, q, func(rows Rows) error {
			a, err := ScanArticle(rows)
			if i, ok := at[a.ID]; ok && err == nil {
				out[i].Article = a
			}
			return err
		}, "SELECT "+ArticleColumns+` FROM articles a WHERE a.id IN (`+marks(1, len(chunk))+`)`, anys(chunk)...)
	})
	if err != nil {
		return nil, Fail("load the stories' kept members", key, err)
	}
	members := make([]news.Assigned, len(out))
	for i, as := range out {
		members[i] = as.Assigned
	}
	return members, nil
}

// openCutoff is the earliest latest publication time (RFC 3339) of a story
// that may still take articles: window before the newest stored article
// ("" when no article is dated). Undated stories are open too.
func openCutoff(ctx context.Context, q Querier, window time.Duration) (string, error) {
	var newest string
	if err := q.QueryRow(ctx, "SELECT coalesce(max(published), '') FROM articles").Scan(&newest); err != nil {
		return "", err
	}
	if t, ok := news.ParsePublished(newest); ok && !t.IsZero() {
		return t.Add(-window).Format(time.RFC3339), nil
	}
	return "", nil
}

// KeptApart returns the partings of the stored splits and moves a
// clusterer restored with the given stories keeps
// (cluster.Clusterer.RestoreParting), oldest first: for each regrouping
// whose story left is one of stories, or was merged into one of them since
// (followed, through every merge since, to that story), the articles it
// took out and the story of stories each is in now ("" when it is in none
// of them), when one of them is. Only the changes of these stories, and of
// the stories merged into them, are read (see restoredChanges), so the
// cost follows what was restored, not the store's history: neither a
// dated store's closed stories (review s12a #7: the replay of every
// change cost about 13 µs a row) nor an undated store's, whose stories
// never close by date and of which OpenStories restores only the latest
// (review s13b #4, #5). The story of each article is looked up, once, by
// the article's key (see storiesOf).
func KeptApart(ctx context.Context, q Querier, stories []string) ([]news.Parting, error) {
	key := fmt.Sprintf("of %d restored stories", len(stories))
	restored := make(map[string]bool, len(stories))
	var given []string // each once, in the order given: the same queries every run
	for _, id := range stories {
		if !restored[id] {
			restored[id] = true
			given = append(given, id)
		}
	}
	out, err := restoredChanges(ctx, q, given)
	if err != nil {
		return nil, Fail("load the partings", key, err)
	}
	// An article regrouped more than once is looked up once.
	var articles []string
	seen := map[string]bool{}
	for _, p := range out {
		for _, id := range p.Articles {
			if !seen[id] {
				seen[id] = true
				articles = append(articles, id)
			}
		}
	}
	storyOf, err := storiesOf(ctx, q, articles)
	if err != nil {
		return nil, Fail("load the partings", key, err)
	}
	kept := out[:0]
	for _, p := range out {
		held := false
		p.Stories = make([]string, len(p.Articles))
		for i, id := range p.Articles {
			if s := storyOf[id]; restored[s] {
				p.Stories[i] = s
				held = true
			}
		}
		if held {
			kept = append(kept, p)
		}
	}
	return kept, nil
}

// restoredChanges returns the splits and moves out of the given stories
// and out of the stories merged into them, each with its story left
// followed to the given story that holds it, oldest first. It reads the
// changes of the given stories, then those of the stories they absorbed,
// and so on down the merges, a query a level (lookupChunk stories at a
// time, by the index on story_id): a merge chain is a few levels deep. A
// recursive query did the same in one statement, but SQLite took about
// 10 µs a story for it (the 2,495 open stories of allsides_train in 4 runs,
// then val and dated: 30 to 45 ms, against 1 ms for a join; 100 stories'
// changes behind 200,000 others' take 1.2 to 1.4 ms here, see
// BenchmarkKeptApartOfALongHistory).
func restoredChanges(ctx context.Context, q Querier, stories []string) ([]news.Parting, error) {
	type regrouping struct {
		id int64
		p  news.Parting
	}
	var found []regrouping
	holder := map[string]string{} // a story merged away -> the given story that holds it now
	var next []string             // the stories merged away found at this level
	row := func(rows Rows) error {
		var id int64
		var kind, story, other, articles string
		if err := rows.Scan(&id, &kind, &story, &other, &articles); err != nil {
			return err
		}
		h, ok := holder[story]
		if !ok {
			h = story // a given story
		}
		if kind == "merge" {
			if _, seen := holder[other]; !seen {
				holder[other] = h
				next = append(next, other)
			}
			return nil
		}
		r := regrouping{id: id, p: news.Parting{From: h}}
		if err := json.Unmarshal([]byte(articles), &r.p.Articles); err != nil {
			return fmt.Errorf("stored %s of stories %s and %s: articles: %w", kind, story, other, err)
		}
		found = append(found, r)
		return nil
	}
	const columns = "SELECT c.id, c.kind, c.story_id, c.other_story_id, CASE WHEN c.kind = 'merge' THEN '' ELSE c.articles END"
	for level := stories; len(level) > 0; level, next = next, nil {
		for len(level) > 0 {
			chunk := level[:min(len(level), lookupChunk)]
			level = level[len(chunk):]
			if err := each(ctx, q, row, columns+` FROM story_changes c WHERE c.story_id IN (`+marks(1, len(chunk))+`)`, anys(chunk)...); err != nil {
				return nil, err
			}
		}
	}
	slices.SortFunc(found, func(a, b regrouping) int { return cmp.Compare(a.id, b.id) })
	out := make([]news.Parting, len(found))
	for i, r := range found {
		out[i] = r.p
	}
	return out, nil
}

// marks is n numbered parameters from $first, joined by commas.
func marks(first, n int) string {
	ms := make([]string, n)
	for i := range ms {
		ms[i] = fmt.Sprintf("$%d", first+i)
	}
	return strings.Join(ms, ", ")
}

// anys is ids as query arguments.
func anys(ids []string) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// lookupChunk is how many articles storiesOf looks up in one query, and
// how many stories restoredChanges reads the changes of in one query of a
// level: far below the parameters either database allows in one
// statement (SQLite 32,766, PostgreSQL 65,535).
const lookupChunk = 500

// inChunks calls query with ids lookupChunk at a time, in order, and
// stops at its first error.
func inChunks(ids []string, query func(chunk []string) error) error {
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), lookupChunk)]
		ids = ids[len(chunk):]
		if err := query(chunk); err != nil {
			return err
		}
	}
	return nil
}

// storiesOf maps each of the articles ids that a story holds to that
// story, looked up by the articles' key, lookupChunk at a time: one query
// each cost about 100 µs (mostly preparing it) with the SQLite driver.
func storiesOf(ctx context.Context, q Querier, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), lookupChunk)]
		ids = ids[len(chunk):]
		err := each(ctx, q, func(rows Rows) error {
			var article, story string
			err := rows.Scan(&article, &story)
			out[article] = story
			return err
		}, `SELECT sa.article_id, sa.story_id FROM story_articles sa WHERE sa.article_id IN (`+marks(1, len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LastChange is the highest number (id) of a recorded story change, 0 when
// none is: a restored clusterer numbers its changes after it
// (cluster.Clusterer.ContinueChanges).
func LastChange(ctx context.Context, q Querier) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, "SELECT coalesce(max(id), 0) FROM story_changes").Scan(&n)
	return n, Fail("read the last story change", "", err)
}

// LastArticle is the number (seq) of the newest stored article, 0 when
// none is: a saved state recording another (news.StoredSeqPart) is older
// than the stored articles.
func LastArticle(ctx context.Context, q Querier) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM articles").Scan(&n)
	return n, Fail("read the newest article's number", "", err)
}

// StateParts are the parts a write stores (news.WriteBatch.StreamState)
// and, when there are any, the part recording the number of the newest
// article stored once the write is (news.StoredSeqPart): seq.
func StateParts(parts []news.StatePart, seq int64) []news.StatePart {
	if len(parts) == 0 {
		return nil
	}
	return append(slices.Clip(parts), news.StatePart{Name: news.StoredSeqPart, State: news.StoredSeqState(seq)})
}

// UpsertStreamState is the statement, and StreamStateArgs its arguments,
// that stores a part of the clusterer's saved state (news.StatePart) in a
// write's transaction in place of the part of its name stored before;
// DeleteStreamState deletes a part by name.
const UpsertStreamState = `INSERT INTO stream_state(name, state, updated_at) VALUES ($1, $2, $3)
	ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`

// DeleteStreamState deletes the stream_state part of a name (see
// UpsertStreamState).
const DeleteStreamState = `DELETE FROM stream_state WHERE name = $1`

// DropStreamStateIfReread deletes every part of the saved stream state,
// the number of the newest stored article with them (news.StoredSeqPart),
// when an update of an article (UpdateArticle, run before its UPDATE in
// its transaction) changes what the clusterer reads of it: its words
// (the content hash, of its title and text), its title, its publication
// time or precision, its outlet or address, its language or kind. The
// state holds the clusterer's vectors and statistics of the text as it
// was, and re-extraction keeps the article's number, so a restart would
// trust it: without one it restores the open stories from the stored text
// and its next write stores the whole state again. An update that
// changes none of them (a byline alone, or the same extraction again)
// keeps it. Its arguments are DropStreamStateArgs's.
const DropStreamStateIfReread = `DELETE FROM stream_state WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1 AND
	(content_hash <> $2 OR title <> $3 OR published <> $4 OR published_date_only <> $5 OR source <> $6 OR url <> $7 OR lang <> $8 OR kind <> $9))`

// DropStreamStateArgs are DropStreamStateIfReread's arguments for the
// update of a to contentHash.
func DropStreamStateArgs(a news.Article, contentHash string) []any {
	return []any{a.ID, contentHash, a.Title, news.FormatPublished(a.Published), a.DateOnly, a.Source, a.URL, a.Lang, a.Kind}
}

// StreamStateArgs are UpsertStreamState's arguments for a part written at.
func StreamStateArgs(p news.StatePart, at time.Time) []any {
	return []any{p.Name, p.State, at.UTC().Format(time.RFC3339)}
}

// StreamState returns every part of the saved state of the stream as the
// last writes stored them (news.WriteBatch.StreamState), in the order of
// their names, none when none was.
func StreamState(ctx context.Context, q Querier) ([]news.StatePart, error) {
	rows, err := q.Query(ctx, "SELECT name, state FROM stream_state ORDER BY name")
	if err != nil {
		return nil, Fail("read the clusterer's stream statistics", "", err)
	}
	defer rows.Close()
	var parts []news.StatePart
	for rows.Next() {
		var p news.StatePart
		if err := rows.Scan(&p.Name, &p.State); err != nil {
			return nil, Fail("read the clusterer's stream statistics", "", err)
		}
		parts = append(parts, p)
	}
	return parts, Fail("read the clusterer's stream statistics", "", rows.Err())
}

// rawPage is how many raw inputs Raws holds in memory at once.
const rawPage = 64

// Raws calls fn for every stored raw input, oldest first, with the ids of the
// articles extracted from it. It reads the inputs a page at a time and calls
// fn with no query open, so that fn may write and memory stays bounded.
// A stored body that does not unpack (damaged on disk, or written by hand)
// stops nothing: fn gets that input with no Body and the error saying what
// is wrong (damaged), and the inputs after it follow. articleIDs is the
// dialect's aggregate of a.id over the group, in article order, joined by
// "\x1f" (” when none).
func Raws(ctx context.Context, q Querier, articleIDs string, fn func(r news.Raw, articleIDs []string, damaged error) error) error {
	type item struct {
		r       news.Raw
		ids     []string
		damaged error
	}
	for after := int64(0); ; {
		var items []item
		key := fmt.Sprintf("after row %d", after)
		err := each(ctx, q, func(rows Rows) error {
			var (
				it                   item
				kind, published, ids string
				body                 []byte
				err                  error
			)
			if err := rows.Scan(&it.r.ID, &it.r.Digest, &it.r.Name, &it.r.URL, &kind, &published, &body, &it.r.Source, &it.r.DateOnly, &ids); err != nil {
				return err
			}
			it.r.Kind = news.PageKind(kind)
			it.r.Published, _ = news.ParsePublished(published)
			if it.r.Body, err = rawbody.Unpack(body); err != nil {
				it.r.Body, it.damaged = nil, fmt.Errorf("stored body of raw input %d does not unpack: %w", it.r.ID, err)
			}
			if ids != "" {
				it.ids = strings.Split(ids, "\x1f")
			}
			items = append(items, it)
			return nil
		}, `SELECT r.id, r.sha256, r.name, r.url, r.kind, r.published, r.body, r.source, r.published_date_only, coalesce(`+articleIDs+`, '')
			FROM raw_inputs r LEFT JOIN articles a ON a.raw_id = r.id WHERE r.id > $1 GROUP BY r.id ORDER BY r.id LIMIT $2`, after, rawPage)
		if err != nil {
			return Fail("read raw inputs", key, err)
		}
		if len(items) == 0 {
			return nil
		}
		for _, it := range items {
			if err := fn(it.r, it.ids, it.damaged); err != nil {
				return err
			}
		}
		after = items[len(items)-1].r.ID
	}
}

// sourceChanges are the articles extracted from the raw input of o's
// digest (news.Digest) whose source is not o's, each with its id, its URL
// and o's source as its new source: what a store's SetSource writes (the
// page added again with the outlet named, news.OutletGiven). When o names
// a stored article instead, it is that article if it names no source
// (found by o's URL) or no source and no URL (found by its text alone: a
// nameless article).
func sourceChanges(ctx context.Context, q Querier, o news.OutletGiven) ([]news.Article, error) {
	var changed []news.Article
	query, key := `SELECT a.id, a.url FROM articles a JOIN raw_inputs r ON r.id = a.raw_id WHERE r.sha256 = $1 AND a.source <> $2`, o.Digest
	switch {
	case o.Article != "" && o.ByURL:
		query, key = `SELECT a.id, a.url FROM articles a WHERE a.id = $1 AND a.source <> $2 AND a.source = ''`, o.Article
	case o.Article != "":
		query, key = `SELECT a.id, a.url FROM articles a WHERE a.id = $1 AND a.source <> $2 AND a.source = '' AND a.url = ''`, o.Article
	}
	err := each(ctx, q, func(rows Rows) error {
		a := news.Article{Source: o.Source}
		if err := rows.Scan(&a.ID, &a.URL); err != nil {
			return err
		}
		changed = append(changed, a)
		return nil
	}, query, key, o.Source)
	return changed, err
}

// OutletsGivenKey names a set of pages given outlets in errors: the first
// page's input and how many others.
func OutletsGivenKey(outlets []news.OutletGiven) string {
	if len(outlets) == 1 {
		return outlets[0].Name
	}
	return fmt.Sprintf("%s and %d other pages", outlets[0].Name, len(outlets)-1)
}
