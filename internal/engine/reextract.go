package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// ReextractSummary counts what Reextract did.
type ReextractSummary struct {
	Updated   int                // articles extracted again and stored
	Kept      []*news.InputError // articles kept as they were: the extractor found no text in their page now
	Stories   int                // stories marked for comparison again
	Templates int                // site templates learned again from the stored pages
	Failures  []*news.InputError
}

// Reextract learns every site's template again from the stored pages
// (relearnTemplates), then runs the current extractor, with those
// templates, over every stored raw input that gave an article, and updates
// those articles; their stories are compared again (by the projector).
// Story assignments stay as they are. An article whose text, title, date,
// outlet, language or kind changes drops the clusterer's saved state (the
// store does, in the update's transaction: it was of the text as it was),
// and the writer restores the clusterer from the store before its next
// write, as a restart then does. An extraction that finds no text
// never replaces a stored article: the article is kept and listed in Kept.
// A stored page that cannot be read back (its body damaged) teaches no
// template, keeps its articles as stored and is listed in Failures; the
// other pages go on.
// It reads the stored pages twice, one at a time.
func (e *Engine) Reextract(ctx context.Context) (ReextractSummary, error) {
	var sum ReextractSummary
	n, err := e.relearnTemplates(ctx)
	if err != nil {
		return sum, err
	}
	sum.Templates = n
	stories := map[string]bool{}
	err = e.st.Raws(ctx, func(r news.Raw, ids []string, damaged error) error {
		if len(ids) == 0 {
			return nil // never gave an article; `add` retries and reports those
		}
		if damaged != nil {
			sum.Failures = append(sum.Failures, unreadablePage(r, ids, damaged))
			return nil
		}
		a, _, _, _, err := extractSafely(ctx, storedPage(r, ids[0]), e.tmpls)
		if err == nil && strings.TrimSpace(a.Text) == "" {
			err = extract.ErrNoContent
		}
		switch {
		case errors.Is(err, extract.ErrNoContent):
			sum.Kept = append(sum.Kept, &news.InputError{Name: r.Name, Err: fmt.Errorf("article %s kept as stored: %w", ids[0], err)})
			return nil
		case err != nil:
			sum.Failures = append(sum.Failures, &news.InputError{Name: r.Name, Err: err})
			return nil
		}
		a.ID = ids[0]
		labelled(&a) // as an article coming in is (extractor.process)
		if err := e.st.UpdateArticle(ctx, a, ContentHash(a)); err != nil {
			return err
		}
		sum.Updated++
		story, err := e.st.StoryOf(ctx, a.ID)
		if err != nil {
			return err
		}
		stories[story] = true
		return nil
	})
	sum.Stories = len(stories)
	if sum.Updated > 0 {
		e.w.reread.Store(true)
	}
	return sum, err
}

// unreadablePage is the failure of a stored raw input whose body cannot be
// read back (damaged): it names the input, the articles it gave (kept as
// they are stored) and its address, so that the user can add it again.
func unreadablePage(r news.Raw, ids []string, damaged error) *news.InputError {
	at := ""
	if r.URL != "" {
		at = " (" + r.URL + ")"
	}
	return &news.InputError{Name: r.Name, Err: fmt.Errorf("article %s%s kept as stored, its page not read again: %w",
		strings.Join(ids, ", "), at, damaged)}
}

// storedPage is the page of a stored raw input, as the article id gives
// it.
func storedPage(r news.Raw, id string) news.Page {
	return news.Page{ID: id, URL: r.URL, Source: r.Source, Kind: r.Kind, Body: r.Body, Published: r.Published, DateOnly: r.DateOnly}
}

