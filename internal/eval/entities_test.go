package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestEntityNamesMatch(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Trump", "Donald J. Trump", true},
		{"Donald Trump", "Donald J. Trump", false}, // not a run of the other's words
		{"U.S.", "U.S.", true},
		{"New York", "York", true},
		{"Cheney", "Liz", false},
	} {
		if got := entityNamesMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("entityNamesMatch(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestRunEntitiesScoresUniqueNames scores a document written for the test:
// its unique names, a match when one is a run of the other and the kinds
// agree.
func TestRunEntitiesScoresUniqueNames(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.ner.jsonl")
	text := "Ada Marsh , the mayor of Calder , met Marsh Holdings on Monday . Marsh said the Calder Harbour Authority would pay ."
	doc := `{"id":"d1","text":"` + text + `","entities":[` +
		`{"start":0,"end":9,"kind":"person","text":"Ada Marsh"},` +
		`{"start":25,"end":31,"kind":"place","text":"Calder"},` +
		`{"start":38,"end":52,"kind":"org","text":"Marsh Holdings"},` +
		`{"start":66,"end":71,"kind":"person","text":"Marsh"},` +
		`{"start":81,"end":104,"kind":"org","text":"Calder Harbour Authority"}]}`
	os.WriteFile(path, []byte(doc+"\n"), 0o644)
	rep, err := RunEntities(path, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	gold := rep.All.Found + rep.All.FN
	if gold != 5 {
		t.Errorf("gold names counted %d, want 5 (unique per kind)", gold)
	}
	if rep.All.R < 0.6 || rep.All.P < 0.6 {
		t.Errorf("P %.2f R %.2f on a plain document; errors %+v", rep.All.P, rep.All.R, rep.Errors)
	}
	if _, err := RunEntities(filepath.Join(dir, "missing.jsonl"), 0, 1); err == nil {
		t.Error("a missing file gave no error")
	}
}

// Cross-validation also scores the names none of whose words the fitting
// folds' gold names hold: a name met in training is left out of it, one
// never met is kept.
func TestUnseenNamesLeaveOutWordsMetInFitting(t *testing.T) {
	known := map[string]bool{"marsh": true, "calder": true}
	got := unseenNames([]kindName{{"person", "Ada Marsh"}, {"org", "Brantwood Mills"}, {"place", "Calder"}, {"person", "Orla Finch"}}, known)
	if len(got) != 2 || got[0].name != "Brantwood Mills" || got[1].name != "Orla Finch" {
		t.Errorf("unseen names %v, want Brantwood Mills and Orla Finch", got)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "x.ner.jsonl")
	var lines string
	for i, name := range []string{"Ada Marsh", "Orla Finch", "Piet Vance", "Ines Korr"} {
		text := name + " said on Monday that the plan would go ahead ."
		lines += fmt.Sprintf(`{"id":"d%d","text":%q,"entities":[{"start":0,"end":%d,"kind":"person","text":%q}]}`+"\n", i, text, len(name), name)
	}
	os.WriteFile(path, []byte(lines), 0o644)
	rep, err := RunEntities(path, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unseen == nil {
		t.Fatal("cross-validation gave no unseen-names score")
	}
	if gold := rep.Unseen.All.Found + rep.Unseen.All.FN; gold != 4 {
		t.Errorf("unseen gold names %d, want 4 (no name shares a word with another document's)", gold)
	}
	if embedded, _ := RunEntities(path, 0, 1); embedded.Unseen != nil {
		t.Error("the embedded model's score has an unseen-names part; it has no fitting folds")
	}
}

func TestRunQuotesCounts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.jsonl")
	doc := `{"id":"a","text":"“We will rebuild the bridge this year,” Mayor Ada Marsh said.\n\n“It will cost more than we hoped,” she added.\n\n“Prices went up,” a spokesman said.","quotes":[` +
		`{"quote":"We will rebuild the bridge this year,","speaker":"Mayor Ada Marsh","type":"direct"},` +
		`{"quote":"It will cost more than we hoped,","speaker":"she","speaker_resolved_auto":"Ada Marsh","type":"direct"},` +
		`{"quote":"Prices went up,","speaker":"a spokesman","type":"direct"},` +
		`{"quote":"not in the text at all","speaker":"Ada Marsh","type":"direct"}]}`
	os.WriteFile(path, []byte(doc+"\n"), 0o644)
	rep, err := RunQuotes(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Gold != 4 || rep.Found != 3 || rep.Named != 2 || rep.Right != 2 || rep.Unnamed != 1 || rep.Given != 0 {
		t.Errorf("report = %+v, want 4 gold, 3 found, 2 named both right, 1 unnamed given no speaker", rep)
	}
}
