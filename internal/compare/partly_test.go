package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// A port strike told by three outlets: the wire and the gazette report the
// walkout in words far enough apart (a fact score in the nearly-shared
// band, not linked) that neither calls it a shared fact, and the gazette
// quotes the union over two sentences.
var (
	strikeWire = news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC),
		Text: "Dockworkers at the port of Halden walked off the job on Monday in a dispute over night-shift pay.\n\n" +
			"The harbour authority said that 14 container ships were waiting offshore.\n\n" +
			"Talks between the union and the port operator are set to resume on Thursday."}
	strikeGazette = news.Article{ID: "gazette", Source: "Halden Gazette", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Text: "Hundreds of Halden port workers stopped work this week, angry about what they earn on night shifts.\n\n" +
			"The harbour authority said 14 container ships were waiting offshore.\n\n" +
			"“We will not go back until the night rate is fair. Our families cannot wait any longer,” Mara Olsen, the union leader, said."}
	strikeLedger = news.Article{ID: "ledger", Source: "Fjord Ledger", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC),
		Text: "Talks between the union and the port operator will resume on Thursday, the labour ministry confirmed.\n\n" +
			"Fishing boats are still allowed to unload their catch at the northern quay."}
)

func TestPartlyShared(t *testing.T) {
	c := Compare([]news.Article{strikeWire, strikeGazette, strikeLedger})
	const reworded = "Hundreds of Halden port workers stopped work this week"
	i := slices.IndexFunc(c.PartlyShared["gazette"], func(p news.PartlyShared) bool { return strings.HasPrefix(p.Text, reworded) })
	if i < 0 {
		t.Fatalf("partly shared of gazette = %+v, want the reworded walkout", c.PartlyShared["gazette"])
	}
	p := c.PartlyShared["gazette"][i]
	if !slices.Equal(p.Articles, []string{"wire"}) || p.Closest.Article != "wire" || !strings.HasPrefix(p.Closest.Text, "Dockworkers at the port of Halden") {
		t.Errorf("partly shared = %+v, want it also in wire, closest the wire's walkout sentence", p)
	}
	if contains(c.Unique["gazette"], reworded) {
		t.Errorf("the reworded walkout is listed as only in gazette too: %q", c.Unique["gazette"])
	}
	for _, f := range c.Facts {
		for _, w := range f.Wordings {
			if strings.HasPrefix(w.Text, reworded) || strings.HasPrefix(f.Text, reworded) {
				t.Errorf("the reworded walkout is a shared fact too: %+v", f)
			}
		}
	}
	if !hasFact(c.Facts, "14 container ships", "wire", "gazette") {
		t.Errorf("the waiting ships are not a shared fact: %+v", c.Facts)
	}
	if !contains(c.Unique["ledger"], "Fishing boats are still allowed") {
		t.Errorf("ledger's own claim = %q, want the fishing boats", c.Unique["ledger"])
	}
}

// A quotation over two sentences, which the splitter cuts (its attribution
// opens with a capital), is one claim, whole, with its speaker: neither its
// opening sentence (a quotation left open) nor its second (inside a
// quotation) stands alone.
func TestQuotationRunIsOneClaim(t *testing.T) {
	c := Compare([]news.Article{strikeWire, strikeGazette, strikeLedger})
	const want = "“We will not go back until the night rate is fair. Our families cannot wait any longer,” Mara Olsen, the union leader, said."
	all := c.Unique["gazette"]
	for _, p := range c.PartlyShared["gazette"] {
		all = append(all, p.Text)
	}
	if !slices.Contains(all, want) {
		t.Errorf("gazette's claims = %q, want the union's quotation whole", all)
	}
}

func TestQuotationRuns(t *testing.T) {
	sents := sentencesOf([]news.Article{{Text: "“Ships wait at sea. Crews are tired. Pay is low,” Olsen said. " +
		"“Four ships wait. Five ships wait. Six ships wait. Seven ships wait. Eight ships wait,” Olsen said. Nine ships wait."}}, false)
	got := quotationRuns(sents, make([]bool, len(sents)))
	// “Ships wait at sea. opens a run that “Pay is low,” Olsen said.” closes
	// two sentences on; the second quotation runs over five sentences,
	// beyond maxQuotationRun.
	if len(got) != 1 || got[0] != 2 {
		t.Errorf("quotation runs = %v, want {0: 2}", got)
	}
}

