package eval

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/extract"
)

// A page stripped of its metadata keeps every other byte as written and
// loses its <meta>, <link> and <script> elements, a script's content and a
// self-closed <script/>'s too.
func TestStripMetadataKeepsOnlyThePage(t *testing.T) {
	page := `<html><head><meta property="article:published_time" content="2024-03-02T10:00:00Z">` +
		`<link rel="canonical" href="https://news.example/2024/03/02/strike/"><title>Strike</title>` +
		`<script type="application/ld+json">{"datePublished":"2024-03-02"}</script><script src="/a.js"/>var x = "</p>";</script></head>` +
		`<body><h1>Harbour strike ends</h1><p class="dateline">March 2, 2024</p><SCRIPT>window.state={"publishedAt":"2024-03-02"}</SCRIPT>` +
		`<p>Text &amp; more.</p></body></html>`
	got := string(StripMetadata([]byte(page)))
	want := `<html><head><title>Strike</title></head><body><h1>Harbour strike ends</h1><p class="dateline">March 2, 2024</p>` +
		`<p>Text &amp; more.</p></body></html>`
	if got != want {
		t.Errorf("StripMetadata:\n got %s\nwant %s", got, want)
	}
}

// Held-out pages are scored on the candidates MetaFit.ScoreOn gives them
// (none where it has none), the others untouched.
func TestScoredPagesTakeTheirScoreOnCandidates(t *testing.T) {
	stripped := extract.MetaCandidates{Title: []extract.MetaCandidate{{Value: "stripped"}}}
	pages := []MetaPage{{Set: "s", ID: "1", Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{{Value: "rich"}}}},
		{Set: "s", ID: "2", Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{{Value: "rich"}}}}}
	if got := (MetaFit{}).Scored(pages); got[0].Cands.Title[0].Value != "rich" {
		t.Errorf("without ScoreOn the pages changed: %+v", got)
	}
	got := MetaFit{ScoreOn: map[string]extract.MetaCandidates{PageKey("s", "1"): stripped}}.Scored(pages)
	if got[0].Cands.Title[0].Value != "stripped" || len(got[1].Cands.Title) != 0 || pages[0].Cands.Title[0].Value != "rich" {
		t.Errorf("Scored: %+v (the pages given: %+v)", got, pages)
	}
}

// Whatever bytes it is given, StripMetadata returns no more of them, and
// what it returns holds no <meta>, <link> or <script> tag.
func FuzzStripMetadata(f *testing.F) {
	for _, s := range []string{`<meta name="date" content="2020-01-01"><p>x</p>`, `<script>a</script>b`, `<script/>c</script>d`,
		`<scr<script>ipt>`, `<link`, `<p title="<script>">x</p>`, "\x00<script>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out := StripMetadata(b)
		if len(out) > len(b) {
			t.Fatalf("StripMetadata(%q) = %q: longer than its input", b, out)
		}
		z := html.NewTokenizer(bytes.NewReader(out))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			if name, _ := z.TagName(); strings.EqualFold(string(name), "meta") || strings.EqualFold(string(name), "link") || strings.EqualFold(string(name), "script") {
				t.Fatalf("StripMetadata(%q) = %q: a <%s> tag is left", b, out, name)
			}
		}
	})
}
