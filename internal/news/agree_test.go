package news

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFactsOfOneOutletAreItsOwn: a statement two reports of one wire make
// is the wire's own, not something the sources agree on; one the wire and
// a paper make is agreement, listed before nothing but by outlets (the
// wire's three articles and the paper count two, less than three outlets).
func TestFactsOfOneOutletAreItsOwn(t *testing.T) {
	outletOf := map[string]string{"w1": "harbourwire", "w2": "harbourwire", "w3": "harbourwire", "p1": "tidesgazette", "q1": "quaypost"}
	c := Comparison{Facts: []Fact{
		{Text: "The ferry sailed late.", Articles: []string{"w1", "w2", "w3", "p1"}},
		{Text: "Fog closed the port.", Articles: []string{"w1", "w2"}},
		{Text: "Pilots refused to board.", Articles: []string{"w1", "p1", "q1"}},
	}}
	got := SeparateOutletFacts(c, outletOf)
	var agreed, own []string
	for _, f := range got.Facts {
		agreed = append(agreed, f.Text)
	}
	for _, f := range got.OutletFacts {
		own = append(own, f.Text)
	}
	if want := []string{"Pilots refused to board.", "The ferry sailed late."}; !reflect.DeepEqual(agreed, want) {
		t.Errorf("agreed %v, want %v (three outlets before two)", agreed, want)
	}
	if want := []string{"Fog closed the port."}; !reflect.DeepEqual(own, want) {
		t.Errorf("one outlet's own %v, want %v", own, want)
	}
	if len(c.Facts) != 3 || c.OutletFacts != nil {
		t.Errorf("the comparison given was changed: %+v", c)
	}
	// Separated again by other outlets (an alias removed: w2 is no longer
	// the wire's), the fact returns among what the sources agree on.
	outletOf["w2"] = "fogbulletin"
	again := SeparateOutletFacts(got, outletOf)
	if len(again.Facts) != 3 || len(again.OutletFacts) != 0 {
		t.Errorf("separated again: %d agreed, %d own; want 3 and 0", len(again.Facts), len(again.OutletFacts))
	}
}

// TestArticlesOfNoOutletAreOutletsOfTheirOwn: two articles whose pages name
// no outlet nor address may come from two outlets, so a fact they share is
// agreement (as compare's first report takes them), and OutletCount counts
// them apart.
func TestArticlesOfNoOutletAreOutletsOfTheirOwn(t *testing.T) {
	outletOf := map[string]string{"a": "", "b": "", "c": "harbourwire", "d": "harbourwire"}
	if n := OutletCount([]string{"a", "b", "c", "d"}, outletOf); n != 3 {
		t.Errorf("OutletCount = %d, want 3 (two nameless, one wire)", n)
	}
	got := SeparateOutletFacts(Comparison{Facts: []Fact{{Text: "x", Articles: []string{"a", "b"}}}}, outletOf)
	if len(got.Facts) != 1 || len(got.OutletFacts) != 0 {
		t.Errorf("a fact of two nameless articles: %+v", got)
	}
}

// TestSourceLabelNamesANamelessArticleByItsTitle: an article with no outlet
// is named by its address's host, else its title in quotation marks (cut
// at a word when long), else the start of its text, else its id; never
// "(unknown outlet)".
func TestSourceLabelNamesANamelessArticleByItsTitle(t *testing.T) {
	for _, c := range []struct {
		a    Article
		want string
	}{
		{Article{ID: "1", Source: "Harbour Wire", URL: "https://tides.example/a"}, "Harbour Wire"},
		{Article{ID: "2", URL: "https://www.tides.example/a"}, "tides.example"},
		{Article{ID: "3", Title: "  Fog closes\nthe port  "}, "“Fog closes the port”"},
		{Article{ID: "4", Title: "Fog closes the port of Lenmouth for a third day as pilots refuse to board the waiting ships"}, "“Fog closes the port of Lenmouth for a…”"},
		{Article{ID: "5", Text: "Fog closed the port of Lenmouth on Monday.\n\nPilots refused to board."}, "“Fog closed the port of Lenmouth on…”"},
		{Article{ID: "6"}, "[6]"},
	} {
		if got := c.a.SourceLabel(); got != c.want {
			t.Errorf("SourceLabel(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

// FuzzSourceLabel: whatever a page's title and text hold, an article of no
// outlet is named by valid text, never "(unknown outlet)" nor empty, and a
// title names it in at most labelTitleRunes characters and its quotation
// marks.
func FuzzSourceLabel(f *testing.F) {
	f.Add("Fog closes the port of Lenmouth for a third day as pilots refuse", "Fog closed the port.")
	f.Add("", "")
	f.Add("  \n ", "\xff\xfe")
	f.Add("Ein Hafen, geschlossen wegen Nebel über drei Tage hinweg, sagt der Lotse", "")
	f.Fuzz(func(t *testing.T, title, text string) {
		a := Article{ID: "x", Title: title, Text: text}
		got := a.SourceLabel()
		if got == "" || got == UnknownOutlet || !utf8.ValidString(got) && utf8.ValidString(title) && utf8.ValidString(text) {
			t.Fatalf("SourceLabel(%q, %q) = %q", title, text, got)
		}
		if strings.TrimSpace(title) != "" && utf8.RuneCountInString(got) > labelTitleRunes+2 {
			t.Fatalf("SourceLabel(%q) = %q: %d characters", title, got, utf8.RuneCountInString(got))
		}
	})
}
