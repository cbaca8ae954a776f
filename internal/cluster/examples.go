package cluster

import (
	"fmt"
	"slices"
)

// ExampleSet are the join model's training rows from one labelled stream:
// the signals of every candidate story scored for an article, whether the
// article belongs to it, and which article each row is of.
type ExampleSet struct {
	Rows    [][]float64
	Labels  []bool
	Article []int32 // the article (its place in the stream) each row scores
	// HadStory tells, per article, whether a story of its gold label was
	// open when it came (joining one was possible), and Placed whether a
	// near-duplicate placed it without the model.
	HadStory, Placed []bool
}

// Examples replays a labelled stream (articles in stream order, each with
// its gold story) with the gold history: each article is scored against the
// stories that the earlier articles form by their gold labels, exactly as
// Add would score it (the same candidate lookup, the same windows), and
// then joins its gold story. The rows are what the join model is fitted
// on. An article that a near-duplicate places gives no rows (Add does not
// ask the model about it), and an article whose gold story has closed
// starts a new part of it, as Add would have to.
func Examples(stream []Prepared, gold []string, opt Options) (ExampleSet, error) {
	var ex ExampleSet
	if len(stream) != len(gold) {
		return ex, fmt.Errorf("examples: %d articles and %d gold labels", len(stream), len(gold))
	}
	opt.Model = &Model{} // not consulted: examples set the probabilities aside
	c := New(opt)
	goldOf := map[*story]string{}
	parts := map[string]*story{} // gold label -> its latest part
	var current string
	var article int32
	c.examples = func(sig []float64, s *story) {
		ex.Rows = append(ex.Rows, slices.Clone(sig))
		ex.Labels = append(ex.Labels, goldOf[s] == current)
		ex.Article = append(ex.Article, article)
	}
	for i, p := range stream {
		_, f := c.featuresFor(p)
		c.learn(f)
		c.seq++
		current, article = gold[i], int32(i)
		s := parts[current]
		open := s != nil && c.open(s, f.when)
		ex.HadStory = append(ex.HadStory, open)
		dup, _ := c.nearDuplicate(f, f.when)
		ex.Placed = append(ex.Placed, dup != nil)
		if dup == nil {
			c.score(c.prepareQuery(f), f.when)
		}
		if !open {
			s = c.newStory(p.Article.ID)
			goldOf[s], parts[current] = current, s
		}
		c.join(s, p.Article.ID, f)
	}
	return ex, nil
}
