package extract

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A credit for reviewing, fact-checking, editing or photographs names
// someone other than the author: it is no byline candidate, alone, after a
// label or in a union; a "By" written before an author's name in metadata
// is dropped.
func TestBylineOtherRoleCredits(t *testing.T) {
	page := `<html><head><title>How to keep a sourdough starter</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"How to keep a sourdough starter","author":{"@type":"Person","name":"By Odile Brant"}}</script></head>
<body><h1>How to keep a sourdough starter</h1>
<div class="byline">Odile Brant</div><div class="byline">Reviewed by Ivo Lind</div>
<p><span>Fact checked by</span> <span>Mara Ek</span></p>
<figure><figcaption class="author">Photo by Jon Hale</figcaption></figure>
<p>Feed the starter once a day with equal weights of flour and water, and keep it at room temperature.</p></body></html>`
	got := bylineCandidates(t, page)
	if !slices.Contains(got, "Odile Brant") {
		t.Errorf("byline candidates %q, want the author \"Odile Brant\"", got)
	}
	for _, v := range got {
		for _, bad := range []string{"Ivo Lind", "Mara Ek", "Jon Hale", "By Odile Brant"} {
			if v == bad || slices.Contains(splitNames(v), bad) || slices.Contains(splitNames(v), "Reviewed by "+bad) {
				t.Errorf("byline candidate %q names another role's %q", v, bad)
			}
		}
	}
}

// cleanNames drops role credits and a "By" before a name, and keeps a
// surname that opens with "Von" and names whose words only look alike.
func TestCleanNamesRoleCredits(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Reviewed by Ivo Lind", nil},
		{"Medically reviewed by Ivo Lind", nil},
		{"Fact-checked by Mara Ek", nil},
		{"Fact Checked By", nil},
		{"Photos by Jon Hale", nil},
		{"Foto von Jon Hale", nil},
		{"By Odile Brant", []string{"Odile Brant"}},
		{"by Odile Brant", []string{"Odile Brant"}},
		{"par Odile Brant", []string{"Odile Brant"}},
		{"Von Brant", []string{"Von Brant"}},
		{"Videographer Odile Brant", []string{"Videographer Odile Brant"}},
		{"Edith Reviewedby", []string{"Edith Reviewedby"}},
	}
	for _, tt := range tests {
		if got := cleanNames([]string{tt.in}); !slices.Equal(got, tt.want) {
			t.Errorf("cleanNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A page that calls itself a forum thread or a Q&A page, by its microdata
// or JSON-LD type or by its address, has page_thread set; an article with a
// FAQ block of Questions has not.
func TestBylinePageThread(t *testing.T) {
	body := `<h1>Which glue holds on wet wood?</h1><p class="author">quillmaker</p><p class="author">hale_j</p>
<p>I tried three glues on a wet plank and none held for more than a day, any ideas what to use?</p></body></html>`
	tests := []struct {
		name, url, page string
		want            float64
	}{
		{"microdata QAPage", "https://ask.example/q/1", `<html><body itemscope itemtype="https://schema.org/QAPage">` + body, 1},
		{"JSON-LD thread", "https://ask.example/p/1", `<html><head><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which glue"}</script></head><body>` + body, 1},
		{"forum address", "https://woodwork.example/forum/threads/wet-glue.12/", `<html><body>` + body, 1},
		{"FAQ article", "https://woodwork.example/guides/glue", `<html><head><script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Does glue hold on wet wood?"}]}</script></head><body>` + body, 0},
		{"no address", "", `<html><body>` + body, 0},
	}
	names := BylineFeatureNames()
	for _, tt := range tests {
		cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: tt.url, Body: []byte(tt.page)})
		if err != nil {
			t.Fatal(err)
		}
		if len(cands.Byline) == 0 {
			t.Fatalf("%s: no byline candidate", tt.name)
		}
		if got := cands.Byline[0].Features[slices.Index(names, "page_thread")]; got != tt.want {
			t.Errorf("%s: page_thread %v, want %v", tt.name, got, tt.want)
		}
	}
}
