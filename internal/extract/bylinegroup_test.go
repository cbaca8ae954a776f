package extract

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// groupPage is an invented article whose head is head and whose text
// under the headline opens with byline, its only byline markup.
func groupPage(byline string) string {
	return `<html><head><title>Harbour walls to be raised</title></head><body><h1>Harbour walls to be raised</h1>` + byline + `
<p>The council will raise the harbour walls by a metre over the next three winters, after storms twice flooded the quay last year
and closed the fish market for a week each time.</p>
<p>Traders said the works would keep the market open through the spring, though the road along the quay will close on weekdays.</p></body></html>`
}

// groupCands gives the byline candidates of page, by value.
func groupCands(t *testing.T, page string) (cands []MetaCandidate, index map[string]int) {
	t.Helper()
	mc, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://harbourpost.example/2026/walls", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	index = map[string]int{}
	for i, c := range mc.Byline {
		index[c.Value] = i
	}
	return mc.Byline, index
}

// Authors marked up one element each, side by side with separators
// between (a link per author joined by "and"; a span per author with an
// affiliation number and a semicolon, more authors than a union of
// elements holds), are one list: a candidate of every author in order,
// which each author's own candidate widens to when picked.
func TestAuthorElementsSideBySideAreOneList(t *testing.T) {
	for _, c := range []struct {
		name, byline, want string
	}{
		{"links joined by and", `<p class="dateline">Published 2 March 2026 by <a rel="author" href="/author/maria-okafor">Maria Okafor</a> and <a rel="author" href="/author/peter-vries">Peter Vries</a></p>`,
			"Maria Okafor, Peter Vries"},
		{"a span per author", `<p>Authors of this study:</p><div>` +
			`<span class="info__authors"><a href="/search?a=1">Maria Okafor<sup>1</sup></a> <span>;</span></span>` +
			`<span class="info__authors"><a href="/search?a=2">Peter Vries<sup>1</sup></a> <span>;</span></span>` +
			`<span class="info__authors"><a href="/search?a=3">Ana Lopes<sup>2</sup></a> <span>;</span></span>` +
			`<span class="info__authors"><a href="/search?a=4">Kofi Mensah<sup>2,3</sup></a> <span>;</span></span>` +
			`<span class="info__authors"><a href="/search?a=5">Lena Brandt<sup>4</sup></a></span></div>`,
			"Maria Okafor, Peter Vries, Ana Lopes, Kofi Mensah, Lena Brandt"},
	} {
		cands, index := groupCands(t, groupPage(c.byline))
		full, ok := index[c.want]
		if !ok {
			t.Errorf("%s: no candidate %q among %v", c.name, c.want, index)
			continue
		}
		first := index["Maria Okafor"]
		if got := Widened(cands, first); got != full {
			t.Errorf("%s: Widened(the first author) = %d, want the list's %d", c.name, got, full)
		}
	}
}

// Author elements that do not stand together as one list stay apart: the
// bylines of related stories with their headlines between, a name and its
// role each in a byline element, a row of author links with nothing
// between (a menu), and commenters' names.
func TestAuthorElementsApartStayApart(t *testing.T) {
	for _, c := range []struct{ name, byline string }{
		{"related stories", `<p class="byline">By Maria Okafor</p><ul><li><a href="/a">Ferry timetable cut</a> <span class="author">Peter Vries</span></li>
<li><a href="/b">Bridge tolls rise</a> <span class="author">Ana Lopes</span></li></ul>`},
		{"a name and a role", `<div class="story-byline"><span class="byline-name"><a href="/staff/maria-okafor">Maria Okafor</a></span>, <span class="byline-job">Managing Editor</span></div>`},
		{"a menu of authors", `<nav><a rel="author" href="/author/maria-okafor">Maria Okafor</a><a rel="author" href="/author/peter-vries">Peter Vries</a><a rel="author" href="/author/ana-lopes">Ana Lopes</a></nav>`},
		{"comments", `<section id="comments"><div class="comment"><span class="comment-author">Maria Okafor</span>, <span class="comment-author">Peter Vries</span></div></section>`},
	} {
		doc, err := parseHTML([]byte(groupPage(c.byline)))
		if err != nil {
			t.Fatal(err)
		}
		if got := readMeta(doc).markGroups(); len(got) != 0 {
			t.Errorf("%s: groups %+v, want none", c.name, got)
		}
	}
}

// The texts that may stand between two authors of one list.
func TestGroupSeparators(t *testing.T) {
	for s, want := range map[string]bool{
		"and": true, ", ": true, ";": true, "&": true, "und": true, "1 | ;": true, "2,3 | ,": true, "* | and": true,
		"": false, "1": false, "Managing Editor": false, "and | Bridge tolls rise": false, "|": false, "Updated 2 March": false,
	} {
		if got := separatorsOnly(s); got != want {
			t.Errorf("separatorsOnly(%q) = %v, want %v", s, got, want)
		}
	}
	if !slices.Equal([]bool{affiliationOnly(""), affiliationOnly("1 | "), affiliationOnly("Editor")}, []bool{true, true, false}) {
		t.Error("affiliationOnly: want the empty tail and a number only")
	}
}
