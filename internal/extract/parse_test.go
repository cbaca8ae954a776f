package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/news"
)

// deepPage is an article whose two paragraphs sit under depth wrappers
// (opened with open, closed with close when closed), with a script among
// them whose text no reader sees.
func deepPage(depth int, open, close string, closed bool) []byte {
	var b strings.Builder
	b.WriteString("<html><head><title>Harbour quay to open in spring</title></head><body>")
	b.WriteString(strings.Repeat(open, depth))
	b.WriteString("<p>" + strings.Repeat("The harbour authority said on Monday that the new quay would open in spring, after two years of work and a dispute over costs. ", 3) + "</p>")
	b.WriteString("<script>var hidden = 'tracking code';</script>")
	b.WriteString("<p>" + strings.Repeat("Workers were told the contract would be renewed for another three years, the union said in a statement. ", 3) + "</p>")
	if closed {
		b.WriteString(strings.Repeat(close, depth))
	}
	b.WriteString("</body></html>")
	return []byte(b.String())
}

// TestDeeplyNestedPagesAreReadWhole: pages nested far deeper than any real
// page (hundreds or thousands of wrappers, closed or not) give their whole
// text, in order, and nothing of their scripts: before, 400 nested divs
// gave "no visible text" and more than 512 open elements failed the page.
func TestDeeplyNestedPagesAreReadWhole(t *testing.T) {
	cases := []struct {
		name        string
		depth       int
		open, close string
		closed      bool
	}{
		{"400 divs", 400, "<div>", "</div>", true},
		{"600 divs", 600, "<div>", "</div>", true},
		{"3000 divs never closed", 3000, "<div>", "", false},
		{"5000 spans", 5000, "<span>", "</span>", true},
		{"2000 sections with classes", 2000, `<section class="wrap">`, "</section>", true},
		{"1000 nested blockquotes", 1000, "<blockquote>", "</blockquote>", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Extract(news.Page{ID: "deep", Kind: news.KindHTML, Body: deepPage(c.depth, c.open, c.close, c.closed)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			first, second := strings.Index(a.Text, "The harbour authority"), strings.Index(a.Text, "Workers were told")
			if first < 0 || second < first || strings.Contains(a.Text, "tracking code") {
				t.Errorf("text %q: want both paragraphs in order and no script", a.Text)
			}
			if a.Title != "Harbour quay to open in spring" {
				t.Errorf("title %q", a.Title)
			}
		})
	}
}

// TestParseLeavesOrdinaryPagesAlone: a page within flattenDepth parses to
// the tree html.Parse gives.
func TestParseLeavesOrdinaryPagesAlone(t *testing.T) {
	page := deepPage(300, `<div class="c">`, "</div>", true)
	want, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	var wb, gb bytes.Buffer
	html.Render(&wb, want)
	html.Render(&gb, got)
	if wb.String() != gb.String() {
		t.Error("a page 300 elements deep was changed by parseHTML")
	}
}

// TestFlattenBoundsDepth: whatever the nesting, the parsed tree is no
// deeper than flattenDepth plus a paragraph and its text.
func TestFlattenBoundsDepth(t *testing.T) {
	for _, page := range [][]byte{
		deepPage(3000, "<div>", "", false),
		deepPage(2000, "<p><span>", "</span></p>", true),
		deepPage(2000, "<li><ul>", "</ul></li>", true),
	} {
		doc, err := parseHTML(page)
		if err != nil {
			t.Fatal(err)
		}
		if d := treeDepth(doc); d > flattenDepth+2 {
			t.Errorf("a page parsed %d deep, want at most %d", d, flattenDepth+2)
		}
	}
}

func treeDepth(n *html.Node) int {
	deepest := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		deepest = max(deepest, treeDepth(c)+1)
	}
	return deepest
}

// TestTagFloodIsPrunedAsItIsParsed: a page of hundreds of thousands of
// elements is parsed into a tree of at most about maxElements elements,
// without its drawings, and the text after the flood is still there.
func TestTagFloodIsPrunedAsItIsParsed(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Flood</title></head><body>")
	for range 60_000 {
		b.WriteString(`<div><span>a</span><svg><path d="M0 0"/><path d="M1 1"/></svg><!-- c --></div>`)
	}
	b.WriteString("<p>The harbour authority said on Monday that the new quay would open in spring.</p></body></html>")
	doc, err := parseHTML([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	elements, drawings, comments := 0, 0, 0
	walk(doc, 0, func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && (n.Data == "svg" || n.Data == "path"):
			drawings++
		case n.Type == html.ElementNode:
			elements++
		case n.Type == html.CommentNode:
			comments++
		}
		return true
	})
	if elements > maxElements+8 || drawings > 0 || comments > 0 {
		t.Errorf("tree of %d elements, %d drawing elements, %d comments; want at most %d and none", elements, drawings, comments, maxElements+8)
	}
	if !strings.Contains(textOf(doc), "the new quay would open in spring") {
		t.Error("the text after the flood of tags was lost")
	}
}

// TestMangledTitleEndIsClosed: a "</title" that runs on into other letters
// is no end tag for the parser, which would read the whole page as the
// title; the title is closed where its line ends, and the body's text is
// read. Real end tags, in any case and with space before ">", are left as
// they are.
func TestMangledTitleEndIsClosed(t *testing.T) {
	page := "<html><head><title>Ferry fares rise - Port News</titlevalue=\"true\" -->\n</head><body><div class=\"story\"><p>Fares on the island ferry rise by a tenth from May, the operator said.</p></div></body></html>"
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	if len(pb.blocks) != 1 || !strings.HasPrefix(pb.blocks[0].text, "Fares on the island ferry") {
		t.Errorf("blocks %+v, want the paragraph", pb.blocks)
	}
	for _, s := range []string{"<title>A</title>", "<TITLE>A</TITLE >", "<title>A</title\n>", "<title>A</title/>"} {
		if got := string(closeTitle([]byte(s + "<p>x</p>"))); got != s+"<p>x</p>" {
			t.Errorf("closeTitle(%q) = %q, want it unchanged", s, got)
		}
	}
}
