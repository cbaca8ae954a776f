package extract

import "testing"

// An author box after the article, a name then a biography that names the
// person again, is a byline candidate of its own source; so is a name under
// an "About the author" heading; a related post's author, a name with no
// biography, is not.
func TestAuthorBoxCandidate(t *testing.T) {
	page := `<html><head><title>Orchard growers try netting against hail</title></head>
<body><h1>Orchard growers try netting against hail</h1>
<p>Apple growers in the valley are stretching nets over their rows after two summers of hail, the cooperative said on Monday.</p>
<p>The nets cost about a fifth of a season's harvest and last ten years, growers said.</p>
<div class="box"><div><h4>Marisol Quenneville</h4></div>
<p>Marisol covers farming and rural affairs from the valley office and has reported on orchards for a decade.</p></div>
<div class="related"><h3>More stories</h3><a>Bridge repairs delayed again</a><span>Tobias Erlandsen</span></div>
</body></html>`
	byText, feature := bylineFeaturesOf(t, page)
	if feature("Marisol Quenneville", "src_author_box") != 1 {
		t.Error("the name opening a biography is no author box")
	}
	if feature("Marisol Quenneville", "box_bio") != 1 || feature("Marisol Quenneville", "box_heading") != 0 {
		t.Error("the author box is told by its biography, not a heading")
	}
	if f, ok := byText["Tobias Erlandsen"]; ok && f[indexOf(BylineFeatureNames(), "src_author_box")] == 1 {
		t.Error("a related post's author, with no biography, is an author box")
	}

	headed := `<html><head><title>Night trains return to the coast line</title></head>
<body><h1>Night trains return to the coast line</h1>
<p>The sleeper service between the two port cities resumes in spring after a gap of nine years, the rail company said.</p>
<section><h3>About the author</h3><p>Ingrid Halvorsen</p></section></body></html>`
	_, feature = bylineFeaturesOf(t, headed)
	if feature("Ingrid Halvorsen", "src_author_box") != 1 || feature("Ingrid Halvorsen", "box_heading") != 1 {
		t.Error("the name under an About the author heading is no author box")
	}
	if got := feature("Ingrid Halvorsen", "box_bio"); got != 0 {
		t.Errorf("box_bio = %v, want 0", got)
	}
}

// A name before the headline, in the page's header, is no author box even
// with text after it, and a text that is no name never is.
func TestAuthorBoxNotBeforeHeadline(t *testing.T) {
	page := `<html><head><title>Harbour dredging begins</title></head>
<body><div><span>Wendell Okafor</span><p>Wendell Okafor and the rest of the desk bring you the morning's news from the harbour every day.</p></div>
<h1>Harbour dredging begins</h1>
<div><h4>Read More Stories</h4><p>Read the other stories of the harbour desk and more from our reporters on the coast today.</p></div>
</body></html>`
	byText, _ := bylineFeaturesOf(t, page)
	for v, f := range byText {
		if f[indexOf(BylineFeatureNames(), "src_author_box")] == 1 {
			t.Errorf("%q is an author box", v)
		}
	}
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// A biography that opens with the name and speaks of a person makes an
// author box even when the first name is not in the lexicon; a place
// described under its heading, with no personal pronoun, does not.
func TestAuthorBoxOpeningBiography(t *testing.T) {
	page := `<html><head><title>Ten quiet beaches of the north coast</title></head>
<body><h1>Ten quiet beaches of the north coast</h1>
<p>The north coast has more sand than visitors, and most of its coves are a short walk from a bus stop.</p>
<div><h3>Gullrock Sands Bay</h3><p>Gullrock Sands Bay is a long crescent of pale sand with rock pools at both ends and a cafe open in summer.</p></div>
<div><img src="/p.jpg" alt=""><div><h4>Zephyrine Oakhurst</h4>
<p>Zephyrine writes about walking and the coast. She has walked the whole coastal path twice.</p></div></div>
</body></html>`
	if _, ok := nameShapeWords("Zephyrine Oakhurst"); !ok || isNameLine("Zephyrine Oakhurst") {
		t.Fatal("the test needs a name-shaped text whose first name is not in the lexicon")
	}
	byText, feature := bylineFeaturesOf(t, page)
	if feature("Zephyrine Oakhurst", "box_bio") != 1 {
		t.Error("a biography opening with the name is no author box")
	}
	if f, ok := byText["Gullrock Sands Bay"]; ok && f[indexOf(BylineFeatureNames(), "src_author_box")] == 1 {
		t.Error("a place under its heading is an author box")
	}
}
