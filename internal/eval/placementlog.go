package eval

import (
	"cmp"
	"maps"
	"slices"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// PlacementStep is one step the clusterer took on a labelled set (an
// article placed, or a late correction), judged against the gold: which
// step first put two events in one story, or left an event in two. It is
// what eval cluster --placement-log writes, to trace a run's errors to the
// step that made them instead of reading the final memberships backwards.
type PlacementStep struct {
	File string `json:"file"`
	Step int    `json:"step"` // the step's place in the run, from 1
	// Kind is "new" (an article started a story), "join" (it joined one),
	// or the change's kind: "merge", "split" or "move".
	Kind    string `json:"kind"`
	Verdict string `json:"verdict"` // see the verdict constants
	// Article, Title and Gold are the placed article's (new and join).
	Article string `json:"article,omitempty"`
	Title   string `json:"title,omitempty"`
	Gold    string `json:"gold,omitempty"`
	// Story is the story joined or started, or the change's Story; StoryGold
	// the gold story most of its articles were in before the step ("" for a
	// new story).
	Story     string `json:"story"`
	StoryGold string `json:"story_gold,omitempty"`
	// Other is the change's other story (merged in, split off, moved into);
	// for a wrong join or a new story that splits its event, the story that
	// holds most of the article's gold story. OtherGold is its gold story
	// most of its articles were in before the step.
	Other     string   `json:"other,omitempty"`
	OtherGold string   `json:"other_gold,omitempty"`
	Moved     []string `json:"moved,omitempty"`      // the articles a change moved
	MovedGold string   `json:"moved_gold,omitempty"` // the gold story most of them are in
	Score     float64  `json:"score"`
	Threshold float64  `json:"threshold"`
	Reason    string   `json:"reason"`
	// Lone is, for a merge the lone step made, what the step read of the
	// lone article's candidates: its closest, runner-up and how many were
	// near (see cluster.LoneLead).
	Lone *cluster.LoneLead `json:"lone,omitempty"`
}

// The verdicts of a step. A join is right when the story's gold majority
// is the article's gold story. A join into a story where its event is
// already, but fewer than another event, and no other story holds more of
// its event, follows an earlier wrong step and makes no new one. A wrong
// join is told apart by whether the article's event had a story already
// (the two events then share one and the article's own is split) or not
// (the first report of an event went into another's story). A merge is
// right when both stories' majorities agree; a split or move is right when
// what it moves was mostly another event than what stays (split) or the
// same event as where it goes (move). Where events tie for a majority, any
// of them is the majority (isTop), so that no verdict hangs on how the
// gold stories' names sort.
const (
	VerdictNewFirst       = "new story, first of its event"
	VerdictNewSplits      = "new story, its event already has one"
	VerdictJoinRight      = "right join"
	VerdictJoinMixed      = "join into a story its event shares with another"
	VerdictJoinFirstWrong = "wrong join, first of its event"
	VerdictJoinWrong      = "wrong join, its event has another story"
	VerdictMergeRight     = "right merge"
	VerdictMergeWrong     = "wrong merge"
	VerdictSplitRight     = "right split"
	VerdictSplitWrong     = "wrong split"
	VerdictMoveRight      = "right move"
	VerdictMoveWrong      = "wrong move"
)

// placementLog judges a run's steps as they come: it keeps each story's
// articles counted by gold story.
type placementLog struct {
	file    string
	gold    map[string]string           // article id -> gold story
	title   map[string]string           // article id -> headline
	story   map[string]string           // article id -> its story now
	members map[string]map[string]int   // story -> gold story -> articles
	holders map[string]map[string]int   // gold story -> story -> articles: members turned round, so that finding an event's story reads only the stories that hold it
	lone    map[string]cluster.LoneLead // a lone story -> the lone step's read of it, until its merge is told
	steps   []PlacementStep
}

func newPlacementLog(s ClusterSet) *placementLog {
	l := &placementLog{file: s.Name, gold: map[string]string{}, title: map[string]string{},
		story: map[string]string{}, members: map[string]map[string]int{}, holders: map[string]map[string]int{},
		lone: map[string]cluster.LoneLead{}}
	for i, p := range s.Articles {
		l.gold[p.Article.ID] = s.Gold[i]
		l.title[p.Article.ID] = p.Article.Title
	}
	return l
}

// placed judges the placement of an article.
func (l *placementLog) placed(m news.Membership) {
	id, g := m.ArticleID, l.gold[m.ArticleID]
	step := PlacementStep{Kind: "join", Article: id, Title: l.title[id], Gold: g,
		Story: m.StoryID, StoryGold: l.majority(m.StoryID), Score: m.Score, Threshold: m.Threshold, Reason: m.Reason}
	home := l.storyHolding(g) // "" when no story has an article of the event yet
	fresh := len(l.members[m.StoryID]) == 0
	switch {
	case fresh && home == "":
		step.Kind, step.Verdict = "new", VerdictNewFirst
	case fresh:
		step.Kind, step.Verdict = "new", VerdictNewSplits
	case isTop(l.members[m.StoryID], g):
		step.Verdict = VerdictJoinRight
	case l.members[m.StoryID][g] >= l.members[home][g] && l.members[m.StoryID][g] > 0:
		// the story holds as much of the event as any: the mix is older
		step.Verdict = VerdictJoinMixed
		home = ""
	case home == "":
		step.Verdict = VerdictJoinFirstWrong
	default:
		step.Verdict = VerdictJoinWrong
	}
	if step.Verdict != VerdictJoinRight && step.Verdict != VerdictNewFirst && home != "" {
		step.Other, step.OtherGold = home, l.majority(home)
	}
	l.move(id, m.StoryID)
	l.add(step)
}

// judgedLone keeps what the lone step read of a story it merges, for the
// merge's step: the clusterer tells the read before it records the merge.
func (l *placementLog) judgedLone(lead cluster.LoneLead) {
	if lead.Merged {
		l.lone[lead.Story] = lead
	}
}

// changed judges a late correction: a merge or a move before it moves
// anything (what the stories held), a split after (what stays).
func (l *placementLog) changed(ch news.StoryChange) {
	step := PlacementStep{Kind: ch.Kind, Story: ch.Story, StoryGold: l.majority(ch.Story),
		Other: ch.Other, OtherGold: l.majority(ch.Other), Moved: ch.Articles,
		Score: ch.Score, Threshold: ch.Threshold, Reason: ch.Reason}
	if lead, ok := l.lone[ch.Other]; ok && ch.Kind == "merge" {
		step.Lone = &lead
		delete(l.lone, ch.Other)
	}
	moved := map[string]int{}
	for _, id := range ch.Articles {
		moved[l.gold[id]]++
	}
	step.MovedGold = majorityOf(moved)
	switch ch.Kind {
	case "merge":
		step.Verdict = verdict(sharesTop(l.members[ch.Story], l.members[ch.Other]), VerdictMergeRight, VerdictMergeWrong)
	case "move":
		step.Verdict = verdict(sharesTop(moved, l.members[ch.Other]), VerdictMoveRight, VerdictMoveWrong)
	}
	to := ch.Other
	if ch.Kind == "merge" {
		to = ch.Story
	}
	for _, id := range ch.Articles {
		l.move(id, to)
	}
	if step.Verdict == "" { // a split: what left against what stays
		step.Verdict = verdict(!sharesTop(moved, l.members[ch.Story]), VerdictSplitRight, VerdictSplitWrong)
	}
	l.add(step)
}

func verdict(right bool, yes, no string) string {
	if right {
		return yes
	}
	return no
}

func (l *placementLog) add(step PlacementStep) {
	step.File = l.file
	step.Step = len(l.steps) + 1
	l.steps = append(l.steps, step)
}

// move files an article under story to.
func (l *placementLog) move(id, to string) {
	g := l.gold[id]
	if from, ok := l.story[id]; ok {
		uncount(l.members, from, g)
		uncount(l.holders, g, from)
	}
	l.story[id] = to
	count(l.members, to, g)
	count(l.holders, g, to)
}

// count adds one to counts[outer][inner].
func count(counts map[string]map[string]int, outer, inner string) {
	if counts[outer] == nil {
		counts[outer] = map[string]int{}
	}
	counts[outer][inner]++
}

// uncount takes one from counts[outer][inner], dropping what falls to 0.
func uncount(counts map[string]map[string]int, outer, inner string) {
	if counts[outer][inner]--; counts[outer][inner] == 0 {
		delete(counts[outer], inner)
	}
	if len(counts[outer]) == 0 {
		delete(counts, outer)
	}
}

// majority is the gold story most of a story's articles are in ("" for a
// story with none); a tie goes to the first in sort order, so that a log
// reads the same on every run.
func (l *placementLog) majority(story string) string { return majorityOf(l.members[story]) }

// isTop says whether gold is among the gold stories counts holds most of
// (all of them when tied): a verdict must not hang on how the golds sort.
func isTop(counts map[string]int, gold string) bool {
	return counts[gold] > 0 && counts[gold] == slices.Max(slices.Collect(maps.Values(counts)))
}

// sharesTop says whether two counts have a gold story among the most held
// of both.
func sharesTop(a, b map[string]int) bool {
	for g := range a {
		if isTop(a, g) && isTop(b, g) {
			return true
		}
	}
	return false
}

func majorityOf(counts map[string]int) string {
	best, n := "", 0
	for g, c := range counts {
		if c > n || c == n && g < best {
			best, n = g, c
		}
	}
	return best
}

// storyHolding is the story that holds most of a gold story's articles
// ("" when none does); a tie goes to the first in sort order.
func (l *placementLog) storyHolding(gold string) string { return majorityOf(l.holders[gold]) }

// VerdictCount is how many steps of a run got one verdict.
type VerdictCount struct {
	Verdict string
	Steps   int
}

// CountVerdicts counts the steps by verdict, most first (ties by name).
func CountVerdicts(steps []PlacementStep) []VerdictCount {
	by := map[string]int{}
	for _, s := range steps {
		by[s.Verdict]++
	}
	out := make([]VerdictCount, 0, len(by))
	for v, n := range by {
		out = append(out, VerdictCount{v, n})
	}
	slices.SortFunc(out, func(a, b VerdictCount) int {
		return cmp.Or(cmp.Compare(b.Steps, a.Steps), cmp.Compare(a.Verdict, b.Verdict))
	})
	return out
}
