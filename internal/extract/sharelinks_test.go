package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/news"
)

// shareRow is a row of share buttons naming addr, as news pages write them
// (the address percent-escaped in each service's query).
func shareRow(addr string) string {
	esc := strings.NewReplacer(":", "%3A", "/", "%2F").Replace(addr)
	return `<div class="share"><a href="https://twitter.com/intent/tweet?text=A%20story&amp;url=` + esc + `">Post</a>` +
		`<a href="https://www.facebook.com/sharer/sharer.php?u=` + esc + `">Share</a>` +
		`<a href="https://www.reddit.com/submit?url=` + esc + `&amp;title=A+story">Reddit</a></div>`
}

// undatedStory is an article that writes no day of its own: the page of
// few signals whose only date is its address.
const undatedStory = `<h1>Harbour ferry fares rise again</h1>` +
	`<p>The harbour authority raised the fares of every ferry line on Friday, the third rise in two years, and said the money would pay for two new boats.</p>` +
	`<p>Commuters who cross twice a day will pay about forty more a month.</p>`

// A page saved without its URL, canonical link or og:url is dated by the
// address its share buttons name, as it would be by its own address.
func TestShareButtonsDateAPageWithoutAnAddress(t *testing.T) {
	page := `<html><head><title>Harbour ferry fares rise again</title></head><body>` +
		shareRow("https://paper.example/news/2017/11/03/ferry-fares-rise/") + undatedStory + `</body></html>`
	a, err := Extract(news.Page{ID: "p", Kind: news.KindHTML, Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Published.Format("2006-01-02"); a.Published.IsZero() || got != "2017-11-03" {
		t.Errorf("published %q (zero %v), want 2017-11-03", got, a.Published.IsZero())
	}
}

// urlDays is the days of the page's URL date candidates, read as if the
// page came from pageURL.
func urlDays(t *testing.T, page, pageURL string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	var out []string
	for _, c := range pm.dateCandidates(pageURL) {
		if c.src == dsURL {
			out = append(out, c.t.Format("2006-01-02"))
		}
	}
	return out
}

// The shared address counts only where the page names no address of its
// own, only when two share links or more name it, and not when two
// addresses are named as often (a listing's cards, each with its buttons).
func TestSharedAddressIsThePageOwnOnlyWithoutOne(t *testing.T) {
	dated := "https://paper.example/2017/11/03/ferry-fares-rise/"
	other := "https://paper.example/2018/02/14/bridge-opens/"
	for _, tc := range []struct{ name, page, pageURL, want string }{
		{"a row of buttons", shareRow(dated) + undatedStory, "", "2017-11-03"},
		{"one link naming it", `<a href="https://twitter.com/share?url=` + dated + `">Post</a>` + undatedStory, "", ""},
		{"two cards' rows, as often each", shareRow(dated) + shareRow(other) + undatedStory, "", ""},
		{"the page's row and a card's one link", shareRow(dated) + `<a href="https://x.com/intent/tweet?url=` + other + `">Post</a>` + undatedStory, "", "2017-11-03"},
		{"the page's own address, undated", shareRow(dated) + undatedStory, "https://paper.example/ferries", ""},
		{"the page's own address, dated", shareRow(other) + undatedStory, "https://paper.example/2017/11/03/ferries", "2017-11-03"},
		{"a canonical link", `<link rel="canonical" href="https://paper.example/ferries">` + shareRow(dated) + undatedStory, "", ""},
		{"an og:url", `<meta property="og:url" content="https://paper.example/ferries">` + shareRow(dated) + undatedStory, "", ""},
		{"a relative address", strings.Repeat(`<a href="/share?url=/2017/11/03/ferry-fares-rise/">Share</a>`, 3) + undatedStory, "", ""},
		{"another parameter", strings.Repeat(`<a href="https://example.org/go?to=`+dated+`">Share</a>`, 3) + undatedStory, "", ""},
	} {
		if got := strings.Join(urlDays(t, tc.page, tc.pageURL), ";"); got != tc.want {
			t.Errorf("%s: URL days %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A page of many share links keeps at most maxSharedAddresses addresses.
func TestSharedAddressesAreBounded(t *testing.T) {
	var b strings.Builder
	for i := range 3 * maxSharedAddresses {
		b.WriteString(`<a href="https://twitter.com/share?url=https://paper.example/` + strings.Repeat("x", i+1) + `">x</a>`)
	}
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(readMeta(doc).shared); n != maxSharedAddresses {
		t.Errorf("%d addresses kept, want %d", n, maxSharedAddresses)
	}
}

// sharedAddressOf gives an http(s) address without surrounding space, or
// nothing, whatever the href.
func FuzzSharedAddressOf(f *testing.F) {
	for _, s := range []string{
		"https://twitter.com/share?url=https%3A%2F%2Fpaper.example%2F2017%2F11%2F03%2Fstory",
		"https://www.facebook.com/sharer.php?u=http://a.example/x#frag",
		"/share?url=/2017/11/03/x", "?u=", "?url=%zz&u=https://b.example/", "mailto:?body=https://c.example/",
		"https://x.example/?url=+https://d.example/+",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, href string) {
		got := sharedAddressOf(href)
		if got == "" {
			return
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Errorf("sharedAddressOf(%q) = %q, not an http(s) address", href, got)
		}
		if strings.TrimSpace(got) != got {
			t.Errorf("sharedAddressOf(%q) = %q, with space around it", href, got)
		}
	})
}
