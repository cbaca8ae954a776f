package extract

import "testing"

func TestIsNameLine(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Margaret Holloway", true},
		{"Peter J. Aldmoor", true},
		{"Laura van Keppel", true},
		{"Holloway Margaret", false}, // the first word is no first name
		{"Margaret", false},          // one word
		{"Margaret Holloway Staff", false},
		{"Margaret holloway", false}, // a small word
		{"Margaret Holloway, 42", false},
		{"April Showers Festival Day Out", false}, // five words
		{"Laura van", false},                      // ends in a particle
	} {
		if got := isNameLine(c.text); got != c.want {
			t.Errorf("isNameLine(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// A name alone on a line under the headline, unlabelled, is a byline
// candidate of its own source; a name far down the page, past the window,
// is not; its features say it is by a date, out of any menu, and ends in
// a surname, while a name in the page's menu says it is in one.
func TestNameLineCandidate(t *testing.T) {
	page := `<html><head><title>Ferry timetable changes for winter</title></head>
<body><nav class="main-menu"><a>Home</a><a>Columns</a><a>Oliver Brandt</a></nav>
<h1>Ferry timetable changes for winter</h1>
<div class="meta"><span>Clara Westwood</span><span>12 November 2025</span></div>
<p>The island ferry will run four crossings a day instead of six from the first week of December, the operator said.</p>
<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p>
<p>Samuel Fairbairn</p></body></html>`
	byText, feature := bylineFeaturesOf(t, page)
	if feature("Clara Westwood", "src_name_line") != 1 {
		t.Error("Clara Westwood is not a name line")
	}
	if _, ok := byText["Samuel Fairbairn"]; ok {
		t.Error("a name far from the headline is a candidate")
	}
	if got := feature("Clara Westwood", "line_in_menu"); got != 0 {
		t.Errorf("Clara Westwood: line_in_menu = %v, want 0", got)
	}
	if got := feature("Oliver Brandt", "line_in_menu"); got != 1 {
		t.Errorf("Oliver Brandt: line_in_menu = %v, want 1", got)
	}
	if got := feature("Clara Westwood", "line_digits_away"); got == missing || got > 1.5 {
		t.Errorf("Clara Westwood: line_digits_away = %v, want a date within a few nodes", got)
	}
	if got := feature("Clara Westwood", "name_lines"); got != logCount(3) {
		t.Errorf("name_lines = %v, want log1p(3)", got)
	}
}

func TestIsNameLineNoFunctionWordsOrPossessives(t *testing.T) {
	for _, s := range []string{"Skip To Content", "Marcus Hale's Garden Notes", "Grace And Peace"} {
		if isNameLine(s) {
			t.Errorf("isNameLine(%q) = true, want false", s)
		}
	}
}
