// Package extract turns a raw Page into an Article: title, byline, publication
// date, site, language, canonical URL and the main text as paragraphs. It reads
// HTML documents and plain-text dumps of whole pages (one block per line, as in
// Common Crawl WET records or text copied from a browser). It does no I/O.
package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// MaxPageBytes is the largest page Extract reads; larger pages are refused so
// that memory stays bounded.
const MaxPageBytes = 32 << 20

// ErrNoContent is returned when a page holds no article text.
var ErrNoContent = errors.New("no article text found")

// Extract reads the page according to its kind and returns its article. The
// article's ID, URL and publication date default to the page's own.
func Extract(p news.Page) (news.Article, error) {
	if len(p.Body) > MaxPageBytes {
		return news.Article{}, fmt.Errorf("page is %d bytes, more than the %d this extractor reads", len(p.Body), MaxPageBytes)
	}
	var (
		a   news.Article
		err error
	)
	switch p.Kind {
	case news.KindHTML:
		a, err = HTML(p.Body, p.URL)
	case news.KindText:
		a, err = Text(p.Body, p.URL)
	default:
		return news.Article{}, fmt.Errorf("unknown page kind %q", p.Kind)
	}
	if err != nil {
		return news.Article{}, err
	}
	a.ID = p.ID
	if a.URL == "" {
		a.URL = p.URL
	}
	if !p.Published.IsZero() {
		a.Published = p.Published
	}
	if a.Source == "" {
		a.Source = Host(a.URL)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, ErrNoContent
	}
	return a, nil
}

// Host returns the host of a URL without "www.", or "" when there is none.
func Host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// joinParagraphs builds an article text: paragraphs separated by blank lines.
func joinParagraphs(ps []string) string {
	return strings.Join(ps, "\n\n")
}

// resolve makes ref absolute against base; "" when either does not parse.
func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	return b.ResolveReference(r).String()
}
