package news

import "time"

// StoryQuery selects stories. Zero fields do not filter.
type StoryQuery struct {
	Q     string        // full-text query over the stories' articles
	Since time.Duration // published within this long before Now (a story with no date: stored within it)
	Now   time.Time
	// From (inclusive) and Until (exclusive) keep the stories whose
	// publication span (first to last dated article; the time stored for a
	// story with no date) meets the range. Zero ends are open.
	From, Until time.Time
	Source      string // only stories with an article from this outlet (any spelling: OutletKey)
	// ByPublished lists the most recent news first (last publication time)
	// instead of the most recently updated stories first; the stories
	// with no date come after the dated ones, by the time they were stored.
	ByPublished bool
	Limit       int // default 50
	Offset      int
}

// Undated reports whether no article of the story gives a publication
// date: lists by publication place it after the dated stories, by the
// time it was stored, and say so.
func (s StorySummary) Undated() bool { return s.FirstPublished == "" && s.LastPublished == "" }

// SearchHit is an article matching a full-text query.
type SearchHit struct {
	ArticleID string  `json:"article"`
	StoryID   string  `json:"story"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published string  `json:"published"`
	Snippet   string  `json:"snippet"`      // plain text around the match
	Marked    string  `json:"snippet_html"` // the same, HTML-escaped, matches in <mark>
	Rank      float64 `json:"rank"`         // BM25, lower is better
}

// SourceCount is an outlet and how many articles it has.
type SourceCount struct {
	Source   string // the name it is shown under
	Key      string // its OutletKey, which filters and links use
	Articles int
}

// FeedState is how a polled feed is doing.
type FeedState struct {
	URL          string        `json:"url"`
	Title        string        `json:"title"`
	ETag         string        `json:"-"`
	LastModified string        `json:"-"`
	LastChecked  time.Time     `json:"last_checked,omitzero"` // absent before the first check
	LastSuccess  time.Time     `json:"last_success,omitzero"` // absent while the feed was never read
	LastError    string        `json:"last_error"`
	Interval     time.Duration `json:"-"`
	IntervalS    int           `json:"interval_seconds"`
	NextCheck    time.Time     `json:"next_check"`
	ItemsAdded   int           `json:"items_added"`
}

// ComparisonRecord is a story's comparison with the title and summary drawn
// from it, and the version of the story it was made for.
type ComparisonRecord struct {
	StoryID, Title, Summary string
	// TitleDerived says that Title was made from the story's lead
	// (news.LeadTitle) because none of its articles has a title.
	TitleDerived bool
	Comparison   Comparison
	// Version is the story's version (Store.StoryVersion) read before its
	// articles were: an article added while they were compared leaves the
	// story stale. Empty means the story's current version.
	Version string
	// Outlets are the keys the compared articles' outlets were filed
	// under, by article id (Article.OutletKey), when a store read them;
	// nil otherwise. An alias set or removed while they were compared
	// files an article elsewhere without changing the story's version:
	// a store that finds an article filed otherwise when it saves the
	// record stores it but leaves the story stale.
	Outlets map[string]string
}

// Assigned is a stored article with its story: what restores a clusterer.
type Assigned struct {
	Article Article
	StoryID string
}
