package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// headingButtonPage is an invented window cleaner's service page: an FAQ
// accordion whose questions sit in buttons (bare, inside a heading, and
// holding one), beside a shop's commands, a carousel's arrow and a
// question-shaped button that wraps a whole card of text.
var headingButtonPage = `<html><body><main>
<h1>Window cleaning for homes and shops</h1>
<p>We clean the windows of houses, flats and shop fronts across the valley every week of the year.</p>
<button type="button">Book a visit</button>
<section class="faq"><h2>Questions</h2>
<div class="item"><button class="faq-q" aria-expanded="false">How often should windows be cleaned?</button>
<div class="faq-a"><p>Most homes book us every four to eight weeks; shops on busy roads every fortnight.</p></div></div>
<div class="item"><h3><button aria-expanded="false" aria-controls="a2"><span>Do you clean conservatories</span></button></h3>
<div id="a2"><p>Yes: roofs, frames and gutters, with pure water and soft brushes.</p></div></div>
<div class="item"><button aria-expanded="false"><h4>Payment</h4></button>
<div><p>Pay by card or bank transfer after each visit.</p></div></div>
<div class="item"><button>¿Limpian también escaparates？</button></div>
</section>
<button class="next">Next</button>
<button class="card">` + strings.Repeat("A long card about our ladders and poles that reads on and on. ", 8) + `Want one?</button>
</main></body></html>`

func TestInControlLeavesHeadingButtonsToTheClassifier(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(headingButtonPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	var dropped []string
	for i := range pb.blocks {
		if inControl(pb, i) {
			dropped = append(dropped, pb.blocks[i].text)
		}
	}
	want := []string{"Book a visit", "Next", pb.blocks[len(pb.blocks)-1].text}
	if !slices.Equal(dropped, want) {
		t.Errorf("blocks in a control = %q, want %q (the FAQ's questions and headings are no commands)", dropped, want)
	}
}

func TestEndsWithQuestionMark(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Is parking free?", true},
		{"停车免费吗？", true},
		{"هل الموقف مجاني؟", true},
		{"Add to basket", false},
		{"What? No.", false},
	} {
		if got := endsWithQuestionMark(tc.text); got != tc.want {
			t.Errorf("endsWithQuestionMark(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
