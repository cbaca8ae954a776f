package compare

import (
	"strings"
	"testing"
)

// Text typed the TeX or Penn Treebank way opens a quotation with two grave
// accents and closes it with two apostrophes, as the AP and New York Times
// wires of the LDC newswire corpora do: such a quotation is a quote, with its
// speaker, as a curly one is, and one left open goes on to its paragraph's
// end.
func TestTexQuotesAreQuotes(t *testing.T) {
	text := "The harbour board of Velmar approved a new levy on Monday.\n\n" +
		"``We will rebuild the pier by spring,'' said Ines Dorn, the board's chair.\n\n" +
		"``The fleet lost twelve boats in the storm,'' she said. ``Nobody was hurt.''\n\n" +
		"The levy's critics met in the port on Tuesday. Their spokesman, Tomas Brandt, said the fishers " +
		"would ``pay twice for one storm.''\n\n" +
		"``We asked the board for a year,'' Brandt said. ``It gave us a week.\n\n" +
		"``Now we will ask the minister.''"
	want := []struct{ text, speaker string }{
		{"We will rebuild the pier by spring", "Ines Dorn"},
		{"The fleet lost twelve boats in the storm", "Ines Dorn"},
		{"Nobody was hurt.", "Ines Dorn"},
		{"pay twice for one storm.", "Tomas Brandt"},
		{"We asked the board for a year", "Tomas Brandt"},
		{"It gave us a week.", "Tomas Brandt"},
		{"Now we will ask the minister.", "Tomas Brandt"},
	}
	qs := Quotes(text)
	var got, wanted []string
	for _, q := range qs {
		got = append(got, q.Text+" ["+q.Speaker+"]")
		if !strings.HasPrefix(text[q.Start:], q.Text) {
			t.Errorf("offset %d gives %q, not the quote %q", q.Start, text[q.Start:min(len(text), q.Start+len(q.Text))], q.Text)
		}
	}
	for _, w := range want {
		wanted = append(wanted, w.text+" ["+w.speaker+"]")
	}
	if strings.Join(got, "\n") != strings.Join(wanted, "\n") {
		t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wanted, "\n"))
	}
}
