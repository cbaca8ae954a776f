// Package read is storyline's read side: the stories, a story, an article,
// search, sources and feeds, as the API, the web UI and the command line
// show them. It never writes: its store port is read through connections
// that cannot write, and a story that changed since its comparison was
// stored is either shown with that comparison, marked as being updated (when
// a projector is keeping comparisons current), or compared in memory and
// not stored. Concurrent readers of one story version compare it once
// (projection.Memo).
package read

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/text"
)

// Store is what the read side needs of the database.
type Store interface {
	// Stories lists stories, most recently updated first.
	Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error)
	// Story returns a story with its articles, memberships, changes and last
	// stored comparison (Updating when the story changed since). A story
	// merged into another gives a *news.MergedError; an unknown one
	// news.ErrNotFound.
	Story(ctx context.Context, id string) (news.StoryDetail, error)
	Article(ctx context.Context, id string) (news.Article, error)
	StoryOf(ctx context.Context, articleID string) (string, error)
	// RawOf returns the page an article was extracted from; ok is false for
	// an article given as such.
	RawOf(ctx context.Context, articleID string) (r news.Raw, ok bool, err error)
	// CountStories counts the stories of a query, whatever its page.
	CountStories(ctx context.Context, q news.StoryQuery) (int, error)
	// SearchStories finds the stories whose articles match a query, each
	// with its best matching articles.
	SearchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error)
	// OutletStories lists an outlet's stories (by its key), most recent
	// news first, at most limit, with what it did in each.
	OutletStories(ctx context.Context, key string, limit int) ([]news.OutletStory, error)
	Sources(ctx context.Context) ([]news.SourceSummary, error)
	SourceNames(ctx context.Context) ([]news.SourceCount, error)
	// SourceNamesOf is SourceNames for the outlets of these keys alone.
	SourceNamesOf(ctx context.Context, keys []string) ([]news.SourceCount, error)
	// OutletAliases lists the stored outlet aliases (news.OutletAlias).
	OutletAliases(ctx context.Context) ([]news.OutletAlias, error)
	Feeds(ctx context.Context) ([]news.FeedState, error)
	Counts(ctx context.Context) (articles, stories int, err error)
	// HasURL reports whether an article from one of these URLs is stored.
	HasURL(ctx context.Context, urls ...string) (bool, error)
}

// Options configure a reader.
type Options struct {
	// Memo compares story versions once; shared with the engine's
	// projector when one runs in the process. Default a memo of its own.
	Memo *projection.Memo
	// CacheFor keeps the story lists and the outlets this long: they are
	// read on every home page and change only with writes. Zero keeps
	// nothing. A reader that serves writes too calls Forget after each.
	CacheFor time.Duration
	// CompareWait, when above zero, bounds how long Story waits for the
	// first comparison of a story that has none stored: past it the story
	// is given with its articles and Comparing set, while the comparison
	// goes on in the background (the memo keeps it for the next read).
	// Zero waits as long as the comparison takes (the command line).
	CompareWait time.Duration
}

// DefaultCompareWait is the CompareWait of a server. Comparing a story
// costs about 0.1 s of CPU at 4 articles, 0.4 s at 11, 1.2 s at 19 and
// 2.7 s at 28 (s38-ux, DUC 2003 and ECB+ stories on a loaded 2-core
// machine): half a second gives most stories' first view whole and
// answers for a large one at once, its page reloading until it is ready.
const DefaultCompareWait = 500 * time.Millisecond

// Reader reads stories for people and programs. It is safe for concurrent
// use.
type Reader struct {
	st        Store
	opt       Options
	projected atomic.Bool
	cache     *cache
	comparing chan struct{} // a slot per comparison made in the background (CompareWait)
	started   atomic.Int64  // comparisons started in the background, for tests
}

// SetProjected says whether a projector keeps the stored comparisons
// current: a stale story that has a stored comparison is then shown with it,
// marked as being updated, instead of being compared in memory.
func (r *Reader) SetProjected(on bool) { r.projected.Store(on) }

// New returns a reader of st.
func New(st Store, opt Options) *Reader {
	if opt.Memo == nil {
		opt.Memo = projection.NewMemo(0)
	}
	return &Reader{st: st, opt: opt, cache: newCache(opt.CacheFor), comparing: make(chan struct{}, backgroundComparisons())}
}

// Forget drops the kept story lists and outlets, after a write.
func (r *Reader) Forget() { r.cache.forget() }

