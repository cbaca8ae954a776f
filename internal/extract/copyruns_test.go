package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// copyParagraphs is an invented article body of four paragraphs, 130
// words, for the tests of dropCopiedRuns.
var copyParagraphs = []string{
	"The harbour board voted on Tuesday evening to close the old ferry pier for repairs after divers found cracked piles under the landing stage, a decision that will send the morning commuter boats to the fish quay for most of the winter.",
	"Board members said the survey had been ordered after a storm in October tore two fenders from the pier and left a gap in the railing that the night crew closed with rope and a row of orange barriers.",
	"The ferry company said its timetable would not change, although passengers should allow ten more minutes to walk from the bus station to the fish quay, where a covered waiting room will open next week.",
	"Repairs are expected to cost about four hundred thousand pounds and to take until March, when the board will decide whether to rebuild the landing stage in concrete or keep the timber design of the original builders.",
}

// copyArticle returns the paragraphs as HTML.
func copyArticle() string {
	return "<p>" + strings.Join(copyParagraphs, "</p>\n<p>") + "</p>"
}

// TestExtractDropsLayoutCopy: a page that holds its article twice, once
// in each layout's wrapper (a phone's and a desktop's), or holds a hidden
// copy of a paragraph, gives the article once; a page
// whose one body says the same paragraphs twice keeps both.
func TestExtractDropsLayoutCopy(t *testing.T) {
	cases := []struct {
		name, body string
		copies     int
	}{
		{"two layouts", `<div class="layout-phone"><article>` + copyArticle() + `</article></div>` +
			`<div class="layout-desktop"><article>` + copyArticle() + `</article></div>`, 1},
		{"one body", `<article><div class="body">` + copyArticle() + "\n" + copyArticle() + `</div></article>`, 2},
		{"hidden copy", `<article>` + copyArticle() + `<div class="share" hidden><p>` + copyParagraphs[0] + `</p></div></article>`, 1},
	}
	for _, c := range cases {
		a := extractPier(t, c.body)
		for _, p := range copyParagraphs {
			if n := strings.Count(a.Text, p); n != c.copies {
				t.Errorf("%s: paragraph %.30q found %d times, want %d; text:\n%s", c.name, p, n, c.copies, a.Text)
			}
		}
	}
}

// TestDropCopiedRuns reads the rule on the blocks alone, every block kept:
// the later copy goes when it is long enough, a large enough share of the
// page and in an element of its own; a run of two blocks, a short run, a
// copy that is a small share of the page and a copy in the same element
// as the first all stay.
func TestDropCopiedRuns(t *testing.T) {
	// twoBlocks holds the whole article in two paragraphs, over
	// minCopyRunTokens words: only the count of blocks keeps its copy.
	twoBlocks := "<p>" + strings.Join(copyParagraphs[:2], " ") + "</p><p>" + strings.Join(copyParagraphs[2:], " ") + "</p>"
	long := strings.Repeat("<p>The pier survey found more cracked piles under the landing stage than the board had been told to expect last spring.</p>", 12)
	cases := []struct {
		name, body string
		dropped    int // blocks dropped, all from the second copy
	}{
		{"copy apart", `<div>` + copyArticle() + `</div><div>` + copyArticle() + `</div>`, len(copyParagraphs)},
		{"three copies", `<div>` + copyArticle() + `</div><div>` + copyArticle() + `</div><section>` + copyArticle() + `</section>`, 2 * len(copyParagraphs)},
		{"pull quote first", `<blockquote><p>` + copyParagraphs[0] + `</p></blockquote><div>` + copyArticle() + `</div><div>` + copyArticle() + `</div>`, len(copyParagraphs)},
		{"same element", `<div>` + copyArticle() + copyArticle() + `</div>`, 0},
		{"two blocks", `<div>` + twoBlocks + `</div><div>` + twoBlocks + `</div>`, 0},
		{"short run", `<div><p>Pier closed</p><p>Boats move</p><p>Quay open</p></div><div><p>Pier closed</p><p>Boats move</p><p>Quay open</p></div>`, 0},
		{"small share", `<div>` + copyArticle() + `</div>` + long + long + long + `<div>` + copyArticle() + `</div>`, 0},
	}
	for _, c := range cases {
		pb, keep := allBlocksKept(t, `<html><body>`+c.body+`</body></html>`)
		dropCopiedRuns(pb, keep)
		var gone []string
		for i, k := range keep {
			if !k {
				gone = append(gone, pb.blocks[i].text)
			}
		}
		if len(gone) != c.dropped {
			t.Errorf("%s: dropped %d blocks %q, want %d", c.name, len(gone), gone, c.dropped)
			continue
		}
		if c.dropped > 0 && !slices.Equal(gone[:len(copyParagraphs)], copyParagraphs) {
			t.Errorf("%s: dropped %q, want the second copy", c.name, gone)
		}
	}
}

