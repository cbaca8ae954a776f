package compare

import (
	"math"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// langEntities returns the names and kinds of the entities Annotate lists
// for a text in a language, with how many mentions each has.
func langEntities(lang, text string) (map[string]news.EntityKind, map[string]int) {
	kinds, counts := map[string]news.EntityKind{}, map[string]int{}
	for _, e := range Annotate(news.Article{ID: "x", Lang: lang, Text: text}).Entities {
		kinds[e.Name], counts[e.Name] = e.Kind, len(e.Mentions)
	}
	return kinds, counts
}

// TestCountriesShownByNewsNames checks that a country named in another
// language is shown under the name English news writes, not CLDR's
// qualified one ("Myanmar", not "Myanmar (Burma)"), so that it is one
// place with the same country in an English article; that the ambiguous
// "Kongo" is neither Congo; and the rule on CLDR's other odd names. The
// sentences are written for the test.
func TestCountriesShownByNewsNames(t *testing.T) {
	kinds, _ := langEntities("de", "Die Regierung von Myanmar sprach am Montag mit Vertretern aus dem Kongo und aus Hongkong.")
	for _, want := range []string{"Myanmar", "Hong Kong"} {
		if kinds[want] != news.Place {
			t.Errorf("%q is %q, want a place: %v", want, kinds[want], kinds)
		}
	}
	for name := range kinds {
		if name == "Myanmar (Burma)" || name == "Congo - Brazzaville" || name == "Republic of the Congo" || name == "Hong Kong SAR China" {
			t.Errorf("listed %q: %v", name, kinds)
		}
	}
	for cldr, want := range map[string]string{"Myanmar (Burma)": "Myanmar", "Hong Kong SAR China": "Hong Kong",
		"Bosnia & Herzegovina": "Bosnia and Herzegovina", "Congo - Kinshasa": "DR Congo", "France": "France"} {
		if got := newsName(cldr); got != want {
			t.Errorf("newsName(%q) = %q, want %q", cldr, got, want)
		}
	}
	if got := placeName("drc", false); got != "DR Congo" {
		t.Errorf("placeName(drc) = %q, want DR Congo", got)
	}
}

// TestPeopleAreNotTheirCountry checks that German and Dutch "Polen",
// "Schweden", "Ungarn" after a plural determiner name the people, not
// the country, and that the country itself is still read. Written for the
// test.
func TestPeopleAreNotTheirCountry(t *testing.T) {
	kinds, counts := langEntities("de", "Die Polen haben am Sonntag gewählt. Viele Schweden arbeiten dort, und den Ungarn gefällt es. Der Minister reiste danach nach Polen.")
	if kinds["Poland"] != news.Place || counts["Poland"] != 1 {
		t.Errorf("Poland: %q with %d mentions, want a place named once (nach Polen): %v", kinds["Poland"], counts["Poland"], kinds)
	}
	for _, n := range []string{"Sweden", "Hungary"} {
		if _, ok := kinds[n]; ok {
			t.Errorf("%q listed for the people: %v", n, kinds)
		}
	}
	kinds, _ = langEntities("nl", "De Polen en de Zweden spelen vanavond in Nederland.")
	if _, ok := kinds["Poland"]; ok {
		t.Errorf("Dutch de Polen listed as Poland: %v", kinds)
	}
}

// TestLakhCroreAndQuotedDollars checks "lakh crore" (1e12) in annotate's
// and the comparison's readings, "Rs." before its number inside a
// sentence, and an English sum with its sign before it ("$1,500") in a
// German text that groups by points. Written for the test.
func TestLakhCroreAndQuotedDollars(t *testing.T) {
	s := "The state will spend ₹1.5 lakh crore on roads this year."
	if qs := QuantitiesIn(s, 0); len(qs) != 1 || qs[0].Value != 1.5e12 || qs[0].Text != "₹1.5 lakh crore" {
		t.Errorf("QuantitiesIn(%q) = %+v, want ₹1.5 lakh crore = 1.5e12", s, qs)
	}
	if ms := measuresOf(s); len(ms) != 1 || ms[0].value != 1.5e12 {
		t.Errorf("measuresOf(%q) = %+v, want 1.5e12", s, ms)
	}
	a := Annotate(news.Article{ID: "x", Lang: "en", Text: "The court said the fine would rise to Rs. 5,000 next year."})
	if len(a.Quantities) != 1 || a.Quantities[0].Unit != "₹" || a.Quantities[0].Value != 5000 {
		t.Errorf("Rs. 5,000: %+v, want ₹5,000", a.Quantities)
	}
	text := `Die Firma zahlte 1.500 Euro. In den USA kostet das Gerät "$1,500", sagte er. Später waren es 2.300 Euro.`
	got := map[string]float64{}
	for _, q := range NewNumberReader("de", text).In(text, 0) {
		got[q.Text] = q.Value
	}
	for k, v := range map[string]float64{"$1,500": 1500, "1.500 Euro": 1500, "2.300 Euro": 2300} {
		if math.Abs(got[k]-v) > 1e-9 {
			t.Errorf("%q read %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
}

// TestItalianPronounAfterQuote checks that "ha detto lui" after a
// quotation introduced by "Poi:" gives the man named before, not "Poi".
// Written for the test.
func TestItalianPronounAfterQuote(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"lui", "Il sindaco Marco Rossi ha parlato alla stampa.\n\nPoi: «Costruiremo un nuovo ponte sul fiume entro due anni», ha detto lui.",
			[]string{"Marco Rossi"}},
	})
}

// TestVerbOfTheNextSentence checks that a verb of speaking that opens the
// sentence after a labelled quotation ("Ana Gómez: «…» Dijo luego Luis
// Ortega que …") does not take the label's quotation, and that a Japanese
// 「…」という ("called") is no attribution to the name after it. Written
// for the test.
func TestVerbOfTheNextSentence(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"next sentence's verb", "El consejo se reunió.\n\nAna Gómez: «Vamos a construir un puente sobre el río el próximo año.» Dijo luego Luis Ortega que el dinero no alcanza.",
			[]string{"Ana Gómez"}},
		{"という", "会議が開かれた。\n\n「来年までに新しい橋を完成させる予定です」という計画について、山田氏は述べた。", nil},
	})
}
