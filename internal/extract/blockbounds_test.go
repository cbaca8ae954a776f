package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// articleEndPage is an invented news page: a headline, five paragraphs of
// an article with a sub-heading and a caption inside, a comments heading,
// then two readers' comments, each under its name and date line.
const articleEndPage = `<body><header><a href="/">Gazette</a></header><main>
<h1>Harbour bridge to close for repairs</h1>
<p>The harbour bridge will close for six weeks from March, the council said on Tuesday, while engineers replace its deck.</p>
<p>Traffic will be sent along the coast road, which adds about twenty minutes to a trip into the town centre at peak hours.</p>
<h2>Buses and ferries</h2>
<figure><figcaption>The bridge at dusk.</figcaption></figure>
<p>Bus routes that cross the bridge will be moved, and an extra ferry will run every half hour between the two quays.</p>
<p>Shop owners on the north bank said they feared fewer visitors, though the council promised signs pointing to their streets.</p>
<p>The work was first planned for last year but was put off when the steel for the new deck arrived late from the mill.</p>
</main>
<section><h3>Add a comment</h3>
<div>Marta K.</div><div>4 March</div><div>Reply</div><div>Share</div>
<div>This closure will make my commute far longer, and nobody asked those of us who cross every morning what we thought of it.</div>
<div>Tom R.</div><div>4 March</div><div>Reply</div><div>Share</div>
<div>About time, the old deck was falling apart and the repairs are long overdue, so I am glad they are finally doing it now.</div>
</section></body>`

// TestArticleEndFeatures: the article's paragraphs (a sub-heading and a
// caption inside) are the headline's prose segment; the readers' comments
// lie past its end, below one heading and at least one boundary-chrome
// block (the comment opener), which carries a closing phrase.
func TestArticleEndFeatures(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(articleEndPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	x := blockFeatures(pb, nil, nil, pageFeatures(pb, pageCues{}))
	col := func(i int, name string) float64 {
		t.Helper()
		k := slices.Index(featureNames, name)
		if k < 0 {
			t.Fatalf("no feature %q", name)
		}
		return x[i*numFeatures+k]
	}
	find := func(prefix string) int {
		t.Helper()
		for i := range pb.blocks {
			if strings.HasPrefix(pb.blocks[i].text, prefix) {
				return i
			}
		}
		t.Fatalf("no block %q", prefix)
		return -1
	}
	for _, prefix := range []string{"The harbour bridge will", "Buses and ferries", "The work was"} {
		i := find(prefix)
		if col(i, "in_headline_segment") != 1 || col(i, "to_headline_blocks") != 0 || col(i, "chrome_to_headline_blocks") != 0 {
			t.Errorf("article block %q: in %v, distance %v, chrome %v", prefix, col(i, "in_headline_segment"),
				col(i, "to_headline_blocks"), col(i, "chrome_to_headline_blocks"))
		}
	}
	if opener := find("Add a comment"); col(opener, "closing_cue") < 1 {
		t.Errorf("comment opener: closing_cue %v", col(opener, "closing_cue"))
	}
	for _, prefix := range []string{"This closure", "About time"} {
		i := find(prefix)
		if col(i, "in_headline_segment") != 0 || col(i, "to_headline_blocks") <= 0 ||
			col(i, "headings_to_headline") != 1 || col(i, "chrome_to_headline_blocks") < 1 {
			t.Errorf("comment %q: in %v, distance %v, headings %v, chrome %v", prefix, col(i, "in_headline_segment"),
				col(i, "to_headline_blocks"), col(i, "headings_to_headline"), col(i, "chrome_to_headline_blocks"))
		}
	}
	if h1 := find("Harbour bridge"); col(h1, "to_headline_blocks") != -1 || col(h1, "headings_to_headline") != 0 {
		t.Errorf("headline: distance %v, headings %v", col(h1, "to_headline_blocks"), col(h1, "headings_to_headline"))
	}
}

// TestArticleEndWithoutHeadline: a page without an h1 has no headline
// segment, so every block reads the "none" values, not a distance.
func TestArticleEndWithoutHeadline(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(strings.Replace(strings.Replace(articleEndPage, "<h1>", "<div>", 1), "</h1>", "</div>", 1)))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	x := blockFeatures(pb, nil, nil, pageFeatures(pb, pageCues{}))
	k := slices.Index(featureNames, "to_headline_blocks")
	for i := range pb.blocks {
		if got := x[i*numFeatures+k]; got != -farLines {
			t.Errorf("block %q: distance %v", pb.blocks[i].text, got)
		}
	}
}

