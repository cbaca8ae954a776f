package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A <title> part that opens with the host's name is the site's, though the
// page names its site nowhere else: the cut keeps the headline the page
// shows, not the site's name behind a short-tail cut.
func TestCutSiteNameByTheHostsLabel(t *testing.T) {
	sites := []string{"harbourgazette.com", "harbourgazette"}
	shows := func(s string) bool { return s == "Council approves new ferry route" }
	checkCuts(t, sites, shows, []titleCut{
		{"Harbour Gazette Online - Council approves new ferry route", "Council approves new ferry route"},
		{"HarbourGazette.com: Council approves new ferry route", "Council approves new ferry route"},
		{"Council approves new ferry route | Harbour Gazette, News for the Bay", "Council approves new ferry route"},
		// A long part that opens with the site's name is a headline.
		{"Harbour Gazette readers vote the ferry route the best news of the whole year - Opinion", "Harbour Gazette readers vote the ferry route the best news of the whole year"},
	})
	// Labels of fewer than four letters open ordinary words too.
	if isSitePart("Bbcs new season starts", []string{"bbc"}) {
		t.Error("a three-letter label took a headline for the site")
	}
}

// The page's own address names its site when it has no canonical link or
// og:url: the cut candidate and the is_site feature read it.
func TestTitleCandidatesReadThePagesHost(t *testing.T) {
	page := `<html><head><title>Harbour Gazette Online - Council approves new ferry route</title></head>
<body><h1>Council approves new ferry route</h1><p>The council voted on Tuesday to open a ferry route across the bay next spring, after two years of talks.</p></body></html>`
	c, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://www.harbourgazette.com/news/2008/01/ferry.html", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	names := TitleFeatureNames()
	cut, isSite := slices.Index(names, "src_cut"), slices.Index(names, "is_site")
	var cuts, siteNames []string
	for _, cand := range c.Title {
		if cand.Features[cut] != 0 {
			cuts = append(cuts, cand.Value)
		}
		if cand.Features[isSite] != 0 {
			siteNames = append(siteNames, cand.Value)
		}
	}
	if !slices.Equal(cuts, []string{"Council approves new ferry route"}) {
		t.Errorf("cut candidates %q, want the headline", cuts)
	}
	if !slices.Contains(siteNames, "Harbour Gazette Online") {
		t.Errorf("candidates flagged as the site %q lack the title's site part", siteNames)
	}
}

// A part that opens with the host's name but is no name of the site is cut
// from the title's start only when the page shows the rest: a brand opens
// its products' and posts' names too ("Northwind Trail Jacket"), and a
// tagline the page never shows is no headline.
func TestCutSiteNameKeepsABrandLedHeadline(t *testing.T) {
	sites := []string{"northwind.com", "northwind"}
	shown := map[string]bool{"Northwind Trail Jacket": true, "Recall of trail jackets widened": true}
	shows := func(s string) bool { return shown[s] }
	checkCuts(t, sites, shows, []titleCut{
		{"Northwind Trail Jacket: Waterproof Shell for Hiking", "Northwind Trail Jacket: Waterproof Shell for Hiking"},
		{"Northwind Trail Jacket: Waterproof Shell for Hiking | Northwind", "Northwind Trail Jacket: Waterproof Shell for Hiking"},
		{"Northwind Journal: Recall of trail jackets widened", "Recall of trail jackets widened"},
		// The rest is shown once its own site's name is cut.
		{"Northwind Journal | Recall of trail jackets widened - Northwind", "Recall of trail jackets widened"},
		// A name of the site is cut whatever the page shows.
		{"Northwind: Waterproof Shell for Hiking", "Waterproof Shell for Hiking"},
	})
	// With no page, a part that opens with the host's label is cut at the
	// end only.
	checkCuts(t, sites, nil, []titleCut{
		{"Recall of trail jackets widened - Northwind Journal", "Recall of trail jackets widened"},
		{"Northwind Trail Jacket: Waterproof Shell for Hiking", "Northwind Trail Jacket: Waterproof Shell for Hiking"},
	})
}

// titleCut is a page title and what cutSiteName should leave of it.
type titleCut struct{ title, want string }