// generations is a store that can tell whether anything stored changed:
// both stores (SQLite's data_version, PostgreSQL's current snapshot).
type generations interface {
	Generation(ctx context.Context) (string, error)
}

// Generation is a token that changes whenever anything stored changes,
// whoever wrote it; "" when the store cannot tell (then kept answers last
// only their time).
func (r *Reader) Generation(ctx context.Context) (string, error) {
	if g, ok := r.st.(generations); ok {
		return g.Generation(ctx)
	}
	return "", nil
}

// changes is a store that tells when it changed as soon as it hears of it
// (PostgreSQL's notifications), so that readers need not wait for their
// next poll of Generation.
type changes interface {
	Changes() <-chan struct{}
}

// Changes gives a value soon after anything stored changed, when the store
// can tell (PostgreSQL); nil (a channel that never gives) when it cannot,
// and Generation's poll alone tells.
func (r *Reader) Changes() <-chan struct{} {
	if c, ok := r.st.(changes); ok {
		return c.Changes()
	}
	return nil
}

// cached is r.cache.get for a list: each caller gets a copy of the kept
// list, which it may reorder.
func cached[T any](ctx context.Context, r *Reader, key string, load func(context.Context) ([]T, error)) ([]T, error) {
	v, err := r.cache.get(ctx, key, func(ctx context.Context) (any, error) { return load(ctx) })
	if err != nil {
		return nil, err
	}
	return slices.Clone(v.([]T)), nil
}

// MaxOffset bounds how deep a list or a search may page: deeper pages cost
// a scan of every row before them and no reader goes there (narrow the
// query instead).
const MaxOffset = 10000

// QueryError says why a list or a search was refused: the caller should
// narrow or change it.
type QueryError struct{ Reason string }

func (e *QueryError) Error() string { return e.Reason }

// searchWords returns the query without its bare function words ("the",
// "of"), which match nearly every article and would make the index rank
// them all; words in a quoted phrase and prefixes are kept ("state of
// emergency" needs its "of"). A query of function words alone is refused.
func searchWords(q string) (string, error) {
	var kept []string
	if len(q) > maxQueryBytes {
		return "", &QueryError{fmt.Sprintf("a query of %d bytes: say what you look for in at most %d", len(q), maxQueryBytes)}
	}
	terms := news.ParseSearch(q)
	if len(terms) > news.MaxSearchTerms {
		return "", &QueryError{fmt.Sprintf("a query of %d words, phrases and prefixes: ask for at most %d", len(terms), news.MaxSearchTerms)}
	}
	for _, t := range terms {
		if len(t.Words) == 1 && !t.Quoted && !t.Prefix && text.IsStopWord(t.Words[0]) {
			continue
		}
		kept = append(kept, t.Typed())
	}
	if len(kept) == 0 && len(terms) > 0 {
		return "", &QueryError{fmt.Sprintf("%q is only words such as \"the\" that nearly every article has: add a word that says what you look for", q)}
	}
	return strings.Join(kept, " "), nil
}

// maxQueryBytes bounds what a query may say: ten times a long sentence.
const maxQueryBytes = 2000

// checkPaging refuses pages deeper than MaxOffset.
func checkPaging(offset int) error {
	if offset > MaxOffset {
		return &QueryError{fmt.Sprintf("offset %d is deeper than %d: narrow the query (words, since, source) instead of paging this far", offset, MaxOffset)}
	}
	return nil
}

// Stories lists stories, most recently updated first; a story's Updating
// says its summary is that of its last comparison.
func (r *Reader) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	if err := checkPaging(q.Offset); err != nil {
		return nil, err
	}
	if q.Q != "" {
		words, err := searchWords(q.Q)
		if err != nil {
			return nil, err
		}
		q.Q = words
	}
	if !q.From.IsZero() && !q.Until.IsZero() && !q.From.Before(q.Until) {
		return nil, emptyRange(q.From, q.Until)
	}
	key := fmt.Sprintf("stories q=%q since=%d from=%s until=%s by-published=%v source=%q limit=%d offset=%d", q.Q, q.Since, q.From, q.Until, q.ByPublished, news.OutletKey(q.Source), q.Limit, q.Offset)
	return cached(ctx, r, key, func(ctx context.Context) ([]news.StorySummary, error) {
		list, err := r.st.Stories(ctx, q)
		if err != nil {
			return nil, err
		}
		return list, r.nameAliasedOutlets(ctx, list)
	})
}

