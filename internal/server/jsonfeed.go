package server

import (
	"net/http"
)

// jsonFeed is a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description"`
	Authors     []jsonAuthor   `json:"authors"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	ContentText   string   `json:"content_text"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published,omitempty"`
	DateModified  string   `json:"date_modified,omitempty"`
	Tags          []string `json:"tags,omitempty"`
	// Storyline is the item's extension (JSON Feed's "_" objects): the
	// outlets, article count and first report as data.
	Storyline jsonFeedStory `json:"_storyline"`
}

type jsonFeedStory struct {
	Story       string   `json:"story"`
	Articles    int      `json:"articles"`
	Sources     []string `json:"sources"`
	FirstReport *struct {
		Source    string `json:"source"`
		Published string `json:"published,omitempty"`
	} `json:"first_report,omitempty"`
}

// jsonFeedVersion is the version URL JSON Feed 1.1 readers check.
const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

// jsonFeedHandler serves the Atom feed's stories, with the same filters, as
// a JSON Feed 1.1: content_text is the Atom summary, summary the lead, and
// _storyline the outlets and first report as fields.
func (s *Server) jsonFeedHandler(w http.ResponseWriter, r *http.Request) {
	f, err := s.feedFilter(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	items, err := s.feedItems(r.Context(), f)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	base, host := s.publicBase()
	feed := jsonFeed{
		Version:     jsonFeedVersion,
		Title:       feedTitle(f),
		HomePageURL: base + "/",
		FeedURL:     feedSelf(base, "/feed.json", r),
		Description: "Each news story once, with what every outlet says about it.",
		Authors:     []jsonAuthor{{Name: "storyline"}},
		Items:       make([]jsonFeedItem, 0, len(items)),
	}
	for _, it := range items {
		item := jsonFeedItem{
			ID:            "tag:storyline:" + host + ":story:" + it.ID,
			URL:           it.Link,
			Title:         it.Title,
			ContentText:   it.Text(),
			Summary:       it.Lead,
			DatePublished: it.Published,
			DateModified:  it.Updated,
			Tags:          it.Sources,
			Storyline:     jsonFeedStory{Story: it.ID, Articles: it.Articles, Sources: it.Sources},
		}
		if item.Storyline.Sources == nil {
			item.Storyline.Sources = []string{}
		}
		if it.FirstSource != "" {
			item.Storyline.FirstReport = &struct {
				Source    string `json:"source"`
				Published string `json:"published,omitempty"`
			}{it.FirstSource, it.FirstAt}
		}
		feed.Items = append(feed.Items, item)
	}
	w.Header().Set("Content-Type", "application/feed+json; charset=utf-8")
	s.writeJSON(w, http.StatusOK, feed)
}
