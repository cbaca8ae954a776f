// Package server serves storyline's JSON API and its web UI: server-rendered
// html/template pages with embedded assets, usable without JavaScript. It
// reads through package read (which never writes) and shows a story through
// package view; writes (POST /api/v1/articles, and POST /api/v1/ingest, the
// stream of inputs another storyline process submits) go to the engine
// through a Writer.
package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure the server.
type Options struct {
	Logger *slog.Logger     // default discards
	Now    func() time.Time // default time.Now
	Token  string           // bearer token for writes; empty (and no Writer.Secret) turns writes off
	Writer Writer           // how writes reach the engine
	// MaxRunning, MaxQueued and MaxWait bound the reads served at once
	// (see admission); zero takes the defaults.
	MaxRunning, MaxQueued int
	MaxWait               time.Duration
	// QueryTimeout bounds a list or a search; default 2 s.
	QueryTimeout time.Duration
	// BaseURL is the server's public address (https://news.example.org),
	// for the absolute links of /feed.atom; empty: relative links.
	BaseURL string
	// CacheFor keeps whole answers of the pages and API reads (lists,
	// stories, articles, searches, outlets) this long; forgotten after the
	// server's own writes and on Forget. Zero keeps nothing.
	CacheFor time.Duration
}

// Server holds the handlers' dependencies.
type Server struct {
	read         *read.Reader
	logger       *slog.Logger
	now          func() time.Time
	pages        map[string]*template.Template
	metrics      *metrics
	token        string
	writer       Writer
	admit        *admission
	kept         *pageCache
	baseURL      string
	queryTimeout time.Duration
}

// New parses the templates and returns a server.
func New(r *read.Reader, opt Options) (*Server, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Server{read: r, logger: opt.Logger, now: opt.Now, pages: map[string]*template.Template{}, metrics: newMetrics(),
		token: opt.Token, writer: opt.Writer, admit: newAdmission(opt.MaxRunning, opt.MaxQueued, opt.MaxWait), queryTimeout: opt.QueryTimeout,
		kept: newPageCache(opt.CacheFor, r.Generation), baseURL: opt.BaseURL}
	if s.queryTimeout <= 0 {
		s.queryTimeout = defaultQueryTimeout
	}
	for _, page := range []string{"index", "story", "article", "search", "sources", "outlet", "feeds", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", page, err)
		}
		s.pages[page] = t
	}
	return s, nil
}

// Handler routes requests.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("GET /api/v1/stories", s.kept.wrap(s.apiStories))
	mux.HandleFunc("GET /api/v1/stories/{id}", s.kept.wrap(s.apiStory))
	mux.HandleFunc("GET /api/v1/articles/{id...}", s.kept.wrap(s.apiArticle))
	mux.HandleFunc("GET /api/v1/search", s.kept.wrap(s.apiSearch))
	mux.HandleFunc("GET /search", s.kept.wrap(s.search))
	mux.HandleFunc("GET /api/v1/sources", s.kept.wrap(s.apiSources))
	mux.HandleFunc("GET /sources", s.kept.wrap(s.sources))
	mux.HandleFunc("GET /sources/{outlet}", s.kept.wrap(s.outlet))
	mux.HandleFunc("GET /api/v1/sources/{outlet}", s.kept.wrap(s.apiOutlet))
	mux.HandleFunc("GET /feed.atom", s.kept.wrap(s.feed))
	mux.HandleFunc("GET /feed.json", s.kept.wrap(s.jsonFeedHandler))
	mux.HandleFunc("GET /api/v1/feeds", s.apiFeeds)
	mux.HandleFunc("GET /feeds", s.feeds)
	mux.HandleFunc("GET /metrics", s.serveMetrics)
	mux.HandleFunc("GET /api/v1/openapi.json", s.openAPI)
	mux.HandleFunc("POST /api/v1/articles", s.postArticle)
	mux.HandleFunc("POST /api/v1/ingest", s.ingest)
	mux.HandleFunc("GET /api/v1/aliases", s.kept.wrap(s.apiAliases))
	mux.HandleFunc("POST /api/v1/aliases", s.postAlias)
	mux.HandleFunc("POST /sources", s.sourcesForm)
	mux.HandleFunc("GET /{$}", s.kept.wrap(s.index))
	mux.HandleFunc("GET /stories/{id}", s.kept.wrap(s.story))
	mux.HandleFunc("GET /articles/{id...}", s.kept.wrap(s.article))
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", filesOnly(http.FileServerFS(static))))
	return s.metrics.wrap(securityHeaders(s.admit.wrap(mux, s.kept.serve, s.tooBusy)))
}

// Forget drops what the server and its reader keep (whole answers, lists),
// after a write: the server calls it after its own; whoever else writes
// through the same engine (the feed poller) calls it after theirs.
func (s *Server) Forget() {
	s.kept.forget()
	s.read.Forget()
}

// defaultQueryTimeout bounds a list or a search: the slowest legitimate
// query on 10,000 articles takes tens of milliseconds; one that runs for
// seconds is scanning what no reader needs and holds a slot others wait for.
const defaultQueryTimeout = 2 * time.Second

// errTooBusy is the answer to a request refused by admission control.
var errTooBusy = errors.New("the server is busy: try again in a second")

// errQueryTimeout is what every queryTimeout is (errors.Is): a list or a
// search that ran out of time, answered 503.
var errQueryTimeout = errors.New("the query took too long")

