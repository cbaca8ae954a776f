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

// KeptApart returns the pairs of open stories (open within window, as
// OpenStories cuts them, but not cut at its maxArticles) that stored
// regroupings separated, each pair once (the lesser id first, sorted):
// the story a split or move took articles from and the story it put them
// in, and that story and every story those articles had been taken out
// of before (the record follows the articles, as the clusterer's does),
// each followed through the merges recorded since to the story that
// holds it now; and that record, each regrouped article's open stories
// left. A clusterer restored from the store keeps them apart
// (cluster.Clusterer.KeepApart, RestoreLeft). It reads every recorded
// change, oldest first (a merge's article list is not read).
func KeptApart(ctx context.Context, q Querier, window time.Duration) (news.Regroupings, error) {
	key := fmt.Sprintf("within %s", window)
	cutoff, err := openCutoff(ctx, q, window)
	if err != nil {
		return news.Regroupings{}, Fail("load stories kept apart", key, err)
	}
	open := map[string]bool{}
	err = each(ctx, q, func(rows Rows) error {
		var id string
		err := rows.Scan(&id)
		open[id] = true
		return err
	}, "SELECT id FROM stories WHERE last_published = '' OR last_published >= $1", cutoff)
	if err != nil {
		return news.Regroupings{}, Fail("load stories kept apart", key, err)
	}
	var r regroupings
	err = each(ctx, q, func(rows Rows) error {
		var kind, story, other, articles string
		if err := rows.Scan(&kind, &story, &other, &articles); err != nil {
			return err
		}
		var ids []string
		if kind != "merge" {
			if err := json.Unmarshal([]byte(articles), &ids); err != nil {
				return fmt.Errorf("stored %s of stories %s and %s: articles: %w", kind, story, other, err)
			}
		}
		r.add(kind, story, other, ids)
		return nil
	}, "SELECT kind, story_id, other_story_id, CASE WHEN kind = 'merge' THEN '' ELSE articles END FROM story_changes ORDER BY id")
	if err != nil {
		return news.Regroupings{}, Fail("load stories kept apart", key, err)
	}
	return news.Regroupings{Pairs: r.open(open), Left: r.trail(open)}, nil
}

// regroupings replays recorded story changes, oldest first, into the
// pairs of stories regroupings separated (see KeptApart).
type regroupings struct {
	into  map[string]string   // a story merged away -> the story it merged into
	left  map[string][]string // a regrouped article -> the stories it was taken out of
	pairs map[[2]string]bool  // as recorded, before the merges since
}

// add replays one change.
func (r *regroupings) add(kind, story, other string, articles []string) {
	if r.into == nil {
		r.into, r.left, r.pairs = map[string]string{}, map[string][]string{}, map[[2]string]bool{}
	}
	if kind == "merge" {
		r.into[other] = story
		return
	}
	r.pairs[[2]string{story, other}] = true
	for _, id := range articles {
		for _, x := range r.left[id] {
			r.pairs[[2]string{other, x}] = true
		}
		r.left[id] = append(r.left[id], story)
	}
}

// holder is the story that holds the articles of story id now: id, or the
// story it was merged into, followed.
func (r *regroupings) holder(id string) string {
	for range len(r.into) + 1 { // a chain is at most every merge long
		next, ok := r.into[id]
		if !ok {
			break
		}
		id = next
	}
	return id
}

// open returns the pairs, each story followed to its holder, of which
// both stories are in open, each pair once, sorted.
func (r *regroupings) open(open map[string]bool) [][2]string {
	seen := map[[2]string]bool{}
	var out [][2]string
	for p := range r.pairs {
		a, b := r.holder(p[0]), r.holder(p[1])
		if b < a {
			a, b = b, a
		}
		if a == b || !open[a] || !open[b] || seen[[2]string{a, b}] {
			continue
		}
		seen[[2]string{a, b}] = true
		out = append(out, [2]string{a, b})
	}
	slices.SortFunc(out, func(x, y [2]string) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	return out
}

// trail returns each regrouped article's stories left (see add), each
// followed to its holder, of which those in open, each once, in the
// order left.
func (r *regroupings) trail(open map[string]bool) map[string][]string {
	out := map[string][]string{}
	for id, xs := range r.left {
		var held []string
		for _, x := range xs {
			if h := r.holder(x); open[h] && !slices.Contains(held, h) {
				held = append(held, h)
			}
		}
		if len(held) > 0 {
			out[id] = held
		}
	}
	return out
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
