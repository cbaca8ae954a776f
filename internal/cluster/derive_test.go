package cluster

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// bridgeBody is the body of an invented report on a bridge closure, which
// each version below keeps under a lede of its own.
var bridgeBody = []string{
	"Engineers found a crack more than a metre long in one of the steel girders under the eastern span during a routine inspection on Thursday afternoon.",
	"The Varn Street bridge carries about 30,000 vehicles a day between the old town and the industrial estate, and buses will be sent along the ring road instead.",
	"The council said the span would stay shut until divers had examined the foundations of both piers, which could take until the end of next week.",
}

// bridgeLedes open five successive versions of the report.
var bridgeLedes = []string{
	"The Varn Street bridge in Oldmere was closed to all traffic on Thursday evening after inspectors found a crack in its structure.",
	"Traffic queued for hours across Oldmere on Friday morning after the city shut its busiest bridge over a crack in a girder.",
	"Oldmere's council ordered a full survey of the Varn Street bridge on Friday, a day after a crack forced it to close.",
	"Shops on both sides of the Varn Street bridge in Oldmere said trade had halved since the crossing was closed on Thursday.",
	"Divers began examining the piers of Oldmere's closed Varn Street bridge on Saturday as the city weighed a temporary crossing.",
}

// TestDeriveCreditsTheLatestEarlierVersion: five outlets' versions of one
// report, each a new lede over the same body, published an hour apart.
// Each copies every earlier version equally much, and each is credited to
// the version just before it, which already held its words, not to the
// first.
func TestDeriveCreditsTheLatestEarlierVersion(t *testing.T) {
	start := time.Date(2026, 10, 8, 18, 0, 0, 0, time.UTC)
	outlets := []string{"Oldmere Post", "Varn Valley News", "Northshire Daily", "Ridge Radio", "Citywire"}
	var arts []news.Article
	for k, lede := range bridgeLedes {
		arts = append(arts, news.Article{ID: outlets[k], Source: outlets[k], Published: start.Add(time.Duration(k) * time.Hour),
			Text: lede + "\n\n" + strings.Join(bridgeBody, "\n\n")})
	}
	ds := Derive(arts)
	from := map[string]string{}
	for _, d := range ds {
		from[d.To] = d.From
	}
	for k := 1; k < len(arts); k++ {
		if from[arts[k].ID] != arts[k-1].ID {
			t.Errorf("version %d (%s) is credited to %q, want the version before it, %s", k+1, arts[k].ID, from[arts[k].ID], arts[k-1].ID)
		}
	}
}
