package compare

import "testing"

// A quote's attribution is read from the sentence that holds it: the start
// of that sentence is found past a title's period ("Mr.") that the sentence
// itself opens with, so an earlier sentence's subject is not taken.
func TestAttributionSentenceOpensWithATitle(t *testing.T) {
	text := `Mayor Ines Dorn of Velmar visited the port in May. Ms. Dorn asked for a new harbour deal the council had dropped. ` +
		`Mr. Oduya derided the deal, writing on the council's site that it had "too many loopholes."`
	qs := Quotes(text)
	if len(qs) != 1 || qs[0].Speaker != "Oduya" {
		t.Errorf("quotes = %+v, want one by Oduya", qs)
	}
}
