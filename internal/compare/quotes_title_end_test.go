package compare

import "testing"

// A title or a short marked phrase that ends the writer's sentence, its
// full stop inside the closing mark, is no one's remark; a remark that
// opens its sentence, or one credited to someone, stays a quote.
func TestTitleAtSentenceEndIsNoQuote(t *testing.T) {
	text := "The details were first told in his recent book, “Roads Under the River.”\n\n" +
		"She took the newly created post of “chief harbour warden.”\n\n" +
		"“The bridge will reopen soon.”\n\n" +
		"Outside, the crowd shouted, “Keep the harbour open!”\n\n" +
		"Mayor Ada Marsh said the repairs were “going well this month.”"
	found := map[string]string{}
	for _, q := range Quotes(text) {
		found[q.Text] = q.Speaker
	}
	for _, title := range []string{"Roads Under the River.", "chief harbour warden."} {
		if _, ok := found[title]; ok {
			t.Errorf("%q listed as a quote; want none (a title at the sentence's end)", title)
		}
	}
	if _, ok := found["The bridge will reopen soon."]; !ok {
		t.Errorf("a quotation opening its paragraph was dropped; quotes: %v", found)
	}
	if _, ok := found["Keep the harbour open!"]; !ok {
		t.Errorf("an exclamation credited to no one was dropped; quotes: %v", found)
	}
	if found["going well this month."] != "Ada Marsh" {
		t.Errorf("a quoted phrase credited to Ada Marsh was dropped or miscredited; quotes: %v", found)
	}
}
