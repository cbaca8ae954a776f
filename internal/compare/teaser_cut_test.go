package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestClaimCutByTheTextEndIsShownCut checks that a teaser's last sentence,
// cut by the feed in the middle of a word with no ellipsis, is listed with
// an ellipsis that shows the cut, and that a wire's slug after a whole
// sentence is no cut. The articles are written for the test.
func TestClaimCutByTheTextEndIsShownCut(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning."}
	teaser := news.Article{ID: "teaser", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota. " +
			"Ferry crews at the northern quay joined them by noon, stranding hundreds of travellers. " +
			"Shipping lines warned that cargo bound for the coastal towns would be diverted to Calder if the stoppage lasted into the weekend, a spokesman for the lar"}
	c := Compare([]news.Article{wire, teaser})
	listed := strings.Join(c.Unique["teaser"], " | ")
	if !strings.Contains(listed, "for the lar …") {
		t.Errorf("a sentence cut by the text's end is not shown cut: %q", listed)
	}
	if !strings.Contains(listed, "Ferry crews") {
		t.Errorf("the teaser's whole sentence is not listed: %q", listed)
	}
}

// TestCutByTextEnd checks which last sentences read as cut by the text's end.
func TestCutByTextEnd(t *testing.T) {
	for last, want := range map[string]bool{
		"Shipping lines warned that cargo would be diverted to Calder if the": true,
		"About 90 people were hurt and dozens more detained":                  true,
		"The board met on Friday.":                                            false,
		"The board admitted two new members at its meeting in Varden. str-tt": false, // a wire's slug
		"“We will not go back,” the union said.":                              false,
		"On the Web: http://www.varden.example":                               false,
	} {
		sents := []sentenceRef{{article: 0, text: "Dock workers walked off the job on Monday."}, {article: 0, text: last}, {article: 1, text: "Other news."}}
		if got := cutByTextEnd(sents, 1); got != want {
			t.Errorf("cutByTextEnd(%q) = %v, want %v", last, got, want)
		}
	}
	if cutByTextEnd([]sentenceRef{{article: 0, text: "Dock workers walked off the job on"}, {article: 0, text: "More."}}, 0) {
		t.Error("a sentence that is not its article's last is cut")
	}
}
