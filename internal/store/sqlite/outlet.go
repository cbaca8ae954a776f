package sqlite

import "github.com/storyline-news/storyline/internal/news"

// outletKey is the outlet an article is filed under (news.OutletKey of the
// name it is shown under): the key that lists, filters and the sources page
// group by, so that "NYT" and "nyt" are one outlet.
func outletKey(a news.Article) string { return news.ArticleOutletKey(a.Source, a.URL) }
