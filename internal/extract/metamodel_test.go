package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// The embedded model is part of the build: it must load, and its rankers
// must read the features the extractor gives.
func TestEmbeddedMetaModelLoads(t *testing.T) {
	m, err := ParseMetaModel(embeddedMetaModel)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Ranker{"title": m.Title, "byline": m.Byline, "date": m.Date,
		"dump title": m.DumpTitle, "dump byline": m.DumpByline, "dump date": m.DumpDate} {
		if len(r.FittedOn) < 2 {
			t.Errorf("%s ranker fitted on %v, want the labelled sets", name, r.FittedOn)
		}
	}
}

func TestParseMetaModelRejectsBadModels(t *testing.T) {
	for _, tc := range []struct{ name, json, want string }{
		{"not JSON", `{`, "metadata model"},
		{"no rankers", `{}`, "no title ranker"},
		{"other features", `{"title":{"features":["a"],"model":{}}}`, "refit it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMetaModel([]byte(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseMetaModel(%s) error = %v, want one saying %q", tc.json, err, tc.want)
			}
		})
	}
}

// Every candidate of a field carries as many features as its ranker reads.
func TestCandidatesCarryTheRankersFeatures(t *testing.T) {
	page := `<html><head><title>Harbour strike ends after nine days | Ledger</title>
<meta property="og:title" content="Harbour strike ends after nine days">
<meta property="og:site_name" content="Ledger">
<meta property="article:published_time" content="2025-03-02T08:00:00+01:00">
<meta name="author" content="Jane Doe"></head>
<body><h1>Harbour strike ends after nine days</h1><p class="byline">By Jane Doe and Sam Roe</p>
<time datetime="2025-03-02">2 March 2025</time><p>The dockers went back to work on Monday after nine days.</p></body></html>`
	c, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/2025/03/02/strike", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name  string
		cands []MetaCandidate
		names []string
		want  string
	}{
		{"title", c.Title, TitleFeatureNames(), "Harbour strike ends after nine days"},
		{"byline", c.Byline, BylineFeatureNames(), "Jane Doe"},
		{"date", c.Date, DateFeatureNames(), "2025-03-02"},
	} {
		var values []string
		for _, cand := range f.cands {
			if len(cand.Features) != len(f.names) {
				t.Errorf("%s candidate %q has %d features, its ranker reads %d", f.name, cand.Value, len(cand.Features), len(f.names))
			}
			v := cand.Value
			if f.name == "date" {
				v = cand.Time.Format("2006-01-02")
			}
			values = append(values, v)
		}
		if !slices.Contains(values, f.want) {
			t.Errorf("%s candidates %q lack %q", f.name, values, f.want)
		}
	}
}

