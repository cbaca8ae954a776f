package sqlstore

import (
	"context"
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

// KeptApart returns the pairs of open stories (as OpenStories reads them)
// that a stored split or move separated: the story a split or move took
// articles from and the story it put them in, each followed through the
// merges recorded since to the story that holds it now (a story that
// absorbed one of a pair is kept apart from the other, as the clusterer
// keeps it), each pair once, in no order. A clusterer restored from the
// store keeps them apart (cluster.Clusterer.KeepApart).
func KeptApart(ctx context.Context, q Querier, window time.Duration) ([][2]string, error) {
	key := fmt.Sprintf("within %s", window)
	cutoff, err := openCutoff(ctx, q, window)
	if err != nil {
		return nil, Fail("load stories kept apart", key, err)
	}
	var out [][2]string
	err = each(ctx, q, func(rows Rows) error {
		var pair [2]string
		if err := rows.Scan(&pair[0], &pair[1]); err != nil {
			return err
		}
		out = append(out, pair)
		return nil
	}, `WITH RECURSIVE holder(orig, cur) AS (
			SELECT id, id FROM (SELECT story_id AS id FROM story_changes WHERE kind IN ('split', 'move')
				UNION SELECT other_story_id FROM story_changes WHERE kind IN ('split', 'move')) AS regrouped
			UNION
			SELECT h.orig, m.story_id FROM holder h JOIN story_changes m ON m.kind = 'merge' AND m.other_story_id = h.cur
		)
		SELECT DISTINCT ha.cur, hb.cur FROM story_changes c
		JOIN holder ha ON ha.orig = c.story_id
		JOIN holder hb ON hb.orig = c.other_story_id
		JOIN stories sa ON sa.id = ha.cur
		JOIN stories sb ON sb.id = hb.cur
		WHERE c.kind IN ('split', 'move') AND ha.cur <> hb.cur
			AND (sa.last_published = '' OR sa.last_published >= $1)
			AND (sb.last_published = '' OR sb.last_published >= $1)`, cutoff)
	return out, Fail("load stories kept apart", key, err)
}

// LastChange is the highest number (id) of a recorded story change, 0 when
// none is: a restored clusterer numbers its changes after it
// (cluster.Clusterer.ContinueChanges).
func LastChange(ctx context.Context, q Querier) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, "SELECT coalesce(max(id), 0) FROM story_changes").Scan(&n)
	return n, Fail("read the last story change", "", err)
}

// rawPage is how many raw inputs Raws holds in memory at once.
const rawPage = 64

// Raws calls fn for every stored raw input, oldest first, with the ids of the
// articles extracted from it. It reads the inputs a page at a time and calls
// fn with no query open, so that fn may write and memory stays bounded.
// articleIDs is the dialect's aggregate of a.id over the group, in article
// order, joined by "\x1f" (” when none).
func Raws(ctx context.Context, q Querier, articleIDs string, fn func(r news.Raw, articleIDs []string) error) error {
	type item struct {
		r   news.Raw
		ids []string
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
			if err := rows.Scan(&it.r.ID, &it.r.Digest, &it.r.Name, &it.r.URL, &kind, &published, &body, &ids); err != nil {
				return err
			}
			it.r.Kind = news.PageKind(kind)
			it.r.Published, _ = news.ParsePublished(published)
			if it.r.Body, err = rawbody.Unpack(body); err != nil {
				return fmt.Errorf("unpack raw input %s: %w", it.r.Name, err)
			}
			if ids != "" {
				it.ids = strings.Split(ids, "\x1f")
			}
			items = append(items, it)
			return nil
		}, `SELECT r.id, r.sha256, r.name, r.url, r.kind, r.published, r.body, coalesce(`+articleIDs+`, '')
			FROM raw_inputs r LEFT JOIN articles a ON a.raw_id = r.id WHERE r.id > $1 GROUP BY r.id ORDER BY r.id LIMIT $2`, after, rawPage)
		if err != nil {
			return Fail("read raw inputs", key, err)
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
