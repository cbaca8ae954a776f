package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// A fact whose sentence one article's teaser cut ("...,...") is shown in
// the words of an article that states it whole, even when the cut one
// agrees most with the others.
func TestFactShownInAWholeSentence(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	whole := "The Velmar harbour board voted on Monday to raise the port levy on fishing boats by 12 percent from April."
	cut := "The Velmar harbour board voted on Monday to raise the port levy on fishing boats by 12 percent from April,..."
	arts := []news.Article{
		{ID: "a", Source: "Ledger", Published: day, Title: "Levy rises",
			Text: "Fishers crowded the hall before the meeting. " + cut},
		{ID: "b", Source: "Courier", Published: day, Title: "Port levy up",
			Text: "The harbour master, Ines Dorn, read out the tally. The Velmar harbour board voted on Monday to raise the port levy on fishing boats by 12 percent from April, its first rise in a decade."},
		{ID: "c", Source: "Herald", Published: day, Title: "Board raises levy",
			Text: whole + " The vote was five to two."},
	}
	c := Compare(arts)
	found := false
	for _, f := range c.Facts {
		if len(f.Articles) < 2 || !strings.Contains(f.Text, "harbour board voted") {
			continue
		}
		found = true
		if cutOff(f.Text) {
			t.Errorf("fact shown as the teaser's cut sentence %q (articles %v)", f.Text, f.Articles)
		}
	}
	if !found {
		t.Fatalf("the levy vote is no shared fact: %+v", c.Facts)
	}
}
