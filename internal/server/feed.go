package server

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/text"
)

// atomFeed is the part of RFC 4287 the story feed uses.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Link       atomLink       `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// feedEntries is how many stories a feed carries unless its limit says
// fewer (at most maxFeedEntries).
const (
	feedEntries    = 100
	maxFeedEntries = 500
)

// feedItem is one story as both feeds show it.
type feedItem struct {
	ID, Title, Link      string
	Lead                 string // the story's lead shared fact, else its first article's first sentence
	Sources              []string
	Articles             int
	FirstSource, FirstAt string // the first report, when the comparison names one; FirstAt RFC 3339 or ""
	Published, Updated   string // RFC 3339 or ""
}

// Text is the item's summary as plain text: the lead, the outlets, the
// first report.
func (it feedItem) Text() string {
	var b strings.Builder
	if it.Lead != "" {
		b.WriteString(it.Lead + "\n\n")
	}
	fmt.Fprintf(&b, "%d article", it.Articles)
	if it.Articles != 1 {
		b.WriteString("s")
	}
	if len(it.Sources) > 0 {
		b.WriteString(" from " + strings.Join(it.Sources, ", "))
	}
	b.WriteString(".")
	if it.FirstSource != "" {
		b.WriteString("\nFirst report: " + it.FirstSource)
		if it.FirstAt != "" {
			b.WriteString(", " + it.FirstAt)
		}
		b.WriteString(".")
	}
	return b.String()
}

// feedFilter is what a feed's query string asks for.
type feedFilter struct {
	query news.StoryQuery
	span  read.PublishedRange
}

// feedFilter reads a feed's q (the story search's full-text query), source
// (an outlet), since and until (publication time: RFC 3339 or YYYY-MM-DD,
// until's day included; since may also be a duration such as 7d back from
// now) and limit.
func (s *Server) feedFilter(r *http.Request) (feedFilter, error) {
	v := r.URL.Query()
	if err := onlyTakes(r, feedTakes); err != nil {
		return feedFilter{}, err
	}
	f := feedFilter{query: news.StoryQuery{Q: strings.TrimSpace(v.Get("q")), Source: strings.TrimSpace(v.Get("source")), Now: s.now(), Limit: feedEntries}}
	if raw := v.Get("since"); raw != "" {
		t, err := feedTime(raw, s.now(), false)
		if err != nil {
			return f, &badRequest{fmt.Sprintf("since %q: %v, or a duration back from now (36h, 7d)", raw, err)}
		}
		f.span.From = t
	}
	if raw := v.Get("until"); raw != "" {
		t, err := feedTime(raw, s.now(), true)
		if err != nil {
			return f, &badRequest{fmt.Sprintf("until %q: %v", raw, err)}
		}
		f.span.Until = t
	}
	if !f.span.From.IsZero() && !f.span.Until.IsZero() && !f.span.From.Before(f.span.Until) {
		return f, &badRequest{fmt.Sprintf("since %q is not before until %q: the range holds no time", v.Get("since"), v.Get("until"))}
	}
	if raw := v.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > maxFeedEntries {
			return f, &badRequest{fmt.Sprintf("limit %q must be a whole number from 1 to %d", raw, maxFeedEntries)}
		}
		f.query.Limit = n
	}
	return f, nil
}

// errFeedTime is what a since or until that is no time says it should be.
var errFeedTime = errors.New("not a time: give RFC 3339 (2026-11-16T09:00:00Z) or a day (2026-11-16)")

