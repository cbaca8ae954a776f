package server

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
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
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published,omitempty"`
	Link      atomLink `xml:"link"`
	Summary   string   `xml:"summary"`
}

// feedEntries is how many stories the feed carries.
const feedEntries = 100

// feed serves the stories as an Atom feed, most recently updated first: one
// entry per story whose updated time moves when a source joins it, so that a
// feed reader shows each event once and brings it back when it grows.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	list, err := s.read.Stories(r.Context(), news.StoryQuery{Limit: feedEntries, Now: s.now()})
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	base := baseURL(r)
	f := atomFeed{
		ID:      "tag:storyline," + s.now().Format("2006") + ":" + r.Host + ":stories",
		Title:   "storyline: every event once",
		Updated: s.now().UTC().Format(time.RFC3339),
		Links:   []atomLink{{Rel: "self", Href: base + "/feed.atom", Type: "application/atom+xml"}, {Rel: "alternate", Href: base + "/", Type: "text/html"}},
		Author:  atomPerson{Name: "storyline"},
	}
	if len(list) > 0 {
		f.Updated = atomTime(list[0].Updated, f.Updated)
	}
	for _, st := range list {
		f.Entries = append(f.Entries, atomEntry{
			ID:        "tag:storyline:" + r.Host + ":story:" + st.ID,
			Title:     st.Title,
			Updated:   atomTime(st.Updated, f.Updated),
			Published: atomTime(st.FirstPublished, ""),
			Link:      atomLink{Rel: "alternate", Href: base + "/stories/" + st.ID, Type: "text/html"},
			Summary:   summary(st),
		})
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		s.logger.Warn("write feed", "err", err)
	}
}

// summary is the one line a reader sees for a story.
func summary(st news.StorySummary) string {
	s := fmt.Sprintf("%d article", st.Articles)
	if st.Articles != 1 {
		s += "s"
	}
	if len(st.Sources) > 0 {
		s += " from " + strings.Join(st.Sources, ", ")
	}
	return s
}

// atomTime renders a stored time as RFC 3339, or fallback when it is empty.
func atomTime(stored, fallback string) string {
	t, ok := news.ParsePublished(stored)
	if !ok || t.IsZero() {
		return fallback
	}
	return t.UTC().Format(time.RFC3339)
}

// baseURL is the address the client used to reach the server.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
