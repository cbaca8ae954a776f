package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// writer is the engine's single consumer of the queue: the only code that
// touches the clusterer, and the only one that stores articles.
type writer struct {
	st     Store
	q      Queue
	opt    Options
	tmpls  *siteTemplates
	logger *slog.Logger
	stored func() // tells the projector that stories changed; may be nil

	cl     *cluster.Clusterer
	stream *Stream
	// stateSums are the sums of the parts of the clusterer's saved state
	// the store holds, by name (cluster.Clusterer.SaveParts), read at the
	// restore and updated by each write that stores parts: a write stores
	// the parts that changed since.
	stateSums map[string]uint64
	// reread is set by Reextract when it stored articles extracted again:
	// the clusterer holds vectors of their text as it was, and the store
	// dropped its saved state if the text changed (UpdateArticle), so the
	// writer restores the clusterer from the store before its next write,
	// as a restart would.
	reread  atomic.Bool
	changes []news.StoryChange // made while placing the current batch
	// placedN counts the articles placed in the current group, and
	// changesAt gives for each change of the group how many were placed
	// before it, so that save stores them in the order made.
	placedN   int
	changesAt []int
	// captures are the captures the group found for articles stored
	// before or placed in it (pages found again), saved with its last
	// write.
	captures []news.ArticleCapture
	// named are the outlets the group's inputs name for articles found
	// stored before by URL or text (outletNamed), set with the outlets
	// of the pages stored before.
	named []namedOutlet
}

// namedOutlet is an outlet an input of batch names for an article stored
// before.
type namedOutlet struct {
	batch int
	news.OutletGiven
}

// restore builds the clusterer from the stories its saved state names
// (restoreHeld) or, without one, from the stories the store holds open, the
// regroupings that separated them (kept apart, as the clusterer that made
// them keeps them: see cluster.Clusterer.RestoreParting) and the number of
// the last recorded change (the clusterer numbers its own after it, and
// names split-off stories by them). The writer does it when it starts, and again only when a batch
// failed to save (the clusterer then holds articles the store does not).
func (w *writer) restore(ctx context.Context) error {
	saved, sums, recorded, err := w.savedStats(ctx)
	if err != nil {
		return err
	}
	w.stateSums = sums
	resumable := w.checkedStats(saved)
	cl, stories, err := w.restoreHeld(ctx, resumable, recorded)
	if err != nil {
		return fmt.Errorf("restore the clusterer: %w", err)
	}
	if cl == nil {
		restored, err := w.st.OpenStories(ctx, restoreWindow(w.opt.Cluster, saved), maxRestored)
		if err != nil {
			return fmt.Errorf("restore the clusterer: %w", err)
		}
		cl, stories = w.restored(restored)
		w.resumeStats(cl, resumable)
	}
	cl.Resume() // the take window's statistic counts the restored closed stories not counted in the resumed statistics; the dated lone articles still open wait for the lone step again
	partings, err := w.st.KeptApart(ctx, stories)
	if err != nil {
		return fmt.Errorf("restore the clusterer: %w", err)
	}
	for _, p := range partings {
		cl.RestoreParting(p.From, p.Articles, p.Stories)
	}
	last, err := w.st.LastChange(ctx)
	if err != nil {
		return fmt.Errorf("restore the clusterer: %w", err)
	}
	cl.ContinueChanges(last)
	w.cl = cl
	w.stream = NewStream(cl, func(ch news.StoryChange) {
		w.logger.Info("story "+ch.Kind, "story", ch.Story, "other", ch.Other, "articles", ch.Articles, "score", ch.Score, "reason", ch.Reason)
		w.changes = append(w.changes, ch)
		w.changesAt = append(w.changesAt, w.placedN)
	})
	return nil
}

// restored is a clusterer rebuilt from stored articles (Restore, in the
// order given) and their stories, each once, in the order first met.
func (w *writer) restored(articles []news.Assigned) (*cluster.Clusterer, []string) {
	cl := cluster.New(w.opt.Cluster)
	var stories []string
	seen := map[string]bool{}
	for _, as := range articles {
		cl.Restore(as.Article, as.StoryID)
		if !seen[as.StoryID] {
			seen[as.StoryID] = true
			stories = append(stories, as.StoryID)
		}
	}
	return cl, stories
}

