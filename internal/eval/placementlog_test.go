package eval

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// logOf is a placement log of articles a1..a6 whose gold stories are given
// in order.
func logOf(golds ...string) *placementLog {
	s := ClusterSet{Name: "set"}
	for i, g := range golds {
		id := string(rune('1' + i))
		s.Articles = append(s.Articles, cluster.Prepared{Article: news.Article{ID: "a" + id, Title: "headline " + id}})
		s.Gold = append(s.Gold, g)
	}
	return newPlacementLog(s)
}

// TestPlacementLogVerdicts checks each verdict on a run told step by step:
// events x (a1, a2, a5) and y (a3, a4, a6, a7).
func TestPlacementLogVerdicts(t *testing.T) {
	l := logOf("x", "x", "y", "y", "x", "y", "y")
	place := func(id, story string) { l.placed(news.Membership{ArticleID: id, StoryID: story}) }
	place("a1", "S1")                                                                              // new, first of x
	place("a2", "S1")                                                                              // right join
	place("a3", "S1")                                                                              // wrong join, first of y
	place("a7", "S1")                                                                              // y follows a3 into x's story
	place("a4", "S2")                                                                              // new, y already in S1
	place("a5", "S2")                                                                              // wrong join, x has S1
	l.changed(news.StoryChange{Kind: "split", Story: "S1", Other: "S3", Articles: []string{"a3"}}) // y leaves x: right
	l.changed(news.StoryChange{Kind: "move", Story: "S2", Other: "S1", Articles: []string{"a5"}})  // x goes to x: right
	l.changed(news.StoryChange{Kind: "merge", Story: "S2", Other: "S3", Articles: []string{"a3"}}) // y with y: right
	place("a6", "S4")                                                                              // new, y already in S2
	l.changed(news.StoryChange{Kind: "merge", Story: "S1", Other: "S4", Articles: []string{"a6"}}) // x with y: wrong
	l.changed(news.StoryChange{Kind: "split", Story: "S2", Other: "S5", Articles: []string{"a4"}}) // y from y: wrong
	l.changed(news.StoryChange{Kind: "move", Story: "S1", Other: "S5", Articles: []string{"a1"}})  // x into y: wrong
	want := []struct{ kind, verdict, other string }{
		{"new", VerdictNewFirst, ""},
		{"join", VerdictJoinRight, ""},
		{"join", VerdictJoinFirstWrong, ""},
		{"join", VerdictJoinMixed, ""},
		{"new", VerdictNewSplits, "S1"},
		{"join", VerdictJoinWrong, "S1"},
		{"split", VerdictSplitRight, "S3"},
		{"move", VerdictMoveRight, "S1"},
		{"merge", VerdictMergeRight, "S3"},
		{"new", VerdictNewSplits, "S2"},
		{"merge", VerdictMergeWrong, "S4"},
		{"split", VerdictSplitWrong, "S5"},
		{"move", VerdictMoveWrong, "S5"},
	}
	if len(l.steps) != len(want) {
		t.Fatalf("got %d steps, want %d: %+v", len(l.steps), len(want), l.steps)
	}
	for i, w := range want {
		got := l.steps[i]
		if got.Step != i+1 || got.File != "set" || got.Kind != w.kind || got.Verdict != w.verdict || got.Other != w.other {
			t.Errorf("step %d: got %d %s %q other %q, want %s %q other %q", i+1, got.Step, got.Kind, got.Verdict, got.Other, w.kind, w.verdict, w.other)
		}
	}
	if s := l.steps[5]; s.Gold != "x" || s.StoryGold != "y" || s.OtherGold != "x" || s.Title != "headline 5" {
		t.Errorf("wrong join's golds and title: %+v", s)
	}
	if s := l.steps[10]; s.StoryGold != "x" || s.OtherGold != "y" || len(s.Moved) != 1 || s.MovedGold != "y" {
		t.Errorf("wrong merge's golds: %+v", s)
	}
	counts := CountVerdicts(l.steps)
	if counts[0] != (VerdictCount{VerdictNewSplits, 2}) || len(counts) != 12 {
		t.Errorf("counts %+v: want 12 verdicts, %q twice first", counts, VerdictNewSplits)
	}
}

