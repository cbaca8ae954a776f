package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// formBoxPage is an invented article with a sign-up box between its
// paragraphs, a search form in its header and an ASP.NET-style form that
// wraps the whole body with a hidden field.
const formBoxPage = `<html><body><form><input type="hidden" name="state" value="x">
<header><div class="search"><label>Search the site</label><input type="text"><button>Go</button></div></header>
<article><div class="body">
<p>The ferry between the two islands will run twice a day from March, the harbour board said on Monday.</p>
<p>Tickets go on sale next week, and islanders will pay half the fare the board charges visitors.</p>
<div class="box"><p>Our weekly harbour letter, straight to you.</p><input type="email"><button>Join</button></div>
<p>The board expects the crossing to take forty minutes in calm weather and up to an hour in winter.</p>
<p>A second boat is planned for the summer months, when the islands see most of their visitors.</p>
</div></article></form></body></html>`

// formBoxTexts are the texts of the blocks of page that inFormBox puts in
// a form's box, in page order.
func formBoxTexts(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	var inBox []string
	for i := range pb.blocks {
		if inFormBox(pb, i) {
			inBox = append(inBox, pb.blocks[i].text)
		}
	}
	return inBox
}

func TestInFormBoxTellsAFormsTextFromTheArticle(t *testing.T) {
	inBox := formBoxTexts(t, formBoxPage)
	want := []string{"Search the site", "Go", "Our weekly harbour letter, straight to you.", "Join"}
	if !slices.Equal(inBox, want) {
		t.Errorf("blocks in a form box = %q, want %q (the paragraphs are not, though a form wraps the page)", inBox, want)
	}
}

func TestBridgeSkipsAFormsText(t *testing.T) {
	// Paragraph, pitch in a sign-up box, paragraph: the pitch scores under
	// the threshold but within the bridge's reach, and is not taken in; a
	// subheading in the same place would be.
	const th = 0.5
	probs := []float64{0.9, bridgeShare*th + 0.01, 0.9}
	pitch := func(i int) bool { return i == 1 }
	if got := keptBlocks(slices.Clone(probs), th, func(int) bool { return false }, pitch); !slices.Equal(got, []bool{true, false, true}) {
		t.Errorf("keptBlocks with the pitch unbridged = %v, want the pitch dropped", got)
	}
	if got := keptBlocks(slices.Clone(probs), th, func(int) bool { return false }, nil); !slices.Equal(got, []bool{true, true, true}) {
		t.Errorf("keptBlocks = %v, want the middle block bridged", got)
	}
}

// accordionPage is an invented guide whose middle section is an accordion:
// a button that opens a panel of text, between two paragraphs, beside a
// sign-up box with an address field.
const accordionPage = `<html><body><article>
<p>The ferry between the two islands will run twice a day from March, the harbour board said on Monday.</p>
<div class="faq"><button>When do tickets go on sale?</button><div class="panel">Tickets go on sale next week, at half the fare for islanders.</div></div>
<div class="box"><p>Our weekly harbour letter, straight to you.</p><input type="email"><button>Join</button></div>
<p>The board expects the crossing to take forty minutes in calm weather and up to an hour in winter.</p>
<p>A second boat is planned for the summer months, when the islands see most of their visitors.</p>
<p>The old ferry will be sold once the new timetable has run for a full season without trouble.</p>
<p>Islanders asked for an evening crossing, which the board said it would look at next year.</p>
</article></body></html>`

// TestAccordionPanelIsNoFormBox: a panel beside a button and no field to
// fill in is the page's text, not a form's, so the bridge may take it in;
// the sign-up box's pitch, beside an address field, stays a form's.
func TestAccordionPanelIsNoFormBox(t *testing.T) {
	inBox := formBoxTexts(t, accordionPage)
	want := []string{"Our weekly harbour letter, straight to you.", "Join"}
	if !slices.Equal(inBox, want) {
		t.Errorf("blocks in a form box = %q, want %q", inBox, want)
	}
}
