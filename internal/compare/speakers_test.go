package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestSpeakers checks who the quotes of short articles are given to. The
// articles are written for the test; each case is one way news attributes
// words.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // speaker of each quote, in order
	}{
		{"name after the quote",
			"“We will rebuild the bridge this year,” Mayor Ada Marsh said on Monday.",
			[]string{"Ada Marsh"}},
		{"verb before the name",
			"“We will rebuild the bridge this year,” said Ada Marsh, the mayor of Calder.",
			[]string{"Ada Marsh"}},
		{"name and verb before the quote",
			"Ada Marsh, the mayor, told reporters: “We will rebuild the bridge this year.”",
			[]string{"Ada Marsh"}},
		{"pronoun of the right gender",
			"Ada Marsh met Tomas Brandt on Monday. Mr. Brandt said little.\n\n“We will rebuild the bridge this year,” she said.",
			[]string{"Ada Marsh"}},
		{"pronouns go on with the speaker of the quotes before",
			"Tomas Brandt spoke first.\n\n“The bridge is closed,” Mr. Brandt said. Saying Ada Marsh had agreed, he said it was “the only safe choice for now.”\n\n“We will rebuild it,” he added.",
			[]string{"Tomas Brandt", "Tomas Brandt", "Tomas Brandt"}},
		{"a surname with a title is the person of that gender",
			"Bill Clinton and Hillary Rodham Clinton released their returns.\n\n“We have been fortunate in every way,” Mrs. Clinton said.",
			[]string{"Hillary Rodham Clinton"}},
		{"a surname alone is the person named most",
			"Ted Cruz spoke in Houston. Ted Cruz had criticised a photo of his wife, Heidi Cruz.\n\n“I will tell the truth,” Cruz said.",
			[]string{"Ted Cruz"}},
		{"a quote continued in the next paragraph",
			"“The bridge is closed until spring,” said Ada Marsh.\n\n“We will rebuild it with the money we have.”",
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a dash and a name",
			"“The bridge was the heart of this town and now it is gone.” ― Tomas Brandt",
			[]string{"Tomas Brandt"}},
		{"according to",
			"According to Ada Marsh, “the bridge will be rebuilt before the winter.”",
			[]string{"Ada Marsh"}},
		{"a description with the person's title",
			"Senator Ada Marsh visited the site with Tomas Brandt.\n\n“This bridge will be rebuilt,” the senator said.",
			[]string{"Ada Marsh"}},
		{"a description of a person by GloVe",
			"The board said Tomas Brandt will lead the rebuilding of the bridge.\n\n“The bridge comes first,” the engineer said.",
			[]string{"Tomas Brandt"}},
		{"no one named: no speaker",
			"“The bridge will stay closed for a year,” a spokesman said.",
			[]string{""}},
		{"a place is never the speaker",
			"In the Rose Garden, “we will build the wall very quickly,” the crowd heard.",
			[]string{""}},
		{"a document is not a person",
			"Ada Marsh spoke on Monday.\n\n“The bridge is unsafe for any traffic,” the report said.",
			[]string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Quotes(tt.text)
			var got []string
			for _, q := range qs {
				got = append(got, q.Speaker)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("quotes = %+v, want %d", qs, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d %q: speaker %q, want %q", i, qs[i].Text, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestEntityVariantsMerge checks that the forms of one name are one entity
// with the fullest name, and that titles and sentence openers stay out.
func TestEntityVariantsMerge(t *testing.T) {
	text := "President Donald J. Trump spoke in Texas on Friday. But Mr. Trump said little.\n\n" +
		"While Trump spoke, Goldman Sachs said it would not comment. House Speaker Nancy Pelosi left.\n\n" +
		"Among the guests was Trump's lawyer."
	ents := DefaultRecogniser().Entities(text)
	byName := map[string]Entity{}
	for _, e := range ents {
		byName[e.Name] = e
	}
	trump, ok := byName["Donald J. Trump"]
	if !ok || trump.Kind != news.Person || len(trump.Mentions) != 4 {
		t.Errorf("Donald J. Trump = %+v, want a person with 4 mentions; all: %+v", trump, ents)
	}
	for name, kind := range map[string]news.EntityKind{"Nancy Pelosi": news.Person, "Goldman Sachs": news.Org, "Texas": news.Place} {
		if e, ok := byName[name]; !ok || e.Kind != kind {
			t.Errorf("%s = %+v, want a %s; all: %+v", name, e, kind, ents)
		}
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			for _, bad := range []string{"But", "While", "Among", "President", "House Speaker", "Mr", "Donald J"} {
				if m.Text == bad || len(m.Text) > len(bad) && m.Text[:len(bad)+1] == bad+" " {
					t.Errorf("mention %q of %q starts with %q", m.Text, e.Name, bad)
				}
			}
		}
	}
}

func TestQuantitiesIn(t *testing.T) {
	tests := []struct {
		sentence string
		want     []Quantity
	}{
		{"Agents made 520,000 border arrests last year, up 30 percent.", []Quantity{
			{Text: "520,000", Value: 520000, Counts: "border arrests last"},
			{Text: "30 percent", Value: 30, Unit: "%"}}},
		{"The 69-year-old paid $4.5 million for No. 2 in 2017.", []Quantity{
			{Text: "69-year-old", Value: 69, Unit: "years old"},
			{Text: "$4.5 million", Value: 4.5e6, Unit: "$", Counts: ""}}},
		{"The vote is on Oct. 5.", []Quantity{{Text: "Oct. 5", Value: 5, Unit: "date"}}},
		{"No numbers here.", nil},
	}
	for _, tt := range tests {
		got := QuantitiesIn(tt.sentence, 0)
		if len(got) != len(tt.want) {
			t.Errorf("QuantitiesIn(%q) = %+v, want %+v", tt.sentence, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("QuantitiesIn(%q)[%d] = %+v, want %+v", tt.sentence, i, got[i], tt.want[i])
			}
		}
	}
}
