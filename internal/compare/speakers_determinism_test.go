package compare

import "testing"

// TestBareSurnameSpeakerIsTheSameEveryRun: a speaker named by a surname the
// recogniser did not take for a name ("Rourke", a mistyped "O’Rourke") is the
// person of that surname the article names in full; two people named in
// full equally often ("Tomas O’Rourke" and, read as two words too,
// "O’Rourke") used to be picked in the map's order, so the speaker changed
// from run to run. Now the fuller name wins, every time.
func TestBareSurnameSpeakerIsTheSameEveryRun(t *testing.T) {
	const article = "Mayor Tomas O’Rourke opened the bridge on Monday. O’Rourke has led Calder since 2019.\n\n" +
		"Rourke demanded the council “release the full report to the people of Calder.”"
	for run := 0; run < 50; run++ {
		qs := Quotes(article)
		if len(qs) != 1 {
			t.Fatalf("quotes = %+v, want 1", qs)
		}
		if qs[0].Speaker != "Tomas O’Rourke" {
			t.Fatalf("run %d: speaker %q, want %q", run, qs[0].Speaker, "Tomas O’Rourke")
		}
	}
}