// nameAliasedOutlets shows each story's outlets as OutletNames does.
func (r *Reader) nameAliasedOutlets(ctx context.Context, list []news.StorySummary) error {
	name, err := r.OutletNames(ctx)
	if err != nil {
		return err
	}
	for i := range list {
		list[i].Sources = name(list[i].Sources)
	}
	return nil
}

// OutletNames gives the function that shows a story's outlet names with
// each name that is a spelling filed under its outlet by an alias ("NYT",
// "hpo": the stores name an outlet in a story by the first of its
// spellings in byte order) replaced by the name the outlets' list shows
// the outlet by (news.OutletCounts: a spelling of its own key), so that a
// story of the New York Times does not say "NYT" once the user aliased
// that (news.OutletNamesShown). Where no alias is stored it changes
// nothing.
func (r *Reader) OutletNames(ctx context.Context) (func([]string) []string, error) {
	same := func(names []string) []string { return names }
	aliases, err := r.OutletAliases(ctx)
	if err != nil || len(aliases) == 0 {
		return same, err
	}
	filed := map[string]string{}
	for _, a := range aliases {
		if !a.KeptApart() {
			filed[a.Alias] = a.Outlet
		}
	}
	outlets, err := r.SourceNames(ctx)
	if err != nil {
		return same, err
	}
	shown := map[string]string{}
	for _, o := range outlets {
		shown[o.Key] = o.Source
	}
	return func(names []string) []string { return news.OutletNamesShown(names, filed, shown) }, nil
}

// Story reads a story with a comparison of its current articles: the stored
// one when it is current; else, when a projector is at work and a
// comparison is stored, that one with Updating set; else one made in memory
// (once per story version however many ask) and not stored.
//
// Outlets are named as they are filed now, whenever the comparison was
// made (showFiledOutlets): an alias set or removed since shows at once.
func (r *Reader) Story(ctx context.Context, id string) (news.StoryDetail, error) {
	d, err := r.st.Story(ctx, id)
	if err != nil {
		return d, err
	}
	if err := r.nameFiledOutlets(ctx, d.Articles); err != nil {
		return d, err
	}
	if !d.Updating || r.projected.Load() && len(d.Timeline) > 0 {
		showFiledOutlets(&d)
		return d, nil
	}
	rec, ready, err := r.record(ctx, d)
	if !ready {
		d.Comparing = true
		showFiledOutlets(&d)
		return d, nil
	}
	if errors.Is(err, projection.ErrCompare) {
		d.CompareFailed = true
		showFiledOutlets(&d)
		return d, nil // shown with its last comparison, if any; the projector logs the failure
	}
	if err != nil {
		return d, err
	}
	d.Comparison, d.Title, d.TitleDerived, d.Updating = rec.Comparison, rec.Title, rec.TitleDerived, false
	showFiledOutlets(&d)
	return d, nil
}

// record compares a stale story in memory (through the memo, once per
// version). A story with no comparison stored, read with CompareWait set,
// is compared in the background instead (recordSoon); ready is false when
// its comparison is not made yet. A server's read of a stale story that
// has one stored waits for its comparison (recordOutliving): no projector
// keeps it current, or the read would have shown the stored one.
func (r *Reader) record(ctx context.Context, d news.StoryDetail) (rec news.ComparisonRecord, ready bool, err error) {
	if r.opt.CompareWait <= 0 {
		// The command line: its context ends with the command (Ctrl-C),
		// and so does the comparison.
		rec, err = r.opt.Memo.Record(ctx, d.ID, d.Version, articlesOf(d.Articles))
		return rec, true, err
	}
	if len(d.Timeline) > 0 {
		rec, err = r.recordOutliving(ctx, d.ID, d.Version, slices.Clone(d.Articles))
		return rec, true, err
	}
	return r.recordSoon(ctx, d.ID, d.Version, slices.Clone(d.Articles))
}

// articlesOf is a memo's load of articles already read.
func articlesOf(arts []news.Article) func(context.Context) ([]news.Article, error) {
	return func(context.Context) ([]news.Article, error) { return arts, nil }
}

// comparison is the outcome of a comparison made in the background.
type comparison struct {
	rec news.ComparisonRecord
	err error
}

