package compare

import (
	"math"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestIndianFigures checks Indian English's figures: lakh grouping
// ("12,34,567"), the rupee written "Rs", "Rs." or "₹", and the scale words
// lakh and crore, in annotate's reading and in the comparison's. The
// sentences are written for the test.
func TestIndianFigures(t *testing.T) {
	cases := []struct {
		sentence, text, unit string
		value                float64
	}{
		{"The state will spend Rs 3 crore on the new bridge this year.", "Rs 3 crore", "₹", 3e7},
		{"About 2.5 lakh people will use the bridge every day.", "2.5 lakh", "", 2.5e5},
		{"The firm paid Rs. 12,34,567 in fines to the regulator.", "Rs. 12,34,567", "₹", 1234567},
		{"It hired 1,50,000 workers across the region last year.", "1,50,000", "", 150000},
		{"The ministry set aside ₹450 crore for the scheme.", "₹450 crore", "₹", 4.5e9},
	}
	for _, c := range cases {
		qs := QuantitiesIn(c.sentence, 0)
		if len(qs) != 1 || qs[0].Text != c.text || qs[0].Unit != c.unit || qs[0].Value != c.value {
			t.Errorf("QuantitiesIn(%q) = %+v, want %q %v %q", c.sentence, qs, c.text, c.value, c.unit)
		}
		ms := measuresOf(c.sentence)
		if len(ms) != 1 || ms[0].value != c.value {
			t.Errorf("measuresOf(%q) = %+v, want value %v", c.sentence, ms, c.value)
		}
	}
}

// TestMixedNumberMarks checks texts of decimal-comma languages that write
// both conventions: the article's convention is the majority's, and a
// figure whose form tells its marks is read by it ("73,320,000" groups by
// commas, "3,5%" and "0,042" have a decimal comma, "1.234.567" groups by
// points); a lone "620,000" follows the majority, a tie going to English
// marks ("620,000" beside one "3,5%").
func TestMixedNumberMarks(t *testing.T) {
	cases := []struct {
		lang, text string
		want       map[string]float64
	}{
		{"es", "El gobierno pagó 620,000 dólares por el puente. La inflación subió un 3,5% en marzo.",
			map[string]float64{"620,000 dólares": 620000, "3,5%": 3.5}},
		{"es", "Pagó 620,000 dólares y 73,320,000 lempiras; la inflación fue de 3,5% y el paro de 12,5 por ciento.",
			map[string]float64{"620,000 dólares": 620000, "73,320,000": 73320000, "3,5%": 3.5, "12,5 por ciento": 12.5}},
		{"es", "Pagaron 1.234.567 pesos, 620,000 dólares, 73,320,000 lempiras y 45,100 euros.",
			map[string]float64{"1.234.567": 1234567, "620,000 dólares": 620000, "73,320,000": 73320000, "45,100 euros": 45100}},
		{"de", "Der Zuschlag sinkt auf 0,042 Cent und der Grundpreis auf 0,31 Cent, die Umlage auf 0,027 Cent.",
			map[string]float64{"0,042": 0.042, "0,31": 0.31, "0,027": 0.027}},
		{"de", "Ein Würfel wiegt 12,375 kg, ein Quader 4,5 kg und eine Kugel 2,25 kg.",
			map[string]float64{"12,375": 12.375, "4,5": 4.5, "2,25": 2.25}},
		{"de", "Die Studie „Dice fall on the side they start: 412,904 rolls“ fand 3,5 Prozent mehr gleiche Würfe.",
			map[string]float64{"412,904": 412904, "3,5 Prozent": 3.5}},
		{"de", "Die Stadt zahlte 57.000 Euro und 1.234.567 Euro, 3,5 Prozent mehr als 2,5 Millionen.",
			map[string]float64{"57.000 Euro": 57000, "1.234.567 Euro": 1234567, "3,5 Prozent": 3.5, "2,5 Millionen": 2.5e6}},
	}
	for _, c := range cases {
		got := map[string]float64{}
		for _, q := range NewNumberReader(c.lang, c.text).In(c.text, 0) {
			got[q.Text] = q.Value
		}
		for text, v := range c.want {
			if g, ok := got[text]; !ok || math.Abs(g-v) > 1e-9*v {
				t.Errorf("%s %q: %q read %v (found %v), want %v", c.lang, c.text, text, g, ok, v)
			}
		}
	}
}

// TestMixedMarksInConflicts checks the figures that differ between two
// Spanish reports when one writes "620,000" beside a decimal comma
// ("3,5%") and never groups by points: its figure is 620,000, so it
// disputes another's 710.000 and agrees with another's 620.000 (a
// thousand times apart, 620 and 620,000 are never called one figure
// written differently: magnitudeGap).
func TestMixedMarksInConflicts(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	report := func(id, source, figure, rest string, at int) news.Article {
		return news.Article{ID: id, Source: source, Lang: "es", Published: day.Add(time.Duration(at) * time.Hour),
			Title: "Récord en el festival de Valdoria",
			Text:  "El festival de Valdoria recibió " + figure + " visitantes de todo el país este año. " + rest}
	}
	mixed := report("a", "Diario Sur", "620,000", "Las ventas de entradas subieron un 3,5% y los hoteles se llenaron.", 0)
	other := report("b", "La Voz", "710.000", "Los organizadores ya preparan la próxima edición del festival.", 1)
	same := report("c", "El Eco", "620.000", "Los organizadores ya preparan la próxima edición del festival.", 2)
	got := conflictValues(Compare([]news.Article{mixed, other}))
	if len(got) != 1 || len(got[0]) != 2 {
		t.Errorf("620,000 (beside 3,5%%) and 710.000 visitantes: conflicts %q, want one", got)
	}
	for _, c := range Compare([]news.Article{mixed, same}).Conflicts {
		t.Errorf("620,000 and 620.000 visitantes: conflict %+v, want none", c)
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