// relearnTemplates learns every site's template again, from nothing, from
// the stored raw inputs that gave an article, oldest first, and stores the
// templates in place of every stored one (a site with no such page has
// none after, but one whose stored pages all cannot be read back keeps its
// stored template: keepUnlearned); it returns how many it learned again. Each page is extracted with
// its site's template as learned from the pages before it and taught as
// the writer teaches a stored page (siteTemplates.learn: a near copy of an
// article the site taught teaches nothing), so a site's template is the
// one `storyline add` learns when given the same pages one at a time in
// the order they were stored, whatever an older version, or copies, taught
// the stored one (a batch's pages are extracted before any of them is
// taught, so one `add` of many pages may decide a near copy differently).
// A stored page the extractor finds no text in now (all of it the site's
// boilerplate, as the pages before it teach) still teaches its blocks: it
// is a page of the site the store holds, and its article is kept, where
// one `add` at a time would not have stored it. The pages are read one at
// a time; only the templates are held, one per site, each bounded as the
// engine's own are.
func (e *Engine) relearnTemplates(ctx context.Context) (int, error) {
	fresh := newSiteTemplates(nil)
	unreadable := map[string]bool{} // sites of the pages that cannot be read
	err := e.st.Raws(ctx, func(r news.Raw, ids []string, damaged error) error {
		if len(ids) == 0 {
			return nil
		}
		if damaged != nil {
			unreadable[e.siteOfUnreadable(ctx, r, ids[0])] = true
			return nil // a page that cannot be read teaches nothing; the second pass names it
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		a, site, blocks, words, err := extractSafely(ctx, storedPage(r, ids[0]), fresh)
		if err != nil && !errors.Is(err, extract.ErrNoContent) {
			return nil // the extractor failed on it: it teaches nothing
		}
		return fresh.learn(ctx, site, blocks, words, a.Text)
	})
	if err != nil {
		return 0, fmt.Errorf("learn the site templates again: %w", err)
	}
	learned, err := fresh.encoded()
	if err != nil {
		return 0, err
	}
	n := len(learned)
	if err := e.keepUnlearned(ctx, fresh, learned, unreadable); err != nil {
		return 0, err
	}
	if err := e.st.ReplaceSiteTemplates(ctx, learned, e.opt.Now()); err != nil {
		return 0, fmt.Errorf("store the site templates learned again: %w", err)
	}
	e.tmpls.adopt(fresh)
	return n, nil
}

// keepUnlearned adds to learned (and to fresh) the stored template of
// each site of unreadable whose pages taught nothing when learned again:
// every page of it that the store holds is damaged, so there is nothing
// to learn it from, and the stored one (what those pages taught when they
// could be read) is kept rather than dropped with the rest.
func (e *Engine) keepUnlearned(ctx context.Context, fresh *siteTemplates, learned map[string][]byte, unreadable map[string]bool) error {
	for site := range unreadable {
		if _, ok := learned[site]; ok || site == "" {
			continue
		}
		b, err := e.st.SiteTemplate(ctx, site)
		if err != nil {
			return fmt.Errorf("keep the template of %s, whose pages cannot be read: %w", site, err)
		}
		if b == nil {
			continue
		}
		learned[site] = b // stored again as it is, even one that does not decode
		if t := extract.NewTemplate(); t.UnmarshalBinary(b) == nil {
			fresh.mu.Lock()
			fresh.sites[site] = t
			fresh.mu.Unlock()
		}
	}
	return nil
}

// siteOfUnreadable is the site of a stored page that cannot be read back
// (its template's key, SiteKey): the host of its address, else the site
// of the article it gave as stored (a file page names its site in its
// text), else the outlet the input named; "" when none tells.
func (e *Engine) siteOfUnreadable(ctx context.Context, r news.Raw, articleID string) string {
	if h := extract.Host(r.URL); h != "" {
		return h
	}
	if a, ok := e.storedArticle(ctx, articleID); ok {
		return SiteKey("", a)
	}
	return SiteKey("", news.Article{Source: r.Source})
}

// storedArticle is the stored article of that id, found in its story;
// false when it cannot be read.
func (e *Engine) storedArticle(ctx context.Context, id string) (news.Article, bool) {
	story, err := e.st.StoryOf(ctx, id)
	if err != nil {
		return news.Article{}, false
	}
	arts, err := e.st.StoryArticles(ctx, story)
	if err != nil {
		return news.Article{}, false
	}
	for _, a := range arts {
		if a.ID == id {
			return a, true
		}
	}
	return news.Article{}, false
}
