package compare

import (
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Annotation is what storyline reads in one article: its sentences, direct
// quotes with their speakers, people, places and organisations with their
// mentions, and quantities. Offsets are bytes of the article's text.
type Annotation struct {
	ID         string     `json:"id"`
	Sentences  []string   `json:"sentences"`
	Quotes     []Quote    `json:"quotes"`
	Entities   []Entity   `json:"entities"`
	Quantities []Quantity `json:"quantities"`
}

// Annotate reads one article with the default entity recogniser. Its lists
// are empty rather than nil, so that JSON shows [].
func Annotate(a news.Article) Annotation {
	t := a.Text
	mentions := recogniseTitled(a.Title, t)
	ann := Annotation{
		ID:         a.ID,
		Sentences:  []string{},
		Quotes:     quotesOf(t, mentions),
		Entities:   groupMentions(mentions),
		Quantities: []Quantity{},
	}
	for _, p := range strings.Split(t, "\n") {
		for _, s := range text.Sentences(p) {
			ann.Quantities = append(ann.Quantities, QuantitiesIn(s, len(ann.Sentences))...)
			ann.Sentences = append(ann.Sentences, s)
		}
	}
	if ann.Quotes == nil {
		ann.Quotes = []Quote{}
	}
	return ann
}
