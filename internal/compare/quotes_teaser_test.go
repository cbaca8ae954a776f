package compare

import (
	"strings"
	"testing"
)

// A feed's teaser cut inside a quotation ("“The plan very effectively...")
// leaves it open at the text's end: it is given as far as its last whole
// sentence, or not at all, never as a cut remark.
func TestQuoteCutByATeaserEnd(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // the quotes' texts
	}{
		{"no whole sentence", `The harbour board of Velmar approved a new levy on Monday. ` +
			`“The levy very plainly...`, nil},
		{"a whole sentence before the cut", `The harbour board of Velmar approved a new levy on Monday. ` +
			`Its chair, Ines Dorn, said the board “weighed every objection the fishers raised. As the season...`,
			[]string{"weighed every objection the fishers raised."}},
		{"closed quote with an ellipsis is a remark", `“We will see what the fishers do...” Ines Dorn said on Monday.`,
			[]string{"We will see what the fishers do..."}},
		{"an open quote that ends whole is kept", `Ines Dorn said on Monday: “The levy stays until the port is paid for.`,
			[]string{"The levy stays until the port is paid for."}},
		// A quotation of several paragraphs leaves each but its last
		// open: one trailing off in an ellipsis there is no teaser's cut.
		{"a remark trailing off before the text's end", "Ines Dorn spoke on Monday. “We will see what the fishers do next...\n\n" +
			"“But the board will not wait for them.” She left the hall.",
			[]string{"We will see what the fishers do next...", "But the board will not wait for them."}},
	}
	for _, c := range cases {
		qs := Quotes(c.text)
		var got []string
		for _, q := range qs {
			got = append(got, q.Text)
			if c.text[q.Start:q.End] != q.Text {
				t.Errorf("%s: offsets %d-%d give %q, not the quote %q", c.name, q.Start, q.End, c.text[q.Start:q.End], q.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: quotes = %q, want %q", c.name, got, c.want)
		}
	}
}