// TestRunLoggedMatchesRun checks that logging the steps changes nothing
// the run scores, and that the log's stories end as the scored ones: one
// step per article placed and one per change counted.
func TestRunLoggedMatchesRun(t *testing.T) {
	var items []labelled
	for i, it := range []struct{ title, text, gold string }{
		{"Storm shuts Fenwick ferry", "A winter storm shut the Fenwick ferry on Tuesday, stranding hundreds of passengers at Calder.", "x"},
		{"Calder bakery wins prize", "A family bakery in Calder won the regional bread prize for its rye loaf on Friday.", "y"},
		{"Fenwick ferry halted by storm", "The Fenwick ferry stopped sailing on Tuesday as a winter storm stranded passengers at Calder.", "x"},
		{"Rye loaf takes bread prize", "The regional bread prize went to a Calder family bakery for its rye loaf on Friday.", "y"},
	} {
		items = append(items, labelled{Article: news.Article{ID: string(rune('a' + i)), Title: it.title, Text: it.text}, Cluster: it.gold})
	}
	set := prepareSet("set", items)
	plain := set.Run(cluster.Options{}, 0)
	logged, steps := set.RunLogged(cluster.Options{}, 0)
	if plain.BCubed != logged.BCubed || plain.Merges != logged.Merges || plain.Splits != logged.Splits {
		t.Errorf("logged run scored %+v, plain %+v", logged, plain)
	}
	if want := len(items) + plain.Merges + plain.Splits + plain.Moves; len(steps) != want {
		t.Errorf("got %d steps, want %d: %+v", len(steps), want, steps)
	}
	final := map[string]string{} // each article's story, replayed from the steps
	for _, s := range steps {
		switch s.Kind {
		case "new", "join":
			final[s.Article] = s.Story
		case "merge":
			for _, id := range s.Moved {
				final[id] = s.Story
			}
		default:
			for _, id := range s.Moved {
				final[id] = s.Other
			}
		}
	}
	for _, m := range logged.Memberships {
		if final[m.ID] != m.Story {
			t.Errorf("article %s: the steps leave it in story %q, the run in %q", m.ID, final[m.ID], m.Story)
		}
	}
}

// TestJoinIntoAMixedStoryAwayFromItsEventIsWrong checks that a join into a
// story holding a little of the article's event is a new wrong join, not
// one following an earlier mix, when another story holds more of the
// event: y has S2 (three articles) and one stray in x's S1, and a5 of y
// joins S1.
func TestJoinIntoAMixedStoryAwayFromItsEventIsWrong(t *testing.T) {
	l := logOf("x", "y", "y", "y", "y", "x", "y")
	place := func(id, story string) { l.placed(news.Membership{ArticleID: id, StoryID: story}) }
	place("a1", "S1") // x
	place("a2", "S1") // y's first report into x's story
	place("a3", "S2") // y's own story
	place("a4", "S2")
	place("a5", "S2")
	place("a6", "S1")
	place("a7", "S1") // y again into x's story, while S2 holds more of y
	got := l.steps[len(l.steps)-1]
	if got.Verdict != VerdictJoinWrong || got.Other != "S2" || got.OtherGold != "y" {
		t.Errorf("a7's join: %q other %q (%q), want %q other S2 (y)", got.Verdict, got.Other, got.OtherGold, VerdictJoinWrong)
	}
	// Where the story holds as much of the event as any other, the join
	// follows the earlier mix: y's stray in S1 has one more y beside it.
	l = logOf("x", "x", "y", "y", "y")
	place("a1", "S1")
	place("a2", "S1")
	place("a3", "S1") // y's first report into x's story
	place("a4", "S2") // y's own story, as large
	place("a5", "S1")
	if got := l.steps[len(l.steps)-1]; got.Verdict != VerdictJoinMixed {
		t.Errorf("a5's join: %q, want %q", got.Verdict, VerdictJoinMixed)
	}
}

