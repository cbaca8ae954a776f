// Package cluster groups a stream of articles into stories, one story per
// event, across outlets and rewrites. It assigns each article as it arrives
// (single pass, candidates from an inverted index over the stories still open),
// marks near-duplicates found by MinHash LSH, and traces which article copies
// or rewrites which. It does no I/O and reads no clock: times come with the
// articles.
package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// Options tune the clusterer. The zero value of a field means its default.
type Options struct {
	// Window is how long a story stays open for new articles after its latest
	// article. Default 7 days.
	Window time.Duration
	// Threshold is the similarity an article needs to join a story. Default 0.4,
	// the best single value on the ECB+ and AllSides development sets.
	Threshold float64
	// DuplicateSimilarity is the MinHash Jaccard estimate above which an article
	// is a near-duplicate of an earlier one. Default 0.6.
	DuplicateSimilarity float64
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 7 * 24 * time.Hour
	}
	if o.Threshold <= 0 {
		o.Threshold = 0.4
	}
	if o.DuplicateSimilarity <= 0 {
		o.DuplicateSimilarity = 0.6
	}
	return o
}

// story is the clusterer's state for one open story.
type story struct {
	id       string
	tf       map[string]float64 // sum of the members' term frequencies
	names    map[string]int
	numbers  map[string]int
	members  int
	last     time.Time // latest publication time seen
	articles []string

	normValue float64 // cached centroid length, see Clusterer.norm
	normDocs  int
	dirty     bool
}

// member is what the clusterer keeps of an article for near-duplicate checks.
type member struct {
	id    string
	story *story
	sig   []uint64
}

// Clusterer assigns articles to stories. It is not safe for concurrent use.
type Clusterer struct {
	opt      Options
	stories  map[string]*story
	postings map[string]map[*story]struct{} // term -> open stories holding it
	df       map[string]int                 // documents seen per term
	docs     int
	buckets  map[uint64][]*member // LSH band key -> members
	seq      int
}

// New returns an empty clusterer.
func New(opt Options) *Clusterer {
	return &Clusterer{
		opt:      opt.withDefaults(),
		stories:  map[string]*story{},
		postings: map[string]map[*story]struct{}{},
		df:       map[string]int{},
		buckets:  map[uint64][]*member{},
	}
}

// StoryID names the story that an article starts: a short stable hash, so that
// the same stream always gives the same ids.
func StoryID(firstArticleID string) string {
	sum := sha256.Sum256([]byte("story:" + firstArticleID))
	return hex.EncodeToString(sum[:6])
}

// Add assigns an article to the best open story or starts a new one, and
// returns why.
func (c *Clusterer) Add(a news.Article) news.Membership {
	return c.AddPrepared(Prepare(a))
}

// Prepared is an article with the features the clusterer compares, computed
// ahead of Add: they cost more than the assignment itself, and a pipeline can
// compute them on its extraction workers.
type Prepared struct {
	Article news.Article
	f       features
}

// Prepare computes an article's clustering features. It is safe to call from
// many goroutines.
func Prepare(a news.Article) Prepared { return Prepared{Article: a, f: featuresOf(a)} }

// AddPrepared is Add for an article whose features were prepared.
func (c *Clusterer) AddPrepared(p Prepared) news.Membership {
	a, f := p.Article, p.f
	c.learn(f)
	when := a.Published
	c.seq++
	if dup, sim := c.nearDuplicate(f, when); dup != nil {
		m := news.Membership{
			ArticleID: a.ID, StoryID: dup.story.id, Score: sim, Threshold: c.opt.DuplicateSimilarity,
			DuplicateOf: dup.id,
			Reason:      fmt.Sprintf("near-duplicate of %s (estimated text overlap %.0f%%)", dup.id, 100*sim),
		}
		c.join(dup.story, a, f, when)
		return m
	}
	best, score := c.bestStory(f, when)
	if best == nil || score < c.opt.Threshold {
		s := &story{id: StoryID(a.ID), tf: map[string]float64{}, names: map[string]int{}, numbers: map[string]int{}}
		if _, taken := c.stories[s.id]; taken {
			s.id = StoryID(fmt.Sprintf("%s#%d", a.ID, c.seq))
		}
		c.stories[s.id] = s
		c.join(s, a, f, when)
		reason := "starts a new story: no open story was similar enough"
		if best != nil {
			reason = fmt.Sprintf("starts a new story: the closest open story scored %.2f, below %.2f", score, c.opt.Threshold)
		}
		return news.Membership{ArticleID: a.ID, StoryID: s.id, Score: 1, Threshold: c.opt.Threshold, Reason: reason}
	}
	terms, names := c.explain(f, best)
	c.join(best, a, f, when)
	return news.Membership{
		ArticleID: a.ID, StoryID: best.id, Score: score, Threshold: c.opt.Threshold,
		SharedTerms: terms, SharedNames: names,
		Reason: fmt.Sprintf("similarity %.2f to the story (threshold %.2f); shared terms: %s",
			score, c.opt.Threshold, strings.Join(terms, ", ")),
	}
}

