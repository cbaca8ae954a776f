package compare

import (
	"strings"
	"testing"
)

// predicateTriples are a sentence's predicates as subject, verb and object
// words ("-" for none), with "!" before a frame verb.
func predicateTriples(s string) []string {
	p := predicatesOf(s, meanings{})
	word := func(i int) string {
		if i < 0 {
			return "-"
		}
		return p.toks[i].w
	}
	var out []string
	for _, pr := range p.preds {
		v := word(pr.verb)
		if pr.speech {
			v = "!" + v
		}
		out = append(out, word(pr.subj)+" "+v+" "+word(pr.obj))
	}
	return out
}

func TestPredicatesOf(t *testing.T) {
	cases := []struct {
		s    string
		want []string
	}{
		// A verb after an auxiliary, past an adverb; not a name or a noun
		// after an article.
		{"The mayor was briefly detained by the police.", []string{"mayor detained police"}},
		// "declared" takes an object: a predicate, not a frame; the
		// closing attribution is a frame of its own clause.
		{"The governor declared a state of emergency, the agency said.", []string{"governor declared state", "agency !said -"}},
		// A frame verb with a predicate in its content clause: the content
		// predicate is the clause's.
		{"Senator Jane Roe said the council would approve the budget.", []string{"council approve budget"}},
		// A present tense in -s after a name is read weakly, after a
		// sure past form; an adverb heads no argument.
		{"Acme says prices rose sharply.", []string{"prices rose -"}},
	}
	for _, c := range cases {
		got := predicateTriples(c.s)
		if len(got) != len(c.want) {
			t.Errorf("%q: predicates %q, want %q", c.s, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: predicates %q, want %q", c.s, got, c.want)
				break
			}
		}
	}
}

func TestFrameContentLeavesTheSpeakerOut(t *testing.T) {
	p := predicatesOf("Senator Jane Roe said the council would approve the budget.", meanings{})
	var content []string
	for _, i := range p.content {
		content = append(content, p.toks[i].w)
	}
	want := []string{"council", "approve", "budget"}
	if len(content) != len(want) {
		t.Fatalf("content %q, want %q", content, want)
	}
	for i := range want {
		if content[i] != want[i] {
			t.Fatalf("content %q, want %q", content, want)
		}
	}
}

func TestPredicateFeatures(t *testing.T) {
	features := func(a, b string) []float64 {
		pa, pb := predicatesOf(a, meanings{}), predicatesOf(b, meanings{})
		x := predicateFeatures(&pa, &pb)
		if len(x) != len(predicateFeatureNames) {
			t.Fatalf("%d features, %d names", len(x), len(predicateFeatureNames))
		}
		y := predicateFeatures(&pb, &pa)
		for i := range x {
			if x[i] < 0 || x[i] > 1 || x[i] != y[i] {
				t.Errorf("feature %s: %v one way, %v the other (want equal, in [0,1])", predicateFeatureNames[i], x[i], y[i])
			}
		}
		return x
	}
	// One statement reported twice against two statements of one speaker.
	same := features("Senator Jane Roe said the council would approve the budget.",
		"The council would approve the budget, Roe told reporters.")
	other := features("Senator Jane Roe said the council would approve the budget.",
		"Senator Jane Roe said the mayor had resigned over the scandal.")
	// Two predicates each, their verbs matched crosswise: the verb
	// similarity ties, and the arguments must not depend on which sentence
	// comes first.
	features("Police arrested the men, and soldiers detained the women.",
		"Troops detained the boys, and officers arrested the girls.")
	const verb, content = 0, 4
	if same[verb] != 1 || other[verb] >= 1 {
		t.Errorf("predicate aligned: %v for the same statement, %v for another (want 1 and below 1)", same[verb], other[verb])
	}
	if same[content] <= other[content] {
		t.Errorf("frame content aligned: %v for the same statement, not above %v for another", same[content], other[content])
	}
}

func TestPairFeaturesSymmetricOnTiedPredicates(t *testing.T) {
	a := "Police arrested the men, and soldiers detained the women."
	b := "Troops detained the boys, and officers arrested the girls."
	x, y := PairFeatures(a, b), PairFeatures(b, a)
	for i := range x {
		if x[i] != y[i] {
			t.Errorf("feature %d: %v one way, %v the other", i, x[i], y[i])
		}
	}
}

// TestStatementClauseAlign: a clause made only of a name and its title
// matches the other sentence's name and title whole, which the semantic
// clause alignment counts as a clause aligned; the statement clause
// alignment reads only what each says or does.
func TestStatementClauseAlign(t *testing.T) {
	name := "For her part, Jane Roe, the Senate majority leader, called the tax plan reckless."
	cases := []struct {
		other    string
		min, max float64
	}{
		// Same person and title, another statement.
		{"Senate Majority Leader Jane Roe spoke on the floor after the vote, thanking the staff.", 0, 0.5},
		// Same statement in other words.
		{"Senate Majority Leader Jane Roe said the tax plan was reckless.", 0.9, 1},
	}
	for _, c := range cases {
		a, b := predicatesOf(name, meanings{}), predicatesOf(c.other, meanings{})
		got := statementClauseAlign(&a, &b)
		if got < c.min || got > c.max {
			t.Errorf("%q: statement clause alignment %.2f, want in [%.2f, %.2f]", c.other, got, c.min, c.max)
		}
		if back := statementClauseAlign(&b, &a); back != got {
			t.Errorf("%q: %.3f one way, %.3f the other", c.other, got, back)
		}
	}
	// A name and its title alone state nothing: no shared statement, even
	// with the same name and title.
	a, b := predicatesOf("Jane Roe, the Senate majority leader.", meanings{}), predicatesOf("Senate Majority Leader Jane Roe.", meanings{})
	if got := statementClauseAlign(&a, &b); got != 0 {
		t.Errorf("a name and title against the same name and title: statement clause alignment %.2f, want 0", got)
	}
	// A headline in title case has statement words: its capitals are not names.
	a, b = predicatesOf("Senate Passes Tax Bill After Long Debate", meanings{}), predicatesOf("Senate Approves Tax Bill", meanings{})
	if got := statementClauseAlign(&a, &b); got == 0 {
		t.Errorf("two title-case headlines of one statement: statement clause alignment 0, want their words read")
	}
	// The semantic clause alignment finds the appositive matched whole.
	sa, sb := semanticOf(name), semanticOf(cases[0].other)
	if clauseMin := semanticFeatures(&sa, &sb)[7]; clauseMin < 0.8 {
		t.Errorf("semantic clause alignment of the other statement %.2f, want the appositive matched (>= .8)", clauseMin)
	}
	// Names and titles are no statement words; the first word is a name
	// only when the next is capitalised too.
	p := predicatesOf("Senate Minority Leader Jane Roe, a Republican aide, denied the report.", meanings{})
	var words []string
	for _, i := range p.statementWords() {
		words = append(words, p.toks[i].w)
	}
	if got := strings.Join(words, " "); got != "denied report" {
		t.Errorf("statement words %q, want %q", got, "denied report")
	}
}
