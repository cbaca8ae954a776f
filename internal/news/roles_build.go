package news

import (
	"encoding/json"
	"fmt"
)

// OutletStoriesBuilder turns a store's rows into an outlet's stories: the
// stories (most recent news first) with their stored comparisons, then
// their articles in the order they joined. Every backend builds alike.
type OutletStoriesBuilder struct {
	key     string
	stories []StorySummary
	cmps    []rolesComparison
	at      map[string]int
	arts    map[string][]StoryArticle
	seen    map[string]map[string]bool // story -> outlet keys listed
}

// rolesComparison is the part of a stored comparison that roles read.
type rolesComparison struct {
	Timeline    []TimelineEntry     `json:"timeline"`
	Unique      map[string][]string `json:"unique"`
	Facts       []Fact              `json:"facts"` // those of one outlet's reports alone are its own (RolesOf)
	Derivations []Derivation        `json:"derivations"`
}

// NewOutletStoriesBuilder starts the stories of the outlet of key.
func NewOutletStoriesBuilder(key string) *OutletStoriesBuilder {
	return &OutletStoriesBuilder{key: key, at: map[string]int{}, arts: map[string][]StoryArticle{}, seen: map[string]map[string]bool{}}
}

// Story adds a story with its stored comparison (JSON).
func (b *OutletStoriesBuilder) Story(sum StorySummary, comparison string) error {
	var c rolesComparison
	if err := json.Unmarshal([]byte(comparison), &c); err != nil {
		return fmt.Errorf("stored comparison of story %s: %w", sum.ID, err)
	}
	sum.Sources = []string{}
	b.at[sum.ID] = len(b.stories)
	b.stories = append(b.stories, sum)
	b.cmps = append(b.cmps, c)
	return nil
}

// Article adds an article of one of the stories, in the order they joined.
func (b *OutletStoriesBuilder) Article(story string, a StoryArticle) {
	i, ok := b.at[story]
	if !ok {
		return
	}
	b.arts[story] = append(b.arts[story], a)
	st := &b.stories[i]
	st.Articles++
	if b.seen[story] == nil {
		b.seen[story] = map[string]bool{}
	}
	if !b.seen[story][a.Key] && a.Name != UnknownOutlet {
		b.seen[story][a.Key] = true
		st.Sources = append(st.Sources, a.Name)
	}
}

// Stories are the outlet's stories with what it did in each.
func (b *OutletStoriesBuilder) Stories() []OutletStory {
	out := make([]OutletStory, len(b.stories))
	for i, st := range b.stories {
		c := b.cmps[i]
		out[i] = RolesOf(b.key, st, b.arts[st.ID], Comparison{Timeline: c.Timeline, Unique: c.Unique, Facts: c.Facts, Derivations: c.Derivations})
	}
	return out
}
