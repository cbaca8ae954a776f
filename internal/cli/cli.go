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

	"github.com/storyline-news/storyline/internal/news"
)

// UsageError is a mistake in the command line; it exits with status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// PartialError says that some inputs failed (each already named on stderr);
// it exits with status 1.
type PartialError struct{ Failed int }

func (e *PartialError) Error() string { return news.Count(e.Failed, "input", "inputs") + " failed" }

// ExitCode maps an error from Main to the process's exit status: 0 success,
// 2 usage errors, 130 (ExitInterrupted) a command stopped by Ctrl-C or
// SIGTERM (an add or a reextract comparing its stories, or any error that
// wraps context.Canceled, such as an eval's fit stopped), 1 anything else
// (including some inputs failing).
func ExitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp):
		return 2
	}
	var ie *InterruptedError
	if errors.As(err, &ie) || errors.Is(err, context.Canceled) {
		return ExitInterrupted
	}
	return 1
}

// env is what a command may use of its surroundings.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	logger         *slog.Logger
	// describe, when set, collects the flag sets a command makes: the
	// command tree learns a command's flags by running it with -h
	// (describeFlags).
	describe *[]*flag.FlagSet
	// reports, when set, collects an eval mode's results for --json
	// (evaljson.go).
	reports *[]evalReport
}

// command is one of storyline's commands: its body run gets its flags and
// arguments as a list, and defines its flags with newFlags.
type command struct {
	name, args, help string
	run              func(ctx context.Context, e env, args []string) error
	long, example    string
}

