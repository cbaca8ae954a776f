package view

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

func chartStory() news.StoryDetail {
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	return news.StoryDetail{
		ID: "s1", Title: "Strike ends",
		Articles: []news.Article{
			{ID: "w1", Source: "Wire", Published: at(8)},
			{ID: "c1", Source: "Courier", Published: at(10)},
			{ID: "w2", Source: "Wire", Published: at(12)},
			{ID: "b1", URL: "https://www.blog.example/p", Published: at(9)}, // no source: its host
			{ID: "u1", Source: "Gazette"},                                   // undated
		},
		Comparison: news.Comparison{
			Timeline: []news.TimelineEntry{
				{Article: "w1", Published: "2026-03-02T08:00:00Z", First: true},
				{Article: "b1", Published: "2026-03-02T09:00:00Z"},
				{Article: "c1", Published: "2026-03-02T10:00:00Z"},
				{Article: "w2", Published: "2026-03-02T12:00:00Z"},
				{Article: "u1"},
			},
			Facts: []news.Fact{
				{Text: "Dockworkers voted.", Articles: []string{"w1", "c1", "b1"}},
				{Text: "The vote was 412 to 90.", Articles: []string{"w1", "c1"}},
			},
			Unique:      map[string][]string{"c1": {"The union had 412 votes.", "Ships wait."}, "w2": {"Cranes restart."}},
			Derivations: []news.Derivation{{From: "w1", To: "c1", Score: 0.8, Kind: "rewrite"}, {From: "w1", To: "b1", Score: 0.7, Tied: true}},
		},
	}
}

func TestCoverage(t *testing.T) {
	c := NewStory(chartStory()).Coverage
	if c == nil {
		t.Fatal("no coverage chart for a dated story")
	}
	var rows []string
	for _, r := range c.Rows {
		rows = append(rows, fmt.Sprintf("%s:%d", r.Outlet, len(r.Dots)))
	}
	if want := []string{"Wire:2", "blog.example:1", "Courier:1"}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %v, want %v (in order of first report; the undated Gazette not drawn)", rows, want)
	}
	first, last := c.Rows[0].Dots[0], c.Rows[0].Dots[1]
	if !first.First || first.X != trackLeft || last.X != trackRight || last.First {
		t.Errorf("Wire's dots = %+v; want the first report ringed at the left end and the last article at the right end", c.Rows[0].Dots)
	}
	if mid := c.Rows[2].Dots[0].X; mid != trackLeft+float64(trackRight-trackLeft)/2 {
		t.Errorf("Courier at 10:00 of 8:00-12:00 is drawn at %v, want the middle", mid)
	}
	if c.Undated != 1 || !strings.Contains(c.Summary, "4 dated articles from 3 outlets") || !strings.Contains(c.Summary, "1 undated article not drawn") ||
		!strings.Contains(c.FirstSay, "Wire, 2 Mar 2026 08:00") {
		t.Errorf("summary %q / %q, undated %d", c.Summary, c.FirstSay, c.Undated)
	}
	if len(c.Ticks) != 3 || c.Ticks[1].Label != "2 Mar 2026 10:00" || c.Ticks[1].X != c.Rows[2].Dots[0].X {
		t.Errorf("axis ticks = %+v; want the start, the middle (10:00, where Courier's dot is) and the end", c.Ticks)
	}
	for i, r := range c.Rows {
		if r.TrackY <= r.LabelY || i > 0 && r.LabelY <= c.Rows[i-1].TrackY || c.AxisY <= r.TrackY || c.Height <= c.AxisY {
			t.Errorf("row %d overlaps: %+v (axis %d, height %d)", i, r, c.AxisY, c.Height)
		}
	}
}

