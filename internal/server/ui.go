package server

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

var funcs = template.FuncMap{
	"date": func(s string) string {
		t, ok := news.ParsePublished(s)
		if !ok || t.IsZero() {
			return "undated"
		}
		if t.Hour() == 0 && t.Minute() == 0 {
			return t.Format("2 Jan 2006")
		}
		return t.Format("2 Jan 2006 15:04 UTC")
	},
	"join": strings.Join,
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.UTC().Format("2 Jan 2006 15:04 UTC")
	},
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, data); err != nil {
		s.logger.Error("render page", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) htmlError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.logger.Error("request failed", "path", r.URL.Path, "err", err)
		msg = "Something went wrong on our side."
	}
	s.render(w, r, status, "error", map[string]any{"Title": http.StatusText(status), "Status": status, "Message": msg})
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	q, err := s.storyQuery(r)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	list, err := ingest.FreshStories(r.Context(), s.store, q)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	sources, err := s.store.SourceNames(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	rankForHome(list)
	s.render(w, r, http.StatusOK, "index", map[string]any{"Title": "Stories", "Stories": list, "Q": q.Q, "Source": q.Source, "Sources": sources})
}

// rankForHome orders stories by the day they were last updated, most recent
// first, and within a day by how many outlets report them: the stories with
// the most sources lead, without burying today's news under yesterday's.
func rankForHome(list []news.StorySummary) {
	day := func(s news.StorySummary) string {
		if len(s.Updated) >= 10 {
			return s.Updated[:10]
		}
		return s.Updated
	}
	sort.SliceStable(list, func(i, j int) bool {
		if di, dj := day(list[i]), day(list[j]); di != dj {
			return di > dj
		}
		return len(list[i].Sources) > len(list[j].Sources)
	})
}

// storyView is what the story page shows, with article ids resolved to the
// outlets' names.
type storyView struct {
	Title       string
	ID          string
	Count       int // articles, copies included
	Articles    []articleView
	Facts       []factView
	Unique      []uniqueView
	Quotes      []quoteView
	People      []string
	Places      []string
	Orgs        []string
	Conflicts   []conflictView
	Derivations []derivationView
	Changes     []changeView
}

// changeView is a merge or split that involved the story.
type changeView struct {
	At       time.Time
	What     string
	Articles string
	Reason   string
}

type articleView struct {
	news.Article
	Published string
	First     bool
	Why       string
	AlsoIn    []copyView // near-copies of this article, collapsed under it
}

// copyView is a near-copy shown under the article it copies.
type copyView struct {
	ID, Source, Published string
}

type factView struct {
	Text    string
	Sources string
}

type uniqueView struct {
	Source    string
	ArticleID string
	Sentences []string
}

type quoteView struct {
	Speaker, Text, Sources string
}

type conflictView struct {
	About  string
	Values []factView
}

type derivationView struct {
	From, To, Verb string
	Score          float64
}

