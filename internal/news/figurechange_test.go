package news

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestSeparateFigureChanges: an outlet's update that gives another figure
// is that outlet's change, not a disagreement; an outlet that disagrees
// with another's latest figure still does; versions the times do not
// order are left as they were.
func TestSeparateFigureChanges(t *testing.T) {
	at := time.Date(2026, 2, 11, 9, 0, 0, 0, time.UTC)
	arts := []Article{
		{ID: "w1", Source: "Varrow Times", Published: at},
		{ID: "w2", Source: "Varrow Times", Published: at.Add(3 * time.Hour)},
		{ID: "k1", Source: "Kelby Star", Published: at.Add(time.Hour)},
		{ID: "d1", Source: "Dunmere Post", Published: at.Truncate(24 * time.Hour), DateOnly: true},
		{ID: "d2", Source: "Dunmere Post", Published: at.Add(2 * time.Hour)},
	}
	outlets := ArticleOutletMap(arts)
	conflict := func(vals ...ConflictValue) Comparison {
		return Comparison{Conflicts: []Conflict{{About: "The toll rose.", Values: vals}}}
	}
	for _, c := range []struct {
		name      string
		in        Comparison
		conflicts []Conflict
		changes   []FigureChange
	}{
		{"one outlet's update agrees with the other outlet: a change alone",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"w1"}, Sentence: "The fire killed 12 people."}, ConflictValue{Value: "15 dead", Articles: []string{"k1", "w2"}, Sentence: "The fire killed 15 people."}),
			[]Conflict{},
			[]FigureChange{{About: "The toll rose.", Source: "Varrow Times", From: FigureVersion{"12 dead", "w1", "2026-02-11T09:00:00Z"}, To: FigureVersion{"15 dead", "w2", "2026-02-11T12:00:00Z"}}}},
		{"an update still disagreeing with another outlet: a change and the disagreement",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"w1"}, Sentence: "The fire killed 12 people."}, ConflictValue{Value: "15 dead", Articles: []string{"w2"}, Sentence: "The fire killed 15 people."}, ConflictValue{Value: "17 dead", Articles: []string{"k1"}, Sentence: "The fire killed 17 people."}),
			[]Conflict{{About: "The toll rose.", Values: []ConflictValue{{Value: "15 dead", Articles: []string{"w2"}, Sentence: "The fire killed 15 people."}, {Value: "17 dead", Articles: []string{"k1"}, Sentence: "The fire killed 17 people."}}}},
			[]FigureChange{{About: "The toll rose.", Source: "Varrow Times", From: FigureVersion{"12 dead", "w1", "2026-02-11T09:00:00Z"}, To: FigureVersion{"15 dead", "w2", "2026-02-11T12:00:00Z"}}}},
		{"two outlets disagree: as before",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"w1"}, Sentence: "The fire killed 12 people."}, ConflictValue{Value: "17 dead", Articles: []string{"k1"}, Sentence: "The fire killed 17 people."}),
			[]Conflict{{About: "The toll rose.", Values: []ConflictValue{{Value: "12 dead", Articles: []string{"w1"}, Sentence: "The fire killed 12 people."}, {Value: "17 dead", Articles: []string{"k1"}, Sentence: "The fire killed 17 people."}}}},
			nil},
		{"a date alone and a time that day are not ordered: as before",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"d1"}, Sentence: "The fire killed 12 people."}, ConflictValue{Value: "15 dead", Articles: []string{"d2"}, Sentence: "The fire killed 15 people."}),
			[]Conflict{{About: "The toll rose.", Values: []ConflictValue{{Value: "12 dead", Articles: []string{"d1"}, Sentence: "The fire killed 12 people."}, {Value: "15 dead", Articles: []string{"d2"}, Sentence: "The fire killed 15 people."}}}},
			nil},
	} {
		got := SeparateFigureChanges(c.in, arts, outlets)
		if !reflect.DeepEqual(got.Conflicts, c.conflicts) || !reflect.DeepEqual(got.FigureChanges, c.changes) {
			t.Errorf("%s:\nconflicts %+v\nchanges %+v\nwant %+v\n%+v", c.name, got.Conflicts, got.FigureChanges, c.conflicts, c.changes)
		}
	}
}