// Restore puts an article back into a story it was assigned to earlier, so
// that a clusterer rebuilt from storage continues where the last one stopped.
func (c *Clusterer) Restore(a news.Article, storyID string) {
	f := featuresOf(a)
	c.learn(f)
	c.seq++
	s := c.stories[storyID]
	if s == nil {
		s = &story{id: storyID, tf: map[string]float64{}, names: map[string]int{}, numbers: map[string]int{}}
		c.stories[storyID] = s
	}
	c.join(s, a, f, a.Published)
}

func (c *Clusterer) learn(f features) {
	c.docs++
	for t := range f.tf {
		c.df[t]++
	}
}

func (c *Clusterer) idf(t string) float64 {
	return math.Log(float64(c.docs+1)/float64(c.df[t]+1)) + 1
}

func (c *Clusterer) join(s *story, a news.Article, f features, when time.Time) {
	for t, w := range f.tf {
		if _, ok := s.tf[t]; !ok {
			p := c.postings[t]
			if p == nil {
				p = map[*story]struct{}{}
				c.postings[t] = p
			}
			p[s] = struct{}{}
		}
		s.tf[t] += w
	}
	for n := range f.names {
		s.names[n]++
	}
	for n := range f.numbers {
		s.numbers[n]++
	}
	s.members++
	s.dirty = true
	s.articles = append(s.articles, a.ID)
	if when.After(s.last) {
		s.last = when
	}
	m := &member{id: a.ID, story: s, sig: f.sig}
	if f.words >= 20 {
		for _, k := range f.sig.Bands(lshBands) {
			c.buckets[k] = append(c.buckets[k], m)
		}
	}
	if c.seq%1000 == 0 {
		c.evict(when)
	}
}

// open reports whether a story still takes articles published at when.
func (c *Clusterer) open(s *story, when time.Time) bool {
	if when.IsZero() || s.last.IsZero() {
		return true
	}
	d := when.Sub(s.last)
	if d < 0 {
		d = -d
	}
	return d <= c.opt.Window
}

// bestStory scores the open stories that share a distinctive term with the
// article and returns the best.
//
//	score = cos(article, story centroid over TF-IDF weights)
//	      + min(0.10, 0.02 x shared names)
//	      + min(0.05, 0.01 x shared numbers)
//
// Candidates come from the postings of the article's 60 highest-weighted terms
// (terms in more than half of all documents are not looked up); their partial
// dot products rank them, and the best 10 are scored in full.
func (c *Clusterer) bestStory(f features, when time.Time) (*story, float64) {
	type tw struct {
		t string
		w float64
	}
	weights := make([]tw, 0, len(f.tf))
	for t, w := range f.tf {
		if c.df[t]*2 > c.docs+1 && c.docs > 10 {
			continue
		}
		weights = append(weights, tw{t, w * c.idf(t)})
	}
	sort.Slice(weights, func(i, j int) bool {
		return weights[i].w > weights[j].w || weights[i].w == weights[j].w && weights[i].t < weights[j].t
	})
	partial := map[*story]float64{}
	for _, x := range weights[:min(60, len(weights))] {
		idf := c.idf(x.t)
		for s := range c.postings[x.t] {
			if c.open(s, when) {
				partial[s] += x.w * s.tf[x.t] / float64(s.members) * idf
			}
		}
	}
	type cand struct {
		s *story
		p float64
	}
	cands := make([]cand, 0, len(partial))
	for s, p := range partial {
		cands = append(cands, cand{s, p / c.norm(s)})
	}
	sort.Slice(cands, func(i, j int) bool {
		return cands[i].p > cands[j].p || cands[i].p == cands[j].p && cands[i].s.id < cands[j].s.id
	})
	var best *story
	bestScore := 0.0
	for _, cd := range cands[:min(10, len(cands))] {
		if sc := c.similarity(f, cd.s); sc > bestScore {
			best, bestScore = cd.s, sc
		}
	}
	return best, bestScore
}

