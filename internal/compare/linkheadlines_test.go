package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestRelatedLinkHeadlinesAreNoClaims checks that a paragraph a site
// prints as a link to another article ("Related: ...", "READ MORE: ...")
// is neither a shared fact nor an article's own claim, and that its
// sentences keep their places (a fate each). The articles are written for
// the test; both print the same link headline.
func TestRelatedLinkHeadlinesAreNoClaims(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"Related: Varden harbour board raises berth fees for container ships by a fifth\n\n" +
			"The union said the strike would last until the board withdrew the rota.\n\n" +
			"Related: The board has raised fees twice this year. Shipping lines say they will take their cargo to Calder instead."}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"READ MORE: Varden harbour board raises berth fees for container ships by a fifth\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning."}
	c, fates := compareSentences([]news.Article{wire, gazette})
	if !hasFact(c.Facts, "walked off the job on Monday", "wire", "gazette") {
		t.Fatalf("the walkout is not a shared fact: %+v", c.Facts)
	}
	for _, f := range c.Facts {
		if strings.Contains(f.Text, "berth fees") {
			t.Errorf("a link headline is a shared fact: %q", f.Text)
		}
	}
	for _, id := range []string{"wire", "gazette"} {
		listed := c.Unique[id]
		for _, p := range c.PartlyShared[id] {
			listed = append(listed, p.Text)
		}
		for _, s := range listed {
			if strings.Contains(s, "berth fees") {
				t.Errorf("%s: a link headline is listed as a claim: %q", id, s)
			}
		}
	}
	if n := countFate(fates, fateLink); n != 2 {
		t.Errorf("%d sentences are link headlines, want 2: %v", n, fates)
	}
	if len(fates) != 8 {
		t.Errorf("%d fates, want one for each of the 8 sentences (a note of two sentences opened by \"Related:\" is no headline)", len(fates))
	}
}

// TestBestMatchSkipsLinkHeadlines checks that a sentence whose closest
// sentence in another article is a related-link headline is matched to the
// next closest, the article's own report, and so still shared with it: a
// link headline is neither matched nor a match (eachBestMatch). The
// articles are written for the test.
func TestBestMatchSkipsLinkHeadlines(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "The harbour board will meet the union's negotiators on Friday morning to discuss the night rota."}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Related: The harbour board will meet the union's negotiators on Friday morning to discuss the night rota\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday to discuss the rota."}
	arts := []news.Article{wire, gazette}
	sents := sentencesOf(arts, true)
	pairScore := func(k, m int) float64 { return factScore(sents[k].prof, sents[m].prof) }
	var wireBest []string
	eachBestMatch(nil, sents, len(arts), pairScore, func(k, best int, _ float64) {
		if sents[k].link || sents[best].link {
			t.Errorf("a link headline is matched: %q with %q", sents[k].text, sents[best].text)
		}
		if sents[k].article == 0 {
			wireBest = append(wireBest, sents[best].text)
		}
	})
	if want := "The harbour board said it would meet the union's negotiators on Friday to discuss the rota."; !slices.Equal(wireBest, []string{want}) {
		t.Errorf("the wire's best match = %q, want %q", wireBest, want)
	}
	c, _ := compareSentences(arts)
	if !hasFact(c.Facts, "negotiators on Friday", "wire", "gazette") {
		t.Errorf("the meeting is not a shared fact: %+v", c.Facts)
	}
}
