package view

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// The story page's pictures are drawn by the server as SVG from these
// models: every position is computed here, in the units of a viewBox
// ChartWidth wide, so that the template only writes elements. ChartWidth
// is about a phone's width in CSS pixels (390 less the page's margins),
// so that a chart scaled to a phone keeps its 13-unit labels at about 12
// pixels; on a desktop the page caps a chart's width (style.css).
const (
	ChartWidth = 400
	chartLabel = 13 // font size of labels, in viewBox units
	maxRows    = 12 // outlets a coverage chart or grid draws; the rest are counted in one row
	maxFacts   = 8  // shared facts a claims grid draws, the most widely stated
)

// Coverage is the coverage timeline: one row per outlet (in the order
// they first reported), a dot per article at its publication time, the
// first report marked.
type Coverage struct {
	Height   int
	Rows     []CoverageRow
	Ticks    []Tick
	AxisY    int
	Undated  int    // articles with no date, not drawn
	Summary  string // what the chart shows, in words (its <desc>)
	FirstSay string // "First report: Ledger, 16 Nov 2026 09:00 UTC"
	// NoFirstSay, when no first report is marked, says why: an article
	// with no publication time, one outlet alone, or earliest times that
	// tie (noFirstReason).
	NoFirstSay string
}

// CoverageRow is an outlet's row: its name above a track of dots.
type CoverageRow struct {
	Outlet       string
	LabelY       int
	TrackY       int
	Dots         []Dot
	ArticleCount int
}

// Dot is one article on a track.
type Dot struct {
	X     float64
	Title string // what a pointer shows: outlet, time, title
	First bool
}

// Tick is a labelled time on the axis.
type Tick struct {
	X      float64
	Label  string
	Anchor string // text-anchor: start, middle or end
}

// Track bounds of the coverage timeline, in viewBox units.
const (
	trackLeft  = 12
	trackRight = ChartWidth - 12
)

// NewCoverage draws the coverage of a story's articles (shown and copies).
func NewCoverage(v Story) *Coverage {
	type point struct {
		outlet, title string
		at            time.Time
		first         bool
	}
	var pts []point
	var undatedOutlets []string
	add := func(outlet, title, published string, first, named bool) {
		t, ok := news.ParsePublished(published)
		if !ok || t.IsZero() {
			if !named {
				outlet = news.UnknownOutlet // noFirstReason names no outlet then
			}
			undatedOutlets = append(undatedOutlets, outlet)
			return
		}
		pts = append(pts, point{outlet, title, t, first})
	}
	for _, a := range v.Articles {
		published := a.Published
		if published == "" { // a timeline entry without its time: the article's own
			published = news.ShowPublished(a.Article.Published, a.Article.DateOnly)
		}
		title := a.Title
		if title == "" {
			title = a.Lead
		}
		add(a.Outlet, title, published, a.First, a.Named)
		for _, c := range a.AlsoIn {
			add(c.Source, "copy of "+a.Outlet, c.Published, false, true)
		}
	}
	if len(pts) == 0 {
		return nil
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].at.Before(pts[j].at) })
	from, to := pts[0].at, pts[len(pts)-1].at
	span := to.Sub(from)
	x := func(t time.Time) float64 {
		if span <= 0 {
			return ChartWidth / 2
		}
		return trackLeft + float64(trackRight-trackLeft)*float64(t.Sub(from))/float64(span)
	}
	undated := len(undatedOutlets)
	c := &Coverage{Undated: undated}
	rowOf := map[string]int{}
	outlets := map[string]bool{} // every outlet drawn, those grouped in "other outlets" too
	for _, p := range pts {
		outlets[p.outlet] = true
		outlet := p.outlet
		if _, ok := rowOf[outlet]; !ok {
			if len(c.Rows) >= maxRows {
				outlet = "other outlets"
			}
			if _, ok := rowOf[outlet]; !ok {
				rowOf[outlet] = len(c.Rows)
				c.Rows = append(c.Rows, CoverageRow{Outlet: outlet})
			}
		}
		r := &c.Rows[rowOf[outlet]]
		r.ArticleCount++
		r.Dots = append(r.Dots, Dot{X: x(p.at), First: p.first, Title: fmt.Sprintf("%s, %s: %s", p.outlet, formatWhen(p.at), p.title)})
		if p.first {
			c.FirstSay = fmt.Sprintf("First report: %s, %s.", p.outlet, formatWhen(p.at))
		}
	}
	if c.FirstSay == "" {
		c.NoFirstSay = noFirstReason(pts[0].outlet, outlets, undatedOutlets, len(pts)+undated)
	}
	const rowHeight = 36
	for i := range c.Rows {
		c.Rows[i].LabelY = 18 + i*rowHeight
		c.Rows[i].TrackY = c.Rows[i].LabelY + 13
	}
	c.AxisY = 18 + len(c.Rows)*rowHeight
	c.Height = c.AxisY + 22
	c.Ticks = []Tick{{X: trackLeft, Label: formatWhen(from), Anchor: "start"}}
	if span > 0 {
		// The middle of the span too: three labels of at most 17
		// characters (about 110 units at 12) fit the 376-unit track.
		mid := from.Add(span / 2)
		c.Ticks = append(c.Ticks, Tick{X: x(mid), Label: formatWhen(mid), Anchor: "middle"}, Tick{X: trackRight, Label: formatWhen(to), Anchor: "end"})
	}
	c.Summary = fmt.Sprintf("%d dated article%s from %d outlet%s, %s.", len(pts), plural(len(pts)), len(outlets), plural(len(outlets)), spanWords(from, to))
	if undated > 0 {
		c.Summary += fmt.Sprintf(" %d undated article%s not drawn.", undated, plural(undated))
	}
	return c
}

