package compare

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

var (
	ledger = news.Article{ID: "ledger", Source: "The Harbor Ledger", Published: time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC),
		Title: "Harbour authority names new chief",
		Text: "The Calder Harbour Authority has appointed Teodor Brandvold as its chief executive, ending a year-long search.\n\n" +
			"Brandvold, 52, ran the container terminal at Fenwick for eight years.\n\n" +
			"\"Calder is the busiest port on this coast, and it should also be the best run,\" Brandvold told reporters. He said his first task would be to shorten the queue of ships.\n\n" +
			"The appointment was approved by the board on Monday."}
	courier = news.Article{ID: "courier", Source: "Northfield Courier", Published: time.Date(2026, 3, 3, 11, 0, 0, 0, time.UTC),
		Title: "New harbour chief promises shorter queues",
		Text: "Teodor Brandvold has been named chief executive of the Calder Harbour Authority after a search that lasted a year.\n\n" +
			"The 54-year-old ran Fenwick's container terminal for eight years before the move.\n\n" +
			"Mr. Brandvold, who trained as an engineer, said the busiest port on the coast \"should also be the best run.\" He grew up in Aldbury and still lives there.\n\n" +
			"\"My first job is the queue,\" he said. \"Ships should not wait a week to unload in the U.S. or anywhere else.\""}
)

func TestCompareStory(t *testing.T) {
	c := Compare([]news.Article{courier, ledger}) // given out of order on purpose

	if got := []string{c.Timeline[0].Article, c.Timeline[1].Article}; !reflect.DeepEqual(got, []string{"ledger", "courier"}) || !c.Timeline[0].First || c.Timeline[1].First {
		t.Errorf("timeline = %+v, want ledger first and marked", c.Timeline)
	}
	if !hasFact(c.Facts, "appointed Teodor Brandvold", "ledger", "courier") {
		t.Errorf("the appointment is not a shared fact: %+v", c.Facts)
	}
	if !contains(c.Unique["courier"], "grew up in Aldbury") {
		t.Errorf("courier's own fact is missing from unique: %q", c.Unique["courier"])
	}
	if !contains(c.Unique["ledger"], "approved by the board") {
		t.Errorf("ledger's own fact is missing from unique: %q", c.Unique["ledger"])
	}
	for _, q := range c.Quotes {
		if q.Speaker != "Teodor Brandvold" {
			t.Errorf("quote %q attributed to %q, want Teodor Brandvold", q.Text, q.Speaker)
		}
	}
	if len(c.Quotes) < 2 {
		t.Errorf("quotes = %+v, want at least two", c.Quotes)
	}
	if !hasEntity(c.Entities, "Teodor Brandvold", news.Person, 2) || !hasEntity(c.Entities, "Calder Harbour Authority", news.Org, 2) ||
		!hasEntity(c.Entities, "United States", news.Place, 1) {
		t.Errorf("entities = %+v", c.Entities)
	}
	if len(c.Conflicts) != 1 || len(c.Conflicts[0].Values) != 2 || !strings.Contains(c.Conflicts[0].Values[0].Value, "52") {
		t.Errorf("conflicts = %+v, want the age 52 against 54", c.Conflicts)
	}
}

func TestEmptyListsEncodeAsArrays(t *testing.T) {
	c := Compare([]news.Article{{ID: "a", Text: "One short line."}})
	if c.Facts == nil || c.Quotes == nil || c.Entities == nil || c.Conflicts == nil || c.Derivations == nil {
		t.Errorf("nil lists would encode as null: %+v", c)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"The 69-year-old diplomat has been Russia's envoy to Washington since 2017.",
			"The diplomat, 69, has served as Russia's ambassador in Washington since 2017.", true},
		{"Police arrested two men after the robbery on Main Street.", "Officers detained two men following the Main Street robbery.", true},
		{"The council approved the budget on Tuesday.", "A storm flooded four towns in the valley.", false},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b) >= SameThreshold; got != tt.same {
			t.Errorf("Similarity(%q, %q) = %.2f; same = %v, want %v", tt.a, tt.b, Similarity(tt.a, tt.b), got, tt.same)
		}
	}
}

func TestQuoteAttribution(t *testing.T) {
	text := "Anatoly Antonov returned to Moscow. Antonov spoke to TASS in August.\n\n" +
		"\"We need to take a piece of paper and write down what you want,\" he said.\n\n" +
		"The ministry said, \u201cThe ambassador is concluding his assignment in Washington.\u201d\n\n" +
		"\u201cIt is obvious that the talks will continue,\u201d said Antonov."
	qs := quotesOf(text, recognise(text))
	// No ministry is named: "the ministry" is no one the article names, and
	// no speaker is better than a wrong one (TASS, the last organisation).
	want := []string{"Anatoly Antonov", "", "Anatoly Antonov"}
	if len(qs) != len(want) {
		t.Fatalf("quotes = %+v, want %d", qs, len(want))
	}
	for i, q := range qs {
		if q.Speaker != want[i] {
			t.Errorf("quote %d %q: speaker %q, want %q", i, q.Text, q.Speaker, want[i])
		}
	}
}

func hasFact(facts []news.Fact, phrase string, ids ...string) bool {
	for _, f := range facts {
		if strings.Contains(f.Text, phrase) && reflect.DeepEqual(f.Articles, ids) {
			return true
		}
	}
	return false
}

func contains(sents []string, phrase string) bool {
	for _, s := range sents {
		if strings.Contains(s, phrase) {
			return true
		}
	}
	return false
}

func hasEntity(es []news.Entity, name string, kind news.EntityKind, articles int) bool {
	for _, e := range es {
		if e.Name == name && e.Kind == kind && len(e.Articles) == articles {
			return true
		}
	}
	return false
}

