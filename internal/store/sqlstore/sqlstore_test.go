package sqlstore

import (
	"errors"
	"io"
	"testing"
)

func TestSQLiteParamsAreNumbered(t *testing.T) {
	got := sqliteParams(`SELECT id FROM story_changes WHERE story_id = $1 OR other_story_id = $1 LIMIT $12`)
	want := `SELECT id FROM story_changes WHERE story_id = ?1 OR other_story_id = ?1 LIMIT ?12`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestFailWrapsOnce(t *testing.T) {
	if Fail("read story", "s1", nil) != nil {
		t.Fatal("no error is no failure")
	}
	err := Fail("read story", "s1", io.ErrUnexpectedEOF)
	if err.Error() != "store: read story s1: unexpected EOF" || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got %v", err)
	}
	if again := Fail("read story", "s1", err); again != err {
		t.Errorf("wrapped twice: %v", again)
	}
	if other := Fail("list stories", "", err); other.Error() != "store: list stories: store: read story s1: unexpected EOF" {
		t.Errorf("an outer operation names itself: %v", other)
	}
}

// TestRegroupingsDropPairsNotBothOpenOrMergedIntoOne: a pair with one story
// closed is not restored (the clusterer holds only open stories), nor one
// whose two stories merged into one since (review s12a #3: storetest's
// closed pair had both stories closed).
func TestRegroupingsDropPairsNotBothOpenOrMergedIntoOne(t *testing.T) {
	var r regroupings
	r.add("split", "a", "b", []string{"x"}) // a | b, both open
	r.add("split", "a", "c", []string{"y"}) // c is closed
	r.add("split", "d", "e", []string{"z"}) // d and e merge below
	r.add("merge", "d", "e", nil)           // d | e is now d | d
	r.add("move", "f", "a", []string{"w"})  // f | a, both open
	open := map[string]bool{"a": true, "b": true, "d": true, "f": true}
	got := r.open(open)
	want := [][2]string{{"a", "b"}, {"a", "f"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("open pairs = %v, want %v", got, want)
	}
	if trail := r.trail(open); len(trail["y"]) != 1 || trail["y"][0] != "a" || len(trail["z"]) != 1 || trail["z"][0] != "d" {
		t.Errorf("trail = %v, want y left a and z left d (held open, though the pair is dropped)", trail)
	}
}
