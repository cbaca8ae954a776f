package server

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// The story page draws its three charts as inline SVG with accessible
// names, descriptions and text labels, escaped like the rest of the page.
func TestStoryPageDrawsCharts(t *testing.T) {
	ts := newTestServer(t)
	status, _, body := get(t, ts.URL+"/stories/s1")
	if status != 200 {
		t.Fatalf("story page: %d", status)
	}
	for _, want := range []string{
		`<svg role="img" aria-labelledby="coverage-title coverage-desc"`,
		`<title id="coverage-title">Coverage over time, by outlet</title>`,
		`2 dated articles from 2 outlets`,
		`First report: The Harbor Ledger, 16 Nov 2026 09:00.`,
		`>The Harbor Ledger <tspan`,
		`<svg role="img" aria-labelledby="claims-title claims-desc"`,
		`Fact 1: Dockworkers voted to end the strike.`,
		`<svg role="img" aria-labelledby="graph-title graph-desc"`,
		`Coastline Daily copies The Harbor Ledger.`,
		`marker-end="url(#arrow)"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if testing.Verbose() {
		t.Log(body)
	}
	if strings.Contains(body, `<script>`) {
		t.Error("the story page lets a <script> from an article through")
	}
}

// Articles with no outlet are named by their titles (news.Article.
// SourceLabel), never "(unknown outlet)", and not linked to an outlet page
// that does not exist; two with one title are told apart by their times
// (view.sourceNames), so that they read as two sources, not one.
func TestUnknownOutletIsNotLinked(t *testing.T) {
	st := tempStore(t)
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	for i, text := range []string{"Dockworkers voted to end the strike.", "Dockworkers voted to end the strike on Monday."} {
		a := news.Article{ID: fmt.Sprint("u", i), Published: at.Add(time.Duration(i) * time.Hour), Title: "Strike ends", Text: text}
		save(t, st, at, news.Placement{Article: a, Membership: news.Membership{ArticleID: a.ID, StoryID: "s1"}, ContentHash: a.ID})
	}
	base := serveStore(t, st).URL
	for _, path := range []string{"/stories/s1", "/search?q=dockworkers", "/"} {
		_, _, body := get(t, base+path)
		if strings.Contains(body, "/sources/unknownoutlet") || strings.Contains(body, `/sources/"`) {
			t.Errorf("%s links the unknown outlet to a page", path)
		}
		if path == "/stories/s1" && (strings.Contains(body, news.UnknownOutlet) || !strings.Contains(body, "“Strike ends” (16 Nov 09:00)") || !strings.Contains(body, "“Strike ends” (16 Nov 10:00)")) {
			t.Errorf("%s: want the articles named by their title and time, not %q", path, news.UnknownOutlet)
		}
	}
}

// The coverage chart's outlet labels are cut by width (trunc): a Han
// outlet name of nine characters (18 columns) is cut to seven columns'
// worth and the ellipsis, as wide as a Latin label; counted in characters
// it kept fourteen columns of it and ran into the chart.
func TestChartLabelsAreCutByWidth(t *testing.T) {
	trunc := funcs["trunc"].(func(int, string) string)
	for _, c := range []struct{ in, want string }{
		{"东湾晚报新闻通讯社", "东湾晚报新闻通…"},
		{"Lenmouth Evening Tide", "Lenmouth Eveni…"},
		{"Cafe\u0301 de\u0301 Lenmou", "Cafe\u0301 de\u0301 Lenmou"}, // 14 columns, 16 characters: whole
	} {
		if got := trunc(15, c.in); got != c.want {
			t.Errorf("trunc(15, %q) = %q, want %q", c.in, got, c.want)
		}
	}
}
