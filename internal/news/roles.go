package news

import (
	"slices"
	"time"
)

// OutletStory is what an outlet did in one story: whether it reported
// first, whom it rewrote and who rewrote it, and the claims no other
// outlet of the story makes.
type OutletStory struct {
	Story       StorySummary `json:"story"`
	Articles    []string     `json:"articles"` // the outlet's articles in the story
	First       bool         `json:"first"`    // its article opens the timeline of a story of 2+ outlets
	Rewrote     []string     `json:"rewrote"`  // outlets whose articles it copied or rewrote
	RewrittenBy []string     `json:"rewritten_by"`
	Unique      []string     `json:"unique"`       // its own claims, most informative first, at most UniqueListed
	UniqueCount int          `json:"unique_count"` // all of them
}

// UniqueListed is how many of an outlet's own claims in a story its page
// lists: the most informative few; the rest are counted.
const UniqueListed = 3

// StoryArticle is an article of a story as roles see it: its id, and the
// key and name of its outlet; for an article of no outlet (Key "") its
// title, the start of its text and its publication time, which name it
// as the story page does (NamelessLabels).
type StoryArticle struct {
	ID, Key, Name string
	Title, Text   string
	Published     time.Time
	DateOnly      bool // Published is a date alone (Article.DateOnly)
}

// outlet is the key that tells the article's outlet from the story's
// others: its outlet's key, or for an article of no outlet one of its own
// (namelessKey), as the story page counts it.
func (a StoryArticle) outlet() string {
	if a.Key == "" {
		return namelessKey(a.ID)
	}
	return a.Key
}

// storyNames names each article's outlet where an outlet's page lists whom
// it rewrote and who rewrote it: by its outlet's name, and an article of
// no outlet as the story page names it (NamelessLabels: its headline,
// else the start of its text, else its id), never "(unknown outlet)".
func storyNames(arts []StoryArticle) map[string]string {
	names := make(map[string]string, len(arts))
	var nameless []Article
	for _, a := range arts {
		if a.Key != "" {
			names[a.ID] = a.Name
		} else {
			nameless = append(nameless, Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, DateOnly: a.DateOnly})
		}
	}
	for id, label := range NamelessLabels(nameless) {
		names[id] = label
	}
	return names
}

// RolesOf says what the outlet of key did in a story, from the story's
// articles (in the order they joined) and its stored comparison. A tied
// derivation (times that do not tell who copied whom) is nobody's rewrite;
// a story of one outlet has no first report and no claims of its own.
func RolesOf(key string, sum StorySummary, arts []StoryArticle, c Comparison) OutletStory {
	o := OutletStory{Story: sum, Articles: []string{}, Rewrote: []string{}, RewrittenBy: []string{}, Unique: []string{}}
	outletOf, nameOf := map[string]string{}, storyNames(arts)
	outlets := map[string]bool{}
	for _, a := range arts {
		outletOf[a.ID] = a.outlet()
		outlets[a.outlet()] = true
		if a.Key == key {
			o.Articles = append(o.Articles, a.ID)
		}
	}
	if len(outlets) > 1 {
		for _, e := range c.Timeline {
			if e.First {
				o.First = outletOf[e.Article] == key
				break
			}
		}
	}
	for _, d := range c.Derivations {
		from, to := outletOf[d.From], outletOf[d.To]
		if d.Tied || from == to {
			continue
		}
		if to == key && !slices.Contains(o.Rewrote, nameOf[d.From]) {
			o.Rewrote = append(o.Rewrote, nameOf[d.From])
		}
		if from == key && !slices.Contains(o.RewrittenBy, nameOf[d.To]) {
			o.RewrittenBy = append(o.RewrittenBy, nameOf[d.To])
		}
	}
	if len(outlets) < 2 {
		return o // alone in its story: nothing it says is its own against others
	}
	var claims []string
	for _, id := range o.Articles {
		claims = append(claims, c.Unique[id]...)
	}
	claims = append(claims, ownFacts(key, c, outletOf)...)
	o.UniqueCount = len(claims)
	o.Unique = append([]string{}, claims[:min(len(claims), UniqueListed)]...)
	return o
}

// ownFacts are the facts that only articles of the outlet of key state
// (several of its reports, OutletCount 1), which are its own claims as
// much as what one of its articles alone says; outletOf maps an article
// to its outlet's key.
func ownFacts(key string, c Comparison, outletOf map[string]string) []string {
	var out []string
	for _, f := range append(slices.Clone(c.Facts), c.OutletFacts...) {
		if len(f.Articles) > 0 && outletOf[f.Articles[0]] == key && OutletCount(f.Articles, outletOf) == 1 {
			out = append(out, f.Text)
		}
	}
	return out
}

// OutletRole selects an outlet's stories by what it did in them.
type OutletRole string

const (
	RoleAny         OutletRole = ""
	RoleFirst       OutletRole = "first"     // it reported first
	RoleRewrote     OutletRole = "rewrote"   // it copied or rewrote another outlet
	RoleRewrittenBy OutletRole = "rewritten" // another outlet copied or rewrote it
	RoleUnique      OutletRole = "unique"    // it makes claims no other outlet makes
)

// Has reports whether the outlet played role r in the story.
func (o OutletStory) Has(r OutletRole) bool {
	switch r {
	case RoleFirst:
		return o.First
	case RoleRewrote:
		return len(o.Rewrote) > 0
	case RoleRewrittenBy:
		return len(o.RewrittenBy) > 0
	case RoleUnique:
		return o.UniqueCount > 0
	}
	return true
}

// MaxOutletStories bounds how many of an outlet's stories (the most recent
// news) its page reads with their comparisons: an outlet of a large archive
// has thousands, and each comparison is read whole.
const MaxOutletStories = 2000
