package cluster

import "fmt"

// The cold start. The clusterer weighs terms by the stream's own running
// IDF, and a young stream's IDF is a poor one: while the stream holds only
// the reports of its first event, every word of that event is in most of
// its documents and weighs least, so those reports look no more alike than
// reports of anything else and start stories of their own (ECB+'s first
// event, Tara Reid's rehab, 18 reports, was left in four stories; sessions
// 46 and 47 of docs/measurements/clustering.md). Weighing the words
// another way from the start (a prior of empty documents, a background
// table of news at large) also made a small stream's twin events look
// alike, and was not kept (session 47). So the clusterer looks at the cold
// start again once the stream has words of its own: when it has placed
// Options.ColdStart articles, it places them again, in their order, on a
// clusterer of its own whose document frequencies are those of all of them
// (counted before the first is placed, and held still while they are),
// and merges the stories it holds that the replay put in one story, each
// whole (see wholeWithin). Only merges, through the path every merge takes
// (see merge), recorded before the next article is placed: what the cold
// start splits is an event's reports, and a story the replay would cut in
// two is left to the settle's regrouping, as any other. The replay itself
// is thrown away; the stream goes on from the stories as merged. What it
// costs: the replay's weights make twin events look alike as the
// background table's did, and it merges them when it places them wholly
// together (newswcl50's two North Korea events, placed among a stream's
// first 200 articles, in 2 of 30 orders probed; session 48).

// defaultColdStart is the articles after which the clusterer places the
// stream's first articles again (see the cold start above). ECB+'s first
// event has 18 reports and its first topic 39: at 200 articles a word of
// each of the first event's reports is in 9% of the documents (IDF 3.4,
// against 1 while the event was placed), and one of its topic in 20%.
// Chosen among 50, 100 and 200 on the development files (held out, fold
// models replayed, not refitted; docs/measurements/clustering.md, session
// 48): 100 made a wrong merge of two of duc2003's events (its TDT events
// .904 -> .883), 200 gained most on ecbplus_dev (.912 -> .921) and basil
// (.983 -> .988). Placing 200 articles again costs once what placing them
// did.
const defaultColdStart = 200

// coldStart is what the clusterer keeps of the stream's first articles
// until it places them again.
type coldStart struct {
	first []Prepared // the articles placed so far, in order, with their features
	over  bool       // placed again, or never to be (restored from a store, or turned off)
}

// noteColdStart keeps an article the clusterer places while its cold start
// is not over, to place it again (see replayColdStart).
func (c *Clusterer) noteColdStart(p Prepared) {
	if !c.cold.over {
		c.cold.first = append(c.cold.first, p)
	}
}

// replayColdStartIfDue looks at the cold start again (see replayColdStart)
// once the clusterer has placed Options.ColdStart articles.
func (c *Clusterer) replayColdStartIfDue() {
	if !c.cold.over && len(c.cold.first) >= c.opt.ColdStart {
		c.replayColdStart()
	}
}

// replayColdStart places the stream's first articles again (see
// placedAgain) and merges the stories that hold them as the replay says
// (see wholeWithin): each group into its story of most articles (of
// equal ones, the first), except a story kept apart from it (see
// keptApart: a regrouping parted them). Nothing is merged when an article
// placed is in no story the clusterer holds, or the same id came twice (a
// caller's mistake).
func (c *Clusterer) replayColdStart() {
	first := c.cold.first
	c.cold = coldStart{over: true}
	placed, ok := articleStories(c.stories, first)
	if !ok {
		return
	}
	replayed, ok := articleStories(c.placedAgain(first).stories, first)
	if !ok {
		return
	}
	for _, group := range wholeWithin(first, placed, replayed) {
		keep := group[0]
		for _, s := range group[1:] {
			if s.n > keep.n {
				keep = s
			}
		}
		for _, s := range group {
			if s == keep || c.keptApart(keep, s) {
				continue
			}
			c.merge(keep, s, 1, 0, fmt.Sprintf(
				"placed again once the stream had %d articles, with the weights its words have by then, the articles of %s and %s were one story (a young stream weighs the words of its first events least)",
				len(first), keep.id, s.id))
		}
	}
}

// placedAgain places the articles first again, in their order, on a new
// clusterer of c's options whose document frequencies are those of all of
// them, held still while they are placed, and returns it.
func (c *Clusterer) placedAgain(first []Prepared) *Clusterer {
	r := New(c.opt)
	r.cold.over = true
	for _, p := range first {
		r.learn(p.f)
	}
	r.frozen = true
	for _, p := range first {
		r.AddPrepared(p)
	}
	return r
}

// articleStories maps each article of first to the story of stories that
// holds it; false when one is in none, or an id comes twice.
func articleStories(stories map[string]*story, first []Prepared) (map[string]*story, bool) {
	of := make(map[string]*story, len(first))
	for _, p := range first {
		if _, twice := of[p.Article.ID]; twice {
			return nil, false
		}
		of[p.Article.ID] = nil
	}
	for _, s := range stories {
		for _, id := range s.ids {
			if _, ok := of[id]; ok {
				of[id] = s
			}
		}
	}
	for _, s := range of {
		if s == nil {
			return nil, false
		}
	}
	return of, true
}

// wholeWithin groups the stories the first articles are in (placed) by
// the story of the replay (replayed) that holds each whole: a story whose
// articles the replay put in two or more stories is in no group. It
// returns the groups of two or more, each in the order the stories' first
// articles came, the groups in the order of their first stories.
func wholeWithin(first []Prepared, placed, replayed map[string]*story) [][]*story {
	within := map[*story]*story{} // a story placed -> the replayed story holding it whole, nil if none
	var order []*story            // the stories placed, in the order their first articles came
	for _, p := range first {
		s, r := placed[p.Article.ID], replayed[p.Article.ID]
		prev, seen := within[s]
		switch {
		case !seen:
			within[s] = r
			order = append(order, s)
		case prev != r:
			within[s] = nil
		}
	}
	groups := map[*story][]*story{}
	var rs []*story // the replayed stories, in the order of their first groups' stories
	for _, s := range order {
		if r := within[s]; r != nil {
			if groups[r] == nil {
				rs = append(rs, r)
			}
			groups[r] = append(groups[r], s)
		}
	}
	var out [][]*story
	for _, r := range rs {
		if len(groups[r]) >= 2 {
			out = append(out, groups[r])
		}
	}
	return out
}
