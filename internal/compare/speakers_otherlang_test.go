package compare

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestOtherLanguageQuoteMarks checks that the quotation marks of other
// languages are read (session 39, s39-speaker3): German ‚…‘ and »…«,
// Swedish ”…”, Chinese and Japanese 「…」 and 『…』, French « … » with
// no-break spaces inside, and that a low comma, an apostrophe or a lone
// closing mark opens nothing. The sentences are written for the test.
func TestOtherLanguageQuoteMarks(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"German single low mark", "Der Trainer Jonas Falk war enttäuscht.\n‚Wir haben heute einfach nicht gut gespielt‘, sagte Falk.", "Wir haben heute einfach nicht gut gespielt"},
		{"German reversed guillemets", "Der Trainer Jonas Falk war enttäuscht.\n»Wir haben heute einfach nicht gut gespielt«, sagte Falk.", "Wir haben heute einfach nicht gut gespielt"},
		{"Swedish closing marks on both sides", "Forskaren Eva Lind är oroad.\n”Det här är en allvarlig situation för regionen”, säger Eva Lind.", "Det här är en allvarlig situation för regionen"},
		{"Japanese corner brackets", "山本さんは「この計画は町にとって非常に大切だ。」と話した。", "この計画は町にとって非常に大切だ。"},
		{"Japanese white corner brackets", "山本さんは『この計画は町にとって非常に大切だ。』と話した。", "この計画は町にとって非常に大切だ。"},
		{"French narrow no-break spaces", "L'entraîneur Luc Moreau était déçu.\n«\u202fNous avons mal joué ce soir, tout simplement\u202f», a dit Moreau.", "Nous avons mal joué ce soir, tout simplement"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qs := Quotes(tt.text)
			if len(qs) != 1 || qs[0].Text != tt.want {
				t.Fatalf("quotes = %+v, want one quote %q", qs, tt.want)
			}
		})
	}
	for _, tt := range []struct{ name, text string }{
		{"a low comma typed for a comma", "The band‚ formed in the 1990‚s‚ played its last show in a small club downtown on Friday."},
		{"apostrophes", "It's the users' choice, the company's lawyers said, and it won't change ’til spring at the earliest."},
		{"a closing mark after a word", "He called it a ”fine idea” and then left the room without saying another word about it."},
		{"a Swedish mark in a paragraph with English marks", "“We will see,” she said. Then ”maybe not” was all he added after a long pause there."},
		{"an unclosed low comma", "Die Kinder spielten im Garten, ‚während die Eltern kochten und niemand zuhörte."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, q := range Quotes(tt.text) {
				if !strings.Contains(q.Text, "We will see") {
					t.Errorf("quote %q found in %q", q.Text, tt.text)
				}
			}
		})
	}
}

// TestOtherLanguageSpeakers checks that the speaker of a quotation in
// another language is read from a verb of speaking next to it and the name
// next to the verb (session 39, s39-speaker3), the fullest name the article
// gives, and that no name is taken from an "of" phrase, a pronoun with no
// speaker before it, or an object. The sentences are written for the test.
func TestOtherLanguageSpeakers(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"German, inverted verb after the quote, name made whole",
			"Die Ministerin Karla Wendt besuchte das Werk.\n„Wir werden die Arbeitsplätze hier sichern“, sagte Wendt am Abend.",
			[]string{"Karla Wendt"}},
		{"German, verb and colon before the quote",
			"Der Bürgermeister Otto Brenner hat die Pläne verteidigt.\nBrenner sagte: „Die neue Brücke wird die Stadt entlasten.“",
			[]string{"Otto Brenner"}},
		{"German, an article after the name is no particle",
			"Der Trainer Jonas Falk war nach dem Spiel enttäuscht.\n„Wir haben heute einfach nicht gut gespielt“, sagte Falk den Reportern.",
			[]string{"Jonas Falk"}},
		{"French, compound past and a title",
			"Le ministre Paul Dufresne a visité l'usine.\n« Nous allons protéger ces emplois coûte que coûte », a déclaré le ministre Paul Dufresne.",
			[]string{"Paul Dufresne"}},
		{"French, according to before the quote",
			"La maire Claire Vasseur a défendu son projet.\nSelon Claire Vasseur, « la nouvelle ligne de tramway changera la vie des habitants ».",
			[]string{"Claire Vasseur"}},
		{"French, an of phrase names a body, not a speaker",
			"Les autorités sont inquiètes.\n« Nous restons très prudents pour le moment », a déclaré le ministre des Affaires sociales.",
			[]string{""}},
		{"French, inverted pronoun",
			"La présidente Inès Garnier a répondu aux critiques.\n« Cette réforme est nécessaire pour le pays », a-t-elle déclaré.",
			[]string{"Inès Garnier"}},
		{"Polish",
			"Minister Jan Kowalczyk odwiedził fabrykę.\n„Zrobimy wszystko, aby utrzymać te miejsca pracy”, powiedział Kowalczyk.",
			[]string{"Jan Kowalczyk"}},
		{"Spanish",
			"El ministro Pedro Salcedo visitó la fábrica.\n«Vamos a proteger estos empleos», dijo Salcedo ante los trabajadores.",
			[]string{"Pedro Salcedo"}},
		{"Chinese, name before the verb and colon",
			"王建国部长周一访问了工厂。\n王建国表示：“我们将尽一切努力保护这些工作岗位。”",
			[]string{"王建国"}},
		{"Chinese, a clause before the name and a pronoun after",
			"在北京工作的李明说：“这个计划对整个城市都非常重要。”\n他说：“我们会继续努力。”",
			[]string{"李明", "李明"}},
		{"Chinese, name and verb after the quote, an adverb with 地",
			"“我们会继续努力。”张华认真地说。",
			[]string{"张华"}},
		{"Chinese, a pronoun with a modal is no name",
			"比如，它能回答“明天会下雨吗？”",
			[]string{""}},
		{"Japanese, topic particle and と",
			"田中大臣は月曜日に工場を訪れた。\n田中氏は「雇用を守るために全力を尽くす。」と述べた。",
			[]string{"田中"}},
		{"a verb no rule reads is no continuation of the speaker before",
			"„Wir sind bereit für die neue Saison“, sagte Jonas Falk.\n„Das wird schwer für alle Gegner“, meldete sich Karla Wendt, die Kapitänin.",
			[]string{"Jonas Falk", ""}},
	})
}

