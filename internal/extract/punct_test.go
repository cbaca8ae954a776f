package extract

import "testing"

// TestPunctuationOfEveryScript: a block's commas and sentence stops, and
// whether it ends a sentence, are read in every script's marks (Unicode's
// Terminal_Punctuation and Sentence_Terminal), not only the Latin and CJK
// ones: an Arabic or Hindi paragraph reads as prose as an English one does.
func TestPunctuationOfEveryScript(t *testing.T) {
	for _, c := range []struct {
		text          string
		commas, stops int32
		ends          bool
	}{
		{"The council met, and it voted; the mayor spoke.", 2, 1, true},
		{"市议会周一开会，经过长时间辩论；投票通过了预算。", 2, 1, true},
		{"اجتمع المجلس يوم الاثنين، وبعد نقاش طويل؛ صوّت على الميزانية؟", 2, 1, true},
		{"परिषद ने सोमवार को बैठक की, और बजट पर मतदान किया।", 1, 1, true},
		{"Home · News · Sport: Results", 0, 0, false}, // a menu's dots and a colon are neither
		{"时间：周一", 0, 0, false}, // a fullwidth colon is no comma
		{"ምክር\u1361ቤቱ\u1361ሰኞ\u1361ተሰበሰበ\u1363 በጀቱንም\u1361አጸደቀ\u1362", 1, 1, true}, // the Ethiopic wordspace is no comma, its comma is
		{"ᠬᠤᠷᠠᠯ\u1804 ᠰᠠᠨ\u1802 ᠪᠠᠢ\u1803", 1, 1, true},                            // nor the Mongolian colon
	} {
		b := measureBlock(c.text)
		if b.commas != c.commas || b.stops != c.stops || endsSentence(c.text) != c.ends {
			t.Errorf("%q: commas %d stops %d ends %v, want %d %d %v", c.text, b.commas, b.stops, endsSentence(c.text), c.commas, c.stops, c.ends)
		}
	}
}
