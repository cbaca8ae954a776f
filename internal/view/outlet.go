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
