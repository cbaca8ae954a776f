package cluster

import (
	"fmt"
	"math"

	"github.com/storyline-news/storyline/internal/news"
)

// TakeChanges returns the merges and splits made since the last call, oldest
// first, and forgets them: the caller records them.
func (c *Clusterer) TakeChanges() []news.StoryChange {
	out := c.changes
	c.changes = nil
	return out
}

// ApplyChanges moves the articles of merges and splits in an article ->
// story map, for callers that keep assignments themselves.
func ApplyChanges(assigned map[string]string, changes []news.StoryChange) {
	for _, ch := range changes {
		to := ch.Story
		if ch.Kind == "split" {
			to = ch.Other
		}
		for _, id := range ch.Articles {
			assigned[id] = to
		}
	}
}

// mergeIfSame checks whether story s, which just took an article, has become
// the same event as another story the article could have joined (the
// average similarity between their articles reaches MergeThreshold), and if
// so merges the two (see largerFirst). Two reports of one event can start
// two stories when the first ones say little; a later one that fits both
// bridges them.
func (c *Clusterer) mergeIfSame(s *story, alsoClose []*story) {
	other, score := c.closestStory(s, alsoClose)
	if other == nil || score < c.opt.MergeThreshold {
		return
	}
	keep, gone := largerFirst(s, other)
	c.merge(keep, gone, score, c.opt.MergeThreshold,
		fmt.Sprintf("an article that fits both stories joined %s; their articles' average similarity reached %.2f (merge threshold %.2f)",
			s.id, score, c.opt.MergeThreshold))
}

// closestStory returns the candidate whose articles are on average closest
// to those of story s, and that average similarity.
func (c *Clusterer) closestStory(s *story, candidates []*story) (*story, float64) {
	var best *story
	score := 0.0
	c.rescale(s)
	for _, t := range candidates {
		if t == s || t.merged {
			continue
		}
		c.rescale(t)
		if sc := c.averageLink(s, t); sc > score {
			best, score = t, sc
		}
	}
	return best, score
}

// largerFirst orders two stories to be merged: the smaller goes into the
// larger, with equal sizes the younger into the older.
func largerFirst(a, b *story) (keep, gone *story) {
	if len(b.all) > len(a.all) || len(b.all) == len(a.all) && b.created < a.created {
		return b, a
	}
	return a, b
}

// merge moves every article of gone into keep and records why.
func (c *Clusterer) merge(keep, gone *story, score, threshold float64, reason string) {
	moved := gone.articleIDs()
	c.absorb(keep, gone)
	c.changes = append(c.changes, news.StoryChange{
		Kind: "merge", Story: keep.id, Other: gone.id, Articles: moved, Score: roundScore(score), Threshold: threshold, Reason: reason,
	})
}

// averageLink is the average cosine between the articles of two stories
// (the dot product of their mean unit vectors).
func (c *Clusterer) averageLink(a, b *story) float64 {
	if len(b.slot) < len(a.slot) {
		a, b = b, a
	}
	var dot float64
	for h, i := range a.slot {
		aw := a.w[i]
		if bw, ok := b.weight(h); ok {
			idf := c.idf(h)
			dot += aw / a.size() * bw / b.size() * idf * idf
		}
	}
	return dot
}

// splitDrifted takes out of a story of three or more articles the one that
// fits it least, when its average similarity to the others is below
// SplitThreshold, and makes it a story of its own. The article that just
// joined is not a candidate: it joined on its score a moment ago.
func (c *Clusterer) splitDrifted(s *story) {
	if len(s.all) < 3 {
		return
	}
	c.rescale(s)
	var worst *member
	worstScore := math.Inf(1)
	for _, m := range s.all[:len(s.all)-1] {
		var dot, self float64
		for _, t := range m.vec {
			idf := c.idf(t.h)
			w := t.w * m.scale
			sw, _ := s.weight(t.h)
			dot += w * sw * idf * idf
			self += w * w * idf * idf
		}
		if score := (dot - self) / (s.size() - 1); score < worstScore {
			worst, worstScore = m, score
		}
	}
	if worst == nil || worstScore >= c.opt.SplitThreshold {
		return
	}
	c.detach(s, worst)
	id := StoryID(fmt.Sprintf("%s#split%d", worst.id, c.seq))
	c.attach(c.newStory(id), worst)
	c.changes = append(c.changes, news.StoryChange{
		Kind: "split", Story: s.id, Other: id, Articles: []string{worst.id}, Score: roundScore(worstScore), Threshold: c.opt.SplitThreshold,
		Reason: fmt.Sprintf("%s had drifted from the rest of its story (average similarity %.2f, split threshold %.2f) and now stands as a story of its own",
			worst.id, worstScore, c.opt.SplitThreshold),
	})
}

// absorb moves every article of gone into keep. gone stays in the postings,
// marked merged, until the next eviction drops it.
func (c *Clusterer) absorb(keep, gone *story) {
	for _, m := range gone.all {
		c.attach(keep, m)
	}
	gone.merged = true
	delete(c.stories, gone.id)
	c.mergedSinceEvict++
}

// roundScore keeps two decimals, for scores people read.
func roundScore(x float64) float64 { return math.Round(x*100) / 100 }