// norm is the length of a story's TF-IDF centroid, cached until the story
// changes or the document frequencies have grown by a fifth.
func (c *Clusterer) norm(s *story) float64 {
	if s.normDocs > 0 && !s.dirty && c.docs <= s.normDocs+s.normDocs/5 {
		return s.normValue
	}
	var ns float64
	for t, sw := range s.tf {
		ws := sw / float64(s.members) * c.idf(t)
		ns += ws * ws
	}
	s.normValue, s.normDocs, s.dirty = math.Sqrt(ns), c.docs, false
	if s.normValue == 0 {
		s.normValue = 1
	}
	return s.normValue
}

func (c *Clusterer) similarity(f features, s *story) float64 {
	var dot, na float64
	for t, w := range f.tf {
		idf := c.idf(t)
		wa := w * idf
		na += wa * wa
		if sw, ok := s.tf[t]; ok {
			dot += wa * sw / float64(s.members) * idf
		}
	}
	if na == 0 {
		return 0
	}
	score := dot / (math.Sqrt(na) * c.norm(s))
	names, numbers := 0, 0
	for n := range f.names {
		if s.names[n] > 0 {
			names++
		}
	}
	for n := range f.numbers {
		if s.numbers[n] > 0 {
			numbers++
		}
	}
	return score + math.Min(0.10, 0.02*float64(names)) + math.Min(0.05, 0.01*float64(numbers))
}

// explain lists the terms and names that weigh most in an article's match with
// a story.
func (c *Clusterer) explain(f features, s *story) (terms, names []string) {
	type tw struct {
		t string
		w float64
	}
	var shared []tw
	for t, w := range f.tf {
		if sw, ok := s.tf[t]; ok {
			idf := c.idf(t)
			shared = append(shared, tw{t, w * sw / float64(s.members) * idf * idf})
		}
	}
	sort.Slice(shared, func(i, j int) bool {
		return shared[i].w > shared[j].w || shared[i].w == shared[j].w && shared[i].t < shared[j].t
	})
	for _, x := range shared[:min(8, len(shared))] {
		terms = append(terms, x.t)
	}
	for n := range f.names {
		if s.names[n] > 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	if len(names) > 8 {
		names = names[:8]
	}
	return terms, names
}

// nearDuplicate finds an earlier article in an open story whose text is nearly
// the same.
func (c *Clusterer) nearDuplicate(f features, when time.Time) (*member, float64) {
	if f.words < 20 {
		return nil, 0
	}
	var best *member
	bestSim := 0.0
	seen := map[*member]bool{}
	for _, k := range f.sig.Bands(lshBands) {
		for _, m := range c.buckets[k] {
			if seen[m] || !c.open(m.story, when) {
				continue
			}
			seen[m] = true
			if sim := f.sig.Similarity(m.sig); sim > bestSim {
				best, bestSim = m, sim
			}
		}
	}
	if bestSim < c.opt.DuplicateSimilarity {
		return nil, 0
	}
	return best, bestSim
}

// evict drops stories that closed more than a window before now, with their
// postings and LSH entries, so that memory follows the window and not the
// length of the stream.
func (c *Clusterer) evict(now time.Time) {
	if now.IsZero() {
		return
	}
	closed := map[*story]bool{}
	for id, s := range c.stories {
		if !s.last.IsZero() && now.Sub(s.last) > 2*c.opt.Window {
			closed[s] = true
			delete(c.stories, id)
		}
	}
	if len(closed) == 0 {
		return
	}
	for t, p := range c.postings {
		for s := range p {
			if closed[s] {
				delete(p, s)
			}
		}
		if len(p) == 0 {
			delete(c.postings, t)
		}
	}
	for k, ms := range c.buckets {
		kept := ms[:0]
		for _, m := range ms {
			if !closed[m.story] {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			delete(c.buckets, k)
		} else {
			c.buckets[k] = kept
		}
	}
}
