package server

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/view"
)

// Page sizes: a home page of 50 stories reads in one screen on a desktop
// and a few on a phone; a search shows 20 stories with up to 3 articles
// each (about as long); an outlet's page reads each of its 20 stories in
// full to say what the outlet did in it.
const (
	homeLimit    = 50
	searchLimit  = 20
	outletLimit  = 20
	sourcesLimit = 100
	maxAPILimit  = 500
)

func (s *Server) storyPage(r *http.Request, f listFilter) (read.StoryPage, Page, error) {
	p, err := bounded(s, r.Context(), &queryTimeout{"listing the stories", storyListTakes}, func(ctx context.Context) (read.StoryPage, error) { return s.read.StoryPage(ctx, f.stories()) })
	return p, newPage(r, p.Total, f.Offset, f.Limit), err
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	f, err := s.parseList(r, homeLimit, maxAPILimit, storyListTakes)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	list, page, err := s.storyPage(r, f)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	sources, err := s.read.SourceNames(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	if !f.ByUpdated {
		rankForHome(list.Stories)
	}
	feedQuery, feedFilter := homeFeedQuery(r)
	var unknown bool
	var close []outletSuggestion
	if len(list.Stories) == 0 {
		unknown, close = s.unknownSource(r, f.Source)
	}
	s.render(w, r, http.StatusOK, "index", map[string]any{"Title": "Stories", "Stories": list.Stories, "Page": page, "F": f,
		"Q": f.Q, "Sources": sources, "SourceKey": s.outletKey(r, f.Source),
		"FeedQuery": template.URL(feedQuery), "FeedFilter": feedFilter, "UnknownSource": unknown, "CloseOutlets": close})
}

// rankForHome orders a page of stories, most recent news first, by the day
// of their last publication, and within a day by how many outlets report
// them: the stories with the most sources lead, without burying today's
// news under yesterday's. Undated stories come after the dated ones, by the
// day they were stored, as the stores list them (sqlstore.StoryRecency).
func rankForHome(list []news.StorySummary) {
	sort.SliceStable(list, func(i, j int) bool {
		if di, dj := homeDay(list[i]), homeDay(list[j]); di != dj {
			return di > dj
		}
		return len(list[i].Sources) > len(list[j].Sources)
	})
}

// homeDay is the key rankForHome sorts a story by, descending: "1" and the
// day of its last publication, or "0" and the day it was stored for an
// undated story, so that every dated story comes first.
func homeDay(s news.StorySummary) string {
	if s.LastPublished != "" {
		return "1" + s.LastPublished[:min(10, len(s.LastPublished))]
	}
	return "0" + s.Updated[:min(10, len(s.Updated))]
}

// apiStories lists stories as an array, most recent news first (order=
// updated: most recently updated), with the list's length in X-Total-Count
// and the next and previous pages in a Link header; with_total=1 returns
// {"stories", "total", "offset", "limit", "next", "prev"} instead.
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	f, err := s.parseList(r, homeLimit, maxAPILimit, storyListTakes)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	list, page, err := s.storyPage(r, f)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	page.setHeaders(w)
	var unknown bool
	var close []outletSuggestion
	if len(list.Stories) == 0 {
		if unknown, close = s.unknownSource(r, f.Source); unknown {
			setSuggestionHeader(w, close)
		}
	}
	if r.URL.Query().Get("with_total") == "1" {
		answer := map[string]any{"stories": list.Stories, "total": page.Total, "offset": page.Offset,
			"limit": page.Limit, "next": page.Next(), "prev": page.Prev()}
		if unknown {
			answer["outlet_suggestions"] = close
		}
		s.writeJSON(w, http.StatusOK, answer)
		return
	}
	s.writeJSON(w, http.StatusOK, list.Stories)
}

func (s *Server) searchStories(r *http.Request) (listFilter, news.SearchResult, Page, error) {
	f, err := s.parseList(r, searchLimit, maxAPILimit, searchTakes)
	if err != nil || f.Q == "" {
		return f, news.SearchResult{Stories: []news.StoryHits{}}, Page{}, err
	}
	res, err := bounded(s, r.Context(), &queryTimeout{"the search", searchTakes}, func(ctx context.Context) (news.SearchResult, error) { return s.read.SearchStories(ctx, f.search()) })
	return f, res, newPage(r, res.Total, f.Offset, f.Limit), err
}

// Marked is a hit's snippet as HTML: escaped by the store, with only
// <mark> as markup.
type markedHit struct {
	news.SearchHit
	Marked template.HTML
	Lead   string // the start of the text of a hit with no headline (read.Reader.Leads)
}