// TestArticleEndAnchorsOnTitle: on a page without an h1 (the headline is
// an h2, a link to the same story sits in a teaser list above it), the
// heading matching the page's <title> is the headline, so the article's
// paragraphs are the headline's segment and the comments are not.
func TestArticleEndAnchorsOnTitle(t *testing.T) {
	page := strings.Replace(strings.Replace(articleEndPage, "<h1>", "<h2>", 1), "</h1>", "</h2>", 1)
	page = strings.Replace(page, `<header><a href="/">Gazette</a></header>`,
		`<header><a href="/">Gazette</a><ul><li><a href="/b">Harbour bridge to close for repairs</a></li></ul></header>`, 1)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	pb.titles = []string{"", "Harbour bridge to close for repairs | Gazette"}
	at := headlineBlock(pb)
	if at < 0 || pb.blocks[at].text != "Harbour bridge to close for repairs" || !isHeadingBlock(pb, &pb.blocks[at]) {
		t.Fatalf("headline block %d", at)
	}
	x := blockFeatures(pb, nil, nil, pageFeatures(pb, pageCues{}))
	k := slices.Index(featureNames, "in_headline_segment")
	for i := range pb.blocks {
		text := pb.blocks[i].text
		inArticle := strings.HasPrefix(text, "The harbour bridge will") || strings.HasPrefix(text, "The work was")
		inThread := strings.HasPrefix(text, "This closure") || strings.HasPrefix(text, "About time")
		if got := x[i*numFeatures+k]; inArticle && got != 1 || inThread && got != 0 {
			t.Errorf("block %q: in_headline_segment %v", text, got)
		}
	}
}

// TestHeadlineBlockNeedsAMatch: a title of the site's name, or no title,
// finds no headline block (the caller falls back to the first h1); an
// og:title holding the headline finds the h1 holding it, though the
// <title> of the site's name alone matches the logo's link exactly.
func TestHeadlineBlockNeedsAMatch(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(articleEndPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	if at := headlineBlock(pb); at != -1 {
		t.Errorf("no titles: block %d", at)
	}
	pb.titles = []string{"Gazette - news of the north bank and the quays"}
	if at := headlineBlock(pb); at != -1 {
		t.Errorf("site title: block %d (%q)", at, pb.blocks[at].text)
	}
	pb.titles = []string{"Harbour bridge to close for repairs, council says", "Gazette"} // og:title, then <title>
	if at := headlineBlock(pb); at < 0 || pb.blocks[at].text != "Harbour bridge to close for repairs" {
		t.Errorf("og:title: block %d", at)
	}
}

// shopCategoryPage is an invented shop's category page: a logo and a
// footer naming the shop, whose name has more words than the category's
// h1, and a grid of items below the h1.
const shopCategoryPage = `<html><head><title>Running Shoes | Trailhead Outdoor Co-op</title>
<meta property="og:site_name" content="Trailhead Outdoor Co-op"></head>
<body><header><a href="/">Trailhead Outdoor Co-op</a></header><main>
<h1>Running Shoes</h1>
<p>Road and trail running shoes for every distance, from daily training to race day, fitted in our stores.</p>
<ul><li><a href="/p/1">Swift Runner 3</a> $120</li><li><a href="/p/2">Ridge Trail GTX</a> $150</li></ul>
</main><footer><p>Trailhead Outdoor Co-op</p></footer></body></html>`

// TestHeadlineBlockWithoutSiteName: the titles the headline's block is
// matched with are cut of the site's name, so the category's h1 is the
// headline, not the logo's link, which matches the whole <title> better
// (its four words of the title's six against the h1's two).
func TestHeadlineBlockWithoutSiteName(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(shopCategoryPage))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	pb := segment(findBody(doc), nil, nil)
	pb.titles = pm.headlineTitles("https://trailhead.example/c/running-shoes")
	if !slices.Contains(pb.titles, "Running Shoes") {
		t.Errorf("titles %q, want one without the site's name", pb.titles)
	}
	at := headlineBlock(pb)
	if at < 0 || pb.blocks[at].text != "Running Shoes" {
		t.Fatalf("headline block %d (%q), want the h1", at, blockTextAt(pb, at))
	}
}

// blockTextAt is block i's text, "" for i < 0.
func blockTextAt(pb *pageBlocks, i int) string {
	if i < 0 {
		return ""
	}
	return pb.blocks[i].text
}

// TestHeadlineTitlesCutOnlyTheSite: the titles the headline's block is
// matched with lose the site's name and nothing else, whatever the site is
// called: a site named with a headline's common words ("The Hill") keeps
// them in the headline, a title that is the site's name alone is kept,
// and a German title loses its " - DER SPIEGEL".
func TestHeadlineTitlesCutOnlyTheSite(t *testing.T) {
	for _, tc := range []struct{ url, head, want string }{
		{"https://thehill.com/opinion/1/", `<title>Over the Hill: ageing well at work | The Hill</title><meta property="og:site_name" content="The Hill">`, "Over the Hill: ageing well at work"},
		{"https://www.vox.com/", `<title>Vox</title><meta property="og:site_name" content="Vox">`, "Vox"},
		{"https://www.spiegel.de/politik/a-1", `<title>Regierung stürzt über den Haushalt - DER SPIEGEL</title><meta property="og:site_name" content="DER SPIEGEL">`, "Regierung stürzt über den Haushalt"},
	} {
		doc, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body><h1>x</h1></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := readMeta(doc).headlineTitles(tc.url); !slices.Equal(got, []string{"", tc.want}) {
			t.Errorf("%s: titles %q, want og:title none and %q", tc.url, got, tc.want)
		}
	}
}