func commands() []command {
	return []command{
		{"add", "[--db PATH] [--queue nats://...] [--json] [--format auto|jsonl|warc|feed|html|text] [--source NAME] [--url URL] PATH|URL|-...", "ingest files, folders, JSONL and URLs through the whole pipeline", runAdd,
			"Inputs: .html/.htm and .txt page files (optionally .gz), folders of them, JSONL of articles, WARC/WET\narchives, RSS/Atom feeds and http(s) URLs; - (or no argument, when stdin is not a terminal) reads the\nstandard input, told by its first bytes, or as --format says. A progress bar shows on a terminal; a summary line (or --json object) ends the run.",
			"  storyline add ~/captures/\n  storyline add --db news.db articles.jsonl https://example.org/feed.xml\n  zcat crawl.warc.gz | storyline add --json -"},
		{"stories", "[--db PATH] [--json] [--q QUERY] [--since T] [--until T] [--source NAME] [--order updated|published]", "list stories, most recently updated first (--order published: most recent news first)", runStories, "",
			"  storyline stories --since 7d\n  storyline stories --since 2019-03-01 --until 2019-03-31 --source nyt\n  storyline stories --q \"ferry fares\" --json --limit 0"},
		{"sources", "[--db PATH] [--json]", "list the outlets: articles, stories, first reports and rewrites of each, most articles first", runSources,
			"An outlet is one however its articles spell it (case, punctuation, a leading \"The\", \"www.\" and a domain's\nsuffix, a bracketed qualifier such as \"(Online News)\" aside): KEY is what --source and /sources/{key} take.\nA name no rule joins to its outlet (a short code: \"fox\", \"nyt\") is filed under it by `storyline sources alias`;\nthe aliases are listed under the table (and as \"aliases\" in --json).",
			"  storyline sources\n  storyline sources --json | jq -r '.[] | select(.articles > 10) | .key'\n  storyline sources alias fox \"Fox News\""},
		{"show", "[--db PATH] [--json] STORY", "show a story: sources, shared and unique facts, quotes, entities, conflicts", runShow, "",
			"  storyline show 3f2a9c\n  storyline show --json 3f2a9c | jq .facts"},
		{"extract", "[--text] [--format jsonl|benchmark] [--input-format auto|jsonl|warc|feed|html|text] [--source NAME] [--url URL] PATH|-...", "extract articles from pages without storing them", runExtract,
			"A text dump's first line is read as the page's <title>, as in the WET records and benchmark dumps the\ndump model was fitted on: put the title first (below); a dump without it loses precision (README, How extraction works).",
			"  storyline extract page.html\n  { echo 'Ferry fares to rise | The Gazette'; lynx -dump https://example.org/news/1; } | storyline extract --input-format text\n  storyline extract --format benchmark pages/ > predictions.json\n  curl -s https://example.org/news/1 | storyline extract --url https://example.org/news/1 -"},
		{"cluster", "[FILE.jsonl|-]", "cluster article JSONL (stdin when absent); prints {\"id\",\"story\"} per article", runCluster, "",
			"  storyline cluster articles.jsonl\n  storyline extract --format jsonl pages/ | storyline cluster"},
		{"annotate", "[--workers N] [FILE.jsonl|-]", "annotate article JSONL (stdin when absent): sentences, quotes, entities, quantities per article", runAnnotate, "",
			"  storyline annotate articles.jsonl\n  storyline extract page.html | storyline annotate | jq .quotes"},
		{"pairs", "[--mode paraphrase|fact] [FILE.pairs.jsonl|-]", "score sentence pairs (a file, or stdin when absent or -) with the aligner; prints {\"id1\",\"id2\",\"score\",\"same\"}", runPairs,
			"Each input line is {\"id1\",\"id2\",\"text1\",\"text2\"}: two sentences to compare.",
			"  storyline pairs --mode fact pairs.jsonl\n  jq -c '{id1, id2, text1: .a, text2: .b}' mine.jsonl | storyline pairs"},
		{"serve", "[--db PATH] [--queue nats://...] [--addr 127.0.0.1:8080] [--advertise URL] [--feeds FILE] [--token T] [--allow-private] [--fetch-delay 1s]", "serve the web UI and the JSON API, polling feeds; the database's one writer", runServe, "",
			"  storyline serve --feeds feeds.txt\n  STORYLINE_TOKEN=s3cret storyline serve --addr :8080 --base-url https://news.example.org"},
		{"worker", "--queue nats://... [--db PATH] [--take 32] [--workers N] [--addr HOST:PORT]", "take inputs from the queue, fetch and extract them, and publish the articles to the writer", runWorker, "",
			"  storyline worker --queue nats://queue:4222 --db postgres://news@db/storyline --addr :9090"},
		{"demo", "[--addr 127.0.0.1:8080]", "load the bundled demo corpus into a temporary database and serve it", runDemo, "",
			"  storyline demo\n  storyline demo --addr 127.0.0.1:0"},
		{"reextract", "[--db PATH]", "learn the site templates again and run the current extractor over every stored raw input again", runReextract, "",
			"  storyline reextract --db news.db"},
		{"export", "[--db PATH] [--format jsonl|csv] [--what articles|stories|memberships|duplicates|comparisons] [--since T] [--until T] [--source NAME]",
			"write the database's articles, stories, memberships, near-duplicate groups or comparisons as JSONL or CSV", runExport,
			"Records stream as the database gives them (memory stays flat however large it is). --since and --until\nfilter by publication time (an article with no date is left out by either); stories and comparisons\nare the stories with an article that passes. articles: DESIGN.md's article JSON with its story.\nmemberships: why each article is in its story. duplicates: each story's groups of near-identical\narticles. comparisons: each story's facts, unique claims, quotes, entities, conflicts and derivations\n(the stored comparison, or one made in memory as show does; in CSV a row a claim, each fact followed\nby its wording in each article, each conflicting value with the sentence that gives it).",
			"  storyline export --what articles > articles.jsonl\n  storyline export --what stories --format csv --since 2024-03-01 --until 2024-03-31 > march.csv\n  storyline export --what comparisons --source Reuters | jq .facts"},
		{"eval", strings.Join(evalModes(), "|") + " ...", "run a benchmark and print its metrics", runEval, "",
			"  storyline eval extract ../shared/bench/extraction/wcxb\n  storyline eval cluster --help"},
	}
}

// Main runs storyline with the given arguments (without the program name).
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := env{stdin: os.Stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv,
		logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	return run(ctx, e, args)
}

func run(ctx context.Context, e env, args []string) error {
	root := newRoot(ctx, e)
	root.SetArgs(normalizeFlags(root, args))
	return root.ExecuteContext(ctx)
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
	fmt.Fprintln(w, "  completion bash|zsh|fish|powershell")
	fmt.Fprintln(w, "             print a shell completion script (storyline completion --help says where to put it)")
	fmt.Fprintln(w, "\nstoryline help COMMAND (or COMMAND --help) shows a command's flags and examples;")
	fmt.Fprintln(w, "storyline help environment lists the environment variables that set flags.")
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
	if e.describe != nil {
		*e.describe = append(*e.describe, fs)
	}
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "flags:")
		fs.PrintDefaults()
	}
	return fs
}

// notNegative refuses a negative count flag whose 0 means its default
// (--workers 0: one per CPU), which would otherwise run as that default
// unsaid.
func notNegative(flagName string, n int) error {
	if n < 0 {
		return &UsageError{fmt.Sprintf("--%s %d: want 1 or more (0: the default)", flagName, n)}
	}
	return nil
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