// noFirstReason says why a story's coverage marks no first report, given
// the outlet of its earliest dated article, every outlet of a dated one
// and the outlet of each undated one, as news.FirstReport decides it:
// an undated article of another outlet ties with every time, so none can
// be said to come first; a story one outlet tells has no first report;
// else the earliest times tie (a date alone ties with any time that day).
// An article of no known outlet counts as another outlet's, and outlets
// are told apart regardless of case, as there (sameOutlet). articles is
// how many the story has: one alone is said so.
func noFirstReason(earliest string, outlets map[string]bool, undatedOutlets []string, articles int) string {
	if articles == 1 {
		return "No first report is marked: the story has one article."
	}
	var others []string
	seen := map[string]bool{}
	for _, o := range undatedOutlets {
		if (!strings.EqualFold(o, earliest) || o == news.UnknownOutlet) && !seen[o] {
			seen[o] = true
			others = append(others, o)
		}
	}
	switch {
	case len(others) > 0:
		undated := 0
		for _, o := range undatedOutlets {
			if seen[o] {
				undated++
			}
		}
		has := "has"
		if undated > 1 {
			has = "have"
		}
		of := " of " + news.JoinSources(others)
		if seen[news.UnknownOutlet] {
			of = "" // "an article of (unknown outlet)" reads as a name
		}
		return fmt.Sprintf("No first report is marked: %s%s %s no publication time, so none can be said to come first.",
			countWord(undated, "an article", "articles"), of, has)
	case foldedCount(outlets) == 1 && earliest != news.UnknownOutlet:
		return fmt.Sprintf("No first report is marked: every article is from %s.", earliest)
	default:
		return "No first report is marked: the earliest times do not tell one apart."
	}
}

// foldedCount is how many outlets there are, told apart regardless of
// case ("Wire" and "WIRE" are one).
func foldedCount(outlets map[string]bool) int {
	folded := map[string]bool{}
	for o := range outlets {
		folded[strings.ToLower(o)] = true
	}
	return len(folded)
}

// countWord is one for a count of one, else the count and many ("2
// articles").
func countWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// formatWhen writes a time as the page does: the day alone when the time
// is midnight (a date without a time).
func formatWhen(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan 2006 15:04")
}

