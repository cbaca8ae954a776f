package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestListStrippedLabels lists, for reading by hand, every section label
// withoutLabel strips in a JSONL of articles ({"id","text"} a line, a bench
// file of ../shared/bench/stories or an extraction set's ground truth
// written so), one a line: the article, the label, the whole sentence
// (skipped when STORYLINE_LABELS is unset). The check behind the label
// rule's reads in docs/measurements/comparison.md ("Review (s23-rev)").
//
//	STORYLINE_LABELS=$PWD/../shared/bench/stories/basil.jsonl go test ./internal/compare -run ListStrippedLabels -v
func TestListStrippedLabels(t *testing.T) {
	path := os.Getenv("STORYLINE_LABELS")
	if path == "" {
		t.Skip("STORYLINE_LABELS names no articles file")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	stripped, articles := 0, 0
	for sc.Scan() {
		var a news.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		articles++
		eachSentence(a, func(raw, claim string, _, _ bool) {
			if claim != raw {
				stripped++
				fmt.Printf("%s\t%q\t%q\n", a.ID, raw[:len(raw)-len(claim)], raw)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("# %d labels in %d articles\n", stripped, articles)
}

// TestLabelListIsNoInvertedAttribution checks that `called X a "...",
// called Y "..."` is a list of the subject's labels, not an inverted
// attribution of the first quote to Y (session 33, s33-quote: the first
// label went to the outlet called names next). `"...," called Ada Marsh,
// who ...` and `"...," described Tomas Brandt in a "..." note` stay
// inverted attributions (punctuation or a preposition before the next
// quote). The articles are written for the test.
func TestLabelListIsNoInvertedAttribution(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a list of labels after a pronoun",
			`Tomas Brandt spoke for an hour. It was his first news conference, in which he called the Daily Ledger a "failing pile of old garbage," called Channel Nine "fake news" and told reporters to leave.`,
			[]string{"Tomas Brandt"}},
		{"an inverted attribution with a relative clause",
			`"We will never give up on this town and its people," called Ada Marsh, who was nicknamed "the iron mayor" by friends.`,
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"an inverted attribution with a preposition",
			`"The bridge will be closed for a full year," described Tomas Brandt in a "detailed" note to residents.`,
			[]string{"Tomas Brandt"}},
	})
}

// TestLabelListNeedsWordsBefore checks review s33-qrev's changes to lists
// of labels: a quote opening its sentence keeps its inverted attribution
// with a labelling verb even when another quote follows with no
// punctuation (`"...," mocked Ada Marsh "..."`); the labels after the
// first are the first one's speaker's, not the object named before them
// ("called Channel Nine "..."" is not "said Channel Nine"); "likened X to"
// lists too. The articles are written for the test.
func TestLabelListNeedsWordsBefore(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a list of comparisons: the verb's own to",
			`Ada Marsh likened the tax to "theft in broad daylight", likened Tomas Brandt to "a pickpocket in a suit" and sat down.`,
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a list of three labels: each the subject's",
			`Tomas Brandt called the Daily Ledger a "failing pile of old garbage", called Channel Nine "a fake news factory run by clowns", called the Calder Times "a rag nobody reads any more" and left.`,
			[]string{"Tomas Brandt", "Tomas Brandt", "Tomas Brandt"}},
		{"an inverted attribution opening its sentence",
			`"Enough is enough for this city and its people," attacked Ada Marsh "and I mean it".`,
			[]string{"Ada Marsh", "Ada Marsh"}},
	})
}
