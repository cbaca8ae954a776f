package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// foldError is the error of fold i of n (counted from 1), named name, whose
// fit failed with err: when ctx has ended, the fold says it was stopped,
// with ctx's error and nothing of where inside the fit it stopped ("fold 3
// of 13 (leave out wcxb) stopped: context canceled").
func foldError(ctx context.Context, i, n int, name string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("fold %d of %d (%s) stopped: %w", i, n, name, ctx.Err())
	}
	return fmt.Errorf("fold %d of %d (%s): %w", i, n, name, err)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, synced and renamed over it, so that a run stopped or failing
// mid-write (or the machine stopping after it) leaves the file as it was
// (or none), never a truncated model. A path that is a symbolic link is
// written through (its target replaced, the link kept), and a replaced
// file keeps its permissions (a new one is 0644); a path that exists and is
// not a regular file (/dev/stdout, a named pipe) is written into, as
// os.WriteFile would, since renaming over it would replace the device.
func WriteFileAtomic(path string, data []byte) error {
	target, mode, regular, err := atomicTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !regular {
		return os.WriteFile(target, data, mode)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), mode)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), target)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}

// atomicTarget resolves where WriteFileAtomic writes path: the file a
// symbolic link names (see linkTarget; path itself when it is none),
// the permissions to give it (the existing file's, else 0644) and whether
// it is, or will be, a regular file that a rename may replace.
func atomicTarget(path string) (target string, mode os.FileMode, regular bool, err error) {
	target = linkTarget(path)
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, 0o644, true, nil
	case err != nil:
		return "", 0, false, err
	}
	return target, st.Mode().Perm(), st.Mode().IsRegular(), nil
}

// maxLinksFollowed is how many symbolic links linkTarget follows from one
// path before it gives up: Linux's own limit for one lookup (40, ELOOP), so
// that a loop of links ends.
const maxLinksFollowed = 40

// linkTarget is the file path names: path itself when it is no symbolic
// link, else the file its links lead to, which need not exist yet (a
// "current" link made before the model it names). A loop of links, or one
// longer than maxLinksFollowed, gives path itself.
func linkTarget(path string) string {
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		return resolved
	}
	target := path
	for range maxLinksFollowed {
		dest, err := os.Readlink(target)
		if err != nil {
			return target // not a link: the file a dangling link names
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(target), dest)
		}
		target = dest
	}
	return path
}
