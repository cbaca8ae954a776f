package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/storyline-news/storyline/internal/news"
)

// Feed is a parsed RSS, Atom or JSON Feed document.
type Feed struct {
	Title string
	Items []FeedItem
}

// FeedItem is one entry of a feed: the page it links to, and its date.
type FeedItem struct {
	Link      string
	Title     string
	Published time.Time
}

// ParseFeed reads RSS 2.0, Atom and JSON Feed documents (mmcdole/gofeed).
func ParseFeed(body []byte) (Feed, error) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return Feed{}, fmt.Errorf("not a valid feed: %w", err)
	}
	f := Feed{Title: strings.TrimSpace(parsed.Title)}
	for _, it := range parsed.Items {
		item := FeedItem{Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title)}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC()
		}
		if item.Link == "" && strings.HasPrefix(it.GUID, "http") {
			item.Link = it.GUID
		}
		if item.Link != "" {
			f.Items = append(f.Items, item)
		}
	}
	return f, nil
}

// opml is the part of an OPML document that lists feeds.
type opml struct {
	Outlines []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

// ParseOPML returns the feed URLs of an OPML list, folders included.
func ParseOPML(body []byte) ([]string, error) {
	var doc opml
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("not a valid OPML document: %w", err)
	}
	var urls []string
	var visit func([]opmlOutline)
	visit = func(os []opmlOutline) {
		for _, o := range os {
			if o.XMLURL != "" {
				urls = append(urls, o.XMLURL)
			}
			visit(o.Outlines)
		}
	}
	visit(doc.Outlines)
	if len(urls) == 0 {
		return nil, errors.New("OPML document lists no feeds")
	}
	return urls, nil
}

// sniff tells feeds and OPML lists from pages by their content type and
// first bytes.
func sniff(contentType string, body []byte) string {
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 2048)]))
	ct := strings.ToLower(contentType)
	switch {
	case bytes.Contains(head, []byte("<opml")):
		return "opml"
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json"),
		bytes.Contains(head, []byte("<rss")), bytes.Contains(head, []byte("<feed")), bytes.Contains(head, []byte("<rdf:rdf")),
		bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte("jsonfeed.org")):
		return "feed"
	}
	return "page"
}

// feedInputs fetches the page of every item of a feed that is not known yet,
// with the item's date as the page's publication date.
func feedInputs(ctx context.Context, name string, body []byte, fetcher *Fetcher, opt SourceOptions, yield func(Input, error) bool) bool {
	feed, err := ParseFeed(body)
	if err != nil {
		return yield(Input{}, wrap(name, err))
	}
	for _, item := range feed.Items {
		if ctx.Err() != nil {
			return false
		}
		if opt.Known != nil && opt.Known(ctx, item.Link) {
			continue // stored already: the feed added again adds nothing
		}
		in, err := fetchPage(ctx, item.Link, fetcher, opt)
		if err == nil && in.Page != nil && !item.Published.IsZero() {
			in.Page.Published = item.Published
		}
		if !yield(in, wrap(item.Link, err)) {
			return false
		}
	}
	return true
}

// opmlInputs reads every feed an OPML list names.
func opmlInputs(ctx context.Context, name string, body []byte, fetcher *Fetcher, opt SourceOptions, yield func(Input, error) bool) bool {
	urls, err := ParseOPML(body)
	if err != nil {
		return yield(Input{}, wrap(name, err))
	}
	for _, u := range urls {
		if !urlInputs(ctx, u, fetcher, opt, yield) {
			return false
		}
	}
	return true
}

// pageInput makes a page input of a fetched response.
func pageInput(rawURL string, resp Response, opt SourceOptions) Input {
	kind := news.KindHTML
	if opt.ForceText || strings.HasPrefix(strings.ToLower(resp.ContentType), "text/plain") {
		kind = news.KindText
	}
	return Input{Name: rawURL, FromURL: true, Page: &news.Page{ID: URLID(resp.URL), URL: resp.URL, Kind: kind, Body: resp.Body, Fetched: time.Now().UTC()}}
}