// TestLoadClusterSetsRefusesAnIDGivenTwice checks that a labelled file
// with one article id twice in a kind is refused, naming the file and the
// id: the run's scores and its placement log key articles by id, so the
// second would silently take the first's place. One id in two kinds is
// two sets' articles and is kept.
func TestLoadClusterSetsRefusesAnIDGivenTwice(t *testing.T) {
	dir := t.TempDir()
	twice := filepath.Join(dir, "twice.jsonl")
	if err := os.WriteFile(twice, []byte(`{"id":"a","title":"Ferry halted","cluster":"x"}
{"id":"b","title":"Bakery prize","cluster":"y"}
{"id":"a","title":"Ferry halted again","cluster":"y"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadClusterSets(twice)
	if err == nil || !strings.Contains(err.Error(), twice) || !strings.Contains(err.Error(), `"a"`) {
		t.Errorf("got %v, want an error naming %s and the id \"a\"", err, twice)
	}
	kinds := filepath.Join(dir, "kinds.jsonl")
	if err := os.WriteFile(kinds, []byte(`{"id":"a","title":"Ferry halted","cluster":"x","cluster_kind":"event"}
{"id":"a","title":"Ferry halted","cluster":"t","cluster_kind":"topic"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	if sets, err := LoadClusterSets(kinds); err != nil || len(sets) != 2 {
		t.Errorf("one id in two kinds: %d sets, error %v; want 2 sets", len(sets), err)
	}
}

// TestLoadClusterSetsRefusesAnArticleWithoutID checks that a file whose
// records carry no "id" (a pairs file, say) is refused, naming the file and
// the article, instead of being scored with every article under one id.
func TestLoadClusterSetsRefusesAnArticleWithoutID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pairs.jsonl")
	if err := os.WriteFile(path, []byte(`{"id":"a","title":"Ferry halted","cluster":"x"}
{"text1":"Ferry halted","text2":"Ferries stop","cluster":"x"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadClusterSets(path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "article 2 has no") {
		t.Errorf("got %v, want an error naming %s and article 2 without an id", err, path)
	}
}

// TestTiedStoriesAreJudgedTheSameWhateverTheGoldNames checks that a step
// into or out of a story its events hold equally is judged the same when
// the gold stories are named in the other sort order: the article's or
// the moved articles' event among the story's most held counts as the
// story's. Events p and q: S1 holds one of each, S2 two of q.
func TestTiedStoriesAreJudgedTheSameWhateverTheGoldNames(t *testing.T) {
	run := func(p, q string) []string {
		l := logOf(p, q, q, q, q, q)
		place := func(id, story string) { l.placed(news.Membership{ArticleID: id, StoryID: story}) }
		place("a1", "S1")
		place("a2", "S1")                                                                              // q's first into p's story: S1 ties p and q
		place("a3", "S1")                                                                              // q joins a story where q is among the most held
		l.changed(news.StoryChange{Kind: "split", Story: "S1", Other: "S3", Articles: []string{"a3"}}) // S1 ties again
		place("a4", "S2")
		place("a5", "S2")
		l.changed(news.StoryChange{Kind: "merge", Story: "S1", Other: "S2", Articles: []string{"a4", "a5"}})
		place("a6", "S4")
		l.changed(news.StoryChange{Kind: "move", Story: "S4", Other: "S3", Articles: []string{"a6"}})
		var vs []string
		for _, s := range l.steps {
			vs = append(vs, s.Verdict)
		}
		return vs
	}
	want := []string{VerdictNewFirst, VerdictJoinFirstWrong, VerdictJoinRight, VerdictSplitWrong,
		VerdictNewSplits, VerdictJoinRight, VerdictMergeRight, VerdictNewSplits, VerdictMoveRight}
	for _, names := range [][2]string{{"a", "b"}, {"b", "a"}} {
		if got := run(names[0], names[1]); !slices.Equal(got, want) {
			t.Errorf("events named %q and %q: verdicts\n%q\nwant\n%q", names[0], names[1], got, want)
		}
	}
}

// TestALoneMergeCarriesTheLoneStepsLead checks that a run with the lone
// step logs, on each merge the step made, what it read (the closest story,
// the runner-up's cosine, the near candidates) and on no other step: an
// opinion piece that shares only the ferry's name and place with the
// ferry's two reports is left alone by the join threshold and joined to
// them by the lone step, clearly closer to them than to the bakery's story.
func TestALoneMergeCarriesTheLoneStepsLead(t *testing.T) {
	var items []labelled
	for i, it := range []struct{ title, text, gold string }{
		{"Ferry Aldwyn runs aground off Kellby Point", "The passenger ferry Aldwyn ran aground off Kellby Point on the morning crossing, and coastguard crews took its ninety passengers ashore by lifeboat. No one was hurt, the coastguard said.", "x"},
		{"Dunmore bakery wins bread prize", "A family bakery in Dunmore won the regional bread prize for its rye loaf on Friday, beating forty other bakers.", "y"},
		{"Coastguard takes passengers off grounded ferry Aldwyn", "Coastguard lifeboats took ninety passengers off the ferry Aldwyn after it ran aground near Kellby Point on the morning crossing. The coastguard said no one was hurt.", "x"},
		{"Rye loaf takes Dunmore bread prize", "The regional bread prize went to a Dunmore family bakery for its rye loaf on Friday; forty bakers had entered.", "y"},
		{"What the Aldwyn tells us about our ageing fleet", "Kellby Point has claimed ships before. The Aldwyn is thirty years old, and the operator has put off replacing its ageing vessels for a decade while fares rose and Dunmore's budget for repairs shrank.", "x"},
	} {
		items = append(items, labelled{Article: news.Article{ID: string(rune('a' + i)), Title: it.title, Text: it.text}, Cluster: it.gold})
	}
	m, err := cluster.LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.25,"lone_floor":0.05}`))
	if err != nil {
		t.Fatal(err)
	}
	_, steps := prepareSet("set", items).RunLogged(cluster.Options{Model: m}, 0)
	var lone []PlacementStep
	for _, s := range steps {
		if s.Lone != nil {
			lone = append(lone, s)
		}
	}
	if len(lone) != 1 {
		t.Fatalf("%d steps carry the lone step's lead, want 1: %+v", len(lone), steps)
	}
	got := lone[0]
	if got.Kind != "merge" || got.Verdict != VerdictMergeRight || !strings.Contains(got.Reason, "left alone") {
		t.Errorf("the lead is on a %s (%q, %q), want the lone step's right merge", got.Kind, got.Verdict, got.Reason)
	}
	if l := got.Lone; l.Article != "e" || l.Story != got.Other || l.Closest != got.Story || l.ClosestArticles != 2 ||
		l.RunnerUp <= 0 || l.BestCos < 1.25*l.RunnerUp || !l.Merged {
		t.Errorf("lead %+v on merge %s <- %s: want article e's story merged into the ferry's (2 articles), led 1.25 times over a runner-up", *l, got.Story, got.Other)
	}
}
