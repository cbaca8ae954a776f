package extract

import (
	"maps"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// coauthoredPage is an invented article by two reporters: its JSON-LD lists
// both, and the page shows each name in an author element of its own, the
// first under the headline and the second further down.
const coauthoredPage = `<html><head><title>Ferry timetable cut for winter</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable cut for winter",
"author":[{"@type":"Person","name":"Maren Oakley"},{"@type":"Person","name":"Tobias Quill"}]}</script></head>
<body><h1>Ferry timetable cut for winter</h1>
<div class="article-author"><span>By</span></div><div class="article-author"><a href="/authors/maren-oakley">Maren Oakley</a></div>
<time datetime="2026-11-12">12 November 2026</time>
<p>The island ferry will sail four times a day instead of seven from November, the operator said on Tuesday,
citing falling passenger numbers and the cost of fuel over the winter months.</p>
<p>Residents said the cut would leave commuters stranded after the last evening crossing, and the council asked
the operator to keep a late sailing on Fridays at least until the spring.</p>
<ul class="related"><li><a href="/2026/bridge">Bridge tolls rise again</a> <span class="article-author">Tobias Quill</span></li>
<li><a href="/2026/harbour">Harbour dredging delayed</a> <span class="article-author">Ines Farrow</span></li></ul>
</body></html>`

// A page's byline candidate of one co-author, read from its byline
// element, points to the full list the article's structured data holds,
// which is given instead when it is picked; the full list points nowhere.
func TestBylineCandidatesPointToTheArticlesFullerList(t *testing.T) {
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://harbourpost.example/2026/ferry", Body: []byte(coauthoredPage)})
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]int{}
	for i, c := range cands.Byline {
		index[c.Value] = i
	}
	full, ok := index["Maren Oakley, Tobias Quill"]
	if !ok {
		t.Fatalf("no candidate of the full list among %v", index)
	}
	for _, name := range []string{"Maren Oakley", "Tobias Quill"} {
		i, ok := index[name]
		if !ok {
			t.Fatalf("no candidate %q among %v", name, index)
		}
		if got := Widened(cands.Byline, i); got != full {
			t.Errorf("Widened(%q) = %d, want the full list's %d", name, got, full)
		}
	}
	if got := Widened(cands.Byline, full); got != full {
		t.Errorf("Widened(the full list) = %d, want itself", got)
	}
	if got := Widened(cands.Byline, -1); got != -1 {
		t.Errorf("Widened(-1) = %d, want -1 (no pick)", got)
	}
}

// The fuller list is the article's own list, and every added name must be
// shown as a byline of its own: an outlet after the name ("Jane Doe, The
// Daily Example") or another object's author list widens nothing.
func TestFullerBylines(t *testing.T) {
	cand := func(src int, names ...string) *bylineCand {
		return &bylineCand{names: names, src: 1 << src, at: -1, line: -1}
	}
	for _, c := range []struct {
		name      string
		cands     []*bylineCand
		notPeople map[string]bool
		want      []int
	}{
		{"co-authors shown apart", []*bylineCand{cand(bsClassByline, "Jane Doe"), cand(bsLDArticle, "Jane Doe", "John Roe"), cand(bsClassAuthor, "John Roe")}, nil, []int{2, 0, 2}},
		{"an outlet after the name", []*bylineCand{cand(bsClassByline, "Jane Doe"), cand(bsLDArticle, "Jane Doe", "The Daily Example"), cand(bsSiteName, "The Daily Example")}, nil, []int{0, 0, 0}},
		{"another object's list", []*bylineCand{cand(bsClassByline, "Jane Doe"), cand(bsLDOther, "Jane Doe", "John Roe"), cand(bsClassAuthor, "John Roe")}, nil, []int{0, 0, 0}},
		{"case folded", []*bylineCand{cand(bsClassByline, "JANE DOE"), cand(bsLDArticle, "Jane Doe", "John Roe"), cand(bsRel, "john roe")}, nil, []int{2, 0, 2}},
		// An agency the list types as an Organization, which a footer's
		// rel="author" link shows, and a desk: no co-author of the
		// reporter's byline (the agency's own, if picked, still gains her).
		{"an organisation typed in the list", []*bylineCand{cand(bsClassByline, "Jane Doe"), cand(bsLDArticle, "Jane Doe", "Example Wire"), cand(bsRel, "Example Wire")}, map[string]bool{"example wire": true}, []int{0, 0, 2}},
		{"a desk's name", []*bylineCand{cand(bsClassByline, "Jane Doe"), cand(bsLDArticle, "Jane Doe", "Metro Desk"), cand(bsItemprop, "Metro Desk")}, nil, []int{0, 0, 2}},
	} {
		got := fullerBylines(c.cands, c.notPeople)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: fullerBylines = %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// wiredPage is an invented article by a reporter whose JSON-LD lists her
// with a wire service, typed an Organization by an @id reference to the
// graph's object; the page links the service with rel="author" in its
// footer and the reporter in a byline element.
const wiredPage = `<html><head><title>Ferry timetable cut for winter</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"Organization","@id":"https://wire.example/#org","name":"Harbour Wire"},
{"@type":"NewsArticle","headline":"Ferry timetable cut for winter",
"author":[{"@type":"Person","name":"Maren Oakley"},{"@id":"https://wire.example/#org"}]}]}</script></head>
<body><h1>Ferry timetable cut for winter</h1>
<div class="byline">By <a href="/authors/maren-oakley">Maren Oakley</a></div>
<p>The island ferry will sail four times a day instead of seven from November, the operator said on Tuesday,
citing falling passenger numbers and the cost of fuel over the winter months.</p>
<footer>Distributed by <a rel="author" href="https://wire.example/">Harbour Wire</a></footer>
</body></html>`

// An organisation in the article's JSON-LD author list, shown on the page
// with a byline mark of its own, is no co-author: the reporter's byline
// is not widened to "Maren Oakley, Harbour Wire".
func TestBylineNotWidenedToAnOrganisation(t *testing.T) {
	cands, err := PageMetaCandidates(news.Page{ID: "p", Kind: news.KindHTML, URL: "https://harbourpost.example/2026/ferry", Body: []byte(wiredPage)})
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	for i, c := range cands.Byline {
		values = append(values, c.Value)
		if c.Value == "Maren Oakley" {
			if w := Widened(cands.Byline, i); w != i {
				t.Errorf("Widened(%q) = %q, want the reporter alone", c.Value, cands.Byline[w].Value)
			}
			return
		}
	}
	t.Fatalf("no candidate of the reporter alone among %q", values)
}

// The names an article's JSON-LD author list types as other than a person,
// typed in place or by an @id reference; a plain name, an untyped object
// and a Person written as an address are people.
func TestLDNonPersonNames(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"Corporation","@id":"#co","name":"Tidewater Holdings"},
{"@type":"NewsArticle","headline":"Ferry timetable cut","author":["Ines Farrow",{"name":"Tobias Quill"},
{"@type":"https://schema.org/Person","name":"Maren Oakley"},{"@type":"NewsMediaOrganization","name":" Harbour  Wire "},{"@id":"#co"}]}]}</script></head><body></body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	ld, ok := pm.ldArticle()
	if !ok {
		t.Fatal("no JSON-LD article read")
	}
	got := slices.Sorted(maps.Keys(pm.ldNonPersonNames(ld.authorRefs)))
	if want := []string{"harbour wire", "tidewater holdings"}; !slices.Equal(got, want) {
		t.Errorf("ldNonPersonNames = %q, want %q", got, want)
	}
}
