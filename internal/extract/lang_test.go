package extract

import "testing"

// TestGuessLangTie: a text with as many English as French marker words is
// named the same on every call (the first language in alphabetical order),
// not by the order a map is walked in.
func TestGuessLangTie(t *testing.T) {
	const tie = "Lorem the and of ipsum le les et dolor"
	for range 50 {
		if got := guessLang(tie); got != "en" {
			t.Fatalf("guessLang(%q) = %q, want en", tie, got)
		}
	}
	if got := guessLang("Der Hund und die Katze, das ist nicht mit ein Spiel."); got != "de" {
		t.Errorf("German text: got %q", got)
	}
}
