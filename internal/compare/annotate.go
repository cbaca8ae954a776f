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
// are empty rather than nil, so that JSON shows []. Numbers are read in the
// article's language (NewNumberReader), and names in other languages than
// English as namesInLanguage keeps them.
func Annotate(a news.Article) Annotation {
	t := a.Text
	mentions := recogniseTitled(a.Title, t)
	lang := articleLang(a)
	ann := Annotation{
		ID:         a.ID,
		Sentences:  []string{},
		Quotes:     quotesOf(t, mentions),
		Entities:   groupMentions(namesInLanguage(lang, t, mentions)),
		Quantities: []Quantity{},
	}
	numbers := NewNumberReader(lang, t)
	for _, p := range strings.Split(t, "\n") {
		for _, s := range text.Sentences(p) {
			ann.Quantities = append(ann.Quantities, numbers.In(s, len(ann.Sentences))...)
			ann.Sentences = append(ann.Sentences, s)
		}
	}
	if ann.Quotes == nil {
		ann.Quotes = []Quote{}
	}
	return ann
}