func TestCoverageCapsOutlets(t *testing.T) {
	d := news.StoryDetail{}
	for i := range maxRows + 3 {
		id := fmt.Sprint("a", i)
		d.Articles = append(d.Articles, news.Article{ID: id, Source: fmt.Sprint("Outlet ", i), Published: time.Date(2026, 1, 1, i, 0, 0, 0, time.UTC)})
		d.Timeline = append(d.Timeline, news.TimelineEntry{Article: id, Published: news.FormatPublished(d.Articles[i].Published)})
	}
	c := NewStory(d).Coverage
	if len(c.Rows) != maxRows+1 || c.Rows[maxRows].Outlet != "other outlets" || len(c.Rows[maxRows].Dots) != 3 {
		t.Errorf("%d rows, last %+v; want %d outlets and one row of the 3 others", len(c.Rows), c.Rows[len(c.Rows)-1], maxRows)
	}
	if NewStory(news.StoryDetail{Articles: []news.Article{{ID: "x"}}, Comparison: news.Comparison{Timeline: []news.TimelineEntry{{Article: "x"}}}}).Coverage != nil {
		t.Error("a story with no dated article draws an empty chart")
	}
}

func TestClaims(t *testing.T) {
	c := NewStory(chartStory()).Claims
	if c == nil {
		t.Fatal("no claims grid")
	}
	var got []string
	for _, r := range c.Rows {
		cells := ""
		for _, cell := range r.Cells {
			cells += map[bool]string{true: "x", false: "."}[cell.States]
		}
		got = append(got, fmt.Sprintf("%s %s %d", r.Outlet, cells, r.Unique))
	}
	want := []string{"Wire xx 1", "blog.example x. 0", "Courier xx 2", "Gazette .. 0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("grid = %q, want %q", got, want)
	}
	if c.Facts[0] != "Dockworkers voted." || c.UniqueX <= c.Columns[len(c.Columns)-1].X || c.UniqueX+50 > ChartWidth {
		t.Errorf("facts %q, columns %+v, unique column at %d: want the most stated fact first and the count column inside the chart", c.Facts, c.Columns, c.UniqueX)
	}
	if !strings.Contains(c.Rows[1].Cells[1].Title, "blog.example does not state fact 2") {
		t.Errorf("cell title %q", c.Rows[1].Cells[1].Title)
	}
}

func TestGraph(t *testing.T) {
	g := NewStory(chartStory()).Graph
	if g == nil || len(g.Nodes) != 3 || len(g.Edges) != 2 {
		t.Fatalf("graph = %+v; want 3 articles and 2 arcs", g)
	}
	var labels []string
	for _, n := range g.Nodes {
		labels = append(labels, n.Label)
	}
	if want := []string{"Wire (2 Mar 08:00)", "blog.example", "Courier"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("nodes = %q, want %q in order of publication", labels, want)
	}
	if g.Edges[0].Tied || !g.Edges[1].Tied || !strings.Contains(g.Summary, "Courier rewrites Wire (2 Mar 08:00)") ||
		!strings.Contains(g.Summary, "blog.example shares copied text with Wire") {
		t.Errorf("edges %+v, summary %q", g.Edges, g.Summary)
	}
	if NewStory(news.StoryDetail{}).Graph != nil {
		t.Error("a story with no derivation draws a graph")
	}
}

func TestOutletStory(t *testing.T) {
	d := chartStory()
	for _, c := range []struct {
		key  string
		want news.OutletStory
	}{
		{"wire", news.OutletStory{Articles: []string{"w1", "w2"}, First: true, Rewrote: []string{}, RewrittenBy: []string{"Courier"}, Unique: []string{"Cranes restart."}, UniqueCount: 1}},
		{"courier", news.OutletStory{Articles: []string{"c1"}, Rewrote: []string{"Wire"}, RewrittenBy: []string{}, Unique: []string{"The union had 412 votes.", "Ships wait."}, UniqueCount: 2}},
		{"blogexample", news.OutletStory{Articles: []string{"b1"}, Rewrote: []string{}, RewrittenBy: []string{}, Unique: []string{}}},
	} {
		arts := make([]news.StoryArticle, len(d.Articles))
		for i, a := range d.Articles {
			arts[i] = news.StoryArticle{ID: a.ID, Key: news.ArticleOutletKey(a.Source, a.URL), Name: news.OutletName(a.Source, a.URL)}
		}
		got := news.RolesOf(c.key, news.StorySummary{}, arts, d.Comparison)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v\nwant %+v", c.key, got, c.want)
		}
	}
}