// TestAFigureChangeNeedsOneStatementRetold: the conflict finder groups
// figures through other outlets' (the update's 15 matched another
// outlet's 14, as did the first version's 12), so one outlet's two
// figures of a group may count different things. A change is claimed only
// when the two values' sentences are one statement retold with another
// figure; the versions from the first pair that is not are left in the
// conflict as they were, and the steps before it stand (12 -> 15 -> 12,
// then a figure of something else).
func TestAFigureChangeNeedsOneStatementRetold(t *testing.T) {
	at := time.Date(2026, 6, 2, 7, 0, 0, 0, time.UTC)
	arts := []Article{
		{ID: "r1", Source: "Pellam Courier", Published: at},
		{ID: "r2", Source: "Pellam Courier", Published: at.Add(time.Hour)},
		{ID: "r3", Source: "pellam courier", Published: at.Add(2 * time.Hour)},
		{ID: "r4", Source: "Pellam Courier", Published: at.Add(3 * time.Hour)},
		{ID: "o1", Source: "Brisk Daily", Published: at.Add(30 * time.Minute)},
	}
	outlets := ArticleOutletMap(arts)
	flood := func(n string) string {
		return "The flood forced " + n + " families from their homes in the lower town, the council said."
	}
	school := "In the next valley, 40 families spent the night in the school hall."
	for _, c := range []struct {
		name      string
		vals      []ConflictValue
		conflicts int
		changes   []string // from -> to
	}{
		{"two statements of other things: no change, the conflict as it was",
			[]ConflictValue{{Value: "12 families", Articles: []string{"r1"}, Sentence: flood("12")}, {Value: "14 families", Articles: []string{"o1"}, Sentence: flood("14")}, {Value: "40 families", Articles: []string{"r2"}, Sentence: school}},
			1, nil},
		{"12 -> 15 -> 12 retold, then a figure of another thing: two changes, the rest left",
			[]ConflictValue{{Value: "12 families", Articles: []string{"r1", "r3"}, Sentence: flood("12")}, {Value: "14 families", Articles: []string{"o1"}, Sentence: flood("14")}, {Value: "15 families", Articles: []string{"r2"}, Sentence: flood("15")}, {Value: "40 families", Articles: []string{"r4"}, Sentence: school}},
			1, []string{"r1->r2", "r2->r3"}},
	} {
		got := SeparateFigureChanges(Comparison{Conflicts: []Conflict{{About: flood("12"), Values: c.vals}}}, arts, outlets)
		var changes []string
		for _, ch := range got.FigureChanges {
			changes = append(changes, ch.From.Article+"->"+ch.To.Article)
		}
		if len(got.Conflicts) != c.conflicts || !reflect.DeepEqual(changes, c.changes) {
			t.Errorf("%s: conflicts %+v, changes %v; want %d conflicts, changes %v", c.name, got.Conflicts, changes, c.conflicts, c.changes)
		}
	}
	// The superseded versions leave the conflict: r3 (12, the third version)
	// and r4 (its other figure) stand for the outlet beside the other's 14.
	got := SeparateFigureChanges(Comparison{Conflicts: []Conflict{{About: flood("12"), Values: []ConflictValue{{Value: "12 families", Articles: []string{"r1", "r3"}, Sentence: flood("12")}, {Value: "14 families", Articles: []string{"o1"}, Sentence: flood("14")}, {Value: "15 families", Articles: []string{"r2"}, Sentence: flood("15")}, {Value: "40 families", Articles: []string{"r4"}, Sentence: school}}}}}, arts, outlets)
	var kept []string
	for _, v := range got.Conflicts[0].Values {
		kept = append(kept, v.Value+" "+strings.Join(v.Articles, ","))
	}
	if want := []string{"12 families r3", "14 families o1", "40 families r4"}; !reflect.DeepEqual(kept, want) {
		t.Errorf("values left %q; want %q", kept, want)
	}
}
