package cli

import (
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// cacheStamp heads every cache file eval meta writes: the build that wrote
// it and what it holds, so that a later run reads its own candidates
// again instead of another build's, or another list of sets'.
type cacheStamp struct {
	Format string // cacheFormat: tells a stamped file from one written before caches were stamped
	Build  string // thisBuild() of the binary that wrote the file
	Holds  string // what the file holds: the sets read and how (cacheContents)
}

// cacheFormat marks a stamped cache file.
const cacheFormat = "storyline eval meta cache, stamped"

// thisBuild names this binary by the digest of its own file: a rebuild
// with any change of code gets another name, the same code built again the
// same one (Go builds are reproducible). "" when the file cannot be read.
var thisBuild = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// cacheContents says what a cache of the sets' candidates holds: the set
// folders (made absolute, so that the same folders named from another
// directory match) and how they were read.
func cacheContents(how string, dirs []string) string {
	abs := make([]string, len(dirs))
	for i, d := range dirs {
		if a, err := filepath.Abs(d); err == nil {
			d = a
		}
		abs[i] = filepath.Clean(d)
	}
	return how + ": " + strings.Join(abs, ", ")
}

// cacheCheck tells whether a cache file's stamp may be read (stamp.Format
// is "" for a file written before caches were stamped).
type cacheCheck func(stamp cacheStamp) bool

// writtenByThisBuild accepts a cache file only when this build wrote it,
// holding one of holds; else it says on stderr why the file is read again.
func writtenByThisBuild(stderr io.Writer, file string, holds ...string) cacheCheck {
	return func(stamp cacheStamp) bool {
		why := ""
		switch {
		case stamp.Format == "":
			why = "it was written before cache files named the build that wrote them"
		case thisBuild() == "" || stamp.Build != thisBuild():
			why = fmt.Sprintf("another build of storyline wrote it (%s; this one is %s)", stamp.Build, cmp.Or(thisBuild(), "unknown"))
		case !slices.Contains(holds, stamp.Holds):
			why = fmt.Sprintf("it holds other pages (%s)", stamp.Holds)
		default:
			return true
		}
		fmt.Fprintf(stderr, "%s: %s: its candidates are read again and the file written anew\n", file, why)
		return false
	}
}

// writtenByAnyBuild accepts every cache file: --score-cache reads another
// build's candidates on purpose.
func writtenByAnyBuild(cacheStamp) bool { return true }

// gobCached returns what the gob file holds when it exists and check
// accepts its stamp; else what load gives, written to the file with this
// build's stamp for the next run (no file when file is ""; none left
// behind when writing it fails).
func gobCached[T any](file string, holds string, check cacheCheck, load func() (T, error)) (T, error) {
	var out T
	if file != "" {
		stamp, got, err := readStampedGob[T](file)
		switch {
		case os.IsNotExist(err):
		case err != nil:
			return out, fmt.Errorf("read %s: %w", file, err)
		case check(stamp):
			return got, nil
		}
	}
	out, err := load()
	if err != nil || file == "" {
		return out, err
	}
	if err := writeStampedGob(file, cacheStamp{Format: cacheFormat, Build: thisBuild(), Holds: holds}, out); err != nil {
		return out, fmt.Errorf("write %s: %w", file, err)
	}
	return out, nil
}

// readStampedGob reads a cache file: its stamp, then what it holds; a file
// written before caches were stamped is read whole, with an empty stamp.
func readStampedGob[T any](file string) (cacheStamp, T, error) {
	var stamp cacheStamp
	var out T
	f, err := os.Open(file)
	if err != nil {
		return stamp, out, err
	}
	defer f.Close()
	dec := gob.NewDecoder(f)
	if err := dec.Decode(&stamp); err == nil && stamp.Format == cacheFormat {
		err = dec.Decode(&out)
		return stamp, out, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return cacheStamp{}, out, err
	}
	err = gob.NewDecoder(f).Decode(&out)
	return cacheStamp{}, out, err
}

// writeStampedGob writes stamp then v to file; a file it could not write
// whole is removed, since a cut file would fail every later run that
// reads it.
func writeStampedGob(file string, stamp cacheStamp, v any) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	enc := gob.NewEncoder(f)
	err = enc.Encode(stamp)
	if err == nil {
		err = enc.Encode(v)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
	}
	return err
}
