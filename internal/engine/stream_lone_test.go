package engine_test

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
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