// compareInBackground starts the comparison of a story version in the
// background, on a context that outlives the reader's (a reader who
// leaves does not throw away a comparison other reads will want), when
// one of the backgroundComparisons slots is free: a crawler reading many
// stories and hanging up does not leave a comparison running for each.
// started is false when no slot is free.
func (r *Reader) compareInBackground(ctx context.Context, id, version string, arts []news.Article) (done <-chan comparison, started bool) {
	select {
	case r.comparing <- struct{}{}:
	default:
		return nil, false
	}
	r.started.Add(1)
	out := make(chan comparison, 1)
	go func() {
		defer func() { <-r.comparing }()
		rec, err := r.opt.Memo.Record(context.WithoutCancel(ctx), id, version, articlesOf(arts))
		out <- comparison{rec, err}
	}()
	return out, true
}

// recordOutliving gives the comparison of a story version, waiting for it
// as long as the reader does; the comparison goes on when the reader
// leaves (compareInBackground), so that the memo keeps it for the next
// read, as a large story's comparison may take longer than a reader
// waits. With no background slot free it is made on the reader's context.
func (r *Reader) recordOutliving(ctx context.Context, id, version string, arts []news.Article) (news.ComparisonRecord, error) {
	if rec, ok, err := r.opt.Memo.Kept(id, version, arts); ok {
		return rec, err // made already: no slot taken for it
	}
	done, started := r.compareInBackground(ctx, id, version, arts)
	if !started {
		return r.opt.Memo.Record(ctx, id, version, articlesOf(arts))
	}
	select {
	case res := <-done:
		return res.rec, res.err
	case <-ctx.Done():
		return news.ComparisonRecord{}, ctx.Err()
	}
}

// recordSoon gives the comparison of a story version if the memo keeps it,
// or if it is made within CompareWait; otherwise it leaves it being made
// in the background (compareInBackground; a story found with no slot
// free is compared by a later read or the projector) and returns not
// ready.
func (r *Reader) recordSoon(ctx context.Context, id, version string, arts []news.Article) (news.ComparisonRecord, bool, error) {
	if rec, ok, err := r.opt.Memo.Kept(id, version, arts); ok {
		return rec, true, err // made, or failed: a failure is not tried again at each reload
	}
	done, started := r.compareInBackground(ctx, id, version, arts)
	if !started {
		return news.ComparisonRecord{}, false, nil
	}
	wait := time.NewTimer(r.opt.CompareWait)
	defer wait.Stop()
	select {
	case res := <-done:
		return res.rec, true, res.err
	case <-wait.C:
	case <-ctx.Done():
	}
	return news.ComparisonRecord{}, false, nil
}

// backgroundComparisons is how many comparisons readers leave running in
// the background at once: half the CPUs, as the projector takes, so that
// the two together leave a server room to answer.
func backgroundComparisons() int {
	return max(1, runtime.NumCPU()/2)
}