// restoreHeld rebuilds the clusterer from the stories its saved state
// (checked, see checkedStats) names (the stories the clusterer that stored
// it held, see cluster.StreamState), reading their articles and no other,
// and resumes the state: a restart's cost follows what the clusterer held,
// not the store. When the state holds every story's sums over all its
// members (cluster.StorySums), only the members each story keeps whole
// are read whole and rebuilt (see restoreSummed), and the bound of
// maxRestored articles is not met: the cost follows the stories held, not
// their articles (an undated clusterer holds the stories of its last 10,000
// articles, where the restore of the open stories reads up to
// maxRestored). It gives no clusterer, for the writer to restore the open
// stories as before, when there is no saved state, when it is older than
// the stored articles (recorded, the number of the newest stored article
// the state was stored with, news.StoredSeqPart, is not the store's
// newest's: a write stored articles and kept the state, see stateIsCurrent),
// when its stories hold more than maxRestored articles in all, when a
// story has fewer stored members than the state counted (see
// heldMembers, which restores the ones it held, as many as it counted), or
// when the state is not resumed (see resumeStats, which then logs why).
func (w *writer) restoreHeld(ctx context.Context, saved *cluster.StreamStats, recorded *int64) (*cluster.Clusterer, []string, error) {
	if saved == nil || saved.State == nil {
		return nil, nil, nil
	}
	if current, err := w.stateIsCurrent(ctx, recorded); err != nil || !current {
		return nil, nil, err
	}
	ids := make([]string, 0, len(saved.State.Stories))
	total := 0
	for _, ss := range saved.State.Stories {
		ids = append(ids, ss.ID)
		total += ss.N
	}
	kept, err := saved.State.SummedKept()
	if err != nil {
		w.logger.Warn("the saved sums of the stories are not used; the clusterer rebuilds them from every member", "err", err)
	}
	if kept != nil {
		cl, stories, err := w.restoreSummed(ctx, saved.State, ids, kept)
		if err != nil || cl == nil {
			return nil, nil, err
		}
		if cl.ResumeStats(*saved) != nil {
			return nil, nil, nil
		}
		return cl, stories, nil
	}
	if total > maxRestored {
		w.restoresOpenStories(ctx, slog.LevelInfo, "the saved state's stories hold more articles than a restore reads", "articles", total)
		return nil, nil, nil
	}
	members, err := w.st.StoryMembers(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	members, ok := heldMembers(members, saved.State.Stories)
	if !ok {
		w.restoresOpenStories(ctx, slog.LevelWarn, "a story of the saved state holds more articles than the store", "stories", len(ids))
		return nil, nil, nil
	}
	cl, stories := w.restored(members)
	if cl.ResumeStats(*saved) != nil {
		return nil, nil, nil
	}
	return cl, stories, nil
}

// restoreSummed rebuilds the stories the saved state st names (ids, in
// the state's order) from the members each keeps whole (kept, by story)
// and its saved sums (cluster.Clusterer.RestoreSummed), reading the ids
// of the other members and no more of them. The held members are chosen
// as heldMembers chooses them, and the stories are restored in the order
// their first held member was stored, as restored restores them. It
// checks the state against the store: each story must hold as many
// stored members as the state counted, every kept member among them, and
// the members it holds must be those its sums were saved of
// (cluster.StorySums.OfMembers: not others of as many);
// otherwise it logs which story does not and gives no clusterer, for the
// writer to restore the open stories. It gives none either when the
// kept members are more than maxRestored in all.
func (w *writer) restoreSummed(ctx context.Context, st *cluster.StreamState, ids []string, kept map[string][]string) (*cluster.Clusterer, []string, error) {
	var whole []string
	for _, id := range ids {
		whole = append(whole, kept[id]...)
	}
	if len(whole) > maxRestored {
		w.restoresOpenStories(ctx, slog.LevelInfo, "the saved state's stories keep more articles whole than a restore reads", "articles", len(whole))
		return nil, nil, nil
	}
	members, err := w.st.HeldMembers(ctx, ids, whole)
	if err != nil {
		return nil, nil, err
	}
	held, ok := heldMembers(members, st.Stories)
	if !ok {
		w.restoresOpenStories(ctx, slog.LevelWarn, "a story of the saved state holds more articles than the store", "stories", len(ids))
		return nil, nil, nil
	}
	groups, order := summedGroups(held, kept)
	for _, id := range order {
		g := groups[id]
		if len(g.kept) != len(kept[id]) {
			w.restoresOpenStories(ctx, slog.LevelWarn, "a member the saved state keeps whole is not among the story's stored members", "story", id)
			return nil, nil, nil
		}
		if err := st.Sums[id].OfMembers(g.ids); err != nil {
			w.restoresOpenStories(ctx, slog.LevelWarn, "a story's saved sums are not of its stored members", "err", err)
			return nil, nil, nil
		}
	}
	cl := cluster.New(w.opt.Cluster)
	for _, id := range order {
		cl.RestoreSummed(groups[id].kept, groups[id].ids, st.Sums[id])
	}
	return cl, order, nil
}

// summedGroup is a held story's members for RestoreSummed: the ids of
// all, and the kept ones whole, each in the order stored.
type summedGroup struct {
	ids  []string
	kept []news.Article
}

// summedGroups groups held members (in the order stored) by story, the
// members kept whole (kept, by story) among them, and lists the stories
// in the order their first member was stored.
func summedGroups(held []news.Assigned, kept map[string][]string) (map[string]*summedGroup, []string) {
	keptIn := map[string]string{}
	for story, ks := range kept {
		for _, k := range ks {
			keptIn[k] = story
		}
	}
	groups := map[string]*summedGroup{}
	var order []string
	for _, as := range held {
		g := groups[as.StoryID]
		if g == nil {
			g = &summedGroup{}
			groups[as.StoryID] = g
			order = append(order, as.StoryID)
		}
		g.ids = append(g.ids, as.Article.ID)
		if keptIn[as.Article.ID] == as.StoryID {
			g.kept = append(g.kept, as.Article)
		}
	}
	return groups, order
}

// stateIsCurrent reports whether the saved state is of every stored
// article: whether the number of the newest stored article its last write
// recorded (recorded, nil when none did: a state stored by a binary that
// did not record it) is the store's newest's. It logs why not. A write
// that stored articles and kept the state as it was (by a binary that did
// not store it, or the earlier chunks of a write whose last chunk failed)
// leaves the recorded number behind, whatever it did to the stories, so
// the check is exact where the state's own counts are not: a write that
// made a story of articles too old for the open stories, or moved one
// article out of a named story as another joined it, leaves every count
// the state names as it was.
func (w *writer) stateIsCurrent(ctx context.Context, recorded *int64) (bool, error) {
	if recorded == nil {
		w.restoresOpenStories(ctx, slog.LevelWarn, "the saved state does not record the newest article it was stored with (stored by an older version, or its row is damaged)")
		return false, nil
	}
	newest, err := w.st.LastArticle(ctx)
	if err != nil {
		return false, err
	}
	if newest != *recorded {
		w.restoresOpenStories(ctx, slog.LevelWarn, "the saved state is older than the stored articles (stored with article number "+strconv.FormatInt(*recorded, 10)+")", "newest", newest)
		return false, nil
	}
	return true, nil
}

// restoresOpenStories logs why a restart does not restore the stories its
// saved state names but the store's open stories, a slower restore on a
// large undated store: the state is older than the stored articles or
// names more of them than a restore reads. The caller gives the level: a
// state that is not of the stored articles is a warning, which the CLI
// shows (it logs warnings only), so that its user sees why a restart was
// slow (once on a store last written by an older version) or that a write
// kept the state as it was; a state whose stories hold more articles than
// a restore reads, met at every restart of such a store, is information.
func (w *writer) restoresOpenStories(ctx context.Context, level slog.Level, why string, attrs ...any) {
	w.logger.Log(ctx, level, "the clusterer restores the store's open stories: "+why, attrs...)
}

// heldMembers is, of each held story's stored members (oldest first), the
// ones the clusterer that stored the state held, as many as it counted
// (StoryState.N), in the order stored: the members the state names as
// kept whole (StoryState.Kept, by id: all of a story's when it held 16 or
// fewer), then the latest of the others. A story holds all its stored
// members but when the clusterer was itself restored from the open
// stories (a restart without a current state): that restore reads the
// newest articles only, and lets go of a story that grows no more in the
// first of them (its window counts the restored articles) and then begins
// it again with its later ones, so the stories it holds may lack their
// earliest members, and its state counts those it held (26 of 1,281
// stories after such a restore of a 50,001-article undated store, session
// 54): checked for equal counts, every later restart restored the open
// stories again until the clusterer let go of those stories. A story so
// restored that then merged an older story holds members that are not its
// latest (the older story's): the kept ids name them, where the latest
// would take the earlier members it let go of instead. It reports false
// when a story has fewer stored members than counted (the state is not of
// this store's stories).
func heldMembers(members []news.Assigned, held []cluster.StoryState) ([]news.Assigned, bool) {
	want := make(map[string]int, len(held))
	keptIn := map[string]string{} // article id -> the story that keeps it whole
	for _, ss := range held {
		want[ss.ID] = ss.N
		for _, k := range ss.Kept {
			keptIn[k.ID] = ss.ID
		}
	}
	keep := make([]bool, len(members))
	kept := 0
	take := func(i int) {
		if id := members[i].StoryID; !keep[i] && want[id] > 0 {
			want[id]--
			keep[i] = true
			kept++
		}
	}
	for i, as := range members {
		if story, ok := keptIn[as.Article.ID]; ok && story == as.StoryID {
			take(i)
		}
	}
	for i := len(members) - 1; i >= 0; i-- {
		take(i)
	}
	for _, n := range want {
		if n > 0 {
			return nil, false
		}
	}
	if kept == len(members) {
		return members, true
	}
	out := make([]news.Assigned, 0, kept)
	for i, as := range members {
		if keep[i] {
			out = append(out, as)
		}
	}
	return out, true
}

// savedStats reads the clusterer's running statistics and state of its
// stream the last writes stored (cluster.StreamStats, in parts: see
// cluster.ReadParts), nil when none was or they do not read (the log
// names the part that does not and says why: the clusterer then starts
// its own afresh, as for a store written before they were saved, and its
// next write stores every part again), the sums of the stored parts
// for the next write (cluster.Clusterer.SaveParts), and the number of the
// newest stored article the last write that stored parts recorded
// (news.StoredSeqPart), nil when none did.
func (w *writer) savedStats(ctx context.Context) (*cluster.StreamStats, map[string]uint64, *int64, error) {
	parts, err := w.st.StreamState(ctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("restore the clusterer: %w", err)
	}
	st, sums, err := cluster.ReadParts(parts)
	if err != nil {
		w.logger.Warn("the stored stream statistics do not read; the clusterer starts its own afresh, the stored articles restored, and the next write stores them all again", "err", err)
	}
	var recorded *int64
	if seq, ok := news.StoredSeq(parts); ok {
		recorded = &seq
	}
	return st, sums, recorded, nil
}

// restoreWindow is how long before the newest stored article a story's
// latest may be for the writer to restore it: the clusterer's Window (its
// default when 0) and 7 days, or, when the saved state says the clusterer
// held stories further back (a stream whose stories develop over weeks
// keeps them open longer, see cluster.Options.StreamPace), back to the
// earliest of those (cluster.StreamState.Since), so that the restore gives
// back every story the clusterer held, but never further back than the
// clusterer's Lookback: a story older than that takes no article and is
// merged with none, and the clusterer holds it only until its next
// eviction (an article of a misread or archive date, years back, would
// otherwise have the restore read the whole store, up to maxRestored).
func restoreWindow(opt cluster.Options, saved *cluster.StreamStats) time.Duration {
	window := opt.Window
	if window <= 0 {
		window = 7 * 24 * time.Hour // the clusterer's default
	}
	window += 7 * 24 * time.Hour
	if saved != nil && saved.State != nil && !saved.State.Since.IsZero() && !saved.Latest.IsZero() {
		window = max(window, min(saved.Latest.Sub(saved.State.Since), opt.Lookback()))
	}
	return window
}

// checkedStats is the running statistics and state of its stream the
// last write stored (saved, nil when none), or nil when this version
// cannot resume them (saved by a clusterer of other signals, or damaged):
// the clusterer then keeps what its restore of the open stories gives it,
// as for a store written before they were saved, and the log says why.
// They are checked once, before any stored article is read, so that a
// state that is refused is neither restored from nor tried again.
func (w *writer) checkedStats(saved *cluster.StreamStats) *cluster.StreamStats {
	if saved == nil {
		return nil
	}
	if err := saved.Check(); err != nil {
		if spansWrapped(saved) {
			w.logger.Warn("the stored stream statistics were saved wrapped (by an earlier version, once its stories' spans summed past 292 years; how often they wrapped is not stored, so they cannot be repaired): the clusterer restores the store's open stories and counts its statistics afresh; no stored article or story is lost, and the next write stores them whole", "err", err)
			return nil
		}
		w.logger.Warn("the stored stream statistics are not resumed; the clusterer starts its own afresh", "err", err)
		return nil
	}
	return saved
}

// resumeStats gives the restored clusterer the running statistics and
// state of its stream the last write stored, checked (resumable, see
// checkedStats; nil when none is resumed), so that it places the next
// articles as the one that stored them would have.
func (w *writer) resumeStats(cl *cluster.Clusterer, resumable *cluster.StreamStats) {
	if resumable == nil {
		return
	}
	if err := cl.ResumeStats(*resumable); err != nil { // checked already: not met
		w.logger.Warn("the stored stream statistics are not resumed; the clusterer starts its own afresh", "err", err)
	}
}

// spansWrapped reports whether saved statistics hold a summed span that
// read negative with nothing above 2^63 ns: the sign of a sum that passed
// a time.Duration's 292 years in a version that kept it in one
// (cluster.StreamStats.PacedSpanOver came with the 128-bit sum). A
// damaged row may read so too; either way the sum is lost.
func spansWrapped(saved *cluster.StreamStats) bool {
	return saved.PacedSpan < 0 && saved.PacedSpanOver == 0 || saved.ClosedSpan < 0 && saved.ClosedSpanOver == 0
}

// stateParts is the parts of the clusterer's saved state to store with a
// write (those changed since the last write, cluster.Clusterer.SaveParts)
// and their sums once stored; none (the stored ones kept) when they do not
// encode: the write's articles matter more than the statistics, which a
// restart can do without.
func (w *writer) stateParts() ([]news.StatePart, map[string]uint64) {
	parts, sums, err := w.cl.SaveParts(w.stateSums)
	if err != nil {
		w.logger.Warn("the clusterer's stream statistics are not saved with this write", "err", err)
		return nil, w.stateSums
	}
	return parts, sums
}

// maxGroup is how many batches the writer takes off the queue at once and
// stores together: the API's one-article batches that arrive together share
// their transactions.
const maxGroup = 16

// run stores batches until ctx ends.
func (w *writer) run(ctx context.Context) {
	for {
		batches, err := w.q.Receive(ctx, maxGroup)
		if err != nil {
			return
		}
		results, err := w.write(ctx, batches)
		for _, r := range results {
			if err := w.q.Ack(context.WithoutCancel(ctx), r); err != nil {
				w.logger.Error("acknowledge batch", "batch", r.Batch, "err", err)
			}
		}
		if errors.Is(err, news.ErrLeaseLost) {
			// Another process writes the database now: every write of
			// this one would fail. The writer stops (Engine.Done).
			w.logger.Error("the writer stops", "err", err)
			return
		}
	}
}

// placed is an article the writer placed, and the batch it came in.
type placed struct {
	batch int
	news.Placement
}

// write places and stores a group of batches and returns their results
// (and the failure, if any). A failure fails the whole group: the clusterer is restored from the store,
// so that it holds nothing the store does not.
func (w *writer) write(ctx context.Context, batches []news.Batch) ([]news.BatchResult, error) {
	results := make([]news.BatchResult, len(batches))
	for i, b := range batches {
		results[i] = news.BatchResult{Batch: b.ID, Job: b.Job}
	}
	w.placedN, w.changesAt, w.captures, w.named = 0, nil, nil, nil
	if w.reread.Swap(false) {
		if err := w.restore(ctx); err != nil {
			w.reread.Store(true) // tried again before the next write
			for i := range results {
				results[i].Err = err.Error()
			}
			return results, err
		}
	}
	all, changes, failed, err := w.place(ctx, batches, results)
	saved := 0
	if err == nil {
		saved, err = w.save(ctx, all, changes, w.changesAt, failed, results)
	}
	if err == nil {
		err = w.setOutlets(ctx, batches, results)
	}
	if err != nil {
		w.logger.Error("store batch", "batches", len(batches), "err", err)
		w.tmpls.forget()
		if rerr := w.restore(ctx); rerr != nil {
			err = errors.Join(err, rerr)
		}
		// The transactions committed before the failure stay: each batch
		// reports the articles of those as stored, and how many were not.
		committed := map[int][]news.Membership{}
		for _, p := range all[:saved] {
			committed[p.batch] = append(committed[p.batch], p.Membership)
		}
		// The articles not stored are not marked as seen: the same inputs
		// added again store them (review s12a #5: the message said neither).
		msg := failureMessage(len(all), saved, err)
		for i := range results {
			results[i] = news.BatchResult{Batch: results[i].Batch, Job: results[i].Job, Added: committed[i],
				NewStories: results[i].NewStories, AlreadyStored: results[i].AlreadyStored, StoredBefore: results[i].StoredBefore, Err: msg}
		}
		if saved > 0 && w.stored != nil {
			w.stored()
		}
		return results, err
	}
	if w.stored != nil {
		w.stored()
	}
	return results, nil
}

// failureMessage says what a failed write left undone: the placed
// articles not stored, or, when all of them were (or none was placed),
// the failure itself (the outlets of pages stored before, outletsNotSet).
func failureMessage(placed, saved int, err error) string {
	var notSet *outletsNotSet
	if placed == 0 || saved == placed && errors.As(err, &notSet) {
		return err.Error()
	}
	return fmt.Sprintf("%d of %d placed articles not stored (adding the same inputs again stores them): %v", placed-saved, placed, err)
}

// setOutlets gives the articles of the pages stored before the outlets
// their inputs name now (news.Batch.Outlets), all the group's in one
// transaction, counting in each batch's result the articles that changed.
func (w *writer) setOutlets(ctx context.Context, batches []news.Batch, results []news.BatchResult) error {
	var all []news.OutletGiven
	var batchOf []int
	for bi, b := range batches {
		for _, o := range b.Outlets {
			all, batchOf = append(all, o), append(batchOf, bi)
		}
	}
	for _, n := range w.named {
		all, batchOf = append(all, n.OutletGiven), append(batchOf, n.batch)
	}
	if len(all) == 0 {
		return nil
	}
	counts, err := w.st.SetSources(ctx, all)
	if err != nil {
		return &outletsNotSet{pages: len(all), err: err}
	}
	for i, n := range counts {
		results[batchOf[i]].OutletsSet += n
	}
	return nil
}

// outletsNotSet is the failure of setOutlets, after every placed article
// was stored: only the outlets named for pages stored before were not set.
type outletsNotSet struct {
	pages int
	err   error
}

func (e *outletsNotSet) Error() string {
	return fmt.Sprintf("the outlets named for %d pages stored before were not set (adding them again with their outlet sets it): %v", e.pages, e.err)
}

func (e *outletsNotSet) Unwrap() error { return e.err }

// place runs the batches through the stream driver: each batch a window,
// its articles found stored before (same URL or text) left out, the others
// given a free id and a story. A final batch ends with the clusterer
// settling.
func (w *writer) place(ctx context.Context, batches []news.Batch, results []news.BatchResult) ([]placed, []news.StoryChange, []news.Raw, error) {
	var (
		all     []placed
		changes []news.StoryChange
		failed  []news.Raw
		failure error
	)
	pending := map[string]news.ArticleRef{} // content hashes and URLs placed in this group: the article placed
	usedIDs := map[string]bool{}            // article ids given out in this group
	// The next batch is prepared while this one is placed.
	for bi, prepared := range preparedAhead(articlesOf(batches), w.cl.Prepare) {
		b := batches[bi]
		if err := w.nameSeen(ctx, b, &results[bi]); err != nil {
			return nil, nil, nil, err
		}
		w.changes = nil
		w.stream.Place(len(b.Items),
			func(i int) time.Time { return b.Items[i].Article.Published },
			func(i int) (cluster.Prepared, bool) {
				if failure != nil {
					return cluster.Prepared{}, false
				}
				it := b.Items[i]
				a, hash := it.Article, it.ContentHash
				storedAs, dup, err := w.st.Duplicate(ctx, a.URL, hash)
				if err != nil {
					failure = err
					return cluster.Prepared{}, false
				}
				if !dup {
					storedAs, dup = pendingAs(pending, a.URL, hash)
				}
				if dup {
					results[bi].AlreadyStored++
					results[bi].StoredBefore = append(results[bi].StoredBefore, news.StoredAs(it.Name, storedAs))
					w.captureFound(storedAs.ID, a.Captures(), !storedAs.SameText)
					w.outletNamed(bi, it.Name, a, storedAs)
					return cluster.Prepared{}, false
				}
				id, err := w.freeID(ctx, a.ID, usedIDs)
				if err != nil {
					failure = err
					return cluster.Prepared{}, false
				}
				usedIDs[id] = true
				ref := news.ArticleRef{ID: id, Title: a.Title, URL: a.URL}
				pending[hash] = ref
				if a.URL != "" {
					pending[a.URL] = ref
				}
				p := prepared[i]
				p.Article.ID = id
				return p, true
			},
			func(i int, m news.Membership) {
				it := b.Items[i]
				a := it.Article
				a.ID = m.ArticleID
				all = append(all, placed{bi, news.Placement{Raw: it.Raw, Article: a, Membership: m, ContentHash: it.ContentHash}})
				w.placedN = len(all)
				results[bi].Added = append(results[bi].Added, m)
				// Only pages that are stored teach their site, and a near
				// copy of an article the site taught teaches nothing, so
				// that one article read twice cannot become "boilerplate".
				if err := w.tmpls.learn(ctx, it.Site, it.Blocks, it.BlockWords, a.Text); err != nil && failure == nil {
					failure = err
				}
			})
		if failure != nil {
			return nil, nil, nil, failure
		}
		if b.Final {
			w.stream.End() // the stories of one article a job left may fit a story now
		}
		results[bi].Changes = w.changes
		changes = append(changes, w.changes...)
		failed = append(failed, b.Failed...)
	}
	return all, changes, failed, nil
}

// pendingAs is the article placed in this group with the URL (when not
// empty) or else the content hash, if one is: the article at the URL
// first, as the stores' Duplicate answers.
func pendingAs(pending map[string]news.ArticleRef, url, hash string) (news.ArticleRef, bool) {
	byText, sameText := pending[hash]
	if url != "" {
		if ref, ok := pending[url]; ok {
			ref.SameText = sameText && byText.ID == ref.ID
			return ref, true
		}
	}
	byText.SameText = sameText
	return byText, sameText
}

// outletNamed keeps the outlet an input names (its article's Source) for
// the article it was found stored as, to be set with the group's writes
// (setOutlets): an article stored with no outlet, added again as a JSONL
// line or another capture that names one, takes it.
func (w *writer) outletNamed(batch int, input string, a news.Article, storedAs news.ArticleRef) {
	if a.Source == "" {
		return
	}
	byURL := a.URL != "" && a.URL == storedAs.URL
	w.named = append(w.named, namedOutlet{batch, news.OutletGiven{Name: input, Article: storedAs.ID, ByURL: byURL, Source: a.Source}})
}

// nameSeen names, in the batch's result, the article each page of the
// batch stored before is stored as (news.Batch.Seen), and keeps the
// pages' captures for those articles.
func (w *writer) nameSeen(ctx context.Context, b news.Batch, r *news.BatchResult) error {
	for _, s := range b.Seen {
		refs, err := w.st.RawArticles(ctx, s.Digest)
		if err != nil {
			return err
		}
		if len(refs) == 0 { // its article deleted since it was looked up
			r.StoredBefore = append(r.StoredBefore, news.StoredBefore{Input: s.Name})
		}
		for _, ref := range refs {
			r.StoredBefore = append(r.StoredBefore, news.StoredAs(s.Name, ref))
			w.captureFound(ref.ID, []news.Capture{s.Capture}, false) // the same bytes: the same text
		}
	}
	return nil
}

// captureFound keeps the captures of an input found stored as article id
// (none for an input not read from an archive), to be saved with the
// group's last write; textChanged marks them as records of the article's
// URL holding another text (news.Capture.TextChanged).
func (w *writer) captureFound(id string, captures []news.Capture, textChanged bool) {
	for _, c := range captures {
		if !c.IsZero() {
			c.TextChanged = textChanged
			w.captures = append(w.captures, news.ArticleCapture{Article: id, Capture: c})
		}
	}
}

// freeID returns id, or id with the first numeric suffix ("-2", "-3", ...)
// that neither the store nor this group has used: two files of one name in
// different folders are two articles.
func (w *writer) freeID(ctx context.Context, id string, used map[string]bool) (string, error) {
	candidate := id
	for n := 2; ; n++ {
		if !used[candidate] {
			taken, err := w.st.IDTaken(ctx, candidate)
			if err != nil || !taken {
				return candidate, err
			}
		}
		candidate = fmt.Sprintf("%s-%d", id, n)
	}
}

// save stores the placed articles in transactions of BatchSize articles,
// each with the story changes made among its articles (changesAt: how many
// of all were placed before each change), the last with the failed pages,
// the changes made after every placement and the site templates, and tells
// each batch which stories it began. It returns how many of all were
// committed: on a failure, those of the transactions before it, which hold
// the articles and changes made before it (the order made).
func (w *writer) save(ctx context.Context, all []placed, changes []news.StoryChange, changesAt []int, failed []news.Raw, results []news.BatchResult) (int, error) {
	templates, err := w.tmpls.take()
	if err != nil {
		return 0, err
	}
	firstBatch := map[string]int{} // story -> the batch that placed its first article here
	for _, p := range all {
		if _, ok := firstBatch[p.Membership.StoryID]; !ok {
			firstBatch[p.Membership.StoryID] = p.batch
		}
	}
	chunks := slices.Collect(slices.Chunk(all, w.opt.BatchSize))
	if len(chunks) == 0 {
		if len(changes) == 0 && len(failed) == 0 && len(templates) == 0 && len(w.captures) == 0 {
			return 0, nil
		}
		chunks = [][]placed{nil}
	}
	now := w.opt.Now()
	saved, next := 0, 0 // next: the first change not given to a chunk
	var sums map[string]uint64
	for i, chunk := range chunks {
		wb := news.WriteBatch{At: now}
		for _, p := range chunk {
			wb.Placements = append(wb.Placements, p.Placement)
		}
		last := i == len(chunks)-1
		// A change made before this chunk's last placement, or any left
		// for the last chunk, is stored here, after the placements made
		// before it.
		for ; next < len(changes) && (last || changesAt[next] < saved+len(chunk)); next++ {
			wb.Changes = append(wb.Changes, changes[next])
			wb.ChangesAfter = append(wb.ChangesAfter, changesAt[next]-saved)
		}
		if last {
			wb.Failed, wb.Templates, wb.Captures = failed, templates, w.captures
			wb.StreamState, sums = w.stateParts()
		}
		newStories, err := w.st.SaveBatch(ctx, wb)
		if err != nil {
			return saved, err
		}
		if last {
			w.stateSums = sums
		}
		saved += len(chunk)
		for _, id := range newStories {
			if bi, ok := firstBatch[id]; ok {
				results[bi].NewStories = append(results[bi].NewStories, id)
			}
		}
	}
	return saved, nil
}

// articlesOf lists each batch's articles, the windows preparedAhead
// prepares.
func articlesOf(batches []news.Batch) [][]news.Article {
	windows := make([][]news.Article, len(batches))
	for bi, b := range batches {
		windows[bi] = make([]news.Article, len(b.Items))
		for i, it := range b.Items {
			windows[bi][i] = it.Article
		}
	}
	return windows
}
