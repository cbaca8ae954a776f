package extract

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// bylineRuns gives the byline candidates of an invented page whose
// headline is followed by byline, as value -> Run.
func bylineRuns(t *testing.T, byline string) map[string]string {
	t.Helper()
	body := `<html><head><title>Harbour wall to be rebuilt</title></head><body><h1>Harbour wall to be rebuilt</h1>` + byline +
		`<p>The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive in the bay.</p></body></html>`
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/x", Body: []byte(body)})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range cands.Byline {
		out[c.Value] = c.Run
	}
	return out
}

// A first author's name that opens a run of names (a list under a label,
// a row of profile links, name lines under the headline) is given as the
// whole run, and no candidate is added for it.
func TestBylineWidenedToItsRunOfNames(t *testing.T) {
	for _, c := range []struct {
		name, byline, first, want string
	}{
		{"a list under a label", `<div><h6>Authors</h6><p><span>Maria Okafor</span><span> &amp; </span><span>Peter Vries</span></p></div>`,
			"Maria Okafor", "Maria Okafor, Peter Vries"},
		{"profile links, each writer described", `<div>Written by <a href="/authors/ana-lopes">Ana Lopes</a>, harbour reporter for six years<br>` +
			`<a href="/authors/kofi-mensah">Kofi Mensah</a>, senior editor</div>`,
			"Ana Lopes", "Ana Lopes, Kofi Mensah"},
		{"profile links with separators", `<div class="meta"><a href="/author/ana-lopes/">Ana Lopes</a><span>, </span>` +
			`<a href="/author/kofi-mensah/">Kofi Mensah</a><span> &amp; </span><a href="/author/lena-brandt/">Lena Brandt</a></div>`,
			"Ana Lopes", "Ana Lopes, Kofi Mensah, Lena Brandt"},
		{"name lines joined by and", `<div><span>Helen Marsh</span> <span>and</span> <span>Thomas Wrona</span></div>`,
			"Helen Marsh", "Helen Marsh, Thomas Wrona"},
	} {
		runs := bylineRuns(t, c.byline)
		if got, ok := runs[c.first]; !ok || got != c.want {
			t.Errorf("%s: candidates %q; the run of %q = %q, want %q", c.name, runs, c.first, got, c.want)
		}
		if _, ok := runs[c.want]; ok {
			t.Errorf("%s: the run %q is a candidate of its own, want it only as a widening", c.name, c.want)
		}
	}
}

// A name followed by its role, a menu's items or names far apart (a
// thread's posters) open no run.
func TestBylineNotWidenedPastOtherTexts(t *testing.T) {
	for _, c := range []struct{ name, byline, first string }{
		{"a name and its role", `<div><h6>Authors</h6><ul><li>Maria Okafor</li><li>Senior Harbour Reporter</li></ul></div>`, "Maria Okafor"},
		{"a name and a picture's credit", `<p>By <a href="/author/helen-marsh/">Helen Marsh</a></p><figure><img src="a.jpg"><figcaption><p>Thomas Wrona</p></figcaption></figure>`, "Helen Marsh"},
		{"profile links of other roles", `<div>By <a href="/author/ana-lopes/">Ana Lopes</a> <span>Fact-checked by</span> <a href="/author/kofi-mensah/">Kofi Mensah</a></div>`, "Ana Lopes"},
		{"a name and its role as a line", `<div><span>Helen Marsh</span><span>Senior Harbour Reporter</span></div>`, "Helen Marsh"},
		{"a menu after the name", `<div><span>Helen Marsh</span></div><ul><li>Home</li><li>Key Features</li><li>User Experience</li></ul>`, "Helen Marsh"},
		{"posters of a thread", `<div class="post"><a href="/members/ana-lopes/">Ana Lopes</a><span class="date">Posted 3 March</span>` +
			`<div class="body"><p>The wall has been falling apart for years and the storms of last winter made it worse.</p>` +
			`<p>A second paragraph of her post about the wall and the storms of last winter.</p></div>` +
			`<div class="actions"><a href="#reply">Reply</a> <a href="#quote">Quote</a> <a href="#report">Report</a></div></div>` +
			`<div class="post"><a href="/members/kofi-mensah/">Kofi Mensah</a><p>I agree with the plan.</p></div>`, "Ana Lopes"},
	} {
		runs := bylineRuns(t, c.byline)
		got, ok := runs[c.first]
		if !ok {
			t.Errorf("%s: candidates %q, want one %q", c.name, runs, c.first)
		}
		if got != "" {
			t.Errorf("%s: %q widened to %q, want no run", c.name, c.first, got)
		}
	}
}

// GivenByline gives the fuller list first, else the run, else the pick.
func TestGivenByline(t *testing.T) {
	cands := []MetaCandidate{
		{Value: "Jane Doe", Run: "Jane Doe, John Roe"},
		{Value: "Ann Poe", Run: "Ann Poe, Bo Li", Fuller: 3},
		{Value: "Ann Poe, Bo Li, Cy Tan"},
		{Value: "Ed Vo"},
	}
	var got []string
	for i := range cands {
		got = append(got, GivenByline(cands, i).Value)
	}
	want := []string{"Jane Doe, John Roe", "Ann Poe, Bo Li, Cy Tan", "Ann Poe, Bo Li, Cy Tan", "Ed Vo"}
	if !slices.Equal(got, want) {
		t.Errorf("GivenByline = %q, want %q", got, want)
	}
}

func TestRunSeparatorAndTextNames(t *testing.T) {
	for s, want := range map[string]bool{", ": true, " & ": true, "and": true, "und": true, ";": true, "": false, "Jane": false, "by": false} {
		if got := runSeparator(s); got != want {
			t.Errorf("runSeparator(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string][]string{
		"Jane Doe":                      {"Jane Doe"},
		"Jane Doe, MD and Ola Nordmann": {"Jane Doe", "Ola Nordmann"},
		"Jane Doe, senior editor":       nil,
		"read more":                     nil,
	} {
		if got, _ := textNames(s); !slices.Equal(got, want) {
			t.Errorf("textNames(%q) = %q, want %q", s, got, want)
		}
	}
}
