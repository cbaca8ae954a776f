package extract

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// bylineValues gives the byline candidates' values of an invented page.
func bylineValues(t *testing.T, body string) []string {
	t.Helper()
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://ledger.example/x", Body: []byte(body)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cands.Byline {
		out = append(out, c.Value)
	}
	return out
}

const runArticle = `<p>The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive in the bay.</p>`

// A page that writes its authors as a run of elements (a link each, a
// list item each, or one line of names under the headline) offers the
// whole list as one candidate, not only its first name.
func TestBylineRunsOfNames(t *testing.T) {
	for _, c := range []struct {
		name, byline, want string
	}{
		{"profile links with separators", `<div class="meta"><a href="/author/ana-lopes/">Ana Lopes</a><span>, </span>` +
			`<a href="/author/kofi-mensah/">Kofi Mensah</a><span> &amp; </span><a href="/author/lena-brandt/">Lena Brandt</a></div>`,
			"Ana Lopes, Kofi Mensah, Lena Brandt"},
		{"a list under an Author(s) label", `<div><h6>Author(s)</h6><ul><li><a href="/library/?a=1">Maria T. Okafor</a></li>` +
			`<li><a href="/library/?a=2">Pieter de Vries</a></li></ul></div>`,
			"Maria T. Okafor, Pieter de Vries"},
		{"one unlabelled line of names", `<p class="tagline">Naomi Sato, Rachel Tesfaye, William Okoro</p>`,
			"Naomi Sato, Rachel Tesfaye, William Okoro"},
		{"a name line and the next name", `<div><span>Helen Marsh</span> <span>and</span> <span>Tomasz Wrona</span></div>`,
			"Helen Marsh, Tomasz Wrona"},
	} {
		page := `<html><head><title>Harbour wall to be rebuilt</title></head><body><h1>Harbour wall to be rebuilt</h1>` +
			c.byline + runArticle + `</body></html>`
		if got := bylineValues(t, page); !slices.Contains(got, c.want) {
			t.Errorf("%s: byline candidates %q, want one %q", c.name, got, c.want)
		}
	}
}

// Names far apart (a thread's posters, a listing's cards) or a name
// followed by a role are no run: no candidate lists them together.
func TestBylineRunsStopAtOtherTexts(t *testing.T) {
	for _, c := range []struct {
		name, body string
		notWant    string
	}{
		{"posters of a thread", `<div class="post"><a href="/members/ana-lopes/">Ana Lopes</a><p>` + runArticle +
			`</p><p>A second paragraph of her post about the wall and the storms of last winter.</p></div>` +
			`<div class="post"><a href="/members/kofi-mensah/">Kofi Mensah</a><p>I agree with the plan.</p></div>`,
			"Ana Lopes, Kofi Mensah"},
		{"a name, its role, another name", `<div><span>Helen Marsh</span><span>is the paper's harbour reporter</span>` +
			`<span>Tomasz Wrona</span></div>`,
			"Helen Marsh, Tomasz Wrona"},
		{"a name and its role on one line", `<p class="tagline">Helen Marsh, Senior Harbour Reporter</p>`,
			"Helen Marsh, Senior Harbour Reporter"},
		{"a menu's items on one line", `<p>Key Features, User Experience</p>`, "Key Features, User Experience"},
	} {
		page := `<html><head><title>Harbour wall to be rebuilt</title></head><body><h1>Harbour wall to be rebuilt</h1>` +
			c.body + `</body></html>`
		if got := bylineValues(t, page); slices.Contains(got, c.notWant) {
			t.Errorf("%s: byline candidates %q, want none %q", c.name, got, c.notWant)
		}
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