// TestDropHiddenCopies: a hidden copy of a kept paragraph goes (whichever
// comes first); a hidden paragraph that copies nothing, a short hidden
// copy and a copy that is shown twice stay.
func TestDropHiddenCopies(t *testing.T) {
	p0, p1 := copyParagraphs[0], copyParagraphs[1]
	page := `<html><body>` +
		`<div hidden><p>` + p0 + `</p></div>` + // 0: hidden copy, before the shown one
		`<p>` + p0 + `</p>` + // 1
		`<p style="display: none">` + p1 + `</p>` + // 2: hidden, copies nothing
		`<p aria-hidden="true">Pier closed</p><p>Pier closed</p>` + // 3, 4: short
		`<p>` + copyParagraphs[2] + `</p><p>` + copyParagraphs[2] + `</p>` + // 5, 6: shown twice
		`</body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segmentPage(findBody(doc), nil, nil)
	if len(pb.blocks) != 7 {
		t.Fatalf("%d blocks, want 7", len(pb.blocks))
	}
	keep := []bool{true, true, true, true, true, true, true}
	dropHiddenCopies(pb, keep)
	want := []bool{false, true, true, true, true, true, true}
	if !slices.Equal(keep, want) {
		t.Errorf("kept %v, want %v", keep, want)
	}
}

// TestDropCopiedRunsCost: a page of many kept blocks whose text repeats (a
// long table whose rows say the same, a list of identical item labels)
// is read in a number of block comparisons that grows with the blocks,
// not with their square: 3000 blocks of one text took 2.25 million
// comparisons, 9000 blocks of three texts 20 million (a 16000-row table of
// one text took 10.5 s to extract instead of 2.7 s).
func TestDropCopiedRunsCost(t *testing.T) {
	for _, unit := range []string{
		"<p>Yes, the station is open on this day.</p>",
		"<p>Open today.</p><p>Closed today.</p><p>Open this morning only.</p>",
	} {
		pb, keep := allBlocksKept(t, `<html><body>`+strings.Repeat(unit, 3000)+`</body></html>`)
		if n := dropCopiedRuns(pb, keep); n > 2*len(pb.blocks) {
			t.Errorf("%d blocks of %.20q: %d comparisons, want at most %d", len(pb.blocks), unit, n, 2*len(pb.blocks))
		}
	}
}

// TestExtractKeepsOneWholeCopy: whichever copy comes first, the page gives
// the whole article once. A gated teaser of the first paragraphs before the
// full text, or a summary box repeating them, keeps the teaser's copy and
// the rest of the full text after it; a copy hidden by markup before the
// shown one, or a shown copy in a collapsed <details> before a hidden tab
// holding the same text, gives one copy, never none (dropCopiedRuns keeps
// the first, dropHiddenCopies then sees no shown twin of it).
func TestExtractKeepsOneWholeCopy(t *testing.T) {
	teaser := "<p>" + strings.Join(copyParagraphs[:3], "</p>\n<p>") + "</p>"
	cases := []struct{ name, body string }{
		{"gated teaser first", `<div class="teaser">` + teaser + `<p>Subscribe to read on.</p></div>` +
			`<div class="full"><article>` + copyArticle() + `</article></div>`},
		{"summary box first", `<article><aside class="key-points">` + teaser + `</aside><div class="body">` + copyArticle() + `</div></article>`},
		{"hidden copy first", `<div class="phone" style="display:none"><article>` + copyArticle() + `</article></div>` +
			`<div class="desktop"><article>` + copyArticle() + `</article></div>`},
		{"details then hidden tab", `<article><details><summary>Read the story</summary>` + copyArticle() + `</details>` +
			`<div class="tab" hidden>` + copyArticle() + `</div></article>`},
	}
	for _, c := range cases {
		a := extractPier(t, c.body)
		last := -1
		for _, p := range copyParagraphs {
			if n := strings.Count(a.Text, p); n != 1 {
				t.Errorf("%s: paragraph %.30q found %d times, want once; text:\n%s", c.name, p, n, a.Text)
			}
			at := strings.Index(a.Text, p)
			if at >= 0 && at < last {
				t.Errorf("%s: paragraph %.30q out of order; text:\n%s", c.name, p, a.Text)
			}
			last = at
		}
	}
}

// allBlocksKept returns the blocks of the page and a keep that keeps
// every one, for the tests of the decoding steps on the blocks alone.
func allBlocksKept(t *testing.T, page string) (*pageBlocks, []bool) {
	t.Helper()
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segmentPage(findBody(doc), nil, nil)
	keep := make([]bool, len(pb.blocks))
	for i := range keep {
		keep[i] = true
	}
	return pb, keep
}

// extractPier returns the article the embedded model extracts from a page
// about the ferry pier whose body is body.
func extractPier(t *testing.T, body string) news.Article {
	t.Helper()
	page := news.Page{ID: "pier", URL: "https://harbour.example/news/pier", Kind: news.KindHTML,
		Body: []byte(`<html><head><title>Ferry pier to close for repairs</title></head><body>` + body + `</body></html>`)}
	a, err := Extract(page)
	if err != nil {
		t.Fatalf("%.40q: %v", body, err)
	}
	return a
}
