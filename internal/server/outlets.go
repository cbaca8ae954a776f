package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// outletSuggestion is a stored outlet close to an outlet filter that names
// none (news.CloseOutlets): the API gives source, key and articles; the UI
// links Href, the same list filtered by this outlet.
type outletSuggestion struct {
	Source   string `json:"source"`
	Key      string `json:"key"`
	Articles int    `json:"articles"`
	Href     string `json:"-"`
}

// unknownSource tells whether the request's source filter names no stored
// outlet in any spelling, and if so gives the close outlets, each with a
// link to the request's list filtered by it (from its first page). A
// request without a source filter, or one whose outlet is stored, gets
// false. Suggestions are a help, not the answer: when the outlets cannot
// be read, the request answers without them.
func (s *Server) unknownSource(r *http.Request, source string) (bool, []outletSuggestion) {
	unknown, close, err := s.read.UnknownOutlet(r.Context(), source)
	if err != nil {
		s.logger.Warn("read outlets for suggestions", "source", source, "err", err)
		return false, nil
	}
	if !unknown {
		return false, nil
	}
	return true, suggestions(r, close)
}

// suggestions are close outlets as the API and UI give them, each linking
// to the request's list with source= that outlet's key and no offset.
func suggestions(r *http.Request, close []news.SourceCount) []outletSuggestion {
	out := make([]outletSuggestion, 0, len(close))
	for _, o := range close {
		q := r.URL.Query()
		q.Set("source", o.Key)
		q.Del("offset")
		out = append(out, outletSuggestion{Source: o.Source, Key: o.Key, Articles: o.Articles, Href: r.URL.Path + "?" + q.Encode()})
	}
	return out
}

// setSuggestionHeader tells an API client whose source filter names no
// stored outlet so, without changing the answer's JSON: the header
// X-Outlet-Suggestions holds the keys of the close outlets, comma-separated
// and each escaped as a URL path segment (empty when none is close).
func setSuggestionHeader(w http.ResponseWriter, close []outletSuggestion) {
	keys := make([]string, len(close))
	for i, o := range close {
		keys[i] = url.PathEscape(o.Key)
	}
	w.Header().Set("X-Outlet-Suggestions", strings.Join(keys, ", "))
}

// unknownOutlet is the 404 of an outlet's page for a name that is no
// stored outlet, naming the close ones.
func unknownOutlet(name string, close []news.SourceCount) *notFound {
	return &notFound{msg: news.UnknownOutletMessage(name, close), outlet: name, close: outletPages(close)}
}

// outletPages are close outlets linking to their own pages.
func outletPages(close []news.SourceCount) []outletSuggestion {
	out := make([]outletSuggestion, 0, len(close))
	for _, o := range close {
		out = append(out, outletSuggestion{Source: o.Source, Key: o.Key, Articles: o.Articles, Href: "/sources/" + url.PathEscape(o.Key)})
	}
	return out
}
