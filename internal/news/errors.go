package news

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned by a store when a story or an article does not
// exist.
var ErrNotFound = errors.New("not found")

// NotFoundError is a thing not found, said in a sentence of its own: it is
// ErrNotFound to errors.Is, without ": not found" after the sentence that
// says so already.
type NotFoundError struct{ Msg string }

func (e *NotFoundError) Error() string { return e.Msg }

// Is makes it ErrNotFound.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// ErrLeaseLost is the failure of a write by a writer whose lease on a
// shared database another process has taken over (a network partition
// ended its session): it must stop writing and stand by.
var ErrLeaseLost = errors.New("writer lease lost: another process has taken over as the writer")

// MergedError says that a story asked for was merged into another.
type MergedError struct{ Story, Into string }

func (e *MergedError) Error() string {
	return fmt.Sprintf("story %q was merged into story %q", e.Story, e.Into)
}

// Is makes a merged story a story not found, for callers that do not follow
// merges.
func (e *MergedError) Is(target error) bool { return target == ErrNotFound }

// LockedError says that another process holds a database's writer lock.
type LockedError struct {
	By WriterInfo
}

func (e *LockedError) Error() string {
	what := fmt.Sprintf("storyline %s (pid %d)", e.By.Command, e.By.PID)
	if e.By.Command == "" {
		what = fmt.Sprintf("process %d", e.By.PID)
	}
	if e.By.PID == 0 {
		what = "another process"
	}
	return "the database is being written by " + what
}
