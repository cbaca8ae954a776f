package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestSectionLabel(t *testing.T) {
	// The article writes these names inside its sentences.
	names := map[string]bool{"olsen": true, "varden": true, "harbour": true}
	for _, c := range []struct {
		s    string
		want string // "" when s keeps its opening
		ok   bool
	}{
		{"Why it matters: The rota cuts the night shift's pay by a fifth.", "The rota cuts the night shift's pay by a fifth.", true},
		{"The wider view: Three other ports changed their rotas this spring.", "Three other ports changed their rotas this spring.", true},
		{"Looking ahead: The board meets the union on Friday.", "The board meets the union on Friday.", true},
		{"Yes, but: Shipping lines say the old rota cost them ships.", "Shipping lines say the old rota cost them ships.", true},
		{"What they're saying: “We will not work nights for less,” a docker said.", "“We will not work nights for less,” a docker said.", true},
		{"CORRECTION: An earlier version misstated the strike's first day.", "An earlier version misstated the strike's first day.", true},
		{"Further reading:", "", true}, // a label alone: no claim
		{"Editor's note: The rota was first published in March.", "The rota was first published in March.", true}, // a possessive, no verb
		// not labels
		{"Here's the catch: The rota will end in May.", "", false},                                   // a contracted verb after a function word
		{"Dockers won't wait: The rota will end in May.", "", false},                                 // a contracted negation
		{"The board wants answers: The rota will end in May.", "", false},                            // a present form in -s between a noun and another word
		{"Mara Jensen: The rota ends in May, and we will strike.", "", false},                        // a first name and a surname: a speaker
		{"Olsen added: “We will not work nights for less.”", "", false},                              // a speaker's lead-in
		{"There was one problem: The board had not told the union.", "", false},                      // a clause of its own
		{"Olsen: We will not work nights for less.", "", false},                                      // a transcript's speaker, named elsewhere
		{"Harbour Master: The ships will wait outside.", "", false},                                  // a name the article writes inside a sentence
		{"Port spokesperson: “The rota is final.”", "", false},                                       // a quotation after a label with no question word
		{"The ships were due at 10:30 on Monday.", "", false},                                        // a time
		{"The vote: 12-4 in favour of the rota.", "", false},                                         // a score
		{"The catch: a night shift paid a fifth less.", "", false},                                   // an apposition
		{"Ports changing rotas: Varden, Kessel and Oria.", "", false},                                // a list, no sentence
		{"The board of the port for the northern quays and its ships: It met on Friday.", "", false}, // too long for a label
		{"Union speaks at noon: The board will meet the negotiators on Friday.", "", false},          // a clause ("Union speaks")
	} {
		got, ok := sectionLabel(c.s, names)
		if ok != c.ok || got != c.want {
			t.Errorf("sectionLabel(%q) = %q, %v, want %q, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}

func TestLabelInsideAQuotationStays(t *testing.T) {
	s := "Why it matters: The night shift is half the port's work.”"
	if got, ok := withoutLabel(s, true, nil); ok || got != s {
		t.Errorf("withoutLabel(%q, inQuote) = %q, %v, want it whole", s, got, ok)
	}
}

// A newsletter writes its section labels before its sentences: its claims
// are listed without them, a label alone is no claim, and a labelled
// sentence matches the other outlet's as the same fact.
func TestSectionLabelsOpenNoClaim(t *testing.T) {
	letter := news.Article{ID: "letter", Source: "Quay Letter", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota. " +
			"Why it matters: The forty container ships waiting outside the breakwater carry most of the region's winter grain. " +
			"The wider view: Three other northern ports changed their rotas this spring without a strike. " +
			"Go deeper:"}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"Forty container ships carrying most of the region's winter grain are waiting outside the breakwater.\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning."}
	c := Compare([]news.Article{letter, gazette})
	var listed []string
	for _, f := range c.Facts {
		listed = append(listed, f.Text)
		for _, w := range f.Wordings {
			listed = append(listed, w.Text)
		}
	}
	listed = append(listed, c.Unique["letter"]...)
	for _, p := range c.PartlyShared["letter"] {
		listed = append(listed, p.Text)
	}
	for _, s := range listed {
		if strings.Contains(s, "Why it matters") || strings.Contains(s, "The wider view") || strings.Contains(s, "Go deeper") {
			t.Errorf("a section label is listed: %q", s)
		}
	}
	if !slices.Contains(c.Unique["letter"], "Three other northern ports changed their rotas this spring without a strike.") {
		t.Errorf("the letter's own claims = %q, want the one after its label", c.Unique["letter"])
	}
}

func TestNamesWritten(t *testing.T) {
	got := namesWritten([][]string{
		{"Why it matters: Dockers say Mara Olsen speaks for them.", "Harbour rules changed."},
		{"UPDATE: The board met."},
	})
	for _, w := range []string{"mara", "olsen"} {
		if !got[w] {
			t.Errorf("namesWritten misses %q: %v", w, got)
		}
	}
	for _, w := range []string{"why", "dockers", "harbour", "update", "the"} {
		if got[w] {
			t.Errorf("namesWritten has %q, a sentence's or a label's first word: %v", w, got)
		}
	}
}
