package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

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
	doc, err := html.Parse(strings.NewReader(accordionPage))
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
	want := []string{"Our weekly harbour letter, straight to you.", "Join"}
	if !slices.Equal(inBox, want) {
		t.Errorf("blocks in a form box = %q, want %q", inBox, want)
	}
}
