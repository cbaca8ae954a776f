package postgres

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/news"
)

// outletStoryIDs selects the stories with an article of outlet $1, most
// recent news first, at most $2 of them.
const outletStoryIDs = `SELECT s.id FROM stories s WHERE s.id IN (SELECT sa.story_id FROM story_articles sa
	JOIN articles a ON a.id = sa.article_id WHERE a.outlet = $1) ORDER BY ` + storyWhen + ` DESC, s.id LIMIT $2`

// OutletStories lists the stories of an outlet (its key), most recent news
// first, at most limit, each with what the outlet did in it according to
// the story's stored comparison.
func (s *Store) OutletStories(ctx context.Context, key string, limit int) ([]news.OutletStory, error) {
	out, err := s.outletStories(ctx, key, limit)
	return out, fail("list stories of outlet", fmt.Sprintf("%s limit %d", key, limit), err)
}

func (s *Store) outletStories(ctx context.Context, key string, limit int) ([]news.OutletStory, error) {
	tx, err := s.ro.BeginTx(ctx, snapshot)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	b := news.NewOutletStoriesBuilder(key)
	rows, err := tx.Query(ctx, `SELECT s.id, s.title, s.summary, s.first_published, s.last_published, s.updated_at,
		s.compared_at < s.updated_at, s.comparison FROM stories s WHERE s.id IN (`+outletStoryIDs+`)
		ORDER BY `+storyWhen+` DESC, s.id`, key, limit)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var st news.StorySummary
		var cmp string
		if err := rows.Scan(&st.ID, &st.Title, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated, &st.Updating, &cmp); err != nil {
			rows.Close()
			return nil, err
		}
		if err := b.Story(st, cmp); err != nil {
			rows.Close()
			return nil, err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.Query(ctx, `SELECT sa.story_id, a.id, a.outlet, a.outlet_name FROM story_articles sa
		JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN (`+outletStoryIDs+`) ORDER BY a.seq`, key, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var story string
		var a news.StoryArticle
		if err := rows.Scan(&story, &a.ID, &a.Key, &a.Name); err != nil {
			return nil, err
		}
		b.Article(story, a)
	}
	return b.Stories(), rows.Err()
}
