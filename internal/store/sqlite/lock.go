package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// The writer lock: one process at a time writes a database (it owns the
// clusterer, see package engine). The lock is an advisory lock (flock, or
// LockFileEx on Windows) on the file LockPath(db) beside the database,
// which holds the holder's news.WriterInfo as JSON: another process that
// wants to write reads there where a serving writer takes its inputs. The
// operating system releases the lock when its holder dies, however it dies,
// so a lock is never left behind; the file's contents are only believed
// while the lock is held.

// LockPath is the writer lock file of a database.
func LockPath(db string) string { return db + ".lock" }

// fileLock is a held writer lock.
type fileLock struct {
	f *os.File
}

func (l *fileLock) release() error {
	if l.f == nil {
		return nil
	}
	// The contents go first: a reader that finds the lock free does not
	// read them, but one that finds them empty knows there is no writer.
	l.f.Truncate(0)
	err := errors.Join(unlockFile(l.f), l.f.Close())
	l.f = nil
	return err
}

// LockWriter takes the database's writer lock for the process info
// describes, without waiting. When another process holds it, the error is
// a *news.LockedError saying which (and where it takes inputs, if it
// serves). The lock is released by the returned function, or by Close.
func (s *Store) LockWriter(ctx context.Context, info news.WriterInfo) (func() error, error) {
	path := LockPath(s.path)
	if s.lock != nil {
		return nil, fail("lock writer", path, errors.New("this store holds the lock already"))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fail("lock writer", path, err)
	}
	held, err := tryLockFile(f)
	if err != nil {
		f.Close()
		return nil, fail("lock writer", path, err)
	}
	if !held {
		defer f.Close()
		holder, err := readHolder(f)
		if err != nil {
			return nil, fail("read writer lock", path, err)
		}
		return nil, &news.LockedError{By: holder}
	}
	b, err := json.Marshal(info)
	if err == nil {
		if err = f.Truncate(0); err == nil {
			_, err = f.WriteAt(b, 0)
		}
	}
	if err != nil {
		unlockFile(f)
		f.Close()
		return nil, fail("write writer lock", path, err)
	}
	s.lock = &fileLock{f: f}
	return func() error {
		if s.lock == nil {
			return nil
		}
		err := s.lock.release()
		s.lock = nil
		return fail("unlock writer", path, err)
	}, nil
}

// readHolder reads the holder of a lock held by another process. It writes
// the file right after taking the lock, so an empty or partial file is read
// again for a moment.
func readHolder(f *os.File) (news.WriterInfo, error) {
	var info news.WriterInfo
	var err error
	for try := 0; try < 20; try++ {
		var b []byte
		if b, err = os.ReadFile(f.Name()); err == nil {
			if err = json.Unmarshal(b, &info); err == nil {
				return info, nil
			}
			if len(b) > 0 {
				err = fmt.Errorf("lock file holds %q: %w", b, err)
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	if errors.Is(err, os.ErrNotExist) {
		return info, err
	}
	return news.WriterInfo{}, nil // a holder that has not said who it is yet
}