func spanWords(from, to time.Time) string {
	if !to.After(from) {
		return "all at " + formatWhen(from)
	}
	return "from " + formatWhen(from) + " to " + formatWhen(to)
}

// Claims is the claims-by-source grid: a row per outlet, a column per
// shared fact (numbered; the facts are listed under the chart), a filled
// cell where the outlet states the fact, and a last column counting the
// claims only that outlet makes.
type Claims struct {
	Height, LabelWidth, CellWidth int
	UniqueX                       int
	Columns                       []ClaimColumn
	Rows                          []ClaimRow
	Facts                         []string // the numbered facts, in column order
	Summary                       string
}

// ClaimColumn is a numbered fact's column.
type ClaimColumn struct {
	X     int
	Label string
}

// ClaimRow is an outlet's row of cells.
type ClaimRow struct {
	Outlet string
	Y      int
	Cells  []ClaimCell
	Unique int
}

// ClaimCell is whether the outlet states one fact.
type ClaimCell struct {
	X      int
	States bool
	Title  string
}

// NewClaims draws which outlet states which shared fact, from the story's
// comparison; nil when there is nothing to draw.
func NewClaims(d news.StoryDetail, outletOf func(id string) string) *Claims {
	facts := append([]news.Fact(nil), d.Facts...)
	outletsStating := func(f news.Fact) int { // outlets, not articles: one outlet's two reports are one
		seen := map[string]bool{}
		for _, id := range f.Articles {
			seen[outletOf(id)] = true
		}
		return len(seen)
	}
	sort.SliceStable(facts, func(i, j int) bool { return outletsStating(facts[i]) > outletsStating(facts[j]) })
	if len(facts) > maxFacts {
		facts = facts[:maxFacts]
	}
	unique := map[string]int{}
	for id, sents := range d.Unique {
		unique[outletOf(id)] += len(sents)
	}
	for _, f := range d.OutletFacts { // one outlet's own, stated in several of its reports
		if len(f.Articles) > 0 {
			unique[outletOf(f.Articles[0])]++
		}
	}
	if len(facts) == 0 && len(unique) == 0 {
		return nil
	}
	var outlets []string
	seen := map[string]bool{}
	for _, t := range d.Timeline {
		if o := outletOf(t.Article); !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
	}
	for _, a := range d.Articles {
		if o := outletOf(a.ID); !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
	}
	if len(outlets) < 2 {
		return nil // one outlet: nothing to compare across outlets
	}
	if len(outlets) > maxRows {
		outlets = outlets[:maxRows]
	}
	c := &Claims{LabelWidth: 122, CellWidth: 26}
	c.UniqueX = c.LabelWidth + len(facts)*c.CellWidth + 10
	for i, f := range facts {
		c.Columns = append(c.Columns, ClaimColumn{X: c.LabelWidth + i*c.CellWidth + c.CellWidth/2, Label: fmt.Sprint(i + 1)})
		c.Facts = append(c.Facts, f.Text)
	}
	const rowHeight = 26
	for i, o := range outlets {
		r := ClaimRow{Outlet: o, Y: 30 + i*rowHeight, Unique: unique[o]}
		for j, f := range facts {
			states := false
			for _, id := range f.Articles {
				states = states || outletOf(id) == o
			}
			word := "does not state"
			if states {
				word = "states"
			}
			r.Cells = append(r.Cells, ClaimCell{X: c.Columns[j].X, States: states, Title: fmt.Sprintf("%s %s fact %d: %s", o, word, j+1, f.Text)})
		}
		c.Rows = append(c.Rows, r)
	}
	c.Height = 30 + len(outlets)*rowHeight + 4
	c.Summary = fmt.Sprintf("%d outlet%s against the %d fact%s most of them share; the last column counts the claims only that outlet makes.",
		len(outlets), plural(len(outlets)), len(facts), plural(len(facts)))
	return c
}

// Graph is the rewrite graph drawn as arcs: the articles that copy or are
// copied, one per line in order of publication, and an arc from each
// source to the article that copies or rewrites it.
type Graph struct {
	Height  int
	Nodes   []GraphNode
	Edges   []GraphEdge
	Summary string
}

