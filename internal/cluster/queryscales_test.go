package cluster

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestQueryScalesAsUnitScales: an article's member scales read from its
// query's lengths are the ones unitScales works out term by term, to the
// last bit, for every article of an invented stream counted in turn
// (reports of five events with words of their own, a text without a
// headline, a headline of one word), and a placed article's member holds
// them.
func TestQueryScalesAsUnitScales(t *testing.T) {
	events := []string{
		"Dock workers at Calder harbour went on strike over pay, halting the container cranes and the ferry berths",
		"The Wexley river bridge was closed to traffic after engineers found cracks in two of its steel girders",
		"A fire tore through the science block of Hollins primary school overnight; the pupils will be taught elsewhere",
		"The Marsh district council voted to raise parking charges and to close the library on Sundays",
		"Flood water covered the Tarn valley road after two days of rain, and the village of Esk was cut off",
	}
	start := time.Date(2024, 5, 6, 8, 0, 0, 0, time.UTC)
	var arts []news.Article
	for i := range 30 {
		e := i % len(events)
		arts = append(arts, news.Article{
			ID: fmt.Sprintf("e%d-r%d", e, i), Published: start.Add(time.Duration(i) * time.Hour),
			Title: fmt.Sprintf("Report %d on %s", i, events[e][:24]),
			Text:  fmt.Sprintf("%s. Witness%d said the figure was %d.", events[e], i, 10+i),
		})
	}
	arts = append(arts,
		news.Article{ID: "no-headline", Published: start.Add(31 * time.Hour), Text: "Ferry sailings from Calder resumed on Friday."},
		news.Article{ID: "one-word", Published: start.Add(32 * time.Hour), Title: "Flood", Text: "The Tarn valley road reopened."})
	c := New(Options{})
	for _, a := range arts {
		f, _ := featuresOf(a)
		c.learn(&f)
		var q query
		c.fillQuery(&q, &f)
		scale, titleScale := queryScales(&q)
		wantScale, wantTitle := c.unitScales(&f)
		if math.Float64bits(scale) != math.Float64bits(wantScale) || math.Float64bits(titleScale) != math.Float64bits(wantTitle) {
			t.Fatalf("%s: scales from the query %v, %v; unitScales %v, %v", a.ID, scale, titleScale, wantScale, wantTitle)
		}
	}
	// Placed: the member of each article holds unitScales' scales under
	// the counts it was placed with (nothing counts between).
	placing := New(Options{})
	for _, a := range arts {
		m := placing.Add(a)
		s := placing.stories[m.StoryID]
		last := s.kept[len(s.kept)-1]
		if last.id != a.ID {
			continue // a story that keeps its first and latest keeps the latest last
		}
		wantScale, wantTitle := placing.unitScales(last.f)
		if math.Float64bits(last.scale) != math.Float64bits(wantScale) || math.Float64bits(last.titleScale) != math.Float64bits(wantTitle) {
			t.Fatalf("%s placed: member scales %v, %v; unitScales %v, %v", a.ID, last.scale, last.titleScale, wantScale, wantTitle)
		}
	}
}
