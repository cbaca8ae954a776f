package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/storyline-news/storyline/internal/news"
)

// sources summarises every outlet, most articles first; tx should see one
// moment of the database. First reports are found from the articles'
// times (news.SourceTally), current before a story is compared; rewrites
// are read from the stored comparisons of the stories of two or more
// sources, which the tally knows once it has the articles.
func sources(ctx context.Context, tx Querier) ([]news.SourceSummary, error) {
	arts, err := sourceArticles(ctx, tx)
	if err != nil {
		return nil, err
	}
	tally := news.NewSourceTally()
	for _, sa := range arts {
		tally.Article(sa.story, sa.article)
	}
	if err := tallyComparisons(ctx, tx, tally, tally.StoriesOfManySources()); err != nil {
		return nil, err
	}
	names, err := sourceNames(ctx, tx)
	if err != nil {
		return nil, err
	}
	return news.NameSummaries(tally.Summaries(), names), nil
}

// storyArticle is an article as the sources' list reads it, and its story.
type storyArticle struct {
	story   string
	article news.Article
}

// sourceArticles reads every article with its story, in the order stored:
// its id, outlet key, source and publication time, and for an article of
// no outlet its title, and the start of its text only when the title
// names nothing (news.Article.NamedByTitle), read by id afterwards.
// Session 40 read 2,000 characters of text of every nameless article, and
// the stories of two or more sources with a GROUP BY over every article:
// on a store of 10,000 nameless articles the list took 0.6 s (a
// benchmark: BenchmarkSourcesOfManyNamelessArticles) and /sources went
// over its 2 s budget under load.
func sourceArticles(ctx context.Context, q Querier) ([]storyArticle, error) {
	var out []storyArticle
	untitled := map[string][]int{} // nameless articles named by their text: where they are in out
	err := each(ctx, q, func(rows Rows) error {
		var sa storyArticle
		var published string
		a := &sa.article
		if err := rows.Scan(&a.ID, &a.OutletKey, &a.Source, &sa.story, &published, &a.DateOnly, &a.Title); err != nil {
			return err
		}
		at, ok := news.ParsePublished(published)
		if !ok {
			return fmt.Errorf("article %s: stored publication time %q is not RFC 3339", a.ID, published)
		}
		a.Published = at
		if a.OutletKey == "" && !a.NamedByTitle() {
			untitled[a.ID] = append(untitled[a.ID], len(out))
		}
		out = append(out, sa)
		return nil
	}, `SELECT a.id, a.outlet, a.source, sa.story_id, a.published, a.published_date_only,
		CASE WHEN a.outlet = '' THEN a.title ELSE '' END FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.seq`)
	if err != nil {
		return nil, err
	}
	ids := slices.Sorted(maps.Keys(untitled))
	for part := range slices.Chunk(ids, maxKeysAQuery) {
		err := each(ctx, q, func(rows Rows) error {
			var id, lead string
			if err := rows.Scan(&id, &lead); err != nil {
				return err
			}
			for _, i := range untitled[id] {
				out[i].article.Text = lead
			}
			return nil
		}, "SELECT id, substr(text, 1, "+leadChars+") FROM articles WHERE id IN ("+marks(1, len(part))+")", anys(part)...)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// tallyComparisons counts in tally the rewrites of the stored comparisons
// of stories (those of two or more sources: the others say nothing about
// rewrites across sources).
func tallyComparisons(ctx context.Context, q Querier, tally *news.SourceTally, stories []string) error {
	slices.Sort(stories)
	for part := range slices.Chunk(stories, maxKeysAQuery) {
		err := each(ctx, q, func(rows Rows) error {
			var story, raw string
			if err := rows.Scan(&story, &raw); err != nil {
				return err
			}
			var c news.Comparison
			if err := json.Unmarshal([]byte(raw), &c); err != nil {
				return fmt.Errorf("stored comparison of story %s: %w", story, err)
			}
			tally.Comparison(story, c)
			return nil
		}, "SELECT id, comparison FROM stories WHERE comparison <> '{}' AND id IN ("+marks(1, len(part))+")", anys(part)...)
		if err != nil {
			return err
		}
	}
	return nil
}

// namelessNaming selects what names an article of no outlet (its title
// and the start of its text: news.Article.SourceLabel), and two empty
// strings for the others, whose outlet names them: the texts of a large
// store are not read for the sources' page.
const namelessNaming = `CASE WHEN a.outlet = '' THEN a.title ELSE '' END,
	CASE WHEN a.outlet = '' THEN substr(a.text, 1, ` + leadChars + `) ELSE '' END`

// leadChars is how much of a nameless article's text is read to name it:
// news.LeadTitle names it by its first sentence, cut to a label of 40
// columns, which the first 2,000 characters hold unless the page opens
// with that much furniture (lines of dates, credits, buttons).
const leadChars = "2000"

// sourceNames lists the outlets with their article counts, by name.
func sourceNames(ctx context.Context, q Querier) ([]news.SourceCount, error) {
	spellings, err := spellingsWhere(ctx, q, "outlet <> ''")
	if err != nil {
		return nil, err
	}
	return news.OutletCounts(spellings), nil
}

// maxKeysAQuery bounds the keys one query of sourceNamesOf names: SQLite
// takes at most 32,766 parameters (and older builds 999); a story's outlets
// are far fewer, so more than one query is for a caller of many.
const maxKeysAQuery = 500

// sourceNamesOf is sourceNames for the outlets of keys alone, read through
// the articles' outlet index rather than the whole table. Each key is asked
// once: a key given twice in two statements' shares would count its
// outlet's articles twice.
func sourceNamesOf(ctx context.Context, q Querier, keys []string) ([]news.SourceCount, error) {
	var spellings []news.OutletSpelling
	for part := range slices.Chunk(slices.Compact(slices.Sorted(slices.Values(keys))), maxKeysAQuery) {
		some, err := spellingsWhere(ctx, q, "outlet IN ("+marks(1, len(part))+")", anys(part)...)
		if err != nil {
			return nil, err
		}
		spellings = append(spellings, some...)
	}
	return news.OutletCounts(spellings), nil
}

// spellingsWhere counts the articles of each outlet key and spelling among
// the articles that where (a condition on articles, of args) selects.
func spellingsWhere(ctx context.Context, q Querier, where string, args ...any) ([]news.OutletSpelling, error) {
	var spellings []news.OutletSpelling
	err := each(ctx, q, func(rows Rows) error {
		var sp news.OutletSpelling
		if err := rows.Scan(&sp.Key, &sp.Name, &sp.Articles); err != nil {
			return err
		}
		spellings = append(spellings, sp)
		return nil
	}, "SELECT outlet, outlet_name, count(*) FROM articles WHERE "+where+" GROUP BY outlet, outlet_name", args...)
	return spellings, err
}

// outletStoryIDs selects the stories with an article of outlet $1, most
// recent news first, at most $2 of them.
const outletStoryIDs = `SELECT s.id FROM stories s WHERE s.id IN (SELECT sa.story_id FROM story_articles sa
	JOIN articles a ON a.id = sa.article_id WHERE a.outlet = coalesce((SELECT al.outlet FROM outlet_aliases al WHERE al.alias = $1), $1)) ORDER BY ` + StoryRecency + ` DESC, s.id LIMIT $2`

// outletStories lists the stories of an outlet (its key), most recent news
// first, at most limit, each with what the outlet did in it according to
// the story's stored comparison; tx should see one moment of the database.
func outletStories(ctx context.Context, tx Querier, key string, limit int) ([]news.OutletStory, error) {
	b := news.NewOutletStoriesBuilder(key)
	err := each(ctx, tx, func(rows Rows) error {
		var st news.StorySummary
		var cmp string
		if err := rows.Scan(&st.ID, &st.Title, &st.TitleDerived, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated, &st.Updating, &cmp); err != nil {
			return err
		}
		return b.Story(st, cmp)
	}, `SELECT s.id, s.title, s.title_derived, s.summary, s.first_published, s.last_published, s.updated_at,
		s.compared_at < s.updated_at, s.comparison FROM stories s WHERE s.id IN (`+outletStoryIDs+`)
		ORDER BY `+StoryRecency+` DESC, s.id`, key, limit)
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, func(rows Rows) error {
		var story, published string
		var a news.StoryArticle
		if err := rows.Scan(&story, &a.ID, &a.Key, &a.Name, &a.Title, &a.Text, &published, &a.DateOnly); err != nil {
			return err
		}
		at, ok := news.ParsePublished(published)
		if !ok {
			return fmt.Errorf("article %s: stored publication time %q is not RFC 3339", a.ID, published)
		}
		a.Published = at
		b.Article(story, a)
		return nil
	}, `SELECT sa.story_id, a.id, a.outlet, a.outlet_name, `+namelessNaming+`, a.published, a.published_date_only FROM story_articles sa
		JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN (`+outletStoryIDs+`) ORDER BY a.seq`, key, limit)
	return b.Stories(), err
}

// each runs a query and calls row for each of its rows, until an error.
func each(ctx context.Context, q Querier, row func(Rows) error, query string, args ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