// GraphNode is an article of the graph.
type GraphNode struct {
	Label string // the whole label, the node's tooltip
	Short string // what is drawn: at most graphLabelRunes, its qualifier kept (graphShort)
	Y     int
}

// graphLabelRunes is the widest a node's drawn label is, in columns
// (text.Width: a Han or kana character counts two, as a font draws it): the
// labels end at x 226 of the chart and run left, and at its 14-unit font
// a 30-character outlet name and time ("New York Times News Service (…")
// ran past the chart's left edge in Chromium (measured on real news,
// DUC 2003), where 27 stay inside with room to spare.
const graphLabelRunes = 27

// graphShort shortens an article's label to n columns for the graph.
// Where several articles of one outlet are told apart by a qualifier at
// the label's end (its time, "(4 Oct 22:00)", or its id, "[a12]":
// articleLabels), the qualifier is kept and the outlet's name shortened,
// so that shortened labels stay apart (the qualifier alone when too little
// of the name would be left, minGraphHead, or the name is the unknown
// outlet's, which tells nothing); with no qualifier the end of
// the label is cut, and a qualifier too long for n loses its start.
func graphShort(label string, n int) string {
	if text.Width(label) <= n {
		return label
	}
	if q := qualifierAt(label); q != "" {
		head := strings.TrimSuffix(label, q)
		if keep := n - text.Width(q) - 1; keep >= minGraphHead && head != news.UnknownOutlet {
			return strings.TrimRight(text.PrefixOfWidth(head, keep), " ") + "…" + q
		}
		qs := strings.TrimPrefix(q, " ")
		if text.Width(qs) <= n {
			return qs
		}
		return "…" + text.SuffixOfWidth(qs, n-1)
	}
	return text.PrefixOfWidth(label, n-1) + "…"
}

// keepShortsApart redraws the nodes whose shortened names read the same
// though the names differ (two outlets whose long names start alike,
// "Northern Lowlands Evening Courier" and "… Chronicle", both drawn
// "Northern Low…" before their times; two ids that end alike) by their
// label's start and end (graphEnds), every node of those names, when
// that tells them apart; the whole label stays in each node's tooltip.
func keepShortsApart(nodes []GraphNode, n int) {
	names := map[string]map[string]bool{} // drawn name -> the names drawn so
	for _, nd := range nodes {
		drawn, name := drawnName(nd)
		if names[drawn] == nil {
			names[drawn] = map[string]bool{}
		}
		names[drawn][name] = true
	}
	redraw := map[string]bool{} // the names to draw by their ends
	for _, same := range names {
		if len(same) > 1 {
			for name := range same {
				redraw[name] = true
			}
		}
	}
	if len(redraw) == 0 {
		return
	}
	shorts, drawn := make([]string, len(nodes)), map[string]bool{}
	for i, nd := range nodes {
		shorts[i] = nd.Short
		if _, name := drawnName(nd); redraw[name] {
			shorts[i] = graphEnds(nd.Label, n)
		}
		if drawn[shorts[i]] {
			return // the ends do not tell them apart either: left as drawn
		}
		drawn[shorts[i]] = true
	}
	for i := range nodes {
		nodes[i].Short = shorts[i]
	}
}

// drawnName is a node's label and drawn label without the qualifier that
// ends its label (qualifierAt), when the drawn label keeps it: what names
// the outlet, drawn and in full.
func drawnName(nd GraphNode) (drawn, name string) {
	q := qualifierAt(nd.Label)
	if q == "" || !strings.HasSuffix(nd.Short, q) {
		return nd.Short, nd.Label
	}
	return strings.TrimSuffix(nd.Short, q), strings.TrimSuffix(nd.Label, q)
}