// untitledHits are the ids of the search hits that have no headline.
func untitledHits(res news.SearchResult) []string {
	var ids []string
	for _, st := range res.Stories {
		for _, h := range st.Hits {
			if h.Title == "" {
				ids = append(ids, h.ArticleID)
			}
		}
	}
	return ids
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	f, res, page, err := s.searchStories(r)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	sources, err := s.read.SourceNames(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	type storyHits struct {
		news.StoryHits
		Marked []markedHit
	}
	leads, err := s.read.Leads(r.Context(), untitledHits(res))
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	stories := make([]storyHits, len(res.Stories))
	for i, st := range res.Stories {
		stories[i].StoryHits = st
		for _, h := range st.Hits {
			stories[i].Marked = append(stories[i].Marked, markedHit{h, template.HTML(h.Marked), leads[h.ArticleID]})
		}
	}
	var unknown bool
	var close []outletSuggestion
	if res.Total == 0 && f.Q != "" {
		unknown, close = s.unknownSource(r, f.Source)
	}
	s.render(w, r, http.StatusOK, "search", map[string]any{"Title": "Search", "Q": f.Q, "F": f, "Result": res, "Stories": stories,
		"Page": page, "Sources": sources, "SourceKey": s.outletKey(r, f.Source), "MaxArticles": thousands(news.MaxSearchArticles),
		"UnknownSource": unknown, "CloseOutlets": close})
}

// apiSearch answers {"query", "total" (stories), "articles" (matching
// articles), "cut", "offset", "limit", "next", "prev", "stories" (each with
// its best matching articles), "hits" (those articles in one list)}.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	f, res, page, err := s.searchStories(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	hits := []news.SearchHit{}
	for _, st := range res.Stories {
		hits = append(hits, st.Hits...)
	}
	page.setHeaders(w)
	answer := map[string]any{"query": f.Q, "total": res.Total, "articles": res.Articles, "cut": res.Cut,
		"offset": f.Offset, "limit": f.Limit, "next": page.Next(), "prev": page.Prev(), "stories": res.Stories, "hits": hits}
	if res.Total == 0 && f.Q != "" {
		if unknown, close := s.unknownSource(r, f.Source); unknown {
			setSuggestionHeader(w, close)
			answer["outlet_suggestions"] = close
		}
	}
	s.writeJSON(w, http.StatusOK, answer)
}

// sourcesPage is a page of the outlets, most articles first.
func (s *Server) sourcesPage(r *http.Request, defLimit int) ([]news.SourceSummary, Page, error) {
	f, err := s.parseList(r, defLimit, 100000, sourcesTakes)
	if err != nil {
		return nil, Page{}, err
	}
	all, err := bounded(s, r.Context(), &queryTimeout{"listing the outlets", sourcesTakes}, s.read.Sources)
	if err != nil {
		return nil, Page{}, err
	}
	page := newPage(r, len(all), f.Offset, f.Limit)
	if f.Offset >= len(all) {
		return []news.SourceSummary{}, page, nil
	}
	return all[f.Offset:min(len(all), f.Offset+f.Limit)], page, nil
}

func (s *Server) sources(w http.ResponseWriter, r *http.Request) {
	s.renderSources(w, r, http.StatusOK, aliasForm{})
}

// renderSources renders the sources page: a page of the outlets, the
// aliases the user gave, and the alias form with what it was sent and
// what it did (form).
func (s *Server) renderSources(w http.ResponseWriter, r *http.Request, status int, form aliasForm) {
	list, page, err := s.sourcesPage(r, sourcesLimit)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	aliases, err := s.read.OutletAliases(r.Context())
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	all, err := bounded(s, r.Context(), &queryTimeout{"listing the outlets", sourcesTakes}, s.read.Sources) // the outlets' names, for the aliases
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	shown := make(map[string]string, len(all))
	for _, o := range all {
		shown[o.Key] = o.Source
	}
	form.Writes = s.writer.Aliases != nil && (s.token != "" || s.writer.Secret != "")
	s.render(w, r, status, "sources", map[string]any{"Title": "Sources", "Sources": list, "Page": page,
		"Aliases": shownAliases(aliases, shown), "Form": form})
}

// apiSources lists the outlets as an array (all of them unless limit is
// given), with X-Total-Count and Link headers.
func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	list, page, err := s.sourcesPage(r, 100000)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	page.setHeaders(w)
	s.writeJSON(w, http.StatusOK, list)
}

