package engine_test

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
)

// A stream with a lone step (ratio 1.25, floor 0.05 of a join threshold of
// 0.2; no merges), two stories of two undated reports each (a ferry
// aground off Kellby Point, a library budget vote) and an opinion piece on
// the ferry that shares few of the reports' words: clearly closest to the
// ferry's story, under the join threshold.
var loneOpinionStream = []news.Article{
	{ID: "ferry-1", Title: "Ferry Aldwyn runs aground off Kellby Point", Text: "The passenger ferry Aldwyn ran aground off Kellby Point on the morning crossing, and coastguard crews took its ninety passengers ashore by lifeboat. No one was hurt, the coastguard said."},
	{ID: "library-1", Title: "Dunmore council votes to cut library budget", Text: "The Dunmore council voted seven to four to cut the library budget by a fifth, closing two branches on weekends. Librarians protested outside the council chamber before the vote."},
	{ID: "ferry-2", Title: "Coastguard takes passengers off grounded ferry Aldwyn", Text: "Coastguard lifeboats took ninety passengers off the ferry Aldwyn after it ran aground near Kellby Point on the morning crossing. The coastguard said no one was hurt."},
	{ID: "library-2", Title: "Library branches to close on weekends after Dunmore budget vote", Text: "Two Dunmore library branches will close on weekends after the council voted to cut the library budget, despite a protest by librarians outside the chamber."},
	{ID: "opinion", Title: "What the Aldwyn tells us about our ageing fleet", Text: "Kellby Point has claimed ships before. The Aldwyn is thirty years old, and the operator has put off replacing its ageing vessels for a decade while fares rose and the budget for repairs shrank."},
}

func loneClusterer(t *testing.T) *cluster.Clusterer {
	t.Helper()
	m, err := cluster.LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.25,"lone_floor":0.05}`))
	if err != nil {
		t.Fatal(err)
	}
	return cluster.New(cluster.Options{Model: m})
}

// TestTheEndOfAFileJudgesLoneArticlesAndTheEndOfAJobDoesNot: a stateless
// run (ClusterStream: `storyline cluster`, `eval cluster`) finishes the
// stream, and the lone step joins the opinion piece to the ferry's story;
// a job of the engine's writer ends with End, a settle of a stream that
// goes on, and the undated opinion piece waits.
func TestTheEndOfAFileJudgesLoneArticlesAndTheEndOfAJobDoesNot(t *testing.T) {
	_, story := engine.ClusterStream(loneClusterer(t), loneOpinionStream, 0, nil)
	if story["opinion"] != story["ferry-1"] || story["ferry-1"] != story["ferry-2"] {
		t.Errorf("at the end of a file the opinion piece is in %s, the ferry's reports in %s and %s", story["opinion"], story["ferry-1"], story["ferry-2"])
	}

	story = map[string]string{}
	s := engine.NewStream(loneClusterer(t), func(ch news.StoryChange) { cluster.ApplyChanges(story, []news.StoryChange{ch}) })
	for _, a := range loneOpinionStream { // one job per article, as serve's posts
		s.Place(1, func(int) time.Time { return a.Published },
			func(int) (cluster.Prepared, bool) { return cluster.Prepare(a), true },
			func(_ int, m news.Membership) { story[a.ID] = m.StoryID })
		s.End()
	}
	if story["opinion"] == story["ferry-1"] {
		t.Errorf("a job's end joined the opinion piece to the ferry's story (%s)", story["ferry-1"])
	}
}

// A day of dated reports (day 10): two of a sluice gate that failed at the
// Orrin weir and flooded Tassel Lane, two of a school bus route that the
// Brackwater board cut, and a column on the weir that shares few of the
// reports' words (the weir, the river, the lane): clearly closest to the
// weir's story, under the join threshold.
func weirDay() []news.Article {
	at := func(h int) time.Time { return time.Date(2026, 11, 10, h, 0, 0, 0, time.UTC) }
	return []news.Article{
		{ID: "weir-1", Published: at(8), Title: "Sluice gate fails at Orrin weir, flooding Tassel Lane", Text: "A sluice gate at the Orrin weir gave way before dawn, and river water flooded eleven houses on Tassel Lane. Firefighters pumped out cellars all morning; the water board said the gate's hinge had cracked."},
		{ID: "bus-1", Published: at(9), Title: "Brackwater board cuts the Millfield school bus route", Text: "The Brackwater school board voted to cut the Millfield bus route from January, leaving forty pupils to find another way to school. Parents asked the board to delay the vote."},
		{ID: "weir-2", Published: at(10), Title: "Tassel Lane houses flooded after Orrin weir gate gives way", Text: "Eleven houses on Tassel Lane were flooded before dawn when a sluice gate at the Orrin weir gave way. The water board said a cracked hinge failed, and firefighters pumped out cellars through the morning."},
		{ID: "bus-2", Published: at(11), Title: "Parents protest end of Millfield school bus", Text: "Parents of forty Millfield pupils protested after the Brackwater school board cut their bus route from January, and asked the board to delay the cut."},
		{ID: "column", Published: at(9).Add(30 * time.Minute), Title: "The Orrin weir was a warning nobody heeded", Text: "For years anglers on the Orrin have pointed at the rust on the weir, and the board never voted the money to mend it. Tassel Lane paid for a decade of deferred upkeep, and the river will keep finding the weak places we leave it."},
	}
}

// TestAddJudgesALoneArticleOfAnEarlierRun: an `add` on day 10 leaves the
// column alone (its window is open); the next `add`, a new engine on the
// same store, brings a report of day 18 that closes the column's window,
// and the lone step joins it to the weir's story. Before Resume, a
// restored clusterer's waiting list was empty and the column stayed alone
// for good.
func TestAddJudgesALoneArticleOfAnEarlierRun(t *testing.T) {
	m, err := cluster.LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.25,"lone_floor":0.05}`))
	if err != nil {
		t.Fatal(err)
	}
	opt := engine.Options{Cluster: cluster.Options{Model: m}}
	st := tempStore(t)
	run(t, st, source.Articles(weirDay()), opt)
	if mustStoryOf(t, st, "weir-1") != mustStoryOf(t, st, "weir-2") || mustStoryOf(t, st, "bus-1") != mustStoryOf(t, st, "bus-2") {
		t.Fatalf("the fixture's two stories did not form")
	}
	if mustStoryOf(t, st, "column") == mustStoryOf(t, st, "weir-1") {
		t.Fatalf("the column joined the weir's story on its own day")
	}
	later := news.Article{ID: "ferry-timetable", Published: time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC), Title: "Winter ferry timetable published",
		Text: "The harbour company published its winter timetable, with two fewer sailings on weekdays."}
	run(t, st, source.Articles([]news.Article{later}), opt)
	if got, want := mustStoryOf(t, st, "column"), mustStoryOf(t, st, "weir-1"); got != want {
		t.Errorf("after the day-18 run the column is in %s, not the weir's story %s", got, want)
	}

	// The fixture needs the lone step: one run of all six joins it too.
	one := tempStore(t)
	run(t, one, source.Articles(append(weirDay(), later)), opt)
	if mustStoryOf(t, one, "column") != mustStoryOf(t, one, "weir-1") {
		t.Fatalf("in one run the column stays alone; the fixture needs it clearly closest to the weir's story")
	}
}
