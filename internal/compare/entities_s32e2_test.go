package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// An award or its ceremony is no person, place or organisation ("won an
// Emmy", "host the Oscars", "the Albert Pellman Award"); a first name that
// is also an award's nickname stays the person.
func TestAnAwardIsNoEntity(t *testing.T) {
	checkKinds(t, "", []textName{
		{"Kessler won an Emmy in 2011 for hosting the show, and later wrote a novel.", "Emmy"},
		{"Jane Varden will host the Oscars next March, the academy said on Tuesday.", "Oscars"},
		{"Marta Kessel received the Albert Pellman Award for her research on malaria.", "Albert Pellman Award"},
		{"Rolf Tanner, a Tony Award winner, will direct the play in Calder.", "Tony Award"},
		{"She was nominated for a Primetime Emmy for her work on the series.", "Primetime Emmy"},
	})
	checkKinds(t, news.Person, []textName{
		{"Emmy Rossel said she was thrilled with the new contract on Monday.", "Emmy Rossel"},
		{"Tony Brennan met the prime minister on Monday. Tony said the talks went well.", "Tony Brennan"},
		{"Emmy, a nurse from Calder, said the clinic had run out of masks.", "Emmy"},
	})
}

// A first name and a common English word are a person where the article
// writes them as a person's: after a title or a role's word, before an
// apposition naming a role, or with the surname alone as a sentence's
// subject. Without such a sign a thing so named stays no person.
func TestFirstNameAndCommonWordWrittenAsAPerson(t *testing.T) {
	checkKinds(t, news.Person, []textName{
		{"The columnist George Will wrote on Sunday that the plan would fail.", "George Will"},
		{"Mark Felt, the former deputy director, died on Thursday. Felt was 95.", "Mark Felt"},
		{"Carmen Best, the city's first female chief, will step down next month.", "Carmen Best"},
		{"The judge heard from Lt. Judith Will of the city police on Tuesday.", "Judith Will"},
	})
	// A parenthetical attribution is no apposition.
	if text := "Grace Period, the officer explained, lasts ten days."; kindOf(text, "Grace Period") == news.Person {
		t.Errorf("%q: Grace Period is a person", text)
	}
	// The last word alone before a noun it qualifies is no surname.
	text := "The senator has been criticised by some Roman Catholic leaders since he spoke. He cited his Catholic faith, but bishops said he misused Catholic teaching."
	if got := kindOf(text, "Roman Catholic"); got == news.Person {
		t.Errorf("%q: Roman Catholic is a person", text)
	}
}

// In a match report a lone word the model reads as a person is the team
// where the article writes it as one ("Drake, which", "beating Bradley"
// beside such a sign); a player written "Federer, who" stays a person.
func TestTeamWrittenAsASideIsAnOrganisation(t *testing.T) {
	text := "Will Marsh had 9 rebounds for Drake, which reached the final by beating Bradley on Thursday. Drake (15-17) lost 65-53."
	for _, name := range []string{"Drake", "Bradley"} {
		if got := kindOf(text, name); got != news.Org {
			t.Errorf("%q: %s is %q, want an organisation", text, name, got)
		}
	}
	checkKinds(t, news.Person, []textName{
		{"Drake, who scored 20 points in the 80-72 win, said the team played well.", "Drake"},
		{"Drake sang at halftime of the 24-17 game, and fans cheered. Drake, a rapper from Toronto, left early.", "Drake"},
	})
}

// firstFields gives the first words as strings.Fields does, without
// splitting the rest.
func TestFirstFieldsMatchesFields(t *testing.T) {
	for _, s := range []string{"", "   ", "one", " a  b\tc\nd e f g ", "the city’s police chief, said"} {
		for n := 0; n <= 8; n++ {
			want := strings.Fields(s)
			want = want[:min(n, len(want))]
			if got := firstFields(s, n); !slices.Equal(got, want) {
				t.Errorf("firstFields(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
