package extract

import (
	"fmt"
	"slices"

	"github.com/storyline-news/storyline/internal/news"
)

// ReadAsKind returns a copy of m that reads every HTML page as a page of
// this kind (one of news.PageKinds) whatever its kind classifiers call it:
// the kind's block threshold and the rules gated by the kind (the item-run
// fill, an article's empty-body check, the first copies, side matter,
// other items' cards, forum signatures) follow it, and the article carries
// it as its Kind. The article probability the rules also read (the
// item-run fill of a page called an article without being sure of it)
// stays the classifiers', so that only the call changes. A measurement
// only: given each page's gold kind it bounds what a right kind call is
// worth under today's decoding (eval extract --gold-kind). Text dumps,
// whose line features read the kind probabilities, are read as before.
func (m *Model) ReadAsKind(kind string) (*Model, error) {
	if !slices.Contains(news.PageKinds(), kind) {
		return nil, fmt.Errorf("page kind %q is not one of %v", kind, news.PageKinds())
	}
	c := *m
	c.givenKind = kind
	return &c, nil
}
