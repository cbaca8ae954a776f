package compare

import "testing"

// TestInchMarkOpensNoQuote checks that a straight double quote right after
// a digit is a measure's mark (`a 15.4" laptop`, `the 6'5" forward`), not
// a quotation's opening, so the words after it are no quote and the
// quotation after it pairs right (session 34, s34-quote), while a closing
// mark after a digit still closes. The articles are written for the test.
func TestInchMarkOpensNoQuote(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"a screen size", "Other deals:\n\n15.4\" Calder laptop with 8GB of memory for $2,059 at Dover Electronics.", nil},
		{"a height before a quotation", "Before the final, Tomas Brandt said that the rangy 6'5\" sprinter was \"not unbeatable at all.\"",
			[]string{"not unbeatable at all."}},
		{"a closing mark after a digit", "Ada Marsh said the plant \"closed in 1999\" and never opened again.",
			[]string{"closed in 1999"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range Quotes(tc.text) {
				got = append(got, q.Text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("quotes = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}
