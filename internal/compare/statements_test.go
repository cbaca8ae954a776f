package compare

import "testing"

func TestDifferentStatements(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want bool
	}{
		{"two quotes of one speaker with other words",
			"“Today the harbour opens again to every fishing boat,” Mayor Ana Ruiz said.",
			`Mayor Ana Ruiz, a Liberal, said the plan "will cost the town nothing and bring back tourists."`, true},
		{"one statement quoted in overlapping parts",
			"“Today the harbour opens again to every fishing boat,” Mayor Ana Ruiz said.",
			`"The harbour opens again today," the mayor said on Monday.`, false},
		{"a reported fact with a short quoted label",
			"The council voted 7-2 to reopen the harbour, calling it “long overdue.”",
			"Councillors reopened the harbour by a 7-2 vote after a “heated debate.”", false},
		{"a quotation against a sentence without one",
			"“Today the harbour opens again to every fishing boat,” Mayor Ana Ruiz said.",
			"Mayor Ana Ruiz reopened the harbour on Monday.", false},
		{"a quotation continued from the sentence before",
			`Was told to close it in May but refused," Ruiz wrote on Twitter.`,
			"“Today the harbour opens again to every fishing boat,” Mayor Ana Ruiz said.", true},
		{"tokenised quote marks",
			"`` We will rebuild the pier by spring , '' Ruiz said .",
			"`` The fishing fleet lost twelve boats in the storm , '' Ruiz said .", true},
		{"German marks",
			"„Wir bauen den Hafen bis zum Frühjahr wieder auf“, sagte Bürgermeisterin Ana Ruiz am Montag.",
			"„Die Flotte hat im Sturm zwölf Boote verloren“, sagte Ruiz.", true},
		{"French marks, one statement",
			"« Le port rouvre aujourd’hui à tous les bateaux de pêche », a déclaré la maire Ana Ruiz.",
			"« Le port rouvre aujourd’hui », a dit la maire.", false},
	}
	for _, c := range cases {
		if got := DifferentStatements(c.a, c.b); got != c.want {
			t.Errorf("%s: DifferentStatements = %v, want %v (%v / %v)", c.name, got, c.want, quotedStems(c.a), quotedStems(c.b))
		}
	}
}

// TestQuotedPartsEndAtTheirClosingMark: the words after a German or French
// quotation are the sentence's own, not quoted.
func TestQuotedPartsEndAtTheirClosingMark(t *testing.T) {
	for _, s := range []string{
		"„Wir bauen den Hafen wieder auf“, sagte Bürgermeisterin Ruiz in Berlin.",
		"« Nous reconstruisons le port », a déclaré la maire Ruiz à Berlin.",
	} {
		q := quotedStems(s)
		if q.quoted[stem5("berlin")] || q.quoted[stem5("ruiz")] || !q.quoted[stem5("hafen")] && !q.quoted[stem5("port")] {
			t.Errorf("%s: quoted %v", s, q.quoted)
		}
	}
}

func TestSameFactVetoesDifferentQuotations(t *testing.T) {
	a := "“Today the harbour opens again to every fishing boat,” Mayor Ana Ruiz said."
	b := `Mayor Ana Ruiz said the plan "will cost the town nothing and bring back tourists."`
	if same, _ := Same(Fact, a, b); same {
		t.Errorf("Same(Fact) says two different quotations state one fact")
	}
}

// TestDecideIsSamesDecision: a probability from a model fitted elsewhere is
// decided as Same decides the built-in model's, with the same floor of
// shared words and the same veto of different quotations.
func TestDecideIsSamesDecision(t *testing.T) {
	pairs := [][2]string{
		{"The harbour reopened on Monday after a week of repairs.", "After a week of repairs, the harbour reopened on Monday."},
		{"The harbour reopened on Monday after a week of repairs.", "Wheat prices fell sharply in Chicago trading."},
		{"“Today the harbour opens again to every fishing boat,” Mayor Ana Ruiz said.",
			`Mayor Ana Ruiz said the plan "will cost the town nothing and bring back tourists."`},
	}
	for _, p := range pairs {
		for _, mode := range []Mode{Fact, Paraphrase} {
			same, prob := Same(mode, p[0], p[1])
			if got := Decide(mode, prob, Model(mode).Threshold, p[0], p[1]); got != same {
				t.Errorf("%s %q / %q: Decide %v, Same %v", mode, p[0], p[1], got, same)
			}
		}
	}
	// No probability makes two sentences without shared words one fact.
	if Decide(Fact, 1, 0.5, pairs[1][0], pairs[1][1]) {
		t.Errorf("Decide: sentences sharing no words decided the same")
	}
	if Decide(Fact, 1, 0.5, pairs[2][0], pairs[2][1]) {
		t.Errorf("Decide: two different quotations decided one fact")
	}
	if !Decide(Fact, 1, 0.5, pairs[0][0], pairs[0][1]) {
		t.Errorf("Decide: a reordered sentence over the threshold not decided the same")
	}
	// One statement quoted in overlapping parts is not vetoed.
	if !Decide(Fact, 1, 0.5, pairs[2][0], `"The harbour opens again today," Mayor Ana Ruiz said on Monday.`) {
		t.Errorf("Decide: one quotation in overlapping parts vetoed as two statements")
	}
}
