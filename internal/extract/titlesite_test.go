package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A <title> part that opens with the host's name is the site's, though the
// page names its site nowhere else: the cut keeps the headline, not the
// site's name behind a short-tail cut.
func TestCutSiteNameByTheHostsLabel(t *testing.T) {
	sites := []string{"harbourgazette.com", "harbourgazette"}
	for _, tc := range []struct{ title, want string }{
		{"Harbour Gazette Online - Council approves new ferry route", "Council approves new ferry route"},
		{"HarbourGazette.com: Council approves new ferry route", "Council approves new ferry route"},
		{"Council approves new ferry route | Harbour Gazette, News for the Bay", "Council approves new ferry route"},
		// A long part that opens with the site's name is a headline.
		{"Harbour Gazette readers vote the ferry route the best news of the whole year - Opinion", "Harbour Gazette readers vote the ferry route the best news of the whole year"},
	} {
		if got := cutSiteName(tc.title, sites); got != tc.want {
			t.Errorf("cutSiteName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
	// Labels of fewer than four letters open ordinary words too.
	if isSitePart("Bbcs new season starts", []string{"bbc"}) {
		t.Error("a three-letter label took a headline for the site")
	}
}

// The page's own address names its site when it has no canonical link or
// og:url: the cut candidate and the is_site feature read it.
func TestTitleCandidatesReadThePagesHost(t *testing.T) {
	page := `<html><head><title>Harbour Gazette Online - Council approves new ferry route</title></head>
<body><p>The council voted on Tuesday to open a ferry route across the bay next spring, after two years of talks.</p></body></html>`
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
	c, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://bayledger.example/ferry", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	marked := slices.Index(TitleFeatureNames(), "src_marked")
	var got []string
	for _, cand := range c.Title {
		if cand.Features[marked] != 0 {
			got = append(got, cand.Value)
		}
	}
	if strings.Join(got, "|") != "Council approves new ferry route" {
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
	if got := cutSiteName(siteStuffedTitle(8), sites); got != "Council approves new ferry route" {
		t.Errorf("a title of eight site parts cut to %q", got)
	}
	long := siteStuffedTitle(maxCutTitleBytes / len(" | Harbour Gazette"))
	if got := cutSiteName(long, sites); got != long {
		t.Errorf("a title of %d bytes cut to %.60q, want it whole", len(long), got)
	}
}

// BenchmarkCutSiteNameStuffedTitle cuts a 180 KB title of site names:
// 1.4 s an operation before maxCutTitleBytes, 0.18 ms with it (session 45,
// one run each on a loaded machine).
func BenchmarkCutSiteNameStuffedTitle(b *testing.B) {
	title, sites := siteStuffedTitle(10000), []string{"Harbour Gazette"}
	for b.Loop() {
		cutSiteName(title, sites)
	}
}