func newStoryView(d news.StoryDetail) storyView {
	byID := map[string]news.Article{}
	for _, a := range d.Articles {
		byID[a.ID] = a
	}
	name := func(id string) string {
		if a, ok := byID[id]; ok && a.Source != "" {
			return a.Source
		}
		return id
	}
	names := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return news.JoinSources(out)
	}
	why := map[string]news.Membership{}
	for _, m := range d.Memberships {
		why[m.ArticleID] = m
	}
	v := storyView{Title: d.Title, ID: d.ID, Count: len(d.Articles)}
	for _, ch := range d.Changes {
		v.Changes = append(v.Changes, changeView{At: ch.At, What: ch.Describe(d.ID), Articles: strings.Join(ch.Articles, ", "), Reason: ch.Reason})
	}
	// A near-copy (a wire story reprinted) is collapsed under the article it
	// copies, as "also in", rather than shown as a report of its own.
	copyOf := map[string]string{}
	for _, dv := range d.Derivations {
		if dv.Kind == "copy" {
			copyOf[dv.To] = dv.From
		}
	}
	for _, m := range d.Memberships {
		if m.DuplicateOf != "" {
			copyOf[m.ArticleID] = m.DuplicateOf
		}
	}
	root := func(id string) string {
		for i := 0; i < 10 && copyOf[id] != ""; i++ {
			id = copyOf[id]
		}
		return id
	}
	at := map[string]int{}
	for _, t := range d.Timeline {
		if r := root(t.Article); r != t.Article {
			if i, ok := at[r]; ok {
				v.Articles[i].AlsoIn = append(v.Articles[i].AlsoIn, copyView{t.Article, name(t.Article), t.Published})
				continue
			}
		}
		at[t.Article] = len(v.Articles)
		v.Articles = append(v.Articles, articleView{Article: byID[t.Article], Published: t.Published, First: t.First, Why: why[t.Article].Reason})
	}
	for _, f := range d.Facts {
		v.Facts = append(v.Facts, factView{f.Text, names(f.Articles)})
	}
	for _, t := range d.Timeline {
		if sents := d.Unique[t.Article]; len(sents) > 0 {
			v.Unique = append(v.Unique, uniqueView{name(t.Article), t.Article, sents})
		}
	}
	for _, q := range d.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		v.Quotes = append(v.Quotes, quoteView{speaker, q.Text, names(q.Articles)})
	}
	for _, e := range d.Entities {
		switch e.Kind {
		case news.Person:
			v.People = append(v.People, e.Name)
		case news.Place:
			v.Places = append(v.Places, e.Name)
		case news.Org:
			v.Orgs = append(v.Orgs, e.Name)
		}
	}
	for _, c := range d.Conflicts {
		cv := conflictView{About: c.About}
		for _, val := range c.Values {
			cv.Values = append(cv.Values, factView{val.Value, names(val.Articles)})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	label := articleLabels(d.Articles)
	for _, dv := range d.Derivations {
		verb := "rewrites"
		if dv.Kind == "copy" {
			verb = "copies"
		}
		v.Derivations = append(v.Derivations, derivationView{label(dv.From), label(dv.To), verb, dv.Score})
	}
	return v
}

// articleLabels names a story's articles for sentences that relate two of
// them ("X rewrites Y"): by source, and where a source has several articles
// in the story also by publication time, or by id when that is not enough,
// so that two copies of one outlet are told apart.
func articleLabels(articles []news.Article) func(id string) string {
	bySource := map[string][]news.Article{}
	for _, a := range articles {
		bySource[a.Source] = append(bySource[a.Source], a)
	}
	labels := map[string]string{}
	for source, arts := range bySource {
		if source == "" {
			continue
		}
		if len(arts) == 1 {
			labels[arts[0].ID] = source
			continue
		}
		seen := map[string]int{}
		for _, a := range arts {
			labels[a.ID] = source + " (" + a.Published.UTC().Format("2 Jan 15:04") + ")"
			if a.Published.IsZero() {
				labels[a.ID] = source
			}
			seen[labels[a.ID]]++
		}
		for _, a := range arts {
			if seen[labels[a.ID]] > 1 {
				labels[a.ID] = source + " [" + a.ID + "]"
			}
		}
	}
	return func(id string) string {
		if l, ok := labels[id]; ok {
			return l
		}
		return id
	}
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	d, err := ingest.FreshStory(r.Context(), s.store, r.PathValue("id"))
	var merged *store.MergedError
	if errors.As(err, &merged) {
		http.Redirect(w, r, "/stories/"+url.PathEscape(merged.Into), http.StatusMovedPermanently)
		return
	}
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "story", newStoryView(d))
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	d, err := s.articleView(r.Context(), r.PathValue("id"))
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	a := d.Article
	s.render(w, r, http.StatusOK, "article", map[string]any{
		"Title": a.Title, "Article": a, "Published": news.FormatPublished(a.Published), "Paragraphs": a.Paragraphs(),
		"Story": d.Story, "Removed": d.Removed,
	})
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q, hits, err := s.searchResults(r)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	marked := make([]template.HTML, len(hits))
	for i, h := range hits {
		marked[i] = template.HTML(h.Marked) // escaped by the store; only <mark> is markup
	}
	s.render(w, r, http.StatusOK, "search", map[string]any{"Title": "Search", "Q": q, "Hits": hits, "Marked": marked})
}

func (s *Server) sources(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.Sources(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "sources", map[string]any{"Title": "Sources", "Sources": list})
}

func (s *Server) feeds(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.Feeds(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "feeds", map[string]any{"Title": "Feeds", "Feeds": list})
}
