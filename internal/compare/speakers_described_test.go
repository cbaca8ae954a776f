package compare

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestSpeakerIsTheDescribedInstitutionOrRole checks quotes credited to a
// body or a role the article describes in lower case and never names: the
// description is the speaker, as the article writes it, with its owner
// when given; a role whose holder the article names stays that person;
// unnamed people and a pronoun's relative stay without a speaker. The
// articles are written for the test.
func TestSpeakerIsTheDescribedInstitutionOrRole(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a ministry",
			"Storms hit the coast of Varden on Monday.\n\n“We are watching the rivers closely,” the ministry said.",
			[]string{"the ministry"}},
		{"a foreign office with a statement after the verb",
			"Talks stalled in Calderon.\n\n“No deal was reached at this stage,” the foreign office said in a statement.",
			[]string{"the foreign office"}},
		{"police with no article",
			"A man was held after the fire on Elm Street.\n\n“The suspect was detained at the scene,” police said.",
			[]string{"police"}},
		{"police opening the sentence before the quote",
			"A man was held after the fire on Elm Street.\n\nPolice said: “The suspect was detained at the scene.”",
			[]string{"Police"}},
		{"a town's police, not the town",
			"A storm hit Calderon on Monday.\n\n“Three people died,” Calderon police said.",
			[]string{"Calderon police"}},
		{"a spokesman for an institution described",
			"Troops moved north overnight.\n\n“The operation is going to plan,” a spokesman for the army said.",
			[]string{"the army"}},
		{"an institution's spokeswoman, the verb first",
			"The ferry sank near the pier.\n\n“Everyone was rescued,” said a police spokeswoman.",
			[]string{"police"}},
		{"a company described, none named",
			"Shares of the chain fell sharply.\n\n“We will review the plan,” the company said.",
			[]string{"the company"}},
		{"the country's ministry keeps its owner as written",
			"Clashes broke out near the river.\n\n“Two soldiers were wounded,” the country's defence ministry said.",
			[]string{"the country's defence ministry"}},
		{"a named owner's ministry, not the owner",
			"Clashes broke out near the river.\n\n“Two soldiers were wounded,” Varden's defence ministry said.",
			[]string{"Varden's defence ministry"}},
		{"a ministry of",
			"The talks failed.\n\n“We regret the decision,” the ministry of foreign affairs said.",
			[]string{"the ministry of foreign affairs"}},
		{"an opening phrase before the subject",
			"The storm hit Calderon.\n\nIn a statement on Monday, the health ministry said: “Three people died.”",
			[]string{"the health ministry"}},
		{"a clause joined by and",
			"In 2019, the bank was robbed, and the company said in a statement that “all accounts were safe” after the raid.",
			[]string{"the company"}},
		{"a clause joined after the quote is no attribution",
			"Within days, the general believed that “the war is over,” the old flag was lowered, and the government announced new elections.",
			[]string{""}},
		{"a role no one named holds",
			"The blaze destroyed the warehouse.\n\n“It was definitely deliberate,” the fire chief said.",
			[]string{"the fire chief"}},
		{"a role after the verb, a participle after the comma",
			"The plan was unveiled on Monday.\n\n“We will act now,” said the president, speaking about his plan.",
			[]string{"the president"}},
		{"a role after the verb, a participle after the comma, its holder named",
			"President Ada Marsh unveiled the plan on Monday.\n\n“We will act now,” said the president, speaking about her plan.",
			[]string{"Ada Marsh"}},
		{"a vice president is no holder of the presidency",
			"President Ada Marsh unveiled the plan on Monday. The review was led by Vice President Tomas Brandt.\n\n“We will act now,” the president said.",
			[]string{"Ada Marsh"}},
		{"a role whose holder the article names is the holder",
			"Prime Minister Jane Okafor arrived in the capital on Tuesday.\n\nThe talks lasted four hours.\n\n“We made real progress,” the prime minister said.",
			[]string{"Jane Okafor"}},
		{"an age whose person the article names is the person",
			"Tomas Brandt was charged with theft on Monday.\n\n“I am innocent,” the 45-year-old said.",
			[]string{"Tomas Brandt"}},
		{"unnamed officials stay without a speaker",
			"Flooding closed three roads.\n\n“Crews are working through the night,” officials said.",
			[]string{""}},
		{"an unnamed officer stays without a speaker",
			"The man fell from the bridge.\n\n“He was pulled out alive,” the officer said.",
			[]string{""}},
		{"a pronoun's lawyer stays without a speaker",
			"The man fell from the bridge.\n\n“He was pulled out alive,” his lawyer said.",
			[]string{""}},
		{"a statement issued, a participle after it",
			"The storm hit Calderon.\n\nThe ministry issued a statement, saying: “Three people died.”",
			[]string{""}},
	})
}

// TestDescribedSpeakerShapes checks which subjects describedSpeaker reads
// as one description of a body or a role.
func TestDescribedSpeakerShapes(t *testing.T) {
	tests := []struct{ subj, want string }{
		{"the ministry", "the ministry"},
		{"The Varden interior ministry", "the Varden interior ministry"},
		{"Police", "police"},
		{"local police", "local police"},
		{"an army spokesman", "the army"},
		{"a company spokeswoman", "the company"},
		{"a spokesman", ""},
		{"the ministry also", ""},
		{"the ministry and the army", ""},
		{"his office", ""},
		{"the official", ""},
		{"the source", ""},
		{"the 45-year-old", ""},
		{"the newspaper", ""},
		{"officials", ""},
		{"the president of Acme", ""},
		{"the crowd", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := describedSpeaker(tt.subj); got != tt.want {
			t.Errorf("describedSpeaker(%q) = %q, want %q", tt.subj, got, tt.want)
		}
	}
}

// TestNamedSpeakerWinsOverDescription checks that a quotation found in two
// articles, one crediting a described body and one naming it, is shown
// with the name whichever article comes first.
func TestNamedSpeakerWinsOverDescription(t *testing.T) {
	a := news.Article{ID: "a", Text: "Storms hit the coast of Varden on Monday.\n\n“We are watching the rivers closely,” the ministry said."}
	b := news.Article{ID: "b", Text: "Storms hit the coast of Varden on Monday.\n\n“We are watching the rivers closely,” the Varden Water Ministry said."}
	for _, arts := range [][]news.Article{{a, b}, {b, a}} {
		c := Compare(arts)
		if len(c.Quotes) != 1 || c.Quotes[0].Speaker != "Varden Water Ministry" {
			t.Errorf("quotes = %+v, want one quote of the Varden Water Ministry", c.Quotes)
		}
	}
}

// FuzzDescribedSpeaker checks that any subject text gives either no
// description or one made of the subject's own words (a leading article
// or a lone word lower-cased, "the" before a spokesperson's body added).
func FuzzDescribedSpeaker(f *testing.F) {
	for _, s := range []string{"the ministry", "Police", "a spokesman for the army", "Varden's defence ministry",
		"In a statement, the health ministry", "the ministry of foreign affairs", "an army spokesman", "’s", "the 's", ", ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, subj string) {
		got := describedSpeaker(subj)
		if got == "" {
			return
		}
		lower := strings.ToLower(subj)
		for _, w := range strings.Fields(got) {
			if w != "the" && !strings.Contains(lower, strings.ToLower(w)) {
				t.Fatalf("describedSpeaker(%q) = %q: %q is not in the subject", subj, got, w)
			}
		}
	})
}
