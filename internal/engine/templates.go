package engine

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// siteTemplates holds the templates of the sites the engine meets, loaded
// from the store on first use and saved with the writer's batches when they
// have learned something. Extraction workers read them while the writer
// teaches them. A producer's (NewProducer), whose writer runs elsewhere,
// are read again when the store changed (refresh).
type siteTemplates struct {
	store Templates
	mu    sync.Mutex
	sites map[string]*extract.Template
	dirty map[string]bool

	changes generations // set for a producer's templates only
	seen    string      // the store's generation when those held were read
}

// generations is a store that tells whether anything stored changed: both
// stores (SQLite's data_version, PostgreSQL's generation counter), as the
// read side asks them (read.Reader.Generation).
type generations interface {
	Generation(ctx context.Context) (string, error)
}

func newSiteTemplates(st Templates) *siteTemplates {
	return &siteTemplates{store: st, sites: map[string]*extract.Template{}, dirty: map[string]bool{}}
}

// SiteKey names the site of a page for its template: the host of its URL,
// else the outlet its text names.
func SiteKey(pageURL string, a news.Article) string {
	for _, u := range []string{a.URL, pageURL} {
		if h := extract.Host(u); h != "" {
			return h
		}
	}
	return strings.ToLower(strings.TrimSpace(a.Source))
}

// get returns the template of a site, loading it from the store the first time.
func (s *siteTemplates) get(ctx context.Context, site string) (*extract.Template, error) {
	if s == nil || site == "" {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.sites[site]; ok {
		return t, nil
	}
	t := extract.NewTemplate()
	if s.store != nil {
		b, err := s.store.SiteTemplate(ctx, site)
		if err != nil {
			return nil, fmt.Errorf("load template of %s: %w", site, err)
		}
		if b != nil {
			if err := t.UnmarshalBinary(b); err != nil {
				t = extract.NewTemplate() // a damaged template is relearned, not fatal
			}
		}
	}
	s.sites[site] = t
	return t, nil
}

// learn teaches a site's template one stored page's blocks (each with its
// words), unless the page is a near copy of an article the template learned
// (extract.Template.Teach); articleText is the page's stored article.
func (s *siteTemplates) learn(ctx context.Context, site string, blocks []uint64, words []int32, articleText string) error {
	if s == nil || site == "" || len(blocks) == 0 {
		return nil
	}
	t, err := s.get(ctx, site)
	if err != nil {
		return err
	}
	if !t.Teach(blocks, words, articleText) {
		return nil
	}
	s.mu.Lock()
	s.dirty[site] = true
	s.mu.Unlock()
	return nil
}

// take returns the encodings of the templates that learned something since
// the last take, to be saved.
func (s *siteTemplates) take() (map[string][]byte, error) {
	if s == nil {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]byte{}
	for site := range s.dirty {
		b, err := s.sites[site].MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("encode template of %s: %w", site, err)
		}
		out[site] = b
	}
	s.dirty = map[string]bool{}
	return out, nil
}

// refresh forgets the templates held when the store changed since they
// were read (the writer, in another process, taught them pages; a
// reextract learned them all again), so that each site's is read again
// when it is next met; it does nothing for templates that are not a
// producer's. Its cost: one look at the store's generation, and then at
// most one read of a template per site met until the next refresh.
func (s *siteTemplates) refresh(ctx context.Context) error {
	if s == nil || s.changes == nil {
		return nil
	}
	gen, err := s.changes.Generation(ctx)
	if err != nil {
		return fmt.Errorf("check whether the site templates changed: %w", err)
	}
	s.mu.Lock()
	changed := gen != s.seen || gen == "" // "": the store cannot tell
	s.seen = gen
	s.mu.Unlock()
	if changed {
		s.forget()
	}
	return nil
}

// forget drops every loaded template, so that the next use reads what the
// store holds (after a batch failed to save, its lessons are unlearned).
func (s *siteTemplates) forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sites = map[string]*extract.Template{}
	s.dirty = map[string]bool{}
}

// extractWithSite extracts a page with its site's template. A page whose URL
// names its site is extracted once with that site's template; one whose site
// shows only in its text (a file) is extracted again when its site's template
// knows some of its blocks.
func (s *siteTemplates) extractWithSite(ctx context.Context, p news.Page) (extract.Result, string, error) {
	site := ""
	if h := extract.Host(p.URL); h != "" {
		site = h
	}
	t, err := s.get(ctx, site)
	if err != nil {
		return extract.Result{}, site, err
	}
	r, err := extract.WithTemplate(p, t)
	if site == "" {
		site = SiteKey(p.URL, r.Article)
		if t, terr := s.get(ctx, site); terr == nil && t.Pages() >= 2 && t.Knows(r.Blocks) {
			r, err = extract.WithTemplate(p, t)
		}
	}
	return r, site, err
}

// encoded returns the encodings of every template that learned a page.
func (s *siteTemplates) encoded() (map[string][]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]byte{}
	for site, t := range s.sites {
		if t.Pages() == 0 {
			continue
		}
		b, err := t.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("encode template of %s: %w", site, err)
		}
		out[site] = b
	}
	return out, nil
}

// adopt replaces the templates held with other's (stored already), so
// that extraction reads those from now on.
func (s *siteTemplates) adopt(other *siteTemplates) {
	other.mu.Lock()
	sites := other.sites
	other.mu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sites, s.dirty = sites, map[string]bool{}
}