// "Only in" lists the sources whose own claims add the most first; without
// scores (an older stored comparison) the timeline order stands.
func TestUniqueRanked(t *testing.T) {
	d := chartStory()
	d.Unique = map[string][]string{"w1": {"a", "b"}, "c1": {"c"}, "b1": {"d", "e", "f", "g"}}
	order := func(d news.StoryDetail) (out []string) {
		for _, u := range NewStory(d).Unique {
			out = append(out, u.ArticleID)
		}
		return out
	}
	if got := order(d); !reflect.DeepEqual(got, []string{"w1", "b1", "c1"}) {
		t.Errorf("unscored: %v, want the timeline's order", got)
	}
	d.UniqueScores = map[string][]float64{"w1": {2, 1}, "c1": {9}, "b1": {1, 1, 1, 8}}
	if got := order(d); !reflect.DeepEqual(got, []string{"c1", "w1", "b1"}) {
		t.Errorf("scored: %v, want c1 (9), w1 (3), b1 (3 from its first three; its fourth does not count)", got)
	}
}

// An outlet with several articles that add claims of their own gets a list
// for each, marked so that a page names the article of each.
func TestUniqueOfSeveralArticlesOfOneOutlet(t *testing.T) {
	d := chartStory()
	d.Unique = map[string][]string{"w1": {"Pickets left."}, "w2": {"Cranes restart."}, "c1": {"Ships wait."}}
	several := map[string]bool{}
	for _, u := range NewStory(d).Unique {
		several[u.ArticleID] = u.Several
		if u.ArticleID == "w2" && u.Published != "2026-03-02T12:00:00Z" {
			t.Errorf("w2's list has no time: %+v", u)
		}
	}
	if want := map[string]bool{"w1": true, "w2": true, "c1": false}; !reflect.DeepEqual(several, want) {
		t.Errorf("several: %v, want %v", several, want)
	}
}

// TestCoverageSaysWhyNoFirstReportIsMarked: with no first report, the
// chart's note gives the reason that holds: an undated article of another
// outlet (the seed story's case, which the note put down to tied times),
// one outlet alone, or tied times.
func TestCoverageSaysWhyNoFirstReportIsMarked(t *testing.T) {
	at := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		d    news.StoryDetail
		want string
	}{
		{"one dated, one undated", timedStory(news.Article{ID: "a", Source: "Wire", Published: at}, news.Article{ID: "b", Source: "Courier"}),
			"No first report is marked: an article of Courier has no publication time, so none can be said to come first."},
		{"two undated of no outlet", timedStory(news.Article{ID: "a", Published: at}, news.Article{ID: "b"}, news.Article{ID: "c"}),
			"No first report is marked: 2 articles have no publication time, so none can be said to come first."},
		{"one outlet", timedStory(news.Article{ID: "a", Source: "Wire", Published: at}, news.Article{ID: "b", Source: "Wire", Published: at.Add(time.Hour)}),
			"No first report is marked: every article is from Wire."},
		{"tied times", timedStory(news.Article{ID: "a", Source: "Wire", Published: at}, news.Article{ID: "b", Source: "Courier", Published: at}),
			"No first report is marked: the earliest times do not tell one apart."},
	} {
		cov := NewStory(c.d).Coverage
		if cov == nil || cov.NoFirstSay != c.want || cov.FirstSay != "" {
			t.Errorf("%s: %+v, want the note %q", c.name, cov, c.want)
		}
	}
	if cov := NewStory(chartStory()).Coverage; cov.NoFirstSay != "" {
		t.Errorf("a marked first report has a reason for none: %q", cov.NoFirstSay)
	}
}

