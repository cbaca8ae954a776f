package news

import (
	"sort"
	"strings"
	"time"
	"unicode"
)

// SearchTerm is one thing a search query asks for: a word, a phrase (the
// words in a row, as typed between double quotes, or a token such as
// "U.S." that splits into several words), or a prefix (a word typed with a
// final '*', "emerg*"). Words are lower case, letters and digits only.
type SearchTerm struct {
	Words  []string
	Prefix bool // the last word is a prefix
	Quoted bool // typed between double quotes
	// Raw is the term as typed (without its quotes): a store whose index
	// splits text its own way (PostgreSQL keeps "U.S." and "3.5" whole)
	// reads it rather than Words.
	Raw string
}

// MaxSearchTerms is how many words, phrases and prefixes a query may ask
// for: each is one more index lookup, and a query of thousands ran until
// its timeout (30,000 words: 2-4 s of CPU). Queries people type have a
// handful.
const MaxSearchTerms = 32

// MinPrefix is the shortest prefix a query may ask for: "e*" would match
// most of the index, while three letters already narrow it to a few
// hundred words of an English vocabulary.
const MinPrefix = 3

// ParseSearch reads what a user types into terms, all of which an article
// must match: text between double quotes is a phrase (an unclosed quote
// runs to the end), a word ending in '*' a prefix (shorter than MinPrefix
// it is taken as a word), anything else a word. Punctuation separates
// words and is otherwise ignored, so no input is an error.
func ParseSearch(q string) []SearchTerm {
	var out []SearchTerm
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 { // between quotes
			if w := searchWords(part); len(w) > 0 {
				out = append(out, SearchTerm{Words: w, Quoted: true, Raw: part})
			}
			continue
		}
		for _, tok := range strings.Fields(part) {
			w := searchWords(tok)
			if len(w) == 0 {
				continue
			}
			prefix := strings.HasSuffix(tok, "*") && len(w) == 1 && len([]rune(w[0])) >= MinPrefix
			out = append(out, SearchTerm{Words: w, Prefix: prefix, Raw: tok})
		}
	}
	return out
}

// searchWords splits s into lower-case runs of letters and digits, as the
// stores' full-text indexes split text.
func searchWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Typed writes the term back as it was typed, so that parsing it again
// gives the same term, Raw included.
func (t SearchTerm) Typed() string {
	switch {
	case t.Raw == "":
		return t.String()
	case t.Quoted:
		return `"` + t.Raw + `"`
	}
	return t.Raw
}

// String writes the term back as a query would say it.
func (t SearchTerm) String() string {
	s := strings.Join(t.Words, " ")
	switch {
	case t.Quoted || len(t.Words) > 1:
		return `"` + s + `"`
	case t.Prefix:
		return s + "*"
	}
	return s
}

// SearchQuery asks for the stories whose articles match a full-text query.
type SearchQuery struct {
	Q string
	// Source keeps articles of this outlet only (any spelling: OutletKey).
	Source string
	// From (inclusive) and Until (exclusive) keep articles published in
	// that range; an undated article is outside any range.
	From, Until time.Time
	Limit       int // stories a page, default 20
	Offset      int
	// PerStory is how many matching articles each story shows, default 3.
	PerStory int
	// MaxArticles bounds the matching articles read, default (and at
	// most) MaxSearchArticles.
	MaxArticles int
}

// Cap is how many matching articles the search reads.
func (q SearchQuery) Cap() int {
	if q.MaxArticles <= 0 || q.MaxArticles > MaxSearchArticles {
		return MaxSearchArticles
	}
	return q.MaxArticles
}

// StoryHits is a story that matches a search, with its best matching
// articles, best first.
type StoryHits struct {
	StoryID      string      `json:"story"`
	Title        string      `json:"title"`
	TitleDerived bool        `json:"title_derived,omitempty"` // as StorySummary's
	Matches      int         `json:"matches"`                 // matching articles of the story
	Rank         float64     `json:"rank"`                    // its best article's rank, lower is better
	Hits         []SearchHit `json:"articles"`
}

// SearchResult is a page of stories that match a search.
type SearchResult struct {
	Stories []StoryHits `json:"stories"`
	// Total counts the matching stories and Articles the matching articles,
	// among the articles considered (all of them unless Cut).
	Total    int `json:"total"`
	Articles int `json:"articles"`
	// Cut says that more articles matched than a search reads
	// (MaxSearchArticles): only the most recently stored were considered.
	Cut bool `json:"cut"`
}

// MaxSearchArticles bounds how many matching articles one search reads and
// ranks: a query as broad as a common word would otherwise rank the whole
// index for every page. 5,000 articles rank in well under a second on
// either store; beyond that the user is asked to narrow the query.
const MaxSearchArticles = 5000

// RankStoryHits orders matching stories best first (lowest rank; ties by
// more matches, then id) and returns the page [offset, offset+limit).
func RankStoryHits(groups map[string]*StoryHits, offset, limit int) []StoryHits {
	all := make([]StoryHits, 0, len(groups))
	for _, g := range groups {
		all = append(all, *g)
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		if a.Matches != b.Matches {
			return a.Matches > b.Matches
		}
		return a.StoryID < b.StoryID
	})
	if offset >= len(all) {
		return nil
	}
	return all[offset:min(len(all), offset+limit)]
}