// TestHanLabelsAreNoQuotes checks that a phrase in quotation marks in
// Chinese or Japanese text that ends no sentence and is credited to no one
// (a product's name, a phrase) is no quotation, and that one in a sentence
// with a verb of speaking is kept (session 39, s39-speaker3). The
// sentences are written for the test.
func TestHanLabelsAreNoQuotes(t *testing.T) {
	if qs := Quotes("公司周二发布了新的安全应用“云端防护卫士专业版本”，售价为二十元。"); len(qs) != 0 {
		t.Errorf("a product's name read as a quote: %+v", qs)
	}
	if qs := Quotes("王明补充说，这种新材料“容易在夏天的高温下变软变形”。"); len(qs) != 1 {
		t.Errorf("a quoted phrase of a speaker's report dropped: %+v", qs)
	}
}

// FuzzOtherLanguageSpeaker checks on any text that the rules of
// otherlang.go never panic and give a speaker made only of the text's own
// characters.
func FuzzOtherLanguageSpeaker(f *testing.F) {
	for _, s := range []string{"„Wir kommen“, sagte Falk.", "« Oui », a-t-il dit.", "王明表示：“好。”", "田中氏は「はい。」と述べた。",
		"”Ja”, sa Lind.", "‚a‘", "»x«", "“”他说", "「」と", "Selon , « x »", "(（"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, q := range Quotes(s) {
			for _, r := range q.Speaker {
				if r != ' ' && !containsFolded(s, r) {
					t.Fatalf("speaker %q of %q holds %q, not in the text", q.Speaker, s, r)
				}
			}
		}
	})
}

// containsFolded reports whether s holds r in either case: a transcript's
// label in capitals ("REYES:") names its speaker in title case.
func containsFolded(s string, r rune) bool {
	return strings.ContainsFunc(s, func(c rune) bool { return unicode.ToLower(c) == unicode.ToLower(r) })
}

// TestItalianPronounAfterQuote checks that "ha detto lui" after a
// quotation introduced by "Poi:" gives the man named before, not "Poi".
// Written for the test.
func TestItalianPronounAfterQuote(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"lui", "Il sindaco Marco Rossi ha parlato alla stampa.\n\nPoi: «Costruiremo un nuovo ponte sul fiume entro due anni», ha detto lui.",
			[]string{"Marco Rossi"}},
	})
}

// TestVerbOfTheNextSentence checks that a verb of speaking that opens the
// sentence after a labelled quotation ("Ana Gómez: «…» Dijo luego Luis
// Ortega que …") does not take the label's quotation, and that a Japanese
// 「…」という ("called") is no attribution to the name after it. Written
// for the test.
func TestVerbOfTheNextSentence(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"next sentence's verb", "El consejo se reunió.\n\nAna Gómez: «Vamos a construir un puente sobre el río el próximo año.» Dijo luego Luis Ortega que el dinero no alcanza.",
			[]string{"Ana Gómez"}},
		{"という", "会議が開かれた。\n\n「来年までに新しい橋を完成させる予定です」という計画について、山田氏は述べた。", nil},
	})
}

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
