package source

import (
	"fmt"
	"iter"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// Given gives the inputs of seq the outlet and address a user named
// (storyline add and extract --source, --url) where the inputs carry
// none:
//
//   - a page read from a file or the standard input (or a JSONL line's
//     html or raw_text) takes source as its outlet, which wins over the
//     name extraction would find in the page, unless its JSONL line named
//     one; and url as its address when it has none (a page's own
//     canonical link still wins when extracted);
//   - an article of JSONL takes source and url only where its line has
//     none;
//   - pages fetched from the web or read from a web archive, and a feed's
//     items, carry their own address and are left as they are.
//
// An address names one page: the first input given url keeps it, and any
// further input it would go to is yielded as a *news.InputError naming
// both, as two articles at one address would be stored as one.
func Given(seq iter.Seq2[news.Input, error], source, url string) iter.Seq2[news.Input, error] {
	source = strings.TrimSpace(source)
	if source == "" && url == "" {
		return seq
	}
	return func(yield func(news.Input, error) bool) {
		urlTo := "" // the input url was given to
		for in, err := range seq {
			if err == nil {
				err = give(&in, source, url, &urlTo)
			}
			if err != nil {
				in = news.Input{}
			}
			if !yield(in, err) {
				return
			}
		}
	}
}

// give fills one input's outlet and address (Given), recording in urlTo
// the input the address went to.
func give(in *news.Input, source, url string, urlTo *string) error {
	var src, addr *string
	switch {
	case in.FromURL || in.Fetch != nil:
		return nil
	case in.Page != nil:
		src, addr = &in.Page.Source, &in.Page.URL
	case in.Article != nil:
		src, addr = &in.Article.Source, &in.Article.URL
	default:
		return nil
	}
	if url != "" && *addr == "" {
		if *urlTo != "" {
			return &news.InputError{Name: in.Name, Err: fmt.Errorf("--url names one page, and %s has it already: give each page's address in a run of its own", *urlTo)}
		}
		*urlTo, *addr = in.Name, url
	}
	if source != "" && strings.TrimSpace(*src) == "" {
		*src = source
	}
	return nil
}
