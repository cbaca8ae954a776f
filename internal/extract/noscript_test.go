package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestNoscriptFallback: a forum thread rendered by script shows no word
// outside its <noscript> fallback; the fallback's posts are the text, its
// script-side shell stays empty, and a page with visible words ignores its
// <noscript> (a tracking pixel's "enable JavaScript").
func TestNoscriptFallback(t *testing.T) {
	page := news.Page{Kind: news.KindHTML, URL: "https://forum.example.org/t/garden-pond-pump/42", Body: []byte(`<html><head><title>Garden pond pump keeps stopping - Example Forum</title></head>
<body><div id="app"></div><script>boot()</script>
<noscript><header><a href="/">Example Forum</a> <a href="/login">Log In</a></header>
<div id="main-outlet"><h1>Garden pond pump keeps stopping</h1>
<div class="post"><span class="creator">fernbank</span><p>My pond pump stops after about ten minutes, and it starts again only when I unplug it and wait for an hour or so.</p></div>
<div class="post"><span class="creator">mossy</span><p>That sounds like the thermal cut-out: check that the intake is not clogged with leaves, because a blocked pump runs hot.</p></div>
</div><footer><a href="/privacy">Privacy Policy</a></footer></noscript></body></html>`)}
	a, err := Extract(page)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, want := range []string{"stops after about ten minutes", "thermal cut-out"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text %q, want it to hold %q", a.Text, want)
		}
	}
	visible := news.Page{Kind: news.KindHTML, Body: []byte(`<html><body><noscript><p>Please enable JavaScript to use every feature of this site, thank you.</p></noscript>
<article><p>The ferry will run on its winter timetable from Monday, with two sailings a day instead of four, the operator said.</p></article></body></html>`)}
	if a, err = Extract(visible); err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if strings.Contains(a.Text, "JavaScript") || !strings.Contains(a.Text, "winter timetable") {
		t.Errorf("text %q: want the article without the noscript notice", a.Text)
	}
	// A page built by script whose <noscript> is only a notice has no
	// text, not the notice for its article.
	app := news.Page{Kind: news.KindHTML, URL: "https://app.example.com/board", Body: []byte(`<html><head><title>Team board - Example App</title></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script>start()</script></body></html>`)}
	a, err = Extract(app)
	if err != nil && !errors.Is(err, ErrNoContent) {
		t.Fatalf("Extract: %v", err)
	}
	if strings.Contains(a.Text, "JavaScript") || a.Title == "" {
		t.Errorf("app shell: text %q, title %q; want no text and the title", a.Text, a.Title)
	}
}

// TestNoscriptFallbackBesideMenu: a forum built by script may show a few
// words of its own (a menu, a loading notice) beside a <noscript> fallback
// that holds the whole thread; the thread is the text, while a page whose
// <noscript> holds less than it shows keeps what it shows.
func TestNoscriptFallbackBesideMenu(t *testing.T) {
	post := `<div class="post"><span class="creator">%s</span><p>%s</p></div>`
	bodies := []string{
		"The allotment committee wants every plot holder to cover their water butts before the spring, because the mosquitoes bred in them last year.",
		"Our butts have lids already, but the overflow pipes are open; a square of old net curtain held on with a rubber band works well enough.",
		"Thanks, I tried the net on two of mine this weekend and the larvae have gone from both, so I will do the rest before the committee checks.",
		"A drop of vegetable oil on the surface also stops them, though it leaves a film on the watering can that the seedlings do not seem to mind.",
	}
	var thread strings.Builder
	for i, b := range bodies {
		thread.WriteString(strings.Replace(strings.Replace(post, "%s", []string{"hazel", "quince", "medlar", "sorrel"}[i], 1), "%s", b, 1))
	}
	page := news.Page{Kind: news.KindHTML, URL: "https://forum.example.org/t/water-butts/77", Body: []byte(`<html><head><title>Covering water butts - Example Forum</title></head>
<body><nav><a href="/">Home</a> <a href="/latest">Latest</a> <a href="/categories">Categories</a> <a href="/login">Log In</a></nav>
<p>Loading the discussion, one moment please.</p><div id="app"></div><script>boot()</script>
<noscript><h1>Covering water butts</h1>` + thread.String() + `</noscript></body></html>`)}
	a, err := Extract(page)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, want := range []string{"net curtain", "vegetable oil"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text %q, want the thread's posts (%q)", a.Text, want)
		}
	}
	// The same fallback beside an article longer than it: the article.
	article := strings.Repeat("<p>The parish council met on Tuesday to agree the budget for the year, and the allotment rents will rise by two pounds a plot to pay for new taps.</p>\n", 8)
	shown := news.Page{Kind: news.KindHTML, URL: "https://news.example.org/2026/03/allotment-rents", Body: []byte(`<html><head><title>Allotment rents to rise</title></head>
<body><article><h1>Allotment rents to rise</h1>` + article + `</article><noscript>` + thread.String() + `</noscript></body></html>`)}
	if a, err = Extract(shown); err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if !strings.Contains(a.Text, "new taps") || strings.Contains(a.Text, "net curtain") {
		t.Errorf("text %q: want the article, not the <noscript> thread", a.Text)
	}
}