// queryTimeout is the answer to a list or a search that ran out of time:
// what took too long, and what narrows it among the parameters that list
// takes (takes), so that each page's advice is what that page can be
// narrowed by: words on a search, dates on an outlet's page, nothing on
// the list of outlets.
type queryTimeout struct {
	what  string
	takes []string
}

// narrowers are the parameters that narrow a list, in the words the advice
// gives them.
var narrowers = []struct{ param, words string }{
	{"q", "more words (q=)"},
	{"source", "an outlet (source=)"},
	{"role", "a role (role=)"},
	{"since", "a later since="},
	{"until", "an earlier until="},
}

func (e *queryTimeout) Error() string {
	var by []string
	for _, n := range narrowers {
		if slices.Contains(e.takes, n.param) {
			by = append(by, n.words)
		}
	}
	if len(by) == 0 {
		return e.what + " took too long, and nothing narrows it: try again in a few seconds"
	}
	return e.what + " took too long: narrow it with " + strings.Join(by, ", ")
}

// Is makes every queryTimeout an errQueryTimeout, for statusOf.
func (e *queryTimeout) Is(target error) bool { return target == errQueryTimeout }

// tooBusy refuses a request the server has no room for: 429, and when to
// try again.
func (s *Server) tooBusy(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "1")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.jsonError(w, r, errTooBusy)
		return
	}
	s.htmlError(w, r, errTooBusy)
}

// bounded runs a list or a search query under the query timeout; one that
// runs out of time gives cut, which says what took too long and what
// narrows it.
func bounded[T any](s *Server, ctx context.Context, cut *queryTimeout, query func(ctx context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, s.queryTimeout)
	defer cancel()
	v, err := query(ctx)
	if err != nil && ctx.Err() == context.DeadlineExceeded {
		return v, cut
	}
	return v, err
}

// filesOnly serves files and answers 404 for a folder, which the file
// server would otherwise list.
func filesOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// statusOf maps an error to its HTTP status: the one place that does.
func statusOf(err error) int {
	var bad *badRequest
	var locked *news.LockedError
	var query *read.QueryError
	switch {
	case errors.Is(err, news.ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &bad):
		return http.StatusBadRequest
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, errWritesOff):
		return http.StatusForbidden
	case errors.Is(err, errTooLarge), errors.Is(err, errAliasTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &locked), errors.Is(err, ErrNotWriter), errors.Is(err, errQueryTimeout):
		return http.StatusServiceUnavailable
	case errors.Is(err, errTooBusy):
		return http.StatusTooManyRequests
	case errors.As(err, &query):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

// writeJSON writes v as JSON, as application/json unless the handler set
// another JSON type (a JSON Feed's).
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	// <, > and & are written as they are ("<urn:uuid:...>", "&" in an
	// address): an answer served as JSON, with nosniff (securityHeaders),
	// is never read as HTML, and no page of the UI embeds this JSON.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.logger.Warn("write response", "err", err)
	}
}

func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.describe(r, err)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	var nf *notFound
	if errors.As(err, &nf) && nf.close != nil {
		// An outlet that is not stored: the close ones, as the sources
		// list gives them.
		s.writeJSON(w, status, map[string]any{"error": msg, "suggestions": nf.close})
		return
	}
	s.writeJSON(w, status, map[string]string{"error": msg})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	articles, stories, err := s.read.Counts(r.Context())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	health := map[string]any{"status": "ok", "articles": articles, "stories": stories, "writes": s.writesState()}
	if s.writer.Stores != nil {
		health["writer"] = s.writer.Stores()
	}
	s.writeJSON(w, http.StatusOK, health)
}

// writesState says whether the server takes writes: "ready", "off", or why
// not yet (another process writes the database, the writer is starting).
func (s *Server) writesState() string {
	switch {
	case s.writer.Submit == nil || s.token == "" && s.writer.Secret == "":
		return "off"
	case s.writer.Ready == nil:
		return "ready"
	}
	if err := s.writer.Ready(); err != nil {
		return err.Error()
	}
	return "ready"
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	d, err := s.read.Story(r.Context(), r.PathValue("id"))
	var merged *news.MergedError
	if errors.As(err, &merged) {
		http.Redirect(w, r, "/api/v1/stories/"+url.PathEscape(merged.Into), http.StatusMovedPermanently)
		return
	}
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	notKeptWhileComparing(w, d)
	s.writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	d, err := s.read.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	b, err := json.Marshal(d.Article)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := map[string]any{}
	if err := json.Unmarshal(b, &out); err != nil {
		s.jsonError(w, r, err)
		return
	}
	out["story"], out["removed"] = d.Story, d.Removed
	s.writeJSON(w, http.StatusOK, out)
}

// openAPI serves the API's OpenAPI description.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	b, err := staticFS.ReadFile("static/openapi.json")
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

func (s *Server) apiFeeds(w http.ResponseWriter, r *http.Request) {
	list, err := s.read.Feeds(r.Context())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, list)
}

// statusClientGone is the status of a request given up because its client
// went away (nginx's 499, which no one reads): the client closed the
// connection while the server answered (a query, or since session 42 a
// story's comparison, stops then).
const statusClientGone = 499

// describe is the status and message of a failed request; internal errors
// are logged and not shown. A request given up because its client went
// away is no failure of the server's, and is not logged as one.
func (s *Server) describe(r *http.Request, err error) (int, string) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		s.logger.Debug("request given up: the client went away", "path", r.URL.Path)
		return statusClientGone, "the request was given up: the client went away"
	}
	status := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.logger.Error("request failed", "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	return status, msg
}
