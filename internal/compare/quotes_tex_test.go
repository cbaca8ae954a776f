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

// TestTexSplitQuoteAfterSentenceEnd checks that the second half of a split
// quote typed the TeX way (two grave accents, two apostrophes) is the
// speaker's when its first half holds a sentence end (session 33, s33-q2):
// the closing apostrophes were not read as a quote's end, the words inside
// the first half became the subject of "said" and the second half had no
// speaker. The articles are written for the test.
func TestTexSplitQuoteAfterSentenceEnd(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a first half of two sentences",
			"The lab ran tests all week.\n\n``We cannot aim the lasers. They are fixed to the roof,'' Ortiz said on a call, ``so we wait for a cloud to drift across the beam. That takes hours.''",
			[]string{"Ortiz", "Ortiz"}},
		{"an inverted attribution with an aside",
			"The vote is close.\n\n``If I can win here. If I can,'' said Sen. Tom Marsh, R-Ohio, standing before legislators in the rotunda, ``we will have the bounce we need. It will be over in March.''",
			[]string{"Tom Marsh", "Tom Marsh"}},
		{"straight quotes were already read",
			"The lab ran tests all week.\n\n\"We cannot aim the lasers. They point straight up,\" Ortiz said, \"so we have to wait for a trail to pass overhead. That takes hours.\"",
			[]string{"Ortiz", "Ortiz"}},
		{"but said after a quoted phrase, straight quotes",
			"The team met on Friday.\n\nDr. Yoji Tanaka, leader of the group, acknowledged that the claim was \"very strong,\" but said, \"We have checked every other cause and only mass remains.\"",
			[]string{"Yoji Tanaka"}},
		{"but said after a quoted phrase, TeX quotes",
			"The team met on Friday.\n\nDr. Yoji Tanaka, leader of the group, acknowledged that the claim was ``very strong,'' but said, ``We have checked every other cause and only mass remains.''",
			[]string{"Yoji Tanaka"}},
		{"but with a subject of its own is not the opener's",
			"The team met on Friday.\n\nDr. Yoji Tanaka, leader of the group, called the claim ``very strong,'' but critics said, ``We have checked every other cause and only mass remains.''",
			[]string{""}},
		// The verb after the earlier quote goes to no one: Brandt would be
		// right, but the resolver reads the participle's object first, and
		// no speaker is better than that wrong one.
		{"but said after an opening participle that names someone else",
			"Hosting President Ada Marsh at the palace, Mr. Brandt again called the treaty ``insane and ridiculous,'' but said he could sign ``a new treaty written by both sides'' soon.",
			[]string{"Brandt", ""}},
		{"and said after an opening participle that names someone else",
			"Hosting President Ada Marsh at the palace, Mr. Brandt again called the treaty \"insane and ridiculous,\" and said he could sign \"a new treaty written by both sides\" soon.",
			[]string{"Brandt", ""}},
		{"an opening participle that names no one else",
			"Speaking beside the mayor, Tomas Brandt called the plan ``very strong,'' but said, ``We have checked every other cause and only mass remains.''",
			[]string{"Tomas Brandt"}},
		{"a quote ended by apostrophes before another speaker's sentence",
			"The lab ran tests all week.\n\n``We cannot aim the lasers. They point straight up,'' Ortiz said. Ada Marsh disagreed: ``We can aim them well enough if we try.''",
			[]string{"Ortiz", "Ada Marsh"}},
	})
}
