package extract

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
	"golang.org/x/net/html"
)

// blankTestPage has short blocks whose words the embedded model knows
// (text and class/id words) and chrome phrases.
const blankTestPage = `<body><div class="nav menu"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="article-body content"><h1>Council votes on the budget</h1><p class="byline">By Ann Weber</p>
<p>The council met on Monday, and after a long debate it voted for the budget that the mayor had put forward.</p>
<p>Related stories</p><div class="newsletter"><p>Subscribe to our newsletter</p><button>Sign up</button></div>
<p>More text, with commas, follows here, as the article goes on to say what the vote means for the town.</p></div>
<div class="comments"><p>Share this article</p><p>Leave a comment</p></div><footer class="footer">© 2026 The Gazette</footer></body>`

// blankProbs segments page with the word ids of m and gives its block
// probabilities as m (blanked at level) reads them.
func blankProbs(t *testing.T, m *Model, page string, level WordBlank) []float64 {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), m.wordID, m.textWordID)
	return m.Blanked(level).blockProbs(pb, pageFeatures(pb, pageCues{}), "")
}

// forgetting returns a copy of m that knows no text words and, with class,
// no class/id words either.
func forgetting(m *Model, class bool) *Model {
	c := *m
	c.TextWords, c.TextLogOdds = nil, nil
	if class {
		c.ClassWords, c.ClassLogOdds = nil, nil
	}
	c.index()
	return &c
}

// TestBlankedReadsWordsAsUnknown: a model blanked at BlankTextWords scores
// a page as a model that knows no text word does, and at BlankClassWords as
// one that knows neither text nor class/id words and finds no word-list cue;
// each differs from the model as it is on this page, and Blanked leaves the
// model as it is.
func TestBlankedReadsWordsAsUnknown(t *testing.T) {
	m := DefaultModel()
	normal := blankProbs(t, m, blankTestPage, BlankNone)
	for _, c := range []struct {
		level   WordBlank
		want    []float64
		explain string
	}{
		{BlankTextWords, blankProbs(t, forgetting(m, false), blankTestPage, BlankNone), "no text word known"},
		{BlankClassWords, blankProbs(t, forgetting(m, true), blankTestPage, BlankWordCues), "no text or class word known, no cue"},
	} {
		got := blankProbs(t, m, blankTestPage, c.level)
		differs := false
		for i := range got {
			if d := got[i] - c.want[i]; d > 1e-12 || d < -1e-12 {
				t.Errorf("level %d, block %d: %.6f, want %.6f (%s)", c.level, i, got[i], c.want[i], c.explain)
			}
			differs = differs || got[i] != normal[i]
		}
		if !differs {
			t.Errorf("level %d scores every block as the model does: the page tests nothing", c.level)
		}
	}
	if again := blankProbs(t, m, blankTestPage, BlankNone); again[0] != normal[0] || m.blank != BlankNone {
		t.Errorf("Blanked changed the model it copies")
	}
}

// TestBlankedWordCuesInDumps: in a text dump, BlankWordCues reads the
// chrome phrases, credits, bylines and comment headers as not found.
func TestBlankedWordCuesInDumps(t *testing.T) {
	ls, _ := dumpLines([]byte("Subscribe to our newsletter\nBy Ann Weber\n3 comments\nThe council met on Monday, and it voted.\n"), nil)
	x := lineFeatures(ls, nil)
	cols := blankCols(lineFeatureNames, BlankWordCues)
	if len(cols) < 4 {
		t.Fatalf("BlankWordCues blanks %d line features", len(cols))
	}
	idx := func(name string) int {
		for i, n := range lineFeatureNames {
			if n == name {
				return i
			}
		}
		t.Fatalf("no line feature %s", name)
		return -1
	}
	chrome, byline, header := idx("chrome_phrases"), idx("byline_or_date"), idx("comment_header")
	if x[chrome] == 0 || x[numLineFeatures+byline] == 0 || x[2*numLineFeatures+header] == 0 {
		t.Fatalf("the dump's cues are not found unblanked: chrome %v byline %v header %v", x[chrome], x[numLineFeatures+byline], x[2*numLineFeatures+header])
	}
	blankRows(x, numLineFeatures, cols)
	if x[chrome] != 0 || x[numLineFeatures+byline] != 0 || x[2*numLineFeatures+header] != 0 {
		t.Errorf("blanked: chrome %v byline %v header %v, want 0", x[chrome], x[numLineFeatures+byline], x[2*numLineFeatures+header])
	}
}

