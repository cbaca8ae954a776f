//go:build !unix && !windows

package sqlite

import (
	"errors"
	"os"
)

// tryLockFile is not available here: such a system cannot keep two writers
// apart, so it refuses to write.
func tryLockFile(f *os.File) (bool, error) {
	return false, errors.New("file locks are not supported on this system")
}

func unlockFile(f *os.File) error { return nil }
