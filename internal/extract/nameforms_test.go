package extract

import (
	"maps"
	"slices"
	"testing"
)

// Forms of an author's name that splitNames reads as the name: surname
// first with initials, an address in brackets beside it, the name in
// brackets after a mail address, co-authors in brackets in several
// languages; and what stays as it was.
func TestSplitNamesForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Brandvold, Ilse", []string{"Ilse Brandvold"}},
		{"Brandvold, Ilse K.", []string{"Ilse K. Brandvold"}},
		{"Brandvold, Ilse K. J.", []string{"Ilse K. J. Brandvold"}},
		{"Brandvold, I.", []string{"I. Brandvold"}},
		{"Brandvold, MD", []string{"Brandvold"}},
		{"Reuters, Ilse Brandvold", []string{"Reuters", "Ilse Brandvold"}},
		{"Ilse Brandvold (https://brandvold.example/ilse/)", []string{"Ilse Brandvold"}},
		{"Ilse Brandvold <ilse@brandvold.example>", []string{"Ilse Brandvold"}},
		{"ilse@brandvold.example (Ilse Brandvold)", []string{"Ilse Brandvold"}},
		{"Ilse Brandvold (avec Tomas Quill et Ann Poe)", []string{"Ilse Brandvold", "Tomas Quill", "Ann Poe"}},
		{"Ilse Brandvold (with Tomas Quill and Ann Poe)", []string{"Ilse Brandvold", "Tomas Quill", "Ann Poe"}},
		{"Ilse Brandvold (con Tomás Quill y Ana Poe)", []string{"Ilse Brandvold", "Tomás Quill", "Ana Poe"}},
		{"Ilse (Katrin) Brandvold", []string{"Ilse (Katrin) Brandvold"}},
		{"Ilse Brandvold (Oslo)", []string{"Ilse Brandvold (Oslo)"}},
	}
	for _, tt := range tests {
		if got := splitNames(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A first name that is a month's ("April", "June") is kept when a
// capitalised surname follows it; a month with a day, a year, a lower-case
// word or alone is a date and dropped.
func TestCleanNamesMonthFirstName(t *testing.T) {
	for in, keep := range map[string]bool{
		"April Brandvold": true, "June Quill": true, "Jun Li": true,
		"Jun 2": false, "August 28": false, "May": false, "March 2031": false,
		"Dec. Quill": false, "May and June": false, "June July": false,
	} {
		if got := len(cleanNames([]string{in})) == 1; got != keep {
			t.Errorf("cleanNames keeps %q: %v, want %v", in, got, keep)
		}
	}
}

// An itemprop=author element holding a name and its co-authors in
// brackets gives the whole list, though it is longer than one name.
func TestCoauthorsInAnAuthorElement(t *testing.T) {
	page := `<html><head><title>Le vote de la loi</title></head><body><h1>Le vote de la loi</h1>
<p><span class="signature">Par <span itemprop="author"><a href="/journaliste/ilse-brandvold/">Ilse Brandvold</a> (avec Tomas Quill et Ann Poe)</span></span></p>
<p>Les députés ont adopté le texte mardi, après trois semaines de débats dans l'hémicycle.</p></body></html>`
	byText, _ := bylineFeaturesOf(t, page)
	if _, ok := byText["Ilse Brandvold, Tomas Quill, Ann Poe"]; !ok {
		t.Errorf("no candidate with the three authors among %q", slices.Sorted(maps.Keys(byText)))
	}
}