// nameFiledOutlets gives each article that an alias files under another
// outlet than its own (filedElsewhere: "op" under Ostwick Post, a "the"
// domain under its name) the name the outlets' list shows that outlet by
// (news.Article.OutletShown), as story lists name it (OutletNames). An
// article filed under its own key keeps its own name, so that nothing
// changes where no alias moved an article.
func (r *Reader) nameFiledOutlets(ctx context.Context, arts []news.Article) error {
	var keys []string
	for _, a := range arts {
		if filedElsewhere(a) && !slices.Contains(keys, a.OutletKey) {
			keys = append(keys, a.OutletKey)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	outlets, err := r.st.SourceNamesOf(ctx, keys)
	if err != nil {
		return err
	}
	shown := make(map[string]string, len(outlets))
	for _, o := range outlets {
		shown[o.Key] = o.Source
	}
	for i := range arts {
		if filedElsewhere(arts[i]) {
			arts[i].OutletShown = shown[arts[i].OutletKey]
		}
	}
	return nil
}

// filedElsewhere tells an article a store files under another outlet's
// key than its own (news.Article.OutletKey against news.ArticleOutletKey).
func filedElsewhere(a news.Article) bool {
	return a.OutletKey != "" && a.OutletKey != news.ArticleOutletKey(a.Source, a.URL)
}

// showFiledOutlets makes what a stored comparison says of outlets follow
// how the articles are filed now: each timeline entry of an article named
// by its outlet (nameFiledOutlets) gives that name, and each derivation
// says whether its two articles come from one outlet by the keys they are
// filed under (as cluster.Derive decides it), so that an alias set or
// removed after the comparison was made never shows the outlet split (or
// joined) on the story's page, in show or in the API, and each entry's
// time is its article's as stored now, with its precision (a comparison
// stored before precisions were kept wrote a guess); likewise a fact
// that only one outlet's articles state is that outlet's own, not one the
// sources agree on (news.SeparateOutletFacts), and a figure one outlet
// changed between its versions is that outlet's change, not a figure the
// outlets disagree on (news.SeparateFigureChanges). What the
// comparison found with the outlets as they were (a first report, a
// rewrite) follows when the story is compared again: changing an alias
// marks the stories of the articles it moves for comparison. The timeline
// and derivations are copied first: a comparison made in memory is the
// memo's, which other readers share.
func showFiledOutlets(d *news.StoryDetail) {
	d.Timeline, d.Derivations = slices.Clone(d.Timeline), slices.Clone(d.Derivations)
	byID := make(map[string]news.Article, len(d.Articles))
	for _, a := range d.Articles {
		byID[a.ID] = a
	}
	for i, t := range d.Timeline {
		a, ok := byID[t.Article]
		if !ok {
			continue
		}
		if a.OutletShown != "" {
			d.Timeline[i].Source = a.OutletShown
		}
		d.Timeline[i].Published = news.ShowPublished(a.Published, a.DateOnly)
	}
	key := news.ArticleOutletMap(d.Articles)
	d.Comparison = news.SeparateOutletFacts(d.Comparison, key)
	d.Comparison = news.SeparateFigureChanges(d.Comparison, d.Articles, key)
	for i, dv := range d.Derivations {
		from, okFrom := key[dv.From]
		to, okTo := key[dv.To]
		if okFrom && okTo {
			d.Derivations[i].SameOutlet = from != "" && from == to
		}
	}
}

// ArticleDetail is an article with its story and the blocks extraction
// removed from its page.
type ArticleDetail struct {
	Article news.Article
	Story   string
	Removed []string
}

// Article reads an article, its story, and what extraction removed from its
// page (menus, pitches, forms), so that a reader can check the cut.
func (r *Reader) Article(ctx context.Context, id string) (ArticleDetail, error) {
	a, err := r.st.Article(ctx, id)
	if err != nil {
		return ArticleDetail{}, err
	}
	if err := r.fileArticle(ctx, &a); err != nil {
		return ArticleDetail{}, err
	}
	d := ArticleDetail{Article: a, Removed: []string{}}
	if d.Story, err = r.st.StoryOf(ctx, id); err != nil && !errors.Is(err, news.ErrNotFound) {
		return d, err
	}
	raw, ok, err := r.st.RawOf(ctx, id)
	if err != nil {
		return d, err
	}
	if ok {
		d.Removed = append(d.Removed, extract.Removed(news.Page{Kind: raw.Kind, Body: raw.Body, URL: raw.URL}, a)...)
	}
	return d, nil
}

// Leads names the articles of ids that have no headline by the start of
// their text (news.LeadTitle), as their story's timeline does: id to lead,
// for a list (search hits) that would otherwise name them by id. An id not
// stored, or whose text gives no lead, is left out.
func (r *Reader) Leads(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for _, id := range ids {
		a, err := r.st.Article(ctx, id)
		if errors.Is(err, news.ErrNotFound) {
			continue
		}
		if err != nil {
			return out, err
		}
		if lead := news.LeadTitle(a); lead != "" {
			out[id] = lead
		}
	}
	return out, nil
}

// fileArticle sets the key an article's outlet is filed under (its own
// key, or where the stored aliases file it) and, when an alias files it
// under another outlet, that outlet's name (nameFiledOutlets).
func (r *Reader) fileArticle(ctx context.Context, a *news.Article) error {
	own := news.ArticleOutletKey(a.Source, a.URL)
	if own == "" {
		return nil
	}
	key, err := r.OutletKey(ctx, own)
	if err != nil {
		return err
	}
	a.OutletKey = key
	one := []news.Article{*a}
	err = r.nameFiledOutlets(ctx, one)
	*a = one[0]
	return err
}

// StoryPage is a page of a list of stories with the list's length.
type StoryPage struct {
	Stories []news.StorySummary `json:"stories"`
	Total   int                 `json:"total"`
	Offset  int                 `json:"offset"`
	Limit   int                 `json:"limit"`
}

// StoryPage reads a page of stories and how many the whole list holds.
func (r *Reader) StoryPage(ctx context.Context, q news.StoryQuery) (StoryPage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	list, err := r.Stories(ctx, q)
	if err != nil {
		return StoryPage{}, err
	}
	if q.Q != "" {
		if q.Q, err = searchWords(q.Q); err != nil {
			return StoryPage{}, err
		}
	}
	key := fmt.Sprintf("count q=%q since=%d from=%s until=%s source=%q", q.Q, q.Since, q.From, q.Until, news.OutletKey(q.Source))
	count := q
	count.Limit, count.Offset = 0, 0
	n, err := r.cache.get(ctx, key, func(ctx context.Context) (any, error) { return r.st.CountStories(ctx, count) })
	if err != nil {
		return StoryPage{}, err
	}
	return StoryPage{Stories: list, Total: n.(int), Offset: q.Offset, Limit: q.Limit}, nil
}

// SearchStories finds the stories whose articles match a query (phrases,
// prefixes, an outlet, a publication range), each with its best matching
// articles, their outlets named as story lists name them (an aliased
// short code by its outlet's name).
func (r *Reader) SearchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	if err := checkPaging(q.Offset); err != nil {
		return news.SearchResult{}, err
	}
	if !q.From.IsZero() && !q.Until.IsZero() && !q.From.Before(q.Until) {
		return news.SearchResult{}, emptyRange(q.From, q.Until)
	}
	words, err := searchWords(q.Q)
	if err != nil {
		return news.SearchResult{}, err
	}
	q.Q = words
	res, err := r.st.SearchStories(ctx, q)
	if err != nil {
		return res, err
	}
	return res, r.nameAliasedHits(ctx, res.Stories)
}

// nameAliasedHits names each matching article's outlet as story lists do
// (OutletNames): an aliased short code by its outlet's name.
func (r *Reader) nameAliasedHits(ctx context.Context, stories []news.StoryHits) error {
	name, err := r.OutletNames(ctx)
	if err != nil {
		return err
	}
	for i := range stories {
		for j := range stories[i].Hits {
			stories[i].Hits[j].Source = name([]string{stories[i].Hits[j].Source})[0]
		}
	}
	return nil
}

func emptyRange(from, until time.Time) error {
	return &QueryError{fmt.Sprintf("the date range from %s until %s is empty: since must come before until",
		from.Format(time.RFC3339), until.Format(time.RFC3339))}
}

// Sources summarises every outlet.
func (r *Reader) Sources(ctx context.Context) ([]news.SourceSummary, error) {
	list, err := cached(ctx, r, "sources", r.st.Sources)
	if err != nil {
		return nil, err
	}
	aliases, err := r.OutletAliases(ctx)
	return news.NameAliases(list, aliases), err
}

// OutletAliases lists the stored outlet aliases (news.OutletAlias), by
// alias.
func (r *Reader) OutletAliases(ctx context.Context) ([]news.OutletAlias, error) {
	return cached(ctx, r, "outlet aliases", r.st.OutletAliases)
}

// OutletKey is the key of the outlet a name is filed under: its
// news.OutletKey, or the outlet its alias names.
func (r *Reader) OutletKey(ctx context.Context, name string) (string, error) {
	key := news.OutletKey(name)
	aliases, err := r.OutletAliases(ctx)
	if err != nil {
		return key, err
	}
	for _, a := range aliases {
		if a.Alias == key {
			return a.Outlet, nil
		}
	}
	return key, nil
}

// SourceNames lists the outlets with their article counts, by name.
func (r *Reader) SourceNames(ctx context.Context) ([]news.SourceCount, error) {
	return cached(ctx, r, "source names", r.st.SourceNames)
}

// Feeds lists the polled feeds and how each is doing.
func (r *Reader) Feeds(ctx context.Context) ([]news.FeedState, error) {
	return r.st.Feeds(ctx)
}

// Counts returns how many articles and stories are stored.
func (r *Reader) Counts(ctx context.Context) (articles, stories int, err error) {
	return r.st.Counts(ctx)
}

// Known reports whether an article from this URL (as given, or in its
// canonical form) is stored: what the feed reader asks to skip old items.
func (r *Reader) Known(ctx context.Context, url, canonical string) bool {
	known, err := r.st.HasURL(ctx, url, canonical)
	return err == nil && known
}
