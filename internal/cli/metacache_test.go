package cli

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A cache file is read back only by the build that wrote it, holding the
// same pages: one another build wrote, one written before caches were
// stamped, or one of other sets is read again, said on stderr, and
// written anew with this build's stamp.
func TestGobCachedReadsOnlyThisBuildsCache(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "stale.gob")
	unstamped := filepath.Join(dir, "unstamped.gob")
	otherSets := filepath.Join(dir, "other-sets.gob")
	if err := writeStampedGob(stale, cacheStamp{Format: cacheFormat, Build: "0123456789abcdef", Holds: "sets A"}, []string{"old"}); err != nil {
		t.Fatal(err)
	}
	if err := writeStampedGob(otherSets, cacheStamp{Format: cacheFormat, Build: thisBuild(), Holds: "sets B"}, []string{"old"}); err != nil {
		t.Fatal(err)
	}
	writeUnstampedGob(t, unstamped, []string{"old"})
	for file, why := range map[string]string{stale: "another build", unstamped: "written before", otherSets: "other pages"} {
		var stderr strings.Builder
		load := func() ([]string, error) { return []string{"new"}, nil }
		got, err := gobCached(file, "sets A", writtenByThisBuild(&stderr, file, "sets A"), load)
		if err != nil || len(got) != 1 || got[0] != "new" {
			t.Errorf("%s: %v, %v; want the candidates read again", filepath.Base(file), got, err)
		}
		if !strings.Contains(stderr.String(), file) || !strings.Contains(stderr.String(), why) {
			t.Errorf("%s: stderr %q; want the file named and why (%q)", filepath.Base(file), stderr.String(), why)
		}
		stderr.Reset()
		got, err = gobCached(file, "sets A", writtenByThisBuild(&stderr, file, "sets A"), func() ([]string, error) { return nil, nil })
		if err != nil || len(got) != 1 || got[0] != "new" || stderr.Len() != 0 {
			t.Errorf("%s rewritten, read back: %v, %v, stderr %q; want [new] from the file, said nothing", filepath.Base(file), got, err, stderr.String())
		}
	}
}

// --score-cache reads another build's file on purpose, stamped or not.
func TestGobCachedAnyBuildReadsEveryStamp(t *testing.T) {
	dir := t.TempDir()
	stamped := filepath.Join(dir, "stamped.gob")
	if err := writeStampedGob(stamped, cacheStamp{Format: cacheFormat, Build: "0123456789abcdef"}, []string{"theirs"}); err != nil {
		t.Fatal(err)
	}
	unstamped := filepath.Join(dir, "unstamped.gob")
	writeUnstampedGob(t, unstamped, []string{"theirs"})
	for _, file := range []string{stamped, unstamped} {
		got, err := gobCached(file, "", writtenByAnyBuild, func() ([]string, error) { return nil, nil })
		if err != nil || len(got) != 1 || got[0] != "theirs" {
			t.Errorf("%s: %v, %v; want the file's own candidates", filepath.Base(file), got, err)
		}
	}
}

// The folders a cache holds are named absolute, so that the same sets named
// from another directory match, and other sets do not.
func TestCacheContentsNamesFoldersAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if a, b := cacheContents("HTML pages", []string{"sets/a"}), cacheContents("HTML pages", []string{filepath.Join(dir, "sets", "a") + "/"}); a != b {
		t.Errorf("relative %q != absolute %q", a, b)
	}
	if a, b := cacheContents("HTML pages", []string{"sets/a"}), cacheContents("HTML pages", []string{"sets/b"}); a == b {
		t.Errorf("two sets hold the same: %q", a)
	}
}

// writeUnstampedGob writes v to file as eval meta wrote its caches before
// they were stamped: the gob of v alone.
func writeUnstampedGob(t *testing.T, file string, v any) {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
