package compare

import "testing"

func TestClaimsAloneNameWhoTheirPronounsMean(t *testing.T) {
	text := "Mayor Ada Marsh met Tomas Brandt on Monday.\n\n" +
		"She said the bridge would reopen in the spring after the repairs.\n\n" +
		"“We will rebuild the bridge this year,” she said.\n\n" +
		"“It will cost less than the council feared at first.”\n\n" +
		"Costs have fallen, she said, and the council agreed to the plan.\n\n" +
		"Their plans for the road were set aside until the next council meeting.\n\n" +
		"“The port stays open through the winter months,” an official said.\n\n" +
		"The council approved the harbour budget on Tuesday evening."
	r := claimReader{a: newAttributor(text, recognise(text))}
	r.quotes = r.a.quotes()
	tests := []struct {
		claim, want string
		ok          bool
	}{
		{"She said the bridge would reopen in the spring after the repairs.", "[Ada Marsh] said the bridge would reopen in the spring after the repairs.", true},
		{"“We will rebuild the bridge this year,” she said.", "“We will rebuild the bridge this year,” [Ada Marsh] said.", true},
		{"“It will cost less than the council feared at first.”", "“It will cost less than the council feared at first.” [Ada Marsh]", true},
		{"Costs have fallen, she said, and the council agreed to the plan.", "Costs have fallen, [Ada Marsh] said, and the council agreed to the plan.", true},
		{"Their plans for the road were set aside until the next council meeting.", "", false},
		{"The council approved the harbour budget on Tuesday evening.", "The council approved the harbour budget on Tuesday evening.", true},
	}
	for _, tt := range tests {
		got, ok := r.alone(tt.claim)
		if got != tt.want || ok != tt.ok {
			t.Errorf("alone(%q) = %q, %v; want %q, %v", tt.claim, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSharedFactsNameOnlyTheirQuotesSpeakers(t *testing.T) {
	text := "Mayor Ada Marsh met Tomas Brandt on Monday.\n\n" +
		"She said the bridge would reopen in the spring after the repairs.\n\n" +
		"“We will rebuild the bridge this year,” she said."
	r := claimReader{a: newAttributor(text, recognise(text))}
	r.quotes = r.a.quotes()
	tests := []struct{ claim, want string }{
		{"She said the bridge would reopen in the spring after the repairs.", "She said the bridge would reopen in the spring after the repairs."},
		{"“We will rebuild the bridge this year,” she said.", "“We will rebuild the bridge this year,” [Ada Marsh] said."},
	}
	for _, tt := range tests {
		if got, ok := r.quoteNamed(tt.claim); got != tt.want || !ok {
			t.Errorf("quoteNamed(%q) = %q, %v; want %q", tt.claim, got, ok, tt.want)
		}
	}
}

func TestClaimsAloneLeaveAPronounForSomeoneTheyName(t *testing.T) {
	text := "Jim Mattis resigned on Thursday.\n\nHe called Mr. Mattis an island of stability in the administration."
	r := claimReader{a: newAttributor(text, recognise(text))}
	r.quotes = r.a.quotes()
	if got, ok := r.alone("He called Mr. Mattis an island of stability in the administration."); ok {
		t.Errorf("alone = %q, true; want the claim left out (He is not Mattis)", got)
	}
}

// A sentence cut short by its feed ends in an ellipsis after a word or a
// figure: it is no claim of the article's own. One that ends with a full
// stop before the ellipsis, or has none, stands.
func TestACutOffSentenceIsNoClaim(t *testing.T) {
	for _, tt := range []struct {
		claim string
		want  bool
	}{
		{"The new governor has had mixed results on...", false},
		{"Air Force units: 57% fully vaccinated, 64%…", false},
		{"The council will meet again on Tuesday, its chair said...", false},
		{"The meeting could run late into the night....", true},
		{"The council will meet again on Tuesday.", true},
	} {
		_, ok := claimReader{}.alone(tt.claim)
		if ok != tt.want {
			t.Errorf("alone(%q) = %v, want %v", tt.claim, ok, tt.want)
		}
	}
}

func TestClaimSpanReadsFromTheFirstSentenceToTheLast(t *testing.T) {
	text := "“Will the ferry run?” the clerk asked.\n\n" +
		"“Will the ferry run?  No.” Mayor Ada Marsh said on Monday.\n\n" +
		"She wrote “No.” on the sign.  “No.”"
	r := claimReader{a: newAttributor(text, recognise(text))}
	run := func(ss ...string) []sentenceRef {
		out := make([]sentenceRef, len(ss))
		for i, s := range ss {
			out[i] = sentenceRef{text: s}
		}
		return out
	}
	tests := []struct {
		run  []sentenceRef
		want string
	}{
		// the closing "“No.”" is also inside the first: the span reaches the one after it
		{run("She wrote “No.” on the sign.", "“No.”"), "She wrote “No.” on the sign.  “No.”"},
		// "“Will the ferry run?" is first written where the last does not follow in its paragraph
		{run("“Will the ferry run?", "No.” Mayor Ada Marsh said on Monday."),
			"“Will the ferry run?  No.” Mayor Ada Marsh said on Monday."},
		{run("“No.”"), "“No.”"},
		// not in one paragraph: the sentences joined
		{run("“Will the ferry run?” the clerk asked.", "She wrote “No.” on the sign."),
			"“Will the ferry run?” the clerk asked. She wrote “No.” on the sign."},
	}
	for _, tt := range tests {
		if got := r.span(tt.run); got != tt.want {
			t.Errorf("span(%q...) = %q; want %q", tt.run[0].text, got, tt.want)
		}
	}
}
