package cluster

import "slices"

// What keeps a regrouping from being undone. A regrouping (see regroup)
// takes a group of articles out of a story, into a story of its own or
// into another open story; a merge, link or move that joined the two again
// would undo it, and the next settle could make it again, the articles
// going back and forth with their reasons growing by a clause each time
// (session 11). So each regrouping leaves a parting: the story the group
// left, and the group's articles. The story left is followed through the
// merges since (the story that absorbs it holds what it held); the group
// is followed by its articles: the stories that hold at least half of
// them hold the group, whichever story that is now (the one it was put
// in, the story that absorbed that one, or the story a later regrouping
// took most of it to). Two stories are kept apart while one is the story
// left and the other holds the group (see keptApart).
//
// The trade-off. Session 12 kept a record per article instead: every
// story an article was ever taken out of, and each later story that
// article was regrouped into was kept apart from all of them. That
// catches a group split off, linked into another story, and split off
// that one again (allsides_val then allsides_dated in 4 runs, review
// s11b #2), which the parting catches too (the group's articles are where
// they went); but one article's early regrouping then kept every story
// it later landed in apart from the stories it had left, for as long as
// they stayed open, even when that article was one of a few in a story
// of many that had grown to be the same event as the story it left (a
// record that grew with the stream, review s12a #4). A parting keeps
// nothing apart while no story holds half of its group: its articles were
// scattered by later regroupings, each judged on the stories as they had
// grown, and a story holding a few of them may join the story they left
// (should the parts come together again, the story that holds them is
// kept apart again). Half, not a majority: of a group of two, the story
// each article is in holds it, so a single article moved on leaves both
// kept apart from the story left, as the trail did. The share is a choice
// of meaning, not measured: on the development files the trail and the
// parting give the same memberships (docs/measurements/clustering.md). What the parting does not
// follow is the rest of the story left: a later regrouping of that story
// takes its smaller group out (see bisect), and the story left keeps its
// id and the parting; should the smaller group be the bulk of what faced
// the parted group, that bulk is free to join it again.
//
// A parting lasts while the story left is open and any of the group's
// articles is in an open story: memory follows the open stories, not the
// length of the stream.

// parting is the record one regrouping leaves: it took the articles of
// group out of story from.
type parting struct {
	from  *story         // the story the group left, or the story that absorbed it since
	group []string       // the articles taken out
	held  map[*story]int // the open stories holding articles of group, and how many each
}

// holds reports whether story s holds the group: at least half of its
// articles.
func (p *parting) holds(s *story) bool {
	return 2*p.held[s] >= len(p.group)
}

// noteParting records that a regrouping took the articles ids of story
// from into story to (which holds them all now), so that the two stories,
// and whatever stories hold them later, are kept apart (see keptApart).
func (c *Clusterer) noteParting(from, to *story, ids []string) {
	p := &parting{from: from, group: slices.Clone(ids), held: map[*story]int{to: len(ids)}}
	c.index(p, from)
	c.index(p, to)
}

// RestoreParting records a regrouping stored by an earlier run (restored
// with Restore): it took articles out of story from (followed through the
// merges since), and stories gives the open story each of them is in now
// ("" when closed, or not restored), so that a restored clusterer keeps apart what the
// clusterer that made the regrouping would (review s11b #3, s12a #2). A
// story not restored holds nothing. It reports whether the parting is
// kept: the story left is restored and a restored story holds an article
// of the group.
func (c *Clusterer) RestoreParting(from string, articles, stories []string) bool {
	f := c.stories[from]
	if f == nil || len(articles) == 0 || len(articles) != len(stories) {
		return false
	}
	p := &parting{from: f, group: slices.Clone(articles), held: map[*story]int{}}
	for _, id := range stories {
		if s := c.stories[id]; s != nil {
			p.held[s]++
		}
	}
	if len(p.held) == 0 {
		return false
	}
	c.index(p, f)
	for s := range p.held {
		c.index(p, s)
	}
	return true
}

// keptApart reports whether stories a and b are kept apart: a regrouping
// took a group out of one of them, and the other holds that group now.
func (c *Clusterer) keptApart(a, b *story) bool {
	if a == b {
		return false
	}
	for _, p := range c.parted[a] {
		if p.from == a && p.holds(b) || p.from == b && p.holds(a) {
			return true
		}
	}
	return false
}

// index lists parting p under story s (the story left, or one holding
// articles of the group), once.
func (c *Clusterer) index(p *parting, s *story) {
	if c.parted == nil {
		c.parted = map[*story][]*parting{}
	}
	if !slices.Contains(c.parted[s], p) {
		c.parted[s] = append(c.parted[s], p)
	}
}

// unindex takes parting p off story s's list.
func (c *Clusterer) unindex(p *parting, s *story) {
	ps := slices.DeleteFunc(c.parted[s], func(x *parting) bool { return x == p })
	if len(ps) == 0 {
		delete(c.parted, s)
	} else {
		c.parted[s] = ps
	}
}

// moveHeld follows the articles ids, taken out of story s into story t,
// in the partings whose groups they belong to.
func (c *Clusterer) moveHeld(s, t *story, ids []string) {
	for _, p := range slices.Clone(c.parted[s]) {
		n := 0
		for _, id := range ids {
			if slices.Contains(p.group, id) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		if p.held[s] -= n; p.held[s] <= 0 {
			delete(p.held, s)
			if p.from != s {
				c.unindex(p, s)
			}
		}
		p.held[t] += n
		c.index(p, t)
	}
}

// inheritApart hands story keep, which absorbed gone, gone's place in
// every parting: the story left, and the articles held.
func (c *Clusterer) inheritApart(keep, gone *story) {
	for _, p := range c.parted[gone] {
		if p.from == gone {
			p.from = keep
		}
		if n := p.held[gone]; n > 0 {
			p.held[keep] += n
			delete(p.held, gone)
		}
		c.index(p, keep)
	}
	delete(c.parted, gone)
}

// forgetApart drops a story that closes (is evicted) from the partings: a
// parting whose story left closed, or whose group is held by no open
// story any more, is dropped.
func (c *Clusterer) forgetApart(s *story) {
	for _, p := range c.parted[s] {
		delete(p.held, s)
		if p.from != s && len(p.held) > 0 {
			continue
		}
		for x := range p.held {
			c.unindex(p, x)
		}
		if p.from != s {
			c.unindex(p, p.from)
		}
	}
	delete(c.parted, s)
}
