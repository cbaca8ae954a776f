package engine_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
)

func TestAddSettlesALoneStoryLeftByAnEarlierRun(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	// Merges while placing are left out, so that only settling can join the
	// stories.
	opt := engine.Options{Cluster: cluster.Options{MergeThreshold: 0.99}}
	morning := time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)
	scene := []string{
		"Cranes were moving again along the Calder quays by evening as crews came back for their first night shift since the walkout began.",
		"\"We got most of what we asked for,\" said Mara Voss, who has driven a straddle carrier at the port for eleven years.",
		"Shipping agents said the queue of about 60 vessels anchored off Calder Point should clear within two weeks.",
	}
	own := news.Article{ID: "quayside", Source: "Calder Courier", Published: morning, Title: "Night shift returns to Calder quays",
		Text: strings.Join(scene, "\n\n")}
	run(t, st, source.Articles([]news.Article{own}), opt)
	lone := mustStoryOf(t, st, "quayside")

	wireText := "Dockworkers at the port of Calder voted on Monday to end a nine-day strike after the union and the port authority agreed a three-year contract.\n\n" +
		"About 2,400 workers walked out over pay and night-shift rules. The deal raises wages by 6 percent in its first year."
	wire := news.Article{ID: "wire", Source: "Wire", Published: morning.Add(time.Hour), Title: "Calder dockworkers vote to end strike", Text: wireText}
	arts := []news.Article{wire}
	for i, p := range scene {
		arts = append(arts, news.Article{ID: fmt.Sprintf("wire-update-%d", i), Source: "Wire", Published: morning.Add(time.Duration(2+i) * time.Hour),
			Title: wire.Title, Text: wireText + "\n\n" + p})
	}
	sum := run(t, st, source.Articles(arts), opt)
	story := mustStoryOf(t, st, "wire")
	if got := mustStoryOf(t, st, "quayside"); got != story || sum.StoriesMerged != 1 {
		t.Fatalf("the lone report is in %s, the wire in %s, %d merged (%s); want the lone report settled into the wire's story",
			got, story, sum.StoriesMerged, sum)
	}
	changes, err := st.StoryChanges(ctx, story)
	if err != nil || len(changes) != 1 || changes[0].Kind != "merge" || changes[0].Other != lone ||
		len(changes[0].Articles) != 1 || changes[0].Articles[0] != "quayside" || !strings.Contains(changes[0].Reason, "grown") {
		t.Fatalf("changes of %s = %+v, %v", story, changes, err)
	}
	d, err := st.Story(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Memberships {
		if m.ArticleID == "quayside" && !strings.Contains(m.Reason, "then this story merged into story "+story) {
			t.Errorf("the settled report's explanation does not tell the merge: %q", m.Reason)
		}
	}
	if _, err := st.Story(ctx, lone); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("the merged story %s is still there (%v)", lone, err)
	}
}
