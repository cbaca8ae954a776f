package extract

import (
	"strings"
	"testing"

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
	return m.Blanked(level).blockProbs(pb, pageFeatures(pb, pageCues{}))
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
