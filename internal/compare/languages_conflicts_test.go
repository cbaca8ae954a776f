package compare

import (
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// conflictValues are the figures a story's conflicts show, in order.
func conflictValues(cmp news.Comparison) [][]string {
	var out [][]string
	for _, c := range cmp.Conflicts {
		var vs []string
		for _, v := range c.Values {
			vs = append(vs, v.Value)
		}
		out = append(out, vs)
	}
	return out
}

// TestConflictsReadNumbersInTheArticlesLanguage: two German reports that
// give "3,5 Millionen" and "3,7 Millionen" visitors dispute one figure
// (not "3" against "3" and "5" against "7"), and a German "3,5 Millionen"
// and an English "3.5 million" agree (invented reports).
func TestConflictsReadNumbersInTheArticlesLanguage(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	de1 := news.Article{ID: "a", Source: "Tagesblatt", Lang: "de", Published: day,
		Title: "Rekord auf der Messe in Halbstadt",
		Text:  "Die Messe in Halbstadt zählte in diesem Jahr 3,5 Millionen Besucher aus aller Welt. Die Veranstalter sind mit dem Ergebnis sehr zufrieden und planen schon das nächste Jahr."}
	de2 := news.Article{ID: "b", Source: "Abendpost", Lang: "de", Published: day.Add(time.Hour),
		Title: "Messe in Halbstadt meldet Rekord",
		Text:  "Die Messe in Halbstadt zählte in diesem Jahr 3,7 Millionen Besucher aus aller Welt. Die Stadt rechnet mit höheren Einnahmen aus der Gewerbesteuer."}
	en := news.Article{ID: "c", Source: "Daily Wire Service", Lang: "en", Published: day.Add(2 * time.Hour),
		Title: "Halbstadt fair reports record",
		Text:  "The fair in Halbstadt counted 3.5 million visitors from around the world this year. Organisers said they were pleased with the result."}
	got := conflictValues(Compare([]news.Article{de1, de2}))
	if len(got) != 1 || len(got[0]) != 2 || got[0][0] != "3,5 Millionen Besucher" || got[0][1] != "3,7 Millionen Besucher" {
		t.Errorf("two German reports, 3,5 vs 3,7 Millionen: conflicts %q, want one between the two figures", got)
	}
	for _, c := range Compare([]news.Article{de1, en}).Conflicts {
		t.Errorf("German 3,5 Millionen and English 3.5 million: conflict %+v, want none", c)
	}
}

// TestInEnglishMarks: a German sentence's figures rewritten in English marks
// for the figure reader, its date and time blanked, each figure mapped back
// to how it is written; English is left as it is.
func TestInEnglishMarks(t *testing.T) {
	s := "Am 3. Oktober um 17.15 Uhr zahlte Nr. 4 der Liste 57.000 Euro, 4,5 Prozent mehr als 1,2 Mrd. zuvor."
	got, written := NewNumberReader("de", s).InEnglishMarks(s)
	want := "Am  . Oktober um   .   Uhr zahlte Nr.  der Liste €57000, 4.5% mehr als 1.2 billion zuvor."
	if got != want {
		t.Errorf("InEnglishMarks:\n got %q\nwant %q", got, want)
	}
	if written["€57000"] != "57.000 Euro" || written["4.5%"] != "4,5 Prozent" || written["1.2 billion"] != "1,2 Mrd." {
		t.Errorf("written = %q", written)
	}
	en := "On Oct. 3 it paid 57,000 euros."
	if got, w := NewNumberReader("en", en).InEnglishMarks(en); got != en || w != nil {
		t.Errorf("English rewritten: %q %q", got, w)
	}
}

// TestEnglishReportsReadAsEnglish: an English report with a German quote,
// and one tagged German by its site, are read with English marks ("1.5
// million" is a million and a half, not 1); a German report keeps German
// marks (invented reports).
func TestEnglishReportsReadAsEnglish(t *testing.T) {
	cases := []struct {
		lang, text string
		want       float64
	}{
		{"", `"Wir haben das Geld nicht, und die Stadt ist voll, das ist nicht gut", the mayor said. The fair expects 1.5 million visitors.`, 1.5e6},
		{"de", "The index rose sharply and the company said it expects 1.5 million orders in the third quarter.", 1.5e6},
		{"de", "Die Messe erwartet in diesem Jahr 1.500 Besucher, das ist ein Rekord für die Stadt.", 1500},
		{"de-CH", "Die Messe erwartet 1'200'000 Besucher, das Billett kostet 3.50 Franken und ist für die Stadt ein Rekord.", 0},
	}
	for _, c := range cases {
		ann := Annotate(news.Article{ID: "x", Lang: c.lang, Text: c.text})
		if c.want == 0 { // Swiss marks: apostrophe groups, decimal point
			if got := quantityValues(ann); !slices.Equal(got, []float64{1.2e6, 3.5}) {
				t.Errorf("%s %q: values %v, want [1.2e6 3.5]", c.lang, c.text, got)
			}
			continue
		}
		if len(ann.Quantities) != 1 || ann.Quantities[0].Value != c.want {
			t.Errorf("%s %q: quantities %+v, want one of %v", c.lang, c.text, ann.Quantities, c.want)
		}
	}
}

// quantityValues are the values of an annotation's quantities, in order.
func quantityValues(ann Annotation) []float64 {
	var out []float64
	for _, q := range ann.Quantities {
		out = append(out, q.Value)
	}
	return out
}
