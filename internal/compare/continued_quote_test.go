package compare

import "testing"

// A quotation of several sentences is cut by the sentence splitter; a
// sentence from its middle or its end, shown alone as a fact, is the quote's
// words and is shown so, with its speaker, not as the article's own statement.
func TestSentenceInsideAQuotationIsShownAsItsQuote(t *testing.T) {
	text := "The harbour will close for the winter, the council said on Monday.\n\n" +
		"“The port is closed from Friday. Ships will anchor off the north pier. Repairs start in March,” Mayor Ada Marsh said.\n\n" +
		"A spokesman for the port said: \"The ferries keep their timetable. Tickets stay valid until April.\"\n\n" +
		"\"The nets are dry. The boats wait on the slip,” Ada Marsh said.\n\n" +
		"The mayor said he would put the \"harbour plan on hold.” The council meets again in May.\n\n" +
		"Fishermen said the closure would cost them the season."
	r := claimReader{a: newAttributor(text, recognise(text))}
	r.quotes = r.a.quotes()
	tests := []struct {
		claim, want string
		ok          bool
	}{
		// a middle sentence: both marks added, the speaker after it
		{"Ships will anchor off the north pier.", "“Ships will anchor off the north pier.” [Ada Marsh]", true},
		// the closing sentence: its opening mark added; named already
		{"Repairs start in March,” Mayor Ada Marsh said.", "“Repairs start in March,” Mayor Ada Marsh said.", true},
		// a closing sentence with only its closing mark, in straight marks,
		// of a quote credited to no one by name: marked, with no one named
		{"Tickets stay valid until April.\"", "\"Tickets stay valid until April.\"", true},
		// a sentence that closes with a curly mark a quotation opened by a
		// straight one: no second closing mark
		{"The boats wait on the slip,” Ada Marsh said.", "\"The boats wait on the slip,” Ada Marsh said.", true},
		// a sentence after a quotation a curly mark closed is the article's own
		{"The council meets again in May.", "The council meets again in May.", true},
		// the article's own sentence is left as it is
		{"Fishermen said the closure would cost them the season.", "Fishermen said the closure would cost them the season.", true},
	}
	for _, tt := range tests {
		got, ok := r.quoteNamed(tt.claim)
		if got != tt.want || ok != tt.ok {
			t.Errorf("quoteNamed(%q) = %q, %v; want %q, %v", tt.claim, got, ok, tt.want, tt.ok)
		}
	}
}