func TestPairFeaturesAreSymmetricAndBounded(t *testing.T) {
	pairs := [][2]string{
		{"Police arrested two men after the robbery on Main Street.", "Officers detained two men following the Main Street robbery."},
		{"The 69-year-old diplomat has been Russia's envoy since 2017.", "He did not attend the summit in Geneva, officials said."},
		{"", "A sentence."},
	}
	for _, p := range pairs {
		ab, ba := PairFeatures(p[0], p[1]), PairFeatures(p[1], p[0])
		if len(ab) != len(FeatureNames) || len(ab) != len(pairWeights) {
			t.Fatalf("%d features, %d names, %d weights", len(ab), len(FeatureNames), len(pairWeights))
		}
		for i := range ab {
			if ab[i] != ba[i] || ab[i] < 0 || ab[i] > 1 {
				t.Errorf("feature %s: %v one way, %v the other (want equal, in [0,1])", FeatureNames[i], ab[i], ba[i])
			}
		}
	}
}

func TestDisputedUnits(t *testing.T) {
	tests := []struct {
		a, b string
		want []string
	}{
		{"About 2,400 dockworkers walked off the job.", "About 2,100 dockworkers walked off the job.", []string{"dockworkers"}},
		{"He won by 54 percent to 46 percent.", "He won 54 percent of the vote against 46 percent.", nil},
		{"Turnout was 61 percent.", "Turnout reached 61 percent, up from 48 percent.", nil},
		{"The 52-year-old ran the terminal.", "Brandvold, 54, ran the terminal.", []string{"years old"}},
	}
	for _, tt := range tests {
		if got := disputedUnits(quantitiesOf(tt.a), quantitiesOf(tt.b)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("disputedUnits(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestUniqueClausesInsideSharedFacts(t *testing.T) {
	a := news.Article{ID: "a", Text: "Teodor Brandvold has led the Calder Harbour Authority since 2019, the authority said."}
	b := news.Article{ID: "b", Text: "Brandvold, who grew up in Aldbury, has led the Calder Harbour Authority since 2019."}
	c := Compare([]news.Article{a, b})
	if len(c.Facts) != 1 {
		t.Fatalf("facts = %+v, want the shared one", c.Facts)
	}
	if got := c.Unique["b"]; !reflect.DeepEqual(got, []string{"Brandvold, who grew up in Aldbury"}) {
		t.Errorf("b's own detail = %q", got)
	}
	if got := c.Unique["a"]; len(got) != 0 {
		t.Errorf("a's attribution was listed as a fact of its own: %q", got)
	}
}

func TestConflictingDatesAndRoleSpeakers(t *testing.T) {
	a := news.Article{ID: "a", Text: "The board said Teodor Brandvold will take over the Calder Harbour Authority on March 3.\n\n" +
		"\"The queue of ships is my first job,\" the engineer said."}
	b := news.Article{ID: "b", Text: "The board said Teodor Brandvold will take over the Calder Harbour Authority on March 10."}
	c := Compare([]news.Article{a, b})
	if len(c.Conflicts) != 1 || len(c.Conflicts[0].Values) != 2 || c.Conflicts[0].Values[0].Value != "Mar 10" || c.Conflicts[0].Values[1].Value != "Mar 3" {
		t.Errorf("conflicts = %+v, want March 3 against March 10", c.Conflicts)
	}
	if len(c.Quotes) != 1 || c.Quotes[0].Speaker != "Teodor Brandvold" {
		t.Errorf("quotes = %+v, want the engineer resolved to Teodor Brandvold", c.Quotes)
	}
}

func TestDatelines(t *testing.T) {
	for in, want := range map[string]string{
		"CALDER (VWS) — Dockworkers voted on Monday.":          "Dockworkers voted on Monday.",
		"WASHINGTON (Reuters) - The Senate voted.":             "The Senate voted.",
		"PARIS, Nov. 3 (AFP) -- Strikes spread.":               "Strikes spread.",
		"The U.S. - Canada border reopened on Monday morning.": "The U.S. - Canada border reopened on Monday morning.",
	} {
		if got := stripDateline(in); got != want {
			t.Errorf("stripDateline(%q) = %q, want %q", in, got, want)
		}
	}
}

// wordPattern is what wordSpans implements by hand.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`)

func FuzzWordSpans(f *testing.F) {
	for _, s := range []string{"", "U.S. officials' plans", "Antonov’s term — ended; 2,400 dockworkers", "café déjà-vu", "Москва, 5 октября", "北京市", "\xff\xfeab'c", "a--b..c''d", "x\u0301y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := wordPattern.FindAllStringIndex(s, -1)
		got := wordSpans(s)
		if len(got) != len(want) {
			t.Fatalf("wordSpans(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Fatalf("wordSpans(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

func TestPlacesByTheirGenericWord(t *testing.T) {
	for _, tc := range []struct {
		sentence, name string
		kind           news.EntityKind
	}{
		{"Crews reached Calder Point late on Monday after the storm.", "Calder Point", news.Place},
		{"The water board said Hollin Springs would be without water until Friday.", "Hollin Springs", news.Place},
		{"Two climbers were rescued from Mount Kessel on Sunday.", "Mount Kessel", news.Place},
		{"The ferry sank in Lake Orrin in heavy winds.", "Lake Orrin", news.Place},
		{"The mayor, Mara Voss, said the road would reopen.", "Mara Voss", news.Person},
	} {
		var got []mention
		for _, m := range recognise(tc.sentence) {
			if m.name == tc.name {
				got = append(got, m)
			}
		}
		if len(got) != 1 || got[0].kind != tc.kind {
			t.Errorf("%q in %q recognised as %+v, want one %s", tc.name, tc.sentence, got, tc.kind)
		}
	}
}
