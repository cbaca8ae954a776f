package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// reassignStream is an undated stream of two fires of one kind: a warehouse
// fire at the Brantley docks, and a fire at the Orwell mill. The mill's
// first report comes second, when only the warehouse's story is open, and
// is mostly the words of any fire (it joins that story); the mill's later
// reports name the mill, its owners and its street, and form a story of
// their own beside it.
var reassignStream = []news.Article{
	{ID: "dock-1", Title: "Fire destroys warehouse at Brantley docks", Text: "A fire destroyed a warehouse at the Brantley docks overnight. Firefighters fought the blaze for six hours, and smoke closed the harbour road. The warehouse stored timber for the Halvard shipping line."},
	{ID: "mill-1", Title: "Fire crews fight blaze overnight", Text: "Firefighters fought a blaze for hours overnight, and smoke closed a road. Fire crews said the building was destroyed. The fire at the Orwell wool mill on Tanner Street, owned by the Pryce family, started in a storeroom."},
	{ID: "dock-2", Title: "Brantley docks warehouse fire: Halvard timber lost", Text: "The Halvard shipping line lost its timber stock when fire destroyed its warehouse at the Brantley docks. The harbour road reopened after firefighters put out the blaze."},
	{ID: "mill-2", Title: "Orwell mill gutted in storeroom fire on Tanner Street", Text: "The Orwell mill on Tanner Street was gutted by a fire that started in a storeroom, its owners, the Pryce family, said. The mill had spun wool since 1880."},
	{ID: "mill-3", Title: "Pryce family vows to rebuild Orwell mill", Text: "The Pryce family said it would rebuild the Orwell mill on Tanner Street after the storeroom fire. Wool spinning at the mill had gone on since 1880."},
}

func runReassignStream(t *testing.T, m *Model) (map[string]string, []string) {
	t.Helper()
	c := New(Options{Model: m})
	story := map[string]string{}
	for _, a := range reassignStream {
		story[a.ID] = c.Add(a).StoryID
	}
	c.Finish()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	var reasons []string
	for _, ch := range chs {
		reasons = append(reasons, ch.Reason)
	}
	return story, reasons
}

// reassignModel is a join model on the average-link cosine alone (a join
// probability of 0.2 at a cosine of about 0.26), with the lone-article step
// at ratio 1.25 and floor 0.05 when lone; merges are left out (a merge
// threshold no pair of the fixture reaches), and so are regrouping's moves.
func reassignModel(t *testing.T, lone bool) *Model {
	t.Helper()
	step := `,"lone_ratio":1.25,"lone_floor":0.05`
	if !lone {
		step = ""
	}
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-4},"join_threshold":0.2,"merge_threshold":0.95` + step + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAnArticlePlacedBeforeItsStoryFormedMovesThereAtTheEnd(t *testing.T) {
	before, _ := runReassignStream(t, reassignModel(t, false))
	if before["mill-1"] != before["dock-1"] || before["mill-2"] != before["mill-3"] || before["mill-2"] == before["dock-1"] || before["dock-1"] != before["dock-2"] {
		t.Fatalf("without the step the mill's first report should stay in the warehouse's story beside the mill's own: %v", before)
	}
	story, reasons := runReassignStream(t, reassignModel(t, true))
	if story["mill-1"] != story["mill-2"] {
		t.Errorf("the mill's first report is in %s, not the mill's story %s (changes %q)", story["mill-1"], story["mill-2"], reasons)
	}
	if story["dock-1"] != story["dock-2"] || story["dock-1"] == story["mill-2"] {
		t.Errorf("the two fires' stories changed otherwise: %v", story)
	}
	if len(reasons) != 1 || !strings.Contains(reasons[0], "mill-1 is") || !strings.Contains(reasons[0], "as to the rest of") {
		t.Errorf("changes %q, want the one move of mill-1", reasons)
	}
}