// graphEnds draws a label in n columns by its start and its end, from
// the start of a word when one is near (within a quarter of the end's
// width), as long as leaves minGraphEnd columns of its start
// ("Northern Lowlands Evening Courier (4 May 08:00)" → "North…Courier (4
// May 08:00)"): an outlet's name is told apart from a like one by its last
// words, an id by its last characters.
func graphEnds(label string, n int) string {
	if text.Width(label) <= n {
		return label
	}
	r := []rune(label)
	endWidth := n - 1 - minGraphEnd
	from := len(r) - len([]rune(text.SuffixOfWidth(label, endWidth)))
	for i, skipped := from, 0; i < len(r) && skipped < endWidth/4; i++ {
		if r[i-1] == ' ' && r[i] != '(' && r[i] != '[' && text.Width(string(r[i])) > 0 {
			from = i
			break
		}
		skipped += text.Width(string(r[i]))
	}
	tail := string(r[from:])
	return strings.TrimRight(text.PrefixOfWidth(string(r[:from]), n-1-text.Width(tail)), " ") + "…" + tail
}

// minGraphEnd is the fewest characters of a label's start graphEnds keeps:
// four tell a reader which outlet's name is cut ("Nort…"), where the end
// has to carry the difference.
const minGraphEnd = 4

// minGraphHead is the fewest characters of an outlet's name worth drawing
// before a qualifier: fewer ("(unknow… [a12]") say nothing, and the
// qualifier alone is drawn, the whole label staying in the tooltip.
const minGraphHead = 8

// qualifierAt is the " (…)" or " […]" that ends a label, with its space;
// "" when the label ends with neither.
func qualifierAt(label string) string {
	for _, pair := range []struct{ open, close string }{{" (", ")"}, {" [", "]"}} {
		if !strings.HasSuffix(label, pair.close) {
			continue
		}
		if i := strings.LastIndex(label, pair.open); i > 0 {
			return label[i:]
		}
	}
	return ""
}

// GraphEdge is an arc from one node to another.
type GraphEdge struct {
	Path  string // the SVG path of the arc
	Verb  string
	Tied  bool
	Title string
}

// graph geometry: labels end at graphLabelX, arcs bulge right of it.
const graphLabelX = 230

// NewGraph draws the story's derivations; nil when there are none.
func NewGraph(v Story) *Graph {
	if len(v.Derivations) == 0 {
		return nil
	}
	order := map[string]int{}
	for i, a := range v.Articles {
		order[a.ID] = i
		for j, c := range a.AlsoIn {
			order[c.ID] = i*1000 + j + 1 // a copy right after its article
		}
	}
	for i, a := range v.Articles {
		order[a.ID] = i * 1000
	}
	label := map[string]string{}
	for _, d := range v.Derivations {
		label[d.FromID], label[d.ToID] = d.From, d.To
	}
	ids := make([]string, 0, len(label))
	for id := range label {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		oi, okI := order[ids[i]]
		oj, okJ := order[ids[j]]
		if okI != okJ {
			return okI
		}
		if oi != oj {
			return oi < oj
		}
		return ids[i] < ids[j]
	})
	g := &Graph{}
	y := map[string]int{}
	const rowHeight = 30
	for i, id := range ids {
		y[id] = 22 + i*rowHeight
		g.Nodes = append(g.Nodes, GraphNode{Label: label[id], Short: graphShort(label[id], graphLabelRunes), Y: y[id]})
	}
	keepShortsApart(g.Nodes, graphLabelRunes)
	g.Height = 22 + len(ids)*rowHeight
	var says []string
	for _, d := range v.Derivations {
		y1, y2 := y[d.FromID]-4, y[d.ToID]-4
		bulge := graphLabelX + 16 + min(140, abs(y2-y1)/2+14)
		g.Edges = append(g.Edges, GraphEdge{
			Path: fmt.Sprintf("M %d %d C %d %d, %d %d, %d %d", graphLabelX+6, y1, bulge, y1, bulge, y2, graphLabelX+10, y2),
			Verb: d.Verb, Tied: d.Tied, Title: fmt.Sprintf("%s %s %s (score %.2f)", d.To, d.Verb, d.From, d.Score),
		})
		says = append(says, d.To+" "+d.Verb+" "+d.From)
	}
	g.Summary = strings.Join(says, "; ") + "."
	return g
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
