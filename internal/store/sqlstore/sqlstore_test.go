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
