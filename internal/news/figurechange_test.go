package news

import (
	"reflect"
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
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"w1"}}, ConflictValue{Value: "15 dead", Articles: []string{"k1", "w2"}}),
			[]Conflict{},
			[]FigureChange{{About: "The toll rose.", Source: "Varrow Times", From: FigureVersion{"12 dead", "w1", "2026-02-11T09:00:00Z"}, To: FigureVersion{"15 dead", "w2", "2026-02-11T12:00:00Z"}}}},
		{"an update still disagreeing with another outlet: a change and the disagreement",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"w1"}}, ConflictValue{Value: "15 dead", Articles: []string{"w2"}}, ConflictValue{Value: "17 dead", Articles: []string{"k1"}}),
			[]Conflict{{About: "The toll rose.", Values: []ConflictValue{{Value: "15 dead", Articles: []string{"w2"}}, {Value: "17 dead", Articles: []string{"k1"}}}}},
			[]FigureChange{{About: "The toll rose.", Source: "Varrow Times", From: FigureVersion{"12 dead", "w1", "2026-02-11T09:00:00Z"}, To: FigureVersion{"15 dead", "w2", "2026-02-11T12:00:00Z"}}}},
		{"two outlets disagree: as before",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"w1"}}, ConflictValue{Value: "17 dead", Articles: []string{"k1"}}),
			[]Conflict{{About: "The toll rose.", Values: []ConflictValue{{Value: "12 dead", Articles: []string{"w1"}}, {Value: "17 dead", Articles: []string{"k1"}}}}},
			nil},
		{"a date alone and a time that day are not ordered: as before",
			conflict(ConflictValue{Value: "12 dead", Articles: []string{"d1"}}, ConflictValue{Value: "15 dead", Articles: []string{"d2"}}),
			[]Conflict{{About: "The toll rose.", Values: []ConflictValue{{Value: "12 dead", Articles: []string{"d1"}}, {Value: "15 dead", Articles: []string{"d2"}}}}},
			nil},
	} {
		got := SeparateFigureChanges(c.in, arts, outlets)
		if !reflect.DeepEqual(got.Conflicts, c.conflicts) || !reflect.DeepEqual(got.FigureChanges, c.changes) {
			t.Errorf("%s:\nconflicts %+v\nchanges %+v\nwant %+v\n%+v", c.name, got.Conflicts, got.FigureChanges, c.conflicts, c.changes)
		}
	}
}