// TestBlankedInFitShare: about the share asked of fitting pages is
// blanked, the same pages whatever the order they come in, and none at 0.
func TestBlankedInFitShare(t *testing.T) {
	n, none := 0, 0
	for i := range 4000 {
		l := Label{Site: fmt.Sprint("site", i%97), Gold: fmt.Sprint("gold ", i)}
		if blankedInFit(l, 0.3) {
			n++
		}
		if blankedInFit(l, 0) {
			none++
		}
		if blankedInFit(l, 0.3) != blankedInFit(Label{Site: l.Site, Gold: l.Gold, Kind: "article"}, 0.3) {
			t.Fatalf("page %d: blanked or not by its kind", i)
		}
	}
	if share := float64(n) / 4000; share < 0.27 || share > 0.33 || none != 0 {
		t.Errorf("share blanked %.3f at 0.3 (want about 0.3), %d at 0", share, none)
	}
}

// proseBesideProse makes a page of two runs of prose paragraphs, the
// article's in <div class="story"> and a sidebar's in <div class="aside-box">,
// in either order: only their class words tell them apart.
func proseBesideProse(r *rand.Rand, id int) (news.Page, string) {
	words := strings.Fields("council river harbour vote budget plan city workers school road bridge museum ferry weather police court")
	run := func() []string {
		var out []string
		for range 3 {
			ws := make([]string, 12+r.Intn(8))
			for i := range ws {
				ws[i] = words[r.Intn(len(words))]
			}
			out = append(out, strings.Join(ws, " ")+", it was said.")
		}
		return out
	}
	story, aside := run(), run()
	div := func(class string, ps []string) string {
		return `<div class="` + class + `"><p>` + strings.Join(ps, "</p><p>") + "</p></div>"
	}
	body := div("story", story) + div("aside-box", aside)
	if id%2 == 1 {
		body = div("aside-box", aside) + div("story", story)
	}
	return news.Page{ID: fmt.Sprint(id), Kind: news.KindHTML, Body: []byte("<html><body>" + body + "</body></html>")}, strings.Join(story, "\n")
}

// TestFitBlankShare: fitted with every page's class/id and text words
// blanked (BlankShare 1, BlankClassWords), the block classifier splits on
// no feature that reads them, though the same pages' class words split
// it when fitted as they are.
func TestFitBlankShare(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	v := NewVocab()
	var samples []*Sample
	for i := 0; i < 48; i++ {
		p, gold := proseBesideProse(r, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 12), Kind: "article"}, v)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, s)
	}
	cols := blankCols(featureNames, BlankClassWords)
	wordGain := func(share float64) float64 {
		m, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 30, Depth: 3, MinLeaf: 0.01}, OneStage: true, MinSites: 2,
			BlankShare: share, BlankLevel: BlankClassWords})
		if err != nil {
			t.Fatal(err)
		}
		imp := m.Blocks.Importance()
		var g float64
		for _, c := range cols {
			if c.col < len(imp) {
				g += imp[c.col]
			}
		}
		return g
	}
	if g := wordGain(0); g == 0 {
		t.Fatalf("fitted as read, the classifier splits on no class or text word feature: the pages test nothing")
	}
	if g := wordGain(1); g != 0 {
		t.Errorf("fitted blanked, the class and text word features hold %.3f of the split gain, want 0", g)
	}
}
