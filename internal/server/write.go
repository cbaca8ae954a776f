package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/news"
)

// maxBody bounds a request body.
const maxBody = 16 << 20

// Writer adds articles for the API: Add runs one input through the pipeline,
// Fetch gets a page from a URL (refusing private addresses unless the server
// allows them).
type Writer struct {
	Add   func(ctx context.Context, in ingest.Input) (ingest.Summary, error)
	Fetch func(ctx context.Context, url string) (ingest.Input, error)
}

// errWritesOff, errUnauthorized and errTooLarge are the write errors with
// their own status codes (see statusOf).
var (
	errWritesOff    = errors.New("writes are off: start the server with --token or $STORYLINE_TOKEN")
	errUnauthorized = errors.New("missing or wrong token: send Authorization: Bearer <token>")
	errTooLarge     = fmt.Errorf("request body larger than %d MB", maxBody>>20)
)

// authorize checks the bearer token in constant time.
func (s *Server) authorize(r *http.Request) error {
	if s.token == "" || s.writer.Add == nil {
		return errWritesOff
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.token)) != 1 {
		return errUnauthorized
	}
	return nil
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

func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		s.jsonError(w, r, err)
		return
	}
	var req articleRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
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
	sum, err := s.writer.Add(r.Context(), in)
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

// inputOf turns a request into a pipeline input, fetching its URL when it
// carries no page.
func (s *Server) inputOf(ctx context.Context, req articleRequest) (ingest.Input, error) {
	published, ok := news.ParsePublished(req.Published)
	if !ok {
		return ingest.Input{}, &badRequest{fmt.Sprintf("published %q is neither RFC 3339 nor YYYY-MM-DD", req.Published)}
	}
	if req.HTML != "" && req.RawText != "" {
		return ingest.Input{}, &badRequest{"give html or raw_text, not both"}
	}
	if req.HTML == "" && req.RawText == "" {
		if !strings.HasPrefix(req.URL, "http://") && !strings.HasPrefix(req.URL, "https://") {
			return ingest.Input{}, &badRequest{"give an http(s) url, or html or raw_text with url and published"}
		}
		in, err := s.writer.Fetch(ctx, req.URL)
		if err != nil {
			return ingest.Input{}, &badRequest{err.Error()}
		}
		if !published.IsZero() {
			in.Page.Published = published
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
		id = ingest.URLID(req.URL)
	default:
		sum := sha256.Sum256([]byte(body))
		id = hex.EncodeToString(sum[:6])
	}
	return ingest.Input{Name: "POST /api/v1/articles", Page: &news.Page{ID: id, URL: req.URL, Kind: kind, Body: []byte(body), Published: published}}, nil
}
