package cluster

import (
	"maps"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// Two months' jobs reports, told alike: what tells them apart is the
// figure each headline states.
var (
	jobsJuly = news.Article{ID: "jul1", Title: "Velmar economy adds 943,000 jobs as unemployment falls",
		Text: "The Velmar economy added jobs at a strong pace last month and the unemployment rate fell, the labour office said in its monthly payrolls report. Hiring was strongest at restaurants and hotels."}
	jobsJulyAgain = news.Article{ID: "jul2", Title: "Velmar employers add 943K jobs, unemployment falls",
		Text: "Velmar employers added jobs at a strong pace last month and the unemployment rate fell, according to the labour office's monthly payrolls report. Restaurants and hotels hired most."}
	jobsSeptember = news.Article{ID: "sep1", Title: "Velmar economy adds 136,000 jobs as unemployment falls",
		Text: "Restaurants and hotels led hiring as the Velmar economy added jobs last month, and unemployment fell again, according to payrolls data the labour office released in its monthly report."}
	jobsSeptemberAgain = news.Article{ID: "sep2", Title: "Velmar employers add 136,000 jobs, unemployment falls",
		Text: "Hotels and restaurants hired most as Velmar employers kept adding jobs last month; the monthly payrolls report of the labour office showed unemployment falling."}
	jobsNoFigure = news.Article{ID: "none", Title: "Velmar economy adds jobs as unemployment falls",
		Text: "The Velmar economy added jobs at a strong pace last month and the unemployment rate fell, the labour office said in its monthly payrolls report."}
)

func TestLeadFiguresAreOneValueWhateverTheNotation(t *testing.T) {
	tests := []struct {
		s    string
		want []string
	}{
		{"US economy adds 943K jobs", []string{"943000"}},
		{"Payrolls increase 943,000 as the rate slides to 5.4%", []string{"5.4", "943000"}},
		{"Another 6.6 million people filed, and 1.5m more", []string{"1.5e+06", "6.6e+06"}},
		{"a $1.9T bill, the $1.9 trillion bill", []string{"1.9e+12"}},
		{"in 2020, at 5 m, 12 mm of rain", []string{"12"}},                            // a year, one digit, and "mm" is no scale
		{"a $10bn plan, the $10 bn plan, 15 mn people", []string{"1.5e+07", "1e+10"}}, // two-letter scales after a space
		{"Firm cuts 2,000 jobs in 2024", []string{"2000"}},                            // a thousands comma is no year's
		{"jobs at 1,000,000", []string{"1e+06"}},                                      // a figure at the string's end
	}
	for _, tt := range tests {
		got := map[string]bool{}
		leadFiguresOf(tt.s, got)
		if keys := slices.Sorted(maps.Keys(got)); !slices.Equal(keys, tt.want) {
			t.Errorf("%q: figures %v, want %v", tt.s, keys, tt.want)
		}
	}
}

func TestLeadFiguresAreTheHeadlines(t *testing.T) {
	f, _ := featuresOf(news.Article{ID: "x", Title: "Economy adds 136,000 jobs", Text: "Employers added 136,000 jobs. Last month's figure, 250,000, was revised."})
	if len(f.leadFigs) != 1 {
		t.Errorf("lead figures %v, want the headline's one (the text's are background as often)", f.leadFigs)
	}
}

func TestContradictionIsAnotherHeadlineFigure(t *testing.T) {
	c := New(Options{})
	c.Add(jobsJuly)
	s := c.stories[StoryID("jul1")]
	for _, tt := range []struct {
		a    news.Article
		want float64
	}{
		{jobsSeptember, 1},
		{jobsJulyAgain, 0}, // 943K is 943,000
		{jobsNoFigure, 0},
	} {
		f, _ := featuresOf(tt.a)
		if got := contradiction(&f, s); got != tt.want {
			t.Errorf("%s against July's story: contradiction %v, want %v", tt.a.ID, got, tt.want)
		}
	}
	withDay := jobsSeptember
	withDay.Text = "The Velmar economy added jobs at a steady pace on Friday. " + withDay.Text
	c.Add(news.Article{ID: "jul3", Title: jobsJuly.Title, Text: "The Velmar economy added jobs on Tuesday. " + jobsJuly.Text})
	f, _ := featuresOf(withDay)
	if got := contradiction(&f, c.stories[StoryID("jul1")]); got != 2 {
		t.Errorf("another day and another figure: contradiction %v, want 2 (each multiplies the odds)", got)
	}
}

// The two months' reports each make a story (the join reads the clash),
// and the merge step, which reads it too, does not put them together at
// the end of the stream; without the contradiction's weight it does, and
// it merges reports of one month however their figures are written.
func TestMergeStepKeepsTwoOccasionsApart(t *testing.T) {
	for _, w := range []string{"0", "4"} {
		m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.3,"contradiction":` + w + `}`))
		if err != nil {
			t.Fatal(err)
		}
		c := New(Options{Model: m})
		story := map[string]string{}
		for _, a := range []news.Article{jobsJuly, jobsJulyAgain, jobsSeptember, jobsSeptemberAgain} {
			story[a.ID] = c.Add(a).StoryID
		}
		c.Finish()
		ApplyChanges(story, c.TakeChanges())
		if story["jul1"] != story["jul2"] || story["sep1"] != story["sep2"] {
			t.Errorf("weight %s: one month's reports apart: %v", w, story)
		}
		if together := story["jul1"] == story["sep1"]; together != (w == "0") {
			t.Errorf("weight %s: July's and September's reports in one story: %v, want %v (%v)", w, together, w == "0", story)
		}
	}
}
