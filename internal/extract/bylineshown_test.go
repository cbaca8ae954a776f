package extract

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// An author meta tag whose name the page never shows has no distance to
// the <h1>; the byline under the headline is nearer it than a commenter.
func TestBylineShownFeatures(t *testing.T) {
	page := `<html><head><title>Harbour strike ends</title><meta name="author" content="web-uploader">
<meta property="article:author" content="Jane Doe"></head>
<body><h1>Harbour strike ends</h1><p class="byline">By Jane Doe</p>
<p>The dockers went back to work on Monday after nine days of strike at the harbour.</p>
<div class="comment"><span class="author-name">Sam Roe</span><p>Good news at last for the town.</p></div></body></html>`
	_, feature := bylineFeaturesOf(t, page)
	if got := feature("web-uploader", "shown_near_h1"); got != missing {
		t.Errorf("web-uploader: shown_near_h1 = %v, want missing", got)
	}
	if near, far := feature("Jane Doe", "shown_near_h1"), feature("Sam Roe", "shown_near_h1"); near < 0 || near >= far {
		t.Errorf("shown_near_h1: Jane Doe %v, Sam Roe %v; want Jane Doe's nearer", near, far)
	}
}

// A name written across lines of the page's source ("By Jane\n Doe"), or
// a two-character CJK name, is shown: its distance to the <h1> is found,
// not the value of a name the page never shows.
func TestBylineShownSpacedAndCJK(t *testing.T) {
	for _, c := range []struct{ author, shown string }{
		{"Jane Doe", "By Jane\n    Doe"},
		{"张三", "记者 张三"},
	} {
		page := `<html><head><title>Harbour strike ends</title><meta name="author" content="` + c.author + `"></head>
<body><h1>Harbour strike ends</h1><p class="byline">` + c.shown + `</p>
<p>The dockers went back to work on Monday after nine days of strike at the harbour.</p></body></html>`
		cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/x", Body: []byte(page)})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(cands.Byline, func(m MetaCandidate) bool { return m.Value == c.author })
		if i < 0 {
			t.Fatalf("%q: no byline candidate %q", c.shown, c.author)
		}
		if got := cands.Byline[i].Features[slices.Index(BylineFeatureNames(), "shown_near_h1")]; got == missing || got < 0 {
			t.Errorf("%q: shown_near_h1 of %q = %v, want a distance", c.shown, c.author, got)
		}
	}
}

func TestNameWidth(t *testing.T) {
	for s, want := range map[string]int{"jo": 2, "jane": 4, "张三": 4, "김철수": 6, "たなか": 6} {
		if got := nameWidth(s); got != want {
			t.Errorf("nameWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// shownTexts collapses white space and lowers case.
func TestShownTexts(t *testing.T) {
	got := shownTexts([]dated{{value: "By Jane\n\t Doe ", at: 10}, {value: "Comments", at: 40}})
	want := []dated{{value: "by jane doe", at: 10}, {value: "comments", at: 40}}
	if !slices.Equal(got, want) {
		t.Errorf("shownTexts = %v, want %v", got, want)
	}
}

// An itemprop="author" Person is read by its itemprop="name": not "Tom"
// from "Written By: Tom May" (May read as a month), and not nothing when
// the Person's biography makes its text too long for a byline.
func TestBylineItempropAuthorName(t *testing.T) {
	bio := strings.Repeat("She has covered shipping, ports and the people who work in them for many years. ", 4)
	for _, c := range []struct{ person, want string }{
		{`Written By: <a itemprop="url" href="/authors/tom-may"><span itemprop="name">Tom May</span></a>`, "Tom May"},
		{`<img src="/a.jpg" alt=""><div itemprop="name">Jane Doe</div><p itemprop="description">` + bio + `</p>`, "Jane Doe"},
	} {
		page := `<html><head><title>Harbour strike ends</title></head>
<body><h1>Harbour strike ends</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person">` + c.person + `</div>
<p>The dockers went back to work on Monday after nine days of strike at the harbour.</p></body></html>`
		got := bylineCandidates(t, page)
		if !slices.Contains(got, c.want) {
			t.Errorf("byline candidates %q, want %q among them", got, c.want)
		}
	}
}

// A Person's own itemprop="name", not that of an item nested in it (its
// employer, worksFor or affiliation, an itemscope of its own), even when
// the nested item comes first (review s16 #byline).
func TestBylineItempropAuthorNameNotANestedItems(t *testing.T) {
	page := `<html><head><title>Harbour strike ends</title></head>
<body><h1>Harbour strike ends</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Harbour Ledger</span></span> reporter <span itemprop="name">Tom May</span></div>
<p>The dockers went back to work on Monday after nine days of strike at the harbour.</p></body></html>`
	got := bylineCandidates(t, page)
	if !slices.Contains(got, "Tom May") || slices.Contains(got, "Harbour Ledger") {
		t.Errorf("byline candidates %q, want \"Tom May\" and not the employer's name", got)
	}
}

// bylineCandidates is the byline candidates' values of an HTML page.
func bylineCandidates(t *testing.T, page string) []string {
	t.Helper()
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/x", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range cands.Byline {
		got = append(got, m.Value)
	}
	return got
}

// A byline is the only name of its markup, or the first; the names of a
// list of related posts' authors share a class with several others.
func TestBylineMarkupKin(t *testing.T) {
	cands := []*bylineCand{
		{names: []string{"Odile Brant"}, src: 1<<bsClassAuthor | 1<<bsMetaAuthor, at: 40},
		{names: []string{"Ivo Lind"}, src: 1 << bsClassAuthor, at: 300},
		{names: []string{"Mara Ek"}, src: 1 << bsClassAuthor, at: 320},
		{names: []string{"Harbour Ledger"}, src: 1 << bsSiteName, at: -1},
		{names: []string{"Jon Hale"}, src: 1 << bsLabelNext, at: 60},
	}
	for i, want := range [][2]int{{2, 0}, {2, 1}, {2, 2}, {0, 0}, {0, 0}} {
		if kin, before := markupKin(cands, i); kin != want[0] || before != want[1] {
			t.Errorf("markupKin of %q = %d, %d; want %d, %d", cands[i].names[0], kin, before, want[0], want[1])
		}
	}
}

// bylineFeaturesOf extracts page's byline candidates and returns them by
// text, with a lookup of one candidate's named feature that fails the test
// when the candidate is absent.
func bylineFeaturesOf(t *testing.T, page string) (map[string][]float64, func(value, name string) float64) {
	t.Helper()
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/x", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	names := BylineFeatureNames()
	byText := map[string][]float64{}
	for _, c := range cands.Byline {
		byText[c.Value] = c.Features
	}
	feature := func(value, name string) float64 {
		t.Helper()
		f, ok := byText[value]
		if !ok {
			t.Fatalf("no byline candidate %q among %v", value, slices.Collect(maps.Keys(byText)))
		}
		return f[slices.Index(names, name)]
	}
	return byText, feature
}
