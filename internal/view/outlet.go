package view

import (
	"slices"

	"github.com/storyline-news/storyline/internal/news"
)

// Outlet is an outlet's page: its summary and a page of its stories.
type Outlet struct {
	Summary news.SourceSummary `json:"source"`
	Stories []OutletStory      `json:"stories"`
}

// OutletStory is what an outlet did in one story: whether it reported
// first, whom it rewrote and who rewrote it, and the claims no other
// outlet of the story makes.
type OutletStory struct {
	Story       news.StorySummary `json:"story"`
	Articles    []string          `json:"articles"` // the outlet's articles in the story
	First       bool              `json:"first"`    // its article opens the timeline of a story of 2+ outlets
	Rewrote     []string          `json:"rewrote"`  // outlets whose articles it copied or rewrote
	RewrittenBy []string          `json:"rewritten_by"`
	Unique      []string          `json:"unique"`       // its own claims, most informative first, at most UniqueShown
	UniqueCount int               `json:"unique_count"` // all of them
}

// UniqueShown is how many of an outlet's own claims a story of its page
// lists: the most informative few, the rest counted.
const UniqueShown = 3

// NewOutletStory says what the outlet of key did in story d.
func NewOutletStory(sum news.StorySummary, d news.StoryDetail, key string) OutletStory {
	o := OutletStory{Story: sum, Articles: []string{}, Rewrote: []string{}, RewrittenBy: []string{}, Unique: []string{}}
	outletOf := map[string]string{} // article -> outlet key
	nameOf := map[string]string{}   // article -> outlet name
	for _, a := range d.Articles {
		outletOf[a.ID] = news.ArticleOutletKey(a.Source, a.URL)
		nameOf[a.ID] = news.OutletName(a.Source, a.URL)
		if outletOf[a.ID] == key {
			o.Articles = append(o.Articles, a.ID)
		}
	}
	outlets := map[string]bool{}
	for _, k := range outletOf {
		outlets[k] = true
	}
	if len(outlets) > 1 {
		for _, e := range d.Timeline {
			if e.First {
				o.First = outletOf[e.Article] == key
				break
			}
		}
	}
	for _, dv := range d.Derivations {
		from, to := outletOf[dv.From], outletOf[dv.To]
		if dv.Tied || from == to {
			continue
		}
		if to == key && !slices.Contains(o.Rewrote, nameOf[dv.From]) {
			o.Rewrote = append(o.Rewrote, nameOf[dv.From])
		}
		if from == key && !slices.Contains(o.RewrittenBy, nameOf[dv.To]) {
			o.RewrittenBy = append(o.RewrittenBy, nameOf[dv.To])
		}
	}
	for _, id := range o.Articles {
		claims := d.Unique[id]
		o.UniqueCount += len(claims)
		for _, c := range claims {
			if len(o.Unique) < UniqueShown {
				o.Unique = append(o.Unique, c)
			}
		}
	}
	return o
}
