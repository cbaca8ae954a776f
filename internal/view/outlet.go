package view

import "github.com/storyline-news/storyline/internal/news"

// Outlet is an outlet's page: its summary, the page of its stories shown,
// and how many of its stories (among those read) it played each role in.
type Outlet struct {
	Summary news.SourceSummary      `json:"source"`
	Stories []news.OutletStory      `json:"stories"`
	Roles   map[news.OutletRole]int `json:"roles"`
	// Cut says that the outlet has more stories than a page reads
	// (news.MaxOutletStories): the roles count the most recent.
	Cut bool `json:"cut"`
}

// NewOutletStory says what the outlet of key did in story d.
func NewOutletStory(sum news.StorySummary, d news.StoryDetail, key string) news.OutletStory {
	arts := make([]news.StoryArticle, len(d.Articles))
	for i, a := range d.Articles {
		arts[i] = news.StoryArticle{ID: a.ID, Key: news.ArticleOutletKey(a.Source, a.URL), Name: news.OutletName(a.Source, a.URL)}
	}
	return news.RolesOf(key, sum, arts, d.Comparison)
}
