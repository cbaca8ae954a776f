package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestCoordinatedNames: two people written with one surname are two
// people of that surname; a person named on her own before "and" is not
// given the next person's surname.
func TestCoordinatedNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the article's entity names, sorted
	}{
		{"a couple at a sentence's start",
			"Bill and Melinda Gates said on Monday that they were ending their marriage. Melinda Gates spoke first.",
			[]string{"Bill Gates", "Melinda Gates"}},
		{"a first name the lexicon lists, mid-sentence",
			"The award went to Hillary and Tomas Brandt, who run a clinic. Brandt said the prize would fund a new wing.",
			[]string{"Hillary Brandt", "Tomas Brandt"}},
		{"a foundation named after both keeps both",
			"The money came from the Bill and Melinda Gates Foundation, which funds vaccine research.",
			[]string{"Bill and Melinda Gates Foundation"}},
		{"a surname of its own before and",
			"Senator Ada Marsh met Pelosi on Monday. Later, Pelosi and Chuck Schumer spoke to reporters.",
			[]string{"Ada Marsh", "Chuck Schumer", "Pelosi"}},
		{"a surname the article writes after a first name",
			"Two officers, Crystal Griner and David Bailey, were hurt. Griner and David Bailey were later honoured.",
			[]string{"Crystal Griner", "David Bailey"}},
		{"a group, a place or an acronym before and is no first name",
			"On Monday, Democrats and John McCain agreed. Nurses and Jill Biden met. Russia and Vladimir Putin said no.",
			[]string{"Jill Biden", "John McCain", "Russia", "Vladimir Putin"}},
		{"a day is no first name",
			"Bill Bradley quit the race Thursday and John McCain halted his campaign.",
			[]string{"Bill Bradley", "John McCain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range groupMentions(recognise(tt.text)) {
				got = append(got, e.Name)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("entities = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPersonOfOrganisation: a person's name, "of" and an organisation's
// name are two entities; an organisation named "X of Y" stays whole.
func TestPersonOfOrganisation(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "name kind", sorted
	}{
		{"a reporter of a news outlet",
			"The question came from Jane Roe of Calder Valley News during the briefing on Monday.",
			[]string{"Calder Valley News org", "Jane Roe person"}},
		{"a historian of a university",
			"The speech was mostly theatre, said Alan Brinkley of Columbia University in an interview.",
			[]string{"Alan Brinkley person", "Columbia University org"}},
		{"a bank of a country stays one organisation",
			"The Bank of England raised rates on Thursday.",
			[]string{"Bank of England org"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range groupMentions(recognise(tt.text)) {
				got = append(got, e.Name+" "+string(e.Kind))
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("entities = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDefinedAcronyms: an acronym defined in parentheses after a name is
// that name, in its article and in the story's other articles; an
// acronym whose letters are not the name's initials is not.
func TestDefinedAcronyms(t *testing.T) {
	mentions := map[string][]mention{
		"a": recognise("The Calder Olympic and Paralympic Committee (COPC) said about 100 athletes remain unvaccinated. The COPC did not name them."),
		"b": recognise("About 100 athletes are not vaccinated, the COPC said on Friday, and the Calder Rowing Club (XYZ) agreed."),
	}
	var got []string
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		got = append(got, e.Name+" "+strings.Join(e.Articles, ","))
	}
	slices.Sort(got)
	want := []string{"Calder Olympic and Paralympic Committee a,b", "Calder Rowing Club b", "XYZ b"}
	if !slices.Equal(got, want) {
		t.Errorf("entities = %q, want %q", got, want)
	}
}

// TestNamesakesApart: people of one first and last name with different
// middle initials are two people, in an article and across a story; one
// middle initial beside none is one person.
func TestNamesakesApart(t *testing.T) {
	text := "Tomas Brandt served under President George W. Bush and under President George H. W. Bush before him. Bush praised him."
	var got []string
	for _, e := range groupMentions(recognise(text)) {
		if e.Kind == news.Person {
			got = append(got, e.Name)
		}
	}
	slices.Sort(got)
	if want := []string{"Bush", "George H. W. Bush", "George W. Bush", "Tomas Brandt"}; !slices.Equal(got, want) {
		t.Errorf("article people = %q, want %q", got, want)
	}
	// A middle written in full and as its initial, or a title word before
	// the first name, is one person.
	text = "George Walker Bush was sworn in. Later George W. Bush spoke."
	if es := groupMentions(recognise(text)); len(es) != 1 {
		t.Errorf("%q: entities %+v, want one person", text, es)
	}
	for name, want := range map[string]string{"Patrol Agent Rodney S. Scott": "s", "Patrol Agent Rodney Scott": "", "George Herbert Walker Bush": "h w"} {
		if got := middleInitials(nameWords(name)); got != want {
			t.Errorf("middleInitials(%q) = %q, want %q", name, got, want)
		}
	}
	mentions := map[string][]mention{
		"a": recognise("Donald J. Trump spoke on Monday. George H. W. Bush sent a letter."),
		"b": recognise("Donald Trump spoke again on Tuesday. George W. Bush sent a letter too."),
	}
	got = nil
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		if e.Kind == news.Person {
			got = append(got, e.Name+" "+strings.Join(e.Articles, ","))
		}
	}
	slices.Sort(got)
	if want := []string{"Donald J. Trump a,b", "George H. W. Bush a", "George W. Bush b"}; !slices.Equal(got, want) {
		t.Errorf("story people = %q, want %q", got, want)
	}
}

// TestEllipsisIsNoPartOfAName: a teaser cut after an initialism ("the
// U.S....") names the country, not "U.S...." as an organisation.
func TestEllipsisIsNoPartOfAName(t *testing.T) {
	es := groupMentions(recognise("The default would rattle markets across the U.S...."))
	if len(es) != 1 || es[0].Name != "U.S." && es[0].Name != "United States" || es[0].Kind != news.Place {
		t.Errorf("entities = %+v, want the United States as a place", es)
	}
}
