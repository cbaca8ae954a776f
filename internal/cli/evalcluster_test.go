package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeClusterSets writes two small labelled files, each two stories of
// two reports, and returns their paths.
func writeClusterSets(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	texts := map[string]string{
		"s1.jsonl": `{"id":"a1","title":"Storm shuts Fenwick ferry","text":"A winter storm shut the Fenwick ferry on Tuesday, stranding hundreds of passengers at Calder.","cluster":"x"}
{"id":"a2","title":"Fenwick ferry halted by storm","text":"The Fenwick ferry stopped sailing on Tuesday as a winter storm stranded passengers at Calder.","cluster":"x"}
{"id":"a3","title":"Calder bakery wins prize","text":"A family bakery in Calder won the regional bread prize for its rye loaf on Friday.","cluster":"y"}
{"id":"a4","title":"Rye loaf takes bread prize","text":"The regional bread prize went to a Calder family bakery for its rye loaf on Friday.","cluster":"y"}
`,
		"s2.jsonl": `{"id":"b1","title":"Dover council approves budget","text":"The Dover council approved its budget on Monday, raising spending on roads by a tenth.","cluster":"p"}
{"id":"b2","title":"Budget passes in Dover","text":"Spending on roads rises by a tenth in the budget the Dover council approved on Monday.","cluster":"p"}
{"id":"b3","title":"Harbour crane collapses","text":"A crane collapsed at the Ostby harbour on Sunday, injuring two dock workers.","cluster":"q"}
{"id":"b4","title":"Two hurt as Ostby crane falls","text":"Two dock workers were hurt when a crane fell at the Ostby harbour on Sunday.","cluster":"q"}
`,
	}
	var paths []string
	for _, name := range []string{"s1.jsonl", "s2.jsonl"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(texts[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestEvalClusterBaselineFlags checks that eval cluster refuses baseline
// flags that would be ignored or misread, naming the value given.
func TestEvalClusterBaselineFlags(t *testing.T) {
	files := writeClusterSets(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "single-pass"}, "--baseline needs --loso"},
		{[]string{"--loso", "--baseline-window", "24h"}, "--baseline-window needs --baseline"},
		{[]string{"--loso", "--baseline", "single-pass", "--baseline-window", "-5h"}, "--baseline-window must be positive, got -5h"},
		{[]string{"--loso", "--baseline", "single-pas"}, `--baseline "single-pas": want single-pass or single-pass-file-idf`},
		{[]string{"--loso", "--baseline", "single-pass", "--only", "s3"}, `--only "s3"`},
		{[]string{"--loso", "--only", "s3"}, `--only "s3"`},
	}
	for _, tt := range tests {
		args := append(append([]string{"eval", "cluster"}, tt.args...), files...)
		out, errOut, code := storyline(t, args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

// TestEvalClusterBaselineNoWindow checks that a baseline run without a
// window says so, instead of printing a zero duration.
func TestEvalClusterBaselineNoWindow(t *testing.T) {
	files := writeClusterSets(t)
	out, errOut, code := storyline(t, append([]string{"eval", "cluster", "--loso", "--baseline", "single-pass", "--shuffles", "1"}, files...)...)
	if code != 0 || !strings.Contains(out, "no window") || !strings.Contains(out, "s1") || !strings.Contains(out, "s2") {
		t.Errorf("exit %d, stdout %q, stderr %q; want both sets scored with \"no window\"", code, out, errOut)
	}
}

// TestEvalClusterWritesMemberships checks that --memberships writes one
// line per article of every file, with its story and gold story, and that
// the stories written are the ones scored: each file's two stories of two
// reports come out as two stories, each holding one gold story.
func TestEvalClusterWritesMemberships(t *testing.T) {
	files := writeClusterSets(t)
	path := filepath.Join(t.TempDir(), "members.jsonl")
	args := append([]string{"eval", "cluster", "--memberships", path}, files...)
	if out, errOut, code := storyline(t, args...); code != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type line struct{ File, ID, Story, Gold, Title string }
	var got []line
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var m line
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		got = append(got, m)
	}
	if len(got) != 8 {
		t.Fatalf("got %d lines, want 8 (one per article): %s", len(got), data)
	}
	goldOf := map[string]string{} // file and story -> the one gold story it holds
	for _, m := range got {
		if m.Story == "" || m.Gold == "" || m.Title == "" {
			t.Errorf("line %+v lacks its story, gold or title", m)
		}
		key := m.File + "/" + m.Story
		if g, ok := goldOf[key]; ok && g != m.Gold {
			t.Errorf("story %s holds gold %s and %s", key, g, m.Gold)
		}
		goldOf[key] = m.Gold
	}
	if len(goldOf) != 4 {
		t.Errorf("got %d stories, want 4 (two a file): %v", len(goldOf), goldOf)
	}
}

// TestEvalClusterMembershipsNeedsAPlainRun checks that --memberships is
// refused where it would write nothing.
func TestEvalClusterMembershipsNeedsAPlainRun(t *testing.T) {
	files := writeClusterSets(t)
	args := append([]string{"eval", "cluster", "--loso", "--memberships", filepath.Join(t.TempDir(), "m.jsonl")}, files...)
	if _, errOut, code := storyline(t, args...); code != 2 || !strings.Contains(errOut, "--memberships is for a plain run") {
		t.Errorf("exit %d, stderr %q; want exit 2 and the flag named", code, errOut)
	}
}

// TestEvalClusterWritesPlacementLog checks that --placement-log writes
// every step of every file, judged, and prints each file's verdict counts:
// each file's two stories of two reports are two stories started and two
// right joins.
func TestEvalClusterWritesPlacementLog(t *testing.T) {
	files := writeClusterSets(t)
	path := filepath.Join(t.TempDir(), "steps.jsonl")
	data := runPlacementLog(t, path, "new story, first of its event 2, right join 2", []string{"s1", "s2"}, files...)
	type step struct{ File, Kind, Verdict, Article, Gold, Story, Reason string }
	perFile := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var s step
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if s.Article == "" || s.Gold == "" || s.Story == "" || s.Reason == "" || s.Verdict == "" {
			t.Errorf("step %+v lacks its article, gold, story, reason or verdict", s)
		}
		perFile[s.File]++
	}
	if perFile["s1"] != 4 || perFile["s2"] != 4 {
		t.Errorf("steps per file %v, want 4 each", perFile)
	}
	args := append([]string{"eval", "cluster", "--loso", "--placement-log", path}, files...)
	if _, errOut, code := storyline(t, args...); code != 2 || !strings.Contains(errOut, "--placement-log is for a plain run") {
		t.Errorf("with --loso: exit %d, stderr %q; want exit 2 and the flag named", code, errOut)
	}
}

// runPlacementLog runs eval cluster --placement-log path on files, checks
// that each of sets has its verdict counts printed as counts, and returns
// the log written.
func runPlacementLog(t *testing.T, path, counts string, sets []string, files ...string) []byte {
	t.Helper()
	out, errOut, code := storyline(t, append([]string{"eval", "cluster", "--placement-log", path}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, set := range sets {
		if want := set + " steps: " + counts + "\n"; !strings.Contains(out, want) {
			t.Errorf("stdout %q lacks %q", out, want)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestEvalClusterPlacementLogKeepsKindsApart checks --placement-log on a
// file of two cluster kinds: each kind is its own set, with its own steps
// (its stories start afresh) and its own verdict counts.
func TestEvalClusterPlacementLogKeepsKindsApart(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mixed.jsonl")
	var lines []string
	for _, kind := range []string{"event", "topic"} {
		lines = append(lines,
			`{"id":"a1","title":"Storm shuts Fenwick ferry","text":"A winter storm shut the Fenwick ferry on Tuesday, stranding hundreds of passengers at Calder.","cluster":"x","cluster_kind":"`+kind+`"}`,
			`{"id":"a2","title":"Fenwick ferry halted by storm","text":"The Fenwick ferry stopped sailing on Tuesday as a winter storm stranded passengers at Calder.","cluster":"x","cluster_kind":"`+kind+`"}`)
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "steps.jsonl")
	data := runPlacementLog(t, path, "new story, first of its event 1, right join 1", []string{"mixed:event", "mixed:topic"}, file)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var s struct {
			File string
			Step int
		}
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		got = append(got, fmt.Sprintf("%s %d", s.File, s.Step))
	}
	if want := []string{"mixed:event 1", "mixed:event 2", "mixed:topic 1", "mixed:topic 2"}; !slices.Equal(got, want) {
		t.Errorf("steps %q, want %q", got, want)
	}
}

// TestEvalClusterLogFlagsRefusedTogether checks that --memberships and
// --placement-log are refused on one file (the second would overwrite the
// first) and that a run where both would write nothing names both.
func TestEvalClusterLogFlagsRefusedTogether(t *testing.T) {
	files := writeClusterSets(t)
	same := filepath.Join(t.TempDir(), "out.jsonl")
	args := append([]string{"eval", "cluster", "--memberships", same, "--placement-log", same}, files...)
	if _, errOut, code := storyline(t, args...); code != 2 || !strings.Contains(errOut, same) {
		t.Errorf("one file for both: exit %d, stderr %q; want exit 2 and the file named", code, errOut)
	}
	spelledOtherwise := filepath.Dir(same) + "/./out.jsonl" // the same file
	args = append([]string{"eval", "cluster", "--memberships", same, "--placement-log", spelledOtherwise}, files...)
	if _, errOut, code := storyline(t, args...); code != 2 || !strings.Contains(errOut, same) {
		t.Errorf("one file spelled two ways: exit %d, stderr %q; want exit 2 and the file named", code, errOut)
	}
	args = append([]string{"eval", "cluster", "--loso", "--memberships", "m.jsonl", "--placement-log", "p.jsonl"}, files...)
	if _, errOut, code := storyline(t, args...); code != 2 || !strings.Contains(errOut, "--memberships") || !strings.Contains(errOut, "--placement-log") {
		t.Errorf("with --loso: exit %d, stderr %q; want exit 2 and both flags named", code, errOut)
	}
}
