package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readBoxTextAsBefore is readBoxText as it was before session 44: a walk
// counting the runes that are not white space, one building the text, one
// looking for an <h1>.
func readBoxTextAsBefore(n *html.Node) boxText {
	if nonSpaceOverAsBefore(n, maxBoxRunes) {
		return boxText{over: true}
	}
	t := cleanSpace(textOf(n))
	if utf8.RuneCountInString(t) > maxBoxRunes || holdsH1AsBefore(n) {
		return boxText{over: true}
	}
	return boxText{text: t}
}

// nonSpaceOverAsBefore is the first of those walks (nonSpaceOver).
func nonSpaceOverAsBefore(n *html.Node, limit int) bool {
	count := 0
	var over func(*html.Node, int) bool
	over = func(c *html.Node, depth int) bool {
		if depth > maxDepth {
			return false
		}
		if c.Type == html.TextNode {
			for _, r := range c.Data {
				if !unicode.IsSpace(r) {
					count++
				}
			}
			return count > limit
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if over(k, depth+1) {
				return true
			}
		}
		return false
	}
	return over(n, 0)
}

// holdsH1AsBefore is the last (holdsH1).
func holdsH1AsBefore(n *html.Node) bool {
	found := false
	walk(n, 0, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.H1 {
			found = true
		}
		return !found
	})
	return found
}

// wordsBesideNameAsBefore is what authorBio counted before session 44.
func wordsBesideNameAsBefore(box, name string) int {
	return len(strings.Fields(strings.Replace(box, name, " ", 1)))
}

// checkBoxTexts holds readBoxText to its form before on every element of
// an HTML page.
func checkBoxTexts(t *testing.T, page string) {
	doc, err := parseHTML([]byte(page))
	if err != nil {
		return
	}
	walk(doc, 0, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if got, want := readBoxText(n), readBoxTextAsBefore(n); got != want {
				t.Fatalf("%q: <%s>'s box text %+v, before %+v", page, n.Data, got, want)
			}
		}
		return true
	})
}

// boxTextPages are invented pages at readBoxText's edges: a box under and
// over maxBoxRunes (by the runes that are not space, and by the cleaned
// text with its spaces), an <h1> inside, white space and invalid UTF-8
// split across text nodes.
func boxTextPages() []string {
	bio := "Jane Doe is a reporter covering science for the paper. She has written for many papers."
	return []string{
		`<div><h3>Jane Doe</h3><p>` + bio + `</p></div>`,
		`<div><p>Jane Doe</p><h1>Headline</h1><p>` + bio + `</p></div>`,
		`<section><div>` + strings.Repeat("x", maxBoxRunes) + `</div></section>`,
		`<section><div>` + strings.Repeat("x", maxBoxRunes+1) + `</div><h1>late</h1></section>`,
		`<section><div>` + strings.Repeat("x ", maxBoxRunes/2+1) + `</div></section>`,
		`<section><div>` + strings.Repeat("ab\n\t ", 300) + `</div><p>` + strings.Repeat("é", 700) + `</p></section>`,
		"<div><b>a\xc2</b><i>\xa0b</i>\u00a0 c</div>",
		"<div>\u2003Jane<span>\u0085</span>Doe </div>",
		`<div><p>` + strings.Repeat("<span>w </span>", 700) + `</p></div>`,
	}
}

// TestReadBoxTextAsBefore: the one-walk box text equals the three walks'
// on pages at its edges.
func TestReadBoxTextAsBefore(t *testing.T) {
	for _, p := range boxTextPages() {
		checkBoxTexts(t, p)
	}
}

// FuzzBoxTextGate: readBoxText equals its three-walk form on every element
// of a page, and wordsBesideName counts the words strings.Fields finds
// once the name is replaced.
func FuzzBoxTextGate(f *testing.F) {
	for _, p := range boxTextPages() {
		f.Add(p, "Jane Doe")
	}
	f.Add("<p>Jane Doe\xe2</p>", "\x80x")
	f.Add("<p>by Jane Doe, who writes</p>", "Doe")
	f.Fuzz(func(t *testing.T, page, name string) {
		checkBoxTexts(t, page)
		if name == "" {
			return // authorBio's names are never empty (a name shape has two words)
		}
		if got, want := wordsBesideName(page, name), wordsBesideNameAsBefore(page, name); got != want {
			t.Fatalf("wordsBesideName(%q, %q) = %d, before %d", page, name, got, want)
		}
	})
}

// TestWordsBesideName counts the words beside a name where the name is
// glued to other letters, absent, first, last, twice, or beside invalid
// UTF-8 and the white space of other scripts.
func TestWordsBesideName(t *testing.T) {
	cases := []struct {
		box, name string
		want      int
	}{
		{"Jane Doe is a reporter", "Jane Doe", 3},
		{"xJane Doey writes", "Jane Doe", 3},
		{"A reporter, Jane Doe", "Jane Doe", 2},
		{"Jane Doe", "Jane Doe", 0},
		{"Jane Doe and Jane Doe", "Jane Doe", 3},
		{"John Roe writes", "Jane Doe", 3},
		{"\xc2Jane Doe\xa0 writes", "Jane Doe", 3},
		{"Jane Doe\u3000書く\u2003人", "Jane Doe", 2},
	}
	for _, c := range cases {
		if got := wordsBesideName(c.box, c.name); got != c.want || got != wordsBesideNameAsBefore(c.box, c.name) {
			t.Errorf("wordsBesideName(%q, %q) = %d, want %d (before: %d)", c.box, c.name, got, c.want, wordsBesideNameAsBefore(c.box, c.name))
		}
	}
}