// TestFoldCountsArticlesOfNoKnownOutletAsSources: lists of articles with
// no known outlet are each a source of their own in the fold's words, as
// compare takes them to come from different outlets (review s35-lrev: two
// such lists folded read "What 2 more articles add, from 1 more source",
// one below one shown above "from 1 source shown above").
func TestFoldCountsArticlesOfNoKnownOutletAsSources(t *testing.T) {
	story := func(outlets ...string) Story {
		var v Story
		for i, o := range outlets {
			v.Unique = append(v.Unique, Unique{Source: o, ArticleID: fmt.Sprint("a", i)})
		}
		return v
	}
	u := news.UnknownOutlet
	for _, c := range []struct {
		outlets []string
		want    string
	}{
		{[]string{"Wire", "Ledger", "Courier", "Gazette", u, u}, "What 2 more sources add"},
		{[]string{"Wire", "Ledger", "Courier", u, u}, "What 1 more source adds"},
		{[]string{"Wire", "Ledger", "Courier", "Gazette", "Wire", u}, "What 2 more articles add, from 1 more source and 1 shown above"},
	} {
		if got := story(c.outlets...).UniqueFoldSays(); got != c.want {
			t.Errorf("%v: fold says %q, want %q", c.outlets, got, c.want)
		}
	}
}

// TestCoverageNoteOfOneArticleAndOfOutletsInTwoCases: a story of one
// article says so (the note said "every article is from Wire"), and an
// outlet written in two cases is one outlet, as compare takes it (the
// note put two hours apart down to tied times).
func TestCoverageNoteOfOneArticleAndOfOutletsInTwoCases(t *testing.T) {
	at := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	if got := NewStory(timedStory(news.Article{ID: "a", Source: "Wire", Published: at})).Coverage.NoFirstSay; got != "No first report is marked: the story has one article." {
		t.Errorf("one article: %q", got)
	}
	two := timedStory(news.Article{ID: "a", Source: "Wire", Published: at}, news.Article{ID: "b", Source: "WIRE", Published: at.Add(2 * time.Hour)}, news.Article{ID: "c", Source: "wire"})
	if got := NewStory(two).Coverage.NoFirstSay; got != "No first report is marked: every article is from Wire." {
		t.Errorf("Wire, WIRE and wire: %q", got)
	}
}

// timedStory is a story of arts whose timeline gives each its own
// publication time.
func timedStory(arts ...news.Article) news.StoryDetail {
	d := news.StoryDetail{ID: "s1", Articles: arts}
	for _, a := range arts {
		d.Timeline = append(d.Timeline, news.TimelineEntry{Article: a.ID, Published: news.FormatPublished(a.Published)})
	}
	return d
}

// Long labels are shortened for the graph keeping what tells an outlet's
// articles apart: two articles of one outlet with a long name, told apart
// by their times, and two of no known outlet told apart by their ids, each
// draw a label of their own that fits the chart.
func TestGraphShortLabelsStayApart(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 5, 4, h, 0, 0, 0, time.UTC) }
	long := "Northern Lowlands Evening Courier Service"
	d := news.StoryDetail{ID: "s2", Articles: []news.Article{
		{ID: "n1", Source: long, Published: at(8)}, {ID: "n2", Source: long, Published: at(9)},
		{ID: "x-archive/0417a"}, {ID: "x-archive/0417b"},
	}, Comparison: news.Comparison{Derivations: []news.Derivation{
		{From: "n1", To: "n2", Score: 0.6, Kind: "rewrite"}, {From: "x-archive/0417a", To: "x-archive/0417b", Score: 0.4, Tied: true},
	}}}
	g := NewStory(d).Graph
	if g == nil || len(g.Nodes) != 4 {
		t.Fatalf("graph = %+v; want 4 nodes", g)
	}
	seen := map[string]bool{}
	for _, n := range g.Nodes {
		if len([]rune(n.Short)) > graphLabelRunes || seen[n.Short] {
			t.Errorf("node %q drawn as %q: too long or drawn as another node is", n.Label, n.Short)
		}
		seen[n.Short] = true
	}
	for _, want := range []string{"Northern Low… (4 May 08:00)", "[x-archive/0417a]"} {
		if !seen[want] {
			t.Errorf("no node drawn as %q: %v", want, seen)
		}
	}
}

