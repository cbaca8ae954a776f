package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/source/web"
)

// maxBody bounds the body of POST /api/v1/articles.
const maxBody = 16 << 20

// Writer is how the server's writes reach the engine.
type Writer struct {
	// Submit runs inputs through the engine as one job and says what it
	// stored; progress (may be nil) sees the counts as they grow. It fails
	// with a *news.LockedError while another process holds the database's
	// writer lock. Nil turns writes off.
	Submit func(ctx context.Context, inputs iter.Seq2[news.Input, error], progress func(news.RunSummary)) (news.RunSummary, error)
	// Fetch gets a page from a URL (refusing private addresses unless the
	// server allows them).
	Fetch func(ctx context.Context, url string) (news.Input, error)
	// Ready, when set, says whether Submit takes writes now (nil) or why
	// not; /healthz reports it.
	Ready func() error
	// Stores, when set, says whether this process stores the writes (it
	// holds the database's writer lease) or hands them on (through a queue
	// to the one that does); /healthz reports it as "writer".
	Stores func() bool
	// Secret is accepted besides the token as the bearer of writes: the
	// database's writer lock file hands it to storyline processes of the
	// same user, so that `storyline add` can submit through the server.
	Secret string
	// Aliases, when set, changes the outlet aliases (POST /api/v1/aliases
	// and the sources page's form, as storyline sources alias does). Nil
	// turns those writes off.
	Aliases AliasWriter
	// Refiled, when set, is called after an alias moved stored articles
	// to another outlet: the stories that hold them were marked to be
	// compared again, and the server's projector is to look for them at
	// once rather than at its next round (up to 5 s later).
	Refiled func()
}

// AliasWriter stores and removes outlet aliases (news.OutletAlias): a
// store's, which files the articles they move in the same transaction.
type AliasWriter interface {
	// SetOutletAlias files name's key under outlet's from now on and
	// returns the alias stored and how many stored articles moved.
	SetOutletAlias(ctx context.Context, name, outlet string) (news.OutletAlias, int, error)
	// RemoveOutletAlias parts name's key from the outlet it is filed
	// under and returns the alias as it was and how many articles moved
	// (news.ErrNotFound when name has no alias).
	RemoveOutletAlias(ctx context.Context, name string) (news.OutletAlias, int, error)
}

// errWritesOff, errUnauthorized and errTooLarge are the write errors with
// their own status codes (see statusOf).
var (
	errWritesOff    = errors.New("writes are off: start the server with --token or $STORYLINE_TOKEN")
	errUnauthorized = errors.New("missing or wrong token: send Authorization: Bearer <token>")
	errTooLarge     = fmt.Errorf("request body larger than %d MB", maxBody>>20)
)

// ErrNotWriter is the failure of a write to a server whose writer has not
// started yet (it is taking the database's writer lock and restoring its
// clusterer): 503, to be tried again.
var ErrNotWriter = errors.New("the server's writer is starting: try again in a moment")

// authorize checks the bearer token (or the writer lock's secret) in
// constant time.
func (s *Server) authorize(r *http.Request) error {
	if s.writer.Submit == nil {
		return errWritesOff
	}
	return s.checkToken(bearer(r))
}

// bearer is the token of the request's Authorization: Bearer header, ""
// when it has none.
func bearer(r *http.Request) string {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	return got
}

// checkToken checks a token given with a write (the bearer of an API
// request, or the token field of a page's form) against the server's
// token and the writer lock's secret, in constant time.
func (s *Server) checkToken(got string) error {
	if s.token == "" && s.writer.Secret == "" {
		return errWritesOff
	}
	got = strings.TrimSpace(got)
	if got != "" {
		for _, want := range []string{s.token, s.writer.Secret} {
			if want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1 {
				return nil
			}
		}
	}
	return errUnauthorized
}

// articleRequest is the body of POST /api/v1/articles: a URL to fetch, or a
// page (html or raw_text) with its url and publication date.
type articleRequest struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	HTML      string `json:"html"`
	RawText   string `json:"raw_text"`
	Published string `json:"published"`
}

// decodeArticleRequest reads a body that is one JSON article request and
// nothing else: unknown fields and anything after the object (a second
// object, stray text) are refused rather than ignored.
func decodeArticleRequest(body io.Reader) (articleRequest, error) {
	return decodeOneObject[articleRequest](body)
}

// decodeOneObject reads a body that is one JSON object of type T and
// nothing else: unknown fields and anything after the object are refused.
func decodeOneObject[T any](body io.Reader) (T, error) {
	var req T
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err != nil {
			return req, fmt.Errorf("after the JSON object: %w", err)
		}
		return req, errors.New("more than one JSON value: send one object per request")
	}
	return req, nil
}

// postArticle stores one page and answers once it is stored (committed):
// an answer of 201 is never lost, whatever happens to the server after.
func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		s.jsonError(w, r, err)
		return
	}
	req, err := decodeArticleRequest(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.jsonError(w, r, errTooLarge)
			return
		}
		s.jsonError(w, r, &badRequest{"body is not an article request: " + err.Error()})
		return
	}
	in, err := s.inputOf(r.Context(), req)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	sum, err := s.writer.Submit(r.Context(), source.One(in), nil)
	s.Forget() // the kept lists and pages may miss what was just stored
	switch {
	case err != nil:
		s.jsonError(w, r, err)
	case len(sum.Failures) > 0:
		s.jsonError(w, r, &badRequest{sum.Failures[0].Error()})
	case len(sum.Added) == 0:
		s.writeJSON(w, http.StatusOK, map[string]string{"status": "already stored"})
	default:
		m := sum.Added[0]
		s.writeJSON(w, http.StatusCreated, map[string]string{"status": "stored", "article": m.ArticleID, "story": m.StoryID, "reason": m.Reason})
	}
}

// namingURL is the message of a fetch of url that failed, naming the url
// once: a refusal by the site ("HTTP 404 Not Found") does not name it, a
// failure to reach it (Get "https://...": dial tcp ...) does.
func namingURL(url string, err error) string {
	if strings.Contains(err.Error(), url) {
		return err.Error()
	}
	return url + ": " + err.Error()
}

// inputOf turns a request into an input, fetching its URL when it carries no
// page.
func (s *Server) inputOf(ctx context.Context, req articleRequest) (news.Input, error) {
	published, dateOnly, err := news.GivenPublished(req.Published)
	if err != nil {
		return news.Input{}, &badRequest{err.Error()}
	}
	if req.HTML != "" && req.RawText != "" {
		return news.Input{}, &badRequest{"give html or raw_text, not both"}
	}
	if req.HTML == "" && req.RawText == "" {
		if !web.IsURL(req.URL) {
			return news.Input{}, &badRequest{"give an http(s) url, or the page as html or raw_text (url, id and published optional)"}
		}
		in, err := s.writer.Fetch(ctx, req.URL)
		if err != nil {
			return news.Input{}, &badRequest{namingURL(req.URL, err)}
		}
		if !published.IsZero() {
			in.Page.Published, in.Page.DateOnly = published, dateOnly
		}
		return in, nil
	}
	kind, body := news.KindHTML, req.HTML
	if req.RawText != "" {
		kind, body = news.KindText, req.RawText
	}
	id := req.ID
	switch {
	case id != "":
	case req.URL != "":
		id = web.URLID(req.URL)
	default:
		sum := sha256.Sum256([]byte(body))
		id = hex.EncodeToString(sum[:6])
	}
	return news.Input{Name: "POST /api/v1/articles", Page: &news.Page{ID: id, URL: req.URL, Kind: kind, Body: []byte(body), Published: published, DateOnly: dateOnly}}, nil
}