// outletPage reads an outlet (any spelling of it) and a page of its
// stories (role: all, first, rewrote, rewritten, unique), each with what
// the outlet did in it.
func (s *Server) outletPage(r *http.Request) (view.Outlet, news.OutletRole, Page, error) {
	key := s.outletKey(r, r.PathValue("outlet"))
	f, err := s.parseList(r, outletLimit, 100, outletListTakes)
	if err != nil {
		return view.Outlet{}, "", Page{}, err
	}
	role := news.OutletRole(r.URL.Query().Get("role"))
	switch role {
	case news.RoleAny, news.RoleFirst, news.RoleRewrote, news.RoleRewrittenBy, news.RoleUnique:
	default:
		return view.Outlet{}, "", Page{}, &badRequest{fmt.Sprintf("role %q must be first, rewrote, rewritten or unique", role)}
	}
	all, err := bounded(s, r.Context(), &queryTimeout{"finding the outlet", nil}, s.read.Sources)
	if err != nil {
		return view.Outlet{}, "", Page{}, err
	}
	var sum *news.SourceSummary
	for i := range all {
		if all[i].Key == key && key != "" {
			sum = &all[i]
		}
	}
	if sum == nil {
		names, err := s.read.SourceNames(r.Context())
		if err != nil {
			return view.Outlet{}, "", Page{}, err
		}
		return view.Outlet{}, "", Page{}, unknownOutlet(r.PathValue("outlet"), news.CloseOutlets(r.PathValue("outlet"), names))
	}
	p, err := bounded(s, r.Context(), &queryTimeout{"listing the outlet's stories", outletListTakes}, func(ctx context.Context) (read.OutletPage, error) {
		return s.read.Outlet(ctx, key, role, read.PublishedRange{From: f.From, Until: f.To}, f.Limit, f.Offset)
	})
	if err != nil {
		return view.Outlet{}, "", Page{}, err
	}
	return view.Outlet{Summary: *sum, Stories: p.Stories, Roles: p.Roles, Cut: p.Cut}, role, newPage(r, p.Total, f.Offset, f.Limit), nil
}

// outletTab is a role an outlet's page filters by, with its count.
type outletTab struct {
	Role    news.OutletRole
	Label   string
	Count   int
	Current bool
	Href    string // the outlet's page in this role, keeping the date range the counts are of
}

func (s *Server) outlet(w http.ResponseWriter, r *http.Request) {
	o, role, page, err := s.outletPage(r)
	if err != nil {
		s.htmlError(w, r, err)
		return
	}
	var tabs []outletTab
	for _, t := range []struct {
		role  news.OutletRole
		label string
	}{{news.RoleAny, "All its stories"}, {news.RoleFirst, "First reports"}, {news.RoleRewrote, "Rewrites of others"},
		{news.RoleRewrittenBy, "Rewritten by others"}, {news.RoleUnique, "Claims only it makes"}} {
		q := url.Values{}
		for _, k := range []string{"since", "until"} {
			if v := r.URL.Query().Get(k); v != "" {
				q.Set(k, v)
			}
		}
		if t.role != news.RoleAny {
			q.Set("role", string(t.role))
		}
		href := "/sources/" + url.PathEscape(o.Summary.Key)
		if len(q) > 0 {
			href += "?" + q.Encode()
		}
		tabs = append(tabs, outletTab{t.role, t.label, o.Roles[t.role], t.role == role, href})
	}
	s.render(w, r, http.StatusOK, "outlet", map[string]any{"Title": o.Summary.Source, "Outlet": o, "Page": page, "Tabs": tabs,
		"Role": role, "Since": r.URL.Query().Get("since"), "Until": r.URL.Query().Get("until")})
}

// apiOutlet answers {"source": the outlet's summary, "stories": a page of
// its stories with what it did in each, "roles": how many of its stories
// it played each role in, "cut", "total", "offset", "limit", "next",
// "prev"}.
func (s *Server) apiOutlet(w http.ResponseWriter, r *http.Request) {
	o, _, page, err := s.outletPage(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	page.setHeaders(w)
	roles := map[string]int{}
	for r, n := range o.Roles {
		if r == news.RoleAny {
			roles["all"] = n
		} else {
			roles[string(r)] = n
		}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"source": o.Summary, "stories": o.Stories, "roles": roles, "cut": o.Cut,
		"total": page.Total, "offset": page.Offset, "limit": page.Limit, "next": page.Next(), "prev": page.Prev()})
}

// notFound is a 404 with a message of its own; for an outlet's page of a
// name that is no stored outlet, outlet is that name and close the stored
// outlets near it.
type notFound struct {
	msg    string
	outlet string
	close  []outletSuggestion
}

func (e *notFound) Error() string        { return e.msg }
func (e *notFound) Is(target error) bool { return target == news.ErrNotFound }

// outletKey is the key of the outlet a name is filed under (its
// news.OutletKey, or the outlet its alias names: read.Reader.OutletKey);
// its own key when the aliases cannot be read.
func (s *Server) outletKey(r *http.Request, name string) string {
	key, err := s.read.OutletKey(r.Context(), name)
	if err != nil {
		s.logger.Warn("read outlet aliases", "err", err)
	}
	return key
}
