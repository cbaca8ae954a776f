// Package cli is storyline's command line: it parses flags and configuration
// (the only place that reads the environment), wires the store, the pipeline
// and the server together, and prints results for people or as JSON.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// UsageError is a mistake in the command line; it exits with status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// PartialError says that some inputs failed (each already named on stderr);
// it exits with status 1.
type PartialError struct{ Failed int }

func (e *PartialError) Error() string { return fmt.Sprintf("%d inputs failed", e.Failed) }

// ExitCode maps an error from Main to the process's exit status: 0 success,
// 2 usage errors, 1 anything else (including some inputs failing).
func ExitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp):
		return 2
	}
	return 1
}

// env is what a command may use of its surroundings.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	logger         *slog.Logger
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"add", "[--db PATH] [--queue nats://...] PATH|URL...", "ingest files, folders, JSONL and URLs through the whole pipeline", runAdd},
		{"stories", "[--db PATH] [--json] [--q QUERY] [--since DURATION] [--source NAME]", "list stories, most recently updated first", runStories},
		{"show", "[--db PATH] [--json] STORY", "show a story: sources, shared and unique facts, quotes, entities, conflicts", runShow},
		{"extract", "[--text] [--format jsonl|benchmark] [--source NAME] [--url URL] PATH...", "extract articles from pages without storing them", runExtract},
		{"cluster", "[FILE.jsonl]", "cluster article JSONL (stdin when absent); prints {\"id\",\"story\"} per article", runCluster},
		{"annotate", "[--workers N] [FILE.jsonl]", "annotate article JSONL (stdin when absent): sentences, quotes, entities, quantities per article", runAnnotate},
		{"pairs", "FILE.pairs.jsonl", "score sentence pairs with the aligner; prints {\"id1\",\"id2\",\"score\",\"same\"}", runPairs},
		{"serve", "[--db PATH] [--queue nats://...] [--addr 127.0.0.1:8080] [--advertise URL] [--feeds FILE] [--token T] [--allow-private] [--fetch-delay 1s]", "serve the web UI and the JSON API, polling feeds; the database's one writer", runServe},
		{"worker", "--queue nats://... [--db PATH] [--take 32] [--workers N] [--addr HOST:PORT]", "take inputs from the queue, fetch and extract them, and publish the articles to the writer", runWorker},
		{"demo", "[--addr 127.0.0.1:8080]", "load the bundled demo corpus into a temporary database and serve it", runDemo},
		{"reextract", "[--db PATH]", "run the current extractor over every stored raw input again", runReextract},
		{"eval", "extract|meta|cluster|pairs|derive|entities|quotes|load|ingest ...", "run a benchmark and print its metrics", runEval},
	}
}

// Main runs storyline with the given arguments (without the program name).
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := env{stdin: os.Stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv,
		logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	return run(ctx, e, args)
}

func run(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		usage(e.stderr)
		return &UsageError{"no command given"}
	}
	switch args[0] {
	case "-h", "--help", "-help":
		usage(e.stdout)
		return nil
	case "help":
		if len(args) == 1 {
			usage(e.stdout)
			return nil
		}
		args = []string{args[1], "--help"}
	case "version", "--version", "-version":
		fmt.Fprintln(e.stdout, version())
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if asksHelp(args[1:]) {
				return commandHelp(ctx, e, c, args[1:])
			}
			err := c.run(ctx, e, args[1:])
			var ue *UsageError
			if errors.As(err, &ue) {
				fmt.Fprintf(e.stderr, "usage: storyline %s %s\n", c.name, c.args)
			}
			return err
		}
	}
	usage(e.stderr)
	return &UsageError{fmt.Sprintf("unknown command %q", args[0])}
}

// asksHelp reports whether a command's arguments ask for its help: -h,
// -help or --help before any "--".
func asksHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// commandHelp prints a command's help to stdout and exits 0, as the user
// asked for it: its synopsis and purpose, then its flags as the command
// itself defines them (its flag set prints them on -h).
func commandHelp(ctx context.Context, e env, c command, args []string) error {
	fmt.Fprintf(e.stdout, "usage: storyline %s %s\n\n%s\n\n", c.name, c.args, c.help)
	e.stderr = e.stdout
	err := c.run(ctx, e, args)
	var ue *UsageError
	if err == nil || errors.Is(err, flag.ErrHelp) || errors.As(err, &ue) {
		return nil // a command with subcommands (eval) answers -h with its usage error
	}
	return err
}

// version names the build: the module's version and the source revision
// the binary was built from, as the Go toolchain records them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "storyline (unknown version)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	out := "storyline " + v
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		out += " (" + rev + modified + ")"
	}
	return out + " " + info.GoVersion
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "storyline turns web captures of news into stories: every event once, with what each source says.")
	fmt.Fprintln(w, "\nusage: storyline COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n             %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "  version    print the version")
	fmt.Fprintln(w, "\nstoryline help COMMAND (or COMMAND --help) shows a command's flags.")
	fmt.Fprintln(w, "\nThe database is --db, else $STORYLINE_DB, else $XDG_DATA_HOME/storyline/storyline.db.")
}

// parseFlags parses flags that may stand before, between or after the
// positional arguments, and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &UsageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlags(name string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "flags:")
		fs.PrintDefaults()
	}
	return fs
}

// dbFlag adds --db to a command.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a SQLite file, or a postgres:// URL (default $STORYLINE_DB, else $XDG_DATA_HOME/storyline/storyline.db)")
}

// databasePath resolves the database: the flag, $STORYLINE_DB, then the
// platform's data folder ($XDG_DATA_HOME or ~/.local/share on Linux).
func databasePath(flagValue string, getenv func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := getenv("STORYLINE_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "storyline", "storyline.db"), nil
}

func dataDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no database given and no home folder: %w", err)
		}
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support"), nil
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return filepath.Join(home, "AppData", "Local"), nil
	}
	return filepath.Join(home, ".local", "share"), nil
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// terminalSafe writes to w with control characters (C0 other than newline
// and tab, DEL, C1) shown as \xNN escapes: titles, ids and texts come from
// pages and feeds, and an escape sequence in one must not reach the
// terminal as a command (retitle the window, rewrite the screen).
func terminalSafe(w io.Writer) io.Writer { return safeWriter{w} }

type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	clean := true
	for _, r := range string(p) {
		if isTerminalControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s.w.Write(p)
	}
	var b strings.Builder
	for _, r := range string(p) {
		if isTerminalControl(r) {
			fmt.Fprintf(&b, `\x%02x`, r)
			continue
		}
		b.WriteRune(r)
	}
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func isTerminalControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0
}