// A page that states its metadata plainly and consistently gets it.
func TestArticleMetadataOfAPlainPage(t *testing.T) {
	page := `<html><head><title>Council approves new tram line - The Ridgeway Post</title>
<meta property="og:site_name" content="The Ridgeway Post">
<meta property="og:title" content="Council approves new tram line">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves new tram line","datePublished":"2024-11-05T09:30:00+00:00","dateModified":"2024-11-06T10:00:00+00:00","author":{"@type":"Person","name":"Maria Keller"}}</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Council approves new tram line</h1><p class="byline">By Maria Keller</p>
<p>The city council approved the new tram line on Tuesday evening after a long debate about its cost.</p></article></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	a := readMeta(doc).article("https://ridgewaypost.example/news/tram")
	got := []string{a.Title, a.Byline, a.Published.Format("2006-01-02"), a.Source}
	want := []string{"Council approves new tram line", "Maria Keller", "2024-11-05", "The Ridgeway Post"}
	if !slices.Equal(got, want) {
		t.Errorf("title, byline, date, site = %q, want %q", got, want)
	}
}

func TestDumpMetadata(t *testing.T) {
	lines := []string{
		"Council approves new tram line | The Ridgeway Post",
		"Home", "News", "Sport", "Subscribe",
		"Council approves new tram line",
		"By Maria Keller",
		"5 November 2024",
		"The city council approved the new tram line on Tuesday evening after a long debate about its cost and route.",
		"Work is due to start next spring and the first trams should run in three years, the council said.",
		"© 2024 The Ridgeway Post. All rights reserved.",
	}
	body := make([]bool, len(lines))
	body[8], body[9] = true, true
	if !newDumpDoc(lines, body, "").echoed {
		t.Errorf("the headline above the article repeats the first line's first part: want echoed")
	}
	m := dumpMetadata(lines, body, "", time.Time{})
	got := []string{m.Title, m.Byline, m.Published.Format("2006-01-02"), m.Source}
	want := []string{"Council approves new tram line", "Maria Keller", "2024-11-05", "The Ridgeway Post"}
	if !slices.Equal(got, want) {
		t.Errorf("dump title, byline, date, site = %q, want %q", got, want)
	}
}

// A dump whose extractor kept a stray tagline far above the article: the
// headline, the byline given as a bare name line and the dateline sit above
// the article proper (its largest run of kept lines), out of reach of the
// window around the first kept line, and are still read.
func TestDumpMetadataAroundTheArticleProper(t *testing.T) {
	lines := []string{"Council approves new tram line | The Ridgeway Post", "News you can trust, every morning"}
	for i := range 50 {
		lines = append(lines, fmt.Sprintf("Menu entry %c", 'A'+i%26))
	}
	lines = append(lines, "Subscribe Now", "Top 10 Picks", "Home", "Getty Images", "The Road Ahead", "Photo Gallery",
		"Council approves new tram line",
		"Maria Keller",
		"5 November 2024",
		"The city council approved the new tram line on Tuesday evening after a long debate about its cost and route.",
		"Work is due to start next spring and the first trams should run in three years, the council said.",
		"Opponents said the money would be better spent on buses, which carry most of the city's commuters.",
		"© 2024 The Ridgeway Post. All rights reserved.")
	body := make([]bool, len(lines))
	body[1] = true // the stray tagline
	n := len(lines)
	body[n-4], body[n-3], body[n-2] = true, true, true
	d := newDumpDoc(lines, body, "")
	if d.bodyStart != 1 || d.mainStart != n-4 {
		t.Fatalf("bodyStart, mainStart = %d, %d, want 1, %d", d.bodyStart, d.mainStart, n-4)
	}
	var bare []string
	for _, c := range d.bylineCandidatesRaw() {
		if c.bare {
			bare = append(bare, strings.Join(c.names, ", "))
		}
	}
	// "Menu entry X" lines are out of the window; "Subscribe Now" is chrome,
	// "Top 10 Picks" has a digit, "Home" is one word, "Getty Images" and
	// "Photo Gallery" end in a credit's or section's noun, "The Road Ahead"
	// opens with an article, the headline is the first line's part.
	if !slices.Equal(bare, []string{"Maria Keller"}) {
		t.Errorf("bare name candidates = %q, want only Maria Keller", bare)
	}
	m := dumpMetadata(lines, body, "", time.Time{})
	got := []string{m.Title, m.Byline, m.Published.Format("2006-01-02")}
	want := []string{"Council approves new tram line", "Maria Keller", "2024-11-05"}
	if !slices.Equal(got, want) {
		t.Errorf("dump title, byline, date = %q, want %q", got, want)
	}
}

// mainRunStart bridges up to runBridge lines the extractor did not keep and
// takes the run with the most words; nothing kept, no run.
func TestMainRunStart(t *testing.T) {
	lines := []string{"a b c", "x", "one two three four", "five six", "y", "z", "seven eight nine", "w", "w", "w", "w", "ten"}
	for _, c := range []struct {
		kept []int
		want int
	}{
		{nil, -1},
		{[]int{0}, 0},
		{[]int{0, 2, 3, 6}, 0},  // gaps of 1 and 2 bridged: one run from line 0
		{[]int{2, 3, 6, 11}, 2}, // the 4-line gap before "ten" splits it off
		{[]int{0, 11}, 0},       // two runs of 3 and 1 words
	} {
		body := make([]bool, len(lines))
		for _, i := range c.kept {
			body[i] = true
		}
		if got := mainRunStart(lines, body); got != c.want {
			t.Errorf("kept %v: mainRunStart = %d, want %d", c.kept, got, c.want)
		}
	}
	if got := mainRunStart([]string{"a"}, []bool{true, true}); got != 0 {
		t.Errorf("a body longer than the lines: mainRunStart = %d, want 0", got)
	}
}

// A dump that opens with a membership banner instead of a <title>: the
// banner's candidates carry its boilerplate phrases, the headline's none,
// and every candidate knows the first line is chrome that ends as a sentence
// and that no line near the article repeats it.
func TestDumpTitleChromeFeatures(t *testing.T) {
	lines := []string{
		"Our reporting is funded by our readers — become a member today.",
		"Skip to content",
		"Ferry operator adds a night crossing",
		"By Ana Lind",
		"The ferry operator will run a crossing at midnight from May, it said on Monday.",
	}
	body := []bool{false, false, false, false, true}
	d := newDumpDoc(lines, body, "")
	names := DumpTitleFeatureNames()
	feature := func(c MetaCandidate, name string) float64 {
		return c.Features[slices.Index(names, name)]
	}
	byText := map[string]MetaCandidate{}
	for _, c := range d.titleCandidates() {
		byText[c.Value] = c
	}
	banner, ok := byText["Our reporting is funded by our readers"]
	headline, ok2 := byText["Ferry operator adds a night crossing"]
	if !ok || !ok2 {
		t.Fatalf("candidates %v lack the banner's first part or the headline", slices.Collect(maps.Keys(byText)))
	}
	if feature(banner, "chrome_phrases") < 1 || feature(banner, "line_chrome_phrases") < 2 {
		t.Errorf("banner part: chrome_phrases %v, line_chrome_phrases %v; want >= 1 and >= 2",
			feature(banner, "chrome_phrases"), feature(banner, "line_chrome_phrases"))
	}
	if feature(headline, "chrome_phrases") != 0 || feature(headline, "line_chrome_phrases") != 0 {
		t.Errorf("headline reads as chrome: %v, %v", feature(headline, "chrome_phrases"), feature(headline, "line_chrome_phrases"))
	}
	for _, c := range []MetaCandidate{banner, headline} {
		if feature(c, "page_first_line_chrome") < 2 || feature(c, "page_first_line_sentence") != 1 || feature(c, "page_first_line_echoed") != 0 {
			t.Errorf("%q: page_first_line_chrome %v, page_first_line_sentence %v, page_first_line_echoed %v", c.Value,
				feature(c, "page_first_line_chrome"), feature(c, "page_first_line_sentence"), feature(c, "page_first_line_echoed"))
		}
	}
}

// A dateline is mostly its date; a headline that names a date is not one.
func TestIsDateline(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"5 November 2024", true},
		{"Updated March 3, 2026 8:40 AM", true},
		{"Storm of January 5, 2024 remembered a year on", false},
		{"Council approves new tram line", false},
	} {
		if got := isDateline(c.line); got != c.want {
			t.Errorf("isDateline(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// A bare name line is 2 to 4 capitalised words near the article's start,
// without digits, end punctuation, chrome, an article first or a credit's
// or section's noun last, and not the headline.
func TestBareNameLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Maria Keller", true},
		{"Jean de la Fontaine", true},
		{"Home", false},
		{"Top 10 Picks", false},
		{"Subscribe Now", false},
		{"Getty Images", false},
		{"Photo Gallery", false},
		{"The Road Ahead", false},
		{"Maria Keller reports.", false},
		{"Council approves new tram line", false},
	} {
		lines := []string{"Council approves new tram line | The Ridgeway Post", c.line,
			"The city council approved the new tram line on Tuesday evening after a long debate about its cost.",
			"Work is due to start next spring, the council said."}
		d := newDumpDoc(lines, []bool{false, false, true, true}, "")
		if got := d.bareNameLine(1); got != c.want {
			t.Errorf("bareNameLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// A ranker's share is its best candidate's probability beside the best of
// another day: times of one day are one value, and a ranker with a
// MinShare abstains where two days are about as probable.
func TestRankerScoreShare(t *testing.T) {
	// One stump on feature 0: 1 -> log-odds +2 (p .88), 0 -> -2 (p .12).
	r := &Ranker{Model: &learn.Boosted{Trees: []learn.Tree{{Nodes: []learn.Node{
		{Feature: 0, Threshold: 0.5, Left: 1, Right: 2}, {Feature: -1, Value: -2}, {Feature: -1, Value: 2}}}}}}
	day := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	sure := []MetaCandidate{
		{Time: day("2025-03-02T08:00:00Z"), Features: []float64{1}},
		{Time: day("2025-03-02T23:00:00Z"), Features: []float64{1}}, // the same day
		{Time: day("2025-01-10T00:00:00Z"), Features: []float64{0}},
	}
	s := r.Score(sure)
	if s.Best != 0 || s.Share < 0.85 || s.Share > 0.9 {
		t.Errorf("Score = %+v, want the first candidate with a share of about .88/(.88+.12)", s)
	}
	torn := []MetaCandidate{sure[0], {Time: day("2025-01-10T00:00:00Z"), Features: []float64{1}}}
	if s := r.Score(torn); s.Share != 0.5 {
		t.Errorf("Score of two equally likely days = %+v, want a share of .5", s)
	}
	r.MinShare = 0.6
	if i := r.Pick(torn); i != -1 {
		t.Errorf("Pick with MinShare .6 of two equally likely days = %d, want -1 (abstain)", i)
	}
	if i := r.Pick(sure); i != 0 {
		t.Errorf("Pick with MinShare .6 of a clear day = %d, want 0", i)
	}
	if s := r.Score(nil); s.Best != -1 {
		t.Errorf("Score of no candidate = %+v, want Best -1", s)
	}
	// The compiled form (set by validate) scores the same, bit for bit.
	r.Features = []string{"f"}
	before := []Scored{r.Score(sure), r.Score(torn)}
	if err := r.validate("test", r.Features); err != nil || r.fast == nil {
		t.Fatalf("validate: %v (compiled %v)", err, r.fast != nil)
	}
	if after := []Scored{r.Score(sure), r.Score(torn)}; !slices.Equal(after, before) {
		t.Errorf("compiled ranker scores %+v, the model %+v", after, before)
	}
}

// Validating a ranker again does not write on it: the embedded model's
// rankers are read by every extraction, and a refit validates its base's.
func TestValidateCompilesOnce(t *testing.T) {
	m, err := ParseMetaModel(EmbeddedMetaModel())
	if err != nil {
		t.Skip(err)
	}
	fast := m.Date.fast
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.Date.fast != fast {
		t.Error("Validate compiled a validated ranker again")
	}
}
