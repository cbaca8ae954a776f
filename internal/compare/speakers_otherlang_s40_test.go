package compare

import "testing"

// TestVerbAfterQuoteBeatsColonLabel checks that a verb of speaking of
// another language after a quotation names its speaker even when the word
// before a colon that introduces it was read as a label ("Dann: « … »,
// sagte X"; s39-srev), that Italian "il" before a noun and a name is the
// article, not the French pronoun, and that a label with no verb after
// the quotation still speaks. The sentences are written for the test.
func TestVerbAfterQuoteBeatsColonLabel(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"German word before a colon",
			"Der Rat tagte am Abend.\n\nDann: « Wir werden die Brücke im nächsten Jahr bauen », sagte Luc Martin.",
			[]string{"Luc Martin"}},
		{"Italian adverb before a colon",
			"Il consiglio si è riunito.\n\nPoi: «Costruiremo un nuovo ponte sul fiume entro due anni», ha detto Luca Ferri.",
			[]string{"Luca Ferri"}},
		{"Italian article and title before the name",
			"Il consiglio si è riunito.\n\nPoi: «Costruiremo un nuovo ponte sul fiume entro due anni», ha dichiarato il sindaco Luca Ferri.",
			[]string{"Luca Ferri"}},
		{"Italian article with no colon before",
			"«Costruiremo un nuovo ponte sul fiume entro due anni», ha dichiarato il sindaco Luca Ferri.",
			[]string{"Luca Ferri"}},
		{"French label of a speaker, no verb after",
			"Le rapport est sorti.\n\nMarc Olivier : « Nous allons construire une nouvelle école pour les enfants du quartier ».",
			[]string{"Marc Olivier"}},
		{"English unchanged",
			"The council met.\n\nThen: \"We will build a new bridge over the river next year,\" said Mark Oliver.",
			[]string{"Mark Oliver"}},
	})
}

// TestJapaneseNameAfterTo checks Japanese attributions that name the
// speaker after the quotation and と (「…」と山田氏は述べた), with the
// titles 氏, さん and 首相 cut, and that a subject naming no one (関係者
// "an insider", 同社 "the company") gives no speaker. Written for the test.
func TestJapaneseNameAfterTo(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"氏 and は", "東京都は新しい計画を発表した。\n\n「来年までに新しい橋を完成させる予定です」と山田氏は述べた。", []string{"山田"}},
		{"さん and が", "大阪で会議が開かれた。\n\n「この問題は早急に解決しなければならない」と山本さんが語った。", []string{"山本"}},
		{"首相 and a verb after an object", "政府は会見を開いた。\n\n「経済対策をさらに強化していきたい」と、岸本首相は記者団に強調した。", []string{"岸本"}},
		{"an insider", "計画が明らかになった。\n\n「来月にも正式に発表する方向で調整している」と関係者は語った。", []string{""}},
		{"the company", "新製品が発売された。\n\n「販売は予想を大きく上回っている」と同社は説明した。", []string{""}},
		{"name before the quotation still read", "会見で、田中氏は「新しい政策を来月から実施します」と述べた。", []string{"田中"}},
	})
}