// feedTime reads a date filter: RFC 3339, or a day (for until, the end of
// that day, so that until=2026-11-16 includes the 16th); a duration such as
// 36h or 7d counts back from now.
func feedTime(raw string, now time.Time, endOfDay bool) (time.Time, error) {
	raw = strings.TrimSpace(raw)
	if t, err := time.Parse(time.RFC3339, raw); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse("2006-01-02", raw); err == nil {
		if endOfDay {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil && strings.HasSuffix(raw, "d") {
		var days int
		if days, err = strconv.Atoi(strings.TrimSuffix(raw, "d")); err == nil {
			if days > maxDays {
				return time.Time{}, errFeedTime
			}
			d = time.Duration(days) * 24 * time.Hour
		}
	}
	if err != nil || d < 0 || d > maxDays*24*time.Hour {
		return time.Time{}, errFeedTime
	}
	return now.Add(-d).UTC(), nil
}

// maxDays is the longest span a since value may give (as days or hours):
// a day count beyond about 106,000 overflows a time.Duration and wrapped to
// a time in the future or centuries back; no news archive reaches back a
// hundred years of web pages.
const maxDays = 100 * 365

// feedItems lists the stories a feed request asks for, each with its
// summary.
func (s *Server) feedItems(ctx context.Context, f feedFilter) ([]feedItem, error) {
	list, err := bounded(s, ctx, &queryTimeout{"the feed", feedTakes}, func(ctx context.Context) ([]news.StorySummary, error) {
		return s.read.StoriesPublished(ctx, f.query, f.span)
	})
	if err != nil {
		return nil, err
	}
	base, _ := s.publicBase()
	items := make([]feedItem, 0, len(list))
	for _, st := range list {
		it := feedItem{ID: st.ID, Title: st.Title, Link: base + "/stories/" + url.PathEscape(st.ID), Lead: st.Summary,
			Sources: st.Sources, Articles: st.Articles, Published: atomTime(st.FirstPublished, ""), Updated: atomTime(st.Updated, "")}
		if err := s.addFirstReport(ctx, &it); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// addFirstReport fills in the story's first report, and its lead when the
// list has none (a story not compared yet): the first sentence of its first
// article. A story gone since the list was read keeps what the list said.
func (s *Server) addFirstReport(ctx context.Context, it *feedItem) error {
	d, err := s.read.Story(ctx, it.ID)
	var merged *news.MergedError
	if errors.Is(err, news.ErrNotFound) || errors.As(err, &merged) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("summarise story %s: %w", it.ID, err)
	}
	if it.Lead == "" {
		it.Lead = leadSentence(d)
	}
	for _, t := range d.Timeline {
		if !t.First {
			continue
		}
		it.FirstSource, it.FirstAt = t.Source, atomTime(t.Published, "")
		for _, a := range d.Articles {
			if a.ID == t.Article {
				if it.FirstSource == "" {
					it.FirstSource = a.Source
				}
				if it.FirstAt == "" && !a.Published.IsZero() {
					it.FirstAt = a.Published.UTC().Format(time.RFC3339)
				}
			}
		}
		break
	}
	return nil
}

// leadSentence is the first sentence of a story's first article (in the
// order of its timeline, else as stored).
func leadSentence(d news.StoryDetail) string {
	arts := d.Articles
	for _, t := range d.Timeline {
		for _, a := range d.Articles {
			if a.ID == t.Article {
				arts = append([]news.Article{a}, arts...)
				break
			}
		}
		break
	}
	for _, a := range arts {
		if ps := a.Paragraphs(); len(ps) > 0 {
			if ss := text.Sentences(ps[0]); len(ss) > 0 {
				return ss[0]
			}
		}
	}
	return ""
}

// feedSelf is the feed's own address with the filters it was asked for.
func feedSelf(base, path string, r *http.Request) string {
	v := url.Values{}
	for _, k := range []string{"q", "source", "since", "until", "limit"} {
		if x := r.URL.Query().Get(k); x != "" {
			v.Set(k, x)
		}
	}
	if len(v) == 0 {
		return base + path
	}
	return base + path + "?" + v.Encode()
}

// feedIDYear is the date part of the feed's tag URI (RFC 4151). An Atom
// feed's id is permanent, so it is the year the feed first had this id
// (2026), not the year it is read in: feeds read in 2026 keep their id.
const feedIDYear = "2026"

// feed serves the stories as an Atom feed, most recently updated first: one
// entry per story whose updated time moves when a source joins it, so that a
// feed reader shows each event once and brings it back when it grows. The
// query string filters it as the story search does (q, source) and by
// publication time (since, until).
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	f, err := s.feedFilter(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	items, err := s.feedItems(r.Context(), f)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	base, host := s.publicBase()
	feed := atomFeed{
		ID:      "tag:storyline," + feedIDYear + ":" + host + ":stories",
		Title:   feedTitle(f),
		Updated: s.now().UTC().Format(time.RFC3339),
		Links: []atomLink{{Rel: "self", Href: feedSelf(base, "/feed.atom", r), Type: "application/atom+xml"},
			{Rel: "alternate", Href: base + "/", Type: "text/html"},
			{Rel: "alternate", Href: feedSelf(base, "/feed.json", r), Type: "application/feed+json"}},
		Author: atomPerson{Name: "storyline"},
	}
	if r.URL.RawQuery != "" {
		feed.ID += ":" + url.QueryEscape(strings.TrimPrefix(feedSelf("", "", r), "?"))
	}
	if len(items) > 0 && items[0].Updated != "" {
		feed.Updated = items[0].Updated
	}
	for _, it := range items {
		e := atomEntry{
			ID:        "tag:storyline:" + host + ":story:" + it.ID,
			Title:     it.Title,
			Updated:   it.Updated,
			Published: it.Published,
			Link:      atomLink{Rel: "alternate", Href: it.Link, Type: "text/html"},
			Summary:   atomText{Type: "text", Text: it.Text()},
		}
		if e.Updated == "" {
			e.Updated = feed.Updated
		}
		for _, src := range it.Sources {
			e.Categories = append(e.Categories, atomCategory{Term: src})
		}
		feed.Entries = append(feed.Entries, e)
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		s.logger.Warn("write feed", "err", err)
	}
}

// feedTitle names a feed by its filters.
func feedTitle(f feedFilter) string {
	title := "storyline: every event once"
	var parts []string
	if f.query.Q != "" {
		parts = append(parts, fmt.Sprintf("%q", f.query.Q))
	}
	if f.query.Source != "" {
		parts = append(parts, "from "+f.query.Source)
	}
	if !f.span.From.IsZero() {
		parts = append(parts, "since "+f.span.From.Format(time.RFC3339))
	}
	if !f.span.Until.IsZero() {
		parts = append(parts, "until "+f.span.Until.Format(time.RFC3339))
	}
	if len(parts) > 0 {
		title += " (" + strings.Join(parts, ", ") + ")"
	}
	return title
}

// atomTime renders a stored time as RFC 3339, or fallback when it is empty.
func atomTime(stored, fallback string) string {
	t, ok := news.ParsePublished(stored)
	if !ok || t.IsZero() {
		return fallback
	}
	return t.UTC().Format(time.RFC3339)
}

// publicBase is the server's public address for absolute links
// (Options.BaseURL, without a trailing slash) and its host, for ids. The
// request's Host header is never used: any client may set it, and links
// built from it would send the feed's readers wherever that client chose.
// Without a BaseURL, links are relative, which feed readers resolve
// against the feed's own address, and the host is "storyline".
func (s *Server) publicBase() (base, host string) {
	if s.baseURL == "" {
		return "", "storyline"
	}
	u, err := url.Parse(s.baseURL)
	if err != nil || u.Host == "" {
		return "", "storyline"
	}
	return strings.TrimSuffix(s.baseURL, "/"), u.Host
}