// graphShort keeps a label's qualifier and shortens the name before it.
func TestGraphShort(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Wire", "Wire"},
		{"Northern Lowlands Evening Courier", "Northern Lowlands Evening …"},
		{"(unknown outlet) [a-very-long-archive-id/000123]", "…ry-long-archive-id/000123]"},
		{"Valley Post (English edition)", "Valley P… (English edition)"},
	} {
		if got := graphShort(c.in, 27); got != c.want {
			t.Errorf("graphShort(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Two outlets whose long names start alike, each with two articles told
// apart by their times, draw four labels of their own, and no name drawn
// before a time stands for both outlets: shortened from the end alone,
// "Northern Low… (4 May 08:00)" named an article of each.
func TestGraphShortLabelsOfAlikeOutletsStayApart(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 5, 4, h, 0, 0, 0, time.UTC) }
	a, b := "Northern Lowlands Evening Courier", "Northern Lowlands Evening Chronicle"
	d := news.StoryDetail{ID: "s3", Articles: []news.Article{
		{ID: "a1", Source: a, Published: at(8)}, {ID: "a2", Source: a, Published: at(9)},
		{ID: "b1", Source: b, Published: at(8)}, {ID: "b2", Source: b, Published: at(9)},
	}, Comparison: news.Comparison{Derivations: []news.Derivation{
		{From: "a1", To: "a2", Score: 0.6, Kind: "rewrite"}, {From: "b1", To: "b2", Score: 0.6, Kind: "rewrite"},
	}}}
	g := NewStory(d).Graph
	if g == nil || len(g.Nodes) != 4 {
		t.Fatalf("graph = %+v; want 4 nodes", g)
	}
	seen := map[string]string{}
	for _, n := range g.Nodes {
		if len([]rune(n.Short)) > graphLabelRunes {
			t.Errorf("node %q drawn as %q: longer than %d", n.Label, n.Short, graphLabelRunes)
		}
		if other, ok := seen[n.Short]; ok {
			t.Errorf("%q and %q both drawn as %q", other, n.Label, n.Short)
		}
		seen[n.Short] = n.Label
	}
	outletOf := map[string]string{}
	for _, n := range g.Nodes {
		drawn, name := drawnName(n)
		if o, ok := outletOf[drawn]; ok && o != name {
			t.Errorf("%q drawn for both %q and %q", drawn, o, name)
		}
		outletOf[drawn] = name
	}
}

// A label in Chinese or Japanese is cut by the width a font gives it, two
// columns a character, so that it ends inside the chart as a Latin label
// of graphLabelRunes characters does; counted in characters, an outlet's
// name of Han characters before a time kept 12 of them, 24 columns, and
// the label, 39 columns, ran past the chart's left edge.
func TestGraphLabelsAreCutByTheirWidth(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"北方低地晚报新闻通讯社国际版 (4 May 08:00)", "北方低地晚报… (4 May 08:00)"},
		{"北方低地晚报新闻通讯社国际版", "北方低地晚报新闻通讯社国际…"},
		{"東京夕刊ニュースサービス", "東京夕刊ニュースサービス"},
		{"Valley Post (English edition)", "Valley P… (English edition)"},
	} {
		got := graphShort(c.in, graphLabelRunes)
		if got != c.want {
			t.Errorf("graphShort(%q) = %q, want %q", c.in, got, c.want)
		}
		if w := text.Width(got); w > graphLabelRunes {
			t.Errorf("graphShort(%q) = %q is %d columns wide, more than %d", c.in, got, w, graphLabelRunes)
		}
	}
	if got := graphEnds("北方低地晚报新闻通讯社国际版 [k7]", graphLabelRunes); text.Width(got) > graphLabelRunes {
		t.Errorf("graphEnds drew %q, %d columns wide", got, text.Width(got))
	}
}

// A graph label is cut between grapheme clusters: an emoji sequence at
// the cut is drawn whole or not at all (s39-ui's cut counted characters
// and could end in the middle of one).
func TestGraphLabelsKeepEmojiWhole(t *testing.T) {
	family := "\U0001F469\u200D\U0001F467\u200D\U0001F466"
	label := "Lenmouth Tides " + strings.Repeat(family, 12)
	got := graphShort(label, graphLabelRunes)
	core := strings.TrimSuffix(strings.TrimPrefix(got, "Lenmouth Tides "), "…")
	if text.Width(got) > graphLabelRunes || strings.ReplaceAll(core, family, "") != "" {
		t.Errorf("graphShort(%q) = %q: want whole emoji sequences, at most %d columns", label, got, graphLabelRunes)
	}
}