// checkCuts checks cutSiteName on each title, with the page's site names
// and the texts it shows (nil: no page).
func checkCuts(t *testing.T, sites []string, shows func(string) bool, cuts []titleCut) {
	t.Helper()
	for _, tc := range cuts {
		if got := cutSiteName(tc.title, sites, shows); got != tc.want {
			t.Errorf("cutSiteName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// On a product page whose <title> opens with the brand and ends with a
// tagline the page does not show, the cut candidate and the headline's
// anchor keep the product's name.
func TestBrandLedTitleOfAPage(t *testing.T) {
	page := `<html><head><title>Northwind Trail Jacket: Waterproof Shell for Hiking | Northwind</title></head>
<body><h1>Northwind Trail Jacket</h1><p>A light shell with taped seams, a hood that stows in the collar and two chest pockets.</p></body></html>`
	url := "https://www.northwind.com/products/trail-jacket"
	want := "Northwind Trail Jacket: Waterproof Shell for Hiking"
	if cuts := titleCandidatesWith(t, page, url, "src_cut"); !slices.Equal(cuts, []string{want}) {
		t.Errorf("cut candidates %q, want %q", cuts, want)
	}
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := readMeta(doc).headlineTitles(url); !slices.Equal(got, []string{"", want}) {
		t.Errorf("headline titles %q, want the <title> less its site only", got)
	}
}

// titleCandidatesWith reads a page's title candidates and gives the values
// of those whose feature (a name of TitleFeatureNames) is not 0.
func titleCandidatesWith(t *testing.T, page, url, feature string) []string {
	t.Helper()
	c, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: url, Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	f := slices.Index(TitleFeatureNames(), feature)
	var out []string
	for _, cand := range c.Title {
		if cand.Features[f] != 0 {
			out = append(out, cand.Value)
		}
	}
	return out
}

// Class tokens run together from a word and headline, heading, or a
// closing title or head mark a title; a subtitle's, the site's or a box's
// do not.
func TestTitleClassTokens(t *testing.T) {
	for tok, want := range map[string]bool{
		"entrytitle": true, "title": true, "contentheading": true, "storyhead": true, "headline2": true,
		"articaltitle": true, "lbltitle": true, "headingstory": true,
		"subtitle": false, "sitetitle": false, "boxtitle": false, "masthead": false, "thead": false,
		"header": false, "subheadline": false, "widgettitle": false, "overhead": false, "body": false,
	} {
		if got := isTitleToken(tok); got != want {
			t.Errorf("isTitleToken(%q) = %v, want %v", tok, got, want)
		}
	}
	page := `<html><head><title>The Bay Ledger</title></head><body><table><tr>
<td class="contentheading">Council approves new ferry route</td></tr><tr><td class="boxtitle">Most read</td></tr>
<tr><td><span id="ctl00_lblTitle">Council approves new ferry route</span></td></tr></table>
<p>The council voted on Tuesday to open a ferry route across the bay next spring, after two years of talks.</p></body></html>`
	if got := titleCandidatesWith(t, page, "https://bayledger.example/ferry", "src_marked"); strings.Join(got, "|") != "Council approves new ferry route" {
		t.Errorf("marked candidates %q, want the headline only", got)
	}
}

// siteStuffedTitle is a title of a headline and n parts that are each the
// site's name, " | Harbour Gazette" again and again.
func siteStuffedTitle(n int) string {
	return "Council approves new ferry route" + strings.Repeat(" | Harbour Gazette", n)
}

// A title stuffed with the site's name is cut while it is a title's length;
// past maxCutTitleBytes it is given back whole, not cut part by part (each
// cut scanned the rest again, a time growing as the square of the title).
func TestCutSiteNameLeavesAnOverlongTitleWhole(t *testing.T) {
	sites := []string{"Harbour Gazette"}
	if got := cutSiteName(siteStuffedTitle(8), sites, nil); got != "Council approves new ferry route" {
		t.Errorf("a title of eight site parts cut to %q", got)
	}
	long := siteStuffedTitle(maxCutTitleBytes / len(" | Harbour Gazette"))
	if got := cutSiteName(long, sites, nil); got != long {
		t.Errorf("a title of %d bytes cut to %.60q, want it whole", len(long), got)
	}
}

// BenchmarkCutSiteNameStuffedTitle cuts a 180 KB title of site names:
// 1.4 s an operation before maxCutTitleBytes, 0.18 ms with it (session 45,
// one run each on a loaded machine).
func BenchmarkCutSiteNameStuffedTitle(b *testing.B) {
	title, sites := siteStuffedTitle(10000), []string{"Harbour Gazette"}
	for b.Loop() {
		cutSiteName(title, sites, nil)
	}
}

// BenchmarkCutSiteNameBrandLedParts cuts a title of the longest length cut
// whose every part opens with the host's label, on a page that shows none
// of them: the tails are cut one by one, and before each cut the part at
// the start asks for the rest cut with no page (siteLedCut), which must
// not in turn ask for the parts of its own rest.
func BenchmarkCutSiteNameBrandLedParts(b *testing.B) {
	var t strings.Builder
	t.WriteString("Harbour Gazette Weekly - Council approves new ferry route")
	for i := 0; t.Len() < maxCutTitleBytes-40; i++ {
		fmt.Fprintf(&t, " | Harbour Gazette part %d", i)
	}
	title := t.String()
	sites := []string{"harbourgazette.com", "harbourgazette"}
	shows := func(string) bool { return false }
	for b.Loop() {
		cutSiteName(title, sites, shows)
	}
}
