package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A person the title names in full is that person where the text writes
// the surname alone, a common word the model reads as no name alone; an
// acronym after a headline's name is no surname.
func TestTitleNamesThePersonOfALoneSurname(t *testing.T) {
	text := "Team president Ed Stefanko said he met with Gravel on Friday. Gravel was one of the most popular players in club history."
	kindOfGravel := func(title string) news.EntityKind {
		for _, e := range Annotate(news.Article{ID: "x", Title: title, Text: text}).Entities {
			if e.Name == "Gravel" {
				return e.Kind
			}
		}
		return ""
	}
	if got := kindOfGravel("Coach Dorian Gravel fired by the Kessel Rovers"); got != news.Person {
		t.Errorf("the title's Dorian Gravel leaves the text's Gravel %q, want a person", got)
	}
	if got := kindOfGravel(""); got != "" {
		t.Logf("untitled, Gravel is %q", got)
	}
	if got := titleSurnames("Gupta tells Joe Rogan CNN shouldn't have said it"); got["cnn"] {
		t.Errorf("titleSurnames took the acronym CNN for a surname: %v", got)
	}
}

// A state trooper's rank is a title, no part of the name.
func TestTrooperIsATitle(t *testing.T) {
	text := "Police Capt. Tom Ardent and Senior Trooper William Kessam, both 51, died. Trooper Kessam had served 11 years."
	if e, ok := entityNamed(text, "William Kessam"); !ok || e.Kind != news.Person || len(e.Mentions) != 2 {
		t.Errorf("%q: want the person William Kessam with two mentions, got %+v (ok %v)", text, e, ok)
	}
}

// A lone word after a person's title is no organisation joined with that
// title where the article names a person with it as surname, even one the
// model read as an organisation ("Judge Alan Post ... Judge Post").
func TestTitleBeforeAPersonsSurnameIsNoOrganisation(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"Ruling\nU.S. District Judge Alan Post set a trial date. Judge Post said the case was urgent.", "Judge Post"},
		{"Ruling\nCoach Eddie House praised the defence. Coach House said the team played well.", "Coach House"},
	})
}

// A titled person's possessive before an organisation's word is the
// person's ("Prince Peter's Foundation"), not a store named for a first
// name (s31-rev2).
func TestTitledFirstNamePossessiveIsThePerson(t *testing.T) {
	text := "Prince Peter's Foundation gave money to the clinic in Dorrin on Monday."
	if got := kindOf(text, "Peter's Foundation"); got != "" {
		t.Errorf("%q: Peter's Foundation is read as a name (%s)", text, got)
	}
	if got := kindOf(text, "Peter"); got != news.Person {
		t.Errorf("%q: Peter is %q, want a person", text, got)
	}
}

// Initials right before a surname are the person's ("C.T. Vivian"), not
// an organisation beside a surname; a state's or a country's initials,
// and initials before a common word or a place's word, are not.
func TestInitialsJoinTheSurname(t *testing.T) {
	checkKinds(t, news.Person, []textName{
		{"The family announced the death of C.T. Vivian on Friday.", "C.T. Vivian"},
		{"Judge T.S. Ellis said the trial would go ahead.", "T.S. Ellis"},
	})
	checkKinds(t, news.Org, []textName{{"The U.S. Navy sent two ships.", "U.S. Navy"}})
	checkNotKind(t, news.Person, []textName{
		{"Letters can be sent to P.O. Box 7260 in the city.", "P.O. Box"},
		{"He lied about it to the F.B.I. Nothing happened after that.", "F.B.I. Nothing"},
		{"The storm hit Charleston, S.C. Rivals in the race met on Monday.", "S.C. Rivals"},
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

// "Daily" or "Weekly" after a first name is a surname ("Tom Weekly"), not
// a newspaper's word (s31-rev2).
func TestDailyAfterAFirstNameIsASurname(t *testing.T) {
	text := "Tom Weekly, a teacher in Dorrin, said the school would reopen on Monday."
	if got := kindOf(text, "Tom Weekly"); got != news.Person {
		t.Errorf("%q: Tom Weekly is %q, want a person", text, got)
	}
	paper := "The Tom Weekly reported on Monday that the school in Dorrin would reopen."
	if got := kindOf(paper, "Tom Weekly"); got != news.Org {
		t.Errorf("%q: Tom Weekly is %q, want an outlet", paper, got)
	}
}

// A scraped link's label ("Opens a New Window") is no name, nor part of
// the name before it.
func TestLinkLabelIsNoName(t *testing.T) {
	text := "Sen. Maria Lopez Opens a New Window said the bill would fail."
	checkKinds(t, news.Person, []textName{{text, "Maria Lopez"}})
	checkKinds(t, "", []textName{{text, "New Window"}, {text, "Maria Lopez Opens"}})
	checkKinds(t, "", []textName{
		{"The museum Opens a new wing on Friday, the director said.", "Opens"},
	})
}