func TestShownMatchPassesOverCutEnds(t *testing.T) {
	sents := []sentenceRef{{text: "The investigation is also..."}, {text: "Police said the inquiry would take weeks."}}
	for _, tc := range []struct {
		near []nearMatch
		want int
	}{
		{[]nearMatch{{0, 1.2}, {1, 0.9}}, 1},
		{[]nearMatch{{0, 1.2}}, 0}, // nothing else to show
	} {
		if got := shownMatch(tc.near, sents, []fate{fateCut, fateFragment}); got != tc.want {
			t.Errorf("shownMatch(%v) = %d, want %d", tc.near, got, tc.want)
		}
	}
}

// A walkout two outlets report in their own words, and a third that only
// describes the port: its sentence shares the port's name with the
// walkout (a fact score over nearlyShared) but states nothing of it. The
// walkout is partly also in the other report only, not in the third, and
// the port's description, nearly stated nowhere, is the third's own claim.
func TestPartlyNamesOnlyArticlesThatStateIt(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC),
		Text: "Dockworkers at the port of Halden walked off the job on Monday in a dispute over night-shift pay.\n\n" +
			"Talks between the union and the port operator are set to resume on Thursday."}
	gazette := news.Article{ID: "gazette", Source: "Halden Gazette", Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Text: "Hundreds of Halden port workers stopped work this week, angry about what they earn on night shifts.\n\n" +
			"Fishing boats are still allowed to unload their catch at the northern quay."}
	ledger := news.Article{ID: "ledger", Source: "Fjord Ledger", Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC),
		Text: "The port of Halden handles most of the container traffic on the northern coast, and its cranes run day and night.\n\n" +
			"A new ferry line to the islands opens in May."}
	c := Compare([]news.Article{wire, gazette, ledger})
	for _, tc := range []struct{ article, claim, other string }{
		{"wire", "Dockworkers at the port of Halden walked off", "gazette"},
		{"gazette", "Hundreds of Halden port workers stopped work", "wire"},
	} {
		i := slices.IndexFunc(c.PartlyShared[tc.article], func(p news.PartlyShared) bool { return strings.HasPrefix(p.Text, tc.claim) })
		if i < 0 {
			t.Errorf("partly shared of %s = %+v, want the walkout", tc.article, c.PartlyShared[tc.article])
			continue
		}
		if p := c.PartlyShared[tc.article][i]; !slices.Equal(p.Articles, []string{tc.other}) || p.Closest.Article != tc.other {
			t.Errorf("the walkout of %s is partly also in %q (closest %s), want %s only", tc.article, p.Articles, p.Closest.Article, tc.other)
		}
	}
	const port = "The port of Halden handles most of the container traffic"
	if len(c.PartlyShared["ledger"]) > 0 || !contains(c.Unique["ledger"], port) {
		t.Errorf("ledger: partly shared %+v, own %q; want the port's description as its own claim", c.PartlyShared["ledger"], c.Unique["ledger"])
	}
}

// The closest sentence shown with a partly shared claim is one the reader
// finds listed in its own article (in a shared fact, or as its own or
// partly shared claim), and its article is named first.
func TestPartlyClosestIsListed(t *testing.T) {
	sents := []sentenceRef{
		{article: 0, text: "Dockworkers at the port of Halden walked off the job on Monday."},
		{article: 1, text: "Hundreds of Halden port workers stopped work."}, // a fragment of a longer text, listed nowhere
		{article: 2, text: "Port workers in Halden went on strike this week over pay."},
	}
	fates := []fate{fatePartly, fateFragment, fatePartly}
	near := []nearMatch{{1, 1.3}, {2, 1.1}}
	if got := shownMatch(near, sents, fates); got != 2 {
		t.Errorf("shownMatch = %d, want 2, the closest listed", got)
	}
	got := partlyShared([][]uniqueClaim{{{text: sents[0].text, near: near}}, nil, nil}, sents, []string{"a", "b", "c"}, fates)["a"]
	if len(got) != 1 || got[0].Closest.Article != "c" || !slices.Equal(got[0].Articles, []string{"c", "b"}) {
		t.Errorf("partly shared = %+v, want closest in c, named first, then b", got)
	}
}
